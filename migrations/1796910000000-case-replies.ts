import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Replies in the customer's channel (issue 18): the signed inbound-email endpoint remembers the webhook-ids it has
 * processed per workspace, so a captured request cannot be replayed inside the signature window (5 minutes); ids
 * older than twice that are purged as new ones arrive. The inbound mails themselves are rows of `messages`.
 */
export class CaseReplies1796910000000 implements MigrationInterface {
  name = 'CaseReplies1796910000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE inbound_email_nonces (
        workspace_id  uuid NOT NULL CONSTRAINT inbound_email_nonces_workspace_id_fkey REFERENCES workspaces(id) ON DELETE CASCADE,
        webhook_id    varchar(200) NOT NULL,
        received_at   timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT inbound_email_nonces_pkey PRIMARY KEY (workspace_id, webhook_id)
      )`);
    await db.query(`CREATE INDEX inbound_email_nonces_received_idx ON inbound_email_nonces (workspace_id, received_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE inbound_email_nonces`);
  }
}
