import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the dashboard's cancellation-flow builder sets beyond the reason list: whether the follow-up step is shown
 * and its question (empty = the standard text in the respondent's language), and per-flow save offers that
 * replace the taxonomy's offer for a reason (a JSON object reason key → offer, or null for "no offer here").
 */
export class CancellationFlowBuilder1796690417263 implements MigrationInterface {
  name = 'CancellationFlowBuilder1796690417263';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE cancellation_flows
      ADD COLUMN follow_up_enabled boolean NOT NULL DEFAULT true,
      ADD COLUMN follow_up_question jsonb NOT NULL DEFAULT '{}',
      ADD COLUMN offer_overrides jsonb NOT NULL DEFAULT '{}'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE cancellation_flows DROP COLUMN IF EXISTS follow_up_enabled, DROP COLUMN IF EXISTS follow_up_question,
      DROP COLUMN IF EXISTS offer_overrides`);
  }
}
