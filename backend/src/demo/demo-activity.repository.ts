import type { DataSource } from 'typeorm';
import type { ActivityKind } from '../customers/activity/rfm-groups';

/** One event of the demo's history. */
export interface HistoryActivity {
  customerExternalId: string;
  eventId: string;
  kind: ActivityKind;
  amount: number | null;
  occurredAt: Date;
}

const BATCH = 10_000;

/**
 * The demo's activity history, written set-based: the events in large unnest() batches (the API's one statement per
 * request would take minutes for a year of 2,000 customers), then each customer's counters from those events in one
 * UPDATE. Raw SQL: unnest of parallel arrays and UPDATE … FROM an aggregate are beyond the QueryBuilder.
 */
export class DemoActivityRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(workspaceId: string, events: readonly HistoryActivity[]): Promise<void> {
    // The customers were just bulk-inserted: without statistics the foreign-key checks (one per event) scan the table.
    await this.dataSource.query('ANALYZE customers');
    for (let i = 0; i < events.length; i += BATCH) {
      const batch = events.slice(i, i + BATCH);
      await this.dataSource.query(
        `INSERT INTO customer_activity (workspace_id, customer_external_id, event_id, kind, amount, currency, occurred_at, received_at)
         SELECT $1, e.customer_external_id, e.event_id, e.kind, e.amount, CASE WHEN e.amount IS NULL THEN NULL ELSE 'RUB' END,
                e.occurred_at, e.occurred_at
           FROM unnest($2::varchar[], $3::varchar[], $4::varchar[], $5::numeric[], $6::timestamptz[])
                AS e(customer_external_id, event_id, kind, amount, occurred_at)`,
        [
          workspaceId,
          batch.map((e) => e.customerExternalId),
          batch.map((e) => e.eventId),
          batch.map((e) => e.kind),
          batch.map((e) => e.amount),
          batch.map((e) => e.occurredAt.toISOString()),
        ],
      );
    }
  }

  /** Order count, purchase volume and last order from the stored events; last seen moves forward only. */
  async recountCustomers(workspaceId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE customers c
          SET order_count = s.orders, purchase_volume = s.volume, last_order_at = s.last_order,
              last_seen_at = greatest(c.last_seen_at, s.last_seen)
         FROM (SELECT customer_external_id AS id,
                      count(*) FILTER (WHERE kind = 'order')::int AS orders,
                      coalesce(sum(amount) FILTER (WHERE kind = 'order'), 0) AS volume,
                      max(occurred_at) FILTER (WHERE kind = 'order') AS last_order,
                      max(occurred_at) AS last_seen
                 FROM customer_activity WHERE workspace_id = $1 GROUP BY customer_external_id) s
        WHERE c.workspace_id = $1 AND c.external_id = s.id`,
      [workspaceId],
    );
  }
}
