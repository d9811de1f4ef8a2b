// The scale benchmark of issue 20 (`npm run bench scale`): every dashboard aggregate over one big workspace, cold and
// warm, then the survey/kind metrics again at ten times the responses, the history import's rows/s and the clustering
// rebuild of many texts. Prints ONE JSON line {"bench":"scale", …}; progress goes to stderr.
//
// Data: the built backend on its own embedded PostgreSQL (no demo story: a bench user and workspace are created, the
// surveys, touchpoints, SLA policies, cancellation flow and churn reasons through the API), then set-based SQL
// (INSERT … SELECT generate_series, seeded random(): the same data on every run) writes, over the last year:
// responses to 2 NPS, 2 CSAT and 2 CES surveys (5- and 7-point) on several touchpoints, in ru/en/bg, ~15% with a
// comment, ~60% of a known customer, NPS better in recent months, more answers recently; 1.3 displays per response;
// customers (first seen over two years, MRR) and finished cancellation flows with weighted reasons (the customers lost
// marked 'left'); cases (20% opened from NPS detractors, SLA due/warn/breach timers from two policies, replies,
// closes, follow-up CSAT, case events and routing hops); mentions (ru/en, four sources, sentiment and score,
// reposts). Then VACUUM (ANALYZE) of the filled tables: the steady state autovacuum reaches in production.
//
// Cold = the first request of an endpoint after a fresh backend start (the embedded PostgreSQL restarts with it, so its
// shared buffers and the app's caches are empty; the operating system's page cache is not dropped). SCALE_COLD=each
// (default) restarts before every endpoint; SCALE_COLD=once restarts once and takes each endpoint's first request.
// Warm = SCALE_WARMUP requests thrown away, then the median and p95 of SCALE_RUNS requests (fewer when an endpoint has
// used up SCALE_ENDPOINT_BUDGET_MS; `runs` says how many). Background jobs are off (OTKLIK_BACKGROUND_JOBS=false), so
// nothing but the measured request runs in the backend. The machine is shared: the load average is printed with the
// figures.
//
// Options (environment):
//   SCALE_RESPONSES=1000000   responses in the workspace; the other sizes follow it unless set:
//   SCALE_CASES (÷10), SCALE_MENTIONS (×1), SCALE_CUSTOMERS (÷5), SCALE_CANCELLATIONS (customers × 0.3)
//   SCALE_BIG=10000000        grow to this many responses and measure the survey/kind metrics warm again (0 skips);
//   SCALE_BIG_MAX_MINUTES     stop growing after this long (checked after each million) and measure at the size reached
//   SCALE_RUNS=20 SCALE_WARMUP=2 SCALE_ENDPOINT_BUDGET_MS=60000 SCALE_TIMEOUT_MS=120000 SCALE_COLD=each|once
//   SCALE_SKIP_IMPORT=1       skip the history import (else SCALE_IMPORT_ROWS, default = SCALE_RESPONSES)
//   SCALE_SKIP_CLUSTERING=1   skip the clustering rebuild (else SCALE_CLUSTER_TEXTS, default SCALE_RESPONSES ÷ 10)
//   SCALE_MAIN_JS=path        another build's backend main.js (e.g. a copy of the build before a change)
//   SCALE_KEEP_DATA=1         keep the data folder (its path goes to stderr)
// A quick run: SCALE_RESPONSES=100000 SCALE_BIG=0 node tests/bench/run.mjs scale (about two minutes).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, chmodSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort, json, percentile, root } from './lib/server.mjs';

const require = createRequire(join(root, 'backend', 'package.json'));
const { Pool } = require('pg');

const num = (name, fallback) => (process.env[name] === undefined || process.env[name] === '' ? fallback : Number(process.env[name]));
const RESPONSES = num('SCALE_RESPONSES', 1_000_000);
const CASES = num('SCALE_CASES', Math.round(RESPONSES / 10));
const MENTIONS = num('SCALE_MENTIONS', RESPONSES);
const CUSTOMERS = num('SCALE_CUSTOMERS', Math.round(RESPONSES / 5));
const CANCELLATIONS = num('SCALE_CANCELLATIONS', Math.round(CUSTOMERS * 0.3));
const BIG = num('SCALE_BIG', RESPONSES * 10);
const RUNS = num('SCALE_RUNS', 20);
const WARMUP = num('SCALE_WARMUP', 2);
const BUDGET_MS = num('SCALE_ENDPOINT_BUDGET_MS', 60_000);
const TIMEOUT_MS = num('SCALE_TIMEOUT_MS', 120_000);
const COLD = process.env.SCALE_COLD === 'once' ? 'once' : 'each';
const SKIP_IMPORT = process.env.SCALE_SKIP_IMPORT === '1';
const IMPORT_ROWS = num('SCALE_IMPORT_ROWS', RESPONSES);
const SKIP_CLUSTERING = process.env.SCALE_SKIP_CLUSTERING === '1';
const CLUSTER_TEXTS = num('SCALE_CLUSTER_TEXTS', Math.round(RESPONSES / 10));
const BIG_MAX_MINUTES = num('SCALE_BIG_MAX_MINUTES', Infinity);
const MAIN_JS = process.env.SCALE_MAIN_JS ?? join(root, 'backend', 'dist', 'backend', 'src', 'main.js');

const DAY = 86_400_000;
const TIME_ZONE = 'Europe/Moscow';
const log = (...args) => console.error(`[scale ${new Date().toISOString().slice(11, 19)}]`, ...args);
const seconds = (t0) => Number(((performance.now() - t0) / 1000).toFixed(1));
const load = () => Number(loadavg()[0].toFixed(2));

// ---------------------------------------------------------------------------------------------------------------
// The backend: one data folder and fixed ports, so it can be restarted on the same database (cold requests).

