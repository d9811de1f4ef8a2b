import { Column, Entity, ForeignKey, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Answers } from '@otklik/survey-model';
import { UserEntity } from '../users/user.entity';
import { MirrorTouchpointEntity } from './mirror-touchpoint.entity';

/** One staff member's answers for one touchpoint and period (a second submit replaces them). Never in `responses`. */
@Entity('mirror_answers')
@Unique('mirror_answers_one_per_period_key', ['workspaceId', 'mirrorId', 'touchpointId', 'userId', 'periodStart'])
@ForeignKey(() => MirrorTouchpointEntity, ['workspaceId', 'mirrorId', 'touchpointId'], ['workspaceId', 'mirrorId', 'touchpointId'], {
  name: 'mirror_answers_touchpoint_fkey',
  onDelete: 'CASCADE',
})
export class MirrorAnswerEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid', primaryKeyConstraintName: 'mirror_answers_pkey' })
  workspaceId: string;

  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'mirror_answers_pkey' })
  id: string;

  @Column({ name: 'mirror_id', type: 'uuid' })
  mirrorId: string;

  @Column({ name: 'touchpoint_id', type: 'uuid' })
  touchpointId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  @ForeignKey(() => UserEntity, { name: 'mirror_answers_user_id_fkey', onDelete: 'CASCADE' })
  userId: string;

  /** First day of the period (month or quarter, UTC) the answers are for. */
  @Column({ name: 'period_start', type: 'date' })
  periodStart: string;

  /** The original survey's questions version the answers were checked against. */
  @Column({ name: 'survey_version', type: 'integer' })
  surveyVersion: number;

  @Column({ type: 'jsonb' })
  answers: Answers;

  @Column({ name: 'submitted_at', type: 'timestamptz', default: () => 'now()' })
  submittedAt: Date;
}
