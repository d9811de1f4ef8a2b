import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { BulkCustomerDto } from '../customers/customers.dto';

/**
 * Backdated history writes, used ONLY by the demo seeder (backend/src/demo/). The public ingest paths always stamp
 * "now" and must keep doing so (no client may backdate a response or a cancellation), so a year of history goes in
 * here instead, in batches. The rows are the same rows the services write: the seeder derives every column with
 * the services' own rules (deriveColumns, the reasons' offers, the customer's MRR) before calling this.
 */

export interface HistoryResponse {
  id: string;
  surveyId: string;
  surveyVersion: number;
  respondentId: string;
  customerExternalId: string | null;
  idempotencyKey: string;
  answers: Record<string, unknown>;
  score: number | null;
  scoreScaleMax: number | null;
  comment: string | null;
  language: string;
  hiddenFields: Record<string, string>;
  at: Date;
}

export interface HistoryDisplay {
  surveyId: string;
  respondentId: string;
  customerExternalId: string | null;
  idempotencyKey: string;
  at: Date;
}

export interface HistoryCancellation {
  id: string;
  flowId: string;
  idempotencyKey: string;
  customerExternalId: string;
  reasonKey: string;
  offeredReasonKeys: string[];
  otherText: string | null;
  followUp: string | null;
  offer: unknown;
  outcome: 'saved' | 'cancelled';
  mrr: number;
  language: string;
  at: Date;
}

const BATCH = 2000;

