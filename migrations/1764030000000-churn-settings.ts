import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Per-workspace churn settings: after how many days without activity a customer counts as lost. */
export class ChurnSettings1764030000000 implements MigrationInterface {
  name = 'ChurnSettings1764030000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE workspaces ADD COLUMN churn_inactive_days integer NOT NULL DEFAULT 90
                    CHECK (churn_inactive_days BETWEEN 7 AND 3650)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE workspaces DROP COLUMN churn_inactive_days`);
  }
}
