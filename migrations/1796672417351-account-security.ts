import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13: an invitation creates an account only after a code mailed to the invited address is entered
 * (hashed, short-lived, a few attempts per invitation), and admins can mail a member a one-time password reset link.
 */
export class AccountSecurity1796672417351 implements MigrationInterface {
  name = 'AccountSecurity1796672417351';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE invitations
        ADD COLUMN code_hash        char(64),
        ADD COLUMN code_expires_at  timestamptz,
        ADD COLUMN code_attempts    integer NOT NULL DEFAULT 0,
        ADD COLUMN codes_sent       integer NOT NULL DEFAULT 0`);
    await db.query(`
      CREATE TABLE password_resets (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id       uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash    char(64) NOT NULL UNIQUE,
        workspace_id  uuid REFERENCES workspaces(id) ON DELETE SET NULL,
        requested_by  uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        expires_at    timestamptz NOT NULL,
        used_at       timestamptz
      )`);
    await db.query(`CREATE INDEX password_resets_user_idx ON password_resets (user_id, created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE password_resets`);
    await db.query(`
      ALTER TABLE invitations
        DROP COLUMN code_hash, DROP COLUMN code_expires_at, DROP COLUMN code_attempts, DROP COLUMN codes_sent`);
  }
}
