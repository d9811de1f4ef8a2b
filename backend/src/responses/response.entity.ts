import {
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
import type { Answers } from '@otklik/survey-model';
import { SurveyVersionEntity } from '../surveys/survey-version.entity';

/** A respondent's answers to one survey version, created or merged once per idempotency key. */
@Entity('responses')
@Unique('responses_workspace_id_survey_id_idempotency_key_key', ['workspaceId', 'surveyId', 'idempotencyKey'])
@ForeignKey(() => SurveyVersionEntity, ['workspaceId', 'surveyId', 'surveyVersion'], ['workspaceId', 'surveyId', 'version'], {
  name: 'responses_workspace_id_survey_id_survey_version_fkey',
  onDelete: 'CASCADE',
})
@Index('responses_time_idx', ['workspaceId', 'surveyId', 'createdAt'])
// Sorted (created_at DESC) or partial: TypeORM cannot describe them, so it leaves them alone.
@Index('responses_respondent_idx', { synchronize: false })
@Index('responses_customer_idx', { synchronize: false })
@Index('responses_commented_idx', { synchronize: false })
export class ResponseEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid', primaryKeyConstraintName: 'responses_pkey' })
  workspaceId: string;

  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'responses_pkey' })
  id: string;

  @Column({ name: 'survey_id', type: 'uuid' })
  surveyId: string;

  @Column({ name: 'survey_version', type: 'integer' })
  surveyVersion: number;

  /** The display it answers, when the widget sent one (no foreign key: displays and responses are kept apart). */
  @Column({ name: 'display_id', type: 'uuid', nullable: true })
  displayId: string | null;

  @Column({ name: 'respondent_id', type: 'varchar', length: 64 })
  respondentId: string;

  @Column({ name: 'customer_external_id', type: 'varchar', length: 200, nullable: true })
  customerExternalId: string | null;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 64 })
  idempotencyKey: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  answers: Answers;

  @Column({ type: 'smallint', nullable: true })
  score: number | null;

  @Column({ name: 'score_scale_max', type: 'smallint', nullable: true })
  scoreScaleMax: number | null;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ type: 'boolean', default: false })
  finished: boolean;

  @Column({ type: 'varchar', length: 8, nullable: true })
  language: string | null;

  @Column({ name: 'hidden_fields', type: 'jsonb', default: () => "'{}'" })
  hiddenFields: Record<string, string>;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  meta: Record<string, string>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  /** customer_external_id came with a valid identity hash (customer-identity/). */
  @Column({ name: 'customer_verified', type: 'boolean', default: false })
  customerVerified: boolean;
}
