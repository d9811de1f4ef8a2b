import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, QueryFailedError, Repository } from 'typeorm';
import type { Answers } from '@otklik/survey-model';
import { conflict } from '../common/http/api-error';
import { MirrorAnswerEntity } from './mirror-answer.entity';
import { MirrorSurveyEntity } from './mirror-survey.entity';
import { MirrorTouchpointEntity } from './mirror-touchpoint.entity';

export type MirrorFields = Pick<
  MirrorSurveyEntity,
  'surveyId' | 'period' | 'name' | 'prefix' | 'graceDays' | 'blindSpotRating' | 'blindSpotNps' | 'active'
>;
export type NewMirror = MirrorFields & Pick<MirrorSurveyEntity, 'createdBy'>;
/** How an edit went: saved, the mirror is gone, someone saved since `seen`, or the survey/period change met answers. */
export type MirrorUpdateResult = 'saved' | 'missing' | 'stale' | 'answered';
export type MirrorTouchpointLink = Pick<MirrorTouchpointEntity, 'touchpointId' | 'extraStaffIds'>;

/** Per touchpoint, period and question: count, sum and sum of squares of staff scores. */
export type StaffSums = { touchpointId: string; periodStart: string; questionId: string; n: number; sum: number; sumSquares: number };

const nameTaken = (e: unknown) =>
  e instanceof QueryFailedError && (e.driverError as { constraint?: string }).constraint === 'mirror_surveys_workspace_id_name_key';

/** The mirror module's tables: mirrors, their touchpoints and the staff answers. */
@Injectable()
export class MirrorRepository {
  constructor(
    private readonly db: DataSource,
    @InjectRepository(MirrorSurveyEntity) private readonly mirrors: Repository<MirrorSurveyEntity>,
    @InjectRepository(MirrorTouchpointEntity) private readonly links: Repository<MirrorTouchpointEntity>,
    @InjectRepository(MirrorAnswerEntity) private readonly answers: Repository<MirrorAnswerEntity>,
  ) {}

  list(workspaceId: string, onlyActive = false): Promise<MirrorSurveyEntity[]> {
    return this.mirrors.find({ where: { workspaceId, ...(onlyActive ? { active: true } : {}) }, order: { createdAt: 'DESC', id: 'ASC' } });
  }

  find(workspaceId: string, id: string): Promise<MirrorSurveyEntity | null> {
    return this.mirrors.findOneBy({ workspaceId, id });
  }

  linksOf(workspaceId: string, mirrorIds: string[]): Promise<MirrorTouchpointEntity[]> {
    if (mirrorIds.length === 0) return Promise.resolve([]);
    return this.links.find({ where: { workspaceId, mirrorId: In(mirrorIds) } });
  }

  async create(workspaceId: string, fields: NewMirror, links: MirrorTouchpointLink[]): Promise<string> {
    try {
      return await this.db.transaction(async (manager) => {
        const saved = await manager.getRepository(MirrorSurveyEntity).save({ workspaceId, ...fields });
        await manager.getRepository(MirrorTouchpointEntity).insert(links.map((l) => ({ workspaceId, mirrorId: saved.id, ...l })));
        return saved.id;
      });
    } catch (e) {
      if (nameTaken(e)) throw conflict('mirror_name_taken', 'A mirror with this name already exists in the workspace');
      throw e;
    }
  }

  /**
   * Saves changes; a new touchpoint list replaces the old one (answers of touchpoints taken off go with them). With
   * `seen` (the updated_at the editor read), a later save by someone else makes this one 'stale'.
   */
  async update(
    workspaceId: string,
    id: string,
    changes: Partial<MirrorFields>,
    links?: MirrorTouchpointLink[],
    seen?: Date,
  ): Promise<MirrorUpdateResult> {
    try {
      return await this.db.transaction(async (manager) => {
        // The row lock orders concurrent edits of one mirror, so two touchpoint lists never interleave.
        const mirrors = manager.getRepository(MirrorSurveyEntity);
        const row = await mirrors.findOne({ where: { workspaceId, id }, lock: { mode: 'pessimistic_write' } });
        if (!row) return 'missing';
        if (seen && row.updatedAt.getTime() !== seen.getTime()) return 'stale';
        const retargeted = (changes.surveyId ?? row.surveyId) !== row.surveyId || (changes.period ?? row.period) !== row.period;
        if (retargeted && (await manager.getRepository(MirrorAnswerEntity).existsBy({ workspaceId, mirrorId: id }))) return 'answered';
        // Touchpoint-only edits move updated_at too, so other open editors see them as changes.
        await mirrors.update({ workspaceId, id }, { ...changes, updatedAt: () => 'clock_timestamp()' });
        if (!links) return 'saved';
        const repo = manager.getRepository(MirrorTouchpointEntity);
        const keep = links.map((l) => l.touchpointId);
        await repo
          .createQueryBuilder()
          .delete()
          .where('workspace_id = :workspaceId AND mirror_id = :id AND NOT (touchpoint_id = ANY(:keep::uuid[]))', { workspaceId, id, keep })
          .execute();
        await repo.upsert(
          links.map((l) => ({ workspaceId, mirrorId: id, ...l })),
          ['workspaceId', 'mirrorId', 'touchpointId'],
        );
        return 'saved';
      });
    } catch (e) {
      if (nameTaken(e)) throw conflict('mirror_name_taken', 'A mirror with this name already exists in the workspace');
      throw e;
    }
  }

