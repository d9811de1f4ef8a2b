/**
 * Two replicas of `npm start`'s backend on one PostgreSQL, as behind a load balancer: sessions and CSRF tokens made on
 * one are good on the other; failed sign-ins spread over both lock the account at the same count as on one; each
 * webhook event is delivered once; one cluster rebuild runs at a time when both are asked; killing one replica with
 * SIGKILL under load loses no acknowledged response while the other keeps serving. Then a third process with
 * DATABASE_READ_URL pointing at a copy of the database whose data differs (and whose user may only read), to show
 * which queries go there. `npm run build` first (npm test does).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '@otklik/backend/src/app.factory';
import { loadConfig } from '@otklik/backend/src/config/app-config';
import { PasswordHasher } from '@otklik/backend/src/users/password-hasher';
import { UsersService } from '@otklik/backend/src/users/users.service';
import { WorkspacesService } from '@otklik/backend/src/workspaces/workspaces.service';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { freePort } from '../support/free-port';
import { type ServerProcess, startServerProcess } from '../support/server-process';

const PASSWORD = 'correct-horse-battery';
const ACCOUNT_LIMIT = 5;

let db: TestDatabase;
let a: ServerProcess;
let b: ServerProcess;
let admin: { email: string; workspaceId: string };
let session: { cookie: string; csrf: string };
let survey: { id: string; publicKey: string };
let receiver: Server;
const deliveries = new Map<string, number>();

const agent = new Agent({ keepAlive: true, maxSockets: 64 });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function env(extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: db.url,
    OTKLIK_SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    OTKLIK_WEBHOOK_ALLOWED_NETWORKS: '127.0.0.0/8',
    OTKLIK_WEBHOOK_POLL_MS: '100',
    OTKLIK_WEBHOOK_RETRY_BASE_MS: '100',
    LOGIN_LIMIT_PER_ACCOUNT_PER_15_MINUTES: String(ACCOUNT_LIMIT),
    LOGIN_LIMIT_PER_IP_PER_MINUTE: '10000',
    PUBLIC_LIMIT_PER_IP_PER_MINUTE: '10000000',
    PUBLIC_LIMIT_PER_SURVEY_PER_MINUTE: '100000000',
    ...extra,
  };
}

async function query<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

async function login(base: string, email: string, password: string): Promise<Response> {
  return fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
}

function api(base: string, method: string, path: string, body?: object): Promise<Response> {
  return fetch(`${base}/api/v1/workspaces/${admin.workspaceId}${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
    body: body ? JSON.stringify(body) : undefined,
  });
}

/** A widget's POST of a finished response; 0 when the replica did not answer. */
function postResponse(base: string, key: string, comment?: string): Promise<number> {
  return new Promise((resolve) => {
    const data = Buffer.from(
      JSON.stringify({ idempotencyKey: key, respondentId: `r-${key}`, answers: { score: 4, comment }, finished: true }),
    );
    const req = request(
      `${base}/api/v1/public/surveys/${survey.publicKey}/responses`,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': data.length }, timeout: 5000 },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(0));
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
    req.end(data);
  });
}

beforeAll(async () => {
  db = await createTestDatabase();
  receiver = createServer((req, res) => {
    const id = String(req.headers['webhook-id']);
    deliveries.set(id, (deliveries.get(id) ?? 0) + 1);
    req.resume();
    req.on('end', () => res.writeHead(200).end());
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));

  // Migrate and make the admin in-process (no background jobs), then leave the database to the two replicas.
  const setup = await createApp(
    loadConfig({ LOG_LEVEL: 'silent', LOG_FORMAT: 'json' }, { seedDemo: false, backgroundJobs: false, port: 0 }),
    db.url,
  );
  const email = `admin-${randomUUID()}@example.test`;
  const user = await setup.get(UsersService).create({ email, name: 'Admin', passwordHash: await setup.get(PasswordHasher).hash(PASSWORD) });
  const workspace = await setup.get(WorkspacesService).create('Replicas', user.id);
  admin = { email, workspaceId: workspace.id };
  await setup.close();

  [a, b] = await Promise.all([startServerProcess(env(), await freePort(), 120_000), startServerProcess(env(), await freePort(), 120_000)]);

  const signedIn = await login(a.baseUrl, admin.email, PASSWORD);
  expect(signedIn.status).toBe(200);
  session = {
    cookie: signedIn.headers.get('set-cookie')!.split(';')[0],
    csrf: ((await signedIn.json()) as { csrfToken: string }).csrfToken,
  };
  // Made through B with A's session: the session and its CSRF token are rows, good on every replica.
  const created = await api(b.baseUrl, 'POST', '/surveys', {
    name: 'Replicas NPS',
    kind: 'nps',
    displayRules: { trigger: 'page_load', samplePercent: 100, recontactDays: 0, stopAfterResponse: false },
  });
  expect(created.status).toBe(201);
  survey = (await created.json()) as { id: string; publicKey: string };
  expect((await api(a.baseUrl, 'PATCH', `/surveys/${survey.id}`, { status: 'live' })).status).toBe(200);
  const port = (receiver.address() as AddressInfo).port;
  expect((await api(b.baseUrl, 'POST', '/webhooks', { url: `http://127.0.0.1:${port}/hook`, events: ['response.created'] })).status).toBe(
    201,
  );
}, 180_000);

async function stop(server: ServerProcess | undefined): Promise<void> {
  if (server && server.child.exitCode === null && server.child.signalCode === null) {
    server.child.kill('SIGINT');
    await server.exited;
  }
}

afterAll(async () => {
  await Promise.all([stop(a), stop(b)]);
  agent.destroy();
  await new Promise((r) => receiver?.close(r));
  await db?.drop();
});

describe('two replicas on one PostgreSQL', () => {
  it('a session made on one replica is signed in, with its CSRF token, on the other', async () => {
    const me = await fetch(`${b.baseUrl}/api/v1/auth/session`, { headers: { cookie: session.cookie } });
    expect(me.status).toBe(200);
    // A write without the token is refused on either replica; with it, accepted on both (above).
    const refused = await fetch(`${b.baseUrl}/api/v1/workspaces/${admin.workspaceId}/surveys/${survey.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie: session.cookie },
      body: JSON.stringify({ name: 'No token' }),
    });
    expect(refused.status).toBe(403);
  });

  it('failed sign-ins spread over both replicas lock the account at the same count as on one', async () => {
    const spread: number[] = [];
    for (let i = 0; i < ACCOUNT_LIMIT + 2; i++) spread.push((await login(i % 2 ? b.baseUrl : a.baseUrl, admin.email, 'wrong')).status);
    const other = `nobody-${randomUUID()}@example.test`;
    const one: number[] = [];
    for (let i = 0; i < ACCOUNT_LIMIT + 2; i++) one.push((await login(a.baseUrl, other, 'wrong')).status);
    const expected = [...Array<number>(ACCOUNT_LIMIT).fill(401), 429, 429];
    expect(one).toEqual(expected);
    expect(spread).toEqual(expected);
    // Locked on both, even with the right password.
    expect((await login(a.baseUrl, admin.email, PASSWORD)).status).toBe(429);
    expect((await login(b.baseUrl, admin.email, PASSWORD)).status).toBe(429);
    // Every attempt is counted before the password check, refused ones too: 7 spread + 2 right ones on the admin.
    const [{ points }] = await query<{ points: number }>(
      db.url,
      `SELECT points FROM rate_limits WHERE key LIKE 'login-fail:%' ORDER BY points DESC LIMIT 1`,
    );
    expect(points).toBe(ACCOUNT_LIMIT + 4);
  });

  it('delivers every webhook event once, whichever replica stored the response', async () => {
    const keys = Array.from({ length: 30 }, () => randomUUID());
    const statuses = await Promise.all(keys.map((key, i) => postResponse(i % 2 ? b.baseUrl : a.baseUrl, key)));
    expect(statuses.every((s) => s === 201)).toBe(true);
    const events = await query<{ id: string }>(db.url, `SELECT DISTINCT event_id AS id FROM webhook_deliveries WHERE workspace_id = $1`, [
      admin.workspaceId,
    ]);
    expect(events).toHaveLength(30);
    for (let waited = 0; waited < 20_000 && deliveries.size < 30; waited += 100) await sleep(100);
    // Both dispatchers poll every 100 ms: give them ten more turns to send anything twice.
    await sleep(1_000);
    expect(deliveries.size).toBe(30);
    expect(new Set(deliveries.keys())).toEqual(new Set(events.map((e) => e.id)));
    expect([...deliveries.values()].every((n) => n === 1)).toBe(true);
  }, 60_000);

  it('runs one cluster rebuild at a time when both replicas are asked at once', async () => {
    const texts = [
      'Delivery was late again',
      'Courier lost my parcel',
      'App crashes on login',
      'Refund took weeks',
      'Support never answers',
    ];
    for (let i = 0; i < 40; i++)
      expect(await postResponse(i % 2 ? b.baseUrl : a.baseUrl, randomUUID(), `${texts[i % 5]} (${i})`)).toBe(201);
    expect((await api(a.baseUrl, 'POST', '/clusters/sync')).status).toBe(200);
    const asked = await Promise.all([api(a.baseUrl, 'POST', '/clusters/runs'), api(b.baseUrl, 'POST', '/clusters/runs')]);
    const statuses = asked.map((r) => r.status);
    for (let waited = 0; waited < 60_000; waited += 200) {
      const [{ running }] = await query<{ running: number }>(
        db.url,
        `SELECT count(*)::int AS running FROM cluster_runs WHERE workspace_id = $1 AND status = 'running'`,
        [admin.workspaceId],
      );
      if (running === 0) break;
      await sleep(200);
    }
    const runs = await query<{ status: string; started: Date; finished: Date }>(
      db.url,
      `SELECT status, started_at AS started, finished_at AS finished FROM cluster_runs WHERE workspace_id = $1 ORDER BY started_at`,
      [admin.workspaceId],
    );
    expect(runs.every((r) => r.status === 'completed')).toBe(true);
    // Each replica either started a run (202) or was told one is running (409): the cluster sync's own scheduled
    // rebuild (the texts just grew) may be that one. However they fell, the runs never overlap.
    expect(statuses.every((s) => s === 202 || s === 409)).toBe(true);
    expect(runs.length).toBeGreaterThanOrEqual(Math.max(1, statuses.filter((s) => s === 202).length));
    for (let i = 1; i < runs.length; i++) expect(runs[i].started.getTime()).toBeGreaterThanOrEqual(runs[i - 1].finished.getTime());
  }, 90_000);

  it('loses no acknowledged response when one replica is killed under load; the other keeps serving', async () => {
    const acked = new Set<string>();
    let ackedAfterKill = 0;
    let killed = false;
    let running = true;
    // A load balancer's round robin that retries a request on the other replica when one does not answer.
    let turn = 0;
    const clients = Array.from({ length: 8 }, async () => {
      while (running) {
        const key = randomUUID();
        const first = turn++ % 2 ? b : a;
        let status = first === a && killed ? 0 : await postResponse(first.baseUrl, key);
        if (status === 0) status = await postResponse(b.baseUrl, key);
        if (status === 201 || status === 200) {
          acked.add(key);
          if (killed) ackedAfterKill += 1;
        }
      }
    });
    await sleep(1_500);
    a.child.kill('SIGKILL');
    await a.exited;
    killed = true;
    await sleep(1_500);
    running = false;
    await Promise.all(clients);
    const rows = await query<{ key: string; n: number }>(
      db.url,
      `SELECT idempotency_key AS key, count(*)::int AS n FROM responses WHERE survey_id = $1 GROUP BY 1`,
      [survey.id],
    );
    const stored = new Map(rows.map((r) => [r.key, r.n]));
    expect(acked.size).toBeGreaterThan(50);
    expect(ackedAfterKill).toBeGreaterThan(10);
    expect([...acked].filter((key) => stored.get(key) !== 1)).toEqual([]);
    expect((await fetch(`${b.baseUrl}/api/v1/health`)).status).toBe(200);
  }, 60_000);
});

describe('DATABASE_READ_URL', () => {
  it('sends the dashboards’ aggregates to the read URL and everything else to the primary', async () => {
    // A copy of the database (CREATE DATABASE … TEMPLATE needs it idle: the replicas stop first) that differs from the
    // primary in one way: the copy has no responses. Its user may only read, as on a hot standby.
    for (let i = 0; i < 5; i++) expect(await postResponse(b.baseUrl, randomUUID())).toBe(201);
    await Promise.all([stop(a), stop(b)]);
    const suffix = randomBytes(4).toString('hex');
    const copy = `${new URL(db.url).pathname.slice(1)}_read_${suffix}`;
    const reader = `otklik_reader_${suffix}`;
    const adminUrl = new URL(db.url);
    adminUrl.pathname = '/postgres';
    // PostgreSQL waits up to 5 s for the killed replica's connections to go; retry once more after that.
    const source = new URL(db.url).pathname.slice(1);
    await query(adminUrl.toString(), `CREATE DATABASE ${copy} TEMPLATE ${source}`).catch(() =>
      query(adminUrl.toString(), `CREATE DATABASE ${copy} TEMPLATE ${source}`),
    );
    const copyUrl = new URL(db.url);
    copyUrl.pathname = `/${copy}`;
    // No responses, nor anything summed from them (rollup tables, when aggregates keep them).
    await query(
      copyUrl.toString(),
      `DO $$ DECLARE t text; BEGIN
         FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE '%rollup%' LOOP
           EXECUTE format('TRUNCATE %I', t);
         END LOOP;
       END $$`,
    );
    await query(copyUrl.toString(), `TRUNCATE responses CASCADE`);
    await query(copyUrl.toString(), `CREATE ROLE ${reader} LOGIN PASSWORD 'reader'`);
    await query(copyUrl.toString(), `GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${reader}`);
    const readUrl = new URL(copyUrl);
    readUrl.username = reader;
    readUrl.password = 'reader';
    let c: ServerProcess | undefined;
    try {
      c = await startServerProcess(env({ DATABASE_READ_URL: readUrl.toString() }), await freePort(), 120_000);
      const [{ n }] = await query<{ n: number }>(db.url, `SELECT count(*)::int AS n FROM responses WHERE survey_id = $1 AND finished`, [
        survey.id,
      ]);
      expect(n).toBeGreaterThanOrEqual(5);
      const metrics = await api(c.baseUrl, 'GET', `/surveys/${survey.id}/metrics`);
      expect(metrics.status).toBe(200);
      // The aggregate came from the copy (no responses) …
      expect(((await metrics.json()) as { summary: { responses: number } }).summary.responses).toBe(0);
      // … the response list, not a dashboard aggregate, from the primary.
      const list = await api(c.baseUrl, 'GET', `/surveys/${survey.id}/responses?limit=5`);
      expect(((await list.json()) as { items: unknown[] }).items).toHaveLength(5);
      // Every aggregate on the list answers with a user that cannot write: none of them writes.
      for (const path of ['/metrics/nps', '/case-reports', '/case-reports.csv', '/case-reports/series', '/mentions/stats'])
        expect([path, (await api(c.baseUrl, 'GET', path)).status]).toEqual([path, 200]);
      // Writes still go to the primary.
      expect((await api(c.baseUrl, 'PATCH', `/surveys/${survey.id}`, { name: 'Renamed on C' })).status).toBe(200);
      const [{ name }] = await query<{ name: string }>(db.url, `SELECT name FROM surveys WHERE id = $1`, [survey.id]);
      expect(name).toBe('Renamed on C');
    } finally {
      await stop(c);
      await query(adminUrl.toString(), `DROP DATABASE IF EXISTS ${copy} WITH (FORCE)`);
      await query(adminUrl.toString(), `DROP ROLE IF EXISTS ${reader}`);
    }
  }, 150_000);
});
