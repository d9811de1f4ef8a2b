import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * CSV/XLSX customer imports. The parsed rows live in the database (not on a replica's disk), so any replica
 * can run or resume an import; next_position is the first row not yet committed, and the lease tells whether
 * a live process is working on it.
 */
export class CustomerImports1796173703439 implements MigrationInterface {
  name = 'CustomerImports1796173703439';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE customer_imports (
        workspace_id   uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        id             uuid NOT NULL DEFAULT gen_random_uuid(),
        file_name      varchar(255) NOT NULL,
        format         varchar(8) NOT NULL CHECK (format IN ('csv', 'xlsx')),
        encoding       varchar(16),
        delimiter      varchar(2),
        headers        jsonb NOT NULL,
        total_rows     integer NOT NULL CHECK (total_rows >= 0),
        status         varchar(16) NOT NULL DEFAULT 'previewing' CHECK (status IN ('previewing', 'running', 'completed', 'failed')),
        mapping        jsonb,
        processed      integer NOT NULL DEFAULT 0,
        created        integer NOT NULL DEFAULT 0,
        updated        integer NOT NULL DEFAULT 0,
        failed         integer NOT NULL DEFAULT 0,
        next_position  integer NOT NULL DEFAULT 0,
        message        text,
        lease_owner    varchar(64),
        lease_until    timestamptz,
        created_at     timestamptz NOT NULL DEFAULT now(),
        started_at     timestamptz,
        finished_at    timestamptz,
        PRIMARY KEY (workspace_id, id)
      )`);
    await db.query(`CREATE INDEX customer_imports_recent_idx ON customer_imports (workspace_id, created_at DESC)`);
    await db.query(`CREATE INDEX customer_imports_running_idx ON customer_imports (lease_until) WHERE status = 'running'`);
    await db.query(`
      CREATE TABLE customer_import_rows (
        workspace_id  uuid NOT NULL,
        import_id     uuid NOT NULL,
        position      integer NOT NULL,
        row_number    integer NOT NULL,
        cells         jsonb NOT NULL,
        PRIMARY KEY (workspace_id, import_id, position),
        FOREIGN KEY (workspace_id, import_id) REFERENCES customer_imports (workspace_id, id) ON DELETE CASCADE
      )`);
    await db.query(`
      CREATE TABLE customer_import_errors (
        workspace_id  uuid NOT NULL,
        import_id     uuid NOT NULL,
        position      integer NOT NULL,
        ordinal       smallint NOT NULL,
        row_number    integer NOT NULL,
        external_id   varchar(200),
        column_name   text,
        field         text NOT NULL,
        message       text NOT NULL,
        PRIMARY KEY (workspace_id, import_id, position, ordinal),
        FOREIGN KEY (workspace_id, import_id) REFERENCES customer_imports (workspace_id, id) ON DELETE CASCADE
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE customer_import_errors`);
    await db.query(`DROP TABLE customer_import_rows`);
    await db.query(`DROP TABLE customer_imports`);
  }
}
