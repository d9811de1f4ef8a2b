import { Check, Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { WorkspaceEntity } from '../workspaces/workspace.entity';

export type SuppressionReason = 'bounced' | 'complained';

/** An address the workspace no longer emails: it bounced permanently or complained. Stored lower-case. */
@Entity('email_suppressions')
@Check('email_suppressions_address_check', 'address = lower(address)')
@Check('email_suppressions_reason_check', `reason IN ('bounced', 'complained')`)
export class EmailSuppressionEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  @ForeignKey(() => WorkspaceEntity, { name: 'email_suppressions_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  @PrimaryColumn({ type: 'varchar', length: 320 })
  address: string;

  @Column({ type: 'varchar', length: 16 })
  reason: SuppressionReason;

  /** The server's refusal, e.g. "550 5.1.1 user unknown". */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  detail: string | null;

  /** The message (messages.id) that bounced. */
  @Column({ name: 'message_id', type: 'uuid', nullable: true })
  messageId: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
