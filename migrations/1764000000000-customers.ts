import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The customer base: one row per customer of a workspace, keyed by the customer's own external id. */
export class Customers1764000000000 implements MigrationInterface {
  name = 'Customers1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE customers (
        workspace_id     uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        id               uuid NOT NULL DEFAULT gen_random_uuid(),
        external_id      varchar(200) NOT NULL,
        name             varchar(200),
        email            varchar(254),
        phone            varchar(40),
        attributes       jsonb NOT NULL DEFAULT '{}',
        lifecycle_stage  varchar(16) NOT NULL DEFAULT 'aware'
                         CHECK (lifecycle_stage IN ('aware', 'considering', 'buying', 'repeat', 'left')),
        segment          varchar(100),
        mrr              numeric(14, 2) NOT NULL DEFAULT 0 CHECK (mrr >= 0),
        consents         jsonb NOT NULL DEFAULT '{}',
        order_count      integer NOT NULL DEFAULT 0 CHECK (order_count >= 0),
        first_seen_at    timestamptz NOT NULL DEFAULT now(),
        last_seen_at     timestamptz NOT NULL DEFAULT now(),
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, id),
        UNIQUE (workspace_id, external_id)
      )`);
    await db.query(`CREATE INDEX customers_stage_idx ON customers (workspace_id, lifecycle_stage)`);
    await db.query(`CREATE INDEX customers_email_idx ON customers (workspace_id, lower(email))`);
    await db.query(`CREATE INDEX customers_last_seen_idx ON customers (workspace_id, last_seen_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE customers`);
  }
}
