import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import type { LocalizedText } from '@otklik/survey-model';
import { SurveyEntity } from '../surveys/survey.entity';
import { UserEntity } from '../users/user.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import type { MirrorPeriod } from './mirror-period';

/** numeric columns come back from pg as text; the thresholds are small decimals, safe as numbers. */
const decimal = { to: (value: number) => value, from: (value: string | null) => (value === null ? null : Number(value)) };

/** A staff mirror of a customer survey: same questions and scales, asked of a touchpoint's people per period. */
@Entity('mirror_surveys')
@Unique('mirror_surveys_workspace_id_name_key', ['workspaceId', 'name'])
@Check('mirror_surveys_period_check', `period IN ('month', 'quarter')`)
@Check('mirror_surveys_grace_days_check', `grace_days BETWEEN 0 AND 31`)
@Check('mirror_surveys_blind_spot_rating_check', `blind_spot_rating > 0 AND blind_spot_rating <= 4`)
@Check('mirror_surveys_blind_spot_nps_check', `blind_spot_nps > 0 AND blind_spot_nps <= 10`)
@ForeignKey(() => SurveyEntity, ['workspaceId', 'surveyId'], ['workspaceId', 'id'], {
  name: 'mirror_surveys_survey_fkey',
  onDelete: 'CASCADE',
})
export class MirrorSurveyEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid', primaryKeyConstraintName: 'mirror_surveys_pkey' })
  @ForeignKey(() => WorkspaceEntity, { name: 'mirror_surveys_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'mirror_surveys_pkey' })
  id: string;

  /** The original (customer) survey. */
  @Column({ name: 'survey_id', type: 'uuid' })
  surveyId: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** Per language, put before each question ("How do you think customers answer: …"); missing languages use the built-in wording. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  prefix: LocalizedText;

  @Column({ type: 'varchar', length: 8, default: 'month' })
  period: MirrorPeriod;

  /** Days after a period ends during which staff may still answer or change their answers for it. */
  @Column({ name: 'grace_days', type: 'smallint', default: 5 })
  graceDays: number;

  /** |staff − customers| above this is a blind spot: points on a 1–5 scale (scaled to the question's range). */
  @Column({ name: 'blind_spot_rating', type: 'numeric', precision: 4, scale: 2, default: () => '0.5', transformer: decimal })
  blindSpotRating: number;

  /** The same on the 0–10 NPS scale. */
  @Column({ name: 'blind_spot_nps', type: 'numeric', precision: 4, scale: 2, default: 1, transformer: decimal })
  blindSpotNps: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'mirror_surveys_created_by_fkey', onDelete: 'SET NULL' })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
