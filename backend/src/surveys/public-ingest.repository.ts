import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { DataSource, Repository } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { ResponseEntity } from '../responses/response.entity';
import { WebhookEvents } from '../webhooks/webhook-events';
import { SurveyDisplayEntity } from './survey-display.entity';
import { SurveyVersionEntity } from './survey-version.entity';
import type { DisplayRules } from '@otklik/survey-model';

export type Blocked = 'recontact_window' | 'already_responded';

export interface RespondentRef {
  workspaceId: string;
  surveyId: string;
  respondentId: string;
}

/**
 * The respondent's history in one pass over `responses_respondent_idx` (equality on all three leading
 * columns, so the planner picks it even before statistics exist). `$1` workspace, `$2` survey,
 * `$3` respondent, `$4` the caller's idempotency key, `$5` stop after a response, `$6` recontact days.
 * Looking up the caller's own row by respondent too keeps every probe on that one index.
 */
const RESPONSE_HISTORY = `
  SELECT coalesce(bool_or(r.idempotency_key = $4), false) AS mine,
         CASE
           WHEN coalesce(bool_or(r.idempotency_key = $4), false) THEN NULL
           WHEN $5::boolean AND bool_or(r.finished AND r.idempotency_key <> $4) THEN 'already_responded'
           WHEN $6::int > 0 AND bool_or(r.finished AND r.idempotency_key <> $4
                                        AND r.created_at > now() - make_interval(days => $6::int)) THEN 'recontact_window'
         END AS reason
    FROM responses r WHERE r.workspace_id = $1 AND r.survey_id = $2 AND r.respondent_id = $3`;

/** The same for displays, which also block within the recontact window. */
const DISPLAY_HISTORY = `
  SELECT (SELECT d.id FROM survey_displays d
           WHERE d.workspace_id = $1 AND d.survey_id = $2 AND d.respondent_id = $3 AND d.idempotency_key = $4) AS existing,
         coalesce((SELECT h.reason FROM (${RESPONSE_HISTORY}) h),
           CASE WHEN $6::int > 0 AND EXISTS (
             SELECT 1 FROM survey_displays d WHERE d.workspace_id = $1 AND d.survey_id = $2 AND d.respondent_id = $3
                AND d.idempotency_key <> $4 AND d.created_at > now() - make_interval(days => $6::int)) THEN 'recontact_window' END) AS reason`;

export type ExistingResponse = Pick<ResponseEntity, 'id' | 'respondentId' | 'surveyVersion' | 'answers' | 'finished'> & {
  customerId: ResponseEntity['customerExternalId'];
};

export type ResponseWrite = Pick<
  ResponseEntity,
  | 'surveyVersion'
  | 'displayId'
  | 'idempotencyKey'
  | 'answers'
  | 'score'
  | 'scoreScaleMax'
  | 'comment'
  | 'finished'
  | 'language'
  | 'hiddenFields'
  | 'meta'
> & {
  customerId: ResponseEntity['customerExternalId'];
  /** customerId came with a valid identity hash (customer-identity/). */
  customerVerified: boolean;
};

/** What the upsert statement answers; with events, also what the response events carry. */
type UpsertedRow = Pick<ResponseEntity, 'id' | 'finished'> & { created: boolean };
type UpsertedWithEventData = UpsertedRow &
  Pick<ResponseEntity, 'score' | 'comment' | 'language' | 'answers'> & {
    just_finished: boolean;
    customer_external_id: ResponseEntity['customerExternalId'];
    customer_verified: ResponseEntity['customerVerified'];
    hidden_fields: ResponseEntity['hiddenFields'];
  };

/**
 * Answering a survey is activity: the customer's "last seen" moves, in the same statement, but only for a
 * customer id this call proved with its identity hash ($18) and only when the response was written (an unverified
 * id, or a refused write, changes no customer). Costs nothing when there is no verified id (one-time filter).
 */
