import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every open answer of a response goes to clustering, tagged with the question it answers (issue 17, satisfaction
 * by parameter): "what do you like", "what don't you like" and "what should we improve" form their own clusters and
 * the clusters page filters by question. question_label is the question's text in the survey's default language
 * when the text was copied. Texts copied before this keep their source_id (the response id: the first open answer)
 * and get that question's id here.
 */
export class FeedbackTextQuestion1796840000000 implements MigrationInterface {
  name = 'FeedbackTextQuestion1796840000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE feedback_texts ADD COLUMN question_id varchar(40), ADD COLUMN question_label varchar(300)`);
    await db.query(
      `CREATE INDEX feedback_texts_question_idx ON feedback_texts (workspace_id, question_id, cluster_id) WHERE question_id IS NOT NULL`,
    );
    await db.query(`
      UPDATE feedback_texts f
         SET question_id = first_text.id, question_label = left(first_text.label, 300)
        FROM responses r
        JOIN surveys s ON s.workspace_id = r.workspace_id AND s.id = r.survey_id
        JOIN survey_versions v ON v.workspace_id = r.workspace_id AND v.survey_id = r.survey_id AND v.version = r.survey_version
        CROSS JOIN LATERAL (
          SELECT q->>'id' AS id, COALESCE(q->'text'->>s.default_language, q->'text'->>'en') AS label
            FROM jsonb_array_elements(v.questions) WITH ORDINALITY AS e(q, ord)
           WHERE q->>'type' = 'text'
           ORDER BY ord LIMIT 1
        ) first_text
       WHERE f.source = 'response' AND f.workspace_id = r.workspace_id AND f.source_id = r.id::text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX feedback_texts_question_idx`);
    await db.query(`ALTER TABLE feedback_texts DROP COLUMN question_id, DROP COLUMN question_label`);
  }
}
