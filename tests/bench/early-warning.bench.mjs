// Early warning on the demo story (the built server on a fresh embedded PostgreSQL seeds its 12-month story on first
// start): GET …/early-warning/backtest replays the workspace's saved rules week by week over the story (each week's
// scan sees only the activity before it; nothing is stored or sent) and measures the warnings against who cancelled.
// Prints one JSON line: of the customers who cancelled, how many were warned first (within 90 days) and how many days
// before (median, p25), the false alarms (warned, did not cancel within 90 days), per rule, and the replay's time.
// BENCH_EARLY_WARNING_WEEKS=52 (the story's year).
import { json, signInDemo, startServer } from './lib/server.mjs';

const WEEKS = Number(process.env.BENCH_EARLY_WARNING_WEEKS ?? 52);

export default async function run() {
  const server = await startServer('early-warning');
  try {
    const { workspaceId, headers } = await signInDemo(server.base);
    const t0 = performance.now();
    const result = await json(
      await fetch(`${server.base}/api/v1/workspaces/${workspaceId}/early-warning/backtest?weeks=${WEEKS}`, { headers }),
    );
    const replayMs = Math.round(performance.now() - t0);
    const open = await json(
      await fetch(`${server.base}/api/v1/workspaces/${workspaceId}/early-warning/warnings?open=true&limit=1`, { headers }),
    );
    console.log(
      JSON.stringify({
        bench: 'early-warning',
        weeks: WEEKS,
        cancelled: result.cancelled,
        warnedFirst: result.warnedFirst,
        share: result.share,
        medianDaysBefore: result.medianDaysBefore,
        p25DaysBefore: result.p25DaysBefore,
        warnedCustomers: result.warnedCustomers,
        falseAlarms: result.falseAlarms,
        falseAlarmShare: result.falseAlarmShare,
        byRule: result.byRule,
        openNow: Object.values(open.openByRule).reduce((a, b) => a + b, 0),
        replayMs,
      }),
    );
  } finally {
    await server.stop();
  }
}
