import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Clustering at scale (issue 20): a rebuild above the fit's sample size reads a pool's texts page by page in
 * (occurred_at, id) order, and picks its evenly spread sample in the same order. This index serves both, so a page
 * costs an index range scan instead of sorting the workspace's texts once per page.
 */
export class FeedbackTextPoolOrder1797030000000 implements MigrationInterface {
  name = 'FeedbackTextPoolOrder1797030000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX feedback_texts_pool_order_idx ON feedback_texts (workspace_id, cluster_question_id, occurred_at, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX feedback_texts_pool_order_idx`);
  }
}
