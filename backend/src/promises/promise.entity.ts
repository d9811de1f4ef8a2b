import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { CaseEntity } from '../cases/case.entity';
import { TouchpointEntity } from '../touchpoints/touchpoint.entity';
import { UserEntity } from '../users/user.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import type { PromiseSource, PromiseSourceRef, PromiseStatus } from './promise-rules';

/**
 * A commitment to a customer (or an audit improvement step) with its due time on the SLA clock; the reminder and
 * the escalation are claimed once through reminded_at / escalated_at, and version guards concurrent edits.
 */
@Entity('promises')
@Check('promises_text_check', `length(btrim(text)) > 0`)
@Check('promises_source_check', `source IN ('case_reply', 'manual', 'audit', 'api')`)
@Check('promises_status_check', `status IN ('open', 'kept', 'broken', 'cancelled')`)
@Check('promises_target_check', `source = 'audit' OR customer_external_id IS NOT NULL OR case_id IS NOT NULL`)
@Check(
  'promises_outcome_check',
  `(status = 'kept') = (kept_at IS NOT NULL) AND (status = 'broken') = (broken_at IS NOT NULL) AND (status = 'cancelled') = (cancelled_at IS NOT NULL)`,
)
@Index('promises_created_idx', ['workspaceId', 'createdAt'])
@Index('promises_owner_idx', ['workspaceId', 'ownerId', 'status'])
// Partial and expression indexes (TypeORM cannot describe them): the case's and customer's promises, the job's
// reminder and escalation scans, audit steps by criterion, one promise per case reply.
@Index('promises_case_idx', { synchronize: false })
@Index('promises_customer_idx', { synchronize: false })
@Index('promises_remind_idx', { synchronize: false })
@Index('promises_due_idx', { synchronize: false })
@Index('promises_audit_idx', { synchronize: false })
@Index('promises_case_reply_key', { synchronize: false })
// The migration's ON DELETE SET NULL (case_id / touchpoint_id) keeps workspace_id; TypeORM reads it back as SET NULL.
@ForeignKey(() => CaseEntity, ['workspaceId', 'caseId'], ['workspaceId', 'id'], {
  name: 'promises_workspace_id_case_id_fkey',
  onDelete: 'SET NULL',
})
@ForeignKey(() => TouchpointEntity, ['workspaceId', 'touchpointId'], ['workspaceId', 'id'], {
  name: 'promises_workspace_id_touchpoint_id_fkey',
  onDelete: 'SET NULL',
})
export class PromiseEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  @ForeignKey(() => WorkspaceEntity, { name: 'promises_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 1000 })
  text: string;

  /** Null when an API token or the system made it. */
  @Column({ name: 'promised_by', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'promises_promised_by_fkey', onDelete: 'SET NULL' })
  promisedBy: string | null;

  /** Who must keep it (defaults to promised_by). */
  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'promises_owner_id_fkey', onDelete: 'SET NULL' })
  ownerId: string | null;

  @Column({ name: 'customer_external_id', type: 'varchar', length: 200, nullable: true })
  customerExternalId: string | null;

  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId: string | null;

  @Column({ name: 'touchpoint_id', type: 'uuid', nullable: true })
  touchpointId: string | null;

  @Column({ type: 'varchar', length: 16 })
  source: PromiseSource;

  @Column({ name: 'source_ref', type: 'jsonb', default: () => "'{}'" })
  sourceRef: PromiseSourceRef;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ name: 'remind_at', type: 'timestamptz', nullable: true })
  remindAt: Date | null;

  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true })
  remindedAt: Date | null;

  @Column({ name: 'escalated_at', type: 'timestamptz', nullable: true })
  escalatedAt: Date | null;

  /** The owner's lead; null with escalated_at set means the workspace admins were told. */
  @Column({ name: 'escalated_to', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'promises_escalated_to_fkey', onDelete: 'SET NULL' })
  escalatedTo: string | null;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status: PromiseStatus;

  @Column({ name: 'kept_at', type: 'timestamptz', nullable: true })
  keptAt: Date | null;

  @Column({ name: 'broken_at', type: 'timestamptz', nullable: true })
  brokenAt: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  /** Who marked it kept, broken or cancelled. */
  @Column({ name: 'resolved_by', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'promises_resolved_by_fkey', onDelete: 'SET NULL' })
  resolvedBy: string | null;

  @Column({ name: 'resolution_note', type: 'varchar', length: 1000, nullable: true })
  resolutionNote: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
