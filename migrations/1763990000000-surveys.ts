import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Surveys with versioned questions, displays (impressions) and responses.
 * public_key is globally unique: widgets address a survey by it before any workspace is known.
 */
export class Surveys1763990000000 implements MigrationInterface {
  name = 'Surveys1763990000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE surveys (
        workspace_id      uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        id                uuid NOT NULL DEFAULT gen_random_uuid(),
        public_key        varchar(32) NOT NULL UNIQUE,
        name              varchar(200) NOT NULL,
        kind              varchar(16) NOT NULL CHECK (kind IN ('nps', 'csat', 'ces', 'custom')),
        status            varchar(16) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'live', 'paused', 'closed')),
        touchpoint_name   varchar(200),
        languages         text[] NOT NULL,
        default_language  varchar(8) NOT NULL,
        allowed_origins   text[] NOT NULL DEFAULT '{}',
        display_rules     jsonb NOT NULL,
        theme             jsonb NOT NULL,
        current_version   integer NOT NULL DEFAULT 1,
        created_by        uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at        timestamptz NOT NULL DEFAULT now(),
        updated_at        timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, id)
      )`);
    await db.query(`
      CREATE TABLE survey_versions (
        workspace_id  uuid NOT NULL,
        survey_id     uuid NOT NULL,
        version       integer NOT NULL,
        questions     jsonb NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, survey_id, version),
        FOREIGN KEY (workspace_id, survey_id) REFERENCES surveys (workspace_id, id) ON DELETE CASCADE
      )`);
    await db.query(`
      CREATE TABLE survey_displays (
        workspace_id          uuid NOT NULL,
        id                    uuid NOT NULL DEFAULT gen_random_uuid(),
        survey_id             uuid NOT NULL,
        respondent_id         varchar(64) NOT NULL,
        customer_external_id  varchar(200),
        idempotency_key       varchar(64) NOT NULL,
        url                   varchar(2000),
        created_at            timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, id),
        UNIQUE (workspace_id, survey_id, idempotency_key),
        FOREIGN KEY (workspace_id, survey_id) REFERENCES surveys (workspace_id, id) ON DELETE CASCADE
      )`);
    await db.query(
      `CREATE INDEX survey_displays_respondent_idx ON survey_displays (workspace_id, survey_id, respondent_id, created_at DESC)`,
    );
    await db.query(`CREATE INDEX survey_displays_time_idx ON survey_displays (workspace_id, survey_id, created_at)`);
    await db.query(`
      CREATE TABLE responses (
        workspace_id          uuid NOT NULL,
        id                    uuid NOT NULL DEFAULT gen_random_uuid(),
        survey_id             uuid NOT NULL,
        survey_version        integer NOT NULL,
        display_id            uuid,
        respondent_id         varchar(64) NOT NULL,
        customer_external_id  varchar(200),
        idempotency_key       varchar(64) NOT NULL,
        answers               jsonb NOT NULL DEFAULT '{}',
        score                 smallint,
        score_scale_max       smallint,
        comment               text,
        finished              boolean NOT NULL DEFAULT false,
        language              varchar(8),
        hidden_fields         jsonb NOT NULL DEFAULT '{}',
        meta                  jsonb NOT NULL DEFAULT '{}',
        created_at            timestamptz NOT NULL DEFAULT now(),
        updated_at            timestamptz NOT NULL DEFAULT now(),
        finished_at           timestamptz,
        PRIMARY KEY (workspace_id, id),
        UNIQUE (workspace_id, survey_id, idempotency_key),
        FOREIGN KEY (workspace_id, survey_id, survey_version)
          REFERENCES survey_versions (workspace_id, survey_id, version) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX responses_time_idx ON responses (workspace_id, survey_id, created_at)`);
    await db.query(`CREATE INDEX responses_respondent_idx ON responses (workspace_id, survey_id, respondent_id, created_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE responses, survey_displays, survey_versions, surveys`);
  }
}
