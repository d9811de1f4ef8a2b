import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a message's current contact-policy hold began (issue 18 review): a hold older than 30 days is cancelled
 * instead of being asked about again forever. Null while the message is not held.
 */
export class MessageHeldAt1796940000000 implements MigrationInterface {
  name = 'MessageHeldAt1796940000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE messages ADD COLUMN held_at timestamptz`);
    // Messages held now: their hold is taken to begin now (the 30 days start with this release).
    await db.query(`UPDATE messages SET held_at = now() WHERE status = 'held'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE messages DROP COLUMN held_at`);
  }
}
