import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { WebhookEnvelope } from './event-types';

export type DeliveryStatus = 'pending' | 'sending' | 'succeeded' | 'failed';

export interface DeliveryRow {
  workspaceId: string;
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastStatusCode: number | null;
  lastError: string | null;
  lastDurationMs: number | null;
  replayOf: string | null;
  createdAt: Date;
  completedAt: Date | null;
}

export interface AttemptRow {
  attempt: number;
  attemptedAt: Date;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  responseExcerpt: string | null;
}

/** A delivery the dispatcher has claimed, with what it needs to send it. */
export interface ClaimedDelivery {
  workspaceId: string;
  id: string;
  endpointId: string;
  eventId: string;
  payload: WebhookEnvelope;
  attempts: number;
  url: string;
  secret: string;
}

export interface AttemptOutcome {
  ok: boolean;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  responseExcerpt: string | null;
}

const COLUMNS = `workspace_id AS "workspaceId", id, endpoint_id AS "endpointId", event_id AS "eventId", event_type AS "eventType",
  status, attempts, next_attempt_at AS "nextAttemptAt", last_status_code AS "lastStatusCode", last_error AS "lastError",
  last_duration_ms AS "lastDurationMs", replay_of AS "replayOf", created_at AS "createdAt", completed_at AS "completedAt"`;

