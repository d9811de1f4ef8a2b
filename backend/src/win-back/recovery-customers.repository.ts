import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { MessageStatus } from '../messaging/message-types';
import { RecoveryCustomerEntity } from './recovery-customer.entity';
import { RECENT_NOTICE_DAYS, REVENUE_WINDOW_DAYS, type AffectedWhy, type ReturnKind } from './win-back-rules';

/** Where a customer stands after the fix, from the snapshot row and its notice. */
export const CUSTOMER_STATES = ['not_told', 'no_address', 'queued', 'held', 'sent', 'failed', 'cancelled', 'answered', 'returned'] as const;
export type CustomerState = (typeof CUSTOMER_STATES)[number];

export interface RecoveryCustomerRow {
  customerExternalId: string;
  name: string | null;
  why: AffectedWhy[];
  state: CustomerState;
  notifiedAt: Date | null;
  messageId: string | null;
  channel: string | null;
  messageStatus: MessageStatus | null;
  holdReasons: { code: string; until: string | null }[] | null;
  answeredAt: Date | null;
  returnedAt: Date | null;
  returnKind: ReturnKind | null;
  /** Orders and payments in the 90 days after the return, plus an amount given by hand, per currency. */
  revenue: { currency: string; amount: string }[];
}

export interface AffectedSets {
  text: readonly string[];
  cancellation: readonly string[];
  case: readonly string[];
}

/** Told about another problem of the workspace within the last days (row alias rc). */
const TOLD_RECENTLY_SQL = `EXISTS (SELECT 1 FROM recovery_customers o
    WHERE o.workspace_id = rc.workspace_id AND o.customer_external_id = rc.customer_external_id AND o.problem_id <> rc.problem_id
      AND o.message_id IS NOT NULL AND o.notified_at > now() - make_interval(days => ${RECENT_NOTICE_DAYS}))`;

/**
 * The state of one row, in SQL (list filter and display agree): returned, then answered, then the notice's message
 * status (held, sent/delivered, bounced/failed, cancelled by the policy, queued), else skipped for no address, else not told.
 */
const STATE_SQL = `CASE
    WHEN rc.returned_at IS NOT NULL THEN 'returned'
    WHEN rc.answered_at IS NOT NULL THEN 'answered'
    WHEN m.status = 'held' THEN 'held'
    WHEN m.status IN ('sent', 'delivered') THEN 'sent'
    WHEN m.status IN ('bounced', 'failed') THEN 'failed'
    WHEN m.status = 'cancelled' THEN 'cancelled'
    WHEN rc.message_id IS NOT NULL THEN 'queued'
    WHEN rc.skip_reason = 'no_address' THEN 'no_address'
    ELSE 'not_told' END`;

/** Orders and payments within the revenue window after each return, plus the hand-given amount, per currency. */
export const REVENUE_SQL = `
  SELECT rc.workspace_id, rc.problem_id, rc.customer_external_id, a.currency, a.amount
    FROM recovery_customers rc
    JOIN customer_activity a ON a.workspace_id = rc.workspace_id AND a.customer_external_id = rc.customer_external_id
     AND a.kind IN ('order', 'payment') AND a.amount IS NOT NULL AND a.currency IS NOT NULL
     AND a.occurred_at >= rc.returned_at AND a.occurred_at < rc.returned_at + make_interval(days => $REVENUE_DAYS)
   WHERE rc.returned_at IS NOT NULL AND rc.workspace_id = $1
  UNION ALL
  SELECT rc.workspace_id, rc.problem_id, rc.customer_external_id, rc.currency, rc.revenue_recovered
    FROM recovery_customers rc
   WHERE rc.revenue_recovered IS NOT NULL AND rc.workspace_id = $1`;

/** The affected-customer snapshot and its notices (SQL only). Reads a notice's message row for its live status. */
@Injectable()
export class RecoveryCustomersRepository {
  constructor(@InjectRepository(RecoveryCustomerEntity) private readonly customers: Repository<RecoveryCustomerEntity>) {}

