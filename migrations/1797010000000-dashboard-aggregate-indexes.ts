import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dashboard aggregates at scale (issue 20, H2): indexes that hold every column the aggregates read, so PostgreSQL
 * answers them with index-only scans instead of visiting a million wide rows.
 * - mentions/stats and the overview's mentions part count a period's mentions by day, source, language, sentiment,
 *   copy and answered state, and sum their reach;
 * - the churn summary finds each customer's first cancelled flow (its time and MRR) and the customers present at the
 *   start of a period (first seen before it, with their MRR).
 */
export class DashboardAggregateIndexes1797010000000 implements MigrationInterface {
  name = 'DashboardAggregateIndexes1797010000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX mentions_stats_idx ON mentions (workspace_id, posted_at) INCLUDE (duplicate_of, sentiment, source, language, reach, answered_at)`,
    );
    await db.query(
      `CREATE INDEX cancellations_first_loss_idx ON cancellations (workspace_id, customer_external_id, finished_at) INCLUDE (mrr)
        WHERE outcome = 'cancelled'`,
    );
    await db.query(`CREATE INDEX customers_first_seen_idx ON customers (workspace_id, first_seen_at) INCLUDE (external_id, mrr)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX customers_first_seen_idx`);
    await db.query(`DROP INDEX cancellations_first_loss_idx`);
    await db.query(`DROP INDEX mentions_stats_idx`);
  }
}
