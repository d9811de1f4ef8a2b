import { Column, CreateDateColumn, Entity, ForeignKey, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { LocalizedText } from '@otklik/survey-model';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import type { SaveOffer } from './default-reasons';

/** One reason of the churn taxonomy: a stable key (history refers to it), labels that can be renamed freely. */
@Entity('churn_reasons')
export class ChurnReasonEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid', primaryKeyConstraintName: 'churn_reasons_pkey' })
  @ForeignKey(() => WorkspaceEntity, { name: 'churn_reasons_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  @PrimaryColumn({ type: 'varchar', length: 60, primaryKeyConstraintName: 'churn_reasons_pkey' })
  key: string;

  @Column({ type: 'jsonb' })
  labels: LocalizedText;

  @Column({ type: 'boolean' })
  avoidable: boolean;

  @Column({ name: 'reason_group', type: 'varchar', length: 60, nullable: true })
  reasonGroup: string | null;

  @Column({ type: 'jsonb', nullable: true })
  offer: SaveOffer | null;

  @Column({ type: 'integer', default: 0 })
  position: number;

  @Column({ type: 'boolean', default: false })
  archived: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
