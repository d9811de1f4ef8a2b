import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { WebhookEnvelope } from './event-types';
import { WebhookAttemptEntity } from './webhook-attempt.entity';
import { type DeliveryStatus, WebhookDeliveryEntity } from './webhook-delivery.entity';
import type { WebhookEndpointEntity } from './webhook-endpoint.entity';

export type { DeliveryStatus };

/** A delivery as the log shows it (the payload only on the detail). */
export type DeliveryRow = Pick<
  WebhookDeliveryEntity,
  | 'workspaceId'
  | 'id'
  | 'endpointId'
  | 'eventId'
  | 'eventType'
  | 'status'
  | 'attempts'
  | 'nextAttemptAt'
  | 'lastStatusCode'
  | 'lastError'
  | 'lastDurationMs'
  | 'replayOf'
  | 'createdAt'
  | 'completedAt'
>;

export type AttemptRow = Pick<WebhookAttemptEntity, 'attempt' | 'attemptedAt' | 'statusCode' | 'durationMs' | 'error' | 'responseExcerpt'>;

/** A delivery the dispatcher has claimed, with what it needs to send it. */
export type ClaimedDelivery = Pick<WebhookDeliveryEntity, 'workspaceId' | 'id' | 'endpointId' | 'eventId' | 'payload' | 'attempts'> &
  Pick<WebhookEndpointEntity, 'url' | 'secret'>;

export interface AttemptOutcome {
  ok: boolean;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  responseExcerpt: string | null;
}

const ROW_COLUMNS: (keyof DeliveryRow)[] = [
  'workspaceId',
  'id',
  'endpointId',
  'eventId',
  'eventType',
  'status',
  'attempts',
  'nextAttemptAt',
  'lastStatusCode',
  'lastError',
  'lastDurationMs',
  'replayOf',
  'createdAt',
  'completedAt',
];
const ATTEMPT_COLUMNS: (keyof AttemptRow)[] = ['attempt', 'attemptedAt', 'statusCode', 'durationMs', 'error', 'responseExcerpt'];

@Injectable()
export class WebhookDeliveriesRepository {
  constructor(@InjectRepository(WebhookDeliveryEntity) private readonly deliveries: Repository<WebhookDeliveryEntity>) {}

  /**
   * Queues one delivery per enabled endpoint subscribed to the event, inside the caller's transaction
   * when one is given (so the event exists exactly when the change it reports does). One statement;
   * no rows when nobody listens.
   */
  async enqueue(envelope: WebhookEnvelope, manager?: EntityManager): Promise<number> {
    const runner = manager ?? this.deliveries.manager;
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
    const runner = manager ?? this.deliveries.manager;
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
    const runner = manager ?? this.deliveries.manager;
    const rows: unknown[] = await runner.query(
      `SELECT 1 FROM webhook_endpoints WHERE workspace_id = $1 AND enabled AND ($2::text = ANY (events) OR '*' = ANY (events)) LIMIT 1`,
      [workspaceId, type],
    );
    return rows.length > 0;
  }

  /** A delivery to one endpoint regardless of its subscriptions (test pings, replays). */
  async enqueueTo(endpointId: string, envelope: WebhookEnvelope, replayOf: string | null = null): Promise<DeliveryRow> {
    // The envelope is stored as jsonb; TypeORM's deep-partial type does not model a jsonb column holding an object type.
    const values = {
      workspaceId: envelope.workspaceId,
      endpointId,
      eventId: envelope.id,
      eventType: envelope.type,
      payload: envelope,
      replayOf,
    };
    const { identifiers } = await this.deliveries.insert(values as QueryDeepPartialEntity<WebhookDeliveryEntity>);
    const id = identifiers[0].id as string;
    return (await this.deliveries.findOne({ select: ROW_COLUMNS, where: { workspaceId: envelope.workspaceId, id } }))!;
  }

  /**
   * Claims due deliveries: for each enabled endpoint only its oldest unfinished delivery is eligible,
   * which keeps deliveries in order per endpoint while a slow or failing endpoint holds up only itself.
   * A claim is a lease: if this process dies mid-send, the delivery is claimable again when it expires.
   * The status/lease re-check in the outer WHERE makes concurrent claimers (other replicas) skip it.
   */
  async claim(limit: number, leaseMs: number, excludeEndpoints: string[]): Promise<ClaimedDelivery[]> {
    // TypeORM answers an UPDATE with [rows, rowCount].
    const [rows]: [ClaimedDelivery[], number] = await this.deliveries.query(
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
    await this.deliveries.manager.transaction(async (manager) => {
      const done = outcome.ok || final;
      const result = await manager
        .getRepository(WebhookDeliveryEntity)
        .createQueryBuilder()
        .update()
        .set({
          status: outcome.ok ? 'succeeded' : final ? 'failed' : 'pending',
          ...(done
            ? { completedAt: () => 'now()' }
            : { completedAt: null, nextAttemptAt: () => 'now() + make_interval(secs => :retrySeconds)' }),
          leaseUntil: null,
          lastStatusCode: outcome.statusCode,
          lastError: outcome.error,
          lastDurationMs: outcome.durationMs,
        })
        .where('workspace_id = :workspaceId AND id = :id AND status = :sending AND attempts = :attempts', {
          workspaceId: delivery.workspaceId,
          id: delivery.id,
          sending: 'sending',
          attempts: delivery.attempts,
        })
        .setParameter('retrySeconds', retryInMs / 1000)
        .execute();
      if (!result.affected) return;
      await manager
        .getRepository(WebhookAttemptEntity)
        .createQueryBuilder()
        .insert()
        .values({
          workspaceId: delivery.workspaceId,
          deliveryId: delivery.id,
          attempt: delivery.attempts,
          statusCode: outcome.statusCode,
          durationMs: outcome.durationMs,
          error: outcome.error,
          responseExcerpt: outcome.responseExcerpt,
        })
        .orIgnore()
        .updateEntity(false)
        .execute();
    });
  }

  list(
    workspaceId: string,
    endpointId: string,
    options: { status?: DeliveryStatus; limit: number; before?: { createdAt: Date; id: string } },
  ): Promise<DeliveryRow[]> {
    const query = this.deliveries
      .createQueryBuilder('d')
      .select(ROW_COLUMNS.map((column) => `d.${column}`))
      .where('d.workspace_id = :workspaceId AND d.endpoint_id = :endpointId', { workspaceId, endpointId });
    if (options.status) query.andWhere('d.status = :status', { status: options.status });
    if (options.before)
      query.andWhere('(d.created_at, d.id) < (:beforeAt, :beforeId)', { beforeAt: options.before.createdAt, beforeId: options.before.id });
    return query.orderBy('d.created_at', 'DESC').addOrderBy('d.id', 'DESC').limit(options.limit).getMany();
  }

  find(workspaceId: string, endpointId: string, id: string): Promise<(DeliveryRow & Pick<WebhookDeliveryEntity, 'payload'>) | null> {
    return this.deliveries.findOne({ select: [...ROW_COLUMNS, 'payload'], where: { workspaceId, endpointId, id } });
  }

  attempts(workspaceId: string, deliveryId: string): Promise<AttemptRow[]> {
    return this.deliveries.manager
      .getRepository(WebhookAttemptEntity)
      .find({ select: ATTEMPT_COLUMNS, where: { workspaceId, deliveryId }, order: { attempt: 'ASC' } });
  }
}
