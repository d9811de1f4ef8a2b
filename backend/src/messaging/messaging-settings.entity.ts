import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';

/** How a workspace's messages look and come from (a missing row means the defaults: MAIL_FROM, no colour). */
@Entity('messaging_settings')
@Check('messaging_settings_brand_colour_check', `brand_colour ~ '^#[0-9a-f]{6}$'`)
export class MessagingSettingsEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  @ForeignKey(() => WorkspaceEntity, { name: 'messaging_settings_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  @Column({ name: 'from_name', type: 'varchar', length: 100, nullable: true })
  fromName: string | null;

  @Column({ name: 'from_address', type: 'varchar', length: 254, nullable: true })
  fromAddress: string | null;

  @Column({ name: 'reply_to', type: 'varchar', length: 254, nullable: true })
  replyTo: string | null;

  /** `#rrggbb`, lower-case. */
  @Column({ name: 'brand_colour', type: 'varchar', length: 7, nullable: true })
  brandColour: string | null;

  /** Signs the inbound endpoints' requests (Standard Webhooks, `whsec_…`); created on first reveal. */
  @Column({ name: 'inbound_secret', type: 'varchar', length: 100, nullable: true })
  inboundSecret: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'messaging_settings_updated_by_fkey', onDelete: 'SET NULL' })
  updatedBy: string | null;
}
