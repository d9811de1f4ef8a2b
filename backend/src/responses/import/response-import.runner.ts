import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { SurveysReader } from '../../surveys/surveys.reader';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { csvRecords, type DataRow, type HistoryEncoding, inSlices } from './history-csv';
import { fieldColumns, FieldColumns, historyRules, HistoryRow, HistoryRules, mapHistoryRow } from './history-row';
import type { ResponseColumnTarget } from './response-columns';
import { RESPONSE_IMPORT_LIMITS } from './response-import-limits';
import { ResponseImportRecord, ResponseImportsRepository, StoredProblem } from './response-imports.repository';

/** How long a claim on an import lasts without progress; a dead process's imports are resumed after it. */
const LEASE_SECONDS = 30;
/** How often a run renews its lease whatever it is doing (a resume re-reading the file commits nothing for a while). */
const HEARTBEAT_MS = 10_000;
class LeaseLost extends Error {}

/** One batch, checked: the rows to write, the problems to record, and where the watermark moves. */
interface PreparedBatch {
  valid: (HistoryRow & { verified: boolean })[];
  errors: StoredProblem[];
  failed: number;
  rowsDone: number;
  nextPosition: number;
}

/** What one import writes with every response. */
interface Target {
  record: ResponseImportRecord;
  rules: HistoryRules;
  columns: FieldColumns;
  surveyVersion: number;
  scaleMax: number | null;
  meta: Record<string, string>;
}

/**
 * Runs started history imports in the background: streams the stored file through the CSV parser and writes the rows
 * in batches, each batch one transaction holding its responses (one INSERT … SELECT FROM unnest), its row errors, the
 * counters and the watermark (the next row). So a batch is committed whole or not at all, progress moves per batch,
 * and a resumed import (after a restart, on any replica) re-reads the file and carries on after the last committed row.
 * The responses' own triggers keep the score rollups in the same transaction; the feedback-text sync and the case sync
 * pick the new rows up as they do live ones. Memory stays flat: one piece of the file and one batch at a time.
 * The parsing and checking run on the main thread in bounded slices (a turn of the event loop between them), one import
 * at a time per process (the others wait their turn); a heartbeat keeps the lease while the run is alive.
 */
