// Case reports and the journey map on a workspace with many cases: seeds N cases over the last 90 days with SQL in
// bulk (several touchpoints on business-hours policies with holidays and a lunch break, one 24×7, replies, closes,
// pauses, reopens, follow-up scores, NPS detractor sources), then times the report endpoints and the journey map
// (which measures the same cases for its compliance figure). Prints one JSON line per endpoint and size: the first
// (cold) run, p50 and max over BENCH_CASE_REPORT_RUNS runs, and cases measured per second. BENCH_CASES=5000,50000.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { json, percentile, root, signInDemo, startServer } from './lib/server.mjs';

const require = createRequire(join(root, 'backend', 'package.json'));
const { Pool } = require('pg');

const SIZES = (process.env.BENCH_CASES ?? '5000,50000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_CASE_REPORT_RUNS ?? 5);
const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;

const week = (hours) => Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, hours]));
const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);

/** Policies: two business calendars with holidays inside the period (one with a lunch break), one 24×7. */
function policies(now) {
  const holidays = (every, offset) => Array.from({ length: 8 }, (_, i) => isoDay(now - (offset + i * every) * DAY));
  return [
    {
      name: 'Bench Moscow',
      clock: 'business',
      rules: {
        '*': { '*': { firstResponseMinutes: 540 }, chat: { firstResponseMinutes: 60 }, social: { firstResponseMinutes: 60 } },
        urgent: { '*': { firstResponseMinutes: 60, resolutionMinutes: 240 } },
        high: { '*': { resolutionMinutes: 540 } },
        normal: { '*': { resolutionMinutes: 1620 } },
        low: { '*': { resolutionMinutes: 2700 } },
      },
      calendar: {
        timeZone: 'Europe/Moscow',
        workingHours: week([
          { start: '09:00', end: '13:00' },
          { start: '14:00', end: '18:00' },
        ]),
        holidays: holidays(11, 3),
        extraWorkingDays: [
          {
            date: isoDay(now - 40 * DAY - ((new Date(now - 40 * DAY).getUTCDay() + 1) % 7) * DAY),
            hours: [{ start: '10:00', end: '15:00' }],
          },
        ],
      },
    },
    {
      name: 'Bench Berlin',
      clock: 'business',
      rules: {
        '*': { '*': { firstResponseMinutes: 240, resolutionMinutes: 2400 } },
        urgent: { '*': { firstResponseMinutes: 30, resolutionMinutes: 480 } },
      },
      calendar: {
        timeZone: 'Europe/Berlin',
        workingHours: { ...week([{ start: '08:00', end: '17:00' }]), 6: [{ start: '10:00', end: '14:00' }] },
        holidays: holidays(13, 5),
      },
    },
    {
      name: 'Bench 24x7',
      clock: 'calendar',
      rules: { '*': { '*': { firstResponseMinutes: 30, resolutionMinutes: 1440 } }, low: { '*': { resolutionMinutes: null } } },
      calendar: { timeZone: 'UTC', workingHours: week([{ start: '00:00', end: '24:00' }]), holidays: [] },
    },
  ];
}

const TOUCHPOINTS = [
  { name: 'Bench Checkout', stage: 'buying', channel: 'chat', policy: 0 },
  { name: 'Bench Delivery', stage: 'buying', channel: 'email', policy: 1 },
  { name: 'Bench Returns', stage: 'repeat', channel: 'web_form', policy: 1 },
  { name: 'Bench Hotline', stage: 'repeat', channel: 'phone', policy: 2 },
  { name: 'Bench Social', stage: 'aware', channel: 'social', policy: 0 },
  { name: 'Bench Cancellation', stage: 'left', channel: 'email', policy: null },
];
const PRIORITIES = ['urgent', 'high', 'normal', 'normal', 'normal', 'low'];

