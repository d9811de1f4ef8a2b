import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CasesService } from '@otklik/backend/src/cases/cases.service';
import { InboundEmailService } from '@otklik/backend/src/messaging/inbound/inbound-email.service';
import { MessagingSettingsService } from '@otklik/backend/src/messaging/messaging-settings.service';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';
import { bounceReport, rawMail, signedHeaders } from '../support/inbound-email';

let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let ws: string;
let secret: string;
let other: SeededAdmin;
let otherSecret: string;

const db = () => t.app.get(DataSource);
const count = async (sql: string, params: unknown[]) => Number((await db().query(sql, params))[0].n);
const inboundCount = (workspaceId: string) =>
  count(`SELECT count(*) AS n FROM messages WHERE workspace_id = $1 AND direction = 'inbound'`, [workspaceId]);

/** Posts a mail to a workspace's inbound endpoint, signed with its secret (unless headers are given). */
function post(workspaceId: string, body: string, opts: { secret?: string; contentType?: string; headers?: Record<string, string> } = {}) {
  const headers = opts.headers ?? signedHeaders(opts.secret ?? secret, body);
  return t
    .http()
    .post(`/api/v1/workspaces/${workspaceId}/inbound/email`)
    .set('content-type', opts.contentType ?? 'message/rfc822')
    .set(headers)
    .send(body);
}

async function customer(workspace: LoggedIn, base: string, id: string, fields: Record<string, unknown>) {
  await workspace.put(`${base}/customers/${id}`, fields).expect((r) => expect([200, 201]).toContain(r.status));
}

async function openCase(title: string, customerId: string, openedAt?: string): Promise<string> {
  return (
    await asAdmin
      .post(`${ws}/cases`, { title, channel: 'email', priority: 'normal', customerId, ...(openedAt ? { openedAt } : {}) })
      .expect(201)
  ).body.id;
}

const thread = async (caseId: string) =>
  (await asAdmin.get(`${ws}/cases/${caseId}/messages`).expect(200)).body as Record<string, unknown>[];

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.seedAdmin('Acme');
  asAdmin = await t.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
  secret = await t.app.get(MessagingSettingsService).inboundSecret(admin.workspaceId);
  other = await t.seedAdmin('Other shop');
  otherSecret = await t.app.get(MessagingSettingsService).inboundSecret(other.workspaceId);
  await customer(asAdmin, ws, 'anna', { name: 'Anna Petrova', email: 'anna@customer.test', attributes: { language: 'ru' } });
  await customer(asAdmin, ws, 'boris', { name: 'Boris', email: 'boris@customer.test' });
});

afterAll(async () => {
  await t?.close();
});

// Monday 30 November 2026, 10:00 in Moscow (UTC+3); the default calendar is Mon–Fri 09:00–18:00 Europe/Moscow.
const MONDAY_10_MSK = '2026-11-30T07:00:00.000Z';

