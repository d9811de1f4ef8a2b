import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { SurveyEntity } from '../surveys/survey.entity';

/**
 * Finished responses of one survey counted per UTC hour, language and scale, one column per score: what survey metrics
 * read instead of the rows. Written only by the responses_rollup_* triggers (migration 1797000000000), in the same
 * transaction as the response write; the application never writes it.
 */
@Entity('response_score_rollups')
@ForeignKey(() => SurveyEntity, ['workspaceId', 'surveyId'], ['workspaceId', 'id'], {
  name: 'response_score_rollups_survey_fkey',
  onDelete: 'CASCADE',
})
export class ResponseScoreRollupEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid', primaryKeyConstraintName: 'response_score_rollups_pkey' })
  workspaceId: string;

  @PrimaryColumn({ name: 'survey_id', type: 'uuid', primaryKeyConstraintName: 'response_score_rollups_pkey' })
  surveyId: string;

  /** Start of the UTC hour the responses were created in. */
  @PrimaryColumn({ type: 'timestamptz', primaryKeyConstraintName: 'response_score_rollups_pkey' })
  hour: Date;

  /** '' for responses without a language. */
  @PrimaryColumn({ type: 'varchar', length: 8, primaryKeyConstraintName: 'response_score_rollups_pkey' })
  language: string;

  /** score_scale_max; 0 for responses without one. */
  @PrimaryColumn({ name: 'scale_max', type: 'smallint', primaryKeyConstraintName: 'response_score_rollups_pkey' })
  scaleMax: number;

  /** Finished without a score. */
  @Column({ type: 'integer', default: 0 })
  unscored: number;

  @Column({ name: 'score_0', type: 'integer', default: 0 })
  score0: number;

  @Column({ name: 'score_1', type: 'integer', default: 0 })
  score1: number;

  @Column({ name: 'score_2', type: 'integer', default: 0 })
  score2: number;

  @Column({ name: 'score_3', type: 'integer', default: 0 })
  score3: number;

  @Column({ name: 'score_4', type: 'integer', default: 0 })
  score4: number;

  @Column({ name: 'score_5', type: 'integer', default: 0 })
  score5: number;

  @Column({ name: 'score_6', type: 'integer', default: 0 })
  score6: number;

  @Column({ name: 'score_7', type: 'integer', default: 0 })
  score7: number;

  @Column({ name: 'score_8', type: 'integer', default: 0 })
  score8: number;

  @Column({ name: 'score_9', type: 'integer', default: 0 })
  score9: number;

  @Column({ name: 'score_10', type: 'integer', default: 0 })
  score10: number;

  /** Scores outside 0–10 (no built-in scale has them): a period with any is read from the raw rows. */
  @Column({ name: 'other_scores', type: 'integer', default: 0 })
  otherScores: number;
}
