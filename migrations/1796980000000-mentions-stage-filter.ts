import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Mentions page's public-answer stage filter (issue 19): only negative originals have a stage, so the filter walks
 * them newest first by this partial index instead of every mention of the workspace.
 */
export class MentionsStageFilter1796980000000 implements MigrationInterface {
  name = 'MentionsStageFilter1796980000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX mentions_negative_posted_idx ON mentions (workspace_id, posted_at DESC, id DESC) WHERE sentiment = -1 AND duplicate_of IS NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX mentions_negative_posted_idx`);
  }
}
