import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Case reports read one workspace's cases opened in a period; without this index that is a scan of every
 * case of the workspace (the inbox index leads with status).
 */
export class CasePeriodIndex1796190000000 implements MigrationInterface {
  name = 'CasePeriodIndex1796190000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX IF NOT EXISTS cases_opened_idx ON cases (workspace_id, opened_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS cases_opened_idx`);
  }
}
