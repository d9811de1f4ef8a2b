import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The RFM group a customer had before their latest change of group (written by scoring when the group changes), so
 * the early-warning rule fires when a customer MOVES into a watched group, not for everyone already in it.
 */
export class RfmPreviousGroup1796700090000 implements MigrationInterface {
  name = 'RfmPreviousGroup1796700090000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE customers ADD COLUMN rfm_previous_group varchar(16) CONSTRAINT customers_rfm_previous_group_check
        CHECK (rfm_previous_group IN ('champions', 'loyal', 'potential', 'new', 'at_risk', 'cant_lose', 'hibernating', 'lost'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE customers DROP COLUMN rfm_previous_group`);
  }
}
