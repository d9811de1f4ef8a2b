import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { LOW_SCORE_SQL } from '../cases/case-rules';
import { keysetPage, sortKeySql, type KeysetQuery } from '../customers/timeline/timeline-source';
import type { SurveyEntity } from '../surveys/survey.entity';
import { ResponseEntity } from './response.entity';
import type { ResponseScope } from './response-scope';

export type { ResponseScope } from './response-scope';

export type LatestComment = Pick<ResponseEntity, 'id' | 'surveyId' | 'score' | 'language' | 'createdAt'> & { comment: string };

export interface ResponseCounts {
  responses: number;
  finished: number;
}

/** A response on a customer's timeline, with its survey's name and kind. */
export type CustomerResponseEvent = Pick<
  ResponseEntity,
  'surveyId' | 'score' | 'scoreScaleMax' | 'comment' | 'finished' | 'language' | 'finishedAt'
> & {
  eventId: string;
  /** Sort key: ISO instant with microseconds, UTC. */
  at: string;
  responseId: ResponseEntity['id'];
  surveyName: SurveyEntity['name'];
  surveyKind: SurveyEntity['kind'];
};

/** A finished scored response of an NPS/CSAT/CES survey linked to a touchpoint (by the survey's touchpoint name). */
export type TouchpointScore = { touchpointId: string; kind: 'nps' | 'csat' | 'ces'; score: number; scaleMax: number; at: Date };

/** A touchpoint's survey score for one calendar month: NPS points, or the mean CSAT / CES on a 1–5 scale. */
export type TouchpointMonthScore = { touchpointId: string; month: string; kind: 'nps' | 'csat' | 'ces'; n: number; value: number };

/** A low-scored response that should open a case and has none yet. */
export type CaseCandidateResponse = Pick<ResponseEntity, 'id' | 'comment' | 'createdAt'> & {
  score: number;
  scaleMax: ResponseEntity['scoreScaleMax'];
  /** Only a customer id proven by its identity hash; otherwise null. */
  customerExternalId: ResponseEntity['customerExternalId'];
  kind: SurveyEntity['kind'];
  surveyName: SurveyEntity['name'];
  touchpointName: SurveyEntity['touchpointName'];
};

/** A response comment worth clustering, as the complaints module copies it. */
export type CommentForClustering = Pick<ResponseEntity, 'id' | 'customerExternalId'> & {
  /** created_at as PostgreSQL text, so the copy keeps its microseconds. */
  createdAt: string;
  /** At most 5000 characters. */
  text: string;
  /** 'und' when the response has none. */
  language: string;
  /** From the score: detractors / low CSAT and CES -1, promoters / top marks 1, else 0; null without a score. */
  sentiment: -1 | 0 | 1 | null;
  touchpointName: SurveyEntity['touchpointName'];
};

/** A proven customer's latest low-scored (detractor / low CSAT or CES) finished response, with its survey's name. */
export type CustomerNegativeFeedback = { customerExternalId: string; responseId: string; surveyId: string; surveyName: string; at: Date };

/** A proven customer's NPS answers in a period: promoters (9–10), passives (7–8) and detractors (0–6). */
export type CustomerNpsCounts = { customerExternalId: string; promoters: number; passives: number; detractors: number };

/** Sums of one numeric answer per touchpoint and period: enough to pool means and variances without loading rows. */
export type AnswerSums = { touchpointId: string; periodStart: string; questionId: string; n: number; sum: number; sumSquares: number };

/** Response sentiment from its score: detractors / low CSAT and CES are negative, promoters / top marks positive. */
export const RESPONSE_SENTIMENT = `CASE
    WHEN r.score IS NULL THEN NULL
    WHEN r.score_scale_max = 10 THEN CASE WHEN r.score <= 6 THEN -1 WHEN r.score >= 9 THEN 1 ELSE 0 END
    WHEN r.score_scale_max = 7 THEN CASE WHEN r.score <= 3 THEN -1 WHEN r.score >= 6 THEN 1 ELSE 0 END
    ELSE CASE WHEN r.score <= 2 THEN -1 WHEN r.score >= 4 THEN 1 ELSE 0 END END`;

/**
 * Everything other modules read from `responses` (the responses module owns the table). Plain reads use the
 * entity's repository; the set-based ones that must join another module's table keep their SQL here, typed from
 * the entities, so the table is read in one place.
 */
@Injectable()
export class ResponsesReader {
  constructor(@InjectRepository(ResponseEntity) private readonly responses: Repository<ResponseEntity>) {}

  private repo(manager?: EntityManager): Repository<ResponseEntity> {
    return manager ? manager.getRepository(ResponseEntity) : this.responses;
  }