/** Sets up policies, touchpoints, owners and an NPS survey; returns what the case generator picks from. */
async function setUp(base, headers, pool, workspaceId, now) {
  const post = async (path, body) =>
    json(await fetch(`${base}/api/v1/workspaces/${workspaceId}${path}`, { method: 'POST', headers, body: JSON.stringify(body) }));
  const policyIds = [];
  for (const p of policies(now)) policyIds.push((await post('/sla-policies', p)).id);
  const touchpoints = [];
  for (const tp of TOUCHPOINTS) {
    const created = await post('/touchpoints', {
      name: tp.name,
      stage: tp.stage,
      channel: tp.channel,
      ...(tp.policy === null ? {} : { slaPolicyId: policyIds[tp.policy] }),
    });
    touchpoints.push({ id: created.id, channel: tp.channel, policyId: tp.policy === null ? null : policyIds[tp.policy] });
  }
  const owners = (
    await pool.query(
      `WITH u AS (INSERT INTO users (email, name, password_hash) SELECT 'bench-owner-' || i || '@otklik.local', 'Owner ' || i, 'x' FROM generate_series(1, 8) i RETURNING id)
     INSERT INTO memberships (workspace_id, user_id, role) SELECT $1, id, 'analyst' FROM u RETURNING user_id`,
      [workspaceId],
    )
  ).rows.map((r) => r.user_id);
  const survey = await post('/surveys', {
    name: 'Bench NPS',
    kind: 'nps',
    displayRules: { trigger: 'page_load', samplePercent: 100, recontactDays: 0, stopAfterResponse: false },
  });
  return { touchpoints, owners, surveyId: survey.id };
}

let seed = 42;
const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
const pick = (list) => list[Math.floor(rnd() * list.length)];
const iso = (ms) => (ms === null ? null : new Date(ms).toISOString());

/** One case's life: replied and closed mostly, some waiting on the customer (open pause), paused, reopened or still open. */
function makeCase(now, setup) {
  const tp = rnd() < 0.08 ? null : pick(setup.touchpoints);
  const opened = now - rnd() * 89.5 * DAY;
  const age = now - opened;
  const within = (max) => Math.min(now - MINUTE, opened + rnd() * Math.min(max, age));
  const c = {
    touchpointId: tp?.id ?? null,
    channel: tp?.channel ?? pick(['social', 'email', 'other']),
    policyId: tp ? tp.policyId : null,
    priority: pick(PRIORITIES),
    owner: rnd() < 0.1 ? null : pick(setup.owners),
    status: 'open',
    reopened: false,
    opened,
    resolutionStarted: opened,
    pauses: [],
    replied: null,
    resolved: null,
    closed: null,
    breachedFr: null,
    breachedRes: null,
    csat: null,
    followUpAt: null,
    detractorScore: rnd() < 0.12 ? Math.floor(rnd() * 11) : null,
  };
  const fate = rnd();
  if (fate < 0.12) {
    // Still open, never answered: the breach job would have flagged most of the old ones.
    if (age > 2 * DAY && rnd() < 0.7) c.breachedFr = opened + HOUR;
    return c;
  }
  c.replied = within(rnd() < 0.7 ? 4 * HOUR : 3 * DAY);
  if (c.replied > opened + 6 * HOUR && rnd() < 0.5) c.breachedFr = opened + 6 * HOUR;
  if (fate < 0.2) {
    // Waiting on the customer since the reply: an open pause.
    c.status = 'waiting_customer';
    c.pauses = [{ from: iso(c.replied), to: null }];
    return c;
  }
  let t = c.replied;
  if (rnd() < 0.25) {
    // Waited on the customer for a while, then went on.
    const back = Math.min(now - MINUTE, t + rnd() * 2 * DAY);
    c.pauses.push({ from: iso(t), to: iso(back) });
    t = back;
  }
  if (fate < 0.3) return c; // replied, still being worked on
  c.resolved = Math.min(now - MINUTE, t + rnd() * (rnd() < 0.6 ? 8 * HOUR : 5 * DAY));
  c.closed = c.resolved;
  c.status = 'closed';
  if (c.resolved - opened > 4 * DAY && rnd() < 0.4) c.breachedRes = opened + 4 * DAY;
  if (rnd() < 0.45 && c.resolved + HOUR < now) {
    c.csat = 1 + Math.floor(rnd() * 5);
    c.followUpAt = c.resolved + HOUR * rnd();
    if (c.csat <= 2 && rnd() < 0.5) {
      // A low follow-up reopens the case: resolution restarts, sometimes solved again.
      c.reopened = true;
      c.resolutionStarted = c.followUpAt;
      c.status = 'open';
      c.resolved = null;
      c.closed = null;
      c.breachedRes = null;
      if (rnd() < 0.5 && c.followUpAt + 2 * HOUR < now) {
        c.resolved = c.followUpAt + rnd() * (now - c.followUpAt);
        c.closed = c.resolved;
        c.status = 'closed';
      }
    }
  }
  return c;
}