  /** Deletes a mirror; its touchpoints and staff answers go with it (foreign keys cascade). False when not found. */
  async remove(workspaceId: string, id: string): Promise<boolean> {
    return ((await this.mirrors.delete({ workspaceId, id })).affected ?? 0) > 0;
  }

  /** Who answered, per mirror, touchpoint and period, among these periods. */
  answeredBy(
    workspaceId: string,
    mirrorIds: string[],
    periodStarts: string[],
  ): Promise<Pick<MirrorAnswerEntity, 'mirrorId' | 'touchpointId' | 'userId' | 'periodStart'>[]> {
    if (mirrorIds.length === 0) return Promise.resolve([]);
    return this.answers.find({
      select: { mirrorId: true, touchpointId: true, userId: true, periodStart: true },
      where: { workspaceId, mirrorId: In(mirrorIds), periodStart: In(periodStarts) },
    });
  }

  /** One person's answer sets in these mirrors and periods. */
  answersOf(workspaceId: string, userId: string, mirrorIds: string[], periodStarts: string[]): Promise<MirrorAnswerEntity[]> {
    if (mirrorIds.length === 0) return Promise.resolve([]);
    return this.answers.find({ where: { workspaceId, userId, mirrorId: In(mirrorIds), periodStart: In(periodStarts) } });
  }

  /**
   * Stores a person's answer set for a touchpoint and period, replacing theirs if any: one statement on the unique
   * key, so two racing submits leave one row. Raw SQL for `xmax`, which tells an update from an insert.
   */
  /**
   * Inserts or replaces one answer set, only while the mirror still asks `surveyId` per `period` and is active; null
   * when it no longer does. FOR SHARE on the mirror row orders this against an edit that retargets it: an edit that
   * locked the row first is waited for and its new survey/period seen (nothing stored); one that comes later waits for
   * this insert and then finds an answer (mirror_answered).
   */
  async saveAnswers(
    row: Pick<MirrorAnswerEntity, 'workspaceId' | 'mirrorId' | 'touchpointId' | 'userId' | 'periodStart' | 'surveyVersion'> & {
      answers: Answers;
    },
    expected: Pick<MirrorSurveyEntity, 'surveyId' | 'period'>,
  ): Promise<{ replaced: boolean } | null> {
    const [saved]: { replaced: boolean }[] = await this.answers.query(
      `WITH mirror AS (
         SELECT 1 FROM mirror_surveys
          WHERE workspace_id = $1 AND id = $2 AND survey_id = $8 AND period = $9 AND active
          FOR SHARE
       )
       INSERT INTO mirror_answers (workspace_id, mirror_id, touchpoint_id, user_id, period_start, survey_version, answers)
       SELECT $1, $2, $3, $4, $5, $6, $7 FROM mirror
       ON CONFLICT ON CONSTRAINT mirror_answers_one_per_period_key
       DO UPDATE SET answers = EXCLUDED.answers, survey_version = EXCLUDED.survey_version, submitted_at = now()
       RETURNING (xmax <> 0) AS replaced`,
      [
        row.workspaceId,
        row.mirrorId,
        row.touchpointId,
        row.userId,
        row.periodStart,
        row.surveyVersion,
        JSON.stringify(row.answers),
        expected.surveyId,
        expected.period,
      ],
    );
    return saved ?? null;
  }

  /** Staff scores per touchpoint, period and question in [fromPeriod, toPeriod): unnests the answer sets in SQL. */
  staffSums(workspaceId: string, mirrorId: string, fromPeriod: string, toPeriod: string): Promise<StaffSums[]> {
    return this.answers.query(
      `SELECT a.touchpoint_id AS "touchpointId", a.period_start::text AS "periodStart", q.key AS "questionId", count(*)::int AS n,
              sum(q.value::text::numeric)::float8 AS sum, sum((q.value::text::numeric) ^ 2)::float8 AS "sumSquares"
         FROM mirror_answers a CROSS JOIN LATERAL jsonb_each(a.answers) q
        WHERE a.workspace_id = $1 AND a.mirror_id = $2 AND a.period_start >= $3 AND a.period_start < $4 AND jsonb_typeof(q.value) = 'number'
        GROUP BY 1, 2, 3`,
      [workspaceId, mirrorId, fromPeriod, toPeriod],
    );
  }
}
