import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deletes of responses lock their rollup rows in key order (issue 20 security review, finding 14). The rollup
 * trigger's DELETE branch (migration 1797000000000) decrements with `UPDATE … FROM (grouped old rows)`, which takes
 * the row locks in whatever order the join returns them, while inserts and updates upsert `ORDER BY` key: a multi-key
 * delete and a concurrent multi-key insert could each hold a key the other waits for (a deadlock: one statement
 * aborted, never a wrong count). This trigger runs just before that one (triggers of one event fire in name order,
 * and `responses_rollup_0_…` sorts before `responses_rollup_delete`) and takes the same locks in key order first, so
 * the UPDATE finds them already held.
 */
export class RollupDeleteLockOrder1797045000000 implements MigrationInterface {
  name = 'RollupDeleteLockOrder1797045000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION responses_rollup_lock_deleted() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        PERFORM 1
           FROM response_score_rollups r
          WHERE (r.workspace_id, r.survey_id, r.hour, r.language, r.scale_max) IN (
                  SELECT workspace_id, survey_id, date_trunc('hour', created_at, 'UTC'), coalesce(language, ''),
                         coalesce(score_scale_max, 0)
                    FROM old_rows
                   WHERE finished)
          ORDER BY r.workspace_id, r.survey_id, r.hour, r.language, r.scale_max
            FOR UPDATE;
        RETURN NULL;
      END
      $fn$`);
    await db.query(`CREATE TRIGGER responses_rollup_0_lock_delete AFTER DELETE ON responses
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION responses_rollup_lock_deleted()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER responses_rollup_0_lock_delete ON responses`);
    await db.query(`DROP FUNCTION responses_rollup_lock_deleted()`);
  }
}
