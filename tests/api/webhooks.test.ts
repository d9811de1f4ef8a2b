import { createHmac, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';
import { customerSigner } from '../support/identity';
import { ReceivedWebhook, startWebhookReceiver, WebhookReceiver } from '../support/webhook-receiver';

let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let ws: string;
let sign: (customerId: string) => string;
let receiver: WebhookReceiver;

beforeAll(async () => {
  t = await startTestApp({
    publicLimitPerIpPerMinute: 100_000,
    webhookAllowedNetworks: ['127.0.0.0/8'],
    webhookRetryBaseMs: 50,
    webhookPollMs: 50,
    webhookTimeoutMs: 800,
    webhookMaxAttempts: 3,
  });
  admin = await t.seedAdmin('Hooks Ltd');
  asAdmin = await t.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
  sign = await customerSigner(asAdmin, admin.workspaceId);
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver.close();
  await t.close();
});
beforeEach(() => receiver.behave(() => 200));

const db = () => t.app.get(DataSource);

async function endpoint(events: string[], url = receiver.url): Promise<{ id: string; secret: string }> {
  const res = await asAdmin.post(`${ws}/webhooks`, { url, events, description: 'test receiver' }).expect(201);
  return res.body;
}

/** Independent of the server's code: Standard Webhooks' HMAC-SHA256 over id.timestamp.body. */
function signatureValid(secret: string, hook: ReceivedWebhook): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key)
    .update(`${hook.headers['webhook-id']}.${hook.headers['webhook-timestamp']}.${hook.body}`)
    .digest('base64');
  return hook.headers['webhook-signature'] === `v1,${expected}`;
}

const ofEndpoint = (id: string) => async () => (await asAdmin.get(`${ws}/webhooks/${id}/deliveries?limit=100`).expect(200)).body.items;

async function waitUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('webhook endpoints', () => {
  it('creates an endpoint with a secret shown once, lists it without the secret, reveals and rotates it', async () => {
    const created = await endpoint(['cancellation.finished', 'response.finished', 'cancellation.finished']);
    expect(created.secret).toMatch(/^whsec_/);
    expect(created).toMatchObject({ events: ['response.finished', 'cancellation.finished'], enabled: true, pending: 0 });
    const list = await asAdmin.get(`${ws}/webhooks`).expect(200);
    const listed = list.body.find((e: { id: string }) => e.id === created.id);
    expect(listed).toBeDefined();
    expect(listed.secret).toBeUndefined();
    expect((await asAdmin.get(`${ws}/webhooks/${created.id}/secret`).expect(200)).body.secret).toBe(created.secret);
    const rotated = await asAdmin.post(`${ws}/webhooks/${created.id}/rotate-secret`).expect(200);
    expect(rotated.body.secret).not.toBe(created.secret);
    expect((await asAdmin.get(`${ws}/webhooks/${created.id}/secret`).expect(200)).body.secret).toBe(rotated.body.secret);
    await asAdmin.delete(`${ws}/webhooks/${created.id}`).expect(204);
    await asAdmin.get(`${ws}/webhooks/${created.id}`).expect(404);
  });

  it.each([
    [{ url: 'ftp://example.com/x', events: ['*'] }, 'url', 'https://'],
    [{ url: 'not a url', events: ['*'] }, 'url', 'absolute URL'],
    [{ url: 'https://user:pw@example.com/x', events: ['*'] }, 'url', 'password'],
    [{ url: 'http://10.1.2.3/hook', events: ['*'] }, 'url', 'private'],
    [{ url: 'http://169.254.169.254/latest/meta-data', events: ['*'] }, 'url', 'link-local'],
    [{ url: 'http://[::1]:8080/hook', events: ['*'] }, 'url', 'loopback'],
    [{ url: 'https://example.com/x', events: ['order.paid'] }, 'events', 'must be one of'],
    [{ url: 'https://example.com/x', events: [] }, 'events', ''],
  ])('refuses %j with a field error', async (body, field, message) => {
    const res = await asAdmin.post(`${ws}/webhooks`, body).expect(400);
    const detail = res.body.error.details.find((d: { field: string }) => d.field === field);
    expect(detail.message).toContain(message);
    expect((await asAdmin.get(`${ws}/webhooks`).expect(200)).body.every((e: { url: string }) => e.url !== body.url)).toBe(true);
  });

  it('refuses loopback receivers unless the operator allows them', async () => {
    const strict = await startTestApp({ webhookAllowedNetworks: [] });
    try {
      const other = await strict.seedAdmin('Strict');
      const session = await strict.login(other.email, other.password);
      const res = await session
        .post(`/api/v1/workspaces/${other.workspaceId}/webhooks`, { url: 'http://localhost:9/hook', events: ['*'] })
        .expect(400);
      expect(res.body.error.message).toContain('loopback');
    } finally {
      await strict.close();
    }
  });

  it('is admin-only and invisible to other workspaces', async () => {
    const created = await endpoint(['*']);
    const analyst = await t.createUser();
    await t.addMember(admin.workspaceId, analyst.userId, 'analyst');
    const asAnalyst = await t.login(analyst.email, analyst.password);
    await asAnalyst.get(`${ws}/webhooks`).expect(403);
    const stranger = await t.seedAdmin('Elsewhere');
    const asStranger = await t.login(stranger.email, stranger.password);
    await asStranger.get(`/api/v1/workspaces/${stranger.workspaceId}/webhooks/${created.id}`).expect(404);
    await asStranger.get(`${ws}/webhooks/${created.id}`).expect(404);
    await asAdmin.delete(`${ws}/webhooks/${created.id}`).expect(204);
  });
});

