import { Check, Column, CreateDateColumn, Entity, ForeignKey, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';

export type ClusterStatus = 'active' | 'merged' | 'retired';

/**
 * A named group of feedback texts that survives rebuilds with its id, human name, pin and merges. A merge's target
 * must be an active cluster of the same workspace: besides the check below, the trigger `clusters_merge_target_guard`
 * (migration cluster-merge-guard, invisible to TypeORM) enforces it.
 */
@Entity('clusters')
@Check('clusters_status_check', `status IN ('active', 'merged', 'retired')`)
@Check('clusters_not_merged_into_self', 'merged_into IS NULL OR merged_into <> id')
export class ClusterEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  @ForeignKey(() => WorkspaceEntity, { name: 'clusters_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 300 })
  label: string;

  /** The name a person gave it; the label is the engine's. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  name: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  keywords: string[];

  @Column({ type: 'varchar', length: 8, default: 'und' })
  language: string;

  /** The question whose open answers it groups (its texts' cluster_question_id); null: the main pool. */
  @Column({ name: 'question_id', type: 'varchar', length: 40, nullable: true })
  questionId: string | null;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status: ClusterStatus;

  @Column({ name: 'merged_into', type: 'uuid', nullable: true })
  mergedInto: string | null;

  @Column({ type: 'boolean', default: false })
  pinned: boolean;

  @Column({ name: 'pinned_at', type: 'timestamptz', nullable: true })
  pinnedAt: Date | null;

  @Column({ name: 'pinned_by', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'clusters_pinned_by_fkey', onDelete: 'SET NULL' })
  pinnedBy: string | null;

  @Column({ name: 'last_alert_at', type: 'timestamptz', nullable: true })
  lastAlertAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
