import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { CustomerEntity } from '../customers/customer.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { SKIP_REASON_SQL_LIST, type RecipientStatus, type SkipReason } from './invitation-rules';
import { SurveySendEntity } from './survey-send.entity';

/** One person a send invites: their address, language and token, and what happened (invited, reminded, answered…). */
@Entity('survey_send_recipients')
@Check('survey_send_recipients_status_check', `status IN ('pending', 'invited', 'skipped')`)
@Check('survey_send_recipients_skip_reason_check', `skip_reason IN ${SKIP_REASON_SQL_LIST}`)
@Unique('survey_send_recipients_token_key', ['token'])
@ForeignKey(() => SurveySendEntity, ['workspaceId', 'sendId'], ['workspaceId', 'id'], {
  name: 'survey_send_recipients_send_fkey',
  onDelete: 'CASCADE',
})
@ForeignKey(() => CustomerEntity, ['workspaceId', 'customerExternalId'], ['workspaceId', 'externalId'], {
  name: 'survey_send_recipients_customer_fkey',
  onDelete: 'CASCADE',
})
@Index('survey_send_recipients_customer_key', ['workspaceId', 'sendId', 'customerExternalId'], { unique: true })
@Index('survey_send_recipients_send_idx', ['workspaceId', 'sendId', 'status'])
// (reminder_due_at) WHERE reminder_due_at IS NOT NULL AND reminded_at IS NULL: a partial index, named only.
@Index('survey_send_recipients_reminder_due_idx', { synchronize: false })
export class SurveySendRecipientEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  @ForeignKey(() => WorkspaceEntity, { name: 'survey_send_recipients_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'send_id', type: 'uuid' })
  sendId: string;

  @Column({ name: 'survey_id', type: 'uuid' })
  surveyId: string;

  /** Null for a pasted address that is no customer of the workspace. */
  @Column({ name: 'customer_external_id', type: 'varchar', length: 200, nullable: true })
  customerExternalId: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  address: string | null;

  @Column({ type: 'varchar', length: 16 })
  language: string;

  /** Opaque and random (192 bits, base64url): the score, survey and unsubscribe links carry it instead of any identity. */
  @Column({ type: 'varchar', length: 64 })
  token: string;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: RecipientStatus;

  @Column({ name: 'skip_reason', type: 'varchar', length: 32, nullable: true })
  skipReason: SkipReason | null;

  /** The outbox rows (messaging) of the invitation and of the reminder. */
  @Column({ name: 'message_id', type: 'uuid', nullable: true })
  messageId: string | null;

  @Column({ name: 'reminder_message_id', type: 'uuid', nullable: true })
  reminderMessageId: string | null;

  @Column({ name: 'invited_at', type: 'timestamptz', nullable: true })
  invitedAt: Date | null;

  @Column({ name: 'reminder_due_at', type: 'timestamptz', nullable: true })
  reminderDueAt: Date | null;

  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true })
  remindedAt: Date | null;

  /** First click on any of the email's links (a score or the survey page). */
  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true })
  openedAt: Date | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  /** The last score clicked in the email. */
  @Column({ type: 'smallint', nullable: true })
  score: number | null;

  @Column({ name: 'response_id', type: 'uuid', nullable: true })
  responseId: string | null;

  @Column({ name: 'unsubscribed_at', type: 'timestamptz', nullable: true })
  unsubscribedAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
