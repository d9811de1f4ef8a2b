import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { MessagingSettingsEntity } from './messaging-settings.entity';

export type SenderSettings = Pick<MessagingSettingsEntity, 'fromName' | 'fromAddress' | 'replyTo' | 'brandColour'>;

@Injectable()
export class MessagingSettingsRepository {
  constructor(@InjectRepository(MessagingSettingsEntity) private readonly settings: Repository<MessagingSettingsEntity>) {}

  find(workspaceId: string): Promise<MessagingSettingsEntity | null> {
    return this.settings.findOneBy({ workspaceId });
  }

  /** Saves the sender settings, keeping the inbound secret. */
  async saveSender(workspaceId: string, sender: SenderSettings, userId: string | null): Promise<void> {
    await this.settings
      .createQueryBuilder()
      .insert()
      .values({ workspaceId, ...sender, updatedBy: userId })
      // EXCLUDED.updated_at is the insert's default, now().
      .orUpdate(['from_name', 'from_address', 'reply_to', 'brand_colour', 'updated_by', 'updated_at'], ['workspace_id'])
      .execute();
  }

  /** The secret, created once when there is none (two first reveals racing agree on one). */
  async ensureInboundSecret(workspaceId: string, candidate: string): Promise<string> {
    await this.settings.createQueryBuilder().insert().values({ workspaceId, inboundSecret: candidate }).orIgnore().execute();
    await this.settings
      .createQueryBuilder()
      .update()
      .set({ inboundSecret: candidate })
      .where('workspace_id = :workspaceId AND inbound_secret IS NULL', { workspaceId })
      .execute();
    return (await this.settings.findOneByOrFail({ workspaceId })).inboundSecret!;
  }

  async setInboundSecret(workspaceId: string, secret: string, userId: string | null): Promise<void> {
    await this.settings
      .createQueryBuilder()
      .insert()
      .values({ workspaceId, inboundSecret: secret, updatedBy: userId })
      .orUpdate(['inbound_secret', 'updated_by', 'updated_at'], ['workspace_id'])
      .execute();
  }
}