describe('inbound email', () => {
  it("threads the customer's reply onto its case and resumes the paused resolution timer", async () => {
    const caseId = await openCase('Invoice wrong', 'anna', MONDAY_10_MSK);
    const service = t.app.get(CasesService);
    const actor = { kind: 'user' as const, userId: admin.userId };
    // 12:00 MSK: our reply goes out (queued: no SMTP here) and the case waits on Anna.
    const ours = await service.replyAndSend(
      admin.workspaceId,
      caseId,
      { text: 'Could you send the invoice number?', send: true, waitForCustomer: true },
      actor,
      new Date('2026-11-30T09:00:00Z'),
    );
    expect(ours.case).toMatchObject({ status: 'waiting_customer', resolutionDue: null });
    expect(ours.delivery).toMatchObject({ sent: true, channel: 'email', to: 'anna@customer.test', language: 'ru', status: 'queued' });
    const [sent] = await thread(caseId);
    expect(sent).toMatchObject({ direction: 'outbound', channel: 'email', status: 'queued', subject: 'Re: Invoice wrong', language: 'ru' });

    // 14:00 MSK: her answer, quoting ours under "пишет:", arrives threaded on our Message-ID.
    const mail = rawMail(
      {
        From: 'Anna Petrova <anna@customer.test>',
        To: 'support@acme.test',
        Subject: 'Re: Invoice wrong',
        'Message-ID': '<anna-1@customer.test>',
        'In-Reply-To': String(sent!.messageId),
        References: String(sent!.messageId),
      },
      'Номер счёта 1042.\n\nПн, 30 нояб. 2026 г. в 12:00, Acme <support@acme.test> пишет:\n> Could you send the invoice number?',
    );
    const at = new Date('2026-11-30T11:00:00Z');
    const result = await t.app.get(InboundEmailService).receive(
      {
        workspaceId: admin.workspaceId,
        headers: signedHeaders(secret, mail, at),
        contentType: 'message/rfc822',
        body: Buffer.from(mail),
      },
      at,
    );
    expect(result).toMatchObject({ outcome: 'matched', caseId, matchedBy: 'thread', customerExternalId: 'anna' });

    // Paused 2 working hours (12:00–14:00 MSK): resolution Thu 10:00 MSK moves to Thu 12:00 MSK (09:00 UTC).
    const after = (await asAdmin.get(`${ws}/cases/${caseId}`).expect(200)).body;
    expect(after).toMatchObject({ status: 'open', resolutionDue: '2026-12-03T09:00:00.000Z' });
    expect(after.pauses).toEqual([{ from: '2026-11-30T09:00:00.000Z', to: '2026-11-30T11:00:00.000Z' }]);
    const reply = after.events.at(-1);
    expect(reply).toMatchObject({
      kind: 'reply',
      actorKind: 'system',
      details: { from: 'customer', text: 'Номер счёта 1042.', status: 'open' },
    });
    const both = await thread(caseId);
    expect(both.map((m) => [m.direction, m.status])).toEqual([
      ['outbound', 'queued'],
      ['inbound', 'received'],
    ]);
    expect(both[1]).toMatchObject({ from: 'anna@customer.test', text: 'Номер счёта 1042.', messageId: '<anna-1@customer.test>' });
  });

  it("matches by the sender's address to their most recent open case when there is no thread", async () => {
    const older = await openCase('Late delivery', 'boris');
    const newer = await openCase('Broken lid', 'boris');
    const closed = await openCase('Wrong colour', 'boris');
    await asAdmin.post(`${ws}/cases/${closed}/close`, { rootCause: 'Picking error', actionTaken: 'Replaced' }).expect(200);
    const mail = rawMail({ From: 'BORIS@Customer.test', Subject: 'lid', 'Message-ID': '<b-1@customer.test>' }, 'The lid is still broken.');
    const res = await post(admin.workspaceId, mail).expect(200);
    expect(res.body).toMatchObject({ outcome: 'matched', caseId: newer, matchedBy: 'customer', customerExternalId: 'boris' });
    expect((await thread(newer)).map((m) => m.text)).toEqual(['The lid is still broken.']);
    expect(await thread(older)).toEqual([]);
    expect(await thread(closed)).toEqual([]);
  });

  it('keeps an out-of-office answer without landing it on the case', async () => {
    const caseId = await openCase('Out of office check', 'boris');
    const mail = rawMail(
      { From: 'boris@customer.test', Subject: 'Automatic reply', 'Message-ID': '<b-ooo@customer.test>', 'Auto-Submitted': 'auto-replied' },
      'I am on holiday until Monday.',
    );
    const res = await post(admin.workspaceId, mail).expect(200);
    expect(res.body).toMatchObject({ outcome: 'auto_reply', caseId: null, customerExternalId: 'boris' });
    expect(await thread(caseId)).toEqual([]);
    const stored = await db().query(`SELECT case_id FROM messages WHERE workspace_id = $1 AND id = $2`, [admin.workspaceId, res.body.id]);
    expect(stored).toEqual([{ case_id: null }]);
  });

  it('keeps mail nobody matches, and takes JSON {"raw"} too', async () => {
    const mail = rawMail(
      { From: 'stranger@elsewhere.test', Subject: 'Hello', 'Message-ID': '<s-1@elsewhere.test>' },
      'Do you ship to Varna?',
    );
    const json = JSON.stringify({ raw: mail });
    const res = await post(admin.workspaceId, json, { contentType: 'application/json' }).expect(200);
    expect(res.body).toMatchObject({ outcome: 'unmatched', caseId: null, matchedBy: null, customerExternalId: null });
    const [row] = await db().query(
      `SELECT direction, status, from_address, case_id, text_body FROM messages WHERE workspace_id = $1 AND id = $2`,
      [admin.workspaceId, res.body.id],
    );
    expect(row).toEqual({
      direction: 'inbound',
      status: 'received',
      from_address: 'stranger@elsewhere.test',
      case_id: null,
      text_body: 'Do you ship to Varna?',
    });
  });

  it('refuses a bad signature, a replay, a stale or oversized request and stores nothing', async () => {
    const mail = rawMail({ From: 'boris@customer.test', Subject: 'again', 'Message-ID': '<b-2@customer.test>' }, 'Any news?');
    const before = await inboundCount(admin.workspaceId);
    const good = signedHeaders(secret, mail);
    expect(
      (
        await post(admin.workspaceId, mail, {
          headers: { ...good, 'webhook-signature': signedHeaders(otherSecret, mail)['webhook-signature'] },
        })
      ).status,
    ).toBe(401);
    expect((await post(admin.workspaceId, `${mail}tampered`, { headers: good })).body.error.code).toBe('bad_signature');
    expect((await post(admin.workspaceId, mail, { headers: {} })).body.error.code).toBe('missing_signature');
    const stale = signedHeaders(secret, mail, new Date(Date.now() - 6 * 60_000));
    expect((await post(admin.workspaceId, mail, { headers: stale })).body.error.code).toBe('stale_request');
    expect((await post(admin.workspaceId, mail, { contentType: 'application/pdf' })).status).toBe(415);
    const huge = rawMail({ From: 'boris@customer.test' }, 'x'.repeat(10 * 1024 * 1024));
    expect((await post(admin.workspaceId, huge)).status).toBe(413);
    expect((await post('not-a-workspace', mail)).status).toBe(401);
    expect(await inboundCount(admin.workspaceId)).toBe(before);

    // The same signed request twice: processed once, then 409 (also when both race).
    const replay = signedHeaders(secret, mail);
    const [a, b] = await Promise.all([
      post(admin.workspaceId, mail, { headers: replay }),
      post(admin.workspaceId, mail, { headers: replay }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect((await post(admin.workspaceId, mail, { headers: replay })).body.error.code).toBe('replayed');
    expect(await inboundCount(admin.workspaceId)).toBe(before + 1);
  });

  it('never lands a mail on another workspace’s case, even naming its Message-ID', async () => {
    const caseId = await openCase('Refund', 'boris');
    const ours = (await asAdmin.post(`${ws}/cases/${caseId}/replies`, { text: 'Refund is on its way' }).expect(201)).body;
    const [sent] = await thread(caseId);
    expect(ours.delivery).toMatchObject({ sent: true, messageId: sent!.id });
    const mail = rawMail(
      { From: 'boris@customer.test', Subject: 'Re: Refund', 'Message-ID': '<b-3@customer.test>', 'In-Reply-To': String(sent!.messageId) },
      'Thanks',
    );
    const res = await post(other.workspaceId, mail, { secret: otherSecret }).expect(200);
    expect(res.body).toMatchObject({ outcome: 'unmatched', caseId: null });
    expect(await thread(caseId)).toHaveLength(1);
    // Signed with the first workspace's secret, the other workspace's endpoint refuses it.
    expect((await post(other.workspaceId, mail)).status).toBe(401);
  });

  it('keeps a reply to a closed case on it as a note without reopening it', async () => {
    const caseId = await openCase('Damaged box', 'boris');
    await asAdmin.post(`${ws}/cases/${caseId}/replies`, { text: 'Sorry, a new one is on its way' }).expect(201);
    const [sent] = await thread(caseId);
    await asAdmin.post(`${ws}/cases/${caseId}/close`, { rootCause: 'Courier', actionTaken: 'Resent' }).expect(200);
    const mail = rawMail(
      {
        From: 'boris@customer.test',
        Subject: 'Re: Damaged box',
        'Message-ID': '<b-4@customer.test>',
        'In-Reply-To': String(sent!.messageId),
      },
      'Got it, thank you!',
    );
    expect((await post(admin.workspaceId, mail).expect(200)).body).toMatchObject({ outcome: 'matched', caseId, matchedBy: 'thread' });
    const after = (await asAdmin.get(`${ws}/cases/${caseId}`).expect(200)).body;
    expect(after.status).toBe('closed');
    expect(after.events.at(-1)).toMatchObject({
      kind: 'reply',
      details: { from: 'customer', afterClose: true, text: 'Got it, thank you!' },
    });
  });

  it('a delivery failure report marks the message bounced and suppresses the address', async () => {
    await customer(asAdmin, ws, 'gone', { email: 'gone@customer.test' });
    const caseId = await openCase('Where is my order', 'gone');
    await asAdmin.post(`${ws}/cases/${caseId}/replies`, { text: 'It ships tomorrow' }).expect(201);
    const [sent] = await thread(caseId);
    const res = await post(admin.workspaceId, bounceReport('Gone@Customer.test', String(sent!.messageId))).expect(200);
    expect(res.body).toMatchObject({ outcome: 'bounce', id: null, bouncedAddress: 'gone@customer.test' });
    expect((await thread(caseId))[0]).toMatchObject({ status: 'bounced', lastError: '5.1.1 smtp; 550 5.1.1 mailbox does not exist' });
    const suppressed = await db().query(`SELECT address, reason FROM email_suppressions WHERE workspace_id = $1`, [admin.workspaceId]);
    expect(suppressed).toEqual([{ address: 'gone@customer.test', reason: 'bounced' }]);
  });
});

describe('gateway inbound', () => {
  it("lands a customer's SMS on their case (by our message id, else their phone), with scope and role checks", async () => {
    await customer(asAdmin, ws, 'vera', {
      name: 'Vera',
      phone: '+359888123456',
      attributes: { preferredChannel: 'telegram', telegram: '@vera_k' },
    });
    const caseId = (await asAdmin.post(`${ws}/cases`, { title: 'Courier rude', channel: 'messenger', customerId: 'vera' }).expect(201)).body
      .id;
    const ours = (await asAdmin.post(`${ws}/cases/${caseId}/replies`, { text: 'We are sorry, Vera' }).expect(201)).body;
    expect(ours.delivery).toMatchObject({ sent: true, channel: 'telegram', to: '@vera_k' });

    const token = (await asAdmin.post(`${ws}/api-tokens`, { name: 'gateway', scopes: ['messages:write'] }).expect(201)).body.secret;
    const readOnly = (await asAdmin.post(`${ws}/api-tokens`, { name: 'bi', scopes: ['cases:read'] }).expect(201)).body.secret;
    const send = (auth: string, body: object) => t.http().post(`${ws}/messages/inbound`).set('authorization', `Bearer ${auth}`).send(body);
    expect((await send(readOnly, { channel: 'telegram', from: '@vera_k', text: 'hi' })).status).toBe(403);
    expect((await send(token, { channel: 'fax', from: '1', text: 'hi' })).status).toBe(400);
    expect((await send(token, { channel: 'sms', from: '1', text: '' })).status).toBe(400);

    const byId = await send(token, {
      channel: 'telegram',
      from: '@vera_k',
      text: 'Thank you for the call',
      inReplyTo: ours.delivery.messageId,
    }).expect(200);
    expect(byId.body).toMatchObject({ outcome: 'matched', caseId, matchedBy: 'thread', customerExternalId: 'vera' });
    const byPhone = await send(token, { channel: 'sms', from: '+359888123456', text: 'And the refund?' }).expect(200);
    expect(byPhone.body).toMatchObject({ outcome: 'matched', caseId, matchedBy: 'customer', customerExternalId: 'vera' });
    expect((await thread(caseId)).map((m) => [m.direction, m.channel, m.text])).toEqual([
      ['outbound', 'telegram', 'We are sorry, Vera'],
      ['inbound', 'telegram', 'Thank you for the call'],
      ['inbound', 'sms', 'And the refund?'],
    ]);
    // Another workspace's token cannot post here.
    const asOther = await t.login(other.email, other.password);
    const otherToken = (
      await asOther.post(`/api/v1/workspaces/${other.workspaceId}/api-tokens`, { name: 'gw', scopes: ['messages:write'] }).expect(201)
    ).body.secret;
    expect((await send(otherToken, { channel: 'sms', from: '+359888123456', text: 'x' })).status).toBe(404);
  });
});
