import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { ContactRefusal } from '../common/contact/contact-gate.port';
import { UserEntity } from '../users/user.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import type { EmailBlock, MessageChannel, MessageDirection, MessagePurpose, MessageStatus } from './message-types';

/** One message to or from a customer: the outbox row the dispatch job sends, or an inbound reply as received. */
@Entity('messages')
@Check('messages_direction_check', `direction IN ('outbound', 'inbound')`)
@Check('messages_channel_check', `channel IN ('email', 'sms', 'telegram', 'whatsapp', 'public')`)
@Check('messages_purpose_check', `purpose IN ('service', 'survey', 'marketing')`)
@Check('messages_status_check', `status IN ('queued', 'held', 'sent', 'delivered', 'bounced', 'failed', 'cancelled', 'received')`)
@Check('messages_outbound_message_id_check', `direction = 'inbound' OR message_id IS NOT NULL`)
@Index('messages_dispatch_idx', ['status', 'nextAttemptAt'])
@Index('messages_list_idx', ['workspaceId', 'createdAt', 'id'])
@Index('messages_customer_idx', ['workspaceId', 'customerExternalId', 'createdAt'])
// Partial indexes (see the migration): named only.
@Index('messages_case_idx', { synchronize: false })
@Index('messages_message_id_key', { synchronize: false })
@Index('messages_inbound_message_id_idx', { synchronize: false })
@Index('messages_invitation_recipient_idx', { synchronize: false })
export class MessageEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  @ForeignKey(() => WorkspaceEntity, { name: 'messages_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 8 })
  direction: MessageDirection;

  @Column({ type: 'varchar', length: 16 })
  channel: MessageChannel;

  @Column({ type: 'varchar', length: 16, default: 'service' })
  purpose: MessagePurpose;

  @Column({ type: 'varchar', length: 16 })
  status: MessageStatus;

  /** Outbound: the email address, phone, chat id or (public) the mention's URL. Inbound: our address it came to. */
  @Column({ name: 'to_address', type: 'varchar', length: 2048, nullable: true })
  toAddress: string | null;

  @Column({ name: 'from_address', type: 'varchar', length: 500, nullable: true })
  fromAddress: string | null;

  @Column({ name: 'customer_external_id', type: 'varchar', length: 200, nullable: true })
  customerExternalId: string | null;

  @Column({ type: 'varchar', length: 16, default: 'en' })
  language: string;

  @Column({ type: 'varchar', length: 998, nullable: true })
  subject: string | null;

  @Column({ name: 'text_body', type: 'text' })
  textBody: string;

  @Column({ type: 'jsonb', nullable: true })
  blocks: EmailBlock[] | null;

  /** No foreign key: cases belong to the cases module, and a message outlives nothing it should not. */
  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId: string | null;

  @Column({ name: 'invitation_recipient_id', type: 'uuid', nullable: true })
  invitationRecipientId: string | null;

  /** RFC 5322 Message-ID with its angle brackets; ours are `<uuid@from-domain>`. */
  @Column({ name: 'message_id', type: 'varchar', length: 998, nullable: true })
  messageId: string | null;

  @Column({ name: 'in_reply_to', type: 'varchar', length: 998, nullable: true })
  inReplyTo: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  references: string[];

  @Column({ name: 'unsubscribe_url', type: 'varchar', length: 2048, nullable: true })
  unsubscribeUrl: string | null;

  /** Why the contact policy holds it (status held). */
  @Column({ name: 'hold_reasons', type: 'jsonb', nullable: true })
  holdReasons: ContactRefusal[] | null;

  /** When the current hold began (status held); a hold older than 30 days is cancelled. */
  @Column({ name: 'held_at', type: 'timestamptz', nullable: true })
  heldAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** When the dispatch may take it next (a claim pushes it forward by the lease, so a crashed send is retried). */
  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  @Column({ name: 'last_error', type: 'varchar', length: 1000, nullable: true })
  lastError: string | null;

  @Column({ name: 'send_after', type: 'timestamptz', nullable: true })
  sendAfter: Date | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @Column({ name: 'bounced_at', type: 'timestamptz', nullable: true })
  bouncedAt: Date | null;

  @Column({ name: 'failed_at', type: 'timestamptz', nullable: true })
  failedAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'messages_created_by_fkey', onDelete: 'SET NULL' })
  createdBy: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
