/**
 * One contact policy (issue 18): the communication guard (open complaint, N days after a cancellation or an SLA
 * breach, withdrawn consent) as the contact-guard API answers it, its started/ended webhooks, and the contact
 * frequency across surveys on the widget path (config and displays), with the link page and an exempt survey.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobRunner } from '@otklik/backend/src/common/jobs/job-runner';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';
import { startWebhookReceiver, WebhookReceiver } from '../support/webhook-receiver';

let t: TestApp;
let db: DataSource;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let ws: string;
let receiver: WebhookReceiver;
let identitySecret: string;

const DAY = 86_400_000;
const hashOf = (customerId: string) => createHmac('sha256', identitySecret).update(customerId).digest('hex');
const guard = (customerId: string, purpose: string, as: LoggedIn = asAdmin) =>
  as.get(`${ws}/customers/${encodeURIComponent(customerId)}/contact-guard?purpose=${purpose}`);
const decision = async (customerId: string, purpose: string) => (await guard(customerId, purpose).expect(200)).body;
const ALLOWED = { allowed: true, reasons: [] };

async function openCase(customerId: string): Promise<string> {
  const res = await asAdmin.post(`${ws}/cases`, { title: `Complaint of ${customerId}`, customerId });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}
const closeCase = (id: string) =>
  asAdmin.post(`${ws}/cases/${id}/close`, { rootCause: 'Courier lost it', actionTaken: 'Refunded' }).expect(200);
const syncGuards = () => t.app.get(JobRunner).runNow('contact-guard');
const guardEvents = (customerId: string, type: string) =>
  receiver.accepted().filter((w) => w.json.type === type && (w.json.data.customer as { externalId: string }).externalId === customerId);

beforeAll(async () => {
  t = await startTestApp({ webhookAllowedNetworks: ['127.0.0.0/8'], webhookPollMs: 50 });
  db = t.app.get(DataSource);
  admin = await t.seedAdmin('Contact policy Ltd');
  asAdmin = await t.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
  identitySecret = (await asAdmin.get(`${ws}/identity-secret`).expect(200)).body.secret;
  receiver = await startWebhookReceiver();
  await asAdmin.post(`${ws}/webhooks`, { url: receiver.url, events: ['customer.guard_started', 'customer.guard_ended'] }).expect(201);
});
afterAll(async () => {
  await receiver?.close();
  await t?.close();
});

describe('settings', () => {
  it('starts from the defaults; an admin saves; a viewer and hostile input change nothing', async () => {
    expect((await asAdmin.get(`${ws}/contact-policy`).expect(200)).body).toEqual({
      frequencyDays: 30,
      guardEnabled: true,
      guardOpenComplaints: true,
      cancellationDays: 30,
      slaBreachDays: 14,
      isDefault: true,
      updatedAt: null,
      updatedBy: null,
    });
    const viewer = await t.createUser();
    await t.addMember(admin.workspaceId, viewer.userId, 'viewer');
    const asViewer = await t.login(viewer.email, viewer.password);
    const valid = { frequencyDays: 30, guardEnabled: true, guardOpenComplaints: true, cancellationDays: 30, slaBreachDays: 14 };
    await asViewer.put(`${ws}/contact-policy`, valid).expect(403);
    for (const bad of [
      { ...valid, frequencyDays: 366 },
      { ...valid, cancellationDays: -1 },
      { ...valid, slaBreachDays: 1.5 },
      { ...valid, guardEnabled: 'yes' },
      { frequencyDays: 30 },
    ]) {
      const res = await asAdmin.put(`${ws}/contact-policy`, bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    expect((await asAdmin.get(`${ws}/contact-policy`).expect(200)).body.isDefault).toBe(true);
    const saved = (await asAdmin.put(`${ws}/contact-policy`, valid).expect(200)).body;
    expect(saved).toMatchObject({ ...valid, isDefault: false, updatedBy: { id: admin.userId } });
  });
});

describe('the communication guard', () => {
  it('refuses a survey and marketing during an open complaint, allows service, and allows all once it closes', async () => {
    const caseId = await openCase('anna');
    const refused = { allowed: false, reasons: [{ code: 'open_complaint', until: null, caseId }] };
    expect(await decision('anna', 'survey')).toEqual(refused);
    expect(await decision('anna', 'marketing')).toEqual(refused);
    expect(await decision('anna', 'service')).toEqual(ALLOWED);

    await closeCase(caseId);
    expect(await decision('anna', 'survey')).toEqual(ALLOWED);
    expect(await decision('anna', 'marketing')).toEqual(ALLOWED);
  });

  it('announces guard_started and guard_ended once each per transition', async () => {
    const caseId = await openCase('boris');
    await syncGuards();
    await syncGuards();
    const [started] = await receiver.waitFor(
      1,
      (w) => w.json.type === 'customer.guard_started' && JSON.stringify(w.json.data).includes('boris'),
    );
    expect(started.json.data).toMatchObject({
      customer: { externalId: 'boris' },
      reasons: [{ code: 'open_complaint', until: null, caseId }],
    });
    const profile = (await asAdmin.get(`${ws}/customers/boris/contact-policy`).expect(200)).body;
    expect(profile.guardedSince).toBe(started.json.data.startedAt);

    await closeCase(caseId);
    await syncGuards();
    await syncGuards();
    const [ended] = await receiver.waitFor(
      1,
      (w) => w.json.type === 'customer.guard_ended' && JSON.stringify(w.json.data).includes('boris'),
    );
    expect(ended.json.data).toMatchObject({ customer: { externalId: 'boris' }, reasons: [{ code: 'open_complaint', caseId }] });
    // Give the dispatcher time to deliver anything extra, then count.
    await new Promise((r) => setTimeout(r, 400));
    expect(guardEvents('boris', 'customer.guard_started')).toHaveLength(1);
    expect(guardEvents('boris', 'customer.guard_ended')).toHaveLength(1);
    expect((await asAdmin.get(`${ws}/customers/boris/contact-policy`).expect(200)).body.guardedSince).toBeNull();
  });

  it('holds for N days after a cancellation and after an SLA breach, by the saved periods', async () => {
    const flow = (await asAdmin.post(`${ws}/churn/flows`, { name: 'Leaving', languages: ['en'] }).expect(201)).body;
    const finishedAt = new Date(Date.now() - 10 * DAY);
    const cancel = (customerId: string, at: Date) =>
      db.query(
        `INSERT INTO cancellations (workspace_id, flow_id, idempotency_key, customer_external_id, customer_verified, outcome, finished_at)
         VALUES ($1, $2, $3, $4, true, 'cancelled', $5)`,
        [admin.workspaceId, flow.id, randomUUID(), customerId, at],
      );
    await cancel('vera', finishedAt);
    await cancel('gleb', new Date(Date.now() - 31 * DAY));
    const cancelled = {
      allowed: false,
      reasons: [{ code: 'recent_cancellation', until: new Date(finishedAt.getTime() + 30 * DAY).toISOString() }],
    };
    expect(await decision('vera', 'marketing')).toEqual(cancelled);
    expect(await decision('vera', 'survey')).toEqual(cancelled);
    expect(await decision('vera', 'service')).toEqual(ALLOWED);
    expect(await decision('gleb', 'marketing')).toEqual(ALLOWED);

    const breached = await openCase('dina');
    await closeCase(breached);
    const breachedAt = new Date(Date.now() - 3 * DAY);
    await db.query(`UPDATE cases SET breached_resolution_at = $3 WHERE workspace_id = $1 AND id = $2`, [
      admin.workspaceId,
      breached,
      breachedAt,
    ]);
    expect(await decision('dina', 'marketing')).toEqual({
      allowed: false,
      reasons: [{ code: 'recent_sla_breach', until: new Date(breachedAt.getTime() + 14 * DAY).toISOString(), caseId: breached }],
    });

    // Shorter periods: 10 days after the cancellation and 3 after the breach are past them.
    const policy = { frequencyDays: 30, guardEnabled: true, guardOpenComplaints: true, cancellationDays: 7, slaBreachDays: 2 };
    await asAdmin.put(`${ws}/contact-policy`, policy).expect(200);
    expect(await decision('vera', 'marketing')).toEqual(ALLOWED);
    expect(await decision('dina', 'marketing')).toEqual(ALLOWED);
    // The guard switched off entirely: an open complaint no longer holds anything.
    await asAdmin.put(`${ws}/contact-policy`, { ...policy, cancellationDays: 30, slaBreachDays: 14, guardEnabled: false }).expect(200);
    const open = await openCase('ella');
    expect(await decision('ella', 'marketing')).toEqual(ALLOWED);
    await asAdmin.put(`${ws}/contact-policy`, { ...policy, cancellationDays: 30, slaBreachDays: 14 }).expect(200);
    expect(await decision('ella', 'marketing')).toEqual({
      allowed: false,
      reasons: [{ code: 'open_complaint', until: null, caseId: open }],
    });
    expect(await decision('vera', 'marketing')).toEqual(cancelled);
  });

  it('refuses the purpose whose consent was withdrawn (consent_withdrawn), and only that one', async () => {
    const at = '2026-11-01T10:00:00.000Z';
    await asAdmin
      .put(`${ws}/customers/fedor`, {
        consents: { marketing: { granted: false, at, source: 'unsubscribe link' }, survey: { granted: true, at, source: 'signup' } },
      })
      .expect((res) => expect([200, 201]).toContain(res.status));
    expect(await decision('fedor', 'marketing')).toEqual({ allowed: false, reasons: [{ code: 'consent_withdrawn', until: null }] });
    expect(await decision('fedor', 'survey')).toEqual(ALLOWED);
    expect(await decision('fedor', 'service')).toEqual(ALLOWED);
  });

  it('answers a customer it never saw as allowed; refuses a bad purpose, a bad id, other workspaces and tokens without customers:read', async () => {
    expect(await decision('never-seen', 'marketing')).toEqual(ALLOWED);
    for (const purpose of ['spam', '', 'SURVEY']) {
      const res = await guard('anna', purpose);
      expect(res.status, purpose).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    expect((await asAdmin.get(`${ws}/customers/anna/contact-guard`)).status).toBe(400);
    expect((await guard('x'.repeat(201), 'survey')).status).toBe(400);

    const stranger = await t.seedAdmin('Elsewhere');
    const asStranger = await t.login(stranger.email, stranger.password);
    expect((await guard('anna', 'survey', asStranger)).status).toBe(404);
    expect((await asStranger.get(`${ws}/contact-policy`)).status).toBe(404);
    expect((await asStranger.get(`${ws}/customers/anna/contact-policy`)).status).toBe(404);

    const token = async (scopes: string[]) =>
      `Bearer ${(await asAdmin.post(`${ws}/api-tokens`, { name: `crm ${scopes}`, scopes }).expect(201)).body.secret}`;
    const reader = await token(['customers:read']);
    const surveysOnly = await token(['surveys:read']);
    const res = await t.http().get(`${ws}/customers/ella/contact-guard?purpose=marketing`).set('Authorization', reader).expect(200);
    expect(res.body.reasons[0].code).toBe('open_complaint');
    await t.http().get(`${ws}/customers/ella/contact-guard?purpose=marketing`).set('Authorization', surveysOnly).expect(403);
    await t.http().put(`${ws}/contact-policy`).set('Authorization', reader).send({ frequencyDays: 0 }).expect(403);
  });
});

describe('contact frequency on the widget path', () => {
  type Survey = { id: string; key: string };
  const survey = async (name: string, extra: object = {}): Promise<Survey> => {
    const rules = { trigger: 'page_load', samplePercent: 100, recontactDays: 0, stopAfterResponse: false };
    const created = await asAdmin.post(`${ws}/surveys`, { name, kind: 'nps', displayRules: rules, ...extra }).expect(201);
    await asAdmin.patch(`${ws}/surveys/${created.body.id}`, { status: 'live' }).expect(200);
    return { id: created.body.id, key: created.body.publicKey };
  };
  const config = async (s: Survey, customerId: string, opts: { signed?: boolean; via?: string } = {}) => {
    const query = new URLSearchParams({ respondentId: `r-${randomUUID()}`, customerId });
    if (opts.signed !== false) query.set('customerHash', hashOf(customerId));
    if (opts.via) query.set('via', opts.via);
    return (await t.http().get(`/api/v1/public/surveys/${s.key}?${query}`).expect(200)).body as {
      eligible: boolean;
      ineligibleReason?: string;
    };
  };
  const display = (s: Survey, customerId: string, opts: { signed?: boolean; via?: string } = {}) =>
    t
      .http()
      .post(`/api/v1/public/surveys/${s.key}/displays`)
      .send({
        idempotencyKey: randomUUID(),
        respondentId: `r-${randomUUID()}`,
        customerId,
        ...(opts.signed !== false ? { customerHash: hashOf(customerId) } : {}),
        ...(opts.via ? { via: opts.via } : {}),
      });
  const contacts = (customerId: string): Promise<{ survey_id: string; channel: string; contacted_at: Date }[]> =>
    db.query(
      `SELECT survey_id, channel, contacted_at FROM customer_survey_contacts WHERE workspace_id = $1 AND customer_external_id = $2 ORDER BY contacted_at`,
      [admin.workspaceId, customerId],
    );

  let a: Survey;
  let b: Survey;
  let exempt: Survey;
  beforeAll(async () => {
    a = await survey('After delivery');
    b = await survey('Quarterly NPS');
    exempt = await survey('Order feedback', { contactPolicyExempt: true });
  });

  it('asks a customer once per 30 days across two surveys; the exempt survey still shows; the link still answers', async () => {
    expect((await asAdmin.get(`${ws}/surveys/${exempt.id}`).expect(200)).body.contactPolicyExempt).toBe(true);
    expect(await config(a, 'gala')).toMatchObject({ eligible: true });
    expect(await config(b, 'gala')).toMatchObject({ eligible: true });
    expect((await display(a, 'gala')).status).toBe(201);

    expect(await config(b, 'gala')).toEqual(expect.objectContaining({ eligible: false, ineligibleReason: 'contact_policy' }));
    const refused = await display(b, 'gala');
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('contact_policy');
    expect(await config(exempt, 'gala')).toMatchObject({ eligible: true });

    const [first] = await contacts('gala');
    expect(first).toMatchObject({ survey_id: a.id, channel: 'widget' });
    const until = new Date(first.contacted_at.getTime() + 30 * DAY).toISOString();
    expect(await decision('gala', 'survey')).toEqual({ allowed: false, reasons: [{ code: 'contacted_recently', until }] });
    expect(await decision('gala', 'marketing')).toEqual(ALLOWED);

    // The hosted link page: a customer who was sent a link may answer it; the ask is recorded, not refused.
    expect(await config(b, 'gala', { via: 'link' })).toMatchObject({ eligible: true });
    expect((await display(b, 'gala', { via: 'link' })).status).toBe(201);
    expect((await contacts('gala')).map((c) => [c.survey_id, c.channel])).toEqual([
      [a.id, 'widget'],
      [b.id, 'link'],
    ]);
    const profile = (await asAdmin.get(`${ws}/customers/gala/contact-policy`).expect(200)).body;
    expect(profile.lastAsked).toMatchObject({ surveyId: b.id, surveyName: 'Quarterly NPS', channel: 'link' });

    // 31 days later the next survey may ask again.
    await db.query(
      `UPDATE customer_survey_contacts SET contacted_at = contacted_at - interval '31 days' WHERE workspace_id = $1 AND customer_external_id = $2`,
      [admin.workspaceId, 'gala'],
    );
    expect(await config(b, 'gala')).toMatchObject({ eligible: true });
    expect(await decision('gala', 'survey')).toEqual(ALLOWED);
  });

  it('learns nothing and records nothing for an unproven customer id', async () => {
    expect((await display(a, 'hana')).status).toBe(201);
    // Without the hash nothing about hana is revealed, and an unproven display cannot silence a real customer.
    expect(await config(b, 'hana', { signed: false })).toMatchObject({ eligible: true });
    expect((await display(b, 'ivan', { signed: false })).status).toBe(201);
    expect(await contacts('ivan')).toEqual([]);
  });

  it('lets one of two surveys shown at the same moment through', async () => {
    const results = await Promise.all([display(a, 'yana'), display(b, 'yana')]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await contacts('yana')).toHaveLength(1);
  });

  it('keeps surveys from a guarded customer, exempt ones included', async () => {
    await openCase('zoya');
    expect(await config(exempt, 'zoya')).toEqual(expect.objectContaining({ eligible: false, ineligibleReason: 'contact_policy' }));
    expect((await display(exempt, 'zoya')).status).toBe(409);
    expect(await contacts('zoya')).toEqual([]);
  });
});
