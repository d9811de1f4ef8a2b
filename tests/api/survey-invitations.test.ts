/**
 * Email survey invitations against a real SMTP server: the invitation arrives with its score links, a click records
 * the score at once and the link page finishes the same response, one reminder only and never to someone who
 * answered, unsubscribe stops the next send, suppressed and withdrawn addresses are skipped, the contact frequency
 * caps across two surveys, and the API's tenancy, roles and hostile input.
 */
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { JobRunner } from '@otklik/backend/src/common/jobs/job-runner';
import { MessagingService } from '@otklik/backend/src/messaging/messaging.service';
import { SurveySendsRepository } from '@otklik/backend/src/survey-invitations/survey-sends.repository';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';
import { MailServer, startMailServer } from '../support/mail-server';

let mail: MailServer;
let t: TestApp;
let db: DataSource;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let asViewer: LoggedIn;
let ws: string;
let nps: { id: string; publicKey: string };

const TOKEN_LINK = /\/api\/v1\/public\/invitations\/([A-Za-z0-9_-]+)\/score\/(\d+)/g;

async function waitUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const runInvitations = () => t.app.get(JobRunner).runNow('survey-invitations');
const mailsTo = (address: string) => mail.received.filter((m) => m.to.includes(address));
/** The token of the invitation mail to `address` (all its score links carry the same one). */
function tokenOf(address: string, nth = 0): string {
  const text = mailsTo(address)[nth].parsed.text ?? '';
  const tokens = new Set([...text.matchAll(TOKEN_LINK)].map((m) => m[1]));
  expect(tokens.size).toBe(1);
  return [...tokens][0];
}

async function liveSurvey(name: string, kind = 'nps', languages = ['en', 'ru']): Promise<{ id: string; publicKey: string }> {
  const created = await asAdmin.post(`${ws}/surveys`, { name, kind, languages, defaultLanguage: 'en' }).expect(201);
  await asAdmin.patch(`${ws}/surveys/${created.body.id}`, { status: 'live' }).expect(200);
  return { id: created.body.id, publicKey: created.body.publicKey };
}

const send = (surveyId: string, body: object) => asAdmin.post(`${ws}/surveys/${surveyId}/sends`, body);

beforeAll(async () => {
  mail = await startMailServer();
  t = await startTestApp({ smtpUrl: mail.url, messagePollMs: 50, messageRetryBaseMs: 50 });
  db = t.app.get(DataSource);
  admin = await t.seedAdmin('Ужинбокс');
  asAdmin = await t.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
  const viewer = await t.createUser();
  await t.addMember(admin.workspaceId, viewer.userId, 'viewer');
  asViewer = await t.login(viewer.email, viewer.password);
  const withdrawn = { survey: { granted: false, at: '2026-11-01T10:00:00Z', source: 'support call' } };
  const customers: [string, object][] = [
    ['anna', { name: 'Анна', email: 'anna@example.test' }],
    ['boris', { name: 'Борис', email: 'boris@example.test' }],
    ['carl', { name: 'Carl (no email)' }],
    ['dora', { name: 'Dora', email: 'dora@example.test', consents: withdrawn }],
    ['eve', { name: 'Eve', email: 'eve@example.test' }],
    ['fred', { name: 'Fred', email: 'fred@example.test' }],
    ['gala', { name: 'Гала', email: 'gala@example.test' }],
  ];
  for (const [id, body] of customers) await asAdmin.put(`${ws}/customers/${id}`, body).expect(201);
  // eve's address bounced before: suppressed by the messaging core.
  await t.app.get(MessagingService).markBounced(admin.workspaceId, 'eve@example.test', '550 5.1.1 user unknown');
  nps = await liveSurvey('Relationship NPS');
}, 120_000);
afterAll(async () => {
  await t?.close();
  await mail?.close();
});

