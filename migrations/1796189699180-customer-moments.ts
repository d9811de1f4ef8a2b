import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Risky moments of a customer (end of a trial, a renewal date, a failed payment) that a server reports, so a
 * survey waiting for that event shows at the customer's next page view. Whether a moment was answered is not
 * stored: it is read from the customer's responses, so it never disagrees with them (see customers/moments).
 */
export class CustomerMoments1796189699180 implements MigrationInterface {
  name = 'CustomerMoments1796189699180';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE customer_moments (
        workspace_id          uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        id                    uuid NOT NULL DEFAULT gen_random_uuid(),
        customer_external_id  varchar(200) NOT NULL,
        moment                varchar(64) NOT NULL CHECK (moment ~ '^[a-z0-9_.-]{1,64}$'),
        idempotency_key       varchar(100),
        recorded_at           timestamptz NOT NULL DEFAULT clock_timestamp(),
        expires_at            timestamptz NOT NULL,
        CHECK (expires_at > recorded_at),
        PRIMARY KEY (workspace_id, id),
        UNIQUE (workspace_id, customer_external_id, idempotency_key),
        FOREIGN KEY (workspace_id, customer_external_id) REFERENCES customers (workspace_id, external_id) ON DELETE CASCADE
      )`);
    // The widget's question ("is a moment of this name pending for this customer?") and the customer's list.
    await db.query(
      `CREATE INDEX customer_moments_customer_idx ON customer_moments (workspace_id, customer_external_id, moment, expires_at)`,
    );
    await db.query(`CREATE INDEX customer_moments_recent_idx ON customer_moments (workspace_id, customer_external_id, recorded_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE customer_moments`);
  }
}
