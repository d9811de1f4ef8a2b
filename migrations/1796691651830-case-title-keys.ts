import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cases opened from feedback get a title key and its parameters, so the dashboard writes the title in the reader's
 * language ("Cancellation: too expensive" / "Отмена: слишком дорого"); `title` keeps the English text for API clients
 * and is the only title of cases people or other systems open. Existing automatic cases are keyed from their source.
 */
export class CaseTitleKeys1796691651830 implements MigrationInterface {
  name = 'CaseTitleKeys1796691651830';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE cases ADD COLUMN title_key text, ADD COLUMN title_params jsonb NOT NULL DEFAULT '{}'::jsonb`);
    await db.query(
      `UPDATE cases c SET title_key = 'low_score',
              title_params = jsonb_build_object('kind', s.kind, 'score', r.score,
                'scale', CASE WHEN s.kind = 'nps' THEN 10 ELSE coalesce(r.score_scale_max, 5) END, 'survey', s.name)
         FROM responses r JOIN surveys s ON s.workspace_id = r.workspace_id AND s.id = r.survey_id
        WHERE c.source = 'response' AND r.workspace_id = c.workspace_id AND r.id::text = c.source_id AND r.score IS NOT NULL`,
    );
    await db.query(
      `UPDATE cases c SET title_key = 'cancellation', title_params = jsonb_build_object('reason', x.reason_key)
         FROM cancellations x WHERE c.source = 'cancellation' AND x.workspace_id = c.workspace_id AND x.id::text = c.source_id`,
    );
    await db.query(
      `UPDATE cases c SET title_key = 'negative_mention', title_params = jsonb_build_object('source', m.source, 'author', m.author)
         FROM mentions m WHERE c.source = 'mention' AND m.workspace_id = c.workspace_id AND m.id::text = c.source_id`,
    );
    await db.query(
      `UPDATE cases c SET title_key = 'known_issue', title_params = jsonb_build_object('name', coalesce(k.name, k.label))
         FROM clusters k WHERE c.source = 'cluster' AND k.workspace_id = c.workspace_id AND k.id::text = c.source_id`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE cases DROP COLUMN IF EXISTS title_key, DROP COLUMN IF EXISTS title_params`);
  }
}
