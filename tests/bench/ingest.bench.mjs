// Sustained response ingest through the public HTTP API vs. the raw single-row INSERT rate of the
// same PostgreSQL, in one run on this machine. Every acknowledged response is checked afterwards.
import { Agent, request } from 'node:http';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { json, percentile, root, signInDemo, startServer } from './lib/server.mjs';

const require = createRequire(join(root, 'backend', 'package.json'));
const { Pool } = require('pg');

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

// node:http with keep-alive: far less client CPU than fetch, which shares the 2 cores with the server.
const agent = new Agent({ keepAlive: true, maxSockets: 256 });
function post(url, body) {
  return new Promise((resolve, reject) => {
    const data = Buffer.from(JSON.stringify(body));
    const req = request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': data.length } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

async function createLiveSurvey(base) {
  const { workspaceId: ws, headers } = await signInDemo(base);
  const survey = await json(
    await fetch(`${base}/api/v1/workspaces/${ws}/surveys`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        name: 'Bench NPS',
        kind: 'nps',
        displayRules: { trigger: 'page_load', samplePercent: 100, recontactDays: 0, stopAfterResponse: false },
      }),
    }),
  );
  await json(
    await fetch(`${base}/api/v1/workspaces/${ws}/surveys/${survey.id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ status: 'live' }),
    }),
  );
  return survey;
}

/** Runs `clients` loops of `work` until the deadline; returns latencies (ms) and the values work returned. */
async function drive(clients, seconds, work) {
  const deadline = performance.now() + seconds * 1000;
  const latencies = [];
  const results = [];
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          results.push(await work());
          latencies.push(performance.now() - t0);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { latencies, results, errors, elapsed };
}

export default async function run() {
  const server = await startServer('ingest', {
    PUBLIC_LIMIT_PER_IP_PER_MINUTE: '10000000',
    PUBLIC_LIMIT_PER_SURVEY_PER_MINUTE: '100000000',
  });
  const { base } = server;
  const pool = new Pool({ connectionString: server.pgUrl, max: 10 });
  // PostgreSQL stops with the server; its goodbye to idle connections is not an error here.
  pool.on('error', () => undefined);
  try {
    const survey = await createLiveSurvey(base);
    const url = `${base}/api/v1/public/surveys/${survey.publicKey}/responses`;

    // 1. Ingest through HTTP: each client submits finished responses with fresh idempotency keys.
    const ingest = await drive(CLIENTS, SECONDS, async () => {
      const key = randomUUID();
      const status = await post(url, {
        idempotencyKey: key,
        respondentId: `bench-${key}`,
        answers: { score: 9, comment: 'Fast and friendly' },
        finished: true,
      });
      if (status !== 201) throw new Error(String(status));
      return key;
    });
    const acked = ingest.results;
    const stored = await pool.query(
      `SELECT idempotency_key, count(*)::int AS n FROM responses WHERE survey_id = $1 GROUP BY idempotency_key`,
      [survey.id],
    );
    const storedCounts = new Map(stored.rows.map((r) => [r.idempotency_key, r.n]));
    const lost = acked.filter((key) => !storedCounts.has(key)).length;
    const duplicated = stored.rows.filter((r) => r.n > 1).length;

    // 2. Raw single-row INSERTs into the same table with the same concurrency and pool size.
    const [{ workspace_id: workspaceId }] = (await pool.query('SELECT workspace_id FROM surveys WHERE id = $1', [survey.id])).rows;
    const raw = await drive(CLIENTS, SECONDS, async () => {
      const key = randomUUID();
      await pool.query(
        `INSERT INTO responses (workspace_id, survey_id, survey_version, respondent_id, idempotency_key, answers, score, score_scale_max, comment, finished, finished_at)
         VALUES ($1, $2, 1, $3, $4, $5, 9, 10, 'Fast and friendly', true, now())`,
        [workspaceId, survey.id, `raw-${key}`, key, JSON.stringify({ score: 9, comment: 'Fast and friendly' })],
      );
      return key;
    });

    const responsesPerS = acked.length / ingest.elapsed;
    const rawPerS = raw.results.length / raw.elapsed;
    console.log(
      JSON.stringify({
        bench: 'ingest',
        clients: CLIENTS,
        seconds: SECONDS,
        acknowledged: acked.length,
        errors: ingest.errors,
        responses_per_s: Math.round(responsesPerS),
        p50_ms: Number(percentile(ingest.latencies, 50).toFixed(2)),
        p99_ms: Number(percentile(ingest.latencies, 99).toFixed(2)),
        raw_insert_per_s: Math.round(rawPerS),
        raw_p50_ms: Number(percentile(raw.latencies, 50).toFixed(2)),
        ratio: Number((responsesPerS / rawPerS).toFixed(3)),
        lost,
        duplicated,
      }),
    );
  } finally {
    agent.destroy();
    await pool.end();
    await server.stop();
  }
}
