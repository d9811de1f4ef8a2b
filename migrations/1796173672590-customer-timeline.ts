import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The customer timeline reads one customer's responses newest first; without this index that is a scan of
 * every response of the workspace. Partial: anonymous responses (no customer) are most rows and never read here.
 * Cancellations already have (workspace_id, customer_external_id).
 */
export class CustomerTimeline1796173672590 implements MigrationInterface {
  name = 'CustomerTimeline1796173672590';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX responses_customer_idx ON responses (workspace_id, customer_external_id, created_at DESC)
                    WHERE customer_external_id IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX responses_customer_idx`);
  }
}
