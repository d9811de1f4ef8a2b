import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createReadStream } from 'node:fs';
import { EntityManager, Repository } from 'typeorm';
import type { HistoryFileSummary } from './history-file';
import type { HistoryRow, RowProblem } from './history-row';
import { RESPONSE_IMPORT_LIMITS } from './response-import-limits';
import { ResponseImportChunkEntity } from './response-import-chunk.entity';
import { ResponseImportErrorEntity } from './response-import-error.entity';
import { ResponseImportEntity } from './response-import.entity';

/** An import without its lease (which only the runner's statements look at). */
export type ResponseImportRecord = Omit<ResponseImportEntity, 'leaseOwner' | 'leaseUntil'>;

const RECORD_COLUMNS: (keyof ResponseImportRecord)[] = [
  'workspaceId',
  'id',
  'surveyId',
  'fileName',
  'encoding',
  'delimiter',
  'headers',
  'preview',
  'byteSize',
  'totalRows',
  'status',
  'mapping',
  'createCases',
  'rowsDone',
  'imported',
  'duplicates',
  'failed',
  'nextPosition',
  'message',
  'createdAt',
  'startedAt',
  'finishedAt',
];

/** The record's columns for the lease claim's RETURNING. */
const COLUMNS = `workspace_id AS "workspaceId", id, survey_id AS "surveyId", file_name AS "fileName", encoding, delimiter, headers,
  preview, byte_size AS "byteSize", total_rows AS "totalRows", status, mapping, create_cases AS "createCases", rows_done AS "rowsDone",
  imported, duplicates, failed, next_position AS "nextPosition", message, created_at AS "createdAt", started_at AS "startedAt",
  finished_at AS "finishedAt"`;

/** A row problem with its place in the file. */
export interface StoredProblem extends RowProblem {
  position: number;
  row: number;
  column: string | null;
}

/** The responses of one batch as one INSERT … SELECT FROM unnest: eleven array parameters, whatever the batch size. */
const INSERT_RESPONSES = `WITH written AS (
    INSERT INTO responses (workspace_id, survey_id, respondent_id, idempotency_key, survey_version, customer_external_id, answers,
                           score, score_scale_max, comment, finished, language, meta, created_at, finished_at, customer_verified)
    SELECT $1::uuid, $2::uuid, t.respondent, t.key, $3::int, t.customer, t.answers::jsonb, t.score, $4::smallint, t.comment, true,
           t.language, $5::jsonb, t.at, t.at, t.verified
      FROM unnest($6::varchar[], $7::varchar[], $8::varchar[], $9::text[], $10::smallint[], $11::text[], $12::varchar[],
                  $13::timestamptz[], $14::boolean[]) AS t(key, respondent, customer, answers, score, comment, language, at, verified)
    ON CONFLICT (workspace_id, survey_id, idempotency_key) DO NOTHING
    RETURNING 1
  ) SELECT count(*)::int AS written FROM written`;

/** TypeORM answers an UPDATE … RETURNING with [rows, affected count]. */
const returned = <T>(result: [T[], number]): T[] => result[0];

