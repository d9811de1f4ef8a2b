import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Imports of historical responses (issue 20, H3): a CSV of past answers from another tool, stored as the uploaded
 * bytes in chunks (not as parsed rows: a 100 MB file is a million rows, and re-parsing is cheaper than storing them
 * twice), so any replica can run or resume it. next_position is the first file row not yet committed (the watermark);
 * the lease says whether a live process is working on it. The chunks are deleted when the import ends.
 */
export class ResponseImports1797020000000 implements MigrationInterface {
  name = 'ResponseImports1797020000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE response_imports (
        workspace_id   uuid NOT NULL,
        id             uuid NOT NULL DEFAULT gen_random_uuid(),
        survey_id      uuid NOT NULL,
        file_name      varchar(255) NOT NULL,
        encoding       varchar(16) NOT NULL,
        delimiter      varchar(2) NOT NULL,
        headers        jsonb NOT NULL,
        preview        jsonb NOT NULL,
        byte_size      integer NOT NULL,
        total_rows     integer NOT NULL,
        status         varchar(16) NOT NULL DEFAULT 'previewing',
        mapping        jsonb,
        create_cases   boolean NOT NULL DEFAULT false,
        rows_done      integer NOT NULL DEFAULT 0,
        imported       integer NOT NULL DEFAULT 0,
        duplicates     integer NOT NULL DEFAULT 0,
        failed         integer NOT NULL DEFAULT 0,
        next_position  integer NOT NULL DEFAULT 0,
        message        text,
        lease_owner    varchar(64),
        lease_until    timestamptz,
        created_at     timestamptz NOT NULL DEFAULT now(),
        started_at     timestamptz,
        finished_at    timestamptz,
        CONSTRAINT response_imports_pkey PRIMARY KEY (workspace_id, id),
        CONSTRAINT response_imports_survey_fkey FOREIGN KEY (workspace_id, survey_id)
          REFERENCES surveys (workspace_id, id) ON DELETE CASCADE,
        CONSTRAINT response_imports_status_check CHECK (status IN ('previewing', 'running', 'done', 'failed')),
        CONSTRAINT response_imports_total_rows_check CHECK (total_rows >= 0)
      )`);
    await db.query(`CREATE INDEX response_imports_recent_idx ON response_imports (workspace_id, survey_id, created_at DESC)`);
    await db.query(`CREATE INDEX response_imports_running_idx ON response_imports (lease_until) WHERE status = 'running'`);
    await db.query(`
      CREATE TABLE response_import_chunks (
        workspace_id  uuid NOT NULL,
        import_id     uuid NOT NULL,
        seq           integer NOT NULL,
        data          bytea NOT NULL,
        CONSTRAINT response_import_chunks_pkey PRIMARY KEY (workspace_id, import_id, seq),
        CONSTRAINT response_import_chunks_import_fkey FOREIGN KEY (workspace_id, import_id)
          REFERENCES response_imports (workspace_id, id) ON DELETE CASCADE
      )`);
    await db.query(`
      CREATE TABLE response_import_errors (
        workspace_id  uuid NOT NULL,
        import_id     uuid NOT NULL,
        position      integer NOT NULL,
        ordinal       smallint NOT NULL,
        row_number    integer NOT NULL,
        column_name   text,
        field         varchar(32) NOT NULL,
        code          varchar(32) NOT NULL,
        value         text,
        message       text NOT NULL,
        CONSTRAINT response_import_errors_pkey PRIMARY KEY (workspace_id, import_id, position, ordinal),
        CONSTRAINT response_import_errors_import_fkey FOREIGN KEY (workspace_id, import_id)
          REFERENCES response_imports (workspace_id, id) ON DELETE CASCADE
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE response_import_errors`);
    await db.query(`DROP TABLE response_import_chunks`);
    await db.query(`DROP TABLE response_imports`);
  }
}
