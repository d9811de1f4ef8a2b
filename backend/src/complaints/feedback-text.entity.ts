import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { WorkspaceEntity } from '../workspaces/workspace.entity';

export type FeedbackSource = 'response' | 'cancellation' | 'mention' | 'complaint' | 'import';
export type PlacedBy = 'model' | 'run' | 'human';

/** A text worth clustering, copied from its source (or imported), and the cluster it sits in. */
@Entity('feedback_texts')
@Unique('feedback_texts_workspace_id_source_source_id_key', ['workspaceId', 'source', 'sourceId'])
@Check('feedback_texts_source_check', `source IN ('response', 'cancellation', 'mention', 'complaint', 'import')`)
@Check('feedback_texts_placed_by_check', `placed_by IN ('model', 'run', 'human')`)
// Descending and partial indexes TypeORM cannot describe; the migration creates them.
@Index('feedback_texts_cluster_idx', { synchronize: false })
@Index('feedback_texts_unplaced_idx', { synchronize: false })
@Index('feedback_texts_question_idx', { synchronize: false })
// A rebuild pages through a pool's texts in this order (and samples it evenly).
@Index('feedback_texts_pool_order_idx', ['workspaceId', 'clusterQuestionId', 'occurredAt', 'id'])
export class FeedbackTextEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  @ForeignKey(() => WorkspaceEntity, { name: 'feedback_texts_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  source: FeedbackSource;

  @Column({ name: 'source_id', type: 'varchar', length: 300 })
  sourceId: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'varchar', length: 8, default: 'und' })
  language: string;

  @Column({ type: 'smallint', nullable: true })
  sentiment: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  touchpoint: string | null;

  @Column({ name: 'customer_external_id', type: 'varchar', length: 200, nullable: true })
  customerExternalId: string | null;

  @Column({ name: 'churn_reason_key', type: 'varchar', length: 60, nullable: true })
  churnReasonKey: string | null;

  /** The survey question a response's open answer answers (null for other sources and texts copied without one). */
  @Column({ name: 'question_id', type: 'varchar', length: 40, nullable: true })
  questionId: string | null;

  /** That question's text in the survey's default language, as it read when the text was copied. */
  @Column({ name: 'question_label', type: 'varchar', length: 300, nullable: true })
  questionLabel: string | null;

  /**
   * The pool it is clustered in: its question, except the answer to a survey's only open question (the classic
   * "why this score?" comment), which joins cancellations, mentions and complaints in the main pool (null).
   */
  @Column({ name: 'cluster_question_id', type: 'varchar', length: 40, nullable: true })
  clusterQuestionId: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'cluster_id', type: 'uuid', nullable: true })
  clusterId: string | null;

  @Column({ type: 'real', nullable: true })
  similarity: number | null;

  /** Null until placed: by the frozen model, by a rebuild, or by a person. */
  @Column({ name: 'placed_by', type: 'varchar', length: 8, nullable: true })
  placedBy: PlacedBy | null;

  @Column({ name: 'assigned_at', type: 'timestamptz', nullable: true })
  assignedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