  /** Responses tied to one questions version (a version with answers is kept, not edited in place). */
  countOfVersion(workspaceId: string, surveyId: string, version: number, manager?: EntityManager): Promise<number> {
    return this.repo(manager).countBy({ workspaceId, surveyId, surveyVersion: version });
  }

  /** Responses per questions version of one survey. */
  async countsByVersion(workspaceId: string, surveyId: string): Promise<Map<number, number>> {
    const rows: { version: number; n: number }[] = await this.responses
      .createQueryBuilder('r')
      .select('r.survey_version', 'version')
      .addSelect('count(*)::int', 'n')
      .where('r.workspace_id = :workspaceId AND r.survey_id = :surveyId', { workspaceId, surveyId })
      .groupBy('r.survey_version')
      .getRawMany();
    return new Map(rows.map((r) => [r.version, r.n]));
  }

  /** Responses and finished responses per survey (surveys without any are left out). */
  async countsBySurvey(workspaceId: string, surveyIds: string[]): Promise<Map<string, ResponseCounts>> {
    if (surveyIds.length === 0) return new Map();
    const rows: ({ surveyId: string } & ResponseCounts)[] = await this.responses
      .createQueryBuilder('r')
      .select('r.survey_id', 'surveyId')
      .addSelect('count(*)::int', 'responses')
      .addSelect('(count(*) FILTER (WHERE r.finished))::int', 'finished')
      .where('r.workspace_id = :workspaceId AND r.survey_id = ANY(:surveyIds::uuid[])', { workspaceId, surveyIds })
      .groupBy('r.survey_id')
      .getRawMany();
    return new Map(rows.map(({ surveyId, ...counts }) => [surveyId, counts]));
  }

  /** Whether the workspace has any response at all. */
  anyInWorkspace(workspaceId: string): Promise<boolean> {
    return this.responses.existsBy({ workspaceId });
  }

  /**
   * The newest `limit` comments in [from, to), newest first (ties by id). Taken per survey (an index walk back from
   * `to` that stops after `limit` matches) and merged, because one ordered scan cannot cover several survey ids: over a
   * million responses a single query would sort every commented row of the period. LATERAL: raw SQL.
   */
  async latestComments(scope: ResponseScope, from: Date, to: Date, limit: number): Promise<LatestComment[]> {
    if (scope.surveyIds.length === 0) return [];
    const params: unknown[] = [];
    const bind = (value: unknown) => `$${params.push(value)}`;
    const where = [
      `r.workspace_id = ${bind(scope.workspaceId)}::uuid`,
      'r.survey_id = s.id',
      `r.created_at >= ${bind(from)} AND r.created_at < ${bind(to)}`,
      'r.comment IS NOT NULL',
    ];
    if (scope.language) where.push(`r.language = ${bind(scope.language)}`);
    if (scope.segment) where.push(`r.hidden_fields->>'segment' = ${bind(scope.segment)}`);
    if (scope.segmentFilter) where.push(scope.segmentFilter.render('r.customer_external_id', bind));
    const surveys = bind(scope.surveyIds);
    const top = bind(limit);
    return this.responses.query(
      `SELECT c.* FROM (SELECT DISTINCT unnest(${surveys}::uuid[]) AS id) s
       CROSS JOIN LATERAL (
         SELECT r.id, r.survey_id AS "surveyId", r.score, r.comment, r.language, r.created_at AS "createdAt"
           FROM responses r WHERE ${where.join(' AND ')}
          ORDER BY r.created_at DESC, r.id DESC LIMIT ${top}) c
       ORDER BY c."createdAt" DESC, c.id DESC LIMIT ${top}`,
      params,
    );
  }

  /**
   * One customer's responses (finished and partial) by when they began, a keyset page of the customer timeline:
   * created_at never changes, so a page boundary stays put while a partial response is finished later.
   * Joins surveys for the name and kind the timeline shows.
   */
  async customerPage(query: KeysetQuery): Promise<CustomerResponseEvent[]> {
    const { eventId, after, params } = keysetPage('response', 'r', 'created_at', query);
    return this.responses.query(
      `SELECT ${eventId} AS "eventId", ${sortKeySql('r.created_at')} AS at, r.id AS "responseId", r.survey_id AS "surveyId",
              s.name AS "surveyName", s.kind AS "surveyKind", r.score, r.score_scale_max AS "scoreScaleMax", r.comment, r.finished,
              r.language, r.finished_at AS "finishedAt"
         FROM responses r
         JOIN surveys s ON s.workspace_id = r.workspace_id AND s.id = r.survey_id
        WHERE r.workspace_id = $1 AND r.customer_external_id = $2 ${after}
        ORDER BY r.created_at DESC, ${eventId} DESC
        LIMIT $3`,
      params,
    );
  }