describe('deliveries', () => {
  it('sends a signed cancellation outcome once, with the accepted offer, even when the widget retries', async () => {
    const hook = await endpoint(['cancellation.finished']);
    await asAdmin.put(`${ws}/customers/cust-42`, { name: 'Olga', mrr: 49.5 }).expect(201);
    const flow = (await asAdmin.post(`${ws}/churn/flows`, { name: 'Billing', languages: ['en'] }).expect(201)).body;
    const path = `/api/v1/public/cancellation-flows/${flow.publicKey}/submissions`;
    const key = randomUUID();
    await t
      .http()
      .post(path)
      .send({ idempotencyKey: key, customerId: 'cust-42', customerHash: sign('cust-42'), reasonKey: 'too_expensive', finished: false })
      .expect(201);
    const done = await t
      .http()
      .post(path)
      .send({
        idempotencyKey: key,
        customerId: 'cust-42',
        customerHash: sign('cust-42'),
        reasonKey: 'too_expensive',
        offerAccepted: true,
        finished: true,
      })
      .expect(200);
    await t
      .http()
      .post(path)
      .send({
        idempotencyKey: key,
        customerId: 'cust-42',
        customerHash: sign('cust-42'),
        reasonKey: 'too_expensive',
        offerAccepted: true,
        finished: true,
      })
      .expect(200);

    const [got] = await receiver.waitFor(
      1,
      (w) => w.json.type === 'cancellation.finished' && w.json.data.cancellationId === done.body.cancellationId,
    );
    expect(signatureValid(hook.secret, got)).toBe(true);
    expect(signatureValid(hook.secret, { ...got, body: got.body.replace('saved', 'cancelled') })).toBe(false);
    expect(Math.abs(Number(got.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
    expect(got.headers['webhook-id']).toBe(got.json.id);
    expect(got.json).toMatchObject({ type: 'cancellation.finished', workspaceId: admin.workspaceId });
    expect(got.json.data).toMatchObject({
      customerId: 'cust-42',
      outcome: 'saved',
      mrr: 49.5,
      reason: { key: 'too_expensive', label: 'Too expensive', avoidable: true },
      offer: { type: 'discount', amount: 20 },
      flow: { id: flow.id, name: 'Billing' },
    });
    // The retried finish did not announce a second outcome.
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.accepted().filter((w) => w.json.data.cancellationId === done.body.cancellationId)).toHaveLength(1);
    await asAdmin.delete(`${ws}/webhooks/${hook.id}`).expect(204);
  });

  it('announces response.created and response.finished for survey answers', async () => {
    const hook = await endpoint(['response.created', 'response.finished']);
    const survey = (
      await asAdmin
        .post(`${ws}/surveys`, {
          name: 'Hooks NPS',
          kind: 'nps',
          displayRules: { trigger: 'page_load', samplePercent: 100, recontactDays: 0, stopAfterResponse: false },
        })
        .expect(201)
    ).body;
    await asAdmin.patch(`${ws}/surveys/${survey.id}`, { status: 'live' }).expect(200);
    const key = randomUUID();
    const respondentId = `r-${randomUUID()}`;
    const url = `/api/v1/public/surveys/${survey.publicKey}/responses`;
    const first = await t
      .http()
      .post(url)
      .send({ idempotencyKey: key, respondentId, answers: { score: 3 }, finished: false })
      .expect(201);
    await t
      .http()
      .post(url)
      .send({ idempotencyKey: key, respondentId, answers: { comment: 'Slow support' }, finished: true })
      .expect(200);
    const events = await receiver.waitFor(2, (w) => w.json.data.responseId === first.body.responseId);
    expect(events.map((e) => e.json.type)).toEqual(['response.created', 'response.finished']);
    expect(events[1].json.data).toMatchObject({ surveyId: survey.id, score: 3, comment: 'Slow support', finished: true });
    expect(events.every((e) => signatureValid(hook.secret, e))).toBe(true);
    await asAdmin.delete(`${ws}/webhooks/${hook.id}`).expect(204);
  });

  it('retries a failing receiver with backoff and keeps the order per endpoint', async () => {
    const hook = await endpoint(['*']);
    receiver.behave((n) => (n < 2 ? 500 : 200));
    const pings = [];
    for (let i = 0; i < 3; i++) pings.push((await asAdmin.post(`${ws}/webhooks/${hook.id}/test`).expect(202)).body);
    const got = await receiver.waitFor(3, (w) => w.json.type === 'ping');
    expect(got.slice(-3).map((w) => w.json.id)).toEqual(pings.map((p) => p.eventId));
    const first = (await asAdmin.get(`${ws}/webhooks/${hook.id}/deliveries/${pings[0].id}`).expect(200)).body;
    expect(first).toMatchObject({ status: 'succeeded', attempts: 3, lastStatusCode: 200 });
    expect(first.attemptLog.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 500, 200]);
    expect(first.attemptLog[0]).toMatchObject({ error: 'receiver answered 500', responseExcerpt: 'receiver failure' });
    expect(first.attemptLog.every((a: { durationMs: number }) => a.durationMs >= 0)).toBe(true);
    // Later pings waited for the first: each went out once, after it.
    for (const p of pings.slice(1)) {
      const detail = (await asAdmin.get(`${ws}/webhooks/${hook.id}/deliveries/${p.id}`).expect(200)).body;
      expect(detail).toMatchObject({ status: 'succeeded', attempts: 1 });
    }
    await asAdmin.delete(`${ws}/webhooks/${hook.id}`).expect(204);
  });

  it('gives up after the last attempt, and a replay sends the same event again', async () => {
    const hook = await endpoint(['*']);
    receiver.behave(() => 503);
    const ping = (await asAdmin.post(`${ws}/webhooks/${hook.id}/test`).expect(202)).body;
    const failed = await waitUntil(
      ofEndpoint(hook.id),
      (items: { id: string; status: string }[]) => items.find((i) => i.id === ping.id)?.status === 'failed',
    );
    expect(failed.find((i: { id: string }) => i.id === ping.id)).toMatchObject({ attempts: 3, lastStatusCode: 503 });
    expect((await asAdmin.get(`${ws}/webhooks/${hook.id}`).expect(200)).body).toMatchObject({ failed: 1, pending: 0 });

    receiver.behave(() => 204);
    const replay = (await asAdmin.post(`${ws}/webhooks/${hook.id}/deliveries/${ping.id}/replay`).expect(202)).body;
    expect(replay).toMatchObject({ eventId: ping.eventId, replayOf: ping.id, status: 'pending' });
    const [got] = await receiver.waitFor(1, (w) => w.json.id === ping.eventId);
    expect(got.headers['webhook-id']).toBe(ping.eventId);
    expect(signatureValid(hook.secret, got)).toBe(true);
    await asAdmin.delete(`${ws}/webhooks/${hook.id}`).expect(204);
  });

  it('a hanging receiver holds up only its own endpoint', async () => {
    const slow = await startWebhookReceiver('/slow');
    slow.behave(() => 'hang');
    try {
      const stuck = await endpoint(['*'], slow.url);
      const healthy = await endpoint(['*']);
      const stuckPing = (await asAdmin.post(`${ws}/webhooks/${stuck.id}/test`).expect(202)).body;
      const ping = (await asAdmin.post(`${ws}/webhooks/${healthy.id}/test`).expect(202)).body;
      await receiver.waitFor(1, (w) => w.json.id === ping.eventId);
      const stuckLog = await waitUntil(ofEndpoint(stuck.id), (items: { id: string; lastError: string | null }[]) =>
        (items.find((i) => i.id === stuckPing.id)?.lastError ?? '').includes('timed out'),
      );
      expect(stuckLog[0].status).toMatch(/pending|sending|failed/);
      await asAdmin.patch(`${ws}/webhooks/${stuck.id}`, { enabled: false }).expect(200);
      await asAdmin.delete(`${ws}/webhooks/${stuck.id}`).expect(204);
      await asAdmin.delete(`${ws}/webhooks/${healthy.id}`).expect(204);
    } finally {
      await slow.close();
    }
  });

  it('pages the delivery log and rejects foreign cursors', async () => {
    const hook = await endpoint(['*']);
    for (let i = 0; i < 5; i++) await asAdmin.post(`${ws}/webhooks/${hook.id}/test`).expect(202);
    const page1 = (await asAdmin.get(`${ws}/webhooks/${hook.id}/deliveries?limit=2`).expect(200)).body;
    const page2 = (await asAdmin.get(`${ws}/webhooks/${hook.id}/deliveries?limit=2&cursor=${page1.nextCursor}`).expect(200)).body;
    const page3 = (await asAdmin.get(`${ws}/webhooks/${hook.id}/deliveries?limit=2&cursor=${page2.nextCursor}`).expect(200)).body;
    const ids = [...page1.items, ...page2.items, ...page3.items].map((d: { id: string }) => d.id);
    expect(new Set(ids).size).toBe(5);
    expect(page3.nextCursor).toBeNull();
    const bad = await asAdmin.get(`${ws}/webhooks/${hook.id}/deliveries?cursor=nonsense`).expect(400);
    expect(bad.body.error.details[0].field).toBe('cursor');
    await asAdmin.get(`${ws}/webhooks/${hook.id}/deliveries?status=exploded`).expect(400);
    await asAdmin.delete(`${ws}/webhooks/${hook.id}`).expect(204);
  });

  it('announces each sleeping customer once per quiet spell', async () => {
    const hook = await endpoint(['customer.sleeping']);
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
    await asAdmin.put(`${ws}/churn/settings`, { inactiveDays: 90 }).expect(200);
    await asAdmin.put(`${ws}/customers/sleepy-1`, { name: 'Sleepy', email: 'sleepy@example.test', lastSeenAt: daysAgo(60) }).expect(201);
    await asAdmin.put(`${ws}/customers/awake-1`, { name: 'Awake', lastSeenAt: daysAgo(2) }).expect(201);
    const first = await asAdmin.post(`${ws}/churn/inactive/notify`).expect(200);
    expect(first.body.notified).toBeGreaterThanOrEqual(1);
    const [got] = await receiver.waitFor(
      1,
      (w) => w.json.type === 'customer.sleeping' && (w.json.data.customer as { externalId: string }).externalId === 'sleepy-1',
    );
    expect(got.json.data).toMatchObject({
      customer: { externalId: 'sleepy-1', name: 'Sleepy', email: 'sleepy@example.test' },
      daysInactive: 60,
      sleepingAfterDays: 45,
      lostAfterDays: 90,
    });
    expect(signatureValid(hook.secret, got)).toBe(true);
    expect((await asAdmin.post(`${ws}/churn/inactive/notify`).expect(200)).body.notified).toBe(0);
    // Active again, then quiet again: announced again.
    await db().query(
      `UPDATE customers SET last_seen_at = now() - interval '50 days', sleeping_notified_at = now() - interval '55 days' WHERE external_id = 'sleepy-1'`,
    );
    expect((await asAdmin.post(`${ws}/churn/inactive/notify`).expect(200)).body.notified).toBe(1);
    await asAdmin.delete(`${ws}/webhooks/${hook.id}`).expect(204);
  });
});
