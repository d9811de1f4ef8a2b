import { Column, CreateDateColumn, Entity, ForeignKey, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { WorkspaceEntity } from '../../workspaces/workspace.entity';

/** A spike of negative mentions, recorded at most once per (kind, day). */
@Entity('mention_alerts')
@Unique('mention_alerts_workspace_id_kind_day_key', ['workspaceId', 'kind', 'day'])
export class MentionAlertEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  @ForeignKey(() => WorkspaceEntity, { name: 'mention_alerts_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16, default: 'spike' })
  kind: string;

  /** A UTC day, YYYY-MM-DD. */
  @Column({ type: 'date' })
  day: string;

  @Column({ name: 'negative_count', type: 'integer' })
  negativeCount: number;

  @Column({ type: 'real' })
  baseline: number;

  @Column({ type: 'real' })
  factor: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
