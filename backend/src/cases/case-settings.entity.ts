import { Check, Column, Entity, ForeignKey, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { WorkspaceEntity } from '../workspaces/workspace.entity';

/** Per-workspace case settings: the case number counter, when automatic opening starts, the VIP MRR threshold. */
@Entity('case_settings')
@Check('case_settings_high_mrr_threshold_check', `high_mrr_threshold >= 0`)
export class CaseSettingsEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  @ForeignKey(() => WorkspaceEntity, { name: 'case_settings_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  @Column({ name: 'next_number', type: 'integer', default: 0 })
  nextNumber: number;

  @Column({ name: 'sync_since', type: 'timestamptz', nullable: true })
  syncSince: Date | null;

  /** numeric: the driver returns it as a string. */
  @Column({ name: 'high_mrr_threshold', type: 'numeric', precision: 14, scale: 2, default: 10000 })
  highMrrThreshold: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