/** Inserts `count` cases (and the NPS answers of the detractor-sourced ones) in batches. */
async function seedCases(pool, workspaceId, setup, now, count) {
  const firstNumber = (await pool.query(`SELECT coalesce(max(number), 0)::int + 1 AS n FROM cases WHERE workspace_id = $1`, [workspaceId]))
    .rows[0].n;
  const BATCH = 5000;
  for (let done = 0; done < count; done += BATCH) {
    const cases = Array.from({ length: Math.min(BATCH, count - done) }, () => makeCase(now, setup));
    const sources = cases.filter((c) => c.detractorScore !== null);
    const responseIds = (
      await pool.query(
        `INSERT INTO responses (workspace_id, survey_id, survey_version, respondent_id, idempotency_key, answers, score, score_scale_max, finished, created_at, finished_at)
       SELECT $1, $2, 1, 'bench-' || k, 'bench-' || k, jsonb_build_object('score', s), s, 10, true, at, at
         FROM unnest($3::text[], $4::int[], $5::timestamptz[]) AS x(k, s, at) RETURNING id`,
        [
          workspaceId,
          setup.surveyId,
          sources.map((_, i) => `${firstNumber + done}-${i}`),
          sources.map((c) => c.detractorScore),
          sources.map((c) => iso(c.opened - 5 * MINUTE)),
        ],
      )
    ).rows.map((r) => r.id);
    sources.forEach((c, i) => (c.sourceId = responseIds[i]));
    const col = (f) => cases.map(f);
    await pool.query(
      `INSERT INTO cases (workspace_id, number, title, source, source_id, touchpoint_id, channel, priority, status, reopened, owner_id, sla_policy_id,
                          opened_at, resolution_started_at, pauses, first_responded_at, resolved_at, closed_at,
                          breached_first_response_at, breached_resolution_at, follow_up_csat, follow_up_at)
       SELECT $1, n, 'Bench case ' || n, src, sid, tp, ch, pr, st, re, ow, pol, op, rs, ps, fr, rv, cl, bf, br, cs, fu
         FROM unnest($2::int[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::boolean[], $10::uuid[], $11::uuid[],
                     $12::timestamptz[], $13::timestamptz[], $14::jsonb[], $15::timestamptz[], $16::timestamptz[], $17::timestamptz[],
                     $18::timestamptz[], $19::timestamptz[], $20::smallint[], $21::timestamptz[])
              AS x(n, src, sid, tp, ch, pr, st, re, ow, pol, op, rs, ps, fr, rv, cl, bf, br, cs, fu)`,
      [
        workspaceId,
        col((_, i) => firstNumber + done + i),
        col((c) => (c.sourceId ? 'response' : 'manual')),
        col((c) => c.sourceId ?? null),
        col((c) => c.touchpointId),
        col((c) => c.channel),
        col((c) => c.priority),
        col((c) => c.status),
        col((c) => c.reopened),
        col((c) => c.owner),
        col((c) => c.policyId),
        col((c) => iso(c.opened)),
        col((c) => iso(c.resolutionStarted)),
        col((c) => JSON.stringify(c.pauses)),
        col((c) => iso(c.replied)),
        col((c) => iso(c.resolved)),
        col((c) => iso(c.closed)),
        col((c) => iso(c.breachedFr)),
        col((c) => iso(c.breachedRes)),
        col((c) => c.csat),
        col((c) => iso(c.followUpAt)),
      ],
    );
  }
  await pool.query('ANALYZE cases');
  await pool.query('ANALYZE responses');
}

