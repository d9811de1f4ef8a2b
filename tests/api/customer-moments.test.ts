import { createHmac, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';
import { startWebhookReceiver, WebhookReceiver } from '../support/webhook-receiver';

/**
 * Risky moments reported by a server: recorded once per idempotency key, announced as `customer.moment`, and
 * turning a live survey that waits for that event into "show now" in the public config, for that customer only,
 * until the customer answers a survey waiting for it or the moment expires. Only a customer id proven by its identity
 * hash (HMAC-SHA256 with the workspace's identity secret) learns it, and only a proven response answers a moment.
 */

interface Survey {
  id: string;
  key: string;
}

let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let ws: string;
let receiver: WebhookReceiver;
let identitySecret: string;
const s: Record<string, Survey> = {};

/** What the host's server computes for the widget. */
const hashOf = (customerId: string) => createHmac('sha256', identitySecret).update(customerId).digest('hex');

const db = () => t.app.get(DataSource);
const DAY = 86_400_000;

async function survey(name: string, displayRules: object, live = true): Promise<Survey> {
  const created = await asAdmin.post(`${ws}/surveys`, { name, kind: 'nps', displayRules }).expect(201);
  if (live) await asAdmin.patch(`${ws}/surveys/${created.body.id}`, { status: 'live' }).expect(200);
  return { id: created.body.id, key: created.body.publicKey };
}

const eventRules = (eventName: string) => ({ trigger: 'event', eventName, samplePercent: 100, recontactDays: 0, stopAfterResponse: false });

const record = (customerId: string, body: object, as: LoggedIn = asAdmin, base = ws) =>
  as.post(`${base}/customers/${encodeURIComponent(customerId)}/moments`, body);
const list = (customerId: string, query = '') => asAdmin.get(`${ws}/customers/${encodeURIComponent(customerId)}/moments${query}`);

/** The public widget config, as the loader asks for it (a fresh respondent each time; signed unless `hash` says otherwise). */
async function config(
  key: string,
  customerId?: string,
  hash: string | null = customerId ? hashOf(customerId) : null,
): Promise<Record<string, unknown> & { displayRules: Record<string, unknown> }> {
  const query = new URLSearchParams({ respondentId: `r-${randomUUID()}` });
  if (customerId) query.set('customerId', customerId);
  if (hash) query.set('customerHash', hash);
  return (await t.http().get(`/api/v1/public/surveys/${key}?${query}`).expect(200)).body;
}

const respond = async (key: string, customerId: string, finished = true, signed = true) =>
  (
    await t
      .http()
      .post(`/api/v1/public/surveys/${key}/responses`)
      .send({
        idempotencyKey: randomUUID(),
        respondentId: `r-${randomUUID()}`,
        customerId,
        ...(signed ? { customerHash: hashOf(customerId) } : {}),
        answers: { score: 4 },
        finished,
      })
      .expect(201)
  ).body.responseId as string;

const count = async (sql: string, params: unknown[]) => (await db().query(sql, params))[0].n as number;
const momentRows = () => count(`SELECT count(*)::int AS n FROM customer_moments WHERE workspace_id = $1`, [admin.workspaceId]);
const queued = (type: string) =>
  count(`SELECT count(*)::int AS n FROM webhook_deliveries WHERE workspace_id = $1 AND event_type = $2`, [admin.workspaceId, type]);

beforeAll(async () => {
  t = await startTestApp({
    webhookAllowedNetworks: ['127.0.0.0/8'],
    webhookPollMs: 50,
    caseSyncMs: 3_600_000,
    publicLimitPerIpPerMinute: 100_000,
  });
  admin = await t.seedAdmin('Moments Ltd');
  asAdmin = await t.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
  identitySecret = (await asAdmin.get(`${ws}/identity-secret`).expect(200)).body.secret;
  receiver = await startWebhookReceiver();
  await asAdmin.post(`${ws}/webhooks`, { url: receiver.url, events: ['customer.moment'] }).expect(201);
  for (const id of ['cust-m', 'cust-n', 'cust-x', 'cust-p', 'cust-q'])
    await asAdmin.put(`${ws}/customers/${id}`, { name: `Name ${id}`, email: `${id}@example.test` }).expect(201);
  s.renewal = await survey('Renewal check', eventRules('renewal_due'));
  s.trial = await survey('Trial check', eventRules('trial_ending'));
  s.page = await survey('Every page', { trigger: 'delay', delaySeconds: 5, samplePercent: 50, recontactDays: 30, stopAfterResponse: true });
  s.draft = await survey('Renewal draft', eventRules('renewal_due'), false);
});
afterAll(async () => {
  await receiver?.close();
  await t?.close();
});

describe('recording a moment', () => {
  it('records it, names the surveys waiting for it and queues customer.moment with it', async () => {
    const before = Date.now();
    const res = await record('cust-m', { moment: 'renewal_due', idempotencyKey: 'billing-42' }).expect(201);
    expect(res.body).toMatchObject({
      id: expect.any(String),
      customerId: 'cust-m',
      moment: 'renewal_due',
      status: 'pending',
      idempotencyKey: 'billing-42',
      answeredAt: null,
      responseId: null,
      survey: null,
      surveys: [{ id: s.renewal.id, name: 'Renewal check' }],
    });
    const expires = Date.parse(res.body.expiresAt);
    expect(expires).toBeGreaterThanOrEqual(before + 7 * DAY);
    expect(expires).toBeLessThanOrEqual(Date.now() + 7 * DAY);

    expect(await queued('customer.moment')).toBe(1);
    const [hook] = await receiver.waitFor(1, (w) => w.json.type === 'customer.moment' && w.json.data.momentId === res.body.id);
    expect(hook.json.workspaceId).toBe(admin.workspaceId);
    expect(hook.json.data).toEqual({
      momentId: res.body.id,
      moment: 'renewal_due',
      customer: { externalId: 'cust-m', name: 'Name cust-m', email: 'cust-m@example.test' },
      recordedAt: res.body.recordedAt,
      expiresAt: res.body.expiresAt,
      surveys: [{ id: s.renewal.id, name: 'Renewal check', publicKey: s.renewal.key }],
    });
    expect(hook.headers['webhook-signature']).toMatch(/^v1,/);
  });

  it('is idempotent per key: a retry answers 200 with the same moment and announces nothing again', async () => {
    const rows = await momentRows();
    const first = (await list('cust-m').expect(200)).body.items[0];
    const again = await record('cust-m', { moment: 'renewal_due', idempotencyKey: 'billing-42' }).expect(200);
    expect(again.body).toMatchObject({ id: first.id, recordedAt: first.recordedAt, expiresAt: first.expiresAt, status: 'pending' });
    expect(await momentRows()).toBe(rows);
    expect(await queued('customer.moment')).toBe(1);
    // The same key for a different moment is a mistake, not a retry.
    const reused = await record('cust-m', { moment: 'payment_failed', idempotencyKey: 'billing-42' }).expect(409);
    expect(reused.body.error.code).toBe('idempotency_key_reused');
    // Keys are per customer; no key means a new moment every time.
    await record('cust-p', { moment: 'renewal_due', idempotencyKey: 'billing-42' }).expect(201);
    await record('cust-p', { moment: 'payment_failed' }).expect(201);
    await record('cust-p', { moment: 'payment_failed' }).expect(201);
    expect(await momentRows()).toBe(rows + 3);
    expect(await queued('customer.moment')).toBe(4);
  });

  it('refuses bad input with 400 naming the field, and writes nothing', async () => {
    const rows = await momentRows();
    const cases: [object, string][] = [
      [{}, 'moment'],
      [{ moment: 'Renewal Due' }, 'moment'],
      [{ moment: 'x'.repeat(65) }, 'moment'],
      [{ moment: 42 }, 'moment'],
      [{ moment: 'renewal_due', expiresAt: 'next week' }, 'expiresAt'],
      [{ moment: 'renewal_due', expiresAt: new Date(Date.now() - 60_000).toISOString() }, 'expiresAt'],
      [{ moment: 'renewal_due', expiresAt: new Date(Date.now() + 91 * DAY).toISOString() }, 'expiresAt'],
      [{ moment: 'renewal_due', idempotencyKey: 'has spaces' }, 'idempotencyKey'],
      [{ moment: 'renewal_due', surveyId: s.renewal.id }, 'surveyId'],
    ];
    for (const [body, field] of cases) {
      const res = await record('cust-m', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(
        res.body.error.details.map((d: { field: string }) => d.field),
        JSON.stringify(body),
      ).toContain(field);
    }
    const badId = await record('bad/id', { moment: 'renewal_due' }).expect(400);
    expect(badId.body.error.details[0].field).toBe('externalId');
    expect(await momentRows()).toBe(rows);
    expect(await queued('customer.moment')).toBe(4);
  });

  it('answers 404 for an unknown customer and for another workspace, and keeps roles apart', async () => {
    const missing = await record('nobody', { moment: 'renewal_due' }).expect(404);
    expect(missing.body.error.message).toBe('Customer not found');
    expect((await list('nobody')).status).toBe(404);

    const beta = await t.seedAdmin('Beta moments');
    const asBeta = await t.login(beta.email, beta.password);
    expect((await record('cust-m', { moment: 'renewal_due' }, asBeta, ws)).status).toBe(404);
    expect((await asBeta.get(`${ws}/customers/cust-m/moments`)).status).toBe(404);

    const viewer = await t.createUser();
    await t.addMember(admin.workspaceId, viewer.userId, 'viewer');
    const asViewer = await t.login(viewer.email, viewer.password);
    expect((await record('cust-m', { moment: 'renewal_due' }, asViewer)).status).toBe(403);
    expect((await asViewer.get(`${ws}/customers/cust-m/moments`)).status).toBe(200);

    // A billing system's token with customers:write records moments.
    const token = (await asAdmin.post(`${ws}/api-tokens`, { name: 'billing', scopes: ['customers:write'] }).expect(201)).body
      .secret as string;
    const viaToken = await t
      .http()
      .post(`${ws}/customers/cust-x/moments`)
      .set('authorization', `Bearer ${token}`)
      .send({ moment: 'trial_ending' })
      .expect(201);
    expect(viaToken.body.surveys).toEqual([{ id: s.trial.id, name: 'Trial check' }]);
  });
});

describe('the public survey config', () => {
  it('shows the survey waiting for the moment now, for that customer only, changing nothing but the trigger', async () => {
    const rewritten = await config(s.renewal.key, 'cust-m');
    expect(rewritten.displayRules).toEqual({ trigger: 'page_load', samplePercent: 100, recontactDays: 0, stopAfterResponse: false });
    const usual = await config(s.renewal.key, 'cust-n');
    expect(usual.displayRules).toEqual(eventRules('renewal_due'));
    expect({ ...rewritten, displayRules: null }).toEqual({ ...usual, displayRules: null });
    expect((await config(s.renewal.key)).displayRules).toEqual(eventRules('renewal_due'));
    // Surveys waiting for another event, or for no event, are untouched.
    expect((await config(s.trial.key, 'cust-m')).displayRules).toEqual(eventRules('trial_ending'));
    expect((await config(s.page.key, 'cust-m')).displayRules).toMatchObject({ trigger: 'delay', delaySeconds: 5 });
    // A survey that is not live stays not eligible with its rules as they are.
    const draft = await config(s.draft.key, 'cust-m');
    expect(draft).toMatchObject({ eligible: false, ineligibleReason: 'not_live', displayRules: eventRules('renewal_due') });
  });

  it('reveals no pending moment for a customer id without a valid hash (issue 13, item 11)', async () => {
    // cust-m has a pending renewal_due moment (recorded above); cust-n has none.
    const usual = await config(s.renewal.key, 'cust-n', null);
    for (const hash of [null, hashOf('cust-n'), 'f'.repeat(64), createHmac('sha256', 'idsec_guessed').update('cust-m').digest('hex')]) {
      const res = await config(s.renewal.key, 'cust-m', hash);
      expect(res.displayRules).toEqual(eventRules('renewal_due'));
      expect({ ...res, displayRules: null }).toEqual({ ...usual, displayRules: null });
    }
    // The customer's own page, with the hash from the host's server, still learns it.
    expect((await config(s.renewal.key, 'cust-m')).displayRules.trigger).toBe('page_load');
  });

  it('is not answered by a response whose customer id is not proven', async () => {
    const recorded = (await record('cust-q', { moment: 'renewal_due' }).expect(201)).body;
    const forged = await respond(s.renewal.key, 'cust-q', true, false);
    const [row] = await db().query(`SELECT customer_external_id, customer_verified FROM responses WHERE workspace_id = $1 AND id = $2`, [
      admin.workspaceId,
      forged,
    ]);
    expect(row).toEqual({ customer_external_id: 'cust-q', customer_verified: false });
    expect((await list('cust-q').expect(200)).body.items.find((i: { id: string }) => i.id === recorded.id)).toMatchObject({
      status: 'pending',
      responseId: null,
    });
    expect((await config(s.renewal.key, 'cust-q')).displayRules.trigger).toBe('page_load');
    const proven = await respond(s.renewal.key, 'cust-q');
    expect((await list('cust-q').expect(200)).body.items.find((i: { id: string }) => i.id === recorded.id)).toMatchObject({
      status: 'answered',
      responseId: proven,
    });
  });

  it("is not changed by the same customer id's moment in another workspace", async () => {
    const beta = await t.seedAdmin('Beta moments 2');
    const asBeta = await t.login(beta.email, beta.password);
    const betaWs = `/api/v1/workspaces/${beta.workspaceId}`;
    await asBeta.put(`${betaWs}/customers/cust-n`, {}).expect(201);
    await record('cust-n', { moment: 'renewal_due' }, asBeta, betaWs).expect(201);
    expect((await config(s.renewal.key, 'cust-n')).displayRules).toEqual(eventRules('renewal_due'));
  });

  it("stops once the customer answers a survey waiting for it; earlier or unrelated responses don't count", async () => {
    // cust-n: answered the renewal survey before the moment, and a survey waiting for nothing after it.
    await respond(s.renewal.key, 'cust-n');
    const recorded = (await record('cust-n', { moment: 'renewal_due' }).expect(201)).body;
    await respond(s.page.key, 'cust-n');
    await respond(s.trial.key, 'cust-n');
    expect((await config(s.renewal.key, 'cust-n')).displayRules.trigger).toBe('page_load');
    expect((await list('cust-n').expect(200)).body.items[0]).toMatchObject({ id: recorded.id, status: 'pending', answeredAt: null });

    // cust-m answers (a partial answer counts: the customer engaged, the widget saves it as it goes).
    const responseId = await respond(s.renewal.key, 'cust-m', false);
    expect((await config(s.renewal.key, 'cust-m')).displayRules).toEqual(eventRules('renewal_due'));
    const [row] = await db().query(`SELECT created_at FROM responses WHERE workspace_id = $1 AND id = $2`, [admin.workspaceId, responseId]);
    const items = (await list('cust-m').expect(200)).body.items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      moment: 'renewal_due',
      status: 'answered',
      responseId,
      answeredAt: (row.created_at as Date).toISOString(),
      survey: { id: s.renewal.id, name: 'Renewal check' },
    });
    // A new report of the moment waits again.
    await record('cust-m', { moment: 'renewal_due', idempotencyKey: 'billing-43' }).expect(201);
    expect((await config(s.renewal.key, 'cust-m')).displayRules.trigger).toBe('page_load');
  });

  it('ignores an expired moment', async () => {
    const recorded = (await record('cust-x', { moment: 'renewal_due', expiresAt: new Date(Date.now() + DAY).toISOString() }).expect(201))
      .body;
    expect((await config(s.renewal.key, 'cust-x')).displayRules.trigger).toBe('page_load');
    await db().query(
      `UPDATE customer_moments SET recorded_at = now() - interval '3 days', expires_at = now() - interval '1 second' WHERE workspace_id = $1 AND id = $2`,
      [admin.workspaceId, recorded.id],
    );
    expect((await config(s.renewal.key, 'cust-x')).displayRules).toEqual(eventRules('renewal_due'));
    const items = (await list('cust-x').expect(200)).body.items as { id: string; status: string }[];
    expect(items.find((i) => i.id === recorded.id)?.status).toBe('expired');
    // A response after expiry answers nothing.
    await respond(s.renewal.key, 'cust-x');
    expect((await list('cust-x').expect(200)).body.items.find((i: { id: string }) => i.id === recorded.id).status).toBe('expired');
  });
});

describe("a customer's moments", () => {
  it('lists newest first by cursor and shows them on the timeline', async () => {
    const all = (await list('cust-p', '?limit=100').expect(200)).body;
    expect(all.items.map((i: { moment: string }) => i.moment)).toEqual(['payment_failed', 'payment_failed', 'renewal_due']);
    expect(all.nextCursor).toBeNull();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await list(
        'cust-p',
        `?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      ).expect(200);
      expect(page.body.items).toHaveLength(1);
      seen.push(page.body.items[0].id);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((i: { id: string }) => i.id));
    expect((await list('cust-p', '?cursor=nonsense')).status).toBe(400);
    expect((await list('cust-p', '?limit=0')).status).toBe(400);

    const timeline = (await asAdmin.get(`${ws}/customers/cust-m/timeline?kinds=moment`).expect(200)).body;
    expect(timeline.items.map((i: { details: { status: string } }) => i.details.status)).toEqual(['pending', 'answered']);
    expect(timeline.items[1]).toMatchObject({
      kind: 'moment',
      title: 'renewal_due',
      details: { kind: 'moment', moment: 'renewal_due', surveyName: 'Renewal check' },
    });
  });
});