@Injectable()
export class ResponseImportsRepository {
  constructor(@InjectRepository(ResponseImportEntity) private readonly imports: Repository<ResponseImportEntity>) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.imports.manager.transaction(work);
  }

  /** How many unfinished imports (their file still stored) the workspace holds, and their bytes. */
  async pending(workspaceId: string, manager: EntityManager = this.imports.manager): Promise<{ imports: number; bytes: number }> {
    const row = await manager
      .getRepository(ResponseImportEntity)
      .createQueryBuilder('i')
      .select('count(*)::int', 'imports')
      .addSelect('coalesce(sum(i.byte_size), 0)::bigint', 'bytes')
      .where(`i.workspace_id = :workspaceId AND i.status IN ('previewing', 'running')`, { workspaceId })
      .getRawOne<{ imports: number; bytes: string }>();
    return { imports: row?.imports ?? 0, bytes: Number(row?.bytes ?? 0) };
  }

  /**
   * The import and the uploaded file's bytes (in RESPONSE_IMPORT_LIMITS.chunkBytes pieces, read from disk one at a time),
   * or null when the workspace's unfinished imports would exceed the quota. The quota check and the insert hold the
   * workspace's advisory lock, so two uploads at once cannot both pass it.
   */
  async create(
    workspaceId: string,
    surveyId: string,
    upload: { fileName: string; path: string; size: number },
    summary: HistoryFileSummary,
    quota: { imports: number; bytes: number },
  ): Promise<ResponseImportRecord | null> {
    return this.imports.manager.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('response-import-quota:' || $1))`, [workspaceId]);
      const pending = await this.pending(workspaceId, manager);
      if (pending.imports + 1 > quota.imports || pending.bytes + upload.size > quota.bytes) return null;
      const imports = manager.getRepository(ResponseImportEntity);
      const { identifiers } = await imports.insert({
        workspaceId,
        surveyId,
        fileName: upload.fileName,
        encoding: summary.encoding,
        delimiter: summary.delimiter,
        headers: summary.headers,
        preview: summary.preview,
        byteSize: upload.size,
        totalRows: summary.totalRows,
      });
      const id = identifiers[0].id as string;
      const chunks = manager.getRepository(ResponseImportChunkEntity);
      let seq = 0;
      for await (const data of createReadStream(upload.path, { highWaterMark: RESPONSE_IMPORT_LIMITS.chunkBytes })) {
        await chunks.insert({ workspaceId, importId: id, seq: seq++, data: data as Buffer });
      }
      return (await imports.findOne({ select: RECORD_COLUMNS, where: { workspaceId, id } }))!;
    });
  }

  find(workspaceId: string, surveyId: string, id: string): Promise<ResponseImportRecord | null> {
    return this.imports.findOne({ select: RECORD_COLUMNS, where: { workspaceId, surveyId, id } });
  }

  list(workspaceId: string, surveyId: string, limit: number): Promise<ResponseImportRecord[]> {
    return this.imports.find({
      select: RECORD_COLUMNS,
      where: { workspaceId, surveyId },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: limit,
    });
  }

  /** The file's pieces in order, one query each, so at most one piece is in memory at a time. */
  async *chunks(workspaceId: string, importId: string): AsyncGenerator<Buffer> {
    for (let seq = 0; ; seq++) {
      const chunk = await this.imports.manager
        .getRepository(ResponseImportChunkEntity)
        .findOne({ select: { data: true }, where: { workspaceId, importId, seq } });
      if (!chunk) return;
      yield chunk.data;
    }
  }

  /** previewing → running, once: false when it is not (or no longer) previewing. */
  async markStarted(workspaceId: string, id: string, mapping: string[], createCases: boolean): Promise<boolean> {
    const result = await this.imports.update(
      { workspaceId, id, status: 'previewing' },
      { status: 'running', mapping, createCases, startedAt: () => 'now()' },
    );
    return result.affected === 1;
  }

  /**
   * Takes (or renews) the right to run an import for a while; null when another live process holds it.
   * Hand-written: the lease check and the record it returns must be one statement (UPDATE … RETURNING).
   */
  async claim(workspaceId: string, id: string, owner: string, leaseSeconds: number): Promise<ResponseImportRecord | null> {
    const rows = returned<ResponseImportRecord>(
      await this.imports.query(
        `UPDATE response_imports SET lease_owner = $3, lease_until = now() + make_interval(secs => $4)
        WHERE workspace_id = $1 AND id = $2 AND status = 'running'
          AND (lease_owner IS NULL OR lease_owner = $3 OR lease_until < now())
        RETURNING ${COLUMNS}`,
        [workspaceId, id, owner, leaseSeconds],
      ),
    );
    return rows[0] ?? null;
  }

  /** Extends the lease of a run still in progress; false when this process no longer holds it. */
  async renewLease(workspaceId: string, id: string, owner: string, leaseSeconds: number): Promise<boolean> {
    const result = await this.imports
      .createQueryBuilder()
      .update()
      .set({ leaseUntil: () => 'now() + make_interval(secs => :leaseSeconds)' })
      .where('workspace_id = :workspaceId AND id = :id AND lease_owner = :owner AND status = :running', {
        workspaceId,
        id,
        owner,
        running: 'running',
      })
      .setParameters({ leaseSeconds })
      .execute();
    return result.affected === 1;
  }

  async storedErrorCount(workspaceId: string, importId: string): Promise<number> {
    return this.imports.manager.getRepository(ResponseImportErrorEntity).countBy({ workspaceId, importId });
  }

  /** Writes a batch's responses (a row already there, by idempotency key, is skipped); returns how many were new. */
  async insertResponses(
    manager: EntityManager,
    target: { workspaceId: string; surveyId: string; surveyVersion: number; scaleMax: number | null; meta: Record<string, string> },
    rows: (HistoryRow & { verified: boolean })[],
  ): Promise<number> {
    if (rows.length === 0) return 0;
    // In key order, whatever the file's: two imports at once take the unique index's locks in one order (no deadlock).
    rows = [...rows].sort((a, b) => (a.idempotencyKey < b.idempotencyKey ? -1 : a.idempotencyKey > b.idempotencyKey ? 1 : 0));
    const [{ written }] = (await manager.query(INSERT_RESPONSES, [
      target.workspaceId,
      target.surveyId,
      target.surveyVersion,
      target.scaleMax,
      JSON.stringify(target.meta),
      rows.map((r) => r.idempotencyKey),
      rows.map((r) => r.respondentId),
      rows.map((r) => r.customerId),
      rows.map((r) => r.answers),
      rows.map((r) => r.score),
      rows.map((r) => r.comment),
      rows.map((r) => r.language),
      rows.map((r) => r.createdAt),
      rows.map((r) => r.verified),
    ])) as { written: number }[];
    return written;
  }

  /**
   * Records one batch inside the transaction that wrote its responses: its errors, the counters and the watermark, and
   * renews the lease. False (and the caller rolls back) when the lease was lost to another process.
   */
  async commitBatch(
    manager: EntityManager,
    workspaceId: string,
    id: string,
    owner: string,
    leaseSeconds: number,
    batch: { nextPosition: number; rowsDone: number; imported: number; duplicates: number; failed: number; errors: StoredProblem[] },
  ): Promise<boolean> {
    if (batch.errors.length > 0) {
      const ordinals = new Map<number, number>();
      const ordinal = (position: number) => {
        const next = (ordinals.get(position) ?? -1) + 1;
        ordinals.set(position, next);
        return next;
      };
      await manager.query(
        `INSERT INTO response_import_errors (workspace_id, import_id, position, ordinal, row_number, column_name, field, code, value, message)
         SELECT $1::uuid, $2::uuid, * FROM unnest($3::int[], $4::smallint[], $5::int[], $6::text[], $7::varchar[], $8::varchar[], $9::text[], $10::text[])`,
        [
          workspaceId,
          id,
          batch.errors.map((e) => e.position),
          batch.errors.map((e) => ordinal(e.position)),
          batch.errors.map((e) => e.row),
          batch.errors.map((e) => e.column),
          batch.errors.map((e) => e.field),
          batch.errors.map((e) => e.code),
          batch.errors.map((e) => e.value),
          batch.errors.map((e) => e.message),
        ],
      );
    }
    const result = await manager
      .getRepository(ResponseImportEntity)
      .createQueryBuilder()
      .update()
      .set({
        nextPosition: batch.nextPosition,
        rowsDone: () => 'rows_done + :rowsDone',
        imported: () => 'imported + :imported',
        duplicates: () => 'duplicates + :duplicates',
        failed: () => 'failed + :failed',
        leaseUntil: () => 'now() + make_interval(secs => :leaseSeconds)',
      })
      .where('workspace_id = :workspaceId AND id = :id AND lease_owner = :owner AND status = :running', {
        workspaceId,
        id,
        owner,
        running: 'running',
      })
      .setParameters({
        rowsDone: batch.rowsDone,
        imported: batch.imported,
        duplicates: batch.duplicates,
        failed: batch.failed,
        leaseSeconds,
      })
      .execute();
    return result.affected === 1;
  }

  /** Ends an import and frees the file's bytes (the preview stays in the import row). */
  async finish(workspaceId: string, id: string, owner: string, status: 'done' | 'failed', message: string | null): Promise<void> {
    await this.imports.manager.transaction(async (manager) => {
      const result = await manager
        .getRepository(ResponseImportEntity)
        .update(
          { workspaceId, id, leaseOwner: owner, status: 'running' },
          { status, message, finishedAt: () => 'now()', leaseOwner: null, leaseUntil: null },
        );
      if (result.affected === 1) await manager.getRepository(ResponseImportChunkEntity).delete({ workspaceId, importId: id });
    });
  }

  /**
   * Uploads never started within `hours` end as failed and lose their stored bytes (the preview stays). One statement:
   * the status change and the delete of the pieces commit together. Returns how many expired.
   */
  async expirePreviews(hours: number, message: string): Promise<number> {
    const [{ expired }] = (await this.imports.query(
      `WITH expired AS (
         UPDATE response_imports SET status = 'failed', message = $2, finished_at = now()
          WHERE status = 'previewing' AND created_at < now() - make_interval(hours => $1)
          RETURNING workspace_id, id
       ), dropped AS (
         DELETE FROM response_import_chunks c USING expired e WHERE c.workspace_id = e.workspace_id AND c.import_id = e.id
       ) SELECT count(*)::int AS expired FROM expired`,
      [hours, message],
    )) as { expired: number }[];
    return expired;
  }

  /** Gives an unfinished import back (on shutdown), so the next process resumes it at once. */
  async release(workspaceId: string, id: string, owner: string): Promise<void> {
    await this.imports.update({ workspaceId, id, leaseOwner: owner }, { leaseOwner: null, leaseUntil: null });
  }

  /** Running imports nobody works on (never claimed, released, or whose process died): the runner resumes them. */
  orphans(): Promise<Pick<ResponseImportEntity, 'workspaceId' | 'id'>[]> {
    return this.imports
      .createQueryBuilder('i')
      .select(['i.workspaceId', 'i.id'])
      .where(`i.status = 'running' AND (i.lease_until IS NULL OR i.lease_until < now())`)
      .orderBy('i.started_at', 'ASC')
      .limit(20)
      .getMany();
  }

  async errors(
    workspaceId: string,
    id: string,
    limit: number,
    offset: number,
  ): Promise<{ items: Omit<StoredProblem, 'position'>[]; total: number }> {
    const [rows, total] = await this.imports.manager.getRepository(ResponseImportErrorEntity).findAndCount({
      select: { rowNumber: true, columnName: true, field: true, code: true, value: true, message: true },
      where: { workspaceId, importId: id },
      order: { position: 'ASC', ordinal: 'ASC' },
      take: limit,
      skip: offset,
    });
    const items = rows.map((e) => ({
      row: e.rowNumber,
      column: e.columnName,
      field: e.field as StoredProblem['field'],
      code: e.code,
      value: e.value,
      message: e.message,
    }));
    return { items, total };
  }
}