/** Times one GET: the first (cold) run and p50/max over RUNS runs. */
async function time(base, headers, path, check) {
  const times = [];
  let body;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const res = await fetch(`${base}${path}`, { headers });
    body = path.includes('.csv') ? await res.text() : await res.json();
    times.push(performance.now() - t0);
    if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    first_ms: Math.round(times[0]),
    p50_ms: Math.round(percentile(sorted, 50)),
    max_ms: Math.round(sorted[sorted.length - 1]),
    check: check(body),
  };
}

export default async function run() {
  // The case sync loop (opening cases from new NPS answers, flagging breaches) stays out of the way.
  const server = await startServer('case-reports', { OTKLIK_CASE_SYNC_MS: '3600000' });
  const pool = new Pool({ connectionString: server.pgUrl, max: 2 });
  // PostgreSQL stops with the server; its goodbye to idle connections is not an error here.
  pool.on('error', () => undefined);
  try {
    const { workspaceId, headers } = await signInDemo(server.base);
    const now = Date.now();
    const setup = await setUp(server.base, headers, pool, workspaceId, now);
    const ws = `/api/v1/workspaces/${workspaceId}`;
    let seeded = 0;
    for (const size of SIZES) {
      const t0 = performance.now();
      await seedCases(pool, workspaceId, setup, now, size - seeded);
      const seedSeconds = (performance.now() - t0) / 1000;
      seeded = size;
      const endpoints = [
        [
          'case-reports?groupBy=touchpoint',
          `${ws}/case-reports?groupBy=touchpoint`,
          (b) => ({ cases: b.totals.cases, compliance: b.totals.firstResponse.compliance, groups: b.groups.length }),
        ],
        ['case-reports?groupBy=owner', `${ws}/case-reports?groupBy=owner`, (b) => ({ cases: b.totals.cases, groups: b.groups.length })],
        ['case-reports?groupBy=month', `${ws}/case-reports?groupBy=month`, (b) => ({ cases: b.totals.cases, groups: b.groups.length })],
        [
          'case-reports/series?interval=week',
          `${ws}/case-reports/series?interval=week`,
          (b) => ({ cases: b.points.reduce((s, p) => s + p.cases, 0), points: b.points.length }),
        ],
        ['case-reports.csv', `${ws}/case-reports.csv?groupBy=touchpoint`, (b) => ({ bytes: b.length })],
        [
          'touchpoints/journey',
          `${ws}/touchpoints/journey`,
          (b) => ({ compliance: b.stages.flatMap((s) => s.touchpoints).map((t) => t.cases?.compliance ?? t.compliance ?? null) }),
        ],
      ];
      for (const [endpoint, path, check] of endpoints) {
        const r = await time(server.base, headers, path, check);
        console.log(
          JSON.stringify({
            bench: 'case-reports',
            cases: size,
            seed_s: Number(seedSeconds.toFixed(1)),
            endpoint,
            runs: RUNS,
            first_ms: r.first_ms,
            p50_ms: r.p50_ms,
            max_ms: r.max_ms,
            // The first run is the cold one: the journey map reuses its compliance for a while (case-stats.provider.ts).
            cases_per_s: Math.round(size / (r.p50_ms / 1000)),
            cold_cases_per_s: Math.round(size / (r.first_ms / 1000)),
            ...r.check,
          }),
        );
      }
    }
  } finally {
    await pool.end();
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
