import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobsModule } from '../common/jobs/jobs.module';
import { CustomersModule } from '../customers/customers.module';
import { MembersModule } from '../members/members.module';
import { SegmentsReaderModule } from '../segments/segments-reader.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { WorkspacesDataModule } from '../workspaces/workspaces-data.module';
import { MentionCsvController } from './csv/mention-csv.controller';
import { MentionCsvService } from './csv/mention-csv.service';
import { FeedPollService } from './feeds/feed-poll.service';
import { FeedPollJob } from './feeds/feed-poll.job';
import { MentionFeedEntity } from './feeds/mention-feed.entity';
import { MentionFeedsController } from './feeds/mention-feeds.controller';
import { MentionFeedsRepository } from './feeds/mention-feeds.repository';
import { MentionFeedsService } from './feeds/mention-feeds.service';
import { IngestKeysRepository } from './ingest-keys/ingest-keys.repository';
import { MentionIngestKeyEntity } from './ingest-keys/mention-ingest-key.entity';
import { MentionIngestNonceEntity } from './ingest-keys/mention-ingest-nonce.entity';
import { IngestKeysService } from './ingest-keys/ingest-keys.service';
import { SignedIngestService } from './ingest-keys/signed-ingest.service';
import { MentionIngestController } from './mention-ingest.controller';
import { MentionIngestService } from './mention-ingest.service';
import { MentionEntity } from './mention.entity';
import { MentionsController } from './mentions.controller';
import { MentionsQueryRepository } from './mentions-query.repository';
import { MentionsRepository } from './mentions.repository';
import { MentionsService } from './mentions.service';
import { MentionTimelineSource } from './mention-timeline.source';
import { MentionAlertEntity } from './spikes/mention-alert.entity';
import { MentionAlertsRepository } from './spikes/mention-alerts.repository';
import { SpikeAlertsService } from './spikes/spike-alerts.service';

/** Social mentions: ingest from every channel, copies and threads, triage, figures and spike alerts. */
@Module({
  imports: [
    TypeOrmModule.forFeature([MentionEntity, MentionFeedEntity, MentionIngestKeyEntity, MentionIngestNonceEntity, MentionAlertEntity]),
    WebhooksModule,
    CustomersModule,
    JobsModule,
    WorkspacesDataModule,
    MembersModule,
    SegmentsReaderModule,
  ],
  controllers: [MentionIngestController, MentionCsvController, MentionFeedsController, MentionsController],
  providers: [
    MentionTimelineSource,
    MentionsRepository,
    MentionsQueryRepository,
    MentionIngestService,
    MentionsService,
    MentionAlertsRepository,
    SpikeAlertsService,
    IngestKeysRepository,
    IngestKeysService,
    SignedIngestService,
    MentionCsvService,
    MentionFeedsRepository,
    FeedPollService,
    FeedPollJob,
    MentionFeedsService,
  ],
  exports: [MentionIngestService, MentionsService, SpikeAlertsService, MentionFeedsService],
})
export class MentionsModule {}
