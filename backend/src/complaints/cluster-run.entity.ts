import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { WorkspaceEntity } from '../workspaces/workspace.entity';

export type RunStatus = 'running' | 'completed' | 'failed';
export type RunTrigger = 'manual' | 'schedule';

/** One rebuild of a workspace's clusters; the latest completed run's frozen model places new texts. */
@Entity('cluster_runs')
@Check('cluster_runs_status_check', `status IN ('running', 'completed', 'failed')`)
@Check('cluster_runs_trigger_check', `trigger IN ('manual', 'schedule')`)
// Partial indexes the migration creates: one running rebuild per workspace, and the latest completed one.
@Index('cluster_runs_one_running', { synchronize: false })
@Index('cluster_runs_latest_idx', { synchronize: false })
export class ClusterRunEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  @ForeignKey(() => WorkspaceEntity, { name: 'cluster_runs_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16, default: 'running' })
  status: RunStatus;

  @Column({ type: 'varchar', length: 16, default: 'manual' })
  trigger: RunTrigger;

  @Column({ type: 'real', default: 0 })
  progress: number;

  @Column({ type: 'varchar', length: 60, nullable: true })
  stage: string | null;

  @Column({ type: 'integer', nullable: true })
  texts: number | null;

  @Column({ type: 'integer', nullable: true })
  clusters: number | null;

  @Column({ type: 'integer', nullable: true })
  unclustered: number | null;

  @Column({ type: 'integer', nullable: true })
  continued: number | null;

  @Column({ type: 'integer', nullable: true })
  created: number | null;

  @Column({ type: 'integer', nullable: true })
  retired: number | null;

  @Column({ type: 'real', nullable: true })
  seconds: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  error: string | null;

  /** Renewed with each progress step; a lapsed lease means the process died. */
  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;

  /** The frozen model (only the latest completed run keeps it). */
  @Column({ type: 'bytea', nullable: true })
  model: Buffer | null;

  /** The model's cluster index → cluster id. */
  @Column({ name: 'model_cluster_ids', type: 'uuid', array: true, nullable: true })
  modelClusterIds: (string | null)[] | null;

  @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' })
  startedAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