  /** One INSERT … SELECT of the three sets, a customer once with every reason they count for; returns how many. */
  async snapshot(workspaceId: string, problemId: string, sets: AffectedSets, manager: EntityManager): Promise<number> {
    const [row] = (await manager.query(
      `WITH inserted AS (
         INSERT INTO recovery_customers (workspace_id, problem_id, customer_external_id, why)
         SELECT $1, $2, s.id, array_agg(DISTINCT s.why ORDER BY s.why)
           FROM (SELECT unnest($3::text[]) AS id, 'text' AS why
                 UNION ALL SELECT unnest($4::text[]), 'cancellation'
                 UNION ALL SELECT unnest($5::text[]), 'case') s
          GROUP BY s.id
         ON CONFLICT DO NOTHING RETURNING 1)
       SELECT count(*)::int AS count FROM inserted`,
      [workspaceId, problemId, [...sets.text], [...sets.cancellation], [...sets.case]],
    )) as { count: number }[];
    return row.count;
  }

  /** The database's transaction time: the one clock notified_at is written by. */
  async databaseNow(): Promise<Date> {
    const [row] = (await this.customers.query(`SELECT now() AS now`)) as { now: Date }[];
    return row.now;
  }

  /**
   * Claims the next customers to tell (notified_at set now, in the caller's transaction): never told, or — with
   * `retrySkippedBefore` — skipped for no address before that time. SKIP LOCKED lets two notify requests split the
   * list instead of both sending; a customer with a message is never claimed again.
   */
  async claimNoticeBatch(
    workspaceId: string,
    problemId: string,
    opts: { customerIds: readonly string[] | null; retrySkippedBefore: Date | null; skipRecentlyNotified: boolean; limit: number },
    manager: EntityManager,
  ): Promise<string[]> {
    const [rows] = (await manager.query(
      `UPDATE recovery_customers t SET notified_at = now(), skip_reason = NULL
        WHERE (t.workspace_id, t.problem_id, t.customer_external_id) IN (
          SELECT rc.workspace_id, rc.problem_id, rc.customer_external_id FROM recovery_customers rc
           WHERE rc.workspace_id = $1 AND rc.problem_id = $2 AND rc.message_id IS NULL
             AND (rc.notified_at IS NULL OR ($4::timestamptz IS NOT NULL AND rc.skip_reason IS NOT NULL AND rc.notified_at < $4::timestamptz))
             AND ($3::text[] IS NULL OR rc.customer_external_id = ANY($3::text[]))
             AND NOT ($6::boolean AND ${TOLD_RECENTLY_SQL})
           ORDER BY rc.customer_external_id LIMIT $5 FOR UPDATE OF rc SKIP LOCKED)
        RETURNING t.customer_external_id AS id`,
      [
        workspaceId,
        problemId,
        opts.customerIds ? [...opts.customerIds] : null,
        opts.retrySkippedBefore,
        opts.limit,
        opts.skipRecentlyNotified,
      ],
    )) as [{ id: string }[], number];
    return rows.map((r) => r.id);
  }

  async recordNotices(
    workspaceId: string,
    problemId: string,
    notices: { customerExternalId: string; messageId: string; unsubscribeTokenHash: string }[],
    manager: EntityManager,
  ): Promise<void> {
    if (notices.length === 0) return;
    await manager.query(
      `UPDATE recovery_customers t SET message_id = n.message_id, unsubscribe_token_hash = n.token_hash
         FROM unnest($3::text[], $4::uuid[], $5::text[]) AS n(customer_external_id, message_id, token_hash)
        WHERE t.workspace_id = $1 AND t.problem_id = $2 AND t.customer_external_id = n.customer_external_id`,
      [
        workspaceId,
        problemId,
        notices.map((n) => n.customerExternalId),
        notices.map((n) => n.messageId),
        notices.map((n) => n.unsubscribeTokenHash),
      ],
    );
  }

  /** The workspace and customer an unsubscribe link was made for, with the notice's language (null when unknown). */
  async byUnsubscribeToken(hash: string): Promise<{ workspaceId: string; customerExternalId: string; language: string } | null> {
    const [row] = (await this.customers.query(
      `SELECT rc.workspace_id AS "workspaceId", rc.customer_external_id AS "customerExternalId", coalesce(m.language, 'en') AS language
         FROM recovery_customers rc
         LEFT JOIN messages m ON m.workspace_id = rc.workspace_id AND m.id = rc.message_id
        WHERE rc.unsubscribe_token_hash = $1`,
      [hash],
    )) as { workspaceId: string; customerExternalId: string; language: string }[];
    return row ?? null;
  }

