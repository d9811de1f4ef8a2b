import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Social mentions: one row per (source, external id), tagged with language and sentiment, linked to
 * the original when it is a repost or a near-identical copy (duplicate_of), to its parent when it is a
 * reply. Signed-webhook ingest keys, RSS/Atom feeds polled in the background, and spike alerts.
 */
export class Mentions1796174304251 implements MigrationInterface {
  name = 'Mentions1796174304251';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE mentions (
        workspace_id        uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        id                  uuid NOT NULL DEFAULT gen_random_uuid(),
        source              varchar(40) NOT NULL,
        external_id         varchar(300) NOT NULL,
        url                 varchar(2000),
        author              varchar(300),
        text                text NOT NULL,
        language            varchar(8) NOT NULL,
        sentiment           smallint NOT NULL CHECK (sentiment IN (-1, 0, 1)),
        sentiment_score     real NOT NULL DEFAULT 0,
        posted_at           timestamptz NOT NULL,
        reach               integer,
        parent_external_id  varchar(300),
        parent_id           uuid,
        duplicate_of        uuid,
        duplicate_kind      varchar(16) CHECK (duplicate_kind IN ('repost', 'exact', 'near')),
        text_hash           varchar(40),
        lsh_bands           integer[],
        channel             varchar(16) NOT NULL CHECK (channel IN ('webhook', 'api', 'csv', 'feed')),
        feed_id             uuid,
        assigned_to         uuid REFERENCES users(id) ON DELETE SET NULL,
        answered_at         timestamptz,
        answered_by         uuid REFERENCES users(id) ON DELETE SET NULL,
        customer_external_id varchar(200),
        created_at          timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, id),
        UNIQUE (workspace_id, source, external_id)
      )`);
    await db.query(`CREATE INDEX mentions_posted_idx ON mentions (workspace_id, posted_at DESC, id DESC)`);
    await db.query(`CREATE INDEX mentions_hash_idx ON mentions (workspace_id, text_hash) WHERE text_hash IS NOT NULL`);
    // Near-duplicate candidates: MinHash LSH band keys, found by array overlap.
    await db.query(`CREATE INDEX mentions_lsh_idx ON mentions USING gin (lsh_bands) WHERE lsh_bands IS NOT NULL`);
    await db.query(`CREATE INDEX mentions_duplicate_idx ON mentions (workspace_id, duplicate_of) WHERE duplicate_of IS NOT NULL`);
    await db.query(`CREATE INDEX mentions_parent_idx ON mentions (workspace_id, parent_id) WHERE parent_id IS NOT NULL`);

    await db.query(`
      CREATE TABLE mention_ingest_keys (
        workspace_id  uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        id            uuid NOT NULL DEFAULT gen_random_uuid(),
        key_id        varchar(40) NOT NULL UNIQUE,
        name          varchar(200) NOT NULL,
        secret        varchar(100) NOT NULL,
        last_used_at  timestamptz,
        created_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, id)
      )`);
    // Signed requests seen recently, so a captured request cannot be replayed inside the time window.
    await db.query(`
      CREATE TABLE mention_ingest_nonces (
        key_id       varchar(40) NOT NULL,
        message_id   varchar(200) NOT NULL,
        received_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (key_id, message_id)
      )`);

    await db.query(`
      CREATE TABLE mention_feeds (
        workspace_id          uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        id                    uuid NOT NULL DEFAULT gen_random_uuid(),
        url                   varchar(2000) NOT NULL,
        name                  varchar(200) NOT NULL,
        source                varchar(40) NOT NULL DEFAULT 'rss',
        enabled               boolean NOT NULL DEFAULT true,
        poll_interval_minutes integer NOT NULL DEFAULT 15,
        etag                  varchar(500),
        last_modified         varchar(100),
        last_polled_at        timestamptz,
        next_poll_at          timestamptz NOT NULL DEFAULT now(),
        lease_until           timestamptz,
        last_status           varchar(16) CHECK (last_status IN ('ok', 'not_modified', 'error')),
        last_error            varchar(500),
        consecutive_failures  integer NOT NULL DEFAULT 0,
        items_ingested        integer NOT NULL DEFAULT 0,
        created_at            timestamptz NOT NULL DEFAULT now(),
        updated_at            timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, id),
        UNIQUE (workspace_id, url)
      )`);
    await db.query(`CREATE INDEX mention_feeds_due_idx ON mention_feeds (next_poll_at) WHERE enabled`);

    await db.query(`
      CREATE TABLE mention_alerts (
        workspace_id    uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        id              uuid NOT NULL DEFAULT gen_random_uuid(),
        kind            varchar(16) NOT NULL DEFAULT 'spike',
        day             date NOT NULL,
        negative_count  integer NOT NULL,
        baseline        real NOT NULL,
        factor          real NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, id),
        UNIQUE (workspace_id, kind, day)
      )`);
    await db.query(`ALTER TABLE workspaces ADD COLUMN mention_spike_factor real NOT NULL DEFAULT 2`);
    await db.query(`ALTER TABLE workspaces ADD COLUMN mention_spike_min_count integer NOT NULL DEFAULT 5`);
    await db.query(`ALTER TABLE workspaces ADD COLUMN mention_spike_baseline_days integer NOT NULL DEFAULT 14`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE workspaces DROP COLUMN mention_spike_factor, DROP COLUMN mention_spike_min_count, DROP COLUMN mention_spike_baseline_days`,
    );
    await db.query(`DROP TABLE mention_alerts, mention_feeds, mention_ingest_nonces, mention_ingest_keys, mentions`);
  }
}