function backend() {
  const dataDir = mkdtempSync(join(tmpdir(), 'otklik-bench-scale-'));
  chmodSync(dataDir, 0o755);
  let child = null;
  let ports = null;
  let peakRssMb = 0;
  const rssOf = (pid) => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      return m ? Math.round(Number(m[1]) / 1024) : 0;
    } catch {
      return 0;
    }
  };
  const self = {
    dataDir,
    base: '',
    pgUrl: '',
    async start() {
      ports ??= { pg: await freePort(), http: await freePort() };
      self.base = `http://127.0.0.1:${ports.http}`;
      self.pgUrl = `postgres://otklik:otklik@127.0.0.1:${ports.pg}/otklik`;
      const t0 = performance.now();
      child = spawn(process.execPath, [MAIN_JS], {
        env: {
          ...process.env,
          DATABASE_URL: '',
          OTKLIK_DATA_DIR: dataDir,
          OTKLIK_EMBEDDED_PG_PORT: String(ports.pg),
          OTKLIK_SEED_DEMO: 'false',
          OTKLIK_BACKGROUND_JOBS: 'false',
          PORT: String(ports.http),
          HOST: '127.0.0.1',
          LOG_LEVEL: 'warn',
          LOG_FORMAT: 'json',
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      for (;;) {
        try {
          if ((await fetch(`${self.base}/api/v1/health`)).ok) break;
        } catch {
          // not listening yet
        }
        if (child.exitCode !== null) throw new Error(`backend exited with ${child.exitCode}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      child.exitedPromise = exited;
      return seconds(t0);
    },
    async stop() {
      if (!child) return;
      peakRssMb = Math.max(peakRssMb, rssOf(child.pid));
      const exited = child.exitedPromise ?? new Promise((r) => child.once('exit', r));
      child.kill('SIGINT');
      await exited;
      child = null;
    },
    /** Peak resident memory of the backend processes so far (VmHWM), in MB. */
    peakRssMb: () => Math.max(peakRssMb, child ? rssOf(child.pid) : 0),
    resetPeak() {
      peakRssMb = 0;
    },
    remove() {
      if (process.env.SCALE_KEEP_DATA === '1') log(`data kept in ${dataDir}`);
      else rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return self;
}

// ---------------------------------------------------------------------------------------------------------------
// Set-up through the API: a user (inserted, as the app has no sign-up), a workspace and what the data refers to.

const TOUCHPOINTS = [
  { name: 'Checkout', stage: 'buying', channel: 'chat', policy: 0 },
  { name: 'Delivery', stage: 'buying', channel: 'email', policy: 1 },
  { name: 'Support hotline', stage: 'repeat', channel: 'phone', policy: 1 },
  { name: 'Mobile app', stage: 'repeat', channel: 'web_form', policy: 0 },
  { name: 'Social media', stage: 'aware', channel: 'social', policy: 0 },
  { name: 'Cancellation', stage: 'left', channel: 'email', policy: null },
];
// share: fraction of all responses; the distributions are lists sampled uniformly (a realistic mix of scores).
const SURVEYS = [
  { name: 'Relationship NPS', kind: 'nps', touchpoint: null, share: 0.35 },
  { name: 'Delivery NPS', kind: 'nps', touchpoint: 'Delivery', share: 0.2 },
  { name: 'Support CSAT', kind: 'csat', touchpoint: 'Support hotline', share: 0.15 },
  { name: 'Checkout CSAT', kind: 'csat', touchpoint: 'Checkout', share: 0.1 },
  { name: 'Support CES', kind: 'ces', cesScale: 7, touchpoint: 'Support hotline', share: 0.12 },
  { name: 'App CES', kind: 'ces', cesScale: 5, touchpoint: 'Mobile app', share: 0.08 },
];
const SCORES = {
  nps: [0, 1, 2, 3, 4, 5, 5, 6, 6, 7, 7, 7, 8, 8, 8, 8, 9, 9, 9, 9, 9, 10, 10, 10, 10, 10, 10],
  csat: [1, 2, 2, 3, 3, 3, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5],
  ces7: [1, 2, 3, 3, 4, 4, 5, 5, 5, 6, 6, 6, 6, 7, 7, 7],
  ces5: [1, 2, 2, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5],
};
const COMMENTS = {
  ru: [
    'Курьер опоздал на два часа, никто не предупредил',
    'Оператор быстро помог, спасибо',
    'Приложение вылетает при оплате картой',
    'Списали деньги дважды, жду возврата',
    'Всё отлично, буду заказывать ещё',
    'Долго ждал ответа в чате поддержки',
    'Привезли не тот заказ, пришлось менять',
  ],
  en: [
    'The courier was two hours late and nobody called',
    'Support sorted it out in five minutes, thanks',
    'The app crashes when I pay by card',
    'I was charged twice and still wait for the refund',
    'Great service, will order again',
  ],
  bg: ['Куриерът закъсня с два часа', 'Бързо обслужване, благодаря', 'Приложението забива при плащане', 'Всичко беше наред'],
};

const policies = () => [
  {
    name: 'Scale business hours',
    clock: 'business',
    rules: {
      '*': { '*': { firstResponseMinutes: 240, resolutionMinutes: 2400 } },
      urgent: { '*': { firstResponseMinutes: 60, resolutionMinutes: 480 } },
    },
    calendar: {
      timeZone: TIME_ZONE,
      workingHours: Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ start: '09:00', end: '18:00' }]])),
      holidays: [],
    },
  },
  {
    name: 'Scale 24x7',
    clock: 'calendar',
    rules: { '*': { '*': { firstResponseMinutes: 240, resolutionMinutes: 2880 } } },
    calendar: {
      timeZone: 'UTC',
      workingHours: Object.fromEntries([0, 1, 2, 3, 4, 5, 6].map((d) => [d, [{ start: '00:00', end: '24:00' }]])),
      holidays: [],
    },
  },
];

async function setUp(server, pool) {
  const { hash } = require('@node-rs/argon2');
  const email = 'scale-bench@otklik.local';
  const password = 'scale-bench-password';
  await pool.query(`INSERT INTO users (email, name, password_hash) VALUES ($1, 'Scale bench', $2)`, [email, await hash(password)]);
  const login = await fetch(`${server.base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const session = await json(login.clone());
  const headers = {
    'content-type': 'application/json',
    cookie: login.headers.get('set-cookie').split(';')[0],
    'x-csrf-token': session.csrfToken,
  };
  const post = async (path, body) =>
    json(await fetch(`${server.base}/api/v1${path}`, { method: 'POST', headers, body: JSON.stringify(body) }));
  const workspaceId = (await post('/workspaces', { name: 'Scale bench' })).id;
  const ws = `/workspaces/${workspaceId}`;
  const policyIds = [];
  for (const p of policies()) policyIds.push((await post(`${ws}/sla-policies`, p)).id);
  const touchpoints = [];
  for (const tp of TOUCHPOINTS) {
    const created = await post(`${ws}/touchpoints`, {
      name: tp.name,
      stage: tp.stage,
      channel: tp.channel,
      ...(tp.policy === null ? {} : { slaPolicyId: policyIds[tp.policy] }),
    });
    touchpoints.push({ ...tp, id: created.id, policyId: tp.policy === null ? null : policyIds[tp.policy] });
  }
  const surveys = [];
  for (const s of SURVEYS) {
    const created = await post(`${ws}/surveys`, {
      name: s.name,
      kind: s.kind,
      languages: ['ru', 'en', 'bg'],
      defaultLanguage: 'ru',
      ...(s.touchpoint ? { touchpointName: s.touchpoint } : {}),
      ...(s.cesScale ? { cesScale: s.cesScale } : {}),
    });
    surveys.push({ ...s, id: created.id, scaleMax: s.kind === 'nps' ? 10 : s.kind === 'csat' ? 5 : s.cesScale });
  }
  const listed = await json(await fetch(`${server.base}/api/v1${ws}/churn/reasons`, { headers }));
  const reasonKeys = (Array.isArray(listed) ? listed : (listed.reasons ?? listed.items ?? [])).map((r) => r.key).slice(0, 10);
  const flow = await post(`${ws}/churn/flows`, { name: 'Scale cancellation', languages: ['ru', 'en'], defaultLanguage: 'ru', reasonKeys });
  const owners = (
    await pool.query(
      `WITH u AS (INSERT INTO users (email, name, password_hash)
                  SELECT 'scale-owner-' || i || '@otklik.local', 'Owner ' || i, 'x' FROM generate_series(1, 8) i RETURNING id)
       INSERT INTO memberships (workspace_id, user_id, role) SELECT $1, id, 'analyst' FROM u RETURNING user_id`,
      [workspaceId],
    )
  ).rows.map((r) => r.user_id);
  // Live, as surveys collecting answers are.
  await pool.query(`UPDATE surveys SET status = 'live' WHERE workspace_id = $1`, [workspaceId]);
  return { workspaceId, headers, touchpoints, surveys, reasonKeys, flowId: flow.id, owners };
}

// ---------------------------------------------------------------------------------------------------------------
// Set-based generation. Literals below are the bench's own constants (never user input), so they are inlined.

const lit = (s) => `'${String(s).replace(/'/g, "''")}'`;
const textArray = (list) => `ARRAY[${list.map(lit).join(', ')}]::text[]`;
const intArray = (list) => `ARRAY[${list.join(', ')}]::int[]`;
const uuidArray = (list) => `ARRAY[${list.map((v) => (v === null ? 'NULL' : lit(v))).join(', ')}]::uuid[]`;
/** A CASE that turns a uniform u into a 1-based index by cumulative shares. */
function pickIndex(u, shares) {
  const total = shares.reduce((a, b) => a + b, 0);
  let acc = 0;
  const whens = shares.slice(0, -1).map((s, i) => {
    acc += s / total;
    return `WHEN ${u} < ${acc.toFixed(6)} THEN ${i + 1}`;
  });
  return `(CASE ${whens.join(' ')} ELSE ${shares.length} END)`;
}
const sample = (list, u) => `(${list})[1 + floor(${u} * array_length(${list}, 1))::int]`;

/** Responses number `from`..`to` (idempotency keys scale-<n>), spread over the year before `now`. */
async function insertResponses(pool, setup, now, from, to) {
  const s = setup.surveys;
  const kindOf = `(${textArray(s.map((x) => x.kind))})[si]`;
  const scoreList = `(CASE ${kindOf} WHEN 'nps' THEN ${intArray(SCORES.nps)} WHEN 'csat' THEN ${intArray(SCORES.csat)}
                       ELSE CASE WHEN (${intArray(s.map((x) => x.scaleMax))})[si] = 7 THEN ${intArray(SCORES.ces7)} ELSE ${intArray(SCORES.ces5)} END END)`;
  const comments = `(CASE lang WHEN 'ru' THEN ${textArray(COMMENTS.ru)} WHEN 'en' THEN ${textArray(COMMENTS.en)} ELSE ${textArray(COMMENTS.bg)} END)`;
  await pool.query(
    `INSERT INTO responses (workspace_id, survey_id, survey_version, respondent_id, customer_external_id, idempotency_key, answers,
                            score, score_scale_max, comment, finished, language, hidden_fields, created_at, updated_at, finished_at)
     SELECT $1, (${uuidArray(s.map((x) => x.id))})[si], 1, 'scale-r-' || g, CASE WHEN u_k < 0.6 THEN 'c-' || (1 + floor(u_k / 0.6 * $4)::int) END,
            'scale-' || g,
            CASE WHEN cmt IS NULL THEN jsonb_build_object('score', score) ELSE jsonb_build_object('score', score, 'comment', cmt) END,
            score, (${intArray(s.map((x) => x.scaleMax))})[si], cmt, true, lang,
            jsonb_build_object('segment', (ARRAY['families', 'couples', 'singles', 'business'])[1 + (g % 4)],
                               'plan', (ARRAY['classic', 'family', 'veggie', 'lite'])[1 + (g / 7 % 4)]),
            at, at + interval '40 seconds', at + interval '40 seconds'
       FROM (SELECT g, si, lang, at, u_k,
                    ${sample(scoreList, `power(u_sc, 0.8 + 0.45 * age)`)}::smallint AS score,
                    CASE WHEN u_c < 0.15 THEN ${sample(comments, 'u_c / 0.15')} END AS cmt
               FROM (SELECT g, ${pickIndex(
                 'u_s',
                 s.map((x) => x.share),
               )} AS si, age, u_sc, u_k, u_c,
                            $5::timestamptz - age * interval '365 days' AS at,
                            CASE WHEN u_l < 0.7 THEN 'ru' WHEN u_l < 0.9 THEN 'en' ELSE 'bg' END AS lang
                       FROM (SELECT g, random() AS u_s, 1 - sqrt(random()) AS age, random() AS u_sc, random() AS u_k,
                                    random() AS u_c, random() AS u_l
                               FROM generate_series($2::int, $3::int) g) r) p) q`,
    [setup.workspaceId, from, to, CUSTOMERS, new Date(now).toISOString()],
  );
}

/** Displays of the surveys (1.3 per response), spread like the responses. */
async function insertDisplays(pool, setup, now, from, to) {
  const s = setup.surveys;
  await pool.query(
    `INSERT INTO survey_displays (workspace_id, survey_id, respondent_id, idempotency_key, created_at)
     SELECT $1, (${uuidArray(s.map((x) => x.id))})[${pickIndex(
       'u_s',
       s.map((x) => x.share),
     )}], 'scale-d-' || g, 'scale-d-' || g,
            $4::timestamptz - age * interval '365 days'
       FROM (SELECT g, random() AS u_s, 1 - sqrt(random()) AS age FROM generate_series($2::int, $3::int) g) r`,
    [setup.workspaceId, from, to, new Date(now).toISOString()],
  );
}

async function insertCustomers(pool, setup, now) {
  await pool.query(
    `INSERT INTO customers (workspace_id, external_id, name, email, segment, mrr, lifecycle_stage, first_seen_at, last_seen_at,
                            order_count, purchase_volume, last_order_at, created_at, updated_at)
     SELECT $1, 'c-' || g, 'Customer ' || g, 'c' || g || '@example.com',
            (ARRAY['families', 'couples', 'singles', 'business'])[1 + (g % 4)], round((5 + 95 * u_m)::numeric, 2),
            'repeat', fs, fs + u_l * ($3::timestamptz - fs), orders, round((orders * (20 + 80 * u_m))::numeric, 2),
            fs + u_l * ($3::timestamptz - fs), fs, fs
       FROM (SELECT g, $3::timestamptz - random() * interval '730 days' AS fs, random() AS u_m, random() AS u_l,
                    1 + floor(random() * 40)::int AS orders
               FROM generate_series(1, $2::int) g) r`,
    [setup.workspaceId, CUSTOMERS, new Date(now).toISOString()],
  );
}

/** Finished cancellation flows over the year: 72% cancelled, reasons weighted; those lost become 'left'. */
async function insertCancellations(pool, setup, now) {
  const keys = setup.reasonKeys;
  if (keys.length === 0) return;
  const weights = keys.map((_, i) => 1 / (i + 1));
  await pool.query(
    `INSERT INTO cancellations (workspace_id, flow_id, idempotency_key, customer_external_id, reason_key, offered_reason_keys,
                                outcome, mrr, language, created_at, updated_at, finished_at, customer_verified)
     SELECT $1, $2, 'scale-x-' || g, c.external_id, (${textArray(keys)})[${pickIndex('u_r', weights)}], ${textArray(keys)},
            CASE WHEN u_o < 0.72 THEN 'cancelled' ELSE 'saved' END, c.mrr, CASE WHEN u_r < 0.8 THEN 'ru' ELSE 'en' END,
            at - interval '3 minutes', at, at, true
       FROM (SELECT g, random() AS u_r, random() AS u_o, 1 - sqrt(random()) AS age,
                    'c-' || (1 + (g::bigint * 7919) % $4)::text AS ext FROM generate_series(1, $3::int) g) r
       JOIN customers c ON c.workspace_id = $1 AND c.external_id = r.ext
      CROSS JOIN LATERAL (SELECT greatest(c.first_seen_at + interval '1 day', $5::timestamptz - age * interval '365 days') AS at) t
      WHERE t.at < $5::timestamptz`,
    [setup.workspaceId, setup.flowId, CANCELLATIONS, CUSTOMERS, new Date(now).toISOString()],
  );
  await pool.query(
    `UPDATE customers c SET lifecycle_stage = 'left', stopped_at = x.at
       FROM (SELECT customer_external_id, min(finished_at) AS at FROM cancellations
              WHERE workspace_id = $1 AND outcome = 'cancelled' GROUP BY customer_external_id) x
      WHERE c.workspace_id = $1 AND c.external_id = x.customer_external_id`,
    [setup.workspaceId],
  );
}

/** Cases over the year: 20% opened from NPS detractors, the rest manual/API; SLA timers, replies, closes, follow-ups. */
async function insertCases(pool, setup, now) {
  const tps = setup.touchpoints;
  const nps = setup.surveys.filter((s) => s.kind === 'nps').map((s) => s.id);
  const tp = (field, cast) => `(ARRAY[${tps.map((t) => (t[field] === null ? 'NULL' : lit(t[field]))).join(', ')}]::${cast}[])[ti]`;
  await pool.query(
    `INSERT INTO cases (workspace_id, id, number, title, source, source_id, touchpoint_id, first_touchpoint_id, customer_external_id,
                        channel, priority, status, reopened, owner_id, sla_policy_id, opened_at, resolution_started_at,
                        first_response_due, first_response_warn_at, resolution_due, resolution_warn_at, first_responded_at,
                        resolved_at, closed_at, breached_first_response_at, breached_resolution_at, follow_up_csat, follow_up_at,
                        routed_by, created_at, updated_at)
     SELECT $1, md5('scale-case-' || g)::uuid, g, 'Case ' || g, CASE WHEN src_id IS NULL THEN (CASE WHEN g % 3 = 0 THEN 'api' ELSE 'manual' END) ELSE 'response' END,
            src_id, tp_id, tp_id, cust, coalesce(channel, 'other'), priority,
            CASE WHEN res_at IS NOT NULL THEN 'closed' WHEN fr_at IS NOT NULL AND u_fate < 0.05 THEN 'waiting_customer' ELSE 'open' END,
            false, owner, policy, opened, opened,
            fr_due, fr_due - interval '60 minutes', res_due, res_due - interval '240 minutes', fr_at, res_at, res_at,
            CASE WHEN fr_due < coalesce(fr_at, $4::timestamptz) THEN fr_due END,
            CASE WHEN res_due < coalesce(res_at, $4::timestamptz) THEN res_due END,
            CASE WHEN res_at IS NOT NULL AND u_cs < 0.4 AND res_at + interval '2 hours' < $4::timestamptz
                 THEN (ARRAY[1, 2, 3, 4, 4, 5, 5, 5])[1 + floor(u_cs / 0.4 * 8)::int] END,
            CASE WHEN res_at IS NOT NULL AND u_cs < 0.4 AND res_at + interval '2 hours' < $4::timestamptz THEN res_at + interval '2 hours' END,
            'round_robin', opened, opened
       FROM (SELECT *, CASE WHEN policy IS NOT NULL THEN opened + interval '240 minutes' END AS fr_due,
                       CASE WHEN policy IS NOT NULL THEN opened + interval '2880 minutes' END AS res_due,
                       CASE WHEN opened + fr_min * interval '1 minute' < $4::timestamptz THEN opened + fr_min * interval '1 minute' END AS fr_at,
                       CASE WHEN opened + res_min * interval '1 minute' < $4::timestamptz AND (u_fate >= 0.1 OR opened < $4::timestamptz - interval '30 days')
                            THEN opened + res_min * interval '1 minute' END AS res_at
               FROM (SELECT g, src_id, cust, opened, u_fate, u_cs, ti, ${tp('id', 'uuid')} AS tp_id, ${tp('channel', 'text')} AS channel,
                            ${tp('policyId', 'uuid')} AS policy, (ARRAY['urgent', 'high', 'normal', 'normal', 'normal', 'low'])[1 + floor(u_pr * 6)::int] AS priority,
                            CASE WHEN u_ow < 0.1 THEN NULL ELSE (${uuidArray(setup.owners)})[1 + floor(u_ow * ${setup.owners.length})::int] END AS owner,
                            2 + 1440 * power(u_fr, 4) AS fr_min, 2 + 1440 * power(u_fr, 4) + 30 + 7 * 1440 * power(u_res, 3) AS res_min
                       FROM (SELECT g, src_id, cust, opened,
                                    CASE WHEN random() < 0.08 THEN NULL ELSE 1 + floor(random() * ${tps.length})::int END AS ti,
                                    random() AS u_pr, random() AS u_ow, random() AS u_fate, random() AS u_fr, random() AS u_res, random() AS u_cs
                               FROM (-- detractors sampled over the whole year (ordered by a hash of the id), numbered first
                                     SELECT row_number() OVER ()::int AS g, d.id::text AS src_id, d.customer_external_id AS cust,
                                            d.created_at + interval '5 minutes' AS opened
                                       FROM (SELECT r.id, r.created_at, r.customer_external_id FROM responses r
                                              WHERE r.workspace_id = $1 AND r.survey_id = ANY($3::uuid[]) AND r.score <= 6
                                                AND r.created_at < $4::timestamptz - interval '10 minutes'
                                              ORDER BY md5(r.id::text) LIMIT $5) d
                                     UNION ALL
                                     SELECT g, NULL, NULL, $4::timestamptz - (1 - sqrt(random())) * interval '365 days'
                                       FROM generate_series($5 + 1, $2::int) g) u) a) b) c`,
    [setup.workspaceId, CASES, nps, new Date(now).toISOString(), Math.round(CASES * 0.2)],
  );
  await pool.query(
    `INSERT INTO case_events (workspace_id, case_id, actor_id, actor_kind, kind, details, created_at)
     SELECT workspace_id, id, NULL, 'system', 'opened', jsonb_build_object('source', source), opened_at FROM cases WHERE workspace_id = $1
     UNION ALL
     SELECT workspace_id, id, owner_id, CASE WHEN owner_id IS NULL THEN 'system' ELSE 'user' END, 'reply',
            jsonb_build_object('from', 'agent', 'text', 'Здравствуйте! Уже разбираемся.', 'channel', channel, 'firstResponse', true), first_responded_at
       FROM cases WHERE workspace_id = $1 AND first_responded_at IS NOT NULL
     UNION ALL
     SELECT workspace_id, id, NULL, 'system', 'sla_breached', jsonb_build_object('due', breached_first_response_at, 'timer', 'first_response'),
            breached_first_response_at FROM cases WHERE workspace_id = $1 AND breached_first_response_at IS NOT NULL
     UNION ALL
     SELECT workspace_id, id, owner_id, CASE WHEN owner_id IS NULL THEN 'system' ELSE 'user' END, 'closed',
            jsonb_build_object('rootCause', 'Ошибка сборки заказа', 'actionTaken', 'Вернули деньги', 'churnReasonKey', NULL), closed_at
       FROM cases WHERE workspace_id = $1 AND closed_at IS NOT NULL
     UNION ALL
     SELECT workspace_id, id, NULL, 'system', 'follow_up', jsonb_build_object('score', follow_up_csat, 'comment', NULL), follow_up_at
       FROM cases WHERE workspace_id = $1 AND follow_up_at IS NOT NULL`,
    [setup.workspaceId],
  );
  await pool.query(
    `INSERT INTO case_routing_hops (workspace_id, case_id, hopped_at, from_touchpoint_id, to_touchpoint_id, from_owner_id, to_owner_id,
                                    reason, actor_id, actor_kind)
     SELECT workspace_id, id, opened_at + interval '20 minutes', (${uuidArray(tps.map((t) => t.id))})[1 + number % ${tps.length}], touchpoint_id,
            (${uuidArray(setup.owners)})[1 + number % ${setup.owners.length}], owner_id,
            (ARRAY['wrong_touchpoint', 'wrong_owner', 'workload', 'absence', 'escalation'])[1 + number / 16 % 5], owner_id,
            CASE WHEN owner_id IS NULL THEN 'system' ELSE 'user' END
       FROM cases WHERE workspace_id = $1 AND number % 16 = 0 AND opened_at + interval '20 minutes' < $2::timestamptz`,
    [setup.workspaceId, new Date(now).toISOString()],
  );
}

const MENTION_WORDS = {
  ru: {
    who: ['Курьер', 'Оператор', 'Приложение', 'Поддержка', 'Доставка', 'Сайт', 'Пункт выдачи', 'Чат-бот'],
    negative: ['опоздал на два часа', 'не отвечает уже неделю', 'списал деньги дважды', 'потерял мою посылку', 'вылетает при оплате'],
    neutral: ['сегодня работает до восьми', 'сменил номер телефона', 'обновили в пятницу', 'теперь и в Казани'],
    positive: ['помог быстро и вежливо', 'вернул деньги за день', 'работает отлично', 'порадовал скидкой'],
    tail: ['вчера вечером', 'третий раз подряд', 'после обновления', 'в выходные', 'с утра', ''],
  },
  en: {
    who: ['The courier', 'Support', 'The app', 'Your store', 'Delivery', 'Checkout'],
    negative: ['was two hours late', 'never answered my emails', 'charged me twice', 'lost my parcel', 'crashes at checkout'],
    neutral: ['changed the opening hours', 'has a new phone number', 'was updated on Friday'],
    positive: ['was quick and friendly', 'refunded me fast', 'fixed it in minutes', 'is just great'],
    tail: ['last night', 'for the third time', 'after the update', 'this morning', ''],
  },
};

/** Mentions over the year: ru/en, four sources, 35% negative, 8% reposts of a recent mention. */
async function insertMentions(pool, setup, now) {
  const w = MENTION_WORDS;
  const part = (key) => `(CASE lang WHEN 'ru' THEN ${textArray(w.ru[key])} ELSE ${textArray(w.en[key])} END)`;
  await pool.query(
    `INSERT INTO mentions (workspace_id, id, source, external_id, author, text, language, sentiment, sentiment_score, posted_at, reach,
                           duplicate_of, duplicate_kind, text_hash, channel, created_at, updated_at)
     SELECT $1, md5('scale-m-' || g)::uuid, (ARRAY['twitter', 'vk', 'telegram', 'otzovik'])[1 + floor(u_src * 4)::int], 'scale-m-' || g,
            '@user' || (g % 50000), txt, lang, sentiment, sentiment * (0.3 + 0.6 * u_src)::real, at, floor(power(u_r, 3) * 20000)::int,
            CASE WHEN dup THEN md5('scale-m-' || (g - 1 - floor(u_r * 500)::int))::uuid END, CASE WHEN dup THEN 'repost' END,
            md5(txt), 'api', at + interval '2 minutes', at + interval '2 minutes'
       FROM (SELECT *, ${sample(part('who'), 'u_w')} || ' ' ||
                       CASE sentiment WHEN -1 THEN ${sample(part('negative'), 'u_p')} WHEN 0 THEN ${sample(part('neutral'), 'u_p')}
                            ELSE ${sample(part('positive'), 'u_p')} END || ' ' || ${sample(part('tail'), 'u_t')} || ' #' || (g % 997) AS txt
               FROM (SELECT g, CASE WHEN random() < 0.75 THEN 'ru' ELSE 'en' END AS lang,
                            CASE WHEN u < 0.35 THEN -1 WHEN u < 0.8 THEN 0 ELSE 1 END AS sentiment,
                            random() AS u_w, random() AS u_p, random() AS u_t, random() AS u_src, random() AS u_r,
                            g > 600 AND random() < 0.08 AS dup, $3::timestamptz - (1 - sqrt(random())) * interval '365 days' AS at
                       FROM (SELECT g, random() AS u FROM generate_series(1, $2::int) g) r0) r) m`,
    [setup.workspaceId, MENTIONS, new Date(now).toISOString()],
  );
}

async function vacuum(pool, tables) {
  for (const t of tables) await pool.query(`VACUUM (ANALYZE) ${t}`);
}

const databaseMb = async (pool) =>
  Math.round(Number((await pool.query('SELECT pg_database_size(current_database()) AS b')).rows[0].b) / 2 ** 20);

// ---------------------------------------------------------------------------------------------------------------
// Timing.

function periods(now) {
  const to = new Date(Math.ceil(now / DAY) * DAY);
  const range = (days) => `from=${new Date(to.getTime() - days * DAY).toISOString()}&to=${to.toISOString()}&timeZone=${TIME_ZONE}`;
  return { year: range(365), d30: range(30) };
}

/** The dashboard aggregates: [name, path, what the answer covered]. */
function endpoints(setup, now, { metricsOnly = false } = {}) {
  const ws = `/api/v1/workspaces/${setup.workspaceId}`;
  const { year, d30 } = periods(now);
  const main = setup.surveys[0];
  const metricSize = (b) => ({ responses: b.summary?.responses ?? b.responses ?? null, points: b.series?.length ?? null });
  const metrics = [
    [`survey-metrics year/day`, `${ws}/surveys/${main.id}/metrics?${year}&interval=day`, metricSize],
    [`survey-metrics year/week`, `${ws}/surveys/${main.id}/metrics?${year}&interval=week`, metricSize],
    [`survey-metrics year/month`, `${ws}/surveys/${main.id}/metrics?${year}&interval=month`, metricSize],
    [`survey-metrics 30d/day`, `${ws}/surveys/${main.id}/metrics?${d30}&interval=day`, metricSize],
    [`metrics/nps year/month`, `${ws}/metrics/nps?${year}&interval=month`, metricSize],
    [`metrics/nps 30d/day`, `${ws}/metrics/nps?${d30}&interval=day`, metricSize],
    [`metrics/nps touchpoint year/week`, `${ws}/metrics/nps?${year}&interval=week&touchpoint=Delivery`, metricSize],
    [`metrics/csat year/month`, `${ws}/metrics/csat?${year}&interval=month`, metricSize],
    [`metrics/ces year/month`, `${ws}/metrics/ces?${year}&interval=month`, metricSize],
  ];
  if (metricsOnly) return metrics;
  return [
    ...metrics,
    ['churn/summary year', `${ws}/churn/summary?${year}`, (b) => ({ lost: b.customerChurn?.lost ?? null })],
    ['churn/reasons-over-time year', `${ws}/churn/reasons-over-time?${year}`, (b) => ({ keys: Object.keys(b).length })],
    ['case-reports year by touchpoint', `${ws}/case-reports?${year}&groupBy=touchpoint`, (b) => ({ cases: b.totals?.cases ?? null })],
    ['case-reports/series year/week', `${ws}/case-reports/series?${year}&interval=week`, (b) => ({ points: b.points?.length ?? null })],
    ['case-reports/routing year', `${ws}/case-reports/routing?${year}`, (b) => ({ keys: Object.keys(b).length })],
    ['mentions/stats year/week', `${ws}/mentions/stats?${year}&interval=week`, (b) => ({ mentions: b.totals?.total ?? null })],
    ['mentions/stats 30d/day', `${ws}/mentions/stats?${d30}&interval=day`, (b) => ({ mentions: b.totals?.total ?? null })],
    [
      'overview 30d',
      `${ws}/overview?${d30}&language=ru`,
      (b) => ({ responses: b.scores?.responses ?? null, openCases: b.cases?.open ?? null }),
    ],
  ];
}

async function timed(server, headers, path) {
  const t0 = performance.now();
  const res = await fetch(`${server.base}${path}`, { headers, signal: AbortSignal.timeout(TIMEOUT_MS) });
  const body = await res.json();
  const ms = performance.now() - t0;
  if (!res.ok) throw new Error(`${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  return { ms, body };
}

/** Cold (optional) and warm figures of one endpoint; a failure or timeout is recorded, not thrown. */
async function measure(server, headers, [, path, size], { cold }) {
  const result = {};
  const started = performance.now();
  try {
    if (cold) {
      const first = await timed(server, headers, path);
      result.cold_ms = Math.round(first.ms);
      Object.assign(result, size(first.body));
    }
    for (let i = 0; i < WARMUP && performance.now() - started < BUDGET_MS; i++) await timed(server, headers, path);
    const times = [];
    let last;
    while (times.length < RUNS && (times.length < 3 || performance.now() - started < BUDGET_MS)) {
      last = await timed(server, headers, path);
      times.push(last.ms);
    }
    times.sort((a, b) => a - b);
    result.p50_ms = Number(percentile(times, 50).toFixed(1));
    result.p95_ms = Number(percentile(times, 95).toFixed(1));
    result.runs = times.length;
    if (!cold) Object.assign(result, size(last.body));
  } catch (error) {
    result.error = String(error.message ?? error).slice(0, 300);
  }
  return result;
}

async function measureAll(server, headers, list) {
  const out = {};
  if (COLD === 'once') {
    await server.stop();
    await server.start();
  }
  for (const endpoint of list) {
    if (COLD === 'each') {
      await server.stop();
      await server.start();
    }
    log(`measuring ${endpoint[0]}`);
    out[endpoint[0]] = await measure(server, headers, endpoint, { cold: true });
    log(`  ${JSON.stringify(out[endpoint[0]])}`);
  }
  return out;
}

async function measureWarm(server, headers, list) {
  const out = {};
  for (const endpoint of list) {
    log(`measuring ${endpoint[0]} (warm)`);
    out[endpoint[0]] = await measure(server, headers, endpoint, { cold: false });
    log(`  ${JSON.stringify(out[endpoint[0]])}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// History import and clustering: the other parts' benches when they are there.

/**
 * The history import through its endpoint (POST …/surveys/{id}/response-imports?start=true, then GET …/{importId}
 * until done) into a new NPS survey, on a freshly started backend: rows/s of the import (its startedAt → finishedAt)
 * and end to end (upload → done), and the backend's peak resident memory meanwhile. "not built" without the endpoint.
 */
async function historyImport(server, setup, rows) {
  const ws = `${server.base}/api/v1/workspaces/${setup.workspaceId}`;
  const survey = await json(
    await fetch(`${ws}/surveys`, {
      method: 'POST',
      headers: setup.headers,
      body: JSON.stringify({ name: 'Imported history NPS', kind: 'nps', languages: ['ru', 'en'], defaultLanguage: 'ru' }),
    }),
  );
  // A file as an export from another tool: over the two years before the bench's year, ~15% with a comment.
  const lines = ['created_at,score,comment,respondent_id,customer_id,language'];
  let seed = 7;
  const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const start = Date.now() - 3 * 365 * DAY;
  for (let i = 0; i < rows; i++) {
    const at = new Date(start + rnd() * 2 * 365 * DAY).toISOString();
    const score = SCORES.nps[Math.floor(rnd() * SCORES.nps.length)];
    const ru = rnd() < 0.7;
    const comment = rnd() < 0.15 ? `"${(ru ? COMMENTS.ru : COMMENTS.en)[i % (ru ? COMMENTS.ru.length : COMMENTS.en.length)]}"` : '';
    lines.push(`${at},${score},${comment},hist-${i},${rnd() < 0.6 ? `c-${1 + (i % CUSTOMERS)}` : ''},${ru ? 'ru' : 'en'}`);
  }
  const csv = Buffer.from(lines.join('\n') + '\n');
  lines.length = 0;
  server.resetPeak();
  await server.stop();
  await server.start();
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'history.csv');
  const { 'content-type': _omit, ...headers } = setup.headers;
  const t0 = performance.now();
  const upload = await fetch(`${ws}/surveys/${survey.id}/response-imports?start=true`, { method: 'POST', headers, body: form });
  if (upload.status === 404) return 'not built';
  let state = await json(upload);
  const importId = state.id;
  while (!['done', 'failed'].includes(state.status) && performance.now() - t0 < 30 * 60_000) {
    await new Promise((r) => setTimeout(r, 1000));
    state = await json(await fetch(`${ws}/surveys/${survey.id}/response-imports/${importId}`, { headers: setup.headers }));
  }
  const wall = (performance.now() - t0) / 1000;
  const importSeconds = state.startedAt && state.finishedAt ? (Date.parse(state.finishedAt) - Date.parse(state.startedAt)) / 1000 : null;
  return {
    rows,
    file_mb: Number((csv.length / 2 ** 20).toFixed(1)),
    status: state.status,
    imported: state.imported ?? null,
    failed: state.failed ?? null,
    import_s: importSeconds === null ? null : Number(importSeconds.toFixed(1)),
    rows_per_s: importSeconds ? Math.round(rows / importSeconds) : null,
    end_to_end_s: Number(wall.toFixed(1)),
    end_to_end_rows_per_s: Math.round(rows / wall),
    backend_peak_rss_mb: server.peakRssMb(),
    ...(state.message ? { message: state.message } : {}),
  };
}

/** Runs the clustering engine on `count` texts in a child process: wall and CPU seconds, peak RSS. */
async function clusteringRebuild(count) {
  // The clustering part's own measurement through the real path (POST …/clusters/runs on its own backend) when it is there.
  const scaleBench = join(root, 'tests', 'bench', 'clustering-scale.bench.mjs');
  if (existsSync(scaleBench)) {
    const mod = await import(pathToFileURL(scaleBench).href);
    if (typeof mod.measureRebuild === 'function')
      return { via: 'clustering-scale.bench.mjs measureRebuild', ...(await mod.measureRebuild({ texts: count })) };
  }
  const textsModule = join(root, 'tests', 'bench', 'lib', 'complaint-texts.mjs');
  const script = `
    import { createRequire } from 'node:module';
    const require = createRequire(${JSON.stringify(join(root, 'backend', 'package.json'))});
    const { clusterTexts } = require(${JSON.stringify(join(root, 'backend', 'dist', 'backend', 'src', 'text', 'engine.js'))});
    const { complaintTexts } = await import(${JSON.stringify(pathToFileURL(textsModule).href)});
    const made = complaintTexts(${count});
    const texts = Array.isArray(made) ? made.map((t) => (typeof t === 'string' ? t : t.text)) : made.texts;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const result = clusterTexts(texts, { seed: 42 });
    const cpu = process.cpuUsage(cpu0);
    console.log(JSON.stringify({
      texts: texts.length,
      seconds: Number(((performance.now() - t0) / 1000).toFixed(1)),
      cpu_seconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(1)),
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      clusters: result.clusters?.length ?? null,
      via: 'clusterTexts in a child process (tests/bench/lib/complaint-texts.mjs)',
    }));`;
  if (!existsSync(textsModule)) return 'not run (tests/bench/lib/complaint-texts.mjs missing)';
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => {
      try {
        resolve(JSON.parse(out.trim().split('\n').at(-1)));
      } catch {
        resolve({ error: `exit ${code}`, output: out.slice(-300) });
      }
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------

export default async function run() {
  const result = { bench: 'scale', load_average_start: load(), cold: COLD, warm_runs: RUNS, warmup: WARMUP };
  const server = backend();
  let pool;
  let setup;
  // Interrupted (Ctrl-C, kill): stop the backend and its PostgreSQL and remove the scratch data, then leave.
  const interrupted = async () => {
    await server.stop();
    server.remove();
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    result.backend_start_s = await server.start();
    // One connection that stays open: setseed() then holds for every generating statement.
    pool = new Pool({ connectionString: server.pgUrl, max: 1, idleTimeoutMillis: 0 });
    pool.on('error', () => undefined);
    setup = await setUp(server, pool);
    const now = Date.now();

    log(`generating ${RESPONSES} responses, ${CASES} cases, ${MENTIONS} mentions, ${CUSTOMERS} customers`);
    const gen = {};
    let t0 = performance.now();
    await pool.query('SELECT setseed(0.42)');
    await insertCustomers(pool, setup, now);
    await insertCancellations(pool, setup, now);
    gen.customers_s = seconds(t0);
    t0 = performance.now();
    for (let from = 1; from <= RESPONSES; from += 1_000_000)
      await insertResponses(pool, setup, now, from, Math.min(RESPONSES, from + 999_999));
    await insertDisplays(pool, setup, now, 1, Math.round(RESPONSES * 1.3));
    gen.responses_s = seconds(t0);
    t0 = performance.now();
    await insertCases(pool, setup, now);
    gen.cases_s = seconds(t0);
    t0 = performance.now();
    await insertMentions(pool, setup, now);
    gen.mentions_s = seconds(t0);
    t0 = performance.now();
    await vacuum(pool, [
      'customers',
      'cancellations',
      'responses',
      'survey_displays',
      'cases',
      'case_events',
      'case_routing_hops',
      'mentions',
    ]);
    gen.vacuum_analyze_s = seconds(t0);
    log(`generated in ${JSON.stringify(gen)}`);

    const count = async (table) =>
      (await pool.query(`SELECT count(*)::int AS n FROM ${table} WHERE workspace_id = $1`, [setup.workspaceId])).rows[0].n;
    result.size = {
      responses: await count('responses'),
      survey_responses: (
        await pool.query(`SELECT count(*)::int AS n FROM responses WHERE workspace_id = $1 AND survey_id = $2`, [
          setup.workspaceId,
          setup.surveys[0].id,
        ])
      ).rows[0].n,
      displays: await count('survey_displays'),
      customers: await count('customers'),
      cancellations: await count('cancellations'),
      cases: await count('cases'),
      case_events: await count('case_events'),
      routing_hops: await count('case_routing_hops'),
      mentions: await count('mentions'),
      database_mb: await databaseMb(pool),
    };
    result.generation_s = gen;
    log(`sizes ${JSON.stringify(result.size)}`);

    server.resetPeak();
    result.endpoints = await measureAll(server, setup.headers, endpoints(setup, now));
    result.backend_peak_rss_mb = server.peakRssMb();
    result.load_average_after_endpoints = load();

    if (SKIP_IMPORT) result.import = 'skipped';
    else {
      log(`history import of ${IMPORT_ROWS} rows`);
      try {
        result.import = await historyImport(server, setup, IMPORT_ROWS);
      } catch (error) {
        result.import = { error: String(error.message ?? error).slice(0, 300) };
      }
      log(`  ${JSON.stringify(result.import)}`);
    }

    if (SKIP_CLUSTERING) result.clustering = 'skipped';
    else {
      log(`clustering ${CLUSTER_TEXTS} texts`);
      try {
        result.clustering = await clusteringRebuild(CLUSTER_TEXTS);
      } catch (error) {
        result.clustering = { error: String(error.message ?? error).slice(0, 300) };
      }
    }

    if (BIG > RESPONSES) {
      log(`growing to ${BIG} responses`);
      t0 = performance.now();
      await pool.query('SELECT setseed(0.43)');
      // Million by million (displays alongside), until BIG or SCALE_BIG_MAX_MINUTES: then measured at the size reached.
      let reached = RESPONSES;
      while (reached < BIG && performance.now() - t0 < BIG_MAX_MINUTES * 60_000) {
        const next = Math.min(BIG, reached + 1_000_000);
        await insertResponses(pool, setup, now, reached + 1, next);
        await insertDisplays(pool, setup, now, Math.round(reached * 1.3) + 1, Math.round(next * 1.3));
        reached = next;
        log(`  ${reached} responses`);
      }
      const generation = seconds(t0);
      t0 = performance.now();
      await vacuum(pool, ['responses', 'survey_displays']);
      server.resetPeak();
      await server.stop();
      await server.start();
      result.big = {
        // The bench surveys' responses (the imported history, in a survey of its own, is left out).
        responses: (
          await pool.query(`SELECT count(*)::int AS n FROM responses WHERE workspace_id = $1 AND survey_id = ANY($2::uuid[])`, [
            setup.workspaceId,
            setup.surveys.map((x) => x.id),
          ])
        ).rows[0].n,
        survey_responses: (
          await pool.query(`SELECT count(*)::int AS n FROM responses WHERE workspace_id = $1 AND survey_id = $2`, [
            setup.workspaceId,
            setup.surveys[0].id,
          ])
        ).rows[0].n,
        generation_s: generation,
        ...(reached < BIG ? { stopped_at_time_limit: true, target_responses: BIG } : {}),
        vacuum_analyze_s: seconds(t0),
        database_mb: await databaseMb(pool),
        endpoints: await measureWarm(server, setup.headers, endpoints(setup, now, { metricsOnly: true })),
        backend_peak_rss_mb: server.peakRssMb(),
        load_average: load(),
      };
    }
  } finally {
    await pool?.end();
    await server.stop();
    server.remove();
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }

  result.targets = {
    warm_ms: 100,
    cold_ms: 300,
    big_warm_ms: 200,
    import_rows_per_s: 20_000,
    clustering_100k_s: 30,
    clustering_100k_rss_mb: 1024,
  };
  result.load_average_end = load();
  console.log(JSON.stringify(result));
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
