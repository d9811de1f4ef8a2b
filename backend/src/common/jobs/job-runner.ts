import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { Job } from './job';
import { JobLease } from './job-lease';

/** Default cap of the pause after repeated failures (unless the interval itself is longer). */
const MAX_BACKOFF_MS = 60_000;

interface Slot {
  job: Job;
  timer: NodeJS.Timeout | null;
  /** The turn under way; at most one per job and process. */
  current: Promise<void> | null;
  /** A wake-up arrived during the turn: run again right after it. */
  again: boolean;
  failures: number;
  started: boolean;
}

/**
 * Runs every background job of the process (see Job): one turn at a time per job, the next one `intervalMs` after
 * the last ended, sooner on `wake(name)`, later after failures (the pause doubles up to a cap), under the job's
 * advisory-lock lease when it asks for one. At shutdown it stops scheduling, aborts the turns' signal, awaits the
 * turns under way and the jobs' drains, so the database pool is not closed beneath them.
 */
@Injectable()
export class JobRunner implements OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly slots = new Map<string, Slot>();
  private readonly shutdown = new AbortController();

  constructor(
    private readonly lease: JobLease,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'backgroundJobs'>,
  ) {}

  /** Registers a job (for `runNow`) and starts its schedule unless background jobs are off here. */
  schedule(job: Job): void {
    if (this.slots.has(job.name)) throw new Error(`job ${job.name} is registered twice`);
    const slot: Slot = { job, timer: null, current: null, again: false, failures: 0, started: false };
    this.slots.set(job.name, slot);
    if (this.shutdown.signal.aborted || !(this.config.backgroundJobs || job.always)) return;
    slot.started = true;
    this.plan(slot, job.runAtStart ? 0 : job.intervalMs);
  }

  /** Run the job soon (new work was queued) instead of at its next interval; a no-op where it is not scheduled. */
  wake(name: string): void {
    const slot = this.slots.get(name);
    if (!slot?.started || this.shutdown.signal.aborted) return;
    if (slot.current) slot.again = true;
    else this.plan(slot, 0);
  }

  /** One turn now, awaited, errors thrown (tests, admin actions); waits for a turn under way first. */
  async runNow(name: string): Promise<void> {
    const slot = this.slots.get(name);
    if (!slot) throw new Error(`no job named ${name}`);
    while (slot.current) await slot.current.catch(() => undefined);
    let failure: unknown;
    await this.track(
      slot,
      this.turn(slot)
        .catch((error: unknown) => (failure = error))
        .then(() => undefined),
    );
    if (failure) throw failure;
  }

  /** Stops scheduling, then awaits the turns under way and the jobs' drains. */
  async onApplicationShutdown(): Promise<void> {
    this.shutdown.abort();
    for (const slot of this.slots.values()) {
      if (slot.timer) clearTimeout(slot.timer);
      slot.timer = null;
    }
    await Promise.allSettled([...this.slots.values()].map((slot) => slot.current));
    await Promise.allSettled([...this.slots.values()].map((slot) => slot.job.drain?.()));
  }

  private plan(slot: Slot, delayMs: number): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = setTimeout(() => this.fire(slot), delayMs);
    slot.timer.unref();
  }

  private fire(slot: Slot): void {
    slot.timer = null;
    if (this.shutdown.signal.aborted) return;
    if (slot.current) {
      slot.again = true;
      return;
    }
    const run = this.turn(slot).then(
      () => (slot.failures = 0),
      (error: unknown) => {
        slot.failures += 1;
        this.logger.warn(`${slot.job.name} failed (${slot.failures} in a row): ${(error as Error)?.message ?? error}`);
      },
    );
    void this.track(
      slot,
      run.then(() => undefined),
    );
  }

  /** Marks the turn as under way; when it ends, plans the next one. */
  private async track(slot: Slot, run: Promise<void>): Promise<void> {
    slot.current = run;
    try {
      await run;
    } finally {
      slot.current = null;
      if (slot.started && !this.shutdown.signal.aborted) {
        const again = slot.again;
        slot.again = false;
        this.plan(slot, again ? 0 : this.pause(slot));
      }
    }
  }

  /** The interval, doubled for each failure in a row after the first, up to the cap. */
  private pause(slot: Slot): number {
    const { intervalMs, maxBackoffMs } = slot.job;
    if (slot.failures <= 1) return intervalMs;
    const cap = maxBackoffMs ?? Math.max(intervalMs, MAX_BACKOFF_MS);
    return Math.min(cap, intervalMs * 2 ** Math.min(slot.failures - 1, 30));
  }

  private async turn(slot: Slot): Promise<void> {
    const { job } = slot;
    const signal = this.shutdown.signal;
    if (!job.lease) return job.turn(signal);
    await this.lease.withLease(job.name, () => job.turn(signal));
  }
}
