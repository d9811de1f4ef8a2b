import { createHmac, randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';
import { customerSigner } from '../support/identity';

/**
 * Issue 13, items 3, 4 and the public-body parts of 12, replayed as the probe sent them, on both transports of
 * the public API (the ingest edge, and Express/Nest with OTKLIK_INGEST_EDGE=false). Raw node:http requests send
 * paths byte for byte (no client normalises `..`, `//` or percent-escapes) and bodies chunked without a length.
 */

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: () => { error?: { code?: string; status?: number; requestId?: string } } & Record<string, unknown>;
}

interface RawRequest {
  method: string;
  path: string;
  headers?: Record<string, string | number>;
  /** Sent as is (with Content-Length unless chunks are given). */
  body?: string;
  /** Sent one write each, with no Content-Length: Transfer-Encoding: chunked. */
  chunks?: string[];
  /** Leave the request unfinished (the answer must come before the body does). */
  keepOpen?: boolean;
}

function raw(baseUrl: string, req: RawRequest, timeoutMs = 10_000): Promise<RawAnswer> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...req.headers };
    if (req.body !== undefined && !req.chunks) headers['content-length'] ??= Buffer.byteLength(req.body);
    const outgoing = httpRequest({ hostname, port, method: req.method, path: req.path, headers, agent: false }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => {
        clearTimeout(timer);
        if (req.keepOpen) outgoing.destroy();
        const text = Buffer.concat(parts).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
      });
    });
    const timer = setTimeout(() => {
      outgoing.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms for ${req.method} ${req.path}`));
    }, timeoutMs);
    outgoing.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    if (req.chunks) for (const chunk of req.chunks) outgoing.write(chunk);
    else if (req.body !== undefined) outgoing.write(req.body);
    if (!req.keepOpen) outgoing.end();
  });
}

const EVIL = 'https://evil.example';
const SHOP = 'https://shop.example.com';

/** Every other spelling of a public route the probe (and a router or proxy) might treat as the same. */
function otherSpellings(kind: 'surveys' | 'cancellation-flows', key: string, action: string): string[] {
  const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
  const base = '/api/v1/public';
  return [
    `${base}/${cap(kind)}/${key}/${action}`,
    `${base}/${kind.toUpperCase()}/${key}/${action}`,
    `${base}/${kind}/${key}/${cap(action)}`,
    `/API/v1/public/${kind}/${key}/${action}`,
    `/api/v1/Public/${kind}/${key}/${action}`,
    `${base}/${kind}/${key.replace('_', '%5F')}/${action}`,
    `${base}/${kind}/${key.replace('_', '%5f')}/${action}`,
    `${base}/${kind}/%${key.charCodeAt(0).toString(16)}${key.slice(1)}/${action}`, // %73rv_… / %63xl_…
    `${base}/${kind}/${key}%2F${action}`,
    `${base}/%${kind.charCodeAt(0).toString(16)}${kind.slice(1)}/${key}/${action}`, // %73urveys / %63ancellation-flows
    `${base}//${kind}/${key}/${action}`,
    `${base}/${kind}//${key}/${action}`,
    `${base}/${kind}/${key}//${action}`,
    `${base}/${kind}/${key}/${action}/`,
    `${base}/${kind}/${key}/${action}//`,
    `${base}/${kind}/x/../${key}/${action}`,
    `${base}/${kind}/${key}/x/../${action}`,
    `${base}/./${kind}/${key}/${action}`,
    `/api/v1/x/../public/${kind}/${key}/${action}`,
    `http://localhost/api/v1/public/${kind}/${key}/${action}`,
    `http://localhost/api/v1/public/${cap(kind)}/${key}/${action}`,
  ];
}

