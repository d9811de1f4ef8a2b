import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { SurveyEntity } from './survey.entity';

/** One time a widget showed a survey to a respondent (an impression), once per idempotency key. */
@Entity('survey_displays')
@Unique('survey_displays_workspace_id_survey_id_idempotency_key_key', ['workspaceId', 'surveyId', 'idempotencyKey'])
@ForeignKey(() => SurveyEntity, ['workspaceId', 'surveyId'], ['workspaceId', 'id'], {
  name: 'survey_displays_workspace_id_survey_id_fkey',
  onDelete: 'CASCADE',
})
// (…, created_at DESC): the sort order is not something TypeORM describes.
@Index('survey_displays_respondent_idx', { synchronize: false })
@Index('survey_displays_time_idx', ['workspaceId', 'surveyId', 'createdAt'])
export class SurveyDisplayEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid', primaryKeyConstraintName: 'survey_displays_pkey' })
  workspaceId: string;

  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'survey_displays_pkey' })
  id: string;

  @Column({ name: 'survey_id', type: 'uuid' })
  surveyId: string;

  @Column({ name: 'respondent_id', type: 'varchar', length: 64 })
  respondentId: string;

  @Column({ name: 'customer_external_id', type: 'varchar', length: 200, nullable: true })
  customerExternalId: string | null;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 64 })
  idempotencyKey: string;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  url: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