const CUSTOMER_SEEN = `seen AS (
         UPDATE customers c SET last_seen_at = greatest(c.last_seen_at, now())
          WHERE $18::boolean AND $9::varchar IS NOT NULL AND c.workspace_id = $1 AND c.external_id = $9::varchar AND c.last_seen_at < now()
            AND EXISTS (SELECT 1 FROM upserted u WHERE u.customer_verified AND u.customer_external_id = $9::varchar)
       )`;

/** How long the "does anyone listen for response events" answer is reused. */
export const RESPONSE_EVENTS_CACHE_MS = 3000;

/**
 * The response upsert. With `withEventData` it also answers what the response events carry (the caller queues them
 * through WebhookEvents in the same transaction).
 */
const upsertResponseSql = (withEventData: boolean) => `WITH history AS (${RESPONSE_HISTORY}), upserted AS (
       INSERT INTO responses (workspace_id, survey_id, respondent_id, idempotency_key, survey_version, display_id,
                              customer_external_id, answers, score, score_scale_max, comment, finished, language,
                              hidden_fields, meta, finished_at, customer_verified)
       SELECT $1, $2, $3, $4, $7, (SELECT d.id FROM survey_displays d WHERE d.workspace_id = $1 AND d.id = $8 AND d.survey_id = $2 AND d.respondent_id = $3), $9, $10, $11, $12, $13, $14, $15, $16, $17, CASE WHEN $14 THEN now() END,
              $9::varchar IS NOT NULL AND $18::boolean
         FROM history WHERE history.reason IS NULL
       ON CONFLICT (workspace_id, survey_id, idempotency_key) DO UPDATE SET
         answers = CASE WHEN responses.finished AND NOT EXCLUDED.finished THEN responses.answers ELSE responses.answers || EXCLUDED.answers END,
         score = CASE WHEN responses.finished AND NOT EXCLUDED.finished THEN responses.score ELSE COALESCE(EXCLUDED.score, responses.score) END,
         score_scale_max = COALESCE(responses.score_scale_max, EXCLUDED.score_scale_max),
         comment = CASE WHEN responses.finished AND NOT EXCLUDED.finished THEN responses.comment ELSE COALESCE(EXCLUDED.comment, responses.comment) END,
         display_id = COALESCE(responses.display_id, EXCLUDED.display_id),
         customer_external_id = COALESCE(EXCLUDED.customer_external_id, responses.customer_external_id),
         -- The flag goes with the customer id this call leaves stored.
         customer_verified = CASE WHEN EXCLUDED.customer_external_id IS NULL THEN responses.customer_verified ELSE EXCLUDED.customer_verified END,
         language = COALESCE(EXCLUDED.language, responses.language),
         hidden_fields = responses.hidden_fields || EXCLUDED.hidden_fields,
         finished = responses.finished OR EXCLUDED.finished,
         finished_at = COALESCE(responses.finished_at, EXCLUDED.finished_at),
         updated_at = now()
       -- Only the respondent who started it merges into it, and a stored customer id never changes: a call from
       -- anyone else who learnt the key writes nothing (no row back; the service answers 409).
       WHERE responses.survey_version = EXCLUDED.survey_version AND responses.respondent_id = EXCLUDED.respondent_id
         AND (responses.customer_external_id IS NULL OR EXCLUDED.customer_external_id IS NULL
              OR responses.customer_external_id = EXCLUDED.customer_external_id)
       RETURNING id, finished, (xmax = 0) AS created, COALESCE(finished_at = now(), false) AS just_finished, score, comment,
                 customer_external_id, customer_verified, language, answers, hidden_fields
       ), ${CUSTOMER_SEEN}
       SELECT id, finished, created${withEventData ? ', just_finished, score, comment, customer_external_id, customer_verified, language, answers, hidden_fields' : ''}
         FROM upserted`;

const UPSERT_RESPONSE_WITH_EVENT_DATA = upsertResponseSql(true);
const UPSERT_RESPONSE = upsertResponseSql(false);

