import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { CaseEntity } from '../cases/case.entity';
import type { CompensationKind, GrantStatus } from '../common/recovery/compensation-lookup.port';
import { TouchpointEntity } from '../touchpoints/touchpoint.entity';
import { UserEntity } from '../users/user.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';

/**
 * Compensation given (or asked for) on a case. within_budget: approved at once inside the granter's budget (it spends
 * it); an approved grant without it was approved by an admin over the budget and does not spend it.
 */
@Entity('compensation_grants')
@Check('compensation_grants_kind_check', `kind IN ('refund', 'discount', 'bonus', 'gift', 'free_service')`)
@Check('compensation_grants_amount_check', 'amount > 0')
@Check('compensation_grants_currency_check', `currency ~ '^[A-Z]{3}$'`)
@Check('compensation_grants_reason_check', `length(btrim(reason)) > 0`)
@Check('compensation_grants_status_check', `status IN ('approved', 'pending', 'rejected')`)
@Check('compensation_grants_decision_check', `(status = 'pending') = (decided_at IS NULL)`)
@Check('compensation_grants_budget_check', `NOT within_budget OR status = 'approved'`)
@Check('compensation_grants_period_check', 'period_end > period_start')
@Index('compensation_grants_granter_idx', ['workspaceId', 'grantedBy', 'periodStart'])
@Index('compensation_grants_status_idx', ['workspaceId', 'status', 'createdAt'])
@Index('compensation_grants_created_idx', ['workspaceId', 'createdAt'])
// Partial indexes (TypeORM cannot describe their WHERE): a case's grants, one grant per idempotency key.
@Index('compensation_grants_case_idx', { synchronize: false })
@Index('compensation_grants_idempotency_key', { synchronize: false })
// The migration's ON DELETE SET NULL (case_id / touchpoint_id) keeps workspace_id; TypeORM reads it back as SET NULL.
@ForeignKey(() => CaseEntity, ['workspaceId', 'caseId'], ['workspaceId', 'id'], {
  name: 'compensation_grants_workspace_id_case_id_fkey',
  onDelete: 'SET NULL',
})
@ForeignKey(() => TouchpointEntity, ['workspaceId', 'touchpointId'], ['workspaceId', 'id'], {
  name: 'compensation_grants_workspace_id_touchpoint_id_fkey',
  onDelete: 'SET NULL',
})
export class CompensationGrantEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  @ForeignKey(() => WorkspaceEntity, { name: 'compensation_grants_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Null once the case is deleted: the grant is money and stays in the ledger. */
  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId: string | null;

  /** Copied from the case when granted. */
  @Column({ name: 'customer_external_id', type: 'varchar', length: 200, nullable: true })
  customerExternalId: string | null;

  /** Copied from the case when granted. */
  @Column({ name: 'touchpoint_id', type: 'uuid', nullable: true })
  touchpointId: string | null;

  /** Null when an API token (or the system) asked for it. */
  @Column({ name: 'granted_by', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'compensation_grants_granted_by_fkey', onDelete: 'SET NULL' })
  grantedBy: string | null;

  @Column({ type: 'varchar', length: 16 })
  kind: CompensationKind;

  /** numeric(14,2), read as a string. */
  @Column({ type: 'numeric', precision: 14, scale: 2 })
  amount: string;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ type: 'varchar', length: 1000 })
  reason: string;

  @Column({ type: 'varchar', length: 16 })
  status: GrantStatus;

  @Column({ name: 'within_budget', type: 'boolean', default: false })
  withinBudget: boolean;

  /** The admin who approved or rejected it; null when the budget approved it. */
  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'compensation_grants_decided_by_fkey', onDelete: 'SET NULL' })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decision_note', type: 'varchar', length: 1000, nullable: true })
  decisionNote: string | null;

  /** The granter's budget period the amount counts in: [period_start, period_end), dates in UTC. */
  @Column({ name: 'period_start', type: 'date' })
  periodStart: string;

  @Column({ name: 'period_end', type: 'date' })
  periodEnd: string;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 200, nullable: true })
  idempotencyKey: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
