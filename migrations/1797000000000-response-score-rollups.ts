import type { MigrationInterface, QueryRunner } from 'typeorm';

const SCORES = Array.from({ length: 11 }, (_, score) => score);
const COUNT_COLUMNS = ['unscored', ...SCORES.map((s) => `score_${s}`), 'other_scores'];

/** The per-column delta of one group of changed rows: `sign` is +1 for new rows and −1 for old ones. */
const DELTAS = [
  `sum(sign) FILTER (WHERE score IS NULL)`,
  ...SCORES.map((s) => `sum(sign) FILTER (WHERE score = ${s})`),
  `sum(sign) FILTER (WHERE score NOT BETWEEN 0 AND 10)`,
]
  .map((sum, i) => `coalesce(${sum}, 0)::int AS ${COUNT_COLUMNS[i]}`)
  .join(',\n              ');

const KEY_PARTS = [
  'workspace_id',
  'survey_id',
  `date_trunc('hour', created_at, 'UTC')`,
  `coalesce(language, '')`,
  'coalesce(score_scale_max, 0)',
];
const KEY = KEY_PARTS.join(', ');
const NONZERO = COUNT_COLUMNS.map((c) => `${c} <> 0`).join(' OR ');

/**
 * Survey metrics over millions of responses (issue 20, H1): finished responses counted per workspace × survey × UTC
 * hour × language × scale, one column per score 0–10 (plus unscored and out-of-range ones), so a year of a busy
 * survey is ~9,000 rows per language instead of a million. Dashboards read whole hours here and the raw table only
 * for partial hours (a period's edges, a time zone whose midnight is not on the hour) and for filters these keys
 * cannot answer (segment, saved segment).
 *
 * Kept by statement-level triggers with transition tables, so every write path (public submit, partial → finished,
 * edits, deletes, cascades, history import, COPY, SQL in tests) updates it in the same transaction, set-based: one
 * upsert per statement, not per row. Deltas are netted per key first, so an update that changes nothing counted
 * (a comment edit) writes nothing.
 */
export class ResponseScoreRollups1797000000000 implements MigrationInterface {
  name = 'ResponseScoreRollups1797000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE response_score_rollups (
        workspace_id  uuid NOT NULL,
        survey_id     uuid NOT NULL,
        hour          timestamptz NOT NULL,
        language      varchar(8) NOT NULL,
        scale_max     smallint NOT NULL,
        ${COUNT_COLUMNS.map((c) => `${c} integer NOT NULL DEFAULT 0`).join(',\n        ')},
        CONSTRAINT response_score_rollups_pkey PRIMARY KEY (workspace_id, survey_id, hour, language, scale_max),
        CONSTRAINT response_score_rollups_survey_fkey FOREIGN KEY (workspace_id, survey_id)
          REFERENCES surveys (workspace_id, id) ON DELETE CASCADE
      )`);
    await db.query(`
      CREATE FUNCTION responses_rollup_apply() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          DELETE FROM response_score_rollups;
          RETURN NULL;
        END IF;
        IF TG_OP = 'DELETE' THEN
          -- Only decrement: when a survey or workspace is deleted its rollup rows may already be gone by cascade.
          UPDATE response_score_rollups r
             SET ${COUNT_COLUMNS.map((c) => `${c} = r.${c} + d.${c}`).join(', ')}
            FROM (SELECT ${KEY_PARTS.map((k, i) => `${k} AS k${i}`).join(', ')},
                         ${DELTAS}
                    FROM (SELECT *, -1 AS sign FROM old_rows WHERE finished) c
                   GROUP BY 1, 2, 3, 4, 5) d
           WHERE r.workspace_id = d.k0 AND r.survey_id = d.k1 AND r.hour = d.k2 AND r.language = d.k3 AND r.scale_max = d.k4;
          RETURN NULL;
        END IF;
        -- UPDATE: the new rows counted in, the old ones out, netted per key.
        INSERT INTO response_score_rollups AS r (workspace_id, survey_id, hour, language, scale_max, ${COUNT_COLUMNS.join(', ')})
        SELECT * FROM (
          SELECT ${KEY}, ${DELTAS}
            FROM (SELECT *, 1 AS sign FROM new_rows WHERE finished
                  UNION ALL
                  SELECT *, -1 AS sign FROM old_rows WHERE finished) c
           GROUP BY 1, 2, 3, 4, 5
        ) d
         WHERE ${NONZERO}
         ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (workspace_id, survey_id, hour, language, scale_max) DO UPDATE
           SET ${COUNT_COLUMNS.map((c) => `${c} = r.${c} + EXCLUDED.${c}`).join(', ')};
        RETURN NULL;
      END
      $fn$`);
    // An INSERT trigger has no OLD TABLE, so it gets its own body: the new rows only.
    await db.query(`
      CREATE FUNCTION responses_rollup_insert() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        INSERT INTO response_score_rollups AS r (workspace_id, survey_id, hour, language, scale_max, ${COUNT_COLUMNS.join(', ')})
        SELECT * FROM (
          SELECT ${KEY}, ${DELTAS}
            FROM (SELECT *, 1 AS sign FROM new_rows WHERE finished) c
           GROUP BY 1, 2, 3, 4, 5
        ) d
         WHERE ${NONZERO}
         ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (workspace_id, survey_id, hour, language, scale_max) DO UPDATE
           SET ${COUNT_COLUMNS.map((c) => `${c} = r.${c} + EXCLUDED.${c}`).join(', ')};
        RETURN NULL;
      END
      $fn$`);
    await db.query(`CREATE TRIGGER responses_rollup_insert AFTER INSERT ON responses
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION responses_rollup_insert()`);
    await db.query(`CREATE TRIGGER responses_rollup_update AFTER UPDATE ON responses
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION responses_rollup_apply()`);
    await db.query(`CREATE TRIGGER responses_rollup_delete AFTER DELETE ON responses
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION responses_rollup_apply()`);
    await db.query(`CREATE TRIGGER responses_rollup_truncate AFTER TRUNCATE ON responses
      FOR EACH STATEMENT EXECUTE FUNCTION responses_rollup_apply()`);

    // Backfill: the same grouping over the rows already there.
    await db.query(`
      INSERT INTO response_score_rollups (workspace_id, survey_id, hour, language, scale_max, ${COUNT_COLUMNS.join(', ')})
      SELECT ${KEY}, ${DELTAS}
        FROM (SELECT *, 1 AS sign FROM responses WHERE finished) c
       GROUP BY 1, 2, 3, 4, 5`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER responses_rollup_insert ON responses`);
    await db.query(`DROP TRIGGER responses_rollup_update ON responses`);
    await db.query(`DROP TRIGGER responses_rollup_delete ON responses`);
    await db.query(`DROP TRIGGER responses_rollup_truncate ON responses`);
    await db.query(`DROP FUNCTION responses_rollup_apply(), responses_rollup_insert()`);
    await db.query(`DROP TABLE response_score_rollups`);
  }
}
