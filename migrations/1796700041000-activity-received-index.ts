import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Finds activity by when it ARRIVED (not when it happened): RFM re-scores, and early warning re-scans, the workspaces
 * that received events since their last turn, with an index probe instead of a scan of every event every minute.
 */
export class ActivityReceivedIndex1796700041000 implements MigrationInterface {
  name = 'ActivityReceivedIndex1796700041000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX customer_activity_received_idx ON customer_activity (received_at, workspace_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX customer_activity_received_idx`);
  }
}
