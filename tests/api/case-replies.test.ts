import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessagingSettingsService } from '@otklik/backend/src/messaging/messaging-settings.service';
import { LoggedIn, SeededAdmin, SeededUser, startTestApp, TestApp } from '../support/app';
import { customerSigner } from '../support/identity';
import { rawMail, signedHeaders } from '../support/inbound-email';
import { MailServer, startMailServer } from '../support/mail-server';

let mail: MailServer;
let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let viewer: SeededUser;
let asViewer: LoggedIn;
let ws: string;
let sign: (customerId: string) => string;

const db = () => t.app.get(DataSource);
const sync = async () => (await asAdmin.post(`${ws}/cases/sync`).expect(200)).body;
const thread = async (caseId: string) =>
  (await asAdmin.get(`${ws}/cases/${caseId}/messages`).expect(200)).body as Record<string, unknown>[];
const caseBy = async (source: string, sourceId: string) =>
  (
    await db().query(`SELECT id FROM cases WHERE workspace_id = $1 AND source = $2 AND source_id = $3`, [
      admin.workspaceId,
      source,
      sourceId,
    ])
  )[0].id as string;

beforeAll(async () => {
  mail = await startMailServer();
  t = await startTestApp({ smtpUrl: mail.url, caseSyncMs: 3_600_000, publicLimitPerIpPerMinute: 100_000 });
  admin = await t.seedAdmin('Северный ветер');
  asAdmin = await t.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
  sign = await customerSigner(asAdmin, admin.workspaceId);
  viewer = await t.createUser();
  await t.addMember(admin.workspaceId, viewer.userId, 'viewer');
  asViewer = await t.login(viewer.email, viewer.password);
  await asAdmin.put(`${ws}/customers/maria`, { name: 'Мария Иванова', email: 'maria@customer.test' }).expect(201);
  await asAdmin.put(`${ws}/customers/nobody`, { name: 'No Address' }).expect(201);
});

afterAll(async () => {
  await t?.close();
  await mail?.close();
});

/** A detractor's answer to a live NPS survey, in `language`, by a proven customer; the case sync opens its case. */
async function detractorCase(customerId: string, language: string): Promise<string> {
  const survey = (
    await asAdmin
      .post(`${ws}/surveys`, {
        name: `NPS ${randomUUID().slice(0, 8)}`,
        kind: 'nps',
        languages: ['en', language],
        displayRules: { trigger: 'page_load', samplePercent: 100, recontactDays: 0, stopAfterResponse: false },
      })
      .expect(201)
  ).body;
  await asAdmin.patch(`${ws}/surveys/${survey.id}`, { status: 'live' }).expect(200);
  const responseId = (
    await t
      .http()
      .post(`/api/v1/public/surveys/${survey.publicKey}/responses`)
      .send({
        idempotencyKey: randomUUID(),
        respondentId: `r-${randomUUID()}`,
        customerId,
        customerHash: sign(customerId),
        language,
        answers: { score: 3, comment: 'Доставката закъсня с два дни' },
        finished: true,
      })
      .expect(201)
  ).body.responseId as string;
  expect((await sync()).response).toBe(1);
  return caseBy('response', responseId);
}