  /** Finished scored responses in [from, to) of NPS/CSAT/CES surveys linked to each touchpoint (set-based: joins touchpoints and surveys). */
  touchpointScores(workspaceId: string, from: Date, to: Date): Promise<TouchpointScore[]> {
    return this.responses.query(
      `SELECT t.id AS "touchpointId", s.kind, r.score, r.score_scale_max AS "scaleMax", r.created_at AS at
         FROM touchpoints t
         JOIN surveys s ON s.workspace_id = t.workspace_id AND s.touchpoint_name = t.name AND s.kind IN ('nps', 'csat', 'ces')
         JOIN responses r ON r.workspace_id = s.workspace_id AND r.survey_id = s.id
        WHERE t.workspace_id = $1 AND r.created_at >= $2 AND r.created_at < $3 AND r.finished AND r.score IS NOT NULL`,
      [workspaceId, from, to],
    );
  }

  /**
   * Per touchpoint, month ('YYYY-MM' in `timeZone`) and kind, the finished scored answers in [from, to) of the surveys
   * linked to it: NPS points (% of 9–10 minus % of 0–6) or the mean score, CSAT/CES put on a 1–5 scale when asked
   * on another one (1 + (score − 1) · 4 / (max − 1)). Aggregated in SQL.
   */
  touchpointMonthlyScores(workspaceId: string, from: Date, to: Date, timeZone: string): Promise<TouchpointMonthScore[]> {
    return this.responses.query(
      `SELECT t.id AS "touchpointId", to_char(r.created_at AT TIME ZONE $4, 'YYYY-MM') AS month, s.kind, count(*)::int AS n,
              (CASE WHEN s.kind = 'nps'
                    THEN 100.0 * (count(*) FILTER (WHERE r.score >= 9) - count(*) FILTER (WHERE r.score <= 6)) / count(*)
                    ELSE avg(CASE WHEN r.score_scale_max IS NULL OR r.score_scale_max IN (1, 5) THEN r.score
                                  ELSE 1 + (r.score - 1) * 4.0 / (r.score_scale_max - 1) END) END)::float8 AS value
         FROM touchpoints t
         JOIN surveys s ON s.workspace_id = t.workspace_id AND s.touchpoint_name = t.name AND s.kind IN ('nps', 'csat', 'ces')
         JOIN responses r ON r.workspace_id = s.workspace_id AND r.survey_id = s.id
        WHERE t.workspace_id = $1 AND r.created_at >= $2 AND r.created_at < $3 AND r.finished AND r.score IS NOT NULL
        GROUP BY t.id, month, s.kind`,
      [workspaceId, from, to, timeZone],
    );
  }

  /**
   * Low-scored responses of the last `lookback` (and since the case settings' `sync_since`) that have no case yet,
   * oldest first, at most `limit`. A partial response counts once it stopped changing for `settled`.
   * Set-based: joins surveys for the kind, and anti-joins cases / reads case_settings so a batch holds only new work.
   */
  caseCandidates(workspaceId: string, opts: { lookback: string; settled: string; limit: number }): Promise<CaseCandidateResponse[]> {
    return this.responses.query(
      // An unproven customer id (no identity hash) must not pin a case, or its VIP priority, on a real customer.
      `SELECT r.id, r.score, r.score_scale_max AS "scaleMax", r.comment,
              CASE WHEN r.customer_verified THEN r.customer_external_id END AS "customerExternalId", r.created_at AS "createdAt",
              s.kind, s.name AS "surveyName", s.touchpoint_name AS "touchpointName"
         FROM responses r JOIN surveys s ON s.workspace_id = r.workspace_id AND s.id = r.survey_id
        WHERE r.workspace_id = $1 AND r.score IS NOT NULL AND ${LOW_SCORE_SQL}
          AND (r.finished OR r.updated_at < now() - $2::interval)
          -- Imported history opens no cases unless its import asked for them (response-imports: createCases).
          AND NOT r.meta @> '{"cases": "off"}'
          AND r.created_at >= coalesce((SELECT sync_since FROM case_settings cs WHERE cs.workspace_id = r.workspace_id), '-infinity')
          AND r.created_at >= now() - $3::interval
          AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.workspace_id = r.workspace_id AND c.source = 'response' AND c.source_id = r.id::text)
        ORDER BY r.created_at, r.id LIMIT $4`,
      [workspaceId, opts.settled, opts.lookback, opts.limit],
    );
  }

