/**
 * The rate limits every replica shares, on real PostgreSQL: two processes' limiters (two instances over one
 * database) pass exactly the limit together, whether spent one upsert at a time or in batches, and start over
 * with the next window.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '@otklik/backend/src/app.factory';
import { batchFor, SharedRateLimiters } from '@otklik/backend/src/common/rate-limits/shared-rate-limiters';
import { loadConfig } from '@otklik/backend/src/config/app-config';
import { createTestDatabase, type TestDatabase } from '../support/database';

let db: TestDatabase;
let app: NestExpressApplication;
let limiters: SharedRateLimiters;

beforeAll(async () => {
  db = await createTestDatabase();
  app = await createApp(
    loadConfig({ LOG_LEVEL: 'silent', LOG_FORMAT: 'json' }, { seedDemo: false, backgroundJobs: false, port: 0 }),
    db.url,
  );
  limiters = app.get(SharedRateLimiters);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

async function passed(consume: (i: number) => Promise<unknown>, attempts: number): Promise<number> {
  const outcomes = await Promise.all(
    Array.from({ length: attempts }, (_, i) =>
      consume(i).then(
        () => 1,
        () => 0,
      ),
    ),
  );
  return outcomes.reduce<number>((sum, n) => sum + n, 0);
}

describe('shared rate limits', () => {
  it('batches: two replicas hammering one key pass exactly the limit together, then refuse locally', async () => {
    const options = { keyPrefix: 'test-batched', points: 300, durationSeconds: 60 };
    const [one, two] = [limiters.batched(options), limiters.batched(options)];
    expect(one.batch).toBe(batchFor(300));
    expect(one.batch).toBe(6);
    expect(await passed((i) => (i % 2 ? one : two).consume('10.0.0.1'), 1_000)).toBe(300);
    // Another key has its own count.
    expect(await passed(() => one.consume('10.0.0.2'), 10)).toBe(10);
    // Refused with the time left in the window.
    const refusal = await one.consume('10.0.0.1').catch((e: { msBeforeNext: number }) => e);
    expect((refusal as { msBeforeNext: number }).msBeforeNext).toBeGreaterThan(50_000);
  });

  it('a replica strands at most batch − 1 points: spread thinly, the pair still passes at least limit − 2 × (batch − 1)', async () => {
    const options = { keyPrefix: 'test-thin', points: 100, durationSeconds: 60 };
    const [one, two] = [limiters.batched(options), limiters.batched(options)];
    expect(one.batch).toBe(2);
    let count = 0;
    // One at a time, alternating: each replica holds a half-spent batch now and then.
    for (let i = 0; i < 200; i++)
      count += await (i % 2 ? one : two).consume('k').then(
        () => 1,
        () => 0,
      );
    expect(count).toBeGreaterThanOrEqual(100 - 2 * (2 - 1));
    expect(count).toBeLessThanOrEqual(100);
  });

  it('exact: one upsert per point, and the next window starts over', async () => {
    const options = { keyPrefix: 'test-exact', points: 10, durationSeconds: 1 };
    const [one, two] = [limiters.exact(options), limiters.exact(options)];
    expect(await passed((i) => (i % 2 ? one : two).consume('acct'), 25)).toBe(10);
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await passed((i) => (i % 2 ? one : two).consume('acct'), 25)).toBe(10);
  });
});