@Injectable()
export class ResponseImportRunner implements OnModuleDestroy {
  private readonly logger = new Logger(ResponseImportRunner.name);
  private readonly owner = `${hostname().slice(0, 40)}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly active = new Map<string, Promise<void>>();
  /** The end of the last import queued here: runs go one after another, so one process parses one file at a time. */
  private queue: Promise<void> = Promise.resolve();
  private stopping = false;
  /** How often a run renews its lease (tests shorten it). */
  heartbeatMs = HEARTBEAT_MS;

  constructor(
    private readonly imports: ResponseImportsRepository,
    private readonly surveys: SurveysReader,
  ) {}

  /** Stops after the batch in hand and hands unfinished imports back, so the next process resumes them at once. */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled(this.active.values());
  }

  /** Resumes running imports that no live process holds. Returns how many it picked up. */
  async sweep(): Promise<number> {
    if (this.stopping) return 0;
    try {
      const orphans = await this.imports.orphans();
      for (const { workspaceId, id } of orphans) void this.kick(workspaceId, id);
      return orphans.length;
    } catch (error) {
      this.logger.warn({ err: error }, 'Could not look for unfinished response imports');
      return 0;
    }
  }

  /** Runs an import in this process unless it already does; resolves when this process is done with it. */
  kick(workspaceId: string, id: string): Promise<void> {
    if (this.stopping) return Promise.resolve();
    const running = this.active.get(id);
    if (running) return running;
    const work = this.queue
      .then(() => (this.stopping ? undefined : this.run(workspaceId, id)))
      .catch((error: unknown) => this.logger.error({ err: error, importId: id }, 'Response import crashed'))
      .finally(() => this.active.delete(id));
    this.active.set(id, work);
    this.queue = work;
    return work;
  }

  private async run(workspaceId: string, id: string): Promise<void> {
    const record = await this.imports.claim(workspaceId, id, this.owner, LEASE_SECONDS);
    if (!record) return; // finished, or another live process has it
    const lease = { lost: false };
    const heartbeat = setInterval(() => {
      this.imports
        .renewLease(workspaceId, id, this.owner, LEASE_SECONDS)
        .then((held) => (lease.lost ||= !held))
        .catch((error: unknown) => this.logger.warn({ err: error, importId: id }, 'Could not renew a response import lease'));
    }, this.heartbeatMs);
    heartbeat.unref();
    // The batch being written while the next is prepared (see write below); awaited before the import is finished.
    const pipe: { writing: Promise<void> | null } = { writing: null };
    try {
      const survey = await this.surveys.findById(workspaceId, record.surveyId);
      if (!survey) return await this.imports.finish(workspaceId, id, this.owner, 'failed', 'The survey was deleted.');
      const rules = historyRules(survey.id, survey.languages, survey.questions, record.startedAt ?? new Date());
      const target: Target = {
        record,
        rules,
        columns: fieldColumns((record.mapping ?? []) as ResponseColumnTarget[]),
        surveyVersion: survey.currentVersion,
        scaleMax: rules.scoreQuestion?.max ?? null,
        // Marks the rows as history: where they came from, and whether the case sync may open cases for them.
        meta: { historyImport: id, ...(record.createCases ? {} : { cases: 'off' }) },
      };
      let storedErrors = await this.imports.storedErrorCount(workspaceId, id);
      let batch: DataRow[] = [];
      // One batch is written while the next is parsed and checked: the CPU work of the file hides behind the database's.
      // Writes stay one at a time and in file order, so the watermark only moves forward.
      const write = async (rows: DataRow[]) => {
        const prepared = await this.prepare(target, rows, storedErrors);
        storedErrors += prepared.errors.length;
        if (pipe.writing) await pipe.writing;
        pipe.writing = this.commit(target, prepared);
        pipe.writing.catch(() => undefined); // awaited before the next write or at the end; no unhandled rejection meanwhile
      };
      const rows = csvRecords(inSlices(this.imports.chunks(workspaceId, id), RESPONSE_IMPORT_LIMITS.parseSliceBytes), {
        encoding: record.encoding as HistoryEncoding,
        delimiter: record.delimiter,
      });
      for await (const item of rows) {
        if (lease.lost) throw new LeaseLost();
        if ('header' in item || item.position < record.nextPosition) continue;
        batch.push(item);
        if (batch.length < RESPONSE_IMPORT_LIMITS.batchRows) continue;
        await write(batch);
        batch = [];
        if (this.stopping) {
          await rows.return(undefined);
          await pipe.writing;
          return await this.imports.release(workspaceId, id, this.owner);
        }
      }
      if (batch.length > 0) await write(batch);
      await pipe.writing;
      await this.imports.finish(workspaceId, id, this.owner, 'done', null);
    } catch (error) {
      if (error instanceof LeaseLost) return; // another process took over; it finishes the import
      // The batch in flight commits (or fails) before the import ends: finishing first would make it lose its lease
      // and roll back rows the message says are kept.
      await pipe.writing?.catch(() => undefined);
      this.logger.error({ err: error, importId: id }, 'Response import failed');
      const readable = (error as { code?: string }).code?.startsWith('CSV_');
      await this.imports.finish(
        workspaceId,
        id,
        this.owner,
        'failed',
        readable
          ? `The file could not be read further: ${(error as Error).message}. Rows before it are kept.`
          : 'The import stopped on an unexpected error; rows stored before it are kept. Start a new import of the same file to finish it: rows already imported are skipped.',
      );
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** Checks one batch's rows and links their customers: what its transaction writes. */
  private async prepare(target: Target, batch: DataRow[], storedErrors: number): Promise<PreparedBatch> {
    const { record, rules, columns } = target;
    const valid: (HistoryRow & { verified: boolean })[] = [];
    const errors: StoredProblem[] = [];
    let failed = 0;
    for (const [index, source] of batch.entries()) {
      if (index % RESPONSE_IMPORT_LIMITS.mapSliceRows === RESPONSE_IMPORT_LIMITS.mapSliceRows - 1) await nextTurn();
      const mapped = mapHistoryRow(source.values, columns, rules);
      if (!Array.isArray(mapped)) {
        valid.push({ ...mapped, verified: false });
        continue;
      }
      failed += 1;
      for (const problem of mapped) {
        if (storedErrors + errors.length >= RESPONSE_IMPORT_LIMITS.storedErrors) break;
        const column = problem.field === 'row' ? undefined : columns[problem.field];
        errors.push({
          ...problem,
          position: source.position,
          row: source.row,
          column: column === undefined ? null : record.headers[column],
        });
      }
    }
    // A customer id in the file is kept but proves nothing, as an unproven live one (no identity hash, no signed
    // invitation): an analyst's file must not speak for a customer with a verified answer. No customer is created.
    return { valid, errors, failed, rowsDone: batch.length, nextPosition: batch[batch.length - 1].position + 1 };
  }

  /** Writes one batch in one transaction: its responses, its row errors, the counters and the watermark. */
  private async commit(target: Target, batch: PreparedBatch): Promise<void> {
    const { record } = target;
    const { valid, errors, failed } = batch;
    await this.imports.transaction(async (manager) => {
      const written = await this.imports.insertResponses(
        manager,
        {
          workspaceId: record.workspaceId,
          surveyId: record.surveyId,
          surveyVersion: target.surveyVersion,
          scaleMax: target.scaleMax,
          meta: target.meta,
        },
        valid,
      );
      const committed = await this.imports.commitBatch(manager, record.workspaceId, record.id, this.owner, LEASE_SECONDS, {
        nextPosition: batch.nextPosition,
        rowsDone: batch.rowsDone,
        imported: written,
        duplicates: valid.length - written,
        failed,
        errors,
      });
      if (!committed) throw new LeaseLost();
    });
  }
}
