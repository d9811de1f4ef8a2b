// Survey and kind metrics over a big survey (issue 20, H1): `node tests/bench/run.mjs survey-metrics` after `npm run build`.
// The built backend on its own embedded PostgreSQL (demo story seeded), one extra NPS survey on the touchpoint "Bench"
// filled with SM_RESPONSES (default 1,000,000) finished responses over the last 365 days by set-based SQL in batches
// of 100,000 (the rollup triggers run as for any write; the insert rate is printed), then VACUUM (ANALYZE). Each
// endpoint: the first request (its SQL plans and buffers cold in this backend), then SM_RUNS timed requests after two
// thrown away (median and p95). Prints one JSON line {"bench":"survey-metrics", …} with the load average.
import { loadavg } from 'node:os';
import pg from 'pg';
import { json, percentile, signInDemo, startServer } from './lib/server.mjs';

const RESPONSES = Number(process.env.SM_RESPONSES ?? 1_000_000);
const RUNS = Number(process.env.SM_RUNS ?? 10);
const BATCH = 100_000;
const DAY = 86_400_000;

export default async function run() {
  const server = await startServer('survey-metrics', { OTKLIK_BACKGROUND_JOBS: 'false' });
  const db = new pg.Client({ connectionString: server.pgUrl });
  try {
    await db.connect();
    const { workspaceId, headers } = await signInDemo(server.base);
    const api = `${server.base}/api/v1/workspaces/${workspaceId}`;
    const survey = await json(
      await fetch(`${api}/surveys`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ name: 'Bench NPS', kind: 'nps', touchpointName: 'Bench' }),
      }),
    );

    const to = new Date(Math.ceil(Date.now() / DAY) * DAY);
    const from = new Date(to.getTime() - 365 * DAY);
    const insertStarted = performance.now();
    for (let done = 0; done < RESPONSES; done += BATCH) {
      const n = Math.min(BATCH, RESPONSES - done);
      await db.query(
        `INSERT INTO responses (workspace_id, survey_id, survey_version, respondent_id, idempotency_key, score, score_scale_max,
                                finished, language, hidden_fields, comment, created_at, finished_at)
         SELECT $1, $2, 1, 'bench-' || i, 'bench-' || i, s, 10, true, (ARRAY['ru', 'en', 'bg'])[1 + i % 3],
                CASE WHEN i % 2 = 0 THEN '{"segment": "b2b"}'::jsonb ELSE '{}'::jsonb END,
                CASE WHEN i % 7 = 0 THEN 'comment ' || i END, at, at
           FROM (SELECT i, (i::bigint * 7919 + i / 11) % 11 AS s,
                        $3::timestamptz + (random() * 365 * 86400) * interval '1 second' AS at
                   FROM generate_series($4::int, $5::int) i) x`,
        [workspaceId, survey.id, from.toISOString(), done, done + n - 1],
      );
    }
    const insertMs = performance.now() - insertStarted;
    await db.query('VACUUM (ANALYZE) responses, response_score_rollups');
    const [{ rollupRows }] = (
      await db.query(`SELECT count(*)::int AS "rollupRows" FROM response_score_rollups WHERE survey_id = $1`, [survey.id])
    ).rows;

    const year = `from=${from.toISOString()}&to=${to.toISOString()}`;
    const month = `from=${new Date(to.getTime() - 30 * DAY).toISOString()}&to=${to.toISOString()}`;
    const endpoints = {
      surveyYearWeekMoscow: `${api}/surveys/${survey.id}/metrics?${year}&interval=week&timeZone=Europe/Moscow`,
      surveyYearDayUtc: `${api}/surveys/${survey.id}/metrics?${year}&interval=day`,
      surveyYearDayKolkata: `${api}/surveys/${survey.id}/metrics?${year}&interval=day&timeZone=Asia/Kolkata`,
      survey30dDay: `${api}/surveys/${survey.id}/metrics?${month}&interval=day&timeZone=Europe/Moscow`,
      kindNpsYearMonth: `${api}/metrics/nps?${year}&interval=month&timeZone=Europe/Moscow`,
      touchpointYearMonthRu: `${api}/metrics/nps?${year}&interval=month&touchpoint=Bench&language=ru`,
      surveyYearSegmentRaw: `${api}/surveys/${survey.id}/metrics?${year}&interval=month&segment=b2b`,
    };
    const timed = async (url) => {
      const t0 = performance.now();
      const body = await json(await fetch(url, { headers }));
      return { ms: performance.now() - t0, body };
    };
    const figures = {};
    for (const [name, url] of Object.entries(endpoints)) {
      const first = await timed(url);
      for (let i = 0; i < 2; i++) await timed(url);
      const times = [];
      for (let i = 0; i < RUNS; i++) times.push((await timed(url)).ms);
      times.sort((a, b) => a - b);
      figures[name] = {
        firstMs: Math.round(first.ms),
        p50: +percentile(times, 50).toFixed(1),
        p95: +percentile(times, 95).toFixed(1),
        responses: first.body.summary.responses,
      };
    }
    console.log(
      JSON.stringify({
        bench: 'survey-metrics',
        responses: RESPONSES,
        insertRowsPerSecond: Math.round(RESPONSES / (insertMs / 1000)),
        rollupRows,
        figures,
        targetWarmMs: 100,
        loadAverage: loadavg().map((l) => +l.toFixed(2)),
      }),
    );
  } finally {
    await db.end().catch(() => {});
    await server.stop();
  }
}
