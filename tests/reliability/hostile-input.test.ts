import fc from 'fast-check';
import { createHmac, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';

/**
 * Hostile input at every endpoint: property-based bodies (arbitrary JSON of wrong types and shapes, SQL and
 * script payloads, long and odd strings) plus hand-made malformed requests (broken JSON, invalid UTF-8, deep
 * nesting, oversized bodies). Every answer must be a 4xx or a success — never a 5xx — and a refused public
 * write must store nothing.
 */
let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let ids: Record<string, string>;
let operations: { method: string; path: string }[];
let surveyKey: string;
let flowKey: string;
let ingestKey: { keyId: string; secret: string };
const serverErrors: string[] = [];

const RUNS = Number(process.env.FUZZ_RUNS ?? 10);

const nasty = fc.oneof(
  fc.constantFrom("'; DROP TABLE responses; --", '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '../../etc/passwd', '\u0000', '\uD800', '💥'.repeat(50), 'NaN', '-1', '1e309', '{}', '[]', '', ' '),
  fc.string({ maxLength: 40 }),
  fc.string({ minLength: 5000, maxLength: 7000 }),
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  any: fc.oneof({ maxDepth: 3 }, nasty, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(tie('any'), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 12 }), tie('any'), { maxKeys: 5 })),
})).any;
/** Bodies that keep the endpoint's field names but put wrong things in them, and bodies of other shapes. */
const FIELDS = ['name', 'email', 'role', 'kind', 'status', 'scopes', 'url', 'events', 'text', 'source', 'externalId', 'postedAt', 'answers', 'score', 'idempotencyKey', 'respondentId', 'customerId', 'labels', 'reasonKeys', 'mentions', 'complaints', 'customers', 'into', 'textIds', 'to', 'factor', 'minCount', 'inactiveDays', 'password', 'languages', 'displayRules', 'questions'];
const body = fc.oneof(fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 6 }), value);

beforeAll(async () => {
  t = await startTestApp({ publicLimitPerIpPerMinute: 1_000_000, publicLimitPerSurveyPerMinute: 1_000_000, loginLimitPerIpPerMinute: 1_000_000 });
  admin = await t.seedAdmin('Fuzz Co');
  asAdmin = await t.login(admin.email, admin.password);
  const ws = `/api/v1/workspaces/${admin.workspaceId}`;
  const survey = (await asAdmin.post(`${ws}/surveys`, { name: 'Fuzz NPS', kind: 'nps' }).expect(201)).body;
  await asAdmin.patch(`${ws}/surveys/${survey.id}`, { status: 'live' }).expect(200);
  surveyKey = survey.publicKey;
  const flow = (await asAdmin.post(`${ws}/churn/flows`, { name: 'Fuzz flow' }).expect(201)).body;
  flowKey = flow.publicKey;
  ingestKey = (await asAdmin.post(`${ws}/mentions/ingest-keys`, { name: 'fuzz' }).expect(201)).body;
  ids = { workspaceId: admin.workspaceId, surveyId: survey.id, flowId: flow.id, externalId: 'fuzz-customer', key: 'too_expensive', publicKey: surveyKey };
  await asAdmin.put(`${ws}/customers/fuzz-customer`, { name: 'Fuzz' }).expect(201);

  const doc = (await t.http().get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
  operations = Object.entries(doc.paths)
    .flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ method, path })))
    // Signing out would end the session the rest of the run uses; deleting the workspace its data.
    .filter(({ method, path }) => !path.endsWith('/auth/logout') && !(method === 'delete' && path === '/api/v1/workspaces/{workspaceId}'));
});
afterAll(() => t.close());

function fill(path: string): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? randomUUID());
}

function record(method: string, path: string, status: number, detail: unknown) {
  if (status >= 500) serverErrors.push(`${method.toUpperCase()} ${path} → ${status}: ${JSON.stringify(detail).slice(0, 300)}`);
}