  /** Per customer of `externalIds` (proven ids only): their latest finished low-scored response (LOW_SCORE_SQL), joining surveys for the name. */
  async latestNegativeFeedback(workspaceId: string, externalIds: readonly string[]): Promise<CustomerNegativeFeedback[]> {
    if (externalIds.length === 0) return [];
    return this.responses.query(
      `SELECT DISTINCT ON (r.customer_external_id) r.customer_external_id AS "customerExternalId", r.id AS "responseId",
              r.survey_id AS "surveyId", s.name AS "surveyName", r.created_at AS at
         FROM responses r JOIN surveys s ON s.workspace_id = r.workspace_id AND s.id = r.survey_id
        WHERE r.workspace_id = $1 AND r.customer_external_id = ANY($2::text[]) AND r.customer_verified
          AND r.finished AND r.score IS NOT NULL AND ${LOW_SCORE_SQL}
        ORDER BY r.customer_external_id, r.created_at DESC, r.id DESC`,
      [workspaceId, externalIds],
    );
  }

  /** Per proven customer: finished NPS answers given in [from, to), split into promoters, passives and detractors (joins surveys for the kind). */
  npsByCustomer(workspaceId: string, from: Date, to: Date): Promise<CustomerNpsCounts[]> {
    return this.responses.query(
      `SELECT r.customer_external_id AS "customerExternalId",
              (count(*) FILTER (WHERE r.score >= 9))::int AS promoters,
              (count(*) FILTER (WHERE r.score BETWEEN 7 AND 8))::int AS passives,
              (count(*) FILTER (WHERE r.score <= 6))::int AS detractors
         FROM responses r JOIN surveys s ON s.workspace_id = r.workspace_id AND s.id = r.survey_id AND s.kind = 'nps'
        WHERE r.workspace_id = $1 AND r.customer_external_id IS NOT NULL AND r.customer_verified
          AND r.finished AND r.score IS NOT NULL AND r.created_at >= $2 AND r.created_at < $3
        GROUP BY r.customer_external_id`,
      [workspaceId, from, to],
    );
  }

  /**
   * Finished responses to one survey in [from, to): per touchpoint, period ('month' | 'quarter' in `timeZone`) and question of
   * `questionIds`, the count, sum and sum of squares of numeric answers. A response belongs to the touchpoint its
   * `touchpoint` hidden field names (a survey shown at several touchpoints), else to the survey's own touchpoint.
   * Set-based: joins surveys and touchpoints, and unnests the answers in SQL.
   */
  answerSumsByTouchpoint(
    workspaceId: string,
    q: {
      surveyId: string;
      touchpointIds: string[];
      questionIds: string[];
      period: 'month' | 'quarter';
      from: Date;
      to: Date;
      /** The IANA zone whose calendar months/quarters the answers are grouped by. */
      timeZone: string;
    },
  ): Promise<AnswerSums[]> {
    if (q.touchpointIds.length === 0 || q.questionIds.length === 0) return Promise.resolve([]);
    return this.responses.query(
      `SELECT t.id AS "touchpointId", date_trunc($3, r.created_at AT TIME ZONE $8)::date::text AS "periodStart",
              a.key AS "questionId", count(*)::int AS n, sum(a.value::text::numeric)::float8 AS sum,
              sum((a.value::text::numeric) ^ 2)::float8 AS "sumSquares"
         FROM responses r
         JOIN surveys s ON s.workspace_id = r.workspace_id AND s.id = r.survey_id
         JOIN touchpoints t ON t.workspace_id = r.workspace_id AND t.id = ANY($4::uuid[])
                           AND lower(t.name) = lower(COALESCE(NULLIF(r.hidden_fields->>'touchpoint', ''), s.touchpoint_name))
        CROSS JOIN LATERAL jsonb_each(r.answers) a
        WHERE r.workspace_id = $1 AND r.survey_id = $2 AND r.finished AND r.created_at >= $5 AND r.created_at < $6
          AND a.key = ANY($7::text[]) AND jsonb_typeof(a.value) = 'number'
        GROUP BY 1, 2, 3`,
      [workspaceId, q.surveyId, q.period, q.touchpointIds, q.from, q.to, q.questionIds, q.timeZone],
    );
  }

  /** The language a response was given in (a reply to its case is written in it), or null. */
  async languageOf(workspaceId: string, responseId: string): Promise<string | null> {
    const row = await this.responses.findOne({ select: { id: true, language: true }, where: { workspaceId, id: responseId } });
    return row?.language ?? null;
  }
}
