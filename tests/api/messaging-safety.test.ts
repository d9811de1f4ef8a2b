import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessagingService } from '@otklik/backend/src/messaging/messaging.service';
import { MessagesRepository } from '@otklik/backend/src/messaging/messages.repository';
import { MessageEntity } from '@otklik/backend/src/messaging/message.entity';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';
import { MailServer, startMailServer } from '../support/mail-server';

const FAST = { messagePollMs: 50, messageRetryBaseMs: 50, messageMaxAttempts: 2 };

let mail: MailServer;
let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let ws: string;
/** Addresses the mail server refuses at RCPT TO with a 550 while they are in here. */
const unknownUsers = new Set(['gone@example.test', 'back@example.test']);

beforeAll(async () => {
  mail = await startMailServer({
    refuseSender: (address) =>
      address === 'blocked@veter.example' ? { code: 553, message: '5.7.1 Sender address rejected: not owned by user' } : null,
    refuseRecipient: (address) => (unknownUsers.has(address) ? { code: 550, message: `5.1.1 <${address}>: user unknown` } : null),
    refuseData: (m) => (m.subject.includes('CONTENT-REFUSED') ? { code: 554, message: '5.7.1 Message content rejected' } : null),
  });
  t = await startTestApp({ smtpUrl: mail.url, ...FAST });
  admin = await t.seedAdmin('Северный ветер');
  asAdmin = await t.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
  const customers: [string, object][] = [
    ['anna', { name: 'Анна', email: 'anna@example.test', phone: '+359888000111' }],
    ['gone', { name: 'Gone', email: 'gone@example.test' }],
    ['back', { name: 'Back', email: 'back@example.test' }],
  ];
  for (const [id, body] of customers) await asAdmin.put(`${ws}/customers/${id}`, body).expect(201);
}, 120_000);
afterAll(async () => {
  await t?.close();
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
const suppressed = (workspaceId: string, address: string) => t.app.get(MessagingService).isSuppressed(workspaceId, address);

describe('SMTP refusals', () => {
  it('a 553 on MAIL FROM fails the message after its retries and never suppresses the customer', async () => {
    const other = await t.seedAdmin('Blocked Sender Ltd');
    const asOther = await t.login(other.email, other.password);
    const path = `/api/v1/workspaces/${other.workspaceId}`;
    await asOther.put(`${path}/customers/anna`, { name: 'Анна', email: 'anna@example.test' }).expect(201);
    await asOther.put(`${path}/messaging/settings`, { fromAddress: 'blocked@veter.example' }).expect(200);
    const since = mail.received.length;
    const res = await asOther
      .post(`${path}/messages`, { customerExternalId: 'anna', channel: 'email', subject: 'Hello', text: 'Hi' })
      .expect(201);
    const failed = await waitUntil(
      message(path, res.body.id, () => asOther),
      (m) => m.status === 'failed' || m.status === 'bounced',
    );
    expect(failed.status).toBe('failed');
    expect(failed.attempts).toBe(2);
    expect(failed.bouncedAt).toBeNull();
    expect(failed.lastError).toMatch(/^the SMTP server refused our sender \(MAIL FROM\): 553 .*Sender address rejected/);
    expect(await suppressed(other.workspaceId, 'anna@example.test')).toBe(false);
    expect((await asOther.get(`${path}/messaging/suppressions`).expect(200)).body.items).toEqual([]);
    expect(mail.received.slice(since).some((m) => m.to.includes('anna@example.test'))).toBe(false);
  });

  it('a 554 after DATA fails the message with the content named, without suppressing; a 550 on RCPT TO still bounces', async () => {
    const res = await asAdmin
      .post(`${ws}/messages`, { customerExternalId: 'anna', channel: 'email', subject: 'CONTENT-REFUSED offer', text: 'Hi' })
      .expect(201);
    const failed = await waitUntil(message(ws, res.body.id), (m) => m.status === 'failed' || m.status === 'bounced');
    expect(failed.status).toBe('failed');
    expect(failed.lastError).toMatch(/^the SMTP server refused the message \(DATA\): 554 .*content rejected/);
    expect(await suppressed(admin.workspaceId, 'anna@example.test')).toBe(false);

    const gone = await asAdmin
      .post(`${ws}/messages`, { customerExternalId: 'gone', channel: 'email', subject: 'Hello', text: 'Hi' })
      .expect(201);
    const bounced = await waitUntil(message(ws, gone.body.id), (m) => m.status === 'bounced' || m.status === 'failed');
    expect(bounced.status).toBe('bounced');
    expect(bounced.lastError).toContain('user unknown');
    expect(await suppressed(admin.workspaceId, 'gone@example.test')).toBe(true);
  });
});

describe('lifting a suppression', () => {
  it('lists suppressions paged; an admin allows an address again and the next message to it is sent', async () => {
    const res = await asAdmin
      .post(`${ws}/messages`, { customerExternalId: 'back', channel: 'email', subject: 'First', text: 'Bounces' })
      .expect(201);
    await waitUntil(message(ws, res.body.id), (m) => m.status === 'bounced');
    expect(await suppressed(admin.workspaceId, 'back@example.test')).toBe(true);

    const first = (await asAdmin.get(`${ws}/messaging/suppressions?limit=1`).expect(200)).body;
    expect(first.items).toHaveLength(1);
    expect(first.items[0]).toMatchObject({ address: 'back@example.test', reason: 'bounced', messageId: res.body.id });
    expect(first.items[0].detail).toContain('user unknown');
    const second = (await asAdmin.get(`${ws}/messaging/suppressions?limit=1&cursor=${first.nextCursor}`).expect(200)).body;
    expect(second.items.map((s: { address: string }) => s.address)).toEqual(['gone@example.test']);
    expect(second.nextCursor).toBeNull();
    expect((await asAdmin.get(`${ws}/messaging/suppressions?cursor=nonsense`).expect(400)).body.error.code).toBe('validation_failed');
    // The shared paging fields keep each list's bounds: 1–200 rows; a suppression cursor (it holds an address) up to 600
    // characters reaches the decoder, a message cursor is refused past 200.
    const refusal = async (path: string) => (await asAdmin.get(path).expect(400)).body.error.details;
    expect(await refusal(`${ws}/messaging/suppressions?limit=201`)).toEqual([{ field: 'limit', message: 'limit must be at most 200' }]);
    expect(await refusal(`${ws}/messages?limit=0`)).toEqual([{ field: 'limit', message: 'limit must be at least 1' }]);
    expect(await refusal(`${ws}/messages?limit=2.5`)).toEqual([{ field: 'limit', message: 'limit must be a whole number' }]);
    expect(await refusal(`${ws}/messaging/suppressions?cursor=${'a'.repeat(600)}`)).toEqual([
      { field: 'cursor', message: 'cursor is not one this API returned' },
    ]);
    expect(await refusal(`${ws}/messaging/suppressions?cursor=${'a'.repeat(601)}`)).toEqual([
      { field: 'cursor', message: 'cursor must be shorter than or equal to 600 characters' },
    ]);
    expect(await refusal(`${ws}/messages?cursor=${'a'.repeat(201)}`)).toEqual([
      { field: 'cursor', message: 'cursor must be shorter than or equal to 200 characters' },
    ]);

    // The mailbox exists again; the admin lifts the suppression (any case of the address).
    unknownUsers.delete('back@example.test');
    await asAdmin.delete(`${ws}/messaging/suppressions/${encodeURIComponent('Back@Example.test')}`).expect(204);
    expect(await suppressed(admin.workspaceId, 'back@example.test')).toBe(false);
    expect((await asAdmin.delete(`${ws}/messaging/suppressions/back%40example.test`).expect(404)).body.error.code).toBe('not_found');
    const since = mail.received.length;
    const again = await asAdmin
      .post(`${ws}/messages`, { customerExternalId: 'back', channel: 'email', subject: 'Second', text: 'Arrives' })
      .expect(201);
    expect((await mail.waitFor('back@example.test', since)).parsed.subject).toBe('Second');
    expect((await waitUntil(message(ws, again.body.id), (m) => m.status === 'sent')).lastError).toBeNull();
  });

  it("another workspace neither sees nor lifts the workspace's suppressions; a viewer, an owner and a read token cannot lift", async () => {
    await t.app.get(MessagingService).markBounced(admin.workspaceId, 'kept@example.test', '550 test');
    const other = await t.seedAdmin('Other Co');
    const asOther = await t.login(other.email, other.password);
    const theirs = `/api/v1/workspaces/${other.workspaceId}`;
    expect((await asOther.get(`${theirs}/messaging/suppressions`).expect(200)).body.items).toEqual([]);
    await asOther.delete(`${theirs}/messaging/suppressions/kept@example.test`).expect(404);
    await asOther.delete(`${ws}/messaging/suppressions/kept@example.test`).expect(404);

    for (const role of ['viewer', 'owner', 'analyst'] as const) {
      const user = await t.createUser();
      await t.addMember(admin.workspaceId, user.userId, role);
      const as = await t.login(user.email, user.password);
      expect((await as.get(`${ws}/messaging/suppressions`).expect(200)).body.items.map((s: { address: string }) => s.address)).toContain(
        'kept@example.test',
      );
      expect((await as.delete(`${ws}/messaging/suppressions/kept@example.test`).expect(403)).body.error.code).toBe('forbidden');
    }
    const token = async (scopes: string[]) =>
      (await asAdmin.post(`${ws}/api-tokens`, { name: scopes.join('+'), scopes }).expect(201)).body.secret as string;
    const reader = await token(['messages:read']);
    const writer = await token(['messages:write']);
    const lift = (secret: string) =>
      t.http().delete(`${ws}/messaging/suppressions/kept@example.test`).set('Authorization', `Bearer ${secret}`);
    expect((await lift(reader)).status).toBe(403);
    expect(await suppressed(admin.workspaceId, 'kept@example.test')).toBe(true);
    expect((await lift(writer)).status).toBe(204);
    expect(await suppressed(admin.workspaceId, 'kept@example.test')).toBe(false);
  });
});

describe('invitation links in the API', () => {
  it("masks a recipient's token in the list, the detail, the preview and the case thread; the email carries the real links", async () => {
    const token = 'Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4eHg';
    const base = 'https://otklik.example/api/v1/public/invitations';
    const opened = await asAdmin.post(`${ws}/cases`, { title: 'Survey follow-up', customerId: 'anna' }).expect(201);
    const since = mail.received.length;
    const queued = await t.app.get(MessagingService).enqueue({
      workspaceId: admin.workspaceId,
      channel: 'email',
      purpose: 'service',
      to: 'anna@example.test',
      customerExternalId: 'anna',
      language: 'en',
      subject: 'How did we do?',
      text: `Rate us: ${base}/${token}/score/9\nOr open https://otklik.example/s/abc?invitation=${token}&lang=en`,
      blocks: [
        { kind: 'paragraph', text: 'How likely are you to recommend us?' },
        { kind: 'button', label: 'Open the survey', url: `https://otklik.example/s/abc?invitation=${token}` },
        { kind: 'scale', question: 'Score', choices: [{ label: '9', url: `${base}/${token}/score/9` }] },
      ],
      caseId: opened.body.id,
      unsubscribeUrl: `${base}/${token}/unsubscribe`,
    });
    const got = await mail.waitFor('anna@example.test', since);
    expect(got.raw).toContain(token);
    expect(String(got.parsed.html)).toContain(`${base}/${token}/score/9`);
    await waitUntil(message(ws, queued.id), (m) => m.status === 'sent');

    const list = (await asAdmin.get(`${ws}/messages?customer=anna`).expect(200)).body;
    const detail = (await asAdmin.get(`${ws}/messages/${queued.id}`).expect(200)).body;
    const thread = (await asAdmin.get(`${ws}/cases/${opened.body.id}/messages`).expect(200)).body;
    for (const output of [list, detail, thread]) expect(JSON.stringify(output)).not.toContain(token);
    expect(detail.text).toContain(`${base}/…/score/9`);
    expect(detail.text).toContain('?invitation=…&lang=en');
    expect(detail.preview.html).toContain(`${base}/…/score/9`);
    expect(detail.preview.text).toContain(`${base}/…/unsubscribe`);
    expect(detail.preview.headers['List-Unsubscribe']).toBe(`<${base}/…/unsubscribe>`);
    expect(JSON.stringify(thread)).toContain(`${base}/…/score/9`);
  });
});

describe('held messages', () => {
  it('a hold for withdrawn consent is cancelled at once, keeping its reason', async () => {
    await asAdmin
      .put(`${ws}/customers/nomail`, {
        name: 'No Marketing',
        phone: '+359888000444',
        consents: { marketing: { granted: false, at: '2026-11-01T10:00:00.000Z', source: 'unsubscribe link' } },
      })
      .expect(201);
    const res = await asAdmin
      .post(`${ws}/messages`, { customerExternalId: 'nomail', channel: 'sms', purpose: 'marketing', text: '-20% this week' })
      .expect(201);
    const cancelled = await waitUntil(message(ws, res.body.id), (m) => m.status !== 'queued');
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.holdReasons).toEqual([{ code: 'consent_withdrawn', until: null }]);
    expect(cancelled.lastError).toBe('cancelled: the customer withdrew consent to these messages');
    expect(cancelled.attempts).toBe(0);
  });

  it('a hold older than 30 days is cancelled as held too long; a younger one stays held', async () => {
    await asAdmin.put(`${ws}/customers/boris`, { name: 'Борис', phone: '+359888000222' }).expect(201);
    await asAdmin.post(`${ws}/cases`, { title: 'Late box', customerId: 'boris' }).expect(201);
    const send = async () =>
      (
        await asAdmin
          .post(`${ws}/messages`, { customerExternalId: 'boris', channel: 'sms', purpose: 'marketing', text: 'Offer' })
          .expect(201)
      ).body.id as string;
    const [old, young] = [await send(), await send()];
    await waitUntil(message(ws, old), (m) => m.status === 'held');
    await waitUntil(message(ws, young), (m) => m.status === 'held');
    const db = t.app.get(DataSource);
    const heldAt = async (id: string) =>
      ((await db.query(`SELECT held_at FROM messages WHERE id = $1`, [id])) as { held_at: Date | null }[])[0].held_at;
    // The hold began at the first refusal and stays put while it is asked about again.
    const began = await heldAt(old);
    expect(began).not.toBeNull();
    await db.query(`UPDATE messages SET next_attempt_at = now() WHERE id = $1`, [old]);
    await waitUntil(message(ws, old), (m) => new Date(m.nextAttemptAt).getTime() > Date.now() + 1000);
    expect(await heldAt(old)).toEqual(began);
    // A message created long ago but held only lately is not cancelled: the hold's own age counts.
    await db.query(`UPDATE messages SET created_at = now() - interval '40 days' WHERE id = $1`, [young]);
    await db.query(`UPDATE messages SET held_at = now() - interval '31 days', next_attempt_at = now() WHERE id = $1`, [old]);
    await db.query(`UPDATE messages SET held_at = now() - interval '29 days', next_attempt_at = now() WHERE id = $1`, [young]);
    const cancelled = await waitUntil(message(ws, old), (m) => m.status !== 'held');
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.lastError).toBe('cancelled: held too long (over 30 days) by the contact policy');
    expect(cancelled.holdReasons.map((r: { code: string }) => r.code)).toEqual(['open_complaint']);
    // The younger one was asked about again (its next check moved on) and stays held.
    const held = await waitUntil(message(ws, young), (m) => new Date(m.nextAttemptAt).getTime() > Date.now() + 1000);
    expect(held.status).toBe('held');
  });
});

