import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '../cases/cases.module';
import { ChurnReaderModule } from '../churn/churn-reader.module';
import { JobsModule } from '../common/jobs/jobs.module';
import { CustomersModule } from '../customers/customers.module';
import { MomentsModule } from '../customers/moments/moments.module';
import { MembersModule } from '../members/members.module';
import { TouchpointsModule } from '../touchpoints/touchpoints.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { CustomerWarningEntity } from './customer-warning.entity';
import { CustomerWarningsRepository } from './customer-warnings.repository';
import { EarlyWarningController } from './early-warning.controller';
import { EarlyWarningRulesEntity } from './early-warning-rules.entity';
import { EarlyWarningRulesRepository } from './early-warning-rules.repository';
import { EarlyWarningRulesService } from './early-warning-rules.service';
import { EarlyWarningScanJob } from './early-warning-scan.job';
import { EarlyWarningService } from './early-warning.service';
import { WarningDetector } from './warning-detector';
import { WarningListService } from './warning-list.service';
import { WarningTimelineSource } from './warning-timeline.source';

/**
 * Early warning: rules a workspace edits, a scan over customers' behaviour (daily and soon after new activity) that
 * raises warnings with an "at risk" case, a webhook and a survey moment, and clears them when the behaviour comes back.
 */
@Module({
  imports: [
    CustomersModule,
    MomentsModule,
    CasesModule,
    ChurnReaderModule,
    MembersModule,
    TouchpointsModule,
    WebhooksModule,
    JobsModule,
    TypeOrmModule.forFeature([EarlyWarningRulesEntity, CustomerWarningEntity]),
  ],
  controllers: [EarlyWarningController],
  providers: [
    EarlyWarningRulesRepository,
    EarlyWarningRulesService,
    CustomerWarningsRepository,
    WarningDetector,
    WarningListService,
    EarlyWarningService,
    EarlyWarningScanJob,
    WarningTimelineSource,
  ],
  exports: [EarlyWarningService],
})
export class EarlyWarningModule {}
