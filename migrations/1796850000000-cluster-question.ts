import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Clustering partitioned by question (issue 17): likes, dislikes and suggestions form their own clusters, so no cluster
 * mixes answers to different questions. A text's pool (feedback_texts.cluster_question_id) is its question, except for
 * the answer to a survey's only open question (the classic "why this score?" comment), which stays with cancellations,
 * mentions and complaints in the main pool (null). A cluster records the pool it belongs to (clusters.question_id).
 * Texts already copied get their pool here; clusters made before keep null and the next rebuild sorts them out.
 */
export class ClusterQuestion1796850000000 implements MigrationInterface {
  name = 'ClusterQuestion1796850000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE clusters ADD COLUMN question_id varchar(40)`);
    await db.query(`ALTER TABLE feedback_texts ADD COLUMN cluster_question_id varchar(40)`);
    await db.query(`
      UPDATE feedback_texts f
         SET cluster_question_id = f.question_id
        FROM responses r
        JOIN survey_versions v ON v.workspace_id = r.workspace_id AND v.survey_id = r.survey_id AND v.version = r.survey_version
       WHERE f.source = 'response' AND f.question_id IS NOT NULL AND f.workspace_id = r.workspace_id
         AND split_part(f.source_id, ':', 1) = r.id::text
         AND (SELECT count(*) FROM jsonb_array_elements(v.questions) q WHERE q->>'type' = 'text') > 1`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE feedback_texts DROP COLUMN cluster_question_id`);
    await db.query(`ALTER TABLE clusters DROP COLUMN question_id`);
  }
}
