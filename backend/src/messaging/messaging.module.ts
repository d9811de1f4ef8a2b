import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobsModule } from '../common/jobs/jobs.module';
import { CustomersModule } from '../customers/customers.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { WorkspacesDataModule } from '../workspaces/workspaces-data.module';
import { EmailTransport } from './email/email-transport';
import { EmailSuppressionEntity } from './email-suppression.entity';
import { EmailSuppressionsRepository } from './email-suppressions.repository';
import { InboundMessageHandlers } from './inbound-message-handlers';
import { MessageEntity } from './message.entity';
import { MessagesRepository } from './messages.repository';
import { MessagingDispatchJob } from './messaging-dispatch.job';
import { MessagingSettingsEntity } from './messaging-settings.entity';
import { MessagingSettingsRepository } from './messaging-settings.repository';
import { MessagingSettingsService } from './messaging-settings.service';
import { MessagingService } from './messaging.service';
import { MessagesController } from './messages.controller';
import { MessagingSettingsController } from './messaging-settings.controller';
import { OutboxService } from './outbox.service';

/**
 * Messages to and from customers: the outbox (queued in the sender's transaction, sent by the dispatch job over SMTP
 * or the workspace's gateway), inbound replies, bounced addresses and each workspace's sender settings.
 */
@Module({
  imports: [
    JobsModule,
    WorkspacesDataModule,
    WebhooksModule,
    CustomersModule,
    TypeOrmModule.forFeature([MessageEntity, EmailSuppressionEntity, MessagingSettingsEntity]),
  ],
  providers: [
    MessagesRepository,
    EmailSuppressionsRepository,
    MessagingSettingsRepository,
    MessagingSettingsService,
    MessagingService,
    InboundMessageHandlers,
    EmailTransport,
    MessagingDispatchJob,
    OutboxService,
  ],
  controllers: [MessagesController, MessagingSettingsController],
  exports: [MessagingService, MessagingSettingsService, InboundMessageHandlers],
})
export class MessagingModule {}
