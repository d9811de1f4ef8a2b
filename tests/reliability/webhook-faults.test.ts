import type { NestExpressApplication } from '@nestjs/platform-express';
import { createHmac, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { createApp } from '@otklik/backend/src/app.factory';
import { loadConfig } from '@otklik/backend/src/config/app-config';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';
import { ReceivedWebhook, startWebhookReceiver, WebhookReceiver } from '../support/webhook-receiver';

/**
 * Outbound webhooks under receiver faults: a receiver that hangs, then recovers; one that fails with errors and
 * dropped connections, then recovers; deliveries queued before a restart. Each time every event arrives, accepted
 * exactly once, in the order it happened, and nothing else waits for the faulty receiver: another endpoint keeps
 * receiving and ingest keeps answering.
 */
const WEBHOOKS = {
  webhookAllowedNetworks: ['127.0.0.0/8'],
  webhookRetryBaseMs: 50,
  webhookPollMs: 50,
  webhookTimeoutMs: 400,
  webhookMaxAttempts: 20,
  publicLimitPerIpPerMinute: 100_000,
  publicLimitPerSurveyPerMinute: 100_000,
};

let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let ws: string;
let faulty: WebhookReceiver;
let healthy: WebhookReceiver;

beforeAll(async () => {
  t = await startTestApp(WEBHOOKS);
  admin = await t.seedAdmin('Hooks Under Fire');
  asAdmin = await t.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
  faulty = await startWebhookReceiver('/faulty');
  healthy = await startWebhookReceiver('/healthy');
});
afterAll(async () => {
  await faulty.close();
  await healthy.close();
  await t.close();
});
beforeEach(() => {
  faulty.behave(() => 200);
  healthy.behave(() => 200);
});

async function waitUntil<T>(read: () => Promise<T> | T, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met: ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

function signatureValid(secret: string, hook: ReceivedWebhook): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key)
    .update(`${hook.headers['webhook-id']}.${hook.headers['webhook-timestamp']}.${hook.body}`)
    .digest('base64');
  return hook.headers['webhook-signature'] === `v1,${expected}`;
}

/** A live survey and a function that posts one finished response carrying `comment`. */
async function liveSurvey(http: () => ReturnType<TestApp['http']>, as: LoggedIn, workspace: string) {
  const survey = (
    await as
      .post(`${workspace}/surveys`, {
        name: `Faults ${randomUUID().slice(0, 8)}`,
        kind: 'nps',
        displayRules: { trigger: 'page_load', samplePercent: 100, recontactDays: 0, stopAfterResponse: false },
      })
      .expect(201)
  ).body;
  await as.patch(`${workspace}/surveys/${survey.id}`, { status: 'live' }).expect(200);
  return async (comment: string): Promise<number> =>
    (
      await http()
        .post(`/api/v1/public/surveys/${survey.publicKey}/responses`)
        .send({ idempotencyKey: randomUUID(), respondentId: `r-${randomUUID()}`, answers: { score: 4, comment }, finished: true })
    ).status;
}

const comments = (hooks: ReceivedWebhook[]) => hooks.map((h) => h.json.data.comment as string);
/** Accepted deliveries per event id: every event must be there exactly once. */
const acceptedPerEvent = (r: WebhookReceiver, prefix = '') =>
  r
    .accepted()
    .filter((h) => String(h.json.data.comment).startsWith(prefix))
    .reduce((m, h) => m.set(h.json.id, (m.get(h.json.id) ?? 0) + 1), new Map<string, number>());

