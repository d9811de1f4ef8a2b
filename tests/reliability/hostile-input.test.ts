import fc from 'fast-check';
import { createHmac, randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type request from 'supertest';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';
import { recordFigures } from './figures';

/**
 * Hostile input at every endpoint: property-based bodies (arbitrary JSON of wrong types and shapes, SQL and
 * script payloads, long and odd strings) plus hand-made malformed requests (broken JSON, invalid UTF-8, deep
 * nesting, oversized bodies). Every answer must be a 4xx or a success — never a 5xx — and a refused write,
 * public or signed-in, must change nothing: every table keeps its row count and its content.
 * Background jobs are off so that only the requests under test write.
 * Public writes (survey displays and responses, cancellation submissions) have two transports, the ingest edge and
 * Express with the Nest controllers (OTKLIK_INGEST_EDGE=false), over one pipeline: a second app runs with the edge
 * off, gets every public-write case too, and must answer each with the same status and body.
 */
let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let ids: Record<string, string>;
let operations: { method: string; path: string }[];
let surveyKey: string;
let flowKey: string;
let ingestKey: { keyId: string; secret: string };
/** The second app, with the ingest edge off, and each app's public targets (created the same way on both). */
let nest: TestApp;
let edgeTargets: PublicTargets;
let nestTargets: PublicTargets;
const serverErrors: string[] = [];
/** Every status the fuzzing got, for the closing figures. */
const statuses = new Map<number, number>();

const RUNS = Number(process.env.FUZZ_RUNS ?? 10);

const nasty = fc.oneof(
  fc.constantFrom(
    "'; DROP TABLE responses; --",
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '../../etc/passwd',
    '\u0000',
    '\uD800',
    '💥'.repeat(50),
    'NaN',
    '-1',
    '1e309',
    '{}',
    '[]',
    '',
    ' ',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ minLength: 5000, maxLength: 7000 }),
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  any: fc.oneof(
    { maxDepth: 3 },
    nasty,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('any'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 12 }), tie('any'), { maxKeys: 5 }),
  ),
})).any;
/** Bodies that keep the endpoint's field names but put wrong things in them, and bodies of other shapes. */
const FIELDS = [
  'name',
  'email',
  'role',
  'kind',
  'status',
  'scopes',
  'url',
  'events',
  'text',
  'source',
  'externalId',
  'postedAt',
  'answers',
  'score',
  'idempotencyKey',
  'respondentId',
  'customerId',
  'labels',
  'reasonKeys',
  'mentions',
  'complaints',
  'customers',
  'into',
  'textIds',
  'to',
  'factor',
  'minCount',
  'inactiveDays',
  'password',
  'languages',
  'displayRules',
  'questions',
];
const body = fc.oneof(fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 6 }), value);

interface PublicTargets {
  surveyKey: string;
  /** A survey that allows only https://shop.example, for the origin check. */
  guardedKey: string;
  flowKey: string;
}

/** The public targets the public-write cases go to, created in the same order on each app. */
async function publicTargets(as: LoggedIn, workspaceId: string): Promise<PublicTargets & { surveyId: string; flowId: string }> {
  const ws = `/api/v1/workspaces/${workspaceId}`;
  const survey = (await as.post(`${ws}/surveys`, { name: 'Fuzz NPS', kind: 'nps' }).expect(201)).body;
  await as.patch(`${ws}/surveys/${survey.id}`, { status: 'live' }).expect(200);
  const guarded = (
    await as.post(`${ws}/surveys`, { name: 'Guarded NPS', kind: 'nps', allowedOrigins: ['https://shop.example'] }).expect(201)
  ).body;
  await as.patch(`${ws}/surveys/${guarded.id}`, { status: 'live' }).expect(200);
  // Without identity verification, so the unsigned follow-up bodies below are stored (the fuzzer may rotate the secret).
  const flow = (await as.post(`${ws}/churn/flows`, { name: 'Fuzz flow', requireVerifiedCustomer: false }).expect(201)).body;
  await as.put(`${ws}/customers/fuzz-customer`, { name: 'Fuzz' }).expect(201);
  return { surveyKey: survey.publicKey, guardedKey: guarded.publicKey, flowKey: flow.publicKey, surveyId: survey.id, flowId: flow.id };
}