describe('replies in the customer’s channel', () => {
  it("answers a customer's mail threaded under it, in their language, and lands their next mail on the case", async () => {
    const caseId = await detractorCase('maria', 'bg');
    // Maria writes first (no thread): her mail lands on her open case by her address.
    const secret = await t.app.get(MessagingSettingsService).inboundSecret(admin.workspaceId);
    const first = rawMail(
      {
        'Authentication-Results': 'mx.provider.test; dkim=pass header.d=customer.test',
        From: 'Мария <maria@customer.test>',
        Subject: 'Поръчка 1042',
        'Message-ID': '<maria-1@customer.test>',
      },
      'Кога ще пристигне поръчката?',
    );
    const posted = await t
      .http()
      .post(`${ws}/inbound/email`)
      .set('content-type', 'message/rfc822')
      .set(signedHeaders(secret, first))
      .send(first)
      .expect(200);
    expect(posted.body).toMatchObject({ outcome: 'matched', caseId, matchedBy: 'customer' });

    const plan = (await asAdmin.get(`${ws}/cases/${caseId}/reply-plan`).expect(200)).body;
    expect(plan).toEqual({
      channel: 'email',
      to: 'maria@customer.test',
      unreachable: null,
      language: 'bg',
      subject: 'Re: Поръчка 1042',
      inReplyTo: '<maria-1@customer.test>',
    });

    const since = mail.received.length;
    const replied = (
      await asAdmin.post(`${ws}/cases/${caseId}/replies`, { text: 'Пристига утре до обяд.', waitForCustomer: true }).expect(201)
    ).body;
    expect(replied).toMatchObject({
      status: 'waiting_customer',
      delivery: { sent: true, channel: 'email', to: 'maria@customer.test', language: 'bg', subject: 'Re: Поръчка 1042' },
    });
    const got = await mail.waitFor('maria@customer.test', since);
    expect(got.parsed.subject).toBe('Re: Поръчка 1042');
    expect(got.parsed.inReplyTo).toBe('<maria-1@customer.test>');
    expect(got.parsed.references).toBe('<maria-1@customer.test>');
    expect(got.parsed.text).toContain('Пристига утре до обяд.');
    expect(got.parsed.html).toContain('lang="bg"');

    // Her answer to our mail threads on its Message-ID and resumes the case.
    const ours = (await thread(caseId)).find((m) => m.direction === 'outbound')!;
    expect(ours).toMatchObject({ status: 'sent', messageId: got.parsed.messageId, inReplyTo: '<maria-1@customer.test>' });
    const second = rawMail(
      {
        From: 'maria@customer.test',
        Subject: 'Re: Поръчка 1042',
        'Message-ID': '<maria-2@customer.test>',
        'In-Reply-To': String(got.parsed.messageId),
        References: `<maria-1@customer.test> ${got.parsed.messageId}`,
      },
      'Благодаря!\n\nOn Mon, 7 Dec 2026 at 12:00, Северный ветер <noreply@otklik.local> wrote:\n> Пристига утре до обяд.',
    );
    const back = await t
      .http()
      .post(`${ws}/inbound/email`)
      .set('content-type', 'text/plain')
      .set(signedHeaders(secret, second))
      .send(second)
      .expect(200);
    expect(back.body).toMatchObject({ outcome: 'matched', caseId, matchedBy: 'thread' });
    expect((await asAdmin.get(`${ws}/cases/${caseId}`).expect(200)).body.status).toBe('open');
    expect((await thread(caseId)).map((m) => [m.direction, m.text])).toEqual([
      ['inbound', 'Кога ще пристигне поръчката?'],
      ['outbound', 'Пристига утре до обяд.'],
      ['inbound', 'Благодаря!'],
    ]);
  });

  it("records a mention's public answer with its link, and only logs one without it", async () => {
    const token = (await asAdmin.post(`${ws}/api-tokens`, { name: 'monitor', scopes: ['mentions:write'] }).expect(201)).body.secret;
    const res = await t
      .http()
      .post(`${ws}/mentions/bulk`)
      .set('Authorization', `Bearer ${token}`)
      .send({
        mentions: [
          {
            source: 'twitter',
            externalId: 'bad-1',
            author: '@olga',
            text: 'Ужасный сервис, курьер опоздал на три часа и нагрубил',
            postedAt: new Date().toISOString(),
          },
        ],
      })
      .expect(200);
    expect((await sync()).mention).toBe(1);
    const caseId = await caseBy('mention', res.body.items[0].id);

    const bare = (await asAdmin.post(`${ws}/cases/${caseId}/replies`, { text: 'Ольга, простите нас' }).expect(201)).body;
    expect(bare.delivery).toEqual({ sent: false, channel: 'public', reason: 'public_url_missing' });
    const bad = await asAdmin.post(`${ws}/cases/${caseId}/replies`, { text: 'x', publicUrl: 'javascript:alert(1)' }).expect(400);
    expect(bad.body.error.details).toEqual([{ field: 'publicUrl', message: 'publicUrl must be an http(s) link to the public answer' }]);

    const link = 'https://twitter.com/severny/status/1866';
    const answered = (
      await asAdmin.post(`${ws}/cases/${caseId}/replies`, { text: 'Ольга, простите нас, уже разбираемся', publicUrl: link }).expect(201)
    ).body;
    expect(answered.delivery).toMatchObject({ sent: true, channel: 'public', to: link, language: 'ru', status: 'sent' });
    expect(await thread(caseId)).toMatchObject([
      { direction: 'outbound', channel: 'public', status: 'sent', to: link, text: 'Ольга, простите нас, уже разбираемся' },
    ]);
    const events = (await asAdmin.get(`${ws}/cases/${caseId}`).expect(200)).body.events.filter((e: { kind: string }) => e.kind === 'reply');
    expect(events.map((e: { details: { delivery: unknown } }) => e.details.delivery)).toMatchObject([
      { sent: false, reason: 'public_url_missing' },
      { sent: true, channel: 'public', to: link },
    ]);
  });

  it('logs a reply to a customer without an address with the reason, and send:false only logs', async () => {
    const noAddress = (await asAdmin.post(`${ws}/cases`, { title: 'Call back', channel: 'phone', customerId: 'nobody' }).expect(201)).body
      .id;
    const res = (await asAdmin.post(`${ws}/cases/${noAddress}/replies`, { text: 'We tried to call' }).expect(201)).body;
    expect(res).toMatchObject({ delivery: { sent: false, channel: 'sms', reason: 'no_address' } });
    expect(res.firstRespondedAt).not.toBeNull();
    const anonymous = (await asAdmin.post(`${ws}/cases`, { title: 'Anonymous form' }).expect(201)).body.id;
    expect((await asAdmin.post(`${ws}/cases/${anonymous}/replies`, { text: 'Thanks' }).expect(201)).body.delivery).toEqual({
      sent: false,
      channel: 'email',
      reason: 'no_customer',
    });
    const quiet = (await asAdmin.post(`${ws}/cases`, { title: 'Refund', channel: 'email', customerId: 'maria' }).expect(201)).body.id;
    expect((await asAdmin.post(`${ws}/cases/${quiet}/replies`, { text: 'Called her', send: false }).expect(201)).body.delivery).toEqual({
      sent: false,
      channel: null,
      reason: 'not_requested',
    });
    expect(await thread(quiet)).toEqual([]);
    expect(await thread(noAddress)).toEqual([]);
  });

  it('keeps the thread to its workspace and writers', async () => {
    const caseId = (await asAdmin.post(`${ws}/cases`, { title: 'Refund 2', channel: 'email', customerId: 'maria' }).expect(201)).body.id;
    await asViewer.get(`${ws}/cases/${caseId}/messages`).expect(200);
    await asViewer.post(`${ws}/cases/${caseId}/replies`, { text: 'hi' }).expect(403);
    expect(await thread(caseId)).toEqual([]);
    const stranger = await t.seedAdmin('Stranger');
    const asStranger = await t.login(stranger.email, stranger.password);
    await asStranger.get(`/api/v1/workspaces/${stranger.workspaceId}/cases/${caseId}/messages`).expect(404);
    await asStranger.get(`/api/v1/workspaces/${stranger.workspaceId}/cases/${caseId}/reply-plan`).expect(404);
    await asAdmin.get(`${ws}/cases/${caseId}/reply-plan?via=fax`).expect(400);
    await asAdmin.post(`${ws}/cases/${caseId}/replies`, { text: 'x', via: 'pigeon' }).expect(400);
    await asAdmin.post(`${ws}/cases/${caseId}/replies`, { text: 'x', publicUrl: `https://x.test/${'a'.repeat(2100)}` }).expect(400);
  });
});
