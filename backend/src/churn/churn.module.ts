import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobsModule } from '../common/jobs/jobs.module';
import { CustomerIdentityModule } from '../customer-identity/customer-identity.module';
import { CustomersModule } from '../customers/customers.module';
import { SegmentsReaderModule } from '../segments/segments-reader.module';
import { SurveysModule } from '../surveys/surveys.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { WorkspacesDataModule } from '../workspaces/workspaces-data.module';
import { CHURN_ANALYTICS_CONTROLLERS, CHURN_ANALYTICS_PROVIDERS } from './analytics';
import { CasesReaderModule } from '../cases/cases-reader.module';
import { ClustersReaderModule } from '../complaints/clusters-reader.module';
import { ResponsesReaderModule } from '../responses/responses-reader.module';
import { ChurnReaderModule } from './churn-reader.module';
import { RED_SPECTRUM_CONTROLLERS, RED_SPECTRUM_PROVIDERS } from './red-spectrum';
import { CancellationFlowEntity } from './cancellation-flow.entity';
import { CancellationTimelineRepository } from './cancellation-timeline.repository';
import { CancellationTimelineSource } from './cancellation-timeline.source';
import { CancellationEntity } from './cancellation.entity';
import { CancellationFlowsController, PublicCancellationController } from './cancellation-flows.controller';
import { CancellationFlowsRepository } from './cancellation-flows.repository';
import { CancellationFlowsService } from './cancellation-flows.service';
import { ChurnReasonEntity } from './churn-reason.entity';
import { ChurnReasonsController, ChurnSummaryController } from './churn-reasons.controller';
import { ChurnSummaryRepository } from './churn-summary.repository';
import { InactivityController } from './inactivity.controller';
import { InactivityRepository } from './inactivity.repository';
import { InactivityService } from './inactivity.service';
import { PublicCancellationRoutes } from './public-cancellation-routes';
import { SleepingNotifier } from './sleeping-notifier';
import { SleepingScanJob } from './sleeping-scan.job';
import { ChurnSummaryService } from './churn-summary.service';
import { ChurnReasonsRepository } from './churn-reasons.repository';
import { ChurnReasonsService } from './churn-reasons.service';

@Module({
  imports: [
    SurveysModule,
    WebhooksModule,
    CustomerIdentityModule,
    CustomersModule,
    JobsModule,
    WorkspacesDataModule,
    SegmentsReaderModule,
    ChurnReaderModule,
    CasesReaderModule,
    ClustersReaderModule,
    ResponsesReaderModule,
    TypeOrmModule.forFeature([ChurnReasonEntity, CancellationFlowEntity, CancellationEntity]),
  ],
  controllers: [
    ChurnReasonsController,
    ChurnSummaryController,
    InactivityController,
    CancellationFlowsController,
    PublicCancellationController,
    ...CHURN_ANALYTICS_CONTROLLERS,
    ...RED_SPECTRUM_CONTROLLERS,
  ],
  providers: [
    ChurnReasonsRepository,
    ChurnReasonsService,
    CancellationFlowsRepository,
    CancellationFlowsService,
    ChurnSummaryRepository,
    ChurnSummaryService,
    InactivityRepository,
    InactivityService,
    SleepingNotifier,
    SleepingScanJob,
    CancellationTimelineRepository,
    CancellationTimelineSource,
    PublicCancellationRoutes,
    ...CHURN_ANALYTICS_PROVIDERS,
    ...RED_SPECTRUM_PROVIDERS,
  ],
  exports: [ChurnReasonsService, CancellationFlowsService, ChurnSummaryService, InactivityService, ...CHURN_ANALYTICS_PROVIDERS],
})
export class ChurnModule {}