describe('the dispatch lease', () => {
  it('a claim renews its lease only while it still holds it: not after it ran out, not after another claim took it', async () => {
    const db = t.app.get(DataSource);
    const repo = t.app.get(MessagesRepository);
    // A sent message: the dispatch job never claims it, so the test plays the claims.
    const { id } = await t.app.get(MessagingService).enqueue({
      workspaceId: admin.workspaceId,
      channel: 'public',
      purpose: 'service',
      to: 'https://reviews.example/1',
      language: 'en',
      text: 'Thanks for the review',
    });
    const load = () => db.getRepository(MessageEntity).findOneByOrFail({ workspaceId: admin.workspaceId, id });
    await db.query(`UPDATE messages SET next_attempt_at = now() + interval '1 minute' WHERE id = $1`, [id]);
    const ours = await load();
    expect(await repo.renewLease(ours, 120_000)).toBe(true);
    const renewed = await load();
    expect(renewed.nextAttemptAt.getTime()).toBeGreaterThan(ours.nextAttemptAt.getTime());
    // Another replica claims it after our lease: ours no longer renews.
    await db.query(`UPDATE messages SET next_attempt_at = now() + interval '3 minutes' WHERE id = $1`, [id]);
    expect(await repo.renewLease(renewed, 120_000)).toBe(false);
    // Our lease ran out: no renewal either.
    await db.query(`UPDATE messages SET next_attempt_at = now() - interval '1 second' WHERE id = $1`, [id]);
    expect(await repo.renewLease(await load(), 120_000)).toBe(false);
  });
});

