import { Column, CreateDateColumn, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import type { Question } from '@otklik/survey-model';
import { SurveyEntity } from './survey.entity';

/** One saved set of a survey's questions; responses point at the version they answered. */
@Entity('survey_versions')
@ForeignKey(() => SurveyEntity, ['workspaceId', 'surveyId'], ['workspaceId', 'id'], {
  name: 'survey_versions_workspace_id_survey_id_fkey',
  onDelete: 'CASCADE',
})
export class SurveyVersionEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid', primaryKeyConstraintName: 'survey_versions_pkey' })
  workspaceId: string;

  @PrimaryColumn({ name: 'survey_id', type: 'uuid', primaryKeyConstraintName: 'survey_versions_pkey' })
  surveyId: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'survey_versions_pkey' })
  version: number;

  @Column({ type: 'jsonb' })
  questions: Question[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
