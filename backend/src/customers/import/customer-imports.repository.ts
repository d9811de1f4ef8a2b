import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ImportRowErrorDto, ImportStatus } from './customer-imports.dto';
import type { ParsedFile, ParsedRow } from './parsed-file';

export interface ImportRecord {
  workspaceId: string;
  id: string;
  fileName: string;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  headers: string[];
  totalRows: number;
  status: ImportStatus;
  mapping: string[] | null;
  processed: number;
  created: number;
  updated: number;
  failed: number;
  nextPosition: number;
  message: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** A stored row with its place in the file (position: 0-based order; row: the spreadsheet row number). */
export interface StoredRow extends ParsedRow {
  position: number;
}

export interface StoredError extends ImportRowErrorDto {
  position: number;
}

const COLUMNS = `workspace_id AS "workspaceId", id, file_name AS "fileName", format, encoding, delimiter, headers,
  total_rows AS "totalRows", status, mapping, processed, created, updated, failed, next_position AS "nextPosition", message,
  created_at AS "createdAt", started_at AS "startedAt", finished_at AS "finishedAt"`;

const INSERT_BATCH = 2000;

/** TypeORM answers an UPDATE … RETURNING with [rows, affected count]. */
const returned = <T>(result: [T[], number]): T[] => result[0];

@Injectable()
export class CustomerImportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The import and all its rows in one transaction: an upload is stored whole or not at all. */
  async create(workspaceId: string, fileName: string, file: ParsedFile): Promise<ImportRecord> {
    return this.dataSource.transaction(async (manager) => {
      const [record] = await manager.query(
        `INSERT INTO customer_imports (workspace_id, file_name, format, encoding, delimiter, headers, total_rows)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7) RETURNING ${COLUMNS}`,
        [workspaceId, fileName, file.format, file.encoding, file.delimiter, JSON.stringify(file.headers), file.rows.length],
      );
      for (let start = 0; start < file.rows.length; start += INSERT_BATCH) {
        const batch = file.rows.slice(start, start + INSERT_BATCH);
        await manager.query(
          `INSERT INTO customer_import_rows (workspace_id, import_id, position, row_number, cells)
           SELECT $1::uuid, $2::uuid, $3::int + t.ord::int - 1, t.row_number, t.cells::jsonb
             FROM unnest($4::int[], $5::text[]) WITH ORDINALITY AS t(row_number, cells, ord)`,
          [workspaceId, record.id, start, batch.map((r) => r.row), batch.map((r) => JSON.stringify(r.values))],
        );
      }
      return record as ImportRecord;
    });
  }

  async find(workspaceId: string, id: string): Promise<ImportRecord | null> {
    const rows = await this.dataSource.query(`SELECT ${COLUMNS} FROM customer_imports WHERE workspace_id = $1 AND id = $2`, [workspaceId, id]);
    return (rows[0] as ImportRecord | undefined) ?? null;
  }

