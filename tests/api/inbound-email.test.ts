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

/** What the receiving provider writes on top of a mail whose sender's domain passed DKIM. */
const dkimPass = (domain: string) => ({ 'Authentication-Results': `mx.provider.test; dkim=pass header.d=${domain} header.s=s1` });

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
    const mail = rawMail(
      { ...dkimPass('customer.test'), From: 'BORIS@Customer.test', Subject: 'lid', 'Message-ID': '<b-1@customer.test>' },
      'The lid is still broken.',
    );
    const res = await post(admin.workspaceId, mail).expect(200);
    expect(res.body).toMatchObject({
      outcome: 'matched',
      caseId: newer,
      matchedBy: 'customer',
      customerExternalId: 'boris',
      senderVerified: true,
    });
    expect((await thread(newer)).map((m) => m.text)).toEqual(['The lid is still broken.']);
    expect(await thread(older)).toEqual([]);
    expect(await thread(closed)).toEqual([]);
  });

  it('keeps an out-of-office answer without landing it on the case', async () => {
    const caseId = await openCase('Out of office check', 'boris');
    const mail = rawMail(
      {
        ...dkimPass('customer.test'),
        From: 'boris@customer.test',
        Subject: 'Automatic reply',
        'Message-ID': '<b-ooo@customer.test>',
        'Auto-Submitted': 'auto-replied',
      },
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
    await markSent(String(sent!.id), new Date(Date.now() - 2 * 86_400_000));
    const res = await post(admin.workspaceId, bounceReport('Gone@Customer.test', String(sent!.messageId))).expect(200);
    expect(res.body).toMatchObject({ outcome: 'bounce', id: null, bouncedAddress: 'gone@customer.test' });
    expect((await thread(caseId))[0]).toMatchObject({ status: 'bounced', lastError: '5.1.1 smtp; 550 5.1.1 mailbox does not exist' });
    const suppressed = await db().query(`SELECT address, reason FROM email_suppressions WHERE workspace_id = $1`, [admin.workspaceId]);
    expect(suppressed).toEqual([{ address: 'gone@customer.test', reason: 'bounced' }]);
  });
});

/** Our message as the dispatch leaves it after the SMTP server took it (no SMTP in these tests). */
const markSent = (id: string, at: Date) =>
  db().query(`UPDATE messages SET status = 'sent', sent_at = $3 WHERE workspace_id = $1 AND id = $2`, [admin.workspaceId, id, at]);
const suppressions = async (address: string) =>
  count(`SELECT count(*) AS n FROM email_suppressions WHERE workspace_id = $1 AND address = $2`, [admin.workspaceId, address]);
const stored = async (id: string) =>
  (
    await db().query(
      `SELECT from_address, subject, text_body, case_id, customer_external_id FROM messages WHERE workspace_id = $1 AND id = $2`,
      [admin.workspaceId, id],
    )
  )[0] as Record<string, unknown>;

