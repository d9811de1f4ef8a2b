import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { CustomersService } from '../customers.service';
import type { ColumnTarget } from './column-mapping';
import { CustomerImportsRepository, ImportRecord, StoredError } from './customer-imports.repository';
import { IMPORT_LIMITS } from './import-limits';
import { checkRow, mappingContext, prepareRows, rowErrors } from './import-rows';

/** How long a claim on an import lasts without progress; a dead process's imports are resumed after it. */
const LEASE_SECONDS = 30;
class LeaseLost extends Error {}

/**
 * Runs started imports in the background, in chunks of rows. Each chunk goes through the customers bulk upsert
 * inside one transaction that also records its errors, counters and the next row, so a chunk is committed whole
 * or not at all and a resumed import carries on exactly after the last committed chunk. Any replica may run an
 * import: a lease in the row says who does, and imports whose lease ran out (their process died) are resumed
 * by the sweep (CustomerImportSweepJob) at start-up and every few seconds.
 */
@Injectable()
export class CustomerImportRunner implements OnModuleDestroy {
  private readonly logger = new Logger(CustomerImportRunner.name);
  private readonly owner = `${hostname().slice(0, 40)}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly active = new Map<string, Promise<void>>();
  private stopping = false;

  constructor(
    private readonly imports: CustomerImportsRepository,
    private readonly customers: CustomersService,
  ) {}

  /**
   * Stops after the chunk in hand and hands unfinished imports back, so the next process resumes them at once. A sweep
   * still under way (awaited by the job runner later) starts nothing more: see kick.
   */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled(this.active.values());
  }

  /** Resumes running imports that no live process holds. Returns how many it picked up. */
  async sweep(): Promise<number> {
    if (this.stopping) return 0;
    try {
      const orphans = await this.imports.orphans();
      for (const { workspaceId, id } of orphans) this.kick(workspaceId, id);
      return orphans.length;
    } catch (error) {
      this.logger.warn({ err: error }, 'Could not look for unfinished customer imports');
      return 0;
    }
  }

  /** Runs an import in this process unless it already does; resolves when this process is done with it. */
  kick(workspaceId: string, id: string): Promise<void> {
    // Shutting down: the import stays 'running' without a live lease, and the next process's sweep resumes it.
    if (this.stopping) return Promise.resolve();
    const running = this.active.get(id);
    if (running) return running;
    const work = this.run(workspaceId, id)
      .catch((error: unknown) => this.logger.error({ err: error, importId: id }, 'Customer import crashed'))
      .finally(() => this.active.delete(id));
    this.active.set(id, work);
    return work;
  }

  private async run(workspaceId: string, id: string): Promise<void> {
    const record = await this.imports.claim(workspaceId, id, this.owner, LEASE_SECONDS);
    if (!record) return; // finished, or another live process has it
    const targets = (record.mapping ?? []) as ColumnTarget[];
    const ctx = mappingContext(record.fileName, record.startedAt);
    let position = record.nextPosition;
    try {
      for (;;) {
        if (this.stopping) {
          await this.imports.release(workspaceId, id, this.owner);
          return;
        }
        const done = await this.runChunk(record, targets, ctx, position);
        if (done === null) break;
        position = done;
      }
      await this.imports.finish(workspaceId, id, this.owner, 'completed', null);
    } catch (error) {
      if (error instanceof LeaseLost) return; // another process took over; it finishes the import
      this.logger.error({ err: error, importId: id }, 'Customer import failed');
      await this.imports.finish(
        workspaceId,
        id,
        this.owner,
        'failed',
        'The import stopped on an unexpected error; rows stored before it are kept. Try again.',
      );
    }
  }

  /** Stores one chunk; returns the next position, or null when no rows are left. */
  private async runChunk(
    record: ImportRecord,
    targets: ColumnTarget[],
    ctx: ReturnType<typeof mappingContext>,
    position: number,
  ): Promise<number | null> {
    const { workspaceId, id } = record;
    return this.imports.transaction(async (manager) => {
      const rows = await this.imports.rows(workspaceId, id, position, IMPORT_LIMITS.chunkRows, manager);
      if (rows.length === 0) return null;
      const prepared = prepareRows(rows, targets, ctx);
      const errors: StoredError[] = [];
      const failedRows = new Set<number>();
      // Rows with problems of the file itself (unreadable numbers, cells outside the header) are reported, not sent.
      const sendable: typeof prepared = [];
      for (const p of prepared) {
        if (p.mapped.problems.length === 0) {
          sendable.push(p);
          continue;
        }
        const checked = await checkRow(p, this.customers);
        errors.push(...rowErrors(p, checked.problems, record.headers, checked.externalId));
        failedRows.add(p.source.position);
      }
      const result = await this.customers.bulkUpsert(
        workspaceId,
        sendable.map((p) => p.mapped.candidate),
        manager,
      );
      for (const error of result.errors) {
        const p = sendable[error.index];
        errors.push(...rowErrors(p, [error], record.headers, error.externalId));
        failedRows.add(p.source.position);
      }
      errors.sort((a, b) => a.position - b.position);
      const next = rows[rows.length - 1].position + 1;
      const committed = await this.imports.commitChunk(manager, workspaceId, id, this.owner, LEASE_SECONDS, {
        nextPosition: next,
        processed: rows.length,
        created: result.created,
        updated: result.updated,
        failed: failedRows.size,
        errors,
      });
      if (!committed) throw new LeaseLost();
      return next;
    });
  }
}
