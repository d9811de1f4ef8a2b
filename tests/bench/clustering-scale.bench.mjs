// A clustering rebuild at scale through the real path: the built backend on its own PostgreSQL, `texts` labelled
// complaint texts (tests/bench/lib/complaint-texts.mjs) written straight into feedback_texts with set-based SQL, then
// POST …/clusters/runs and GET …/runs/{id} until it completes. Prints seconds (wall, POST → completed), the backend's
// peak resident memory meanwhile (VmHWM of the process, the worker thread included; reset just before the POST), the
// stages the progress went through and the quality of the stored placement against the true topics.
//   CLUSTER_SCALE_TEXTS=100000 (default)   CLUSTER_SCALE_MILLION=1 adds a 1,000,000-text run
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { complaintTexts } from './lib/complaint-texts.mjs';
import { json, root, signInDemo, startServer } from './lib/server.mjs';

const require = createRequire(join(root, 'backend', 'package.json'));
const { Pool } = require('pg');
const INSERT_BATCH = 10_000;
const round = (x, d = 2) => Number(x.toFixed(d));

/** The process's peak resident set since the last reset, in MB (null where /proc is not there). */
function peakRssMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)[1]) / 1024);
  } catch {
    return null;
  }
}

/** CPU seconds the process has used (user + system, every thread), from /proc (null elsewhere). */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

function resetPeak(pid) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // not Linux, or not allowed: the peak then includes start-up
  }
}

/** Rebuilds the clusters of `texts` texts; resolves with the figures (H6's scale bench calls this too). */
export async function measureRebuild({ texts: count = 100_000 } = {}) {
  const { texts, truth } = complaintTexts(count);
  const server = await startServer('clustering-scale');
  const pool = new Pool({ connectionString: server.pgUrl, max: 2 });
  try {
    const { workspaceId, headers } = await signInDemo(server.base);
    // Only the bench's texts: the demo's own are removed (the sync copies nothing again: its watermark has passed them).
    await pool.query('DELETE FROM feedback_texts WHERE workspace_id = $1', [workspaceId]);
    // The texts as already placed once (placed_by 'run', no cluster), so the background placement leaves them alone.
    const start = Date.now() - 365 * 86_400_000;
    for (let at = 0; at < count; at += INSERT_BATCH) {
      const batch = texts.slice(at, at + INSERT_BATCH);
      await pool.query(
        `INSERT INTO feedback_texts (workspace_id, source, source_id, text, language, sentiment, occurred_at, placed_by)
         SELECT $1, 'complaint', 'scale-' || (($2::int) + o - 1), t, 'und', -1, to_timestamp(($3::bigint + (($2::int) + o - 1) * 300000) / 1000.0), 'run'
           FROM unnest($4::text[]) WITH ORDINALITY AS x(t, o)`,
        [workspaceId, at, start, batch],
      );
    }
    await pool.query('ANALYZE feedback_texts');
    const ws = `${server.base}/api/v1/workspaces/${workspaceId}`;
    // The demo's own rebuild (started with the server) finishes first.
    while ((await json(await fetch(`${ws}/clusters/runs`, { headers }))).some((r) => r.status === 'running'))
      await new Promise((r) => setTimeout(r, 250));
    if (server.pid) resetPeak(server.pid);
    const loadBefore = loadavg()[0];
    const cpuBefore = server.pid ? cpuSeconds(server.pid) : null;
    const t0 = performance.now();
    let run = await json(await fetch(`${ws}/clusters/runs`, { method: 'POST', headers }));
    const stages = [];
    while (run.status === 'running') {
      await new Promise((r) => setTimeout(r, 250));
      run = await json(await fetch(`${ws}/clusters/runs/${run.id}`, { headers }));
      if (run.stage && stages.at(-1)?.stage !== run.stage)
        stages.push({ stage: run.stage, at_s: round((performance.now() - t0) / 1000, 1), progress: round(run.progress) });
    }
    const seconds = (performance.now() - t0) / 1000;
    const peak = server.pid ? peakRssMb(server.pid) : null;
    const cpu = cpuBefore === null ? null : cpuSeconds(server.pid) - cpuBefore;
    if (run.status !== 'completed') throw new Error(`rebuild ${run.status}: ${run.error}`);
    // Quality of what was stored: each text's cluster (or none) against its true topic.
    const stored = await pool.query(
      `SELECT substr(source_id, 7)::int AS i, cluster_id FROM feedback_texts WHERE workspace_id = $1 AND source_id LIKE 'scale-%'`,
      [workspaceId],
    );
    const predicted = new Array(count).fill('unclustered');
    for (const row of stored.rows) predicted[row.i] = row.cluster_id ?? 'unclustered';
    const { scoreClustering } = require(join(root, 'backend', 'dist', 'backend', 'src', 'text', 'metrics.js'));
    const quality = scoreClustering(truth, predicted);
    return {
      bench: 'clustering-scale',
      texts: count,
      run_texts: run.texts,
      seconds: round(seconds, 1),
      run_seconds: run.seconds,
      // CPU time of the backend meanwhile: on a shared machine wall-clock time mostly measures the other workers.
      cpu_seconds: cpu === null ? null : round(cpu, 1),
      peakRssMb: peak,
      clusters: run.clusters,
      unclustered: run.unclustered,
      ari: round(quality.ari, 4),
      nmi: round(quality.nmi, 4),
      purity: round(quality.purity, 4),
      stages,
      load_average: { before: round(loadBefore), after: round(loadavg()[0]) },
    };
  } finally {
    await pool.end();
    await server.stop();
  }
}

export default async function run() {
  const sizes = [Number(process.env.CLUSTER_SCALE_TEXTS ?? 100_000)];
  if (process.env.CLUSTER_SCALE_MILLION === '1') sizes.push(1_000_000);
  for (const texts of sizes) console.log(JSON.stringify(await measureRebuild({ texts })));
}