describe('webhook receiver faults', () => {
  it('a hanging receiver: its deliveries time out and are retried until it recovers, then arrive once each, in order; another endpoint and ingest carry on meanwhile', async () => {
    const stuck = (await asAdmin.post(`${ws}/webhooks`, { url: faulty.url, events: ['response.finished'] }).expect(201)).body;
    const fine = (await asAdmin.post(`${ws}/webhooks`, { url: healthy.url, events: ['response.finished'] }).expect(201)).body;
    faulty.behave(() => 'hang');
    const respond = await liveSurvey(() => t.http(), asAdmin, ws);

    const sent = ['hang-0', 'hang-1', 'hang-2', 'hang-3', 'hang-4'];
    const statuses: number[] = [];
    for (const c of sent) statuses.push(await respond(c));
    // Ingest answered while the receiver hung, and the other endpoint got everything, in order.
    expect(statuses).toEqual([201, 201, 201, 201, 201]);
    const atHealthy = await healthy.waitFor(5, (w) => String(w.json.data.comment).startsWith('hang-'));
    expect(comments(atHealthy)).toEqual(sent);
    expect(atHealthy.every((h) => signatureValid(fine.secret, h))).toBe(true);

    // The stuck endpoint's first delivery timed out at least twice; nothing of it was accepted yet.
    const log = () =>
      asAdmin
        .get(`${ws}/webhooks/${stuck.id}/deliveries?limit=100`)
        .expect(200)
        .then((r) => r.body.items as { id: string; attempts: number; lastError: string | null; status: string }[]);
    await waitUntil(
      () => faulty.answers.filter((a) => a === 'hang').length,
      (n) => n >= 2,
    );
    const during = await log();
    expect(during).toHaveLength(5);
    expect(during.some((d) => (d.lastError ?? '').includes('timed out'))).toBe(true);
    expect(faulty.accepted()).toEqual([]);
    // Order per endpoint: only the oldest delivery has been tried, the rest wait behind it.
    expect(during.filter((d) => d.attempts > 0)).toHaveLength(1);

    // The receiver recovers: every event arrives, accepted once, in the order the responses came.
    faulty.behave(() => 200);
    const atFaulty = await faulty.waitFor(5, (w) => String(w.json.data.comment).startsWith('hang-'));
    expect(comments(atFaulty)).toEqual(sent);
    expect([...acceptedPerEvent(faulty, 'hang-').values()]).toEqual([1, 1, 1, 1, 1]);
    expect(atFaulty.map((h) => h.json.id)).toEqual(atHealthy.map((h) => h.json.id));
    expect(atFaulty.every((h) => signatureValid(stuck.secret, h))).toBe(true);
    const after = await waitUntil(log, (items) => items.every((d) => d.status === 'succeeded'));
    const first = after.reduce((a, b) => (a.attempts > b.attempts ? a : b));
    const detail = (await asAdmin.get(`${ws}/webhooks/${stuck.id}/deliveries/${first.id}`).expect(200)).body;
    expect(detail.attempts).toBeGreaterThanOrEqual(3);
    expect(detail.attemptLog.slice(0, -1).every((a: { error: string | null }) => (a.error ?? '').includes('timed out'))).toBe(true);
    expect(detail.attemptLog.at(-1)).toMatchObject({ statusCode: 200 });

    await asAdmin.delete(`${ws}/webhooks/${stuck.id}`).expect(204);
    await asAdmin.delete(`${ws}/webhooks/${fine.id}`).expect(204);
  }, 60_000);

  it('a failing receiver (5xx, dropped connections): retried with backoff, then every event arrives once, in order', async () => {
    const hook = (await asAdmin.post(`${ws}/webhooks`, { url: faulty.url, events: ['response.finished'] }).expect(201)).body;
    // Errors of both kinds for the first six requests, then success.
    faulty.behave((n) => (n >= 6 ? 200 : n % 2 === 0 ? 'reset' : 502));
    const respond = await liveSurvey(() => t.http(), asAdmin, ws);
    const sent = ['fail-0', 'fail-1', 'fail-2', 'fail-3'];
    for (const c of sent) expect(await respond(c)).toBe(201);

    const got = await faulty.waitFor(4, (w) => String(w.json.data.comment).startsWith('fail-'));
    expect(comments(got)).toEqual(sent);
    expect([...acceptedPerEvent(faulty, 'fail-').values()]).toEqual([1, 1, 1, 1]);
    expect(faulty.answers.slice(0, 6)).toEqual(['reset', 502, 'reset', 502, 'reset', 502]);
    const items = (await asAdmin.get(`${ws}/webhooks/${hook.id}/deliveries?limit=100`).expect(200)).body.items as {
      id: string;
      attempts: number;
    }[];
    const first = items.reduce((a, b) => (a.attempts > b.attempts ? a : b));
    const detail = (await asAdmin.get(`${ws}/webhooks/${hook.id}/deliveries/${first.id}`).expect(200)).body;
    expect(detail).toMatchObject({ status: 'succeeded', attempts: 7, lastStatusCode: 200 });
    expect(detail.attemptLog.map((a: { statusCode: number | null }) => a.statusCode)).toEqual([null, 502, null, 502, null, 502, 200]);
    await asAdmin.delete(`${ws}/webhooks/${hook.id}`).expect(204);
  }, 60_000);

  it('sends mention.created (and lists every event type as sent today)', async () => {
    const hook = (await asAdmin.post(`${ws}/webhooks`, { url: healthy.url, events: ['mention.created'] }).expect(201)).body;
    const text = `Reliability mention ${randomUUID()}`;
    await asAdmin
      .post(`${ws}/mentions/bulk`, {
        mentions: [{ source: 'twitter', externalId: randomUUID(), text, postedAt: new Date().toISOString() }],
      })
      .expect(200);
    const [got] = await healthy.waitFor(1, (w) => w.json.type === 'mention.created' && w.json.data.text === text);
    expect(signatureValid(hook.secret, got)).toBe(true);
    const catalogue = (await asAdmin.get(`${ws}/webhooks/event-types`).expect(200)).body as { type: string; live: boolean }[];
    expect(catalogue.filter((e) => !e.live)).toEqual([]);
    await asAdmin.delete(`${ws}/webhooks/${hook.id}`).expect(204);
  });
});

