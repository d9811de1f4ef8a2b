import { Column, CreateDateColumn, Entity, ForeignKey, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { WorkspaceEntity } from '../workspaces/workspace.entity';

/** A cluster that grew unusually fast over `window_days` (at most one a week per cluster). */
@Entity('cluster_alerts')
export class ClusterAlertEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  @ForeignKey(() => WorkspaceEntity, { name: 'cluster_alerts_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** No foreign key: the alert outlives nothing, clusters are never deleted. */
  @Column({ name: 'cluster_id', type: 'uuid' })
  clusterId: string;

  @Column({ name: 'recent_count', type: 'integer' })
  recentCount: number;

  @Column({ name: 'previous_count', type: 'integer' })
  previousCount: number;

  @Column({ name: 'window_days', type: 'integer' })
  windowDays: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
