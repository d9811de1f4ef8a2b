/**
 * The rate limits every replica shares, on real PostgreSQL: two processes' limiters (two instances over one
 * database) pass exactly the limit together, whether spent one upsert at a time or in batches, and start over
 * with the next window.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '@otklik/backend/src/app.factory';
import { RateLimitSweepJob } from '@otklik/backend/src/common/rate-limits/rate-limit-sweep.job';
import { batchFor, SharedRateLimiters } from '@otklik/backend/src/common/rate-limits/shared-rate-limiters';
import { SharedThrottlerStorage } from '@otklik/backend/src/common/rate-limits/shared-throttler-storage';
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

  it("the sign-in throttle per IP: two replicas' storages block at the same hit", async () => {
    const [one, two] = [new SharedThrottlerStorage(limiters), new SharedThrottlerStorage(limiters)];
    const hits = [];
    for (let i = 0; i < 5; i++) hits.push(await (i % 2 ? one : two).increment('ip-hash', 60_000, 3, 60_000, 'default'));
    expect(hits.map((h) => [h.totalHits, h.isBlocked])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, true],
      [5, true],
    ]);
    expect(hits[4].timeToBlockExpire).toBeGreaterThan(50);
    expect(hits[4].timeToBlockExpire).toBeLessThanOrEqual(60);
  });

  it('the sweep deletes spent windows only', async () => {
    const spent = limiters.exact({ keyPrefix: 'test-sweep-spent', points: 5, durationSeconds: 1 });
    const live = limiters.exact({ keyPrefix: 'test-sweep-live', points: 5, durationSeconds: 600 });
    await spent.consume('x');
    await live.consume('x');
    // The sweep keeps a spent window one more minute: rather than wait that long, the spent row's end is moved
    // back two minutes.
    const sql = app.get(DataSource);
    await sql.query(`UPDATE rate_limits SET expire = expire - 120000 WHERE key = 'test-sweep-spent:x'`);
    await app.get(RateLimitSweepJob).turn();
    const rows: { key: string }[] = await sql.query(`SELECT key FROM rate_limits WHERE key LIKE 'test-sweep-%' ORDER BY key`);
    expect(rows.map((r) => r.key)).toEqual(['test-sweep-live:x']);
  });
});