describe('webhook deliveries across a restart', () => {
  it('sends deliveries queued before the process stopped once the next one starts, in order', async () => {
    // First process: no background work, so the events stay queued in the database.
    const first = await startTestApp({ ...WEBHOOKS, backgroundJobs: false });
    const databaseUrl = String((first.app.get(DataSource).options as { url: string }).url);
    let firstOpen = true;
    let second: NestExpressApplication | null = null;
    const receiver = await startWebhookReceiver('/after-restart');
    try {
      const owner = await first.seedAdmin('Restarted');
      const as = await first.login(owner.email, owner.password);
      const base = `/api/v1/workspaces/${owner.workspaceId}`;
      const hook = (await as.post(`${base}/webhooks`, { url: receiver.url, events: ['response.finished'] }).expect(201)).body;
      const respond = await liveSurvey(() => first.http(), as, base);
      const sent = ['queued-0', 'queued-1', 'queued-2'];
      for (const c of sent) expect(await respond(c)).toBe(201);
      expect(receiver.received).toEqual([]);
      await first.app.close();
      firstOpen = false;

      // Second process on the same database, with background work on.
      second = await createApp(
        loadConfig({ LOG_LEVEL: 'silent', LOG_FORMAT: 'json' }, { ...WEBHOOKS, seedDemo: false, port: 0 }),
        databaseUrl,
      );
      await second.listen(0, '127.0.0.1');
      const got = await receiver.waitFor(3);
      expect(comments(got)).toEqual(sent);
      expect([...acceptedPerEvent(receiver).values()]).toEqual([1, 1, 1]);
      expect(got.every((h) => signatureValid(hook.secret, h))).toBe(true);
    } finally {
      await receiver.close();
      if (firstOpen) await first.app.close();
      await second?.close();
      await dropDatabase(databaseUrl);
    }
  }, 120_000);
});

async function dropDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const client = new Client({ connectionString: inject('pgAdminUrl') });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
