import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * A tenant. Besides its name it holds per-workspace settings that other modules read and write through
 * WorkspaceSettingsService (churn, mention spikes, complaint clusters) and the complaints sync watermark.
 */
@Entity('workspaces')
@Unique('workspaces_slug_key', ['slug'])
@Check('workspaces_churn_inactive_days_check', 'churn_inactive_days >= 7 AND churn_inactive_days <= 3650')
export class WorkspaceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'varchar', length: 140 })
  slug: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** After how many days without activity a customer counts as lost. */
  @Column({ name: 'churn_inactive_days', type: 'integer', default: 90 })
  churnInactiveDays: number;

  @Column({ name: 'mention_spike_factor', type: 'real', default: 2 })
  mentionSpikeFactor: number;

  @Column({ name: 'mention_spike_min_count', type: 'integer', default: 5 })
  mentionSpikeMinCount: number;

  @Column({ name: 'mention_spike_baseline_days', type: 'integer', default: 14 })
  mentionSpikeBaselineDays: number;

  @Column({ name: 'cluster_growth_factor', type: 'real', default: 2 })
  clusterGrowthFactor: number;

  @Column({ name: 'cluster_growth_min_count', type: 'integer', default: 10 })
  clusterGrowthMinCount: number;

  /** Source rows changed after this moment are not yet copied into feedback_texts (complaints). */
  @Column({ name: 'feedback_synced_at', type: 'timestamptz', nullable: true })
  feedbackSyncedAt: Date | null;
}
