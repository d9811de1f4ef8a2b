import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Win-back notices are marketing email, so each carries an unsubscribe link (issue 19 review, M3). The link's random
 * token is kept only as its SHA-256 (a database leak gives no working links); it finds the one workspace and customer.
 */
export class WinBackUnsubscribe1796951000000 implements MigrationInterface {
  name = 'WinBackUnsubscribe1796951000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE recovery_customers ADD COLUMN unsubscribe_token_hash varchar(64)`);
    await db.query(`CREATE UNIQUE INDEX recovery_customers_unsubscribe_token_idx ON recovery_customers (unsubscribe_token_hash)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX recovery_customers_unsubscribe_token_idx`);
    await db.query(`ALTER TABLE recovery_customers DROP COLUMN unsubscribe_token_hash`);
  }
}