  async markSkipped(workspaceId: string, problemId: string, ids: readonly string[], manager: EntityManager): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(
      `UPDATE recovery_customers SET skip_reason = 'no_address'
        WHERE workspace_id = $1 AND problem_id = $2 AND customer_external_id = ANY($3::text[])`,
      [workspaceId, problemId, [...ids]],
    );
  }

  /** Of the asked customers (all when null): how many already have a notice, and how many asked ids are not affected. */
  async noticeStanding(
    workspaceId: string,
    problemId: string,
    customerIds: readonly string[] | null,
    skipRecentlyNotified: boolean,
  ): Promise<{ alreadyNotified: number; notAffected: number; recentlyNotified: number }> {
    const [row] = (await this.customers.query(
      `SELECT count(*) FILTER (WHERE rc.message_id IS NOT NULL)::int AS "alreadyNotified",
              count(*) FILTER (WHERE $4::boolean AND rc.message_id IS NULL AND ${TOLD_RECENTLY_SQL})::int AS "recentlyNotified",
              CASE WHEN $3::text[] IS NULL THEN 0
                   ELSE cardinality(ARRAY(SELECT DISTINCT unnest($3::text[]))) - count(*)::int END AS "notAffected"
         FROM recovery_customers rc
        WHERE rc.workspace_id = $1 AND rc.problem_id = $2 AND ($3::text[] IS NULL OR rc.customer_external_id = ANY($3::text[]))`,
      [workspaceId, problemId, customerIds ? [...customerIds] : null, skipRecentlyNotified],
    )) as { alreadyNotified: number; notAffected: number; recentlyNotified: number }[];
    return row;
  }

  /** One page of a problem's customers with their state (optionally only one state), by external id. */
  async page(
    workspaceId: string,
    problemId: string,
    opts: { state?: CustomerState; limit: number; offset: number },
  ): Promise<{ total: number; rows: RecoveryCustomerRow[] }> {
    const rows: (RecoveryCustomerRow & { total: number })[] = await this.customers.query(
      `WITH listed AS (
         SELECT rc.*, ${STATE_SQL} AS state, m.channel, m.status AS message_status, m.hold_reasons
           FROM recovery_customers rc
           LEFT JOIN messages m ON m.workspace_id = rc.workspace_id AND m.id = rc.message_id
          WHERE rc.workspace_id = $1 AND rc.problem_id = $2),
       revenue AS (
         SELECT r.customer_external_id, r.currency, sum(r.amount)::text AS amount
           FROM (${REVENUE_SQL.replaceAll('$REVENUE_DAYS', '$6')}) r
          WHERE r.problem_id = $2 GROUP BY 1, 2)
       SELECT l.customer_external_id AS "customerExternalId", c.name, l.why, l.state, l.notified_at AS "notifiedAt",
              l.message_id AS "messageId", l.channel, l.message_status AS "messageStatus", l.hold_reasons AS "holdReasons",
              l.answered_at AS "answeredAt", l.returned_at AS "returnedAt", l.return_kind AS "returnKind",
              coalesce((SELECT json_agg(json_build_object('currency', v.currency, 'amount', v.amount) ORDER BY v.currency)
                          FROM revenue v WHERE v.customer_external_id = l.customer_external_id), '[]'::json) AS revenue,
              count(*) OVER ()::int AS total
         FROM listed l
         LEFT JOIN customers c ON c.workspace_id = l.workspace_id AND c.external_id = l.customer_external_id
        WHERE ($3::text IS NULL OR l.state = $3)
        ORDER BY l.customer_external_id
        LIMIT $4 OFFSET $5`,
      [workspaceId, problemId, opts.state ?? null, opts.limit, opts.offset, REVENUE_WINDOW_DAYS],
    );
    return { total: rows[0]?.total ?? 0, rows };
  }

  /** Marks a customer returned by hand (once: null when they were already returned, or are not affected). */
  async markReturned(
    workspaceId: string,
    problemId: string,
    externalId: string,
    input: { by: string | null; amount: string | null; currency: string | null },
    manager: EntityManager,
  ): Promise<{ returnedAt: Date } | null> {
    const [rows] = (await manager.query(
      `UPDATE recovery_customers SET returned_at = now(), return_kind = 'manual', return_marked_by = $4,
              revenue_recovered = $5, currency = $6
        WHERE workspace_id = $1 AND problem_id = $2 AND customer_external_id = $3 AND returned_at IS NULL
        RETURNING returned_at AS "returnedAt"`,
      [workspaceId, problemId, externalId, input.by, input.amount, input.currency],
    )) as [{ returnedAt: Date }[], number];
    return rows[0] ?? null;
  }

  exists(workspaceId: string, problemId: string, externalId: string): Promise<boolean> {
    return this.customers.existsBy({ workspaceId, problemId, customerExternalId: externalId });
  }
}