const APP_OPTIONS = {
  publicLimitPerIpPerMinute: 1_000_000,
  publicLimitPerSurveyPerMinute: 1_000_000,
  loginLimitPerIpPerMinute: 1_000_000,
  backgroundJobs: false,
};

beforeAll(async () => {
  t = await startTestApp({ ...APP_OPTIONS, ingestEdge: true });
  admin = await t.seedAdmin('Fuzz Co');
  asAdmin = await t.login(admin.email, admin.password);
  const ws = `/api/v1/workspaces/${admin.workspaceId}`;
  const targets = await publicTargets(asAdmin, admin.workspaceId);
  edgeTargets = targets;
  surveyKey = targets.surveyKey;
  flowKey = targets.flowKey;
  ingestKey = (await asAdmin.post(`${ws}/mentions/ingest-keys`, { name: 'fuzz' }).expect(201)).body;
  ids = {
    workspaceId: admin.workspaceId,
    surveyId: targets.surveyId,
    flowId: targets.flowId,
    externalId: 'fuzz-customer',
    key: 'too_expensive',
    publicKey: surveyKey,
  };

  nest = await startTestApp({ ...APP_OPTIONS, ingestEdge: false });
  const nestAdmin = await nest.seedAdmin('Fuzz Co');
  nestTargets = await publicTargets(await nest.login(nestAdmin.email, nestAdmin.password), nestAdmin.workspaceId);

  const doc = (await t.http().get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
  operations = Object.entries(doc.paths)
    .flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ method, path })))
    // Signing out (here or everywhere) would end the session the rest of the run uses; deleting the workspace its data.
    .filter(
      ({ method, path }) =>
        !/\/auth\/logout(-everywhere)?$/.test(path) && !(method === 'delete' && path === '/api/v1/workspaces/{workspaceId}'),
    );
});
afterAll(async () => {
  await t?.close();
  await nest?.close();
});

function fill(path: string): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? randomUUID());
}

/**
 * Bookkeeping, not data, compared by row count only: rows touched by any authenticated call (a session's
 * last-seen time, a token's or ingest key's last use). Signed-ingest message ids are left out altogether: a
 * correctly signed message is remembered even when its mentions are refused, so it cannot be replayed. Rate-limit
 * counters (shared by replicas since issue 20) are left out too: counting every attempt, refused or not, is their job.
 */
const TOUCHED_BY_READS = new Set(['sessions', 'api_tokens', 'mention_ingest_keys']);
const NOT_COMPARED = new Set(['mention_ingest_nonces', 'rate_limits']);
let fingerprintSql: string | undefined;

/** Row count and a content hash of every table: a refused write must leave both as they were. */
async function fingerprint(app: TestApp = t): Promise<Record<string, string>> {
  const db = app.app.get(DataSource);
  if (!fingerprintSql) {
    const tables = (await db.query(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    )) as { name: string }[];
    fingerprintSql = tables
      .filter(({ name }) => !NOT_COMPARED.has(name))
      .map(
        ({ name }) =>
          `SELECT '${name}' AS name, count(*)::text || ':' || ${TOUCHED_BY_READS.has(name) ? "''" : `coalesce(md5(string_agg(md5(x::text), '' ORDER BY md5(x::text))), '')`} AS print FROM "${name}" x`,
      )
      .join(' UNION ALL ');
  }
  const rows = (await db.query(fingerprintSql)) as { name: string; print: string }[];
  return Object.fromEntries(rows.map((r) => [r.name, r.print]));
}

const changedTables = (before: Record<string, string>, after: Record<string, string>) =>
  Object.keys({ ...before, ...after }).filter((name) => before[name] !== after[name]);

/** Resolves once nothing has written for a moment (work a request started, such as a rebuild, has finished). */
async function quiet(app: TestApp = t): Promise<Record<string, string>> {
  let last = await fingerprint(app);
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 200));
    const now = await fingerprint(app);
    if (changedTables(last, now).length === 0) return now;
    last = now;
  }
  return last;
}