async function send(method: string, path: string, payload: unknown) {
  const url = fill(path);
  const res = method === 'get' || method === 'delete'
    ? await (method === 'get' ? asAdmin.get(url) : asAdmin.delete(url)).query(typeof payload === 'object' && payload && !Array.isArray(payload) ? (payload as Record<string, string>) : {})
    : await asAdmin.agent[method as 'post' | 'patch' | 'put'](url).set('x-csrf-token', asAdmin.csrfToken).set('content-type', 'application/json').send(JSON.stringify(payload) ?? 'null');
  record(method, path, res.status, { payload, body: res.body });
  return res.status;
}

describe('hostile input', () => {
  it('covers the whole API document', () => {
    expect(operations.length).toBeGreaterThanOrEqual(100);
  });

  it('never answers 5xx to arbitrary bodies and queries on any endpoint', async () => {
    for (const { method, path } of operations) {
      await fc.assert(
        fc.asyncProperty(body, async (payload) => {
          const status = await send(method, path, payload);
          return status < 500;
        }),
        { numRuns: RUNS, seed: 20261202, endOnFailure: true },
      ).catch(() => undefined); // collected in serverErrors, reported all at once below
    }
    expect(serverErrors).toEqual([]);
  }, 600_000);

  it('answers malformed requests with 4xx: broken JSON, invalid UTF-8, deep nesting, huge bodies, wrong types', async () => {
    const targets = [`/api/v1/public/surveys/${surveyKey}/responses`, `/api/v1/public/cancellation-flows/${flowKey}/submissions`, `/api/v1/workspaces/${admin.workspaceId}/customers/bulk`, '/api/v1/auth/login'];
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const cases: [string, string | Buffer][] = [
      ['application/json', '{"idempotencyKey": '],
      ['application/json', Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d])],
      ['application/json', deep],
      ['application/json', JSON.stringify({ answers: 'x'.repeat(3_000_000) })],
      ['application/json', 'null'],
      ['application/json', '12345'],
      ['text/plain', 'not json at all'],
      ['application/xml', '<a/>'],
    ];
    for (const url of targets) {
      for (const [type, payload] of cases) {
        const res = await asAdmin.agent.post(url).set('content-type', type).set('x-csrf-token', asAdmin.csrfToken).send(payload);
        record('post', `${url} [${type}]`, res.status, res.body);
        expect(res.status, `${url} ${type} ${String(payload).slice(0, 40)}`).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
      }
    }
    expect(serverErrors).toEqual([]);
  }, 120_000);

  it('stores nothing from refused public writes', async () => {
    const db = t.app.get(DataSource);
    const count = async () => (await db.query(`SELECT (SELECT count(*) FROM responses) + (SELECT count(*) FROM survey_displays) + (SELECT count(*) FROM cancellations) + (SELECT count(*) FROM mentions) AS n`))[0].n as string;
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom('responses', 'displays', 'submissions', 'mentions'), async (payload, target) => {
        const before = await count();
        let status: number;
        if (target === 'mentions') {
          const raw = JSON.stringify(payload) ?? 'null';
          const id = `msg_${randomUUID()}`;
          const ts = Math.floor(Date.now() / 1000);
          const sig = createHmac('sha256', Buffer.from(ingestKey.secret.slice(6), 'base64')).update(`${id}.${ts}.${raw}`).digest('base64');
          status = (await t.http().post('/api/v1/ingest/mentions').set('content-type', 'application/json').set('otklik-key', ingestKey.keyId)
            .set('webhook-id', id).set('webhook-timestamp', String(ts)).set('webhook-signature', `v1,${sig}`).send(raw)).status;
        } else {
          const url = target === 'submissions' ? `/api/v1/public/cancellation-flows/${flowKey}/submissions` : `/api/v1/public/surveys/${surveyKey}/${target}`;
          status = (await t.http().post(url).set('origin', 'https://fuzz.example').set('content-type', 'application/json').send(JSON.stringify(payload) ?? 'null')).status;
        }
        record('post', target, status, payload);
        if (status >= 500) return false;
        return status >= 400 ? (await count()) === before : true;
      }),
      { numRuns: RUNS * 25, seed: 42 },
    );
    expect(serverErrors).toEqual([]);
  }, 300_000);
});