@Injectable()
export class WebhookDeliveriesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Queues one delivery per enabled endpoint subscribed to the event, inside the caller's transaction
   * when one is given (so the event exists exactly when the change it reports does). One statement;
   * no rows when nobody listens.
   */
  async enqueue(envelope: WebhookEnvelope, manager?: EntityManager): Promise<number> {
    const runner = manager ?? this.dataSource;
    const rows: unknown[] = await runner.query(
      `INSERT INTO webhook_deliveries (workspace_id, endpoint_id, event_id, event_type, payload)
       SELECT $1, e.id, $2, $3::varchar, $4::jsonb FROM webhook_endpoints e
        WHERE e.workspace_id = $1 AND e.enabled AND ($3::text = ANY (e.events) OR '*' = ANY (e.events))
       RETURNING 1`,
      [envelope.workspaceId, envelope.id, envelope.type, JSON.stringify(envelope)],
    );
    return rows.length;
  }

  /** Many events of one workspace in one statement (batch ingest); same rules as enqueue. */
  async enqueueMany(workspaceId: string, envelopes: WebhookEnvelope[], manager?: EntityManager): Promise<number> {
    if (envelopes.length === 0) return 0;
    const runner = manager ?? this.dataSource;
    const rows: unknown[] = await runner.query(
      `INSERT INTO webhook_deliveries (workspace_id, endpoint_id, event_id, event_type, payload)
       SELECT $1, e.id, ev.id, ev.type, ev.payload
         FROM jsonb_to_recordset($2::jsonb) AS ev(id uuid, type varchar, payload jsonb)
         JOIN webhook_endpoints e ON e.workspace_id = $1 AND e.enabled AND (ev.type::text = ANY (e.events) OR '*' = ANY (e.events))
       RETURNING 1`,
      [workspaceId, JSON.stringify(envelopes.map((envelope) => ({ id: envelope.id, type: envelope.type, payload: envelope })))],
    );
    return rows.length;
  }

  /** Whether any enabled endpoint of the workspace listens for this event type (skip building payloads if not). */
  async hasSubscribers(workspaceId: string, type: string, manager?: EntityManager): Promise<boolean> {
    const runner = manager ?? this.dataSource;
    const rows: unknown[] = await runner.query(
      `SELECT 1 FROM webhook_endpoints WHERE workspace_id = $1 AND enabled AND ($2::text = ANY (events) OR '*' = ANY (events)) LIMIT 1`,
      [workspaceId, type],
    );
    return rows.length > 0;
  }

  /** A delivery to one endpoint regardless of its subscriptions (test pings, replays). */
  async enqueueTo(endpointId: string, envelope: WebhookEnvelope, replayOf: string | null = null): Promise<DeliveryRow> {
    const [row] = await this.dataSource.query(
      `INSERT INTO webhook_deliveries (workspace_id, endpoint_id, event_id, event_type, payload, replay_of)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6) RETURNING ${COLUMNS}`,
      [envelope.workspaceId, endpointId, envelope.id, envelope.type, JSON.stringify(envelope), replayOf],
    );
    return row;
  }

  /**
   * Claims due deliveries: for each enabled endpoint only its oldest unfinished delivery is eligible,
   * which keeps deliveries in order per endpoint while a slow or failing endpoint holds up only itself.
   * A claim is a lease: if this process dies mid-send, the delivery is claimable again when it expires.
   * The status/lease re-check in the outer WHERE makes concurrent claimers (other replicas) skip it.
   */
  async claim(limit: number, leaseMs: number, excludeEndpoints: string[]): Promise<ClaimedDelivery[]> {
    // TypeORM answers an UPDATE with [rows, rowCount].
    const [rows] = await this.dataSource.query(
      `WITH heads AS (
         SELECT DISTINCT ON (d.endpoint_id) d.workspace_id, d.id, d.endpoint_id, d.status, d.next_attempt_at, d.lease_until
           FROM webhook_deliveries d
          WHERE d.status IN ('pending', 'sending')
          ORDER BY d.endpoint_id, d.seq
       ), due AS (
         SELECT h.workspace_id, h.id FROM heads h
           JOIN webhook_endpoints e ON e.workspace_id = h.workspace_id AND e.id = h.endpoint_id AND e.enabled
          WHERE ((h.status = 'pending' AND h.next_attempt_at <= now()) OR (h.status = 'sending' AND h.lease_until < now()))
            AND NOT (h.endpoint_id = ANY ($3::uuid[]))
          ORDER BY h.next_attempt_at
          LIMIT $1
       )
       UPDATE webhook_deliveries d
          SET status = 'sending', attempts = d.attempts + 1, lease_until = now() + make_interval(secs => $2::double precision / 1000)
         FROM due, webhook_endpoints e
        WHERE d.workspace_id = due.workspace_id AND d.id = due.id
          AND e.workspace_id = d.workspace_id AND e.id = d.endpoint_id
          AND (d.status = 'pending' OR d.lease_until < now())
       RETURNING d.workspace_id AS "workspaceId", d.id, d.endpoint_id AS "endpointId", d.event_id AS "eventId",
                 d.payload, d.attempts, e.url, e.secret`,
      [limit, leaseMs, excludeEndpoints],
    );
    return rows;
  }

  /**
   * Records an attempt and settles the delivery: succeeded, failed for good after the last attempt,
   * or pending again after `retryInMs`. Only the claim that made this attempt may settle it.
   */
  async settle(delivery: ClaimedDelivery, outcome: AttemptOutcome, final: boolean, retryInMs: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [, affected] = await manager.query(
        `UPDATE webhook_deliveries
            SET status = CASE WHEN $3 THEN 'succeeded' WHEN $4 THEN 'failed' ELSE 'pending' END,
                next_attempt_at = CASE WHEN $3 OR $4 THEN next_attempt_at ELSE now() + make_interval(secs => $5::double precision / 1000) END,
                completed_at = CASE WHEN $3 OR $4 THEN now() END,
                lease_until = NULL, last_status_code = $6, last_error = $7, last_duration_ms = $8
          WHERE workspace_id = $1 AND id = $2 AND status = 'sending' AND attempts = $9`,
        [delivery.workspaceId, delivery.id, outcome.ok, final, retryInMs, outcome.statusCode, outcome.error, outcome.durationMs, delivery.attempts],
      );
      if (!affected) return;
      await manager.query(
        `INSERT INTO webhook_attempts (workspace_id, delivery_id, attempt, status_code, duration_ms, error, response_excerpt)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
        [delivery.workspaceId, delivery.id, delivery.attempts, outcome.statusCode, outcome.durationMs, outcome.error, outcome.responseExcerpt],
      );
    });
  }

  list(workspaceId: string, endpointId: string, options: { status?: DeliveryStatus; limit: number; before?: { createdAt: Date; id: string } }): Promise<DeliveryRow[]> {
    const params: unknown[] = [workspaceId, endpointId, options.limit];
    let where = '';
    if (options.status) {
      params.push(options.status);
      where += ` AND status = $${params.length}`;
    }
    if (options.before) {
      params.push(options.before.createdAt, options.before.id);
      where += ` AND (created_at, id) < ($${params.length - 1}, $${params.length})`;
    }
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM webhook_deliveries WHERE workspace_id = $1 AND endpoint_id = $2${where}
        ORDER BY created_at DESC, id DESC LIMIT $3`,
      params,
    );
  }

  async find(workspaceId: string, endpointId: string, id: string): Promise<(DeliveryRow & { payload: WebhookEnvelope }) | null> {
    const rows = await this.dataSource.query(
      `SELECT ${COLUMNS}, payload FROM webhook_deliveries WHERE workspace_id = $1 AND endpoint_id = $2 AND id = $3`,
      [workspaceId, endpointId, id],
    );
    return rows[0] ?? null;
  }

  attempts(workspaceId: string, deliveryId: string): Promise<AttemptRow[]> {
    return this.dataSource.query(
      `SELECT attempt, attempted_at AS "attemptedAt", status_code AS "statusCode", duration_ms AS "durationMs", error,
              response_excerpt AS "responseExcerpt"
         FROM webhook_attempts WHERE workspace_id = $1 AND delivery_id = $2 ORDER BY attempt`,
      [workspaceId, deliveryId],
    );
  }
}
