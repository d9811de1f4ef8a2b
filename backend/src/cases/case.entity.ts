import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { TouchpointEntity } from '../touchpoints/touchpoint.entity';
import { UserEntity } from '../users/user.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import type { CaseSource, CaseStatus } from './case-rules';
import type { StoredPause } from './case-timers';
import type { RoutingRule } from './routing/routing-reasons';

/**
 * One customer problem with an owner and SLA timers (first response, resolution) that pause while waiting on the
 * customer; warnings and escalations are claimed once through the warned_/breached_ columns.
 */
@Entity('cases')
@Unique('cases_workspace_id_number_key', ['workspaceId', 'number'])
@Unique('cases_workspace_id_source_source_id_key', ['workspaceId', 'source', 'sourceId'])
@Check('cases_source_check', `source IN ('response', 'cancellation', 'mention', 'cluster', 'manual', 'api', 'warning')`)
@Check('cases_priority_check', `priority IN ('urgent', 'high', 'normal', 'low')`)
@Check('cases_status_check', `status IN ('open', 'waiting_customer', 'resolved', 'closed')`)
@Check('cases_follow_up_csat_check', `follow_up_csat BETWEEN 1 AND 5`)
@Check('cases_routed_by_check', `routed_by IN ('explicit', 'round_robin', 'touchpoint_owner', 'unassigned')`)
@Index('cases_inbox_idx', ['workspaceId', 'status', 'resolutionDue'])
@Index('cases_opened_idx', ['workspaceId', 'openedAt'])
// Partial indexes (TypeORM cannot describe their WHERE): a customer's cases, and the open timers the breach job scans.
@Index('cases_customer_idx', { synchronize: false })
@Index('cases_fr_timer_idx', { synchronize: false })
@Index('cases_res_timer_idx', { synchronize: false })
// The migration's ON DELETE SET NULL (touchpoint_id) keeps workspace_id; TypeORM reads it back as SET NULL.
@ForeignKey(() => TouchpointEntity, ['workspaceId', 'touchpointId'], ['workspaceId', 'id'], {
  name: 'cases_workspace_id_touchpoint_id_fkey',
  onDelete: 'SET NULL',
})
// Likewise for first_touchpoint_id (the touchpoint the case opened at, kept when it moves on).
@ForeignKey(() => TouchpointEntity, ['workspaceId', 'firstTouchpointId'], ['workspaceId', 'id'], {
  name: 'cases_workspace_id_first_touchpoint_id_fkey',
  onDelete: 'SET NULL',
})
export class CaseEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  @ForeignKey(() => WorkspaceEntity, { name: 'cases_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'integer' })
  number: number;

  /** English text for API clients; the only title of cases people or other systems open. */
  @Column({ type: 'varchar', length: 300 })
  title: string;

  /** Set on cases opened from feedback: the dashboard writes the title from it in the reader's language. */
  @Column({ name: 'title_key', type: 'text', nullable: true })
  titleKey: string | null;

  @Column({ name: 'title_params', type: 'jsonb', default: () => "'{}'" })
  titleParams: Record<string, unknown>;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'varchar', length: 16 })
  source: CaseSource;

  @Column({ name: 'source_id', type: 'varchar', length: 300, nullable: true })
  sourceId: string | null;

  @Column({ name: 'touchpoint_id', type: 'uuid', nullable: true })
  touchpointId: string | null;

  /** Where the case opened: misrouting is counted per first touchpoint (touchpoint_id follows the case's moves). */
  @Column({ name: 'first_touchpoint_id', type: 'uuid', nullable: true })
  firstTouchpointId: string | null;

  /** The rule that gave the case its first owner; null for cases opened before it was recorded. */
  @Column({ name: 'routed_by', type: 'varchar', length: 20, nullable: true })
  routedBy: RoutingRule | null;

  @Column({ name: 'customer_external_id', type: 'varchar', length: 200, nullable: true })
  customerExternalId: string | null;

  @Column({ type: 'varchar', length: 16, default: 'other' })
  channel: string;

  @Column({ type: 'varchar', length: 8 })
  priority: string;

  @Column({ name: 'priority_reasons', type: 'text', array: true, default: () => "'{}'" })
  priorityReasons: string[];

  @Column({ type: 'varchar', length: 20, default: 'open' })
  status: CaseStatus;

  @Column({ type: 'boolean', default: false })
  reopened: boolean;

  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'cases_owner_id_fkey', onDelete: 'SET NULL' })
  ownerId: string | null;

  @Column({ name: 'escalated_to', type: 'uuid', array: true, default: () => "'{}'" })
  escalatedTo: string[];

  @Column({ name: 'sla_policy_id', type: 'uuid', nullable: true })
  slaPolicyId: string | null;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;

  @Column({ name: 'resolution_started_at', type: 'timestamptz' })
  resolutionStartedAt: Date;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  pauses: StoredPause[];

  @Column({ name: 'first_response_due', type: 'timestamptz', nullable: true })
  firstResponseDue: Date | null;

  @Column({ name: 'first_response_warn_at', type: 'timestamptz', nullable: true })
  firstResponseWarnAt: Date | null;

  @Column({ name: 'resolution_due', type: 'timestamptz', nullable: true })
  resolutionDue: Date | null;

  @Column({ name: 'resolution_warn_at', type: 'timestamptz', nullable: true })
  resolutionWarnAt: Date | null;

  @Column({ name: 'first_responded_at', type: 'timestamptz', nullable: true })
  firstRespondedAt: Date | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'warned_first_response_at', type: 'timestamptz', nullable: true })
  warnedFirstResponseAt: Date | null;

  @Column({ name: 'warned_resolution_at', type: 'timestamptz', nullable: true })
  warnedResolutionAt: Date | null;

  @Column({ name: 'breached_first_response_at', type: 'timestamptz', nullable: true })
  breachedFirstResponseAt: Date | null;

  @Column({ name: 'breached_resolution_at', type: 'timestamptz', nullable: true })
  breachedResolutionAt: Date | null;

  @Column({ name: 'root_cause', type: 'text', nullable: true })
  rootCause: string | null;

  @Column({ name: 'action_taken', type: 'text', nullable: true })
  actionTaken: string | null;

  @Column({ name: 'churn_reason_key', type: 'varchar', length: 60, nullable: true })
  churnReasonKey: string | null;

  @Column({ name: 'follow_up_csat', type: 'smallint', nullable: true })
  followUpCsat: number | null;

  @Column({ name: 'follow_up_comment', type: 'text', nullable: true })
  followUpComment: string | null;

  @Column({ name: 'follow_up_at', type: 'timestamptz', nullable: true })
  followUpAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'cases_created_by_fkey', onDelete: 'SET NULL' })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
