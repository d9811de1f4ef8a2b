import { ActivityImportService } from './activity-import.service';
import { ActivityTimelineSource } from './activity-timeline.source';
import { ActivityController } from './activity.controller';
import { ActivityRepository } from './activity.repository';
import { ActivityService } from './activity.service';
import { CustomerActivityEntity } from './customer-activity.entity';
import { RfmScoringJob } from './rfm-scoring.job';
import { RfmController } from './rfm.controller';
import { RfmRepository } from './rfm.repository';
import { RfmService } from './rfm.service';

export { RfmService } from './rfm.service';

/** What CustomersModule mounts for activity and RFM. */
export const ACTIVITY_ENTITIES = [CustomerActivityEntity];
/** Fixed paths (customers/rfm, customers/activity/…): mounted before customers/:externalId. */
export const ACTIVITY_CONTROLLERS = [ActivityController, RfmController];
export const ACTIVITY_PROVIDERS = [
  ActivityRepository,
  ActivityService,
  ActivityImportService,
  ActivityTimelineSource,
  RfmRepository,
  RfmService,
  RfmScoringJob,
];