describe('a list send, the score link and the follow-up', () => {
  let sendId: string;

  it('reports duplicates, garbage and unknown ids per row, and invites the rest', async () => {
    const list = [
      'anna',
      'boris',
      'carl',
      'dora',
      'eve',
      'nobody',
      'not an email@',
      'anna',
      'ANNA@example.test',
      'walkin@example.test',
      '   ',
    ];
    const res = await send(nps.id, { audience: 'list', list, reminderDays: 3 });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    sendId = res.body.send.id;
    expect(res.body.report).toEqual({
      rows: 11,
      // anna by id, anna again, and anna by her email: one recipient
      recipients: 6,
      duplicates: 2,
      invalid: [
        { row: 7, value: 'not an email@', reason: 'not a valid email address' },
        { row: 11, value: '', reason: 'empty row' },
      ],
      invalidCount: 2,
      unknown: [{ row: 6, value: 'nobody', reason: 'unknown customer' }],
    });
    expect(res.body.send).toMatchObject({ audience: 'list', status: 'scheduled', reminderDays: 3, recipientsTotal: 6 });

    await runInvitations();
    const stats = (await asAdmin.get(`${ws}/surveys/${nps.id}/sends/${sendId}`).expect(200)).body;
    expect(stats.status).toBe('sent');
    expect(stats.recipientsProcessed).toBe(6);
    expect(stats.stats).toMatchObject({ recipients: 6, invited: 3, skipped: 3, pending: 0 });
    expect(stats.stats.skippedByReason).toEqual(
      expect.arrayContaining([
        { reason: 'no_email', count: 1 },
        { reason: 'consent_withdrawn', count: 1 },
        { reason: 'suppressed', count: 1 },
      ]),
    );
  });

  it('the invitation arrives with the question and its eleven score links, and List-Unsubscribe', async () => {
    const invitation = await mail.waitFor('anna@example.test');
    expect(invitation.parsed.subject).toBe('One quick question');
    expect(invitation.parsed.text).toContain('How likely are you to recommend us to a friend or colleague?');
    const values = [...(invitation.parsed.text ?? '').matchAll(TOKEN_LINK)].map((m) => Number(m[2]));
    expect(values).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const token = tokenOf('anna@example.test');
    expect(token.length).toBeGreaterThanOrEqual(32);
    const headers = invitation.raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
    expect(headers).toMatch(new RegExp(`^List-Unsubscribe: <[^>]*/api/v1/public/invitations/${token}/unsubscribe>$`, 'm'));
    expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    expect(invitation.parsed.html).toContain(`/score/10`);
    await mail.waitFor('boris@example.test');
    await mail.waitFor('walkin@example.test');
    // Never to the skipped ones.
    expect(mailsTo('dora@example.test')).toHaveLength(0);
    expect(mailsTo('eve@example.test')).toHaveLength(0);
  });

  it('a score link records nothing (GET or HEAD, as mail scanners fetch it): the link page records the score by POST', async () => {
    const token = tokenOf('anna@example.test');
    const stored = () =>
      db.query(`SELECT score, finished, customer_external_id, customer_verified, answers, language FROM responses WHERE survey_id = $1`, [
        nps.id,
      ]);
    // A scanner fetches every score link, 0..10, with GET and HEAD: each goes on to the link page with its score.
    for (let value = 0; value <= 10; value++) {
      const res = await t.http().get(`/api/v1/public/invitations/${token}/score/${value}`).set('Accept', 'text/html').expect(303);
      expect(res.headers.location).toBe(`/s/${nps.publicKey}?invitation=${token}&score=${value}`);
      await t.http().head(`/api/v1/public/invitations/${token}/score/${value}`).expect(303);
    }
    expect(await stored()).toEqual([]);
    const [untouched] = await db.query(`SELECT opened_at, answered_at, score FROM survey_send_recipients WHERE token = $1`, [token]);
    expect(untouched).toEqual({ opened_at: null, answered_at: null, score: null });

    // The person's page posts the clicked score: one response, tied to the customer; a second score changes it.
    const first = await t.http().post(`/api/v1/public/invitations/${token}/score/6`).set('Accept', 'application/json').expect(200);
    expect(first.body).toMatchObject({ publicKey: nps.publicKey, answers: { score: 6 }, finished: false });
    expect(await stored()).toEqual([
      { score: 6, finished: false, customer_external_id: 'anna', customer_verified: true, answers: { score: 6 }, language: 'en' },
    ]);
    // Without the script, the page's "Send my score" form posts and goes on to the link page.
    const form = await t.http().post(`/api/v1/public/invitations/${token}/score/9`).set('Accept', 'text/html').expect(303);
    expect(form.headers.location).toBe(`/s/${nps.publicKey}?invitation=${token}`);
    expect(await stored()).toMatchObject([{ score: 9, finished: false, answers: { score: 9 } }]);

    const state = (await t.http().get(`/api/v1/public/invitations/${token}`).expect(200)).body;
    expect(state).toMatchObject({ publicKey: nps.publicKey, language: 'en', answers: { score: 9 }, finished: false });
    // The widget on the link page continues with the invitation's respondent and response key.
    await t
      .http()
      .post(`/api/v1/public/surveys/${nps.publicKey}/responses`)
      .send({
        idempotencyKey: state.responseKey,
        respondentId: state.respondentId,
        language: 'en',
        answers: { score: 9, comment: 'Fresh and on time' },
        finished: true,
      })
      .expect(200);
    expect(await stored()).toMatchObject([
      {
        score: 9,
        finished: true,
        customer_external_id: 'anna',
        customer_verified: true,
        answers: { score: 9, comment: 'Fresh and on time' },
      },
    ]);
    // After finishing, another score sent from the page still changes that one response.
    await t.http().post(`/api/v1/public/invitations/${token}/score/10`).expect(200);
    expect(await stored()).toMatchObject([{ score: 10, finished: true }]);

    const stats = (await asAdmin.get(`${ws}/surveys/${nps.id}/sends/${sendId}`).expect(200)).body.stats;
    expect(stats).toMatchObject({ invited: 3, sent: 3, opened: 1, answered: 1, finished: 1, responseRate: 1 / 3 });
  });

  it('a score outside the scale is refused and changes nothing; unknown tokens get 404 JSON or a friendly page', async () => {
    const token = tokenOf('boris@example.test');
    const bad = await t.http().get(`/api/v1/public/invitations/${token}/score/11`).set('Accept', 'application/json');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_score');
    const badPost = await t.http().post(`/api/v1/public/invitations/${token}/score/11`).set('Accept', 'application/json');
    expect(badPost.status).toBe(400);
    expect(badPost.body.error.code).toBe('invalid_score');
    expect(await db.query(`SELECT count(*)::int AS n FROM responses WHERE survey_id = $1`, [nps.id])).toEqual([{ n: 1 }]);

    const unknown = await t
      .http()
      .get(`/api/v1/public/invitations/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/score/5`)
      .set('Accept', 'application/json');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('invitation_not_found');
    const page = await t
      .http()
      .get(`/api/v1/public/invitations/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/score/5`)
      .set('Accept', 'text/html')
      .set('Accept-Language', 'ru-RU,ru;q=0.9');
    expect(page.status).toBe(404);
    expect(page.text).toContain('Ссылка больше не работает');
    await t
      .http()
      .get(`/api/v1/public/invitations/${'x'.repeat(2000)}`)
      .expect(404);
  });

  it('the one reminder goes once, only to those who have not answered, however often the job runs', async () => {
    const before = mail.received.length;
    await db.query(
      `UPDATE survey_send_recipients SET reminder_due_at = now() - interval '1 minute' WHERE send_id = $1 AND reminder_due_at IS NOT NULL`,
      [sendId],
    );
    await runInvitations();
    await runInvitations();
    const reminder = await mail.waitFor('boris@example.test', before);
    expect(reminder.parsed.subject).toBe('Reminder: one quick question');
    await mail.waitFor('walkin@example.test', before);
    await runInvitations();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(mailsTo('boris@example.test')).toHaveLength(2);
    expect(mailsTo('walkin@example.test')).toHaveLength(2);
    // anna answered: no reminder
    expect(mailsTo('anna@example.test')).toHaveLength(1);
    const stats = (await asAdmin.get(`${ws}/surveys/${nps.id}/sends/${sendId}`).expect(200)).body.stats;
    expect(stats.reminded).toBe(2);
  });

  it('unsubscribe: the page asks, the one-click POST withdraws consent on the customer, and the next send skips them', async () => {
    const token = tokenOf('boris@example.test');
    const page = await t.http().get(`/api/v1/public/invitations/${token}/unsubscribe`).set('Accept', 'text/html').expect(200);
    expect(page.text).toContain('Stop survey emails?');
    expect(page.text).toContain(`action="/api/v1/public/invitations/${token}/unsubscribe"`);
    const oneClick = await t
      .http()
      .post(`/api/v1/public/invitations/${token}/unsubscribe`)
      .type('form')
      .send('List-Unsubscribe=One-Click')
      .expect(200);
    expect(oneClick.body).toEqual({ unsubscribed: true });
    const boris = (await asAdmin.get(`${ws}/customers/boris`).expect(200)).body;
    expect(boris.consents.survey).toMatchObject({ granted: false, source: 'survey invitation: one-click unsubscribe' });

    const second = await liveSurvey('CSAT after delivery', 'csat');
    const res = await send(second.id, { audience: 'list', list: ['boris', 'walkin@example.test', 'gala'] }).expect(201);
    await runInvitations();
    const stats = (await asAdmin.get(`${ws}/surveys/${second.id}/sends/${res.body.send.id}`).expect(200)).body.stats;
    // boris withdrew; walkin is no customer, so only the address rules apply (invited); gala was never asked.
    expect(stats.skippedByReason).toEqual([{ reason: 'consent_withdrawn', count: 1 }]);
    expect(stats.invited).toBe(2);
    const csat = await mail.waitFor('gala@example.test');
    expect([...(csat.parsed.text ?? '').matchAll(TOKEN_LINK)].map((m) => Number(m[2]))).toEqual([1, 2, 3, 4, 5]);
  });

  it('the contact frequency caps across two surveys: fred, invited to one, is skipped by the next', async () => {
    const first = await liveSurvey('Onboarding NPS');
    const second = await liveSurvey('Support CES', 'ces');
    const a = await send(first.id, { audience: 'list', list: ['fred'] }).expect(201);
    await runInvitations();
    await mail.waitFor('fred@example.test');
    const b = await send(second.id, { audience: 'list', list: ['fred'] }).expect(201);
    await runInvitations();
    expect((await asAdmin.get(`${ws}/surveys/${first.id}/sends/${a.body.send.id}`).expect(200)).body.stats.invited).toBe(1);
    const skipped = (await asAdmin.get(`${ws}/surveys/${second.id}/sends/${b.body.send.id}`).expect(200)).body.stats;
    expect(skipped).toMatchObject({ invited: 0, skipped: 1, skippedByReason: [{ reason: 'contacted_recently', count: 1 }] });
  });

  it('the frequency is claimed under the customer lock: a widget display that holds it first makes the invitation wait and skip', async () => {
    const survey = await liveSurvey('Delivery NPS');
    await asAdmin.put(`${ws}/customers/racer`, { name: 'Racer', email: 'racer@example.test' }).expect(201);
    const made = await send(survey.id, { audience: 'list', list: ['racer'] }).expect(201);
    // A widget display of another survey claims racer: it holds the customer's lock while it records the contact.
    const widget = db.createQueryRunner();
    await widget.connect();
    await widget.startTransaction();
    await widget.query(`SELECT pg_advisory_xact_lock(hashtextextended('contact:' || $1 || ':' || $2, 0))`, [admin.workspaceId, 'racer']);
    await widget.query(
      `INSERT INTO customer_survey_contacts (workspace_id, customer_external_id, survey_id, channel) VALUES ($1, 'racer', $2, 'widget')`,
      [admin.workspaceId, nps.id],
    );
    const run = runInvitations();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await widget.commitTransaction();
    await widget.release();
    await run;
    const stats = (await asAdmin.get(`${ws}/surveys/${survey.id}/sends/${made.body.send.id}`).expect(200)).body.stats;
    expect(stats).toMatchObject({ invited: 0, skipped: 1, skippedByReason: [{ reason: 'contacted_recently', count: 1 }] });
    const contacts = await db.query(
      `SELECT channel FROM customer_survey_contacts WHERE workspace_id = $1 AND customer_external_id = 'racer' ORDER BY contacted_at`,
      [admin.workspaceId],
    );
    expect(contacts).toEqual([{ channel: 'widget' }]);
    expect(mailsTo('racer@example.test')).toHaveLength(0);
  });
});

