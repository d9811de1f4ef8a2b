import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A merge's target must be a live cluster of the same workspace (never the cluster itself): two opposite merges
 * (P→Q and Q→P) can then never both land and hide each other's texts in a loop. The service already locks and
 * checks both rows; this is the database's own backstop. The target row is share-locked, so a concurrent merge
 * of the target waits (and then this check sees it merged) instead of slipping past the check.
 */
export class ClusterMergeGuard1796680556000 implements MigrationInterface {
  name = 'ClusterMergeGuard1796680556000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE clusters ADD CONSTRAINT clusters_not_merged_into_self CHECK (merged_into IS NULL OR merged_into <> id)`);
    await db.query(`
      CREATE FUNCTION clusters_merge_target_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.merged_into IS NOT DISTINCT FROM OLD.merged_into THEN
          RETURN NEW;
        END IF;
        PERFORM 1 FROM clusters WHERE workspace_id = NEW.workspace_id AND id = NEW.merged_into AND status = 'active' FOR SHARE;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'cluster % cannot be merged into %: the target is not an active cluster of the workspace', NEW.id, NEW.merged_into
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER clusters_merge_target_guard BEFORE INSERT OR UPDATE OF merged_into ON clusters
        FOR EACH ROW WHEN (NEW.merged_into IS NOT NULL) EXECUTE FUNCTION clusters_merge_target_guard()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER IF EXISTS clusters_merge_target_guard ON clusters`);
    await db.query(`DROP FUNCTION IF EXISTS clusters_merge_target_guard()`);
    await db.query(`ALTER TABLE clusters DROP CONSTRAINT IF EXISTS clusters_not_merged_into_self`);
  }
}
