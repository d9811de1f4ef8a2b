import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, MoreThanOrEqual, Repository } from 'typeorm';
import { CustomerImportErrorEntity } from './customer-import-error.entity';
import { CustomerImportRowEntity } from './customer-import-row.entity';
import { CustomerImportEntity } from './customer-import.entity';
import type { ImportRowErrorDto } from './customer-imports.dto';
import type { ParsedFile, ParsedRow } from './parsed-file';

/** An import without its lease (which only the runner's statements look at). */
export type ImportRecord = Omit<CustomerImportEntity, 'leaseOwner' | 'leaseUntil'>;

const RECORD_COLUMNS: (keyof ImportRecord)[] = [
  'workspaceId',
  'id',
  'fileName',
  'format',
  'encoding',
  'delimiter',
  'headers',
  'totalRows',
  'status',
  'mapping',
  'processed',
  'created',
  'updated',
  'failed',
  'nextPosition',
  'message',
  'createdAt',
  'startedAt',
  'finishedAt',
];

/** A stored row with its place in the file (position: 0-based order; row: the spreadsheet row number). */
export interface StoredRow extends ParsedRow {
  position: number;
}

export interface StoredError extends ImportRowErrorDto {
  position: number;
}

/** The record's columns for the lease claim's RETURNING. */
const COLUMNS = `workspace_id AS "workspaceId", id, file_name AS "fileName", format, encoding, delimiter, headers,
  total_rows AS "totalRows", status, mapping, processed, created, updated, failed, next_position AS "nextPosition", message,
  created_at AS "createdAt", started_at AS "startedAt", finished_at AS "finishedAt"`;

const INSERT_BATCH = 2000;

/** TypeORM answers an UPDATE … RETURNING with [rows, affected count]. */
const returned = <T>(result: [T[], number]): T[] => result[0];

