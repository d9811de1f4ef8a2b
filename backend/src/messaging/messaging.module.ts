import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobsModule } from '../common/jobs/jobs.module';
import { WorkspacesDataModule } from '../workspaces/workspaces-data.module';
import { EmailSuppressionEntity } from './email-suppression.entity';
import { EmailSuppressionsRepository } from './email-suppressions.repository';
import { InboundMessageHandlers } from './inbound-message-handlers';
import { MessageEntity } from './message.entity';
import { MessagesRepository } from './messages.repository';
import { MessagingSettingsEntity } from './messaging-settings.entity';
import { MessagingSettingsRepository } from './messaging-settings.repository';
import { MessagingSettingsService } from './messaging-settings.service';
import { MessagingService } from './messaging.service';

/**
 * Messages to and from customers: the outbox (queued in the sender's transaction, sent by the dispatch job over SMTP
 * or the workspace's gateway), inbound replies, bounced addresses and each workspace's sender settings.
 */
@Module({
  imports: [JobsModule, WorkspacesDataModule, TypeOrmModule.forFeature([MessageEntity, EmailSuppressionEntity, MessagingSettingsEntity])],
  providers: [
    MessagesRepository,
    EmailSuppressionsRepository,
    MessagingSettingsRepository,
    MessagingSettingsService,
    MessagingService,
    InboundMessageHandlers,
  ],
  exports: [MessagingService, MessagingSettingsService, InboundMessageHandlers],
})
export class MessagingModule {}