function record(method: string, path: string, status: number, detail: unknown) {
  statuses.set(status, (statuses.get(status) ?? 0) + 1);
  if (status >= 500) serverErrors.push(`${method.toUpperCase()} ${path} → ${status}: ${JSON.stringify(detail).slice(0, 300)}`);
}

/** Sends a body exactly as given (bytes stay bytes). */
const asIs = (body: unknown) => body as string;

const count = (from: number, to: number) => [...statuses].filter(([s]) => s >= from && s < to).reduce((a, [, n]) => a + n, 0);

async function sendTo(method: string, path: string, url: string, payload: unknown) {
  const res =
    method === 'get' || method === 'delete'
      ? await (method === 'get' ? asAdmin.get(url) : asAdmin.delete(url)).query(
          typeof payload === 'object' && payload && !Array.isArray(payload) ? (payload as Record<string, string>) : {},
        )
      : await asAdmin.agent[method as 'post' | 'patch' | 'put'](url)
          .set('x-csrf-token', asAdmin.csrfToken)
          .set('content-type', 'application/json')
          .send(JSON.stringify(payload) ?? 'null');
  record(method, path, res.status, { payload, body: res.body });
  return res.status;
}

describe('hostile input', () => {
  it('covers the whole API document', () => {
    expect(operations.length).toBeGreaterThanOrEqual(100);
  });

  it('never answers 5xx to arbitrary bodies and queries on any endpoint, and a refused write changes nothing', async (ctx) => {
    // A refused write whose tables changed; checked again alone at the end (a success just before it may
    // have started work, such as a rebuild, that was still writing).
    const suspects: { method: string; path: string; url: string; payload: unknown; tables: string[] }[] = [];
    let requests = 0;
    for (const { method, path } of operations) {
      const writes = method !== 'get';
      await fc
        .assert(
          fc.asyncProperty(body, async (payload) => {
            const url = fill(path);
            const before = writes ? await fingerprint() : null;
            const status = await sendTo(method, path, url, payload);
            requests += 1;
            if (before && status >= 400 && status < 500) {
              const tables = changedTables(before, await fingerprint());
              if (tables.length > 0) suspects.push({ method, path, url, payload, tables });
            }
            return status < 500;
          }),
          { numRuns: RUNS, seed: 20261202, endOnFailure: true },
        )
        .catch(() => undefined); // collected in serverErrors, reported all at once below
    }
    const partial: string[] = [];
    for (const s of suspects) {
      const before = await quiet();
      const status = await sendTo(s.method, s.path, s.url, s.payload);
      const tables = changedTables(before, await fingerprint());
      if (status >= 400 && status < 500 && tables.length > 0)
        partial.push(
          `${s.method.toUpperCase()} ${s.path} → ${status} changed ${tables.join(', ')}: ${JSON.stringify(s.payload).slice(0, 200)}`,
        );
    }
    recordFigures(ctx, {
      check: 'fuzzing every endpoint',
      endpoints: operations.length,
      requests,
      '2xx': count(200, 300),
      '4xx': count(400, 500),
      '5xx': count(500, 600),
      refused_writes_that_changed_data: partial.length,
    });
    expect(serverErrors).toEqual([]);
    expect(partial).toEqual([]);
  }, 900_000);

  it('answers malformed requests with 4xx and stores nothing: broken JSON, invalid UTF-8, deep nesting, huge bodies, wrong types', async (ctx) => {
    const targets = [
      `/api/v1/public/surveys/${surveyKey}/responses`,
      `/api/v1/public/cancellation-flows/${flowKey}/submissions`,
      `/api/v1/workspaces/${admin.workspaceId}/customers/bulk`,
      '/api/v1/auth/login',
    ];
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
      // Valid JSON whose strings are not valid UTF-8 (a lone continuation byte, an overlong "/", a bare surrogate).
      [
        'application/json',
        Buffer.concat([
          Buffer.from('{"name":"'),
          Buffer.from([0x80, 0xc0, 0xaf, 0xed, 0xa0, 0x80]),
          Buffer.from('","answers":{"score":5}}'),
        ]),
      ],
      ['application/json; charset=latin1', '{"name":"caf\u00e9"}'],
    ];
    const before = await quiet();
    let requests = 0;
    for (const url of targets) {
      for (const [type, payload] of cases) {
        // As bytes: supertest would otherwise JSON-encode a Buffer ({"type":"Buffer",…}) and never send the bad bytes.
        const res = await asAdmin.agent
          .post(url)
          .set('content-type', type)
          .set('x-csrf-token', asAdmin.csrfToken)
          .serialize(asIs)
          .send(payload);
        record('post', `${url} [${type}]`, res.status, res.body);
        requests += 1;
        expect(res.status, `${url} ${type} ${String(payload).slice(0, 40)}`).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
      }
    }
    const changed = changedTables(before, await fingerprint());
    recordFigures(ctx, { check: 'malformed requests', requests, '5xx': serverErrors.length, tables_changed: changed.length });
    expect(changed).toEqual([]);
    expect(serverErrors).toEqual([]);
  }, 120_000);

  it('refuses NUL and unpaired surrogates in text with a 400 that changes nothing, keeps invalid UTF-8 as U+FFFD (the signed ingest, whose signature covers the bytes, refuses it with 400), on every way text comes in', async (ctx) => {
    const ws = `/api/v1/workspaces/${admin.workspaceId}`;
    // JSON escapes, written into the body as text: PostgreSQL cannot store these (text and jsonb refuse NUL, jsonb lone surrogates).
    const unstorable = ['nul\\u0000inside', 'lone \\uD800 surrogate', 'reversed \\uDC00\\uD800 pair', 'high at the end \\uD83D'];
    // Raw bytes that are not UTF-8 (0xFF, a broken 2-byte sequence, an encoded surrogate): decoded as U+FFFD.
    const invalidUtf8 = Buffer.from([0x62, 0x61, 0x64, 0x20, 0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]);
    /** The JSON body with `value` spliced into the "@@" string: escapes stay as written, bytes stay bytes. */
    const bodyWith = (template: string, value: string | Buffer) => {
      const [head, tail] = template.split('@@');
      return Buffer.concat([Buffer.from(head), typeof value === 'string' ? Buffer.from(value) : value, Buffer.from(tail)]);
    };
    const session = (method: 'post' | 'put') => (url: string, body: Buffer) =>
      asAdmin.agent[method](url).set('x-csrf-token', asAdmin.csrfToken).set('content-type', 'application/json').serialize(asIs).send(body);
    const anonymous = (url: string, body: Buffer) =>
      t.http().post(url).set('origin', 'https://fuzz.example').set('content-type', 'application/json').serialize(asIs).send(body);
    const signed = (_url: string, body: Buffer) => {
      const id = `msg_${randomUUID()}`;
      const ts = Math.floor(Date.now() / 1000);
      const sig = createHmac('sha256', Buffer.from(ingestKey.secret.slice(6), 'base64'))
        .update(Buffer.concat([Buffer.from(`${id}.${ts}.`), body]))
        .digest('base64');
      return t
        .http()
        .post('/api/v1/ingest/mentions')
        .set('content-type', 'application/json')
        .set('otklik-key', ingestKey.keyId)
        .set('webhook-id', id)
        .set('webhook-timestamp', String(ts))
        .set('webhook-signature', `v1,${sig}`)
        .serialize(asIs)
        .send(body);
    };
    const mentions = async () => JSON.stringify((await asAdmin.get(`${ws}/mentions?limit=100`).expect(200)).body);
    const targets: {
      name: string;
      url: string;
      template: string;
      send: (url: string, body: Buffer) => request.Test;
      read: () => Promise<string>;
    }[] = [
      {
        name: 'survey comment (public)',
        url: `/api/v1/public/surveys/${surveyKey}/responses`,
        send: anonymous,
        template: '{"idempotencyKey":"KEY","respondentId":"odd-KEY","answers":{"score":5,"comment":"@@"},"finished":true}',
        read: async () => JSON.stringify((await asAdmin.get(`${ws}/surveys/${ids.surveyId}/responses?limit=100`).expect(200)).body),
      },
      {
        name: 'cancellation follow-up (public)',
        url: `/api/v1/public/cancellation-flows/${flowKey}/submissions`,
        send: anonymous,
        template: '{"idempotencyKey":"KEY","customerId":"fuzz-customer","reasonKey":"too_expensive","followUp":"@@","finished":true}',
        read: async () => JSON.stringify((await asAdmin.get(`${ws}/customers/fuzz-customer/timeline`).expect(200)).body),
      },
      {
        name: 'customer name',
        url: `${ws}/customers/odd-KEY`,
        send: session('put'),
        template: '{"name":"@@"}',
        read: async () => JSON.stringify((await asAdmin.get(`${ws}/customers?limit=100`).expect(200)).body),
      },
      {
        name: 'mention text',
        url: `${ws}/mentions/bulk`,
        send: session('post'),
        read: mentions,
        template: '{"mentions":[{"source":"twitter","externalId":"KEY","text":"@@","postedAt":"2026-11-30T09:15:00Z"}]}',
      },
      {
        name: 'mention text (signed ingest)',
        url: '',
        send: signed,
        read: mentions,
        template: '{"source":"twitter","externalId":"KEY","text":"@@","postedAt":"2026-11-30T09:15:00Z"}',
      },
    ];
    let requests = 0;
    let kept = 0;
    const wrong: string[] = [];
    for (const target of targets) {
      for (const value of [...unstorable, invalidUtf8]) {
        const key = randomUUID();
        const before = await quiet();
        const res = await target.send(target.url.replaceAll('KEY', key), bodyWith(target.template.replaceAll('KEY', key), value));
        requests += 1;
        const label = `${target.name} with ${typeof value === 'string' ? value : 'invalid UTF-8'}`;
        record('post', label, res.status, res.body);
        if (typeof value === 'string') {
          // Refused with a message that says why, and nothing written.
          if (res.status !== 400 || !String(res.body?.error?.message ?? JSON.stringify(res.body)).includes('cannot be stored'))
            wrong.push(`${label}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
          const changed = changedTables(before, await fingerprint());
          if (changed.length > 0) wrong.push(`${label}: refused, yet changed ${changed.join(', ')}`);
        } else if (target.send === signed) {
          // Signed over the bytes as sent, so the signature holds and the body is refused for what it is.
          if (res.status !== 400 || !String(res.body?.error?.message).includes('UTF-8'))
            wrong.push(`${label}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
        } else if (res.status < 300) {
          // Kept, with the bad bytes as U+FFFD, and readable back.
          kept += 1;
          if (!(await target.read()).includes('bad \uFFFD')) wrong.push(`${label}: accepted but not read back with U+FFFD`);
        } else if (res.status >= 500) wrong.push(`${label}: ${res.status}`);
      }
    }
    recordFigures(ctx, {
      check: 'unstorable text and invalid UTF-8',
      requests,
      kept_as_replacement_char: kept,
      '5xx': serverErrors.length,
    });
    expect(wrong).toEqual([]);
    expect(serverErrors).toEqual([]);
  }, 180_000);

  it('stores nothing from refused public writes, and answers each the same on the ingest edge and through Express and Nest', async (ctx) => {
    let requests = 0;
    let refused = 0;
    const mismatches: string[] = [];
    await quiet();
    await quiet(nest);
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom('responses', 'displays', 'submissions', 'mentions'), async (payload, target) => {
        const before = await fingerprint();
        let status: number;
        if (target !== 'mentions') {
          const nestBefore = await fingerprint(nest);
          const send = (raw: string | Buffer) => ({ 'content-type': 'application/json', origin: 'https://fuzz.example', raw });
          const [edge, viaNest] = await bothTransports(target, send(JSON.stringify(payload) ?? 'null'));
          if (!sameAnswer(edge, viaNest))
            mismatches.push(`${target} ${JSON.stringify(payload).slice(0, 120)}: ${describeAnswer(edge)} vs ${describeAnswer(viaNest)}`);
          status = edge.status;
          record('post', `${target} (edge off)`, viaNest.status, payload);
          if (viaNest.status >= 400 && viaNest.status < 500 && changedTables(nestBefore, await fingerprint(nest)).length > 0) return false;
        } else {
          const raw = JSON.stringify(payload) ?? 'null';
          const id = `msg_${randomUUID()}`;
          const ts = Math.floor(Date.now() / 1000);
          const sig = createHmac('sha256', Buffer.from(ingestKey.secret.slice(6), 'base64'))
            .update(`${id}.${ts}.${raw}`)
            .digest('base64');
          status = (
            await t
              .http()
              .post('/api/v1/ingest/mentions')
              .set('content-type', 'application/json')
              .set('otklik-key', ingestKey.keyId)
              .set('webhook-id', id)
              .set('webhook-timestamp', String(ts))
              .set('webhook-signature', `v1,${sig}`)
              .send(raw)
          ).status;
        }
        record('post', target, status, payload);
        requests += 1;
        if (status >= 500) return false;
        if (status < 400) return true;
        refused += 1;
        return changedTables(before, await fingerprint()).length === 0;
      }),
      { numRuns: RUNS * 25, seed: 42 },
    );
    recordFigures(ctx, { check: 'public writes', requests, refused, transport_mismatches: mismatches.length, '5xx': serverErrors.length });
    expect(mismatches).toEqual([]);
    expect(serverErrors).toEqual([]);
  }, 300_000);

  it('answers malformed public writes with the same status and body on both transports, in one order of checks', async (ctx) => {
    const valid = () =>
      JSON.stringify({ idempotencyKey: randomUUID(), respondentId: `fuzz-${randomUUID()}`, answers: { score: 7 }, finished: true });
    const json = 'application/json';
    // [what, content type, extra headers, body, the status both must give]
    const cases: [string, string | undefined, Record<string, string>, string | Buffer, number][] = [
      // Were different: the edge decoded a latin1-labelled body as UTF-8 and stored it; Express answered 415.
      ['charset=latin1', 'application/json; charset=latin1', {}, valid(), 415],
      ['charset=utf-16', 'text/plain; charset=utf-16', {}, valid(), 415],
      ['charset="UTF-8" (accepted)', 'application/json; charset="UTF-8"', {}, valid(), 201],
      ['text/plain;charset=UTF-8, as browsers send it (accepted)', 'text/plain;charset=UTF-8', {}, valid(), 201],
      // Were different: Express inflated gzip bodies and stored them; the edge answered 400. Now neither inflates.
      ['gzip body', json, { 'content-encoding': 'gzip' }, gzipSync(valid()), 415],
      ['deflate label on plain JSON', json, { 'content-encoding': 'deflate' }, valid(), 415],
      // Were 415 on the edge and 400 (or a stored response, for +json) through Express.
      ['no content type', undefined, {}, valid(), 415],
      ['application/xml', 'application/xml', {}, '<a/>', 415],
      ['a form', 'application/x-www-form-urlencoded', {}, 'idempotencyKey=abc&respondentId=r1', 415],
      ['application/vnd.api+json', 'application/vnd.api+json', {}, valid(), 415],
      // Were different messages: body-parser's own text through Express.
      ['broken JSON', json, {}, '{"idempotencyKey": ', 400],
      ['null', json, {}, 'null', 400],
      ['an array', json, {}, '[{"idempotencyKey":"x"}]', 400],
      ['a number', json, {}, '12345', 400],
      ['deep nesting', json, {}, '['.repeat(5000) + ']'.repeat(5000), 400],
      ['an escaped NUL', json, {}, '{"idempotencyKey":"k","respondentId":"r","answers":{"comment":"a\\u0000b"}}', 400],
      ['too large', json, {}, JSON.stringify({ answers: 'x'.repeat(3_000_000) }), 413],
      // Checks run in one order: the origin before the body (was the body first through Express).
      ['another origin, broken JSON', json, { origin: 'https://evil.example', guarded: '1' }, '{"a":', 403],
      ['another origin, XML', 'application/xml', { origin: 'https://evil.example', guarded: '1' }, '<a/>', 403],
      ['the allowed origin, broken JSON', json, { origin: 'https://shop.example', guarded: '1' }, '{"a":', 400],
      ['the allowed origin, valid', json, { origin: 'https://shop.example', guarded: '1' }, valid(), 201],
      // The media type before the body size.
      ['XML too large', 'application/xml', {}, 'x'.repeat(3_000_000), 415],
    ];
    const wrong: string[] = [];
    let requests = 0;
    const before = { edge: await quiet(), nest: await quiet(nest) };
    let stored = 0;
    for (const target of ['responses', 'displays', 'submissions'] as const) {
      for (const [name, type, headers, payload, expected] of cases) {
        // Flows have no allow-list here: the origin cases are for surveys.
        if (target === 'submissions' && headers.guarded) continue;
        // A valid body is a response; as a display or a submission it has fields those refuse (400), on both.
        const want = expected === 201 && target !== 'responses' ? 400 : expected;
        const [edge, viaNest] = await bothTransports(target, { 'content-type': type, raw: payload, ...headers });
        requests += 2;
        record('post', `${target} ${name} (edge)`, edge.status, edge.body);
        record('post', `${target} ${name} (edge off)`, viaNest.status, viaNest.body);
        if (edge.status === 201) stored += 1;
        if (!sameAnswer(edge, viaNest)) wrong.push(`${target} ${name}: edge ${describeAnswer(edge)} vs Express ${describeAnswer(viaNest)}`);
        if (edge.status !== want) wrong.push(`${target} ${name}: ${describeAnswer(edge)}, expected ${want}`);
        if (expected === 403 && (edge.headers['access-control-allow-origin'] || viaNest.headers['access-control-allow-origin']))
          wrong.push(`${target} ${name}: CORS header on a refused origin`);
      }
    }
    // The accepted responses changed the same tables on both apps, and nothing else did.
    const changed = { edge: changedTables(before.edge, await fingerprint()), nest: changedTables(before.nest, await fingerprint(nest)) };
    recordFigures(ctx, { check: 'malformed public writes on both transports', requests, mismatches: wrong.length, stored });
    expect(wrong).toEqual([]);
    expect(changed.edge).toEqual(changed.nest);
  }, 120_000);
});

