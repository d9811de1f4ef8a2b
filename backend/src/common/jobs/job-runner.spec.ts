import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Job } from './job';
import { JobLease } from './job-lease';
import { JobRunner } from './job-runner';

/** A lease held in memory by one "process" at a time, shared by runners like the advisory lock is. */
class MemoryLease extends JobLease {
  constructor(private readonly held: Set<string>) {
    super();
  }

  async withLease(name: string, work: () => Promise<void>): Promise<boolean> {
    if (this.held.has(name)) return false;
    this.held.add(name);
    try {
      await work();
    } finally {
      this.held.delete(name);
    }
    return true;
  }
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => undefined as void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

function job(overrides: Partial<Job> & { turn: Job['turn'] }): Job {
  return { name: 'test-job', intervalMs: 1_000, ...overrides };
}

const runnerWith = (lease: JobLease = new MemoryLease(new Set()), backgroundJobs = true) => new JobRunner(lease, { backgroundJobs });

describe('JobRunner', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs a turn every interval, first after one interval unless asked to run at start', async () => {
    const runner = runnerWith();
    const turns: string[] = [];
    runner.schedule(job({ name: 'later', intervalMs: 1_000, turn: async () => void turns.push('later') }));
    runner.schedule(job({ name: 'now', intervalMs: 1_000, runAtStart: true, turn: async () => void turns.push('now') }));
    await vi.advanceTimersByTimeAsync(0);
    expect(turns).toEqual(['now']);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(turns.sort()).toEqual(['later', 'now', 'now']);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(turns.filter((t) => t === 'later')).toHaveLength(3);
    await runner.onApplicationShutdown();
  });

  it('does not schedule where background jobs are off, unless the job runs always; runNow still runs one turn', async () => {
    const runner = runnerWith(undefined, false);
    let off = 0;
    let always = 0;
    runner.schedule(job({ name: 'off', runAtStart: true, turn: async () => void off++ }));
    runner.schedule(job({ name: 'always', runAtStart: true, always: true, turn: async () => void always++ }));
    runner.wake('off');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(off).toBe(0);
    expect(always).toBeGreaterThan(1);
    await runner.runNow('off');
    expect(off).toBe(1);
    await runner.onApplicationShutdown();
  });

  it('wake runs the job at once, and once more right after a turn under way', async () => {
    const runner = runnerWith();
    const gate = deferred();
    let turns = 0;
    runner.schedule(
      job({
        intervalMs: 60_000,
        turn: async () => {
          turns++;
          if (turns === 1) await gate.promise;
        },
      }),
    );
    runner.wake('test-job');
    await vi.advanceTimersByTimeAsync(0);
    expect(turns).toBe(1);
    // Woken twice during the turn: one more turn right after it, not two, and none stacked on the running one.
    runner.wake('test-job');
    runner.wake('test-job');
    await vi.advanceTimersByTimeAsync(0);
    expect(turns).toBe(1);
    gate.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(turns).toBe(2);
    // Then back to the interval.
    await vi.advanceTimersByTimeAsync(59_000);
    expect(turns).toBe(2);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(turns).toBe(3);
    await runner.onApplicationShutdown();
  });

  it('retries a failing job after the interval, then with a doubling pause up to the cap, and resets after a success', async () => {
    const runner = runnerWith();
    const at: number[] = [];
    let fail = true;
    const start = Date.now();
    runner.schedule(
      job({
        intervalMs: 1_000,
        maxBackoffMs: 5_000,
        turn: async () => {
          at.push(Date.now() - start);
          if (fail) throw new Error('database away');
        },
      }),
    );
    await vi.advanceTimersByTimeAsync(1_000 + 1_000 + 2_000 + 4_000 + 5_000 + 5_000);
    // Turns at 1 s (fails), then pauses of 1, 2, 4 s and the 5 s cap.
    expect(at).toEqual([1_000, 2_000, 4_000, 8_000, 13_000, 18_000]);
    fail = false;
    await vi.advanceTimersByTimeAsync(5_000); // the last pause was the cap: this turn succeeds
    await vi.advanceTimersByTimeAsync(1_000); // and the next comes one interval later
    expect(at.slice(-2)).toEqual([23_000, 24_000]);
    await runner.onApplicationShutdown();
  });

  it('runs a leased job in one runner at a time: the other skips its turn without counting a failure', async () => {
    const held = new Set<string>();
    const a = runnerWith(new MemoryLease(held));
    const b = runnerWith(new MemoryLease(held));
    const gate = deferred();
    const ran: string[] = [];
    a.schedule(
      job({
        lease: true,
        intervalMs: 1_000,
        turn: async () => {
          ran.push('a');
          await gate.promise;
        },
      }),
    );
    b.schedule(job({ lease: true, intervalMs: 1_000, turn: async () => void ran.push('b') }));
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(ran).toEqual(['a']); // b tried at 1 s, 2 s and 3 s while a held the lease
    gate.resolve();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(ran).toContain('b');
    await Promise.all([a.onApplicationShutdown(), b.onApplicationShutdown()]);
  });

  it('at shutdown stops scheduling, aborts the signal, awaits the turn under way and then the drain', async () => {
    const runner = runnerWith();
    const gate = deferred();
    const events: string[] = [];
    let seen: AbortSignal | undefined;
    runner.schedule(
      job({
        runAtStart: true,
        turn: async (signal) => {
          seen = signal;
          events.push('turn');
          await gate.promise;
          events.push(`turn done (aborted: ${signal.aborted})`);
        },
        drain: async () => void events.push('drain'),
      }),
    );
    await vi.advanceTimersByTimeAsync(0);
    let stopped = false;
    const stopping = runner.onApplicationShutdown().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(seen?.aborted).toBe(true);
    expect(stopped).toBe(false);
    runner.wake('test-job');
    gate.resolve();
    await stopping;
    expect(events).toEqual(['turn', 'turn done (aborted: true)', 'drain']);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(events.filter((e) => e === 'turn')).toHaveLength(1);
  });

  it('runNow waits for the turn under way, runs one more and throws its error', async () => {
    const runner = runnerWith();
    const gate = deferred();
    let turns = 0;
    runner.schedule(
      job({
        runAtStart: true,
        turn: async () => {
          turns++;
          if (turns === 1) await gate.promise;
          if (turns === 2) throw new Error('boom');
        },
      }),
    );
    await vi.advanceTimersByTimeAsync(0);
    const now = runner.runNow('test-job');
    const outcome = now.catch((error: Error) => error.message);
    await vi.advanceTimersByTimeAsync(0);
    expect(turns).toBe(1);
    gate.resolve();
    expect(await outcome).toBe('boom');
    expect(turns).toBe(2);
    await runner.onApplicationShutdown();
  });

  it('refuses two jobs with one name', () => {
    const runner = runnerWith();
    runner.schedule(job({ turn: async () => undefined }));
    expect(() => runner.schedule(job({ turn: async () => undefined }))).toThrow(/twice/);
    return runner.onApplicationShutdown();
  });
});
