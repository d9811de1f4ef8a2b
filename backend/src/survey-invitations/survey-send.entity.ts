import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { SurveyEntity } from '../surveys/survey.entity';
import { UserEntity } from '../users/user.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import type { SendAudience, SendEventKind, SendStatus } from './invitation-rules';

/**
 * One email invitation of a survey to an audience: a segment or a pasted list (sent once, at `scheduled_at`), or an
 * event (kept active: a job invites customers who reach the event, reading from `watermark` on).
 */
@Entity('survey_sends')
@Check('survey_sends_channel_check', `channel IN ('email')`)
@Check('survey_sends_audience_check', `audience IN ('segment', 'list', 'event')`)
@Check('survey_sends_event_kind_check', `event_kind IN ('activity', 'signup', 'case_closed')`)
@Check('survey_sends_delay_days_check', `delay_days BETWEEN 0 AND 365`)
@Check('survey_sends_reminder_days_check', `reminder_days BETWEEN 0 AND 30`)
@Check('survey_sends_status_check', `status IN ('scheduled', 'sending', 'sent', 'active', 'stopped')`)
@ForeignKey(() => SurveyEntity, ['workspaceId', 'surveyId'], ['workspaceId', 'id'], {
  name: 'survey_sends_survey_fkey',
  onDelete: 'CASCADE',
})
@Index('survey_sends_survey_idx', ['workspaceId', 'surveyId', 'createdAt'])
@Index('survey_sends_due_idx', ['status', 'scheduledAt'])
export class SurveySendEntity {
  @PrimaryColumn({ name: 'workspace_id', type: 'uuid' })
  @ForeignKey(() => WorkspaceEntity, { name: 'survey_sends_workspace_id_fkey', onDelete: 'CASCADE' })
  workspaceId: string;

  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'survey_id', type: 'uuid' })
  surveyId: string;

  @Column({ type: 'varchar', length: 16, default: 'email' })
  channel: 'email';

  @Column({ type: 'varchar', length: 16 })
  audience: SendAudience;

  /** The segment at the time of sending; its name is kept so the list still reads after the segment is deleted. */
  @Column({ name: 'segment_id', type: 'uuid', nullable: true })
  segmentId: string | null;

  @Column({ name: 'segment_name', type: 'varchar', length: 120, nullable: true })
  segmentName: string | null;

  @Column({ name: 'event_kind', type: 'varchar', length: 16, nullable: true })
  eventKind: SendEventKind | null;

  /** The activity or moment name an `activity` event send waits for. */
  @Column({ name: 'event_name', type: 'varchar', length: 100, nullable: true })
  eventName: string | null;

  /** Event sends: days after the event (for `signup`, after the customer was first seen). */
  @Column({ name: 'delay_days', type: 'integer', default: 0 })
  delayDays: number;

  /** One language for every recipient, or null: each recipient's own (last response language, else the survey's). */
  @Column({ type: 'varchar', length: 16, nullable: true })
  language: string | null;

  /** 0: no reminder; else exactly one reminder this many days after the invitation, if still unanswered. */
  @Column({ name: 'reminder_days', type: 'integer', default: 0 })
  reminderDays: number;

  @Column({ type: 'varchar', length: 16, default: 'scheduled' })
  status: SendStatus;

  @Column({ name: 'scheduled_at', type: 'timestamptz', default: () => 'now()' })
  scheduledAt: Date;

  /** Event sends: events up to this instant have been looked at. */
  @Column({ type: 'timestamptz', nullable: true })
  watermark: Date | null;

  @Column({ name: 'recipients_total', type: 'integer', default: 0 })
  recipientsTotal: number;

  /** Progress of the fan-out: recipients invited or skipped so far. */
  @Column({ name: 'recipients_processed', type: 'integer', default: 0 })
  recipientsProcessed: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'survey_sends_created_by_fkey', onDelete: 'SET NULL' })
  createdBy: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
