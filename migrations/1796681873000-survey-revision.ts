import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Optimistic concurrency for survey edits: every saved edit adds one to `revision`, and an edit made from an
 * older revision is refused (409 stale_survey) instead of silently overwriting what someone else saved.
 * (`current_version` is something else: the questions version responses are tied to.)
 */
export class SurveyRevision1796681873000 implements MigrationInterface {
  name = 'SurveyRevision1796681873000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE surveys ADD COLUMN revision integer NOT NULL DEFAULT 1`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE surveys DROP COLUMN IF EXISTS revision`);
  }
}