describe.each([
  ['ingest edge', true],
  ['Express and Nest (OTKLIK_INGEST_EDGE=false)', false],
])('public API security probe through the %s', (_name, ingestEdge) => {
  let t: TestApp;
  let admin: SeededAdmin;
  let asAdmin: LoggedIn;
  let ws: string;
  let sign: (customerId: string) => string;

  beforeAll(async () => {
    t = await startTestApp({ publicLimitPerIpPerMinute: 100_000, publicLimitPerSurveyPerMinute: 100_000, ingestEdge });
    admin = await t.seedAdmin('Probe Ltd');
    asAdmin = await t.login(admin.email, admin.password);
    ws = `/api/v1/workspaces/${admin.workspaceId}`;
    sign = await customerSigner(asAdmin, admin.workspaceId);
  });
  afterAll(() => t.close());

  const db = () => t.app.get(DataSource);
  const rid = () => `r-${randomUUID()}`;

  async function liveSurvey(extra: object = {}) {
    const created = await asAdmin.post(`${ws}/surveys`, { name: `NPS ${randomUUID()}`, kind: 'nps', ...extra }).expect(201);
    await asAdmin.patch(`${ws}/surveys/${created.body.id}`, { status: 'live' }).expect(200);
    return {
      id: created.body.id as string,
      key: created.body.publicKey as string,
      path: `/api/v1/public/surveys/${created.body.publicKey}`,
    };
  }

  async function liveFlow(extra: object = {}) {
    const res = await asAdmin.post(`${ws}/churn/flows`, { name: `Flow ${randomUUID()}`, ...extra }).expect(201);
    return {
      id: res.body.id as string,
      key: res.body.publicKey as string,
      path: `/api/v1/public/cancellation-flows/${res.body.publicKey}`,
    };
  }

  /** Everything a public write could have changed. */
  async function snapshot(surveyId: string, flowId: string, customerId: string) {
    const [row] = await db().query(
      `SELECT (SELECT count(*)::int FROM responses WHERE survey_id = $1) AS responses,
              (SELECT count(*)::int FROM survey_displays WHERE survey_id = $1) AS displays,
              (SELECT count(*)::int FROM cancellations WHERE flow_id = $2) AS cancellations,
              (SELECT count(*)::int FROM webhook_deliveries WHERE workspace_id = $3) AS deliveries,
              (SELECT lifecycle_stage FROM customers WHERE workspace_id = $3 AND external_id = $4) AS stage`,
      [surveyId, flowId, admin.workspaceId, customerId],
    );
    return row;
  }

  describe('item 3: one reading of a public path for the router, CORS and the edge', () => {
    it('answers every other spelling of displays, responses and cancellation submissions 404, with no CORS echo and nothing written', async () => {
      const s = await liveSurvey({ allowedOrigins: [SHOP] });
      const f = await liveFlow({ allowedOrigins: [SHOP] });
      const customer = `cust-${randomUUID()}`;
      await asAdmin.put(`${ws}/customers/${customer}`, { name: 'Victim', mrr: 40, lifecycleStage: 'repeat' }).expect(201);
      const before = await snapshot(s.id, f.id, customer);
      expect(before).toMatchObject({ responses: 0, displays: 0, cancellations: 0, stage: 'repeat' });

      const writes = [
        { kind: 'surveys' as const, key: s.key, action: 'displays', body: () => ({ idempotencyKey: randomUUID(), respondentId: rid() }) },
        {
          kind: 'surveys' as const,
          key: s.key,
          action: 'responses',
          body: () => ({
            idempotencyKey: randomUUID(),
            respondentId: rid(),
            customerId: customer,
            customerHash: sign(customer),
            answers: { score: 0 },
            finished: true,
          }),
        },
        {
          kind: 'cancellation-flows' as const,
          key: f.key,
          action: 'submissions',
          body: () => ({
            idempotencyKey: randomUUID(),
            customerId: customer,
            customerHash: sign(customer),
            reasonKey: 'moved_away',
            finished: true,
          }),
        },
      ];
      const refused: string[] = [];
      for (const write of writes) {
        for (const path of otherSpellings(write.kind, write.key, write.action)) {
          for (const contentType of ['application/json', 'text/plain']) {
            const res = await raw(t.baseUrl, {
              method: 'POST',
              path,
              headers: { origin: EVIL, 'content-type': contentType },
              body: JSON.stringify(write.body()),
            });
            if (res.status !== 404 || res.headers['access-control-allow-origin'] !== undefined)
              refused.push(`${path} → ${res.status} ${res.headers['access-control-allow-origin'] ?? ''}`);
            else expect(res.json().error?.code).toBe('not_found');
          }
          const preflight = await raw(t.baseUrl, {
            method: 'OPTIONS',
            path,
            headers: { origin: EVIL, 'access-control-request-method': 'POST' },
          });
          if (preflight.status !== 404 || preflight.headers['access-control-allow-origin'] !== undefined)
            refused.push(`OPTIONS ${path} → ${preflight.status}`);
        }
      }
      expect(refused).toEqual([]);
      expect(await snapshot(s.id, f.id, customer)).toEqual(before);

      // The exact routes still work: refused for the foreign origin, accepted for the allowed one.
      const exact = await raw(t.baseUrl, {
        method: 'POST',
        path: `${s.path}/responses`,
        headers: { origin: EVIL, 'content-type': 'application/json' },
        body: JSON.stringify(writes[1].body()),
      });
      expect(exact.status).toBe(403);
      expect(exact.headers['access-control-allow-origin']).toBeUndefined();
      const exactFlow = await raw(t.baseUrl, {
        method: 'POST',
        path: `${f.path}/submissions`,
        headers: { origin: EVIL, 'content-type': 'application/json' },
        body: JSON.stringify(writes[2].body()),
      });
      expect(exactFlow.status).toBe(403);
      expect(await snapshot(s.id, f.id, customer)).toEqual(before);
      const allowed = await raw(t.baseUrl, {
        method: 'POST',
        path: `${s.path}/responses?v=1`,
        headers: { origin: SHOP, 'content-type': 'text/plain' },
        body: JSON.stringify({ idempotencyKey: randomUUID(), respondentId: rid(), answers: { score: 9 }, finished: true }),
      });
      expect(allowed.status).toBe(201);
      expect(allowed.headers['access-control-allow-origin']).toBe(SHOP);
      const allowedFlow = await raw(t.baseUrl, {
        method: 'POST',
        path: `${f.path}/submissions`,
        headers: { origin: SHOP, 'content-type': 'application/json' },
        body: JSON.stringify({ idempotencyKey: randomUUID(), reasonKey: 'moved_away', finished: false }),
      });
      expect(allowedFlow.status).toBe(201);
    });

    it('refuses other spellings of the config reads too, and keeps the rest of the app on exact, case-sensitive paths', async () => {
      const s = await liveSurvey({ allowedOrigins: [SHOP] });
      for (const path of [
        `/api/v1/public/Surveys/${s.key}`,
        `/api/v1/public/surveys/${s.key.replace('_', '%5F')}`,
        `${s.path}/`,
        `/api/v1/public/surveys//${s.key}`,
      ]) {
        const res = await raw(t.baseUrl, { method: 'GET', path, headers: { origin: EVIL } });
        expect([path, res.status, res.headers['access-control-allow-origin']]).toEqual([path, 404, undefined]);
      }
      expect((await raw(t.baseUrl, { method: 'GET', path: s.path, headers: { origin: SHOP } })).status).toBe(200);
      // Strict, case-sensitive routing everywhere; the dashboard, link-survey pages and widget files are unaffected.
      expect((await raw(t.baseUrl, { method: 'GET', path: '/api/v1/health' })).status).toBe(200);
      expect((await raw(t.baseUrl, { method: 'GET', path: '/api/v1/Health' })).status).toBe(404);
      expect((await raw(t.baseUrl, { method: 'GET', path: '/api/v1/health/' })).status).toBe(404);
      for (const page of ['/', '/surveys', `/s/${s.key}`, '/login']) {
        expect([page, (await raw(t.baseUrl, { method: 'GET', path: page })).status]).not.toEqual([page, 404]);
      }
      const widget = await raw(t.baseUrl, { method: 'GET', path: '/widget/loader.js' });
      expect(widget.status).toBe(200);
      expect(widget.headers['content-type']).toMatch(/javascript/);
    });
  });

  describe('item 4: an idempotency key does not let anyone else overwrite a response, display or cancellation', () => {
    it("refuses another respondent's or customer's write to a finished response with 409 and leaves it exactly as it was", async () => {
      const s = await liveSurvey();
      const victim = { respondentId: rid(), customerId: 'cust-victim' };
      const key = randomUUID();
      const answer = {
        idempotencyKey: key,
        ...victim,
        customerHash: sign(victim.customerId),
        answers: { score: 9, comment: 'Great' },
        hiddenFields: { plan: 'pro' },
        finished: true,
      };
      const first = await t.http().post(`${s.path}/responses`).send(answer).expect(201);
      const stored = async () => (await db().query(`SELECT * FROM responses WHERE survey_id = $1`, [s.id])) as Record<string, unknown>[];
      const before = await stored();
      expect(before).toHaveLength(1);

      const attacks = [
        // Another respondent, another customer, another score and hidden fields: finished and partial.
        {
          ...answer,
          respondentId: rid(),
          customerId: 'cust-evil',
          customerHash: sign('cust-evil'),
          answers: { score: 0, comment: 'Awful' },
          hiddenFields: { plan: 'free' },
        },
        {
          ...answer,
          respondentId: rid(),
          customerId: 'cust-evil',
          customerHash: sign('cust-evil'),
          answers: { score: 0 },
          finished: false,
        },
        // Another respondent with no customer at all, and one that only sends a comment (the slow, re-validating path).
        { idempotencyKey: key, respondentId: rid(), answers: { score: 1 }, finished: true },
        { idempotencyKey: key, respondentId: rid(), answers: { comment: 'x' }, finished: true },
        // The same respondent id under another customer.
        { ...answer, customerId: 'cust-evil', customerHash: sign('cust-evil'), answers: { score: 0 } },
      ];
      for (const attack of attacks) {
        const res = await t.http().post(`${s.path}/responses`).send(attack);
        expect([res.status, res.body.error?.code]).toEqual([409, 'idempotency_key_conflict']);
        expect(res.body.responseId).toBeUndefined();
      }
      expect(await stored()).toEqual(before);

      // The respondent's own identical retry stays idempotent.
      const retry = await t.http().post(`${s.path}/responses`).send(answer).expect(200);
      expect(retry.body).toEqual({ responseId: first.body.responseId, finished: true });
      const [after] = await stored();
      expect(after).toMatchObject({
        score: 9,
        comment: 'Great',
        respondent_id: victim.respondentId,
        customer_external_id: 'cust-victim',
        hidden_fields: { plan: 'pro' },
      });
    });

    it('merges partial answers only for the same respondent', async () => {
      const s = await liveSurvey();
      const respondentId = rid();
      const key = randomUUID();
      await t
        .http()
        .post(`${s.path}/responses`)
        .send({ idempotencyKey: key, respondentId, answers: { score: 4 }, finished: false })
        .expect(201);
      const other = await t
        .http()
        .post(`${s.path}/responses`)
        .send({ idempotencyKey: key, respondentId: rid(), answers: { comment: 'injected' }, finished: true });
      expect([other.status, other.body.error?.code]).toEqual([409, 'idempotency_key_conflict']);
      await t
        .http()
        .post(`${s.path}/responses`)
        .send({ idempotencyKey: key, respondentId, answers: { comment: 'mine' }, finished: true })
        .expect(200);
      const rows = await db().query(`SELECT answers, finished, respondent_id FROM responses WHERE survey_id = $1`, [s.id]);
      expect(rows).toEqual([{ answers: { score: 4, comment: 'mine' }, finished: true, respondent_id: respondentId }]);
    });

    it("refuses another respondent's display key with 409 instead of handing out its display id", async () => {
      const s = await liveSurvey();
      const key = randomUUID();
      const respondentId = rid();
      const first = await t.http().post(`${s.path}/displays`).send({ idempotencyKey: key, respondentId }).expect(201);
      const other = await t.http().post(`${s.path}/displays`).send({ idempotencyKey: key, respondentId: rid() });
      expect([other.status, other.body.error?.code, other.body.displayId]).toEqual([409, 'idempotency_key_conflict', undefined]);
      expect((await t.http().post(`${s.path}/displays`).send({ idempotencyKey: key, respondentId }).expect(200)).body.displayId).toBe(
        first.body.displayId,
      );
      expect(await db().query(`SELECT respondent_id FROM survey_displays WHERE survey_id = $1`, [s.id])).toEqual([
        { respondent_id: respondentId },
      ]);
    });

    it("refuses another customer's step in a cancellation run: no outcome, no 'left', no webhook", async () => {
      const f = await liveFlow();
      const victim = `cust-${randomUUID()}`;
      await asAdmin.put(`${ws}/customers/${victim}`, { name: 'Victim', mrr: 40, lifecycleStage: 'repeat' }).expect(201);
      const key = randomUUID();
      const step = { idempotencyKey: key, customerId: victim, customerHash: sign(victim), reasonKey: 'too_expensive', finished: false };
      await t.http().post(`${f.path}/submissions`).send(step).expect(201);
      const before = await db().query(`SELECT * FROM cancellations WHERE flow_id = $1`, [f.id]);
      const deliveries = async () =>
        (await db().query(`SELECT count(*)::int AS n FROM webhook_deliveries WHERE workspace_id = $1`, [admin.workspaceId]))[0].n;
      const deliveriesBefore = await deliveries();

      const forged = await t
        .http()
        .post(`${f.path}/submissions`)
        .send({ idempotencyKey: key, customerId: 'cust-evil', customerHash: sign('cust-evil'), reasonKey: 'moved_away', finished: true });
      expect([forged.status, forged.body.error?.code]).toEqual([409, 'idempotency_key_conflict']);
      expect(await db().query(`SELECT * FROM cancellations WHERE flow_id = $1`, [f.id])).toEqual(before);
      expect((await asAdmin.get(`${ws}/customers/${victim}`).expect(200)).body.lifecycleStage).toBe('repeat');
      expect(await deliveries()).toBe(deliveriesBefore);

      // The run's own customer carries on.
      await t
        .http()
        .post(`${f.path}/submissions`)
        .send({ ...step, offerAccepted: true, finished: true })
        .expect(200);
    });
  });

  describe('item 12: displayId and unauthenticated bodies', () => {
    it("ignores a displayId of another survey (or another respondent's display)", async () => {
      const again = { displayRules: { trigger: 'page_load', samplePercent: 100, recontactDays: 0, stopAfterResponse: false } };
      const s = await liveSurvey(again);
      const elsewhere = await liveSurvey(again);
      const respondentId = rid();
      const foreign = (await t.http().post(`${elsewhere.path}/displays`).send({ idempotencyKey: randomUUID(), respondentId }).expect(201))
        .body.displayId;
      const othersOwn = (await t.http().post(`${s.path}/displays`).send({ idempotencyKey: randomUUID(), respondentId: rid() }).expect(201))
        .body.displayId;
      const own = (await t.http().post(`${s.path}/displays`).send({ idempotencyKey: randomUUID(), respondentId }).expect(201)).body
        .displayId;
      const answer = (displayId: string) => ({
        idempotencyKey: randomUUID(),
        respondentId,
        displayId,
        answers: { score: 7 },
        finished: true,
      });
      const a = await t.http().post(`${s.path}/responses`).send(answer(foreign)).expect(201);
      const b = await t
        .http()
        .post(`${s.path}/responses`)
        .send({ ...answer(othersOwn), respondentId: rid() })
        .expect(201);
      const c = await t
        .http()
        .post(`${s.path}/responses`)
        .send({ ...answer(own), respondentId: rid() })
        .expect(201);
      const d = await t.http().post(`${s.path}/responses`).send(answer(own)).expect(201);
      const displayOf = async (id: string) => (await db().query(`SELECT display_id FROM responses WHERE id = $1`, [id]))[0].display_id;
      expect(await displayOf(a.body.responseId)).toBeNull();
      expect(await displayOf(b.body.responseId)).toBeNull();
      expect(await displayOf(c.body.responseId)).toBeNull();
      expect(await displayOf(d.body.responseId)).toBe(own);
    });

    it('answers a chunked public body over 64 KB with 413 and the JSON error, not a reset', async () => {
      const s = await liveSurvey();
      const f = await liveFlow();
      const padding = 'x'.repeat(8 * 1024);
      const chunked = (prefix: string) => [prefix, ...Array.from({ length: 10 }, () => padding), '"}'];
      for (const [path, prefix] of [
        [
          `${s.path}/responses`,
          `{"idempotencyKey":"${randomUUID()}","respondentId":"${rid()}","answers":{"score":1},"finished":true,"url":"`,
        ],
        [`${s.path}/displays`, `{"idempotencyKey":"${randomUUID()}","respondentId":"${rid()}","url":"`],
        [`${f.path}/submissions`, `{"idempotencyKey":"${randomUUID()}","finished":false,"followUp":"`],
      ]) {
        for (const contentType of ['application/json', 'text/plain']) {
          const res = await raw(t.baseUrl, { method: 'POST', path, headers: { 'content-type': contentType }, chunks: chunked(prefix) });
          expect(res.headers['transfer-encoding']).not.toBe('chunked');
          expect([path, res.status, res.json().error?.code]).toEqual([path, 413, 'payload_too_large']);
          expect(res.json().error?.requestId).toBe(res.headers['x-request-id']);
        }
      }
      expect((await db().query(`SELECT count(*)::int AS n FROM responses WHERE survey_id = $1`, [s.id]))[0].n).toBe(0);
      // The server is fine afterwards.
      expect((await raw(t.baseUrl, { method: 'GET', path: '/api/v1/health' })).status).toBe(200);
    });

    it('reads the body of a request with no credential with the public limit, chunked or not', async () => {
      const big = JSON.stringify({ email: 'someone@example.test', password: 'x'.repeat(100_000) });
      const sized = await raw(t.baseUrl, {
        method: 'POST',
        path: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        body: big,
      });
      expect([sized.status, sized.json().error?.code]).toEqual([413, 'payload_too_large']);
      const chunked = await raw(t.baseUrl, {
        method: 'POST',
        path: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        chunks: big.match(/[^]{1,8192}/g)!,
      });
      expect([chunked.status, chunked.json().error?.code]).toEqual([413, 'payload_too_large']);
      // Signed in, the general limit applies.
      const signedIn = await asAdmin.post(`${ws}/mentions/bulk`, {
        mentions: [{ source: 'twitter', externalId: randomUUID(), text: 'x'.repeat(100_000), postedAt: new Date().toISOString() }],
      });
      expect(signedIn.status).not.toBe(413);
    });

    it('refuses an unknown or unsigned mention-ingest request with 401 before reading its body', async () => {
      const key = (await asAdmin.post(`${ws}/mentions/ingest-keys`, { name: `Probe ${randomUUID()}` }).expect(201)).body as {
        keyId: string;
        secret: string;
      };
      const now = String(Math.floor(Date.now() / 1000));
      const cases: [Record<string, string>, string][] = [
        [
          { 'otklik-key': 'mik_0000000000000000', 'webhook-id': 'msg_1', 'webhook-timestamp': now, 'webhook-signature': 'v1,AAAA' },
          'unknown_key',
        ],
        [{}, 'missing_key'],
        [{ 'otklik-key': key.keyId }, 'missing_signature'],
        [
          {
            'otklik-key': key.keyId,
            'webhook-id': 'msg_1',
            'webhook-timestamp': String(Number(now) - 3600),
            'webhook-signature': 'v1,AAAA',
          },
          'stale_request',
        ],
      ];
      for (const [headers, code] of cases) {
        // 5 MB announced, 1 KB sent, the rest never: the answer must not wait for (or read) the body.
        const res = await raw(
          t.baseUrl,
          {
            method: 'POST',
            path: '/api/v1/ingest/mentions',
            headers: { ...headers, 'content-type': 'application/json', 'content-length': 5 * 1024 * 1024 },
            body: ' '.repeat(1024),
            keepOpen: true,
          },
          3_000,
        );
        expect([res.status, res.json().error?.code]).toEqual([401, code]);
      }
      // A correctly signed request still gets through.
      const body = JSON.stringify({
        source: 'twitter',
        externalId: randomUUID(),
        text: 'Courier was late again',
        postedAt: new Date(Date.now() - 3_600_000).toISOString(),
      });
      const id = `msg_${randomUUID()}`;
      const signature = createHmac('sha256', Buffer.from(key.secret.replace(/^whsec_/, ''), 'base64'))
        .update(`${id}.${now}.${body}`)
        .digest('base64');
      const ok = await raw(t.baseUrl, {
        method: 'POST',
        path: '/api/v1/ingest/mentions',
        body,
        headers: {
          'content-type': 'application/json',
          'otklik-key': key.keyId,
          'webhook-id': id,
          'webhook-timestamp': now,
          'webhook-signature': `v1,${signature}`,
        },
      });
      expect(ok.status).toBe(200);
    });
  });
});
