// What a shared rate limit costs per request on one hot key (every widget request of a survey hits the same counter):
// in memory (one process only) vs one PostgreSQL upsert per request vs the edge's batches; and what two "replicas"
// (two limiters on one table) pass together of a 300 limit under a burst. Needs `npm run build` (the backend's dist).
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, root } from './lib/server.mjs';

const require = createRequire(join(root, 'backend', 'package.json'));
const dist = join(root, 'backend', 'dist', 'backend', 'src');
const { startEmbeddedPostgres } = require(join(dist, 'database', 'embedded-postgres.launcher.js'));
const { dataSourceOptions } = require(join(dist, 'database', 'data-source-options.js'));
const { BatchedRateLimiter } = require(join(dist, 'common', 'rate-limits', 'batched-rate-limiter.js'));
const { batchFor } = require(join(dist, 'common', 'rate-limits', 'shared-rate-limiters.js'));
const { DataSource } = require('typeorm');
const { RateLimiterMemory, RateLimiterPostgres } = require('rate-limiter-flexible');

const CALLERS = 32;
const MS = Number(process.env.BENCH_SECONDS ?? 4) * 1000;

async function perSecond(consume) {
  const end = performance.now() + MS;
  let n = 0;
  await Promise.all(
    Array.from({ length: CALLERS }, async () => {
      while (performance.now() < end) {
        await consume();
        n++;
      }
    }),
  );
  return Math.round(n / (MS / 1000));
}

export default async function run() {
  const pgData = mkdtempSync(join(tmpdir(), 'otklik-bench-limits-'));
  chmodSync(pgData, 0o755);
  const pg = await startEmbeddedPostgres({ pgData, port: await freePort() });
  const ds = new DataSource({ ...dataSourceOptions(pg.url), extra: { max: 10 } });
  try {
    await ds.initialize();
    const shared = (keyPrefix, points) =>
      new RateLimiterPostgres({
        storeClient: ds.driver.master,
        storeType: 'pool',
        tableName: 'rate_limits',
        tableCreated: true,
        clearExpiredByTimeout: false,
        keyPrefix,
        points,
        duration: 60,
      });
    const points = 100_000_000;
    const memory = new RateLimiterMemory({ points, duration: 60 });
    const exact = shared('bench-exact', points);
    const batched = new BatchedRateLimiter(shared('bench-batched', points), batchFor(points));
    const figures = {
      memory_per_s: await perSecond(() => memory.consume('hot')),
      one_upsert_per_s: await perSecond(() => exact.consume('hot')),
      batched_per_s: await perSecond(() => batched.consume('hot')),
    };
    const [one, two] = [
      new BatchedRateLimiter(shared('bench-pair', 300), batchFor(300)),
      new BatchedRateLimiter(shared('bench-pair', 300), batchFor(300)),
    ];
    const outcomes = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        (i % 2 ? one : two).consume('10.0.0.1').then(
          () => 1,
          () => 0,
        ),
      ),
    );
    console.log(
      JSON.stringify({
        bench: 'shared-rate-limits',
        callers: CALLERS,
        seconds: MS / 1000,
        ...figures,
        batch: batchFor(points),
        two_replicas_limit_300_burst_1000_passed: outcomes.reduce((a, b) => a + b, 0),
      }),
    );
  } finally {
    await ds.destroy().catch(() => undefined);
    await pg.stop();
    rmSync(pgData, { recursive: true, force: true });
  }
}