@Injectable()
export class CustomerImportsRepository {
  constructor(@InjectRepository(CustomerImportEntity) private readonly imports: Repository<CustomerImportEntity>) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.imports.manager.transaction(work);
  }

  /**
   * The import and all its rows in one transaction: an upload is stored whole or not at all. The rows go in
   * batches of INSERT_BATCH per statement through unnest (two array parameters, whatever the batch size).
   */
  async create(workspaceId: string, fileName: string, file: ParsedFile): Promise<ImportRecord> {
    return this.imports.manager.transaction(async (manager) => {
      const imports = manager.getRepository(CustomerImportEntity);
      const { identifiers } = await imports.insert({
        workspaceId,
        fileName,
        format: file.format,
        encoding: file.encoding,
        delimiter: file.delimiter,
        headers: file.headers,
        totalRows: file.rows.length,
      });
      const record = (await imports.findOne({ select: RECORD_COLUMNS, where: { workspaceId, id: identifiers[0].id as string } }))!;
      for (let start = 0; start < file.rows.length; start += INSERT_BATCH) {
        const batch = file.rows.slice(start, start + INSERT_BATCH);
        await manager.query(
          `INSERT INTO customer_import_rows (workspace_id, import_id, position, row_number, cells)
           SELECT $1::uuid, $2::uuid, $3::int + t.ord::int - 1, t.row_number, t.cells::jsonb
             FROM unnest($4::int[], $5::text[]) WITH ORDINALITY AS t(row_number, cells, ord)`,
          [workspaceId, record.id, start, batch.map((r) => r.row), batch.map((r) => JSON.stringify(r.values))],
        );
      }
      return record;
    });
  }

  find(workspaceId: string, id: string): Promise<ImportRecord | null> {
    return this.imports.findOne({ select: RECORD_COLUMNS, where: { workspaceId, id } });
  }

  list(workspaceId: string, limit: number): Promise<ImportRecord[]> {
    return this.imports.find({ select: RECORD_COLUMNS, where: { workspaceId }, order: { createdAt: 'DESC', id: 'ASC' }, take: limit });
  }

  /** Rows in file order from a position on. */
  async rows(workspaceId: string, importId: string, fromPosition: number, limit: number, manager?: EntityManager): Promise<StoredRow[]> {
    const rows = await (manager ?? this.imports.manager).getRepository(CustomerImportRowEntity).find({
      select: { position: true, rowNumber: true, cells: true },
      where: { workspaceId, importId, position: MoreThanOrEqual(fromPosition) },
      order: { position: 'ASC' },
      take: limit,
    });
    return rows.map((r) => ({ position: r.position, row: r.rowNumber, values: r.cells }));
  }

  /** previewing → running, once: false when it is not (or no longer) previewing. */
  async markStarted(workspaceId: string, id: string, mapping: string[]): Promise<boolean> {
    const result = await this.imports.update(
      { workspaceId, id, status: 'previewing' },
      { status: 'running', mapping, startedAt: () => 'now()' },
    );
    return result.affected === 1;
  }

  /**
   * Takes (or renews) the right to run an import for a while; null when another live process holds it.
   * Hand-written: the lease check and the record it returns must be one statement (UPDATE … RETURNING).
   */
  async claim(workspaceId: string, id: string, owner: string, leaseSeconds: number): Promise<ImportRecord | null> {
    const rows = returned<ImportRecord>(
      await this.imports.query(
        `UPDATE customer_imports SET lease_owner = $3, lease_until = now() + make_interval(secs => $4)
        WHERE workspace_id = $1 AND id = $2 AND status = 'running'
          AND (lease_owner IS NULL OR lease_owner = $3 OR lease_until < now())
        RETURNING ${COLUMNS}`,
        [workspaceId, id, owner, leaseSeconds],
      ),
    );
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
      // Set-based: a chunk's errors in one statement through unnest, whatever their number.
      await manager.query(
        `INSERT INTO customer_import_errors (workspace_id, import_id, position, ordinal, row_number, external_id, column_name, field, message)
         SELECT $1::uuid, $2::uuid, * FROM unnest($3::int[], $4::smallint[], $5::int[], $6::varchar[], $7::text[], $8::text[], $9::text[])`,
        [
          workspaceId,
          id,
          chunk.errors.map((e) => e.position),
          chunk.errors.map((e) => ordinal(e.position)),
          chunk.errors.map((e) => e.row),
          chunk.errors.map((e) => e.externalId?.slice(0, 200) ?? null),
          chunk.errors.map((e) => e.column),
          chunk.errors.map((e) => e.field),
          chunk.errors.map((e) => e.message),
        ],
      );
    }
    const result = await manager
      .getRepository(CustomerImportEntity)
      .createQueryBuilder()
      .update()
      .set({
        nextPosition: chunk.nextPosition,
        processed: () => 'processed + :processed',
        created: () => 'created + :created',
        updated: () => 'updated + :updated',
        failed: () => 'failed + :failed',
        leaseUntil: () => 'now() + make_interval(secs => :leaseSeconds)',
      })
      .where('workspace_id = :workspaceId AND id = :id AND lease_owner = :owner AND status = :running', {
        workspaceId,
        id,
        owner,
        running: 'running',
      })
      .setParameters({ processed: chunk.processed, created: chunk.created, updated: chunk.updated, failed: chunk.failed, leaseSeconds })
      .execute();
    return result.affected === 1;
  }

  async finish(workspaceId: string, id: string, owner: string, status: 'completed' | 'failed', message: string | null): Promise<void> {
    await this.imports.update(
      { workspaceId, id, leaseOwner: owner, status: 'running' },
      { status, message, finishedAt: () => 'now()', leaseOwner: null, leaseUntil: null },
    );
  }

  /** Gives an unfinished import back (on shutdown), so the next process resumes it at once. */
  async release(workspaceId: string, id: string, owner: string): Promise<void> {
    await this.imports.update({ workspaceId, id, leaseOwner: owner }, { leaseOwner: null, leaseUntil: null });
  }

  /** Running imports nobody works on (never claimed, released, or whose process died): the runner resumes them. */
  orphans(): Promise<Pick<CustomerImportEntity, 'workspaceId' | 'id'>[]> {
    return this.imports
      .createQueryBuilder('i')
      .select(['i.workspaceId', 'i.id'])
      .where(`i.status = 'running' AND (i.lease_until IS NULL OR i.lease_until < now())`)
      .orderBy('i.started_at', 'ASC')
      .limit(20)
      .getMany();
  }

  async errors(workspaceId: string, id: string, limit: number, offset: number): Promise<{ items: ImportRowErrorDto[]; total: number }> {
    const [rows, total] = await this.imports.manager.getRepository(CustomerImportErrorEntity).findAndCount({
      select: { rowNumber: true, externalId: true, columnName: true, field: true, message: true },
      where: { workspaceId, importId: id },
      order: { position: 'ASC', ordinal: 'ASC' },
      take: limit,
      skip: offset,
    });
    const items = rows.map((e) => ({
      row: e.rowNumber,
      externalId: e.externalId,
      column: e.columnName,
      field: e.field,
      message: e.message,
    }));
    return { items, total };
  }
}
