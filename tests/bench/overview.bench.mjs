// The home page's one endpoint, GET …/overview, on the demo workspace (the built server on a fresh embedded
// PostgreSQL seeds its 12-month story on first start): per period (the default 30 days, and 90 days) the first call
// (cold: every part computed), then BENCH_OVERVIEW_RUNS warm calls (parts reused within the 15 s bound). Prints one
// JSON line: cold, warm p50/p90/max in ms, and the size of what was summed. Target: warm < 100 ms.
import { json, percentile, signInDemo, startServer } from './lib/server.mjs';

const RUNS = Number(process.env.BENCH_OVERVIEW_RUNS ?? 30);
const DAY = 86_400_000;

export default async function run() {
  const started = Date.now();
  const server = await startServer('overview');
  const startMs = Date.now() - started;
  try {
    const { workspaceId, headers } = await signInDemo(server.base);
    const url = (days) => {
      const to = new Date(Math.ceil(Date.now() / DAY) * DAY);
      const from = new Date(to.getTime() - days * DAY);
      return `${server.base}/api/v1/workspaces/${workspaceId}/overview?from=${from.toISOString()}&to=${to.toISOString()}&timeZone=Europe/Moscow&language=ru`;
    };
    const timed = async (target) => {
      const t0 = performance.now();
      const body = await json(await fetch(target, { headers }));
      return { ms: performance.now() - t0, body };
    };

    const cold = await timed(url(30));
    const result = { bench: 'overview', serverStartMs: startMs, coldMs: Math.round(cold.ms) };
    for (const days of [30, 90]) {
      // The first call of a period computes its parts (cold); the next ones within the cache bound reuse them.
      if (days !== 30) result[`cold${days}dMs`] = Math.round((await timed(url(days))).ms);
      const times = [];
      for (let i = 0; i < RUNS; i++) times.push((await timed(url(days))).ms);
      times.sort((a, b) => a - b);
      result[`warm${days}d`] = {
        p50: +percentile(times, 50).toFixed(1),
        p90: +percentile(times, 90).toFixed(1),
        max: +times.at(-1).toFixed(1),
        runs: RUNS,
      };
    }
    const o = cold.body;
    result.data = {
      empty: o.empty,
      responses30d: o.scores?.responses ?? null,
      finishedFlows30d: o.churn?.finishedFlows ?? null,
      openCases: o.cases?.open ?? null,
      mentions30d: o.mentions?.total ?? null,
      growingClusters: o.clusters?.growing.length ?? null,
      sleeping: o.sleeping?.count ?? null,
      touchpoints: o.touchpoints?.total ?? null,
    };
    result.targetWarmMs = 100;
    result.pass = result.warm30d.p50 < 100;
    console.log(JSON.stringify(result));
  } finally {
    await server.stop();
  }
}
