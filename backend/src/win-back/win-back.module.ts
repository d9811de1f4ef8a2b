import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesReaderModule } from '../cases/cases-reader.module';
import { ChurnReaderModule } from '../churn/churn-reader.module';
import { JobsModule } from '../common/jobs/jobs.module';
import { ClustersReaderModule } from '../complaints/clusters-reader.module';
import { CustomersModule } from '../customers/customers.module';
import { MessagingModule } from '../messaging/messaging.module';
import { SurveyMetricsModule } from '../survey-metrics/survey-metrics.module';
import { TouchpointsModule } from '../touchpoints/touchpoints.module';
import { UsersModule } from '../users/users.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { MarketingUnsubscribeService } from './marketing-unsubscribe.service';
import { MarketingUnsubscribeRateLimitGuard, PublicMarketingUnsubscribeController } from './public-marketing-unsubscribe.controller';
import { ProblemInsightsService } from './problem-insights.service';
import { ProblemViews } from './problem-views';
import { RecoveryCustomerEntity } from './recovery-customer.entity';
import { RecoveryCustomersRepository } from './recovery-customers.repository';
import { RecoveryProblemCaseEntity } from './recovery-problem-case.entity';
import { RecoveryProblemEntity } from './recovery-problem.entity';
import { RecoveryProblemsRepository } from './recovery-problems.repository';
import { RecoveryReportRepository } from './recovery-report.repository';
import { RecoveryReportService } from './recovery-report.service';
import { WinBackController } from './win-back.controller';
import { WinBackNoticeService } from './win-back-notice.service';
import { WinBackService } from './win-back.service';
import { WinBackTimelineRepository } from './win-back-timeline.repository';
import { WinBackTimelineSource } from './win-back-timeline.source';
import { WinBackTrackingJob } from './win-back-tracking.job';
import { WinBackTrackingRepository } from './win-back-tracking.repository';
import { WinBackTrackingService } from './win-back-tracking.service';

/**
 * The win-back loop (issue 19): a cluster, churn reason or known issue marked fixed, the customers it hurt (snapshot),
 * told in their channel through messaging (marketing purpose: consents and the contact policy apply), followed until
 * they answer or come back, with revenue recovered, before/after charts, the report and the customer timeline.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([RecoveryProblemEntity, RecoveryProblemCaseEntity, RecoveryCustomerEntity]),
    CasesReaderModule,
    ChurnReaderModule,
    ClustersReaderModule,
    CustomersModule,
    JobsModule,
    MessagingModule,
    SurveyMetricsModule,
    TouchpointsModule,
    UsersModule,
    WebhooksModule,
  ],
  controllers: [WinBackController, PublicMarketingUnsubscribeController],
  providers: [
    RecoveryProblemsRepository,
    RecoveryCustomersRepository,
    RecoveryReportRepository,
    WinBackService,
    WinBackNoticeService,
    ProblemViews,
    ProblemInsightsService,
    RecoveryReportService,
    // The notices' unsubscribe link (public, by token).
    MarketingUnsubscribeService,
    MarketingUnsubscribeRateLimitGuard,
    // Who answered and who came back after a notice: every few minutes, and on opening a problem.
    WinBackTrackingRepository,
    WinBackTrackingService,
    WinBackTrackingJob,
    // The customer timeline's "recovery" kind (registered with CustomersModule's TimelineRegistry).
    WinBackTimelineRepository,
    WinBackTimelineSource,
  ],
  exports: [WinBackService, WinBackNoticeService, WinBackTrackingService],
})
export class WinBackModule {}