describe('inbound email: security', () => {
  it('a forged delivery report suppresses no one and is kept as an ordinary unmatched mail', async () => {
    await customer(asAdmin, ws, 'vip', { name: 'VIP', email: 'vip@customer.test' });
    const caseId = await openCase('VIP order', 'vip');
    await asAdmin.post(`${ws}/cases/${caseId}/replies`, { text: 'On its way' }).expect(201);
    const [sent] = await thread(caseId);
    await markSent(String(sent!.id), new Date(Date.now() - 3600_000));
    await customer(asAdmin, ws, 'other-vip', { email: 'other-vip@customer.test' });
    const otherCase = await openCase('Other VIP order', 'other-vip');
    await asAdmin.post(`${ws}/cases/${otherCase}/replies`, { text: 'Shipped' }).expect(201);
    const [old] = await thread(otherCase);
    await markSent(String(old!.id), new Date(Date.now() - 31 * 86_400_000));

    const forged = [
      bounceReport('vip@customer.test', '<made-up@anywhere.test>'), // names no message of ours
      bounceReport('someone-else@customer.test', String(sent!.messageId)), // ours, but to another address
      bounceReport('other-vip@customer.test', String(old!.messageId)), // ours, but sent 31 days ago
      bounceReport('vip@customer.test', '').replace(/Message-ID: \r\n/, ''), // no original at all
    ];
    for (const report of forged) {
      const res = await post(admin.workspaceId, report).expect(200);
      expect(res.body).toMatchObject({ outcome: 'unmatched', caseId: null, matchedBy: null, customerExternalId: null });
      expect(res.body.bouncedAddress).toBeUndefined();
      expect(await stored(res.body.id)).toMatchObject({ from_address: 'mailer-daemon@mx.customer.test', case_id: null });
    }
    expect(await suppressions('vip@customer.test')).toBe(0);
    expect(await suppressions('other-vip@customer.test')).toBe(0);
    expect(await suppressions('someone-else@customer.test')).toBe(0);
    expect((await thread(caseId)).map((m) => m.status)).toEqual(['sent']);
    expect((await thread(otherCase)).map((m) => m.status)).toEqual(['sent']);

    // The real report for our message to that address still bounces it.
    const real = await post(admin.workspaceId, bounceReport('VIP@customer.test', String(sent!.messageId))).expect(200);
    expect(real.body).toMatchObject({ outcome: 'bounce', bouncedAddress: 'vip@customer.test' });
    expect(await suppressions('vip@customer.test')).toBe(1);
    expect((await thread(caseId))[0]).toMatchObject({ status: 'bounced' });
  });

  it("lands by the From address only when the provider verified the sender's domain", async () => {
    await customer(asAdmin, ws, 'dina', { name: 'Dina', email: 'dina@shop.test' });
    const caseId = await openCase('Dina waits', 'dina');
    await t.app
      .get(CasesService)
      .replyAndSend(
        admin.workspaceId,
        caseId,
        { text: 'Which size?', send: true, waitForCustomer: true },
        { kind: 'user', userId: admin.userId },
      );
    const spoofs = [
      {}, // no Authentication-Results at all
      { 'Authentication-Results': 'mx.provider.test; dkim=pass header.d=evil.test; spf=fail smtp.mailfrom=shop.test' },
      { 'Authentication-Results': 'mx.provider.test; dmarc=fail header.from=shop.test' },
    ];
    for (const [i, auth] of spoofs.entries()) {
      const mail = rawMail(
        { ...auth, From: 'Dina <dina@shop.test>', Subject: 'size', 'Message-ID': `<spoof-${i}@evil.test>` },
        'Cancel it all',
      );
      const res = await post(admin.workspaceId, mail).expect(200);
      expect(res.body).toMatchObject({ outcome: 'unmatched', caseId: null, customerExternalId: null, senderVerified: false });
      expect(await stored(res.body.id)).toMatchObject({ from_address: 'dina@shop.test', case_id: null, customer_external_id: null });
    }
    expect(await thread(caseId)).toHaveLength(1);
    expect((await asAdmin.get(`${ws}/cases/${caseId}`).expect(200)).body.status).toBe('waiting_customer');

    // Unverified but in our thread (our Message-ID is unguessable): it still lands.
    const [ours] = await thread(caseId);
    const threaded = rawMail(
      { From: 'dina@shop.test', Subject: 'Re: size', 'Message-ID': '<d-1@shop.test>', 'In-Reply-To': String(ours!.messageId) },
      'Size M',
    );
    expect((await post(admin.workspaceId, threaded).expect(200)).body).toMatchObject({
      outcome: 'matched',
      caseId,
      matchedBy: 'thread',
      senderVerified: false,
    });

    // Verified by DMARC (or SPF) for the From domain: lands by the address.
    for (const auth of ['dmarc=pass (p=reject) header.from=shop.test', 'spf=pass smtp.mailfrom=bounces@shop.test']) {
      const mail = rawMail(
        {
          'Authentication-Results': `mx.provider.test; ${auth}`,
          From: 'dina@shop.test',
          Subject: 'more',
          'Message-ID': `<d-${auth.length}@shop.test>`,
        },
        'And a belt',
      );
      expect((await post(admin.workspaceId, mail).expect(200)).body).toMatchObject({
        outcome: 'matched',
        caseId,
        matchedBy: 'customer',
        senderVerified: true,
      });
    }
  });

  it('stores a From naming two addresses unmatched, never as a reply target', async () => {
    const caseId = await openCase('Comma sender', 'boris');
    await asAdmin.post(`${ws}/cases/${caseId}/replies`, { text: 'Which colour?' }).expect(201);
    const [ours] = await thread(caseId);
    const mail = rawMail(
      {
        ...dkimPass('customer.test'),
        From: '<boris@customer.test,evil@x.test>',
        Subject: 'Re: Comma sender',
        'In-Reply-To': String(ours!.messageId),
      },
      'Reply to both',
    );
    const res = await post(admin.workspaceId, mail).expect(200);
    expect(res.body).toMatchObject({ outcome: 'unmatched', caseId: null, customerExternalId: null });
    expect(await stored(res.body.id)).toMatchObject({ from_address: 'boris@customer.test,evil@x.test', case_id: null });
    expect(await thread(caseId)).toHaveLength(1);
    const next = (await asAdmin.post(`${ws}/cases/${caseId}/replies`, { text: 'Still there?' }).expect(201)).body;
    expect(next.delivery).toMatchObject({ sent: true, to: 'boris@customer.test' });
  });

  it('an encoded subject with line breaks is stored on one line and later replies still go out', async () => {
    await customer(asAdmin, ws, 'eva', { name: 'Eva', email: 'eva@customer.test' });
    const caseId = await openCase('Eva asks', 'eva');
    const encoded = Buffer.from('Broken\r\nBcc: evil@x.test\r\n\r\nlid', 'utf8').toString('base64');
    const mail = rawMail({ ...dkimPass('customer.test'), From: 'eva@customer.test', Subject: `=?utf-8?B?${encoded}?=` }, 'Help');
    const res = await post(admin.workspaceId, mail).expect(200);
    expect(res.body).toMatchObject({ outcome: 'matched', caseId });
    expect((await stored(res.body.id)).subject).toBe('Broken Bcc: evil@x.test lid');
    const reply = (await asAdmin.post(`${ws}/cases/${caseId}/replies`, { text: 'On it' }).expect(201)).body;
    expect(reply.delivery).toMatchObject({ sent: true, channel: 'email', to: 'eva@customer.test' });
    expect((await thread(caseId)).at(-1)).toMatchObject({ direction: 'outbound', subject: 'Re: Broken Bcc: evil@x.test lid' });
  });

  it('keeps a 3 MB HTML-only mail with a short note instead of its text', async () => {
    const html = `<html><body>${'<p>spam spam spam</p>'.repeat(150_000)}</body></html>`;
    expect(html.length).toBeGreaterThan(3 * 1024 * 1024);
    const mail = rawMail({ From: 'stranger@elsewhere.test', Subject: 'Big', 'Content-Type': 'text/html; charset=utf-8' }, html);
    const res = await post(admin.workspaceId, mail).expect(200);
    const text = String((await stored(res.body.id)).text_body);
    expect(text.length).toBeLessThan(200);
    expect(text).toMatch(/only an HTML part of \d+ KB, too large to read here/);
  });

  it('answers 422 to a mail the parser refuses, storing nothing; a replayed id is refused before parsing', async () => {
    const before = await inboundCount(admin.workspaceId);
    const broken = rawMail({ From: 'a@elsewhere.test', 'X-Pad': 'a'.repeat(1_200_000) }, 'hi');
    const res = await post(admin.workspaceId, broken);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('unparseable_mail');
    expect(await inboundCount(admin.workspaceId)).toBe(before);

    const good = rawMail({ From: 'a@elsewhere.test', Subject: 'ok' }, 'fine');
    const first = signedHeaders(secret, good);
    await post(admin.workspaceId, good, { headers: first }).expect(200);
    // Same webhook-id, another (unparseable) body signed with it: 409, not a parse.
    const again = signedHeaders(secret, broken, new Date(), first['webhook-id']);
    expect((await post(admin.workspaceId, broken, { headers: again })).body.error.code).toBe('replayed');
    expect(await inboundCount(admin.workspaceId)).toBe(before + 1);
  });

  it('an automatic answer (Precedence: bulk, an out-of-office subject) neither counts as her reply nor resumes the case', async () => {
    await customer(asAdmin, ws, 'fay', { name: 'Fay', email: 'fay@customer.test' });
    const caseId = await openCase('Fay waits', 'fay');
    await t.app
      .get(CasesService)
      .replyAndSend(
        admin.workspaceId,
        caseId,
        { text: 'Your address?', send: true, waitForCustomer: true },
        { kind: 'user', userId: admin.userId },
      );
    const [ours] = await thread(caseId);
    const autos = [
      { Precedence: 'bulk', Subject: 'Re: Fay waits' },
      { Subject: 'Out of Office: Re: Fay waits' },
      { 'X-Autoreply': 'yes', Subject: 'Re: Fay waits' },
    ];
    for (const [i, headers] of autos.entries()) {
      const mail = rawMail(
        {
          ...dkimPass('customer.test'),
          From: 'fay@customer.test',
          'Message-ID': `<f-${i}@customer.test>`,
          'In-Reply-To': String(ours!.messageId),
          ...headers,
        },
        'I am away until Monday.',
      );
      expect((await post(admin.workspaceId, mail).expect(200)).body).toMatchObject({ outcome: 'auto_reply', caseId: null });
    }
    const after = (await asAdmin.get(`${ws}/cases/${caseId}`).expect(200)).body;
    expect(after.status).toBe('waiting_customer');
    expect(after.events.filter((e: { kind: string }) => e.kind === 'reply')).toHaveLength(1);
    expect(await thread(caseId)).toHaveLength(1);
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
