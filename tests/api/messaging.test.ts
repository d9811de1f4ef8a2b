import { createHmac } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '@otklik/backend/src/app.factory';
import { loadConfig } from '@otklik/backend/src/config/app-config';
import { MessagingService } from '@otklik/backend/src/messaging/messaging.service';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';
import { MailServer, startMailServer } from '../support/mail-server';
import { ReceivedWebhook, startWebhookReceiver, WebhookReceiver } from '../support/webhook-receiver';

const FAST = {
  messagePollMs: 50,
  messageRetryBaseMs: 50,
  messageMaxAttempts: 4,
  webhookAllowedNetworks: ['127.0.0.0/8'],
  webhookPollMs: 50,
  webhookRetryBaseMs: 50,
};

let mail: MailServer;
let receiver: WebhookReceiver;
let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let ws: string;
/** RCPT attempts per address: flaky@ is refused with 451 twice, then accepted. */
const rcpt = new Map<string, number>();

beforeAll(async () => {
  mail = await startMailServer({
    refuseRecipient(address) {
      rcpt.set(address, (rcpt.get(address) ?? 0) + 1);
      if (address === 'gone@example.test') return { code: 550, message: '5.1.1 <gone@example.test>: user unknown' };
      if (address === 'flaky@example.test' && rcpt.get(address)! <= 2) return { code: 451, message: '4.3.0 try again later' };
      return null;
    },
  });
  receiver = await startWebhookReceiver();
  t = await startTestApp({ smtpUrl: mail.url, ...FAST });
  admin = await t.seedAdmin('Северный ветер');
  asAdmin = await t.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
  const customers: [string, object][] = [
    ['anna', { name: 'Анна Петрова', email: 'anna@example.test', phone: '+359888000111' }],
    ['gone', { name: 'Gone', email: 'gone@example.test' }],
    ['flaky', { name: 'Flaky', email: 'flaky@example.test' }],
    ['nophone', { name: 'No Phone', email: 'nophone@example.test' }],
  ];
  for (const [id, body] of customers) await asAdmin.put(`${ws}/customers/${id}`, body).expect(201);
}, 120_000);
afterAll(async () => {
  await t?.close();
  await receiver?.close();
  await mail?.close();
});

async function waitUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const message =
  (path: string, id: string, as: () => LoggedIn = () => asAdmin) =>
  async () =>
    (await as().get(`${path}/messages/${id}`).expect(200)).body;