  list(workspaceId: string, limit: number): Promise<ImportRecord[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM customer_imports WHERE workspace_id = $1 ORDER BY created_at DESC, id LIMIT $2`,
      [workspaceId, limit],
    );
  }

  /** Rows in file order from a position on. */
  rows(workspaceId: string, importId: string, fromPosition: number, limit: number, manager: EntityManager = this.dataSource.manager): Promise<StoredRow[]> {
    return manager.query(
      `SELECT position, row_number AS "row", cells AS "values" FROM customer_import_rows
        WHERE workspace_id = $1 AND import_id = $2 AND position >= $3 ORDER BY position LIMIT $4`,
      [workspaceId, importId, fromPosition, limit],
    );
  }

  /** previewing → running, once: false when it is not (or no longer) previewing. */
  async markStarted(workspaceId: string, id: string, mapping: string[]): Promise<boolean> {
    const rows = returned<{ id: string }>(await this.dataSource.query(
      `UPDATE customer_imports SET status = 'running', mapping = $3::jsonb, started_at = now()
        WHERE workspace_id = $1 AND id = $2 AND status = 'previewing' RETURNING id`,
      [workspaceId, id, JSON.stringify(mapping)],
    ));
    return rows.length === 1;
  }

  /** Takes (or renews) the right to run an import for a while; null when another live process holds it. */
  async claim(workspaceId: string, id: string, owner: string, leaseSeconds: number): Promise<ImportRecord | null> {
    const rows = returned<ImportRecord>(await this.dataSource.query(
      `UPDATE customer_imports SET lease_owner = $3, lease_until = now() + make_interval(secs => $4)
        WHERE workspace_id = $1 AND id = $2 AND status = 'running'
          AND (lease_owner IS NULL OR lease_owner = $3 OR lease_until < now())
        RETURNING ${COLUMNS}`,
      [workspaceId, id, owner, leaseSeconds],
    ));
    return rows[0] ?? null;
  }

  /**
   * Records one chunk inside the transaction that stored its customers: its errors, the counters and the next
   * position, and renews the lease. False (and the caller rolls back) when the lease was lost to another process.
   */
  async commitChunk(
    manager: EntityManager,
    workspaceId: string,
    id: string,
    owner: string,
    leaseSeconds: number,
    chunk: { nextPosition: number; processed: number; created: number; updated: number; failed: number; errors: StoredError[] },
  ): Promise<boolean> {
    if (chunk.errors.length > 0) {
      const ordinals = new Map<number, number>();
      const ordinal = (position: number) => {
        const next = (ordinals.get(position) ?? -1) + 1;
        ordinals.set(position, next);
        return next;
      };
      await manager.query(
        `INSERT INTO customer_import_errors (workspace_id, import_id, position, ordinal, row_number, external_id, column_name, field, message)
         SELECT $1::uuid, $2::uuid, * FROM unnest($3::int[], $4::smallint[], $5::int[], $6::varchar[], $7::text[], $8::text[], $9::text[])`,
        [
          workspaceId, id,
          chunk.errors.map((e) => e.position), chunk.errors.map((e) => ordinal(e.position)), chunk.errors.map((e) => e.row),
          chunk.errors.map((e) => e.externalId?.slice(0, 200) ?? null), chunk.errors.map((e) => e.column),
          chunk.errors.map((e) => e.field), chunk.errors.map((e) => e.message),
        ],
      );
    }
    const rows = returned<{ id: string }>(await manager.query(
      `UPDATE customer_imports SET next_position = $4, processed = processed + $5, created = created + $6, updated = updated + $7,
              failed = failed + $8, lease_until = now() + make_interval(secs => $9)
        WHERE workspace_id = $1 AND id = $2 AND lease_owner = $3 AND status = 'running' RETURNING id`,
      [workspaceId, id, owner, chunk.nextPosition, chunk.processed, chunk.created, chunk.updated, chunk.failed, leaseSeconds],
    ));
    return rows.length === 1;
  }

  async finish(workspaceId: string, id: string, owner: string, status: 'completed' | 'failed', message: string | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE customer_imports SET status = $4, message = $5, finished_at = now(), lease_owner = NULL, lease_until = NULL
        WHERE workspace_id = $1 AND id = $2 AND lease_owner = $3 AND status = 'running'`,
      [workspaceId, id, owner, status, message],
    );
  }

  /** Gives an unfinished import back (on shutdown), so the next process resumes it at once. */
  async release(workspaceId: string, id: string, owner: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE customer_imports SET lease_owner = NULL, lease_until = NULL WHERE workspace_id = $1 AND id = $2 AND lease_owner = $3`,
      [workspaceId, id, owner],
    );
  }

  /** Running imports nobody works on (never claimed, released, or whose process died): the runner resumes them. */
  orphans(): Promise<{ workspaceId: string; id: string }[]> {
    return this.dataSource.query(
      `SELECT workspace_id AS "workspaceId", id FROM customer_imports
        WHERE status = 'running' AND (lease_until IS NULL OR lease_until < now()) ORDER BY started_at LIMIT 20`,
    );
  }

  async errors(workspaceId: string, id: string, limit: number, offset: number): Promise<{ items: ImportRowErrorDto[]; total: number }> {
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM customer_import_errors WHERE workspace_id = $1 AND import_id = $2`,
      [workspaceId, id],
    );
    const items = await this.dataSource.query(
      `SELECT row_number AS "row", external_id AS "externalId", column_name AS "column", field, message FROM customer_import_errors
        WHERE workspace_id = $1 AND import_id = $2 ORDER BY position, ordinal LIMIT $3 OFFSET $4`,
      [workspaceId, id, limit, offset],
    );
    return { items, total };
  }
}