describe('the language of each recipient', () => {
  it('speaks the language of the customer’s last response, else the survey’s default', async () => {
    const survey = await liveSurvey('Language check');
    await asAdmin.put(`${ws}/customers/olga`, { name: 'Ольга', email: 'olga@example.test' }).expect(201);
    await asAdmin.put(`${ws}/customers/pete`, { name: 'Pete', email: 'pete@example.test' }).expect(201);
    await t
      .http()
      .post(`/api/v1/public/surveys/${survey.publicKey}/responses`)
      .send({
        idempotencyKey: 'olga-earlier-1',
        respondentId: 'olga-respondent',
        customerId: 'olga',
        language: 'ru',
        answers: { score: 8 },
        finished: true,
      })
      .expect(201);
    const other = await liveSurvey('Language check 2');
    await send(other.id, { audience: 'list', list: ['olga', 'pete'] }).expect(201);
    await runInvitations();
    const olga = await mail.waitFor('olga@example.test');
    expect(olga.parsed.subject).toBe('Один короткий вопрос');
    expect(olga.parsed.text).toContain('Насколько вероятно, что вы порекомендуете нас другу или коллеге?');
    expect((await mail.waitFor('pete@example.test')).parsed.subject).toBe('One quick question');
  });
});

describe('preview and test send', () => {
  it('renders the email for a sample recipient in the asked language and mails a marked test to the member', async () => {
    const preview = (await asAdmin.get(`${ws}/surveys/${nps.id}/sends/preview?language=ru`).expect(200)).body;
    expect(preview).toMatchObject({ language: 'ru', languages: ['en', 'ru'], subject: 'Один короткий вопрос', scoreInEmail: true });
    expect(preview.html).toContain('/score/10');
    expect((await asAdmin.get(`${ws}/surveys/${nps.id}/sends/preview?language=de`)).status).toBe(400);
    const test = await asAdmin.post(`${ws}/surveys/${nps.id}/sends/test`, { language: 'en' }).expect(202);
    expect(test.body.to).toBe(admin.email);
    const mailed = await mail.waitFor(admin.email);
    expect(mailed.parsed.subject).toBe('[Test] One quick question');
    // No recipient row, no send.
    expect(await db.query(`SELECT count(*)::int AS n FROM survey_send_recipients WHERE lower(address) = lower($1)`, [admin.email])).toEqual(
      [{ n: 0 }],
    );
  });
});