describe('email over SMTP', () => {
  it('arrives with an HTML part in the workspace template, a text part, List-Unsubscribe, Message-ID and In-Reply-To', async () => {
    await asAdmin
      .put(`${ws}/messaging/settings`, {
        fromName: 'Служба заботы',
        fromAddress: 'care@veter.example',
        replyTo: 'help@veter.example',
        brandColour: '#0F766E',
      })
      .expect(200);
    const since = mail.received.length;
    const queued = await t.app.get(MessagingService).enqueue({
      workspaceId: admin.workspaceId,
      channel: 'email',
      purpose: 'service',
      to: 'anna@example.test',
      customerExternalId: 'anna',
      language: 'ru',
      subject: 'Re: Заказ 1042',
      text: 'Здравствуйте, Анна!\n\nКурьер привезёт заказ завтра. <script>alert(1)</script>',
      inReplyTo: '<question-1@customer.example>',
      unsubscribeUrl: 'https://veter.example/u/tok123',
    });
    expect(queued.status).toBe('queued');
    expect(queued.messageId).toMatch(/^<[0-9a-f-]{36}@veter\.example>$/);

    const got = await mail.waitFor('anna@example.test', since);
    const parsed = got.parsed;
    expect(parsed.subject).toBe('Re: Заказ 1042');
    expect(parsed.messageId).toBe(queued.messageId);
    expect(parsed.inReplyTo).toBe('<question-1@customer.example>');
    expect(parsed.references).toBe('<question-1@customer.example>');
    expect(parsed.from?.value[0]).toEqual({ name: 'Служба заботы', address: 'care@veter.example' });
    expect(parsed.replyTo?.value[0].address).toBe('help@veter.example');
    expect(got.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    expect(got.raw).toMatch(/^List-Unsubscribe: <https:\/\/veter\.example\/u\/tok123>\r?$/m);
    // The text part: the message, then the Russian footer with the unsubscribe link.
    expect(parsed.text).toContain('Курьер привезёт заказ завтра.');
    expect(parsed.text).toContain('Чтобы больше не получать такие письма, откройте: https://veter.example/u/tok123');
    // The HTML part: the workspace's name and colour, the text escaped, the footer in Russian.
    const html = String(parsed.html);
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('background:#0f766e');
    expect(html).toContain('Северный ветер');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('>Отписаться</a>');

    const sent = await waitUntil(message(ws, queued.id), (m) => m.status === 'sent');
    expect(sent).toMatchObject({ attempts: 1, lastError: null, channel: 'email', to: 'anna@example.test', from: 'care@veter.example' });
    // Exactly the documented fields: the unsubscribe link (it carries the recipient's token) stays inside.
    expect(Object.keys(sent).sort()).toEqual(
      'id direction channel purpose status to from customerExternalId language subject text caseId invitationRecipientId messageId inReplyTo holdReasons attempts lastError nextAttemptAt sendAfter sentAt deliveredAt bouncedAt failedAt createdBy createdAt preview'
        .split(' ')
        .sort(),
    );
    expect(sent).toMatchObject({ nextAttemptAt: null, sendAfter: null, deliveredAt: null, createdBy: null });
    expect(sent.sentAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(sent.preview.headers).toMatchObject({
      From: '"Служба заботы" <care@veter.example>',
      'In-Reply-To': '<question-1@customer.example>',
      'List-Unsubscribe': '<https://veter.example/u/tok123>',
      'Message-ID': queued.messageId,
    });
    expect(sent.preview.html).toContain('Курьер привезёт заказ завтра.');
  });

  it('a 550 on RCPT marks the message bounced and the address suppressed; the next message to it is not sent', async () => {
    const first = await asAdmin
      .post(`${ws}/messages`, { customerExternalId: 'gone', channel: 'email', subject: 'Hello', text: 'First try' })
      .expect(201);
    const bounced = await waitUntil(message(ws, first.body.id), (m) => m.status === 'bounced');
    expect(bounced.lastError).toContain('user unknown');
    expect(bounced.bouncedAt).not.toBeNull();
    expect(await t.app.get(MessagingService).isSuppressed(admin.workspaceId, 'GONE@example.test')).toBe(true);
    expect(rcpt.get('gone@example.test')).toBe(1);

    const second = await asAdmin
      .post(`${ws}/messages`, { customerExternalId: 'gone', channel: 'email', subject: 'Hello again', text: 'Second try' })
      .expect(201);
    const skipped = await waitUntil(message(ws, second.body.id), (m) => m.status === 'bounced');
    expect(skipped.lastError).toMatch(/^not sent: gone@example\.test is suppressed since \d{4}-\d{2}-\d{2} \(bounced: /);
    // Not even tried: the server saw the first RCPT only.
    expect(rcpt.get('gone@example.test')).toBe(1);
    expect(mail.received.some((m) => m.to.includes('gone@example.test'))).toBe(false);
  });

  it('a temporary 451 is retried with backoff and then succeeds', async () => {
    const since = mail.received.length;
    const res = await asAdmin
      .post(`${ws}/messages`, { customerExternalId: 'flaky', channel: 'email', subject: 'Retry me', text: 'Third time lucky' })
      .expect(201);
    await mail.waitFor('flaky@example.test', since);
    const sent = await waitUntil(message(ws, res.body.id), (m) => m.status === 'sent');
    expect(sent.attempts).toBe(3);
    expect(rcpt.get('flaky@example.test')).toBe(3);
    expect(mail.received.filter((m) => m.to.includes('flaky@example.test'))).toHaveLength(1);
  });
});

describe('the gateway channels', () => {
  it('publishes a signed message.requested webhook and takes delivery reports, forward only and idempotent', async () => {
    const hook = (await asAdmin.post(`${ws}/webhooks`, { url: receiver.url, events: ['message.requested'] }).expect(201)).body;
    const res = await asAdmin
      .post(`${ws}/messages`, { customerExternalId: 'anna', channel: 'sms', text: 'Ваш заказ в пути', language: 'ru' })
      .expect(201);
    expect(res.body).toMatchObject({ channel: 'sms', to: '+359888000111', status: 'queued' });
    const [received] = await receiver.waitFor(1, (w) => w.json.type === 'message.requested');
    expect(signatureValid(hook.secret, received)).toBe(true);
    expect(received.json.data).toEqual({
      messageId: res.body.id,
      channel: 'sms',
      to: '+359888000111',
      text: 'Ваш заказ в пути',
      language: 'ru',
      customerExternalId: 'anna',
      caseId: null,
    });
    expect((await waitUntil(message(ws, res.body.id), (m) => m.status === 'sent')).sentAt).not.toBeNull();

    const token = async (scopes: string[]) =>
      (await asAdmin.post(`${ws}/api-tokens`, { name: scopes.join('+'), scopes }).expect(201)).body.secret as string;
    const writer = await token(['messages:write']);
    const reader = await token(['messages:read']);
    const report = (secret: string, body: object) =>
      t.http().post(`${ws}/messages/${res.body.id}/delivery`).set('Authorization', `Bearer ${secret}`).send(body);
    expect((await report(reader, { status: 'delivered' })).status).toBe(403);
    const delivered = await report(writer, { status: 'delivered' }).expect(200);
    expect(delivered.body.status).toBe('delivered');
    expect((await report(writer, { status: 'delivered' }).expect(200)).body.deliveredAt).toBe(delivered.body.deliveredAt);
    expect((await report(writer, { status: 'failed', error: 'late' }).expect(409)).body.error.code).toBe('invalid_transition');
    expect((await report(writer, { status: 'read' }).expect(400)).body.error.code).toBe('validation_failed');
    const list = await t.http().get(`${ws}/messages?channel=sms&status=delivered`).set('Authorization', `Bearer ${reader}`).expect(200);
    expect(list.body.items.map((m: { id: string }) => m.id)).toEqual([res.body.id]);
  });

  it('holds a marketing message while the customer has an open complaint, sends service ones, and releases it when the case closes', async () => {
    await asAdmin.put(`${ws}/customers/boris`, { name: 'Борис', phone: '+359888000222' }).expect(201);
    const opened = await asAdmin.post(`${ws}/cases`, { title: 'Late box again', customerId: 'boris' }).expect(201);
    const offer = await asAdmin
      .post(`${ws}/messages`, { customerExternalId: 'boris', channel: 'sms', purpose: 'marketing', text: '-20% on your next box' })
      .expect(201);
    const held = await waitUntil(message(ws, offer.body.id), (m) => m.status === 'held');
    expect(held.holdReasons).toEqual([{ code: 'open_complaint', until: null, caseId: opened.body.id }]);
    expect(held.attempts).toBe(0);
    const service = await asAdmin
      .post(`${ws}/messages`, { customerExternalId: 'boris', channel: 'sms', text: 'Your replacement box leaves today' })
      .expect(201);
    expect((await waitUntil(message(ws, service.body.id), (m) => m.status === 'sent')).holdReasons).toEqual([]);
    expect((await asAdmin.get(`${ws}/messages/${offer.body.id}`).expect(200)).body.status).toBe('held');

    await asAdmin.post(`${ws}/cases/${opened.body.id}/close`, { rootCause: 'Courier', actionTaken: 'Replaced the box' }).expect(200);
    // Held messages are asked about again every 60 polls (3 s here).
    const released = await waitUntil(message(ws, offer.body.id), (m) => m.status === 'sent', 20_000);
    expect(released.holdReasons).toEqual([]);
  }, 40_000);

  it('refuses with 422 when the customer has no address for the channel, and queues nothing', async () => {
    const before = (await asAdmin.get(`${ws}/messaging/status`).expect(200)).body.counts;
    const res = await asAdmin.post(`${ws}/messages`, { customerExternalId: 'nophone', channel: 'sms', text: 'Hi' }).expect(422);
    expect(res.body.error.code).toBe('no_address');
    expect(
      (await asAdmin.post(`${ws}/messages`, { customerExternalId: 'nobody', channel: 'email', subject: 's', text: 'Hi' }).expect(404)).body
        .error.code,
    ).toBe('not_found');
    expect((await asAdmin.get(`${ws}/messaging/status`).expect(200)).body.counts).toEqual(before);
  });
});

describe('access', () => {
  it("another workspace's message is 404; a viewer reads but cannot send, retry or change settings", async () => {
    const { id } = (
      await asAdmin.post(`${ws}/messages`, { customerExternalId: 'anna', channel: 'email', subject: 'Mine', text: 'Private' }).expect(201)
    ).body;
    const other = await t.seedAdmin('Other Co');
    const asOther = await t.login(other.email, other.password);
    const theirs = `/api/v1/workspaces/${other.workspaceId}`;
    expect((await asOther.get(`${theirs}/messages/${id}`).expect(404)).body.error.code).toBe('not_found');
    await asOther.post(`${theirs}/messages/${id}/cancel`).expect(404);
    await asOther.post(`${theirs}/messages/${id}/delivery`, { status: 'delivered' }).expect(404);
    expect((await asOther.get(`${theirs}/messages`).expect(200)).body.items).toEqual([]);
    // Not a member: the workspace itself is not found.
    await asOther.get(`${ws}/messages/${id}`).expect(404);

    const viewer = await t.createUser();
    await t.addMember(admin.workspaceId, viewer.userId, 'viewer');
    const asViewer = await t.login(viewer.email, viewer.password);
    expect((await asViewer.get(`${ws}/messages/${id}`).expect(200)).body.subject).toBe('Mine');
    await asViewer.post(`${ws}/messages`, { customerExternalId: 'anna', channel: 'email', subject: 'x', text: 'x' }).expect(403);
    await asViewer.post(`${ws}/messages/${id}/retry`).expect(403);
    await asViewer.put(`${ws}/messaging/settings`, { fromName: 'Viewer' }).expect(403);
    await asViewer.get(`${ws}/messaging/inbound-secret`).expect(403);
  });

  it('refuses header injection and bad values in the sender settings, changing nothing', async () => {
    const before = (await asAdmin.get(`${ws}/messaging/settings`).expect(200)).body;
    for (const body of [
      { fromName: 'Evil\r\nBcc: all@example.test' },
      { fromName: 'Evil" <boss@example.test>' },
      { fromAddress: 'care@veter.example\r\nBcc: x@example.test' },
      { fromAddress: 'not an address' },
      { replyTo: 'a@b.example>, c@d.example' },
      { brandColour: 'red' },
      { fromName: 'x'.repeat(101) },
    ]) {
      const res = await asAdmin.put(`${ws}/messaging/settings`, { ...before, ...body }).expect(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    expect((await asAdmin.get(`${ws}/messaging/settings`).expect(200)).body).toEqual(before);
    expect(before).toMatchObject({
      fromName: 'Служба заботы',
      brandColour: '#0f766e',
      effectiveFrom: '"Служба заботы" <care@veter.example>',
    });
  });

  it('the inbound secret is created on first reveal, stays until rotated and only admins see it', async () => {
    expect((await asAdmin.get(`${ws}/messaging/settings`).expect(200)).body.inboundSecretSet).toBe(false);
    const first = (await asAdmin.get(`${ws}/messaging/inbound-secret`).expect(200)).body.secret;
    expect(first).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect((await asAdmin.get(`${ws}/messaging/inbound-secret`).expect(200)).body.secret).toBe(first);
    const rotated = (await asAdmin.post(`${ws}/messaging/inbound-secret/rotate`).expect(200)).body.secret;
    expect(rotated).not.toBe(first);
    expect((await asAdmin.get(`${ws}/messaging/inbound-secret`).expect(200)).body.secret).toBe(rotated);
  });
});

describe('the outbox without SMTP_URL', () => {
  let noSmtp: TestApp;
  let later: NestExpressApplication | null = null;

  afterAll(async () => {
    await later?.close();
    await noSmtp?.close();
  });

  it('keeps emails queued and listed; an app started on the same database with SMTP_URL sends them', async () => {
    noSmtp = await startTestApp({ ...FAST, smtpUrl: undefined });
    const owner = await noSmtp.seedAdmin('Outbox Ltd');
    const asOwner = await noSmtp.login(owner.email, owner.password);
    const path = `/api/v1/workspaces/${owner.workspaceId}`;
    await asOwner.put(`${path}/customers/ivan`, { name: 'Иван', email: 'ivan@example.test', phone: '+359888000333' }).expect(201);
    const queued = (
      await asOwner
        .post(`${path}/messages`, {
          customerExternalId: 'ivan',
          channel: 'email',
          subject: 'Ответ',
          text: 'Мы всё исправили.',
          language: 'ru',
        })
        .expect(201)
    ).body;
    const cancelMe = (
      await asOwner
        .post(`${path}/messages`, { customerExternalId: 'ivan', channel: 'email', subject: 'Draft', text: 'Never mind' })
        .expect(201)
    ).body;

    // No gateway listens for message.requested in this workspace: the SMS waits too, saying why.
    const sms = (await asOwner.post(`${path}/messages`, { customerExternalId: 'ivan', channel: 'sms', text: 'Курьер в пути' }).expect(201))
      .body;
    // Several dispatch turns later it is still waiting, untouched.
    await new Promise((r) => setTimeout(r, 500));
    const waiting = (await asOwner.get(`${path}/messages/${queued.id}`).expect(200)).body;
    expect(waiting).toMatchObject({ status: 'queued', attempts: 0, lastError: null });
    expect(waiting.preview.html).toContain('Мы всё исправили.');
    const status = (await asOwner.get(`${path}/messaging/status`).expect(200)).body;
    expect(status.email.configured).toBe(false);
    expect(status.counts).toEqual({ queued: 3 });
    const waitingSms = await waitUntil(
      message(path, sms.id, () => asOwner),
      (m) => m.lastError !== null,
    );
    expect(waitingSms).toMatchObject({ status: 'queued', attempts: 0 });
    expect(waitingSms.lastError).toContain('no webhook endpoint of the workspace listens for message.requested');
    const outbox = (await asOwner.get(`${path}/messages?status=queued&channel=email`).expect(200)).body.items;
    expect(outbox.map((m: { id: string }) => m.id)).toEqual([cancelMe.id, queued.id]);
    await asOwner.post(`${path}/messages/${sms.id}/cancel`).expect(200);

    expect((await asOwner.post(`${path}/messages/${cancelMe.id}/cancel`).expect(200)).body.status).toBe('cancelled');
    expect((await asOwner.post(`${path}/messages/${cancelMe.id}/cancel`).expect(409)).body.error.code).toBe('not_cancellable');
    expect((await asOwner.post(`${path}/messages/${queued.id}/retry`).expect(409)).body.error.code).toBe('not_retryable');

    // The same database, now with SMTP_URL: the queued email goes out, the cancelled one does not.
    const since = mail.received.length;
    const url = (noSmtp.app.get(DataSource).options as { url: string }).url;
    const config = loadConfig({ LOG_LEVEL: 'silent', LOG_FORMAT: 'json' }, { seedDemo: false, port: 0, smtpUrl: mail.url, ...FAST });
    later = await createApp(config, url);
    await later.listen(0, '127.0.0.1');
    const got = await mail.waitFor('ivan@example.test', since);
    expect(got.parsed.subject).toBe('Ответ');
    expect(got.parsed.messageId).toBe(queued.messageId);
    const sent = await waitUntil(
      message(path, queued.id, () => asOwner),
      (m) => m.status === 'sent',
    );
    expect(sent.attempts).toBe(1);
    expect((await asOwner.get(`${path}/messages/${cancelMe.id}`).expect(200)).body.status).toBe('cancelled');
    await new Promise((r) => setTimeout(r, 300));
    expect(mail.received.slice(since).filter((m) => m.to.includes('ivan@example.test'))).toHaveLength(1);
  });
});

/** Independent of the server's code: Standard Webhooks' HMAC-SHA256 over id.timestamp.body. */
function signatureValid(secret: string, hook: ReceivedWebhook): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key)
    .update(`${hook.headers['webhook-id']}.${hook.headers['webhook-timestamp']}.${hook.body}`)
    .digest('base64');
  return hook.headers['webhook-signature'] === `v1,${expected}`;
}
