import { JobsModule } from '../../common/jobs/jobs.module';
import { WebhooksModule } from '../../webhooks/webhooks.module';
import { CustomerStatusChangeEntity } from './customer-status-change.entity';
import { CustomerStatusRulesEntity } from './customer-status-rules.entity';
import { CustomerStatusController } from './customer-status.controller';
import { CustomerStatusJob } from './customer-status.job';
import { CustomerStatusRepository } from './customer-status.repository';
import { CustomerStatusService } from './customer-status.service';
import { CustomerStatusViews } from './customer-status.views';
import { StatusReportRepository } from './status-report.repository';
import { StatusReportService } from './status-report.service';
import { StatusTimelineSource } from './status-timeline.source';

export { CustomerStatusService } from './customer-status.service';

/** What CustomersModule mounts for colour statuses. */
export const STATUS_IMPORTS = [WebhooksModule, JobsModule];
export const STATUS_ENTITIES = [CustomerStatusChangeEntity, CustomerStatusRulesEntity];
/** Fixed paths (customers/status-rules, customers/status-report): mounted before customers/:externalId. */
export const STATUS_CONTROLLERS = [CustomerStatusController];
export const STATUS_PROVIDERS = [
  CustomerStatusRepository,
  CustomerStatusService,
  CustomerStatusViews,
  CustomerStatusJob,
  StatusReportRepository,
  StatusReportService,
  StatusTimelineSource,
];