type Answer = { status: number; body: unknown; headers: Record<string, string> };

/** Sends one public write, as raw bytes, to the same target on both apps (the edge first, then Express and Nest). */
async function bothTransports(
  target: 'responses' | 'displays' | 'submissions',
  request: { 'content-type'?: string; raw: string | Buffer; guarded?: string; [header: string]: string | Buffer | undefined },
): Promise<[Answer, Answer]> {
  const { raw, guarded, ...headers } = request;
  const send = async (app: TestApp, keys: PublicTargets): Promise<Answer> => {
    const url =
      target === 'submissions'
        ? `/api/v1/public/cancellation-flows/${keys.flowKey}/submissions`
        : `/api/v1/public/surveys/${guarded ? keys.guardedKey : keys.surveyKey}/${target}`;
    let req = app.http().post(url);
    for (const [name, value] of Object.entries(headers)) if (typeof value === 'string') req = req.set(name, value);
    // As a Buffer: superagent gives a string body without a content type the form type.
    const res = await req.serialize(asIs).send(Buffer.from(raw) as unknown as string);
    return { status: res.status, body: normalised(res.body, keys), headers: res.headers as Record<string, string> };
  };
  return [await send(t, edgeTargets), await send(nest, nestTargets)];
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** A body with what differs between the two apps by nature taken out: request ids, record ids, the public keys. */
function normalised(body: unknown, keys: PublicTargets): unknown {
  return JSON.parse(
    JSON.stringify(body ?? null, (name, value: unknown) => {
      if (name === 'requestId') return '<request id>';
      if (typeof value !== 'string') return value;
      return value
        .replaceAll(keys.surveyKey, '<survey>')
        .replaceAll(keys.guardedKey, '<guarded>')
        .replaceAll(keys.flowKey, '<flow>')
        .replace(UUID, '<uuid>');
    }),
  );
}

const sameAnswer = (a: Answer, b: Answer) => a.status === b.status && JSON.stringify(a.body) === JSON.stringify(b.body);
const describeAnswer = (a: Answer) => `${a.status} ${JSON.stringify(a.body).slice(0, 160)}`;