@Injectable()
export class PublicIngestRepository {
  /** Per workspace: whether an endpoint listens for response events, and until when that answer holds. */
  private readonly eventsWanted = new Map<string, { wanted: boolean; until: number }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(SurveyDisplayEntity) private readonly displays: Repository<SurveyDisplayEntity>,
    @InjectRepository(SurveyVersionEntity) private readonly versions: Repository<SurveyVersionEntity>,
    private readonly events: WebhookEvents,
  ) {}

  /**
   * Cached for a few seconds: a newly added endpoint starts receiving response events within
   * RESPONSE_EVENTS_CACHE_MS (other events are not affected).
   */
  private async responseEventsWanted(workspaceId: string): Promise<boolean> {
    const now = Date.now();
    const cached = this.eventsWanted.get(workspaceId);
    if (cached && cached.until > now) return cached.wanted;
    const wanted =
      (await this.events.hasSubscribers(workspaceId, 'response.created')) ||
      (await this.events.hasSubscribers(workspaceId, 'response.finished'));
    this.eventsWanted.set(workspaceId, { wanted, until: now + RESPONSE_EVENTS_CACHE_MS });
    return wanted;
  }

  /**
   * Hot-path statements run as named (server-side prepared) statements on the pg pool under TypeORM,
   * so PostgreSQL parses and plans each of them once per connection instead of on every widget call.
   */
  private async prepared<T>(name: string, text: string, values: unknown[]): Promise<T[]> {
    const pool = (this.dataSource.driver as PostgresDriver).master as Pool;
    const result = await pool.query({ name, text, values });
    return result.rows as T[];
  }

  /** Why this respondent must not see the survey now, or null. */
  async blockReason(ref: RespondentRef, rules: DisplayRules): Promise<Blocked | null> {
    const [row] = await this.dataSource.query(DISPLAY_HISTORY, [
      ref.workspaceId,
      ref.surveyId,
      ref.respondentId,
      '',
      rules.stopAfterResponse,
      rules.recontactDays,
    ]);
    return (row.reason as Blocked | null) ?? null;
  }

  /** Records a display once per idempotency key, unless the recontact rules block it (one statement). */
  async recordDisplay(
    ref: RespondentRef,
    rules: DisplayRules,
    display: { idempotencyKey: string; customerId: string | null; url: string | null },
  ): Promise<{ displayId: string; created: boolean } | { blocked: Blocked } | { keyTaken: true }> {
    const params = [
      ref.workspaceId,
      ref.surveyId,
      ref.respondentId,
      display.idempotencyKey,
      rules.stopAfterResponse,
      rules.recontactDays,
      display.customerId,
      display.url,
    ];
    const [row] = await this.prepared<{ inserted: string | null; existing: string | null; reason: string | null }>(
      'otklik_record_display',
      `WITH history AS (${DISPLAY_HISTORY}), inserted AS (
         INSERT INTO survey_displays (workspace_id, survey_id, respondent_id, idempotency_key, customer_external_id, url)
         SELECT $1, $2, $3, $4, $7, $8 FROM history WHERE history.existing IS NULL AND history.reason IS NULL
         ON CONFLICT (workspace_id, survey_id, idempotency_key) DO NOTHING
         RETURNING id
       )
       SELECT (SELECT id FROM inserted) AS inserted, history.existing, history.reason FROM history`,
      params,
    );
    if (row.inserted) return { displayId: row.inserted, created: true };
    if (row.existing) return { displayId: row.existing, created: false };
    if (row.reason) return { blocked: row.reason as Blocked };
    // Lost a race with the same key (the other request's row is there now), or the key is another respondent's.
    const again = (await this.displays.findOne({
      select: { id: true, respondentId: true },
      where: { workspaceId: ref.workspaceId, surveyId: ref.surveyId, idempotencyKey: display.idempotencyKey },
    }))!;
    if (again.respondentId !== ref.respondentId) return { keyTaken: true };
    return { displayId: again.id, created: false };
  }

  async findResponse(ref: Omit<RespondentRef, 'respondentId'>, idempotencyKey: string): Promise<ExistingResponse | null> {
    const rows = await this.prepared<ExistingResponse>(
      'otklik_find_response',
      `SELECT id, respondent_id AS "respondentId", customer_external_id AS "customerId", survey_version AS "surveyVersion", answers, finished
         FROM responses WHERE workspace_id = $1 AND survey_id = $2 AND idempotency_key = $3`,
      [ref.workspaceId, ref.surveyId, idempotencyKey],
    );
    return (rows[0] as ExistingResponse | undefined) ?? null;
  }

  /**
   * Creates the response or merges into the one with this idempotency key, in one statement, so a
   * retried or concurrent call can never create a second row. A new response is refused when the
   * recontact rules block it; an existing one is only merged when it was started on the same survey
   * version (otherwise the caller re-validates against that version). A late partial retry never
   * changes a finished response. Acknowledged only after commit.
   */
  async upsertResponse(
    ref: RespondentRef,
    rules: DisplayRules,
    write: ResponseWrite,
  ): Promise<{ responseId: string; finished: boolean; created: boolean } | null> {
    const params = [
      ref.workspaceId,
      ref.surveyId,
      ref.respondentId,
      write.idempotencyKey,
      rules.stopAfterResponse,
      rules.recontactDays,
      write.surveyVersion,
      write.displayId,
      write.customerId,
      JSON.stringify(write.answers),
      write.score,
      write.scoreScaleMax,
      write.comment,
      write.finished,
      write.language,
      JSON.stringify(write.hiddenFields),
      JSON.stringify(write.meta),
      write.customerVerified,
    ];
    // Most workspaces have no endpoint for response events: they get the one statement, no transaction, no events.
    if (!(await this.responseEventsWanted(ref.workspaceId))) {
      const rows = await this.prepared<UpsertedRow>('otklik_upsert_response', UPSERT_RESPONSE, params);
      return rows.length === 0 ? null : { responseId: rows[0].id, finished: rows[0].finished, created: rows[0].created };
    }
    // `response.created` when the row is new, `response.finished` when this write finished it, queued in the
    // write's transaction (no event without its response, no response without its events).
    return this.dataSource.transaction(async (manager) => {
      const [row]: UpsertedWithEventData[] = await manager.query(UPSERT_RESPONSE_WITH_EVENT_DATA, params);
      if (!row) return null;
      const data = {
        responseId: row.id,
        surveyId: ref.surveyId,
        customerId: row.customer_external_id,
        customerVerified: row.customer_verified,
        finished: row.finished,
        score: row.score,
        comment: row.comment,
        language: row.language,
        answers: row.answers,
        hiddenFields: row.hidden_fields,
      };
      if (row.created) await this.events.publish(ref.workspaceId, 'response.created', data, manager);
      if (row.just_finished) await this.events.publish(ref.workspaceId, 'response.finished', data, manager);
      return { responseId: row.id, finished: row.finished, created: row.created };
    });
  }

  /** Why a new response from this respondent is refused (after upsertResponse wrote nothing). */
  async responseBlockReason(ref: RespondentRef, rules: DisplayRules, idempotencyKey: string): Promise<Blocked | null> {
    const [row] = await this.dataSource.query(RESPONSE_HISTORY, [
      ref.workspaceId,
      ref.surveyId,
      ref.respondentId,
      idempotencyKey,
      rules.stopAfterResponse,
      rules.recontactDays,
    ]);
    return (row.reason as Blocked | null) ?? null;
  }

  async questionsOfVersion(workspaceId: string, surveyId: string, version: number): Promise<SurveyVersionEntity['questions'] | undefined> {
    const row = await this.versions.findOne({ select: { questions: true }, where: { workspaceId, surveyId, version } });
    return row?.questions;
  }
}
