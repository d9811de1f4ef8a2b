import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobsModule } from '../common/jobs/jobs.module';
import { MentionsReaderModule } from '../mentions/mentions-reader.module';
import { ResponsesReaderModule } from '../responses/responses-reader.module';
import { SegmentsReaderModule } from '../segments/segments-reader.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { WorkspacesDataModule } from '../workspaces/workspaces-data.module';
import { ClusterAlertEntity } from './cluster-alert.entity';
import { ClusterGrowthService } from './cluster-growth.service';
import { ClusterPlacementService } from './cluster-placement.service';
import { ClusterRebuildService } from './cluster-rebuild.service';
import { ClusterRunEntity } from './cluster-run.entity';
import { ClusterSyncJob } from './cluster-sync.job';
import { ClusterEntity } from './cluster.entity';
import { ClustersController } from './clusters.controller';
import { ClustersRepository } from './clusters.repository';
import { ClustersService } from './clusters.service';
import { ComplaintsJobsService } from './complaints-jobs.service';
import { FeedbackTextEntity } from './feedback-text.entity';
import { FeedbackTextsRepository } from './feedback-texts.repository';

/** Complaint clusters: feedback texts from every source, rebuilds that keep identity, placement, edits and growth alerts. */
@Module({
  imports: [
    TypeOrmModule.forFeature([FeedbackTextEntity, ClusterEntity, ClusterRunEntity, ClusterAlertEntity]),
    WorkspacesDataModule,
    WebhooksModule,
    JobsModule,
    ResponsesReaderModule,
    MentionsReaderModule,
    SegmentsReaderModule,
  ],
  controllers: [ClustersController],
  providers: [
    FeedbackTextsRepository,
    ClustersRepository,
    ClusterRebuildService,
    ClusterPlacementService,
    ClusterGrowthService,
    ComplaintsJobsService,
    ClusterSyncJob,
    ClustersService,
  ],
  exports: [ClustersService],
})
export class ComplaintsModule {}