describe('who works the outbox', () => {
  it('only admins and messages:write tokens retry, cancel, report delivery and post gateway inbound; owners and analysts are refused', async () => {
    const queued = (
      await asAdmin.post(`${ws}/messages`, { customerExternalId: 'anna', channel: 'sms', text: 'Waiting for a gateway' }).expect(201)
    ).body;
    for (const role of ['owner', 'analyst'] as const) {
      const user = await t.createUser();
      await t.addMember(admin.workspaceId, user.userId, role);
      const as = await t.login(user.email, user.password);
      await as.post(`${ws}/messages/${queued.id}/cancel`).expect(403);
      await as.post(`${ws}/messages/${queued.id}/retry`).expect(403);
      await as.post(`${ws}/messages/${queued.id}/delivery`, { status: 'delivered' }).expect(403);
      await as.post(`${ws}/messages/inbound`, { channel: 'sms', from: '+359888000111', text: 'Hi' }).expect(403);
    }
    expect((await asAdmin.get(`${ws}/messages/${queued.id}`).expect(200)).body.status).toBe('queued');
    expect((await asAdmin.post(`${ws}/messages/${queued.id}/cancel`).expect(200)).body.status).toBe('cancelled');
  });
});

describe('the email template', () => {
  it("writes a workspace named with $& and $' literally in both footers", async () => {
    const odd = await t.seedAdmin("A$&B$'");
    const since = mail.received.length;
    await t.app.get(MessagingService).enqueue({
      workspaceId: odd.workspaceId,
      channel: 'email',
      purpose: 'service',
      to: 'odd@example.test',
      language: 'en',
      subject: 'Hi',
      text: 'Hello',
    });
    const got = await mail.waitFor('odd@example.test', since);
    expect(got.parsed.text).toContain("You receive this message from A$&B$'.");
    expect(String(got.parsed.html)).toContain('You receive this message from A$&amp;B$&#39;.');
  });
});
