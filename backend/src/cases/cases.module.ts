import { ResponsesReaderModule } from '../responses/responses-reader.module';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobsModule } from '../common/jobs/jobs.module';
import { TOUCHPOINT_CASE_STATS } from '../touchpoints/case-stats.port';
import { TOUCHPOINT_OWNER_CHANGED } from '../touchpoints/owner-change.port';
import { TouchpointsModule } from '../touchpoints/touchpoints.module';
import { ChurnReaderModule } from '../churn/churn-reader.module';
import { ClustersReaderModule } from '../complaints/clusters-reader.module';
import { SegmentsReaderModule } from '../segments/segments-reader.module';
import { CustomersModule } from '../customers/customers.module';
import { MembersModule } from '../members/members.module';
import { MentionsReaderModule } from '../mentions/mentions-reader.module';
import { MessagingModule } from '../messaging/messaging.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { WorkspacesDataModule } from '../workspaces/workspaces-data.module';
import { CaseBreachJob } from './case-breach.job';
import { CaseBreachRepository } from './case-breach.repository';
import { CaseEventEntity } from './case-event.entity';
import { CaseOwnerRouting } from './case-owner-routing';
import { CaseRoutingCursorEntity } from './case-routing-cursor.entity';
import { CaseSettingsEntity } from './case-settings.entity';
import { CaseSlaService } from './case-sla.service';
import { CaseStatsProvider } from './case-stats.provider';
import { CaseSourcesRepository } from './case-sources.repository';
import { CaseSyncJob } from './case-sync.job';
import { CaseSyncService } from './case-sync.service';
import { CaseTimelineRepository } from './case-timeline.repository';
import { CaseTimelineSource } from './case-timeline.source';
import { CaseEntity } from './case.entity';
import { CaseInboundHandler } from './replies/case-inbound.handler';
import { CaseReplyDelivery } from './replies/case-reply-delivery';
import { CaseThreadController } from './replies/case-thread.controller';
import { CaseRoutingHopEntity } from './routing/case-routing-hop.entity';
import { CaseRoutingHopsRepository } from './routing/case-routing-hops.repository';
import { CasesController } from './cases.controller';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';
import { CaseReportsController } from './reports/case-reports.controller';
import { CaseReportsRepository } from './reports/case-reports.repository';
import { CaseReportsService } from './reports/case-reports.service';
import { RoutingReportController } from './reports/routing-report.controller';
import { RoutingReportRepository } from './reports/routing-report.repository';
import { RoutingReportService } from './reports/routing-report.service';

/** Cases with SLA timers: automatic opening from feedback, routing, pauses, warnings/escalations, closing and reopening. */
@Module({
  imports: [
    WebhooksModule,
    CustomersModule,
    JobsModule,
    ResponsesReaderModule,
    TouchpointsModule,
    WorkspacesDataModule,
    MembersModule,
    ChurnReaderModule,
    MentionsReaderModule,
    ClustersReaderModule,
    SegmentsReaderModule,
    MessagingModule,
    TypeOrmModule.forFeature([CaseEntity, CaseEventEntity, CaseRoutingCursorEntity, CaseSettingsEntity, CaseRoutingHopEntity]),
  ],
  controllers: [CasesController, CaseThreadController, CaseReportsController, RoutingReportController],
  providers: [
    CasesRepository,
    CaseRoutingHopsRepository,
    CaseBreachRepository,
    CaseSourcesRepository,
    CaseSlaService,
    CasesService,
    CaseBreachJob,
    CaseSyncService,
    CaseSyncJob,
    // The journey map's case figures (touchpoints looks this token up without importing this module).
    CaseStatsProvider,
    { provide: TOUCHPOINT_CASE_STATS, useExisting: CaseStatsProvider },
    // A touchpoint's new owner takes its unassigned open cases (touchpoints looks this token up too).
    CaseOwnerRouting,
    { provide: TOUCHPOINT_OWNER_CHANGED, useExisting: CaseOwnerRouting },
    // SLA reports (case-reports endpoints).
    CaseReportsRepository,
    CaseReportsService,
    // Misrouting report (case-reports/routing).
    RoutingReportRepository,
    RoutingReportService,
    // The customer timeline's "case" kind (registered with CustomersModule's TimelineRegistry).
    CaseTimelineRepository,
    CaseTimelineSource,
    // Replies in the customer's channel (queued through messaging) and inbound replies landing on their cases.
    CaseReplyDelivery,
    CaseInboundHandler,
  ],
  exports: [CasesService, CaseBreachJob, CaseReportsService],
})
export class CasesModule {}