describe('who may send, and hostile input', () => {
  it('a viewer reads but cannot send; another workspace sees nothing', async () => {
    await asViewer.get(`${ws}/surveys/${nps.id}/sends`).expect(200);
    expect((await asViewer.post(`${ws}/surveys/${nps.id}/sends`, { audience: 'list', list: ['anna'] })).status).toBe(403);
    expect((await asViewer.post(`${ws}/surveys/${nps.id}/sends/test`, {})).status).toBe(403);
    const stranger = await t.seedAdmin('Other');
    const asStranger = await t.login(stranger.email, stranger.password);
    const theirWs = `/api/v1/workspaces/${stranger.workspaceId}`;
    expect((await asStranger.get(`${ws}/surveys/${nps.id}/sends`)).status).toBe(404);
    expect((await asStranger.get(`${theirWs}/surveys/${nps.id}/sends`)).status).toBe(404);
    expect((await asStranger.post(`${theirWs}/surveys/${nps.id}/sends`, { audience: 'list', list: ['anna'] })).status).toBe(404);
    expect((await asStranger.get(`${theirWs}/surveys/${nps.id}/sends/preview`)).status).toBe(404);
  });

  it('refuses 10,001 rows, an all-garbage list, wrong types, a missing event name, an unknown segment and a draft survey, changing nothing', async () => {
    const count = async () => (await db.query(`SELECT count(*)::int AS n FROM survey_sends`))[0].n as number;
    const before = await count();
    const tooMany = await send(nps.id, { audience: 'list', list: Array.from({ length: 10_001 }, (_, i) => `c-${i}`) });
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.body)).toContain('at most 10000 rows');
    const garbage = await send(nps.id, { audience: 'list', list: ['@@@', 'x@', 'nobody-at-all', ''] });
    expect(garbage.status).toBe(400);
    expect(garbage.body.error.code).toBe('empty_audience');
    expect((await send(nps.id, { audience: 'list', list: [1, 2] })).status).toBe(400);
    expect((await send(nps.id, { audience: 'list', list: 'anna' })).status).toBe(400);
    expect((await send(nps.id, { audience: 'event', event: { kind: 'activity', delayDays: 1 } })).status).toBe(400);
    expect((await send(nps.id, { audience: 'event', event: { kind: 'signup', delayDays: 400 } })).status).toBe(400);
    expect((await send(nps.id, { audience: 'segment', segmentId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
    expect((await send(nps.id, { audience: 'list', list: ['anna'], language: 'fr' })).status).toBe(400);
    expect((await send(nps.id, { audience: 'list', list: ['anna'], reminderDays: 2.5 })).status).toBe(400);
    const draft = await asAdmin.post(`${ws}/surveys`, { name: 'Draft', kind: 'nps' }).expect(201);
    const notLive = await send(draft.body.id, { audience: 'list', list: ['anna'] });
    expect(notLive.status).toBe(409);
    expect(notLive.body.error.code).toBe('survey_not_live');
    expect(await count()).toBe(before);
  });

  it('duplicates in a 10,000-row list collapse to one recipient each', async () => {
    const survey = await liveSurvey('Big list');
    const list = Array.from({ length: 10_000 }, (_, i) => (i % 2 === 0 ? 'gala' : 'GALA@example.test'));
    const res = await send(survey.id, { audience: 'list', list, scheduledAt: new Date(Date.now() + 86_400_000).toISOString() }).expect(201);
    expect(res.body.report).toMatchObject({ rows: 10_000, recipients: 1, duplicates: 9_999, invalidCount: 0 });
    expect(res.body.send.status).toBe('scheduled');
  });
});

describe('an event send kept active', () => {
  it('invites customers N days after sign-up as the watermark passes them, each once', async () => {
    const survey = await liveSurvey('Two weeks in');
    const day = 86_400_000;
    await asAdmin
      .put(`${ws}/customers/newbie`, {
        name: 'Newbie',
        email: 'newbie@example.test',
        firstSeenAt: new Date(Date.now() - 14 * day + 60_000).toISOString(),
      })
      .expect(201);
    const res = await send(survey.id, { audience: 'event', event: { kind: 'signup', delayDays: 14 } }).expect(201);
    expect(res.body.send.status).toBe('active');
    // newbie's 14 days are not up yet
    await runInvitations();
    expect((await asAdmin.get(`${ws}/surveys/${survey.id}/sends/${res.body.send.id}`).expect(200)).body.recipientsTotal).toBe(0);
    // …two minutes later they are (moved in the database instead of waiting)
    await db.query(
      `UPDATE customers SET first_seen_at = first_seen_at - interval '2 minutes' WHERE workspace_id = $1 AND external_id = 'newbie'`,
      [admin.workspaceId],
    );
    await db.query(`UPDATE survey_sends SET watermark = watermark - interval '2 minutes' WHERE id = $1`, [res.body.send.id]);
    await runInvitations();
    await runInvitations();
    await mail.waitFor('newbie@example.test');
    const after = (await asAdmin.get(`${ws}/surveys/${survey.id}/sends/${res.body.send.id}`).expect(200)).body;
    expect(after).toMatchObject({ recipientsTotal: 1, status: 'active', stats: { invited: 1 } });
    const stopped = await asAdmin.post(`${ws}/surveys/${survey.id}/sends/${res.body.send.id}/stop`).expect(200);
    expect(stopped.body.status).toBe('stopped');
    const list = (await asAdmin.get(`${ws}/surveys/${survey.id}/sends`).expect(200)).body;
    expect(list.map((s: { id: string }) => s.id)).toEqual([res.body.send.id]);
    await waitUntil(
      async () => mailsTo('newbie@example.test').length,
      (n) => n === 1,
    );
  });
});

describe('an event send never reaches into the past', () => {
  it('refuses a start more than 5 minutes ago, and an old start never invites the history', async () => {
    const survey = await liveSurvey('Welcome survey');
    const day = 86_400_000;
    await asAdmin
      .put(`${ws}/customers/oldtimer`, {
        name: 'Oldtimer',
        email: 'oldtimer@example.test',
        firstSeenAt: new Date(Date.now() - 300 * day).toISOString(),
      })
      .expect(201);
    const sends = () => db.query(`SELECT count(*)::int AS n FROM survey_sends WHERE survey_id = $1`, [survey.id]);
    const refused = await send(survey.id, {
      audience: 'event',
      event: { kind: 'signup', delayDays: 0 },
      scheduledAt: '1970-01-01T00:00:00Z',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'validation_failed', details: [{ field: 'scheduledAt' }] });
    expect(refused.body.error.message).toContain('scheduledAt must not be in the past');
    const listRefused = await send(survey.id, { audience: 'list', list: ['anna'], scheduledAt: new Date(Date.now() - day).toISOString() });
    expect(listRefused.status).toBe(400);
    expect(await sends()).toEqual([{ n: 0 }]);

    // A minute behind is a clock, not the past: accepted. Its start moved to 1970 in the database (a send made before
    // this check): the first window still starts when the send was made, so the oldtimer's sign-up is not in it.
    const res = await send(survey.id, {
      audience: 'event',
      event: { kind: 'signup', delayDays: 0 },
      scheduledAt: new Date(Date.now() - 60_000).toISOString(),
    }).expect(201);
    await db.query(`UPDATE survey_sends SET scheduled_at = '1970-01-01T00:00:00Z' WHERE id = $1`, [res.body.send.id]);
    await runInvitations();
    const after = (await asAdmin.get(`${ws}/surveys/${survey.id}/sends/${res.body.send.id}`).expect(200)).body;
    expect(after).toMatchObject({ status: 'active', recipientsTotal: 0 });
    expect(mailsTo('oldtimer@example.test')).toHaveLength(0);
  });
});

describe('the sends list of a big survey', () => {
  it('counts a send of 70,000 invited recipients in the database, and pages the sends', async () => {
    const survey = await liveSurvey('Everyone NPS');
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    const older = await send(survey.id, { audience: 'list', list: ['walkin-old@example.test'], scheduledAt: tomorrow }).expect(201);
    const big = await send(survey.id, { audience: 'list', list: ['walkin-big@example.test'], scheduledAt: tomorrow }).expect(201);
    // More invited recipients than Postgres takes parameters in one statement (65,535).
    await db.query(
      `INSERT INTO survey_send_recipients (workspace_id, send_id, survey_id, address, language, token, status, invited_at)
       SELECT $1, $2, $3, 'bulk' || i || '@example.test', 'en', 'bulk' || lpad(i::text, 20, '0'), 'invited', now()
       FROM generate_series(1, 70000) AS i`,
      [admin.workspaceId, big.body.send.id, survey.id],
    );
    const one = await asAdmin.get(`${ws}/surveys/${survey.id}/sends/${big.body.send.id}`);
    expect(one.status, JSON.stringify(one.body)).toBe(200);
    expect(one.body.stats).toMatchObject({ recipients: 70001, invited: 70000, queued: 0, sent: 0, answered: 0, responseRate: 0 });
    const all = await asAdmin.get(`${ws}/surveys/${survey.id}/sends`);
    expect(all.status, JSON.stringify(all.body)).toBe(200);
    expect(all.body.map((s: { id: string }) => s.id)).toEqual([big.body.send.id, older.body.send.id]);
    expect(all.body[0].stats).toMatchObject({ invited: 70000 });

    const first = (await asAdmin.get(`${ws}/surveys/${survey.id}/sends?limit=1`).expect(200)).body;
    expect(first.map((s: { id: string }) => s.id)).toEqual([big.body.send.id]);
    const second = (await asAdmin.get(`${ws}/surveys/${survey.id}/sends?limit=1&offset=1`).expect(200)).body;
    expect(second.map((s: { id: string }) => s.id)).toEqual([older.body.send.id]);
    const bad = await asAdmin.get(`${ws}/surveys/${survey.id}/sends?limit=0`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    await db.query(`DELETE FROM survey_send_recipients WHERE send_id = $1 AND token LIKE 'bulk%'`, [big.body.send.id]);
  }, 60_000);
});

describe('a segment send starts in one transaction', () => {
  it('a failure while its recipients are added leaves it scheduled, and a later turn starts it whole', async () => {
    const survey = await liveSurvey('Everyone CSAT', 'csat');
    const segment = (await asAdmin.post(`${ws}/segments`, { name: 'Everyone', rules: [] }).expect(201)).body.id;
    // Made for tomorrow (so the job woken by its creation leaves it), then due now.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    const made = await send(survey.id, { audience: 'segment', segmentId: segment, scheduledAt: tomorrow }).expect(201);
    await runInvitations(); // the turns woken by earlier tests are over
    await db.query(`UPDATE survey_sends SET scheduled_at = now() WHERE id = $1`, [made.body.send.id]);
    const row = async () =>
      (await db.query(`SELECT status, recipients_total FROM survey_sends WHERE id = $1`, [made.body.send.id]))[0] as object;
    const spy = vi.spyOn(t.app.get(SurveySendsRepository), 'insertRecipients').mockRejectedValueOnce(new Error('the process died here'));
    try {
      await runInvitations();
    } finally {
      spy.mockRestore();
    }
    // Not `sending` with no recipients, not `sent` with them missing: the claim was rolled back with the insert.
    expect(await row()).toEqual({ status: 'scheduled', recipients_total: 0 });
    await runInvitations();
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM customers WHERE workspace_id = $1`, [admin.workspaceId]);
    const after = (await asAdmin.get(`${ws}/surveys/${survey.id}/sends/${made.body.send.id}`).expect(200)).body;
    expect(after).toMatchObject({ status: 'sent', recipientsTotal: n, recipientsProcessed: n });
  });
});
