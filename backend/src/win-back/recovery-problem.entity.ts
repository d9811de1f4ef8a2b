import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { ChurnReasonEntity } from '../churn/churn-reason.entity';
import { ClusterEntity } from '../complaints/cluster.entity';
import { TouchpointEntity } from '../touchpoints/touchpoint.entity';
import { UserEntity } from '../users/user.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import type { ProblemKind, ProblemStatus } from './win-back-rules';

/**
 * A problem that can be marked fixed: a complaint cluster, a churn reason, or a known issue a person names. Marking it
 * fixed records what changed and snapshots the customers it hurt (affected_count, set in the same transaction).
 */
@Entity('recovery_problems')
@Check('recovery_problems_kind_check', `kind IN ('cluster', 'churn_reason', 'known_issue')`)
@Check('recovery_problems_title_check', `length(btrim(title)) > 0`)
@Check('recovery_problems_status_check', `status IN ('open', 'fixed')`)
@Check(
  'recovery_problems_target_check',
  `(kind = 'cluster') = (cluster_id IS NOT NULL) AND (kind = 'churn_reason') = (churn_reason_key IS NOT NULL)`,
)
@Check(
  'recovery_problems_fixed_check',
  `(status = 'fixed') = (fixed_at IS NOT NULL) AND (status = 'open' OR (what_changed IS NOT NULL AND affected_count IS NOT NULL))`,
)
@Index('recovery_problems_list_idx', ['workspaceId', 'status', 'createdAt'])
// Partial unique indexes (TypeORM cannot describe them): one problem per cluster and per churn reason.
@Index('recovery_problems_cluster_key', { synchronize: false })
@Index('recovery_problems_reason_key', { synchronize: false })
@ForeignKey(() => ClusterEntity, ['workspaceId', 'clusterId'], ['workspaceId', 'id'], {
  name: 'recovery_problems_workspace_id_cluster_id_fkey',
  onDelete: 'CASCADE',
})
@ForeignKey(() => ChurnReasonEntity, ['workspaceId', 'churnReasonKey'], ['workspaceId', 'key'], {
  name: 'recovery_problems_workspace_id_churn_reason_key_fkey',
  onDelete: 'CASCADE',
})
@ForeignKey(() => TouchpointEntity, ['workspaceId', 'touchpointId'], ['workspaceId', 'id'], {
  name: 'recovery_problems_workspace_id_touchpoint_id_fkey',
  onDelete: 'SET NULL',
})
export class RecoveryProblemEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  @ForeignKey(() => WorkspaceEntity, { name: 'recovery_problems_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  kind: ProblemKind;

  @Column({ name: 'cluster_id', type: 'uuid', nullable: true })
  clusterId: string | null;

  @Column({ name: 'churn_reason_key', type: 'varchar', length: 60, nullable: true })
  churnReasonKey: string | null;

  /** The known issue's wording, or the cluster's name / the reason's label when the problem was made. */
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 8, default: 'open' })
  status: ProblemStatus;

  @Column({ name: 'fixed_at', type: 'timestamptz', nullable: true })
  fixedAt: Date | null;

  @Column({ name: 'fixed_by', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'recovery_problems_fixed_by_fkey', onDelete: 'SET NULL' })
  fixedBy: string | null;

  @Column({ name: 'what_changed', type: 'varchar', length: 2000, nullable: true })
  whatChanged: string | null;

  /** The touchpoint whose score is compared before and after the fix. */
  @Column({ name: 'touchpoint_id', type: 'uuid', nullable: true })
  touchpointId: string | null;

  /** How many customers the snapshot took when it was marked fixed. */
  @Column({ name: 'affected_count', type: 'integer', nullable: true })
  affectedCount: number | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'recovery_problems_created_by_fkey', onDelete: 'SET NULL' })
  createdBy: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