function chunks<T>(rows: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

@Injectable()
export class DemoHistoryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Finished responses as of `at` (created, updated and finished then). */
  async insertResponses(workspaceId: string, rows: HistoryResponse[]): Promise<void> {
    for (const batch of chunks(rows)) {
      await this.dataSource.query(
        `INSERT INTO responses (workspace_id, id, survey_id, survey_version, respondent_id, customer_external_id, idempotency_key, answers,
                                score, score_scale_max, comment, finished, language, hidden_fields, meta, created_at, updated_at, finished_at,
                                customer_verified)
         SELECT $1, r.id, r.survey_id, r.survey_version, r.respondent_id, r.customer_external_id, r.idempotency_key, r.answers,
                r.score, r.score_scale_max, r.comment, true, r.language, r.hidden_fields, '{}', r.at, r.at, r.at, r.customer_external_id IS NOT NULL
           FROM unnest($2::uuid[], $3::uuid[], $4::int[], $5::varchar[], $6::varchar[], $7::varchar[], $8::jsonb[], $9::smallint[], $10::smallint[],
                       $11::text[], $12::varchar[], $13::jsonb[], $14::timestamptz[])
             AS r(id, survey_id, survey_version, respondent_id, customer_external_id, idempotency_key, answers, score, score_scale_max,
                  comment, language, hidden_fields, at)`,
        [
          workspaceId,
          batch.map((r) => r.id), batch.map((r) => r.surveyId), batch.map((r) => r.surveyVersion), batch.map((r) => r.respondentId),
          batch.map((r) => r.customerExternalId), batch.map((r) => r.idempotencyKey), batch.map((r) => JSON.stringify(r.answers)),
          batch.map((r) => r.score), batch.map((r) => r.scoreScaleMax), batch.map((r) => r.comment), batch.map((r) => r.language),
          batch.map((r) => JSON.stringify(r.hiddenFields)), batch.map((r) => r.at),
        ],
      );
    }
  }

  async insertDisplays(workspaceId: string, rows: HistoryDisplay[]): Promise<void> {
    for (const batch of chunks(rows, 5000)) {
      await this.dataSource.query(
        `INSERT INTO survey_displays (workspace_id, survey_id, respondent_id, customer_external_id, idempotency_key, created_at)
         SELECT $1, d.survey_id, d.respondent_id, d.customer_external_id, d.idempotency_key, d.at
           FROM unnest($2::uuid[], $3::varchar[], $4::varchar[], $5::varchar[], $6::timestamptz[]) AS d(survey_id, respondent_id, customer_external_id, idempotency_key, at)`,
        [workspaceId, batch.map((d) => d.surveyId), batch.map((d) => d.respondentId), batch.map((d) => d.customerExternalId), batch.map((d) => d.idempotencyKey), batch.map((d) => d.at)],
      );
    }
  }

  /** Finished flow runs as of `at`, with the customer's MRR at the time (for revenue churn). */
  async insertCancellations(workspaceId: string, rows: HistoryCancellation[]): Promise<void> {
    for (const batch of chunks(rows)) {
      await this.dataSource.query(
        `INSERT INTO cancellations (workspace_id, id, flow_id, idempotency_key, customer_external_id, reason_key, offered_reason_keys, other_text,
                                    follow_up, offer, outcome, mrr, language, created_at, updated_at, finished_at, customer_verified)
         SELECT $1, x.id, x.flow_id, x.idempotency_key, x.customer_external_id, x.reason_key,
                ARRAY(SELECT jsonb_array_elements_text(x.offered)), x.other_text, x.follow_up, x.offer, x.outcome, x.mrr, x.language,
                x.at - interval '2 minutes', x.at, x.at, true
           FROM unnest($2::uuid[], $3::uuid[], $4::varchar[], $5::varchar[], $6::varchar[], $7::jsonb[], $8::text[], $9::text[], $10::jsonb[],
                       $11::varchar[], $12::numeric[], $13::varchar[], $14::timestamptz[])
             AS x(id, flow_id, idempotency_key, customer_external_id, reason_key, offered, other_text, follow_up, offer, outcome, mrr, language, at)`,
        [
          workspaceId, batch.map((x) => x.id), batch.map((x) => x.flowId), batch.map((x) => x.idempotencyKey), batch.map((x) => x.customerExternalId),
          batch.map((x) => x.reasonKey), batch.map((x) => JSON.stringify(x.offeredReasonKeys)), batch.map((x) => x.otherText), batch.map((x) => x.followUp),
          batch.map((x) => (x.offer === null ? null : JSON.stringify(x.offer))), batch.map((x) => x.outcome), batch.map((x) => x.mrr),
          batch.map((x) => x.language), batch.map((x) => x.at),
        ],
      );
    }
  }

  /**
   * The case services stamp their audit events with the database clock; a replayed history gives the events written
   * since `writtenAfter` (the seeding run's start) the moment they stand for. Stamped times are in the past, so each
   * call only moves the events of the step just replayed.
   */
  async stampCaseEvents(workspaceId: string, at: Date, writtenAfter: Date): Promise<void> {
    await this.dataSource.query(`UPDATE case_events SET created_at = $2 WHERE workspace_id = $1 AND created_at >= $3`, [workspaceId, at, writtenAfter]);
  }

  /** Negative original mentions posted since `since`, oldest first (the demo opens cases from a few of them). */
  negativeOriginalMentions(workspaceId: string, since: Date): Promise<{ id: string; source: string; author: string | null; text: string; postedAt: Date }[]> {
    return this.dataSource.query(
      `SELECT id, source, author, text, posted_at AS "postedAt" FROM mentions
        WHERE workspace_id = $1 AND sentiment = -1 AND duplicate_of IS NULL AND parent_id IS NULL AND posted_at >= $2
        ORDER BY posted_at, external_id`,
      [workspaceId, since],
    );
  }

  /**
   * Cases are opened automatically only from feedback newer than this. The demo opens its own cases from its history,
   * so the background sync starts at the end of the seeding (otherwise it would page the team about every recent
   * detractor and every freshly stored negative mention at once).
   */
  async startCaseSyncAt(workspaceId: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO case_settings (workspace_id, sync_since) VALUES ($1, $2)
       ON CONFLICT (workspace_id) DO UPDATE SET sync_since = EXCLUDED.sync_since, updated_at = now()`,
      [workspaceId, at],
    );
  }

  /**
   * The background clustering sync copies texts changed after `feedback_synced_at`. While the history goes in, a
   * mark in the future keeps it (and the rebuild it would start on half the story) away from this workspace; NULL
   * hands the whole story to the next sync.
   */
  async holdFeedbackSync(workspaceId: string, until: Date | null): Promise<void> {
    await this.dataSource.query(`UPDATE workspaces SET feedback_synced_at = $2 WHERE id = $1`, [workspaceId, until]);
  }

  /**
   * New customers in one statement per batch (the per-row upsert costs a round trip each), created when they were
   * first seen. Rows must have passed CustomersService.validateRow.
   */
  async insertCustomers(workspaceId: string, rows: (BulkCustomerDto & { createdAt: Date })[]): Promise<void> {
    for (const batch of chunks(rows, 1000)) {
      await this.dataSource.query(
        `INSERT INTO customers (workspace_id, external_id, name, email, phone, attributes, lifecycle_stage, segment, mrr, consents, order_count,
                                first_seen_at, last_seen_at, created_at, updated_at)
         SELECT $1, c.external_id, c.name, c.email, c.phone, c.attributes, c.stage, c.segment, c.mrr, c.consents, c.orders, c.first_seen, c.last_seen,
                c.created_at, c.last_seen
           FROM unnest($2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::jsonb[], $7::varchar[], $8::varchar[], $9::numeric[], $10::jsonb[],
                       $11::int[], $12::timestamptz[], $13::timestamptz[], $14::timestamptz[])
             AS c(external_id, name, email, phone, attributes, stage, segment, mrr, consents, orders, first_seen, last_seen, created_at)`,
        [
          workspaceId, batch.map((c) => c.externalId), batch.map((c) => c.name ?? null), batch.map((c) => c.email ?? null), batch.map((c) => c.phone ?? null),
          batch.map((c) => JSON.stringify(c.attributes ?? {})), batch.map((c) => c.lifecycleStage ?? 'aware'), batch.map((c) => c.segment ?? null),
          batch.map((c) => c.mrr ?? 0), batch.map((c) => JSON.stringify(c.consents ?? {})), batch.map((c) => c.orderCount ?? 0),
          batch.map((c) => c.firstSeenAt), batch.map((c) => c.lastSeenAt), batch.map((c) => c.createdAt),
        ],
      );
    }
  }
}
