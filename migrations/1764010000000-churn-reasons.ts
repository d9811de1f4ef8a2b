import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The churn-reason taxonomy: stable keys (history refers to them), labels per language that can be
 * renamed freely, avoidable or not, a parent group, and the save offer mapped to the reason.
 */
export class ChurnReasons1764010000000 implements MigrationInterface {
  name = 'ChurnReasons1764010000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE churn_reasons (
        workspace_id  uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        key           varchar(60) NOT NULL,
        labels        jsonb NOT NULL,
        avoidable     boolean NOT NULL,
        reason_group  varchar(60),
        offer         jsonb,
        position      integer NOT NULL DEFAULT 0,
        archived      boolean NOT NULL DEFAULT false,
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, key)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE churn_reasons`);
  }
}
