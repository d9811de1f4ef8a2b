import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Identity verification for widget writes (issue 13, item 5): a per-workspace secret the host's server uses to
 * sign customer ids (HMAC-SHA256), the previous secret kept valid for a grace period after a rotation, a
 * "require verified customer identity" switch per survey (off) and per cancellation flow (on, existing flows
 * included: a forged cancellation marks a customer as left), and a flag on each stored run saying whether its
 * customer id was proven.
 */
export class CustomerIdentity1796668968000 implements MigrationInterface {
  name = 'CustomerIdentity1796668968000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE workspace_identity_secrets (
        workspace_id           uuid PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
        secret                 text NOT NULL,
        previous_secret        text,
        previous_valid_until   timestamptz,
        rotated_at             timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`ALTER TABLE surveys ADD COLUMN require_verified_customer boolean NOT NULL DEFAULT false`);
    // DEFAULT true also turns it on for every existing flow: the safe choice.
    await db.query(`ALTER TABLE cancellation_flows ADD COLUMN require_verified_customer boolean NOT NULL DEFAULT true`);
    // Nothing stored before this migration was verified.
    await db.query(`ALTER TABLE responses ADD COLUMN customer_verified boolean NOT NULL DEFAULT false`);
    await db.query(`ALTER TABLE cancellations ADD COLUMN customer_verified boolean NOT NULL DEFAULT false`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE cancellations DROP COLUMN customer_verified`);
    await db.query(`ALTER TABLE responses DROP COLUMN customer_verified`);
    await db.query(`ALTER TABLE cancellation_flows DROP COLUMN require_verified_customer`);
    await db.query(`ALTER TABLE surveys DROP COLUMN require_verified_customer`);
    await db.query(`DROP TABLE workspace_identity_secrets`);
  }
}
