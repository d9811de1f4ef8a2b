import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { keysetPage, sortKeySql, type KeysetQuery } from '../timeline/timeline-source';
import { CustomerActivityEntity } from './customer-activity.entity';
import type { ActivityKind } from './rfm-groups';

/** An event checked and ready to store (amount as a number, time parsed). */
export interface NewActivity {
  customerExternalId: string;
  eventId: string;
  kind: ActivityKind;
  name: string | null;
  amount: number | null;
  currency: string | null;
  occurredAt: Date;
}

/** An order or payment as the timeline shows it. */
export interface TimelineActivityRow {
  id: string;
  /** Sort key (ISO with microseconds). */
  at: string;
  eventId: string;
  kind: 'order' | 'payment';
  name: string | null;
  amount: string | null;
  currency: string | null;
}

interface InsertedRow {
  id: string;
  customer_external_id: string;
  event_id: string;
  kind: ActivityKind;
  name: string | null;
  amount: string | null;
  currency: string | null;
  occurred_at: Date;
  received_at: Date;
}

/**
 * Stores events and moves the customers' counters in ONE statement: the insert skips event ids already stored
 * (ON CONFLICT on the unique (workspace_id, event_id) — a racing duplicate waits for the first and then inserts
 * nothing), and only the rows actually inserted move order_count, purchase_volume, last_order_at and last_seen_at,
 * so a repeated or racing event counts once. Raw SQL because a data-modifying CTE chain with ON CONFLICT and
 * jsonb_to_recordset is beyond the QueryBuilder. Events of unknown customers are not inserted (the join drops them).
 */
const STORE_SQL = `
  WITH input AS (
    SELECT * FROM jsonb_to_recordset($2::jsonb) AS i(
      customer_external_id varchar, event_id varchar, kind varchar, name varchar, amount numeric, currency varchar, occurred_at timestamptz)
  ),
  inserted AS (
    INSERT INTO customer_activity (workspace_id, customer_external_id, event_id, kind, name, amount, currency, occurred_at)
    SELECT $1, i.customer_external_id, i.event_id, i.kind, i.name, i.amount, i.currency, i.occurred_at
      FROM input i JOIN customers c ON c.workspace_id = $1 AND c.external_id = i.customer_external_id
     ORDER BY i.event_id -- one lock order for racing batches
    ON CONFLICT (workspace_id, event_id) DO NOTHING
    RETURNING id, customer_external_id, event_id, kind, name, amount, currency, occurred_at, received_at
  ),
  effects AS (
    SELECT customer_external_id,
           count(*) FILTER (WHERE kind = 'order') AS orders,
           coalesce(sum(amount) FILTER (WHERE kind = 'order'), 0) AS volume,
           max(occurred_at) FILTER (WHERE kind = 'order') AS last_order,
           max(occurred_at) AS last_seen
      FROM inserted GROUP BY customer_external_id
  ),
  moved AS ( -- runs to completion though nothing reads it (PostgreSQL runs every data-modifying CTE once)
    UPDATE customers c
       SET order_count = c.order_count + e.orders,
           purchase_volume = c.purchase_volume + e.volume,
           last_order_at = greatest(c.last_order_at, e.last_order),
           -- forward only, and never past now (an event may be dated up to a day ahead)
           last_seen_at = greatest(c.last_seen_at, least(e.last_seen, now())),
           updated_at = now()
      FROM effects e
     WHERE c.workspace_id = $1 AND c.external_id = e.customer_external_id
    RETURNING c.external_id
  )
  SELECT * FROM inserted`;

@Injectable()
export class ActivityRepository {
  constructor(@InjectRepository(CustomerActivityEntity) private readonly activity: Repository<CustomerActivityEntity>) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.activity.manager.transaction(work);
  }

  /** Inserts the new events (see STORE_SQL) and returns those inserted; the caller's transaction. */
  async store(workspaceId: string, events: readonly NewActivity[], manager: EntityManager): Promise<CustomerActivityEntity[]> {
    if (events.length === 0) return [];
    const input = events.map((event) => ({
      customer_external_id: event.customerExternalId,
      event_id: event.eventId,
      kind: event.kind,
      name: event.name,
      amount: event.amount,
      currency: event.currency,
      occurred_at: event.occurredAt.toISOString(),
    }));
    const rows = (await manager.query(STORE_SQL, [workspaceId, JSON.stringify(input)])) as InsertedRow[];
    return rows.map((row) =>
      manager.getRepository(CustomerActivityEntity).create({
        workspaceId,
        id: row.id,
        customerExternalId: row.customer_external_id,
        eventId: row.event_id,
        kind: row.kind,
        name: row.name,
        amount: row.amount,
        currency: row.currency,
        occurredAt: row.occurred_at,
        receivedAt: row.received_at,
      }),
    );
  }

  /** A customer's latest events, newest first (the profile's "recent activity"). */
  recent(
    workspaceId: string,
    customerExternalId: string,
    kinds: readonly ActivityKind[],
    limit: number,
  ): Promise<CustomerActivityEntity[]> {
    return this.activity.find({
      where: { workspaceId, customerExternalId, kind: In([...kinds]) },
      order: { occurredAt: 'DESC', id: 'DESC' },
      take: limit,
    });
  }

  /**
   * One customer's orders and payments for the timeline: a keyset page newest first by when they happened (keysetPage's
   * SQL, as every timeline source; logins and named events are too many to list there).
   */
  timeline(query: KeysetQuery): Promise<TimelineActivityRow[]> {
    const { eventId, after, params } = keysetPage('activity', 'a', 'occurred_at', query);
    return this.activity.query(
      `SELECT a.id, ${sortKeySql('a.occurred_at')} AS at, a.event_id AS "eventId", a.kind, a.name, a.amount, a.currency
         FROM customer_activity a
        WHERE a.workspace_id = $1 AND a.customer_external_id = $2 AND a.kind IN ('order', 'payment') ${after}
        ORDER BY a.occurred_at DESC, ${eventId} DESC
        LIMIT $3`,
      params,
    );
  }

  /** Stored events by their senders' ids (to tell a repeat from a reused id). */
  findByEventIds(workspaceId: string, eventIds: readonly string[], manager?: EntityManager): Promise<CustomerActivityEntity[]> {
    if (eventIds.length === 0) return Promise.resolve([]);
    const repo = manager ? manager.getRepository(CustomerActivityEntity) : this.activity;
    return repo.findBy({ workspaceId, eventId: In([...eventIds]) });
  }
}
