import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Complaint clustering: every text worth clustering (response comments, cancellation comments,
 * negative mentions, imported complaints) becomes a feedback_text; clusters are named groups of them
 * that survive rebuilds (cluster_runs) with their ids, human names, merges and pins; the latest run's
 * frozen model places new texts between rebuilds.
 */
export class Complaints1796175786413 implements MigrationInterface {
  name = 'Complaints1796175786413';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE clusters (
        workspace_id  uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        id            uuid NOT NULL DEFAULT gen_random_uuid(),
        label         varchar(300) NOT NULL,
        name          varchar(300),
        keywords      text[] NOT NULL DEFAULT '{}',
        language      varchar(8) NOT NULL DEFAULT 'und',
        status        varchar(16) NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'merged', 'retired')),
        merged_into   uuid,
        pinned        boolean NOT NULL DEFAULT false,
        pinned_at     timestamptz,
        pinned_by     uuid REFERENCES users(id) ON DELETE SET NULL,
        last_alert_at timestamptz,
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, id)
      )`);
    await db.query(`
      CREATE TABLE feedback_texts (
        workspace_id          uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        id                    uuid NOT NULL DEFAULT gen_random_uuid(),
        source                varchar(16) NOT NULL CHECK (source IN ('response', 'cancellation', 'mention', 'complaint', 'import')),
        source_id             varchar(300) NOT NULL,
        text                  text NOT NULL,
        language              varchar(8) NOT NULL DEFAULT 'und',
        sentiment             smallint,
        touchpoint            varchar(200),
        customer_external_id  varchar(200),
        churn_reason_key      varchar(60),
        occurred_at           timestamptz NOT NULL,
        cluster_id            uuid,
        similarity            real,
        placed_by             varchar(8) CHECK (placed_by IN ('model', 'run', 'human')),
        assigned_at           timestamptz,
        created_at            timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, id),
        UNIQUE (workspace_id, source, source_id)
      )`);
    await db.query(`CREATE INDEX feedback_texts_cluster_idx ON feedback_texts (workspace_id, cluster_id, occurred_at DESC)`);
    await db.query(`CREATE INDEX feedback_texts_unplaced_idx ON feedback_texts (workspace_id, created_at) WHERE placed_by IS NULL`);
    await db.query(`
      CREATE TABLE cluster_runs (
        workspace_id  uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        id            uuid NOT NULL DEFAULT gen_random_uuid(),
        status        varchar(16) NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'completed', 'failed')),
        trigger       varchar(16) NOT NULL DEFAULT 'manual' CHECK (trigger IN ('manual', 'schedule')),
        progress      real NOT NULL DEFAULT 0,
        stage         varchar(60),
        texts         integer,
        clusters      integer,
        unclustered   integer,
        continued     integer,
        created       integer,
        retired       integer,
        seconds       real,
        error         varchar(500),
        lease_until   timestamptz,
        model         bytea,
        model_cluster_ids uuid[],
        started_at    timestamptz NOT NULL DEFAULT now(),
        finished_at   timestamptz,
        PRIMARY KEY (workspace_id, id)
      )`);
    // One rebuild at a time per workspace.
    await db.query(`CREATE UNIQUE INDEX cluster_runs_one_running ON cluster_runs (workspace_id) WHERE status = 'running'`);
    await db.query(`CREATE INDEX cluster_runs_latest_idx ON cluster_runs (workspace_id, finished_at DESC) WHERE status = 'completed'`);
    await db.query(`
      CREATE TABLE cluster_alerts (
        workspace_id    uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        id              uuid NOT NULL DEFAULT gen_random_uuid(),
        cluster_id      uuid NOT NULL,
        recent_count    integer NOT NULL,
        previous_count  integer NOT NULL,
        window_days     integer NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, id)
      )`);
    await db.query(`ALTER TABLE workspaces ADD COLUMN cluster_growth_factor real NOT NULL DEFAULT 2`);
    await db.query(`ALTER TABLE workspaces ADD COLUMN cluster_growth_min_count integer NOT NULL DEFAULT 10`);
    // Source rows changed after this moment are not yet copied into feedback_texts; these indexes find them.
    await db.query(`ALTER TABLE workspaces ADD COLUMN feedback_synced_at timestamptz`);
    await db.query(`CREATE INDEX responses_commented_idx ON responses (workspace_id, updated_at) WHERE comment IS NOT NULL`);
    await db.query(`CREATE INDEX cancellations_updated_idx ON cancellations (workspace_id, updated_at) WHERE finished_at IS NOT NULL`);
    await db.query(`CREATE INDEX mentions_negative_created_idx ON mentions (workspace_id, created_at) WHERE sentiment = -1`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE workspaces DROP COLUMN cluster_growth_factor, DROP COLUMN cluster_growth_min_count, DROP COLUMN feedback_synced_at`,
    );
    await db.query(`DROP INDEX responses_commented_idx, cancellations_updated_idx, mentions_negative_created_idx`);
    await db.query(`DROP TABLE cluster_alerts, cluster_runs, feedback_texts, clusters`);
  }
}
