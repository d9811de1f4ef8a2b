import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN } from '@otklik/backend/src/demo/demo-seed';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '@otklik/backend/src/database/embedded-postgres.launcher';
import { freePort } from '../support/free-port';
import { type ServerProcess, startServerProcess } from '../support/server-process';
import { recordFigures } from './figures';

/**
 * Faults under load, with `npm start`'s process on its own PostgreSQL: the backend killed with SIGKILL
 * mid-load and restarted, then PostgreSQL itself stopped and started again under load. Widget clients keep
 * posting responses throughout; afterwards every acknowledged response is stored exactly once, and every
 * response retried after the faults (as the widget's offline queue does) too.
 */
const CLIENTS = Number(process.env.FAULT_CLIENTS ?? 12);
const PHASE_MS = Number(process.env.FAULT_PHASE_MS ?? 1500);

let pgData: string;
let pgPort: number;
let pg: EmbeddedDatabase;
let server: ServerProcess | null = null;
let publicKey: string;
let surveyId: string;

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

function post(base: string, path: string, body: object): Promise<number> {
  return new Promise((resolve) => {
    const data = Buffer.from(JSON.stringify(body));
    const req = request(
      `${base}${path}`,
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

/** Widget-like clients posting finished responses with fresh idempotency keys until stopped. */
function load(target: () => string) {
  const acked = new Set<string>();
  const unacked = new Set<string>();
  const statuses = new Map<number, number>();
  let running = true;
  const clients = Array.from({ length: CLIENTS }, async () => {
    while (running) {
      const key = randomUUID();
      const status = await post(target(), `/api/v1/public/surveys/${publicKey}/responses`, {
        idempotencyKey: key,
        respondentId: `load-${key}`,
        answers: { score: 7 },
        finished: true,
      });
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status === 201 || status === 200) acked.add(key);
      else {
        unacked.add(key);
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  });
  return {
    acked,
    unacked,
    statuses,
    async stop() {
      running = false;
      await Promise.all(clients);
    },
  };
}

async function stored(): Promise<Map<string, number>> {
  const client = new Client({ connectionString: pg.url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT idempotency_key AS key, count(*)::int AS n FROM responses WHERE survey_id = $1 GROUP BY 1`,
      [surveyId],
    );
    return new Map(rows.map((r: { key: string; n: number }) => [r.key, r.n]));
  } finally {
    await client.end();
  }
}

async function startServer(): Promise<ServerProcess> {
  return startServerProcess(
    {
      DATABASE_URL: pg.url,
      OTKLIK_SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
      PUBLIC_LIMIT_PER_IP_PER_MINUTE: '10000000',
      PUBLIC_LIMIT_PER_SURVEY_PER_MINUTE: '100000000',
    },
    await freePort(),
    // The first start seeds the whole demo story, which takes minutes on a loaded 2-core runner.
    240_000,
  );
}

/** Why the last /health request got no answer at all (status 0), for the failure message. */
let lastHealthError = '';

async function health(base: string): Promise<number> {
  try {
    return (await fetch(`${base}/api/v1/health`)).status;
  } catch (error) {
    const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
    lastHealthError = `${(error as Error).message}: ${cause?.code ?? cause?.message ?? 'no cause'}`;
    return 0;
  }
}

/** What the backend printed last and whether it is still running: the clue when it stopped answering. */
function serverState(): string {
  const output = server?.output() ?? '';
  return `backend exit code ${String(server?.child.exitCode)} (signal ${String(server?.child.signalCode)}), last /health error: ${lastHealthError}\n${output.slice(-3000)}`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  pgData = mkdtempSync(join(tmpdir(), 'otklik-faults-pg-'));
  chmodSync(pgData, 0o755);
  pgPort = await freePort();
  pg = await startEmbeddedPostgres({ pgData, port: pgPort });
  server = await startServer();
  const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO_ADMIN.email, password: DEMO_ADMIN.password }),
  });
  const session = await login.json();
  if (login.status !== 200) throw new Error(`demo sign-in answered ${login.status}: ${JSON.stringify(session)}`);
  const headers = {
    'content-type': 'application/json',
    cookie: login.headers.get('set-cookie')!.split(';')[0],
    'x-csrf-token': session.csrfToken,
  };
  const ws = `${server.baseUrl}/api/v1/workspaces/${session.workspaces[0].id}`;
  const survey = await (
    await fetch(`${ws}/surveys`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        name: 'Load',
        kind: 'nps',
        displayRules: { trigger: 'page_load', samplePercent: 100, recontactDays: 0, stopAfterResponse: false },
      }),
    })
  ).json();
  await fetch(`${ws}/surveys/${survey.id}`, { method: 'PATCH', headers, body: JSON.stringify({ status: 'live' }) });
  publicKey = survey.publicKey;
  surveyId = survey.id;
}, 300_000);

afterAll(async () => {
  agent.destroy();
  if (server) {
    server.child.kill('SIGINT');
    await server.exited;
  }
  await pg?.stop();
  rmSync(pgData, { recursive: true, force: true });
}, 60_000);

/** The closing figures of one load phase: every request sent, what was acknowledged, stored, lost or doubled. */
function phaseFigures(run: ReturnType<typeof load>, counts: Map<string, number>) {
  const keys = [...run.acked, ...run.unacked];
  return {
    clients: CLIENTS,
    sent: [...run.statuses.values()].reduce((a, b) => a + b, 0),
    acknowledged: run.acked.size,
    unacknowledged: run.unacked.size,
    stored: keys.filter((key) => counts.has(key)).length,
    lost: [...run.acked].filter((key) => counts.get(key) !== 1).length,
    duplicates: keys.filter((key) => (counts.get(key) ?? 0) > 1).length,
    statuses: JSON.stringify(Object.fromEntries(run.statuses)),
  };
}

/** Sends the keys that got no acknowledgement again, as the widget's queue does, until each is acknowledged. */
async function retryUnacked(base: string, keys: Set<string>): Promise<void> {
  for (const key of keys) {
    for (let attempt = 0; attempt < 20; attempt++) {
      const status = await post(base, `/api/v1/public/surveys/${publicKey}/responses`, {
        idempotencyKey: key,
        respondentId: `load-${key}`,
        answers: { score: 7 },
        finished: true,
      });
      if (status === 200 || status === 201) break;
      await sleep(100);
    }
  }
}

describe('faults under load', () => {
  it('stores every acknowledged response exactly once under sustained load', async (ctx) => {
    const run = load(() => server!.baseUrl);
    await sleep(PHASE_MS * 2);
    await run.stop();
    const counts = await stored();
    const lost = [...run.acked].filter((key) => counts.get(key) !== 1);
    recordFigures(ctx, { fault: 'none', ...phaseFigures(run, counts) });
    expect(run.unacked.size).toBe(0);
    expect(lost).toEqual([]);
    expect(counts.size).toBe(run.acked.size);
  }, 120_000);

  it('loses no acknowledged response when the backend is killed with SIGKILL and restarted', async (ctx) => {
    let base = server!.baseUrl;
    const run = load(() => base);
    await sleep(PHASE_MS);
    server!.child.kill('SIGKILL');
    await server!.exited;
    server = await startServer();
    base = server.baseUrl;
    await sleep(PHASE_MS);
    await run.stop();

    const counts = await stored();
    const lost = [...run.acked].filter((key) => counts.get(key) !== 1);
    const duplicated = [...counts.values()].filter((n) => n > 1).length;
    recordFigures(ctx, { fault: 'sigkill', ...phaseFigures(run, counts) });
    expect(run.acked.size).toBeGreaterThan(50);
    expect(lost).toEqual([]);
    expect(duplicated).toBe(0);

    await retryUnacked(base, run.unacked);
    const after = await stored();
    expect([...run.unacked, ...run.acked].filter((key) => after.get(key) !== 1)).toEqual([]);
    recordFigures(ctx, {
      stored_after_retry: [...run.unacked, ...run.acked].filter((key) => after.has(key)).length,
      duplicates_after_retry: [...after.values()].filter((n) => n > 1).length,
    });
  }, 180_000);

  it('reconnects by itself after PostgreSQL restarts under load, reports it on /health, and ingest resumes', async (ctx) => {
    const base = server!.baseUrl;
    const run = load(() => base);
    await sleep(PHASE_MS);
    await pg.stop();
    const duringOutage: number[] = [];
    for (let i = 0; i < 5; i++) {
      duringOutage.push(await health(base));
      await sleep(100);
    }
    pg = await startEmbeddedPostgres({ pgData, port: pgPort });
    let healthy = false;
    for (let i = 0; i < 100 && !healthy; i++) {
      healthy = (await health(base)) === 200;
      if (!healthy) await sleep(100);
    }
    const ackedBeforeResume = run.acked.size;
    await sleep(PHASE_MS);
    await run.stop();

    expect(duringOutage, serverState()).toContain(503);
    // Refused writes during the outage said "retry" (503), never an internal error.
    expect(run.statuses.get(500) ?? 0).toBe(0);
    expect(healthy, serverState()).toBe(true);
    expect(run.acked.size).toBeGreaterThan(ackedBeforeResume); // ingest resumed without a backend restart
    const counts = await stored();
    const lost = [...run.acked].filter((key) => counts.get(key) !== 1);
    recordFigures(ctx, { fault: 'postgres-restart', ...phaseFigures(run, counts), health_during_outage: duringOutage.join('/') });
    expect(lost).toEqual([]);
    expect([...counts.values()].filter((n) => n > 1)).toEqual([]);
    expect(server!.child.exitCode).toBeNull();
  }, 180_000);
});
