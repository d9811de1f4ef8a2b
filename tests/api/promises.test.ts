/**
 * The promise register (issue 17): due times on the SLA business clock (a weekend and a holiday), the reminder and
 * the escalation fired by the job with an injected clock, kept / late / broken rates per person, team, touchpoint
 * and month on a scripted set, tenancy, roles and token scopes, hostile input and races.
 */
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PromiseDeadlinesJob } from '@otklik/backend/src/promises/promise-deadlines.job';
import type { PromiseReportDto } from '@otklik/backend/src/promises/promises.dto';
import { PromisesService, type CreatePromiseInput } from '@otklik/backend/src/promises/promises.service';
import { LoggedIn, SeededAdmin, SeededUser, startTestApp, TestApp } from '../support/app';
import { startWebhookReceiver, WebhookReceiver } from '../support/webhook-receiver';

let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let ws: string;
let lead: SeededUser; // owns the Delivery touchpoint
let backup: SeededUser; // its backup owner
let agent: SeededUser; // an analyst who makes promises
let agent2: SeededUser;
let viewer: SeededUser;
let receiver: WebhookReceiver;
let policyId: string;
const tp: Record<string, string> = {};

const db = () => t.app.get(DataSource);
const service = () => t.app.get(PromisesService);
const job = () => t.app.get(PromiseDeadlinesJob);

async function touchpoint(
  workspaceId: string,
  name: string,
  values: { ownerId?: string; backupOwnerId?: string; teamIds?: string[]; slaPolicyId?: string },
) {
  const rows = await db().query(
    `INSERT INTO touchpoints (workspace_id, name, stage, channel, owner_id, backup_owner_id, team_ids, sla_policy_id)
     VALUES ($1, $2, 'buying', 'email', $3, $4, $5, $6) RETURNING id`,
    [workspaceId, name, values.ownerId ?? null, values.backupOwnerId ?? null, values.teamIds ?? [], values.slaPolicyId ?? null],
  );
  return rows[0].id as string;
}

/** Friday 4 December 2026, 16:00 in Moscow (UTC+3): two working hours left before the weekend. */
const FRIDAY_16 = new Date('2026-12-04T13:00:00Z');

const make = (input: Partial<CreatePromiseInput>, now: Date, userId: string = agent.userId, workspaceId = admin.workspaceId) =>
  service().create(
    workspaceId,
    { kind: 'user', userId },
    { text: 'Call the customer back', source: 'manual', customerExternalId: 'cust-1', ...input },
    now,
  );

beforeAll(async () => {
  // The background loop is slowed to an hour: the tests run the deadline job themselves, with their own clock.
  t = await startTestApp({ webhookAllowedNetworks: ['127.0.0.0/8'], webhookPollMs: 50, caseSyncMs: 3_600_000 });
  admin = await t.seedAdmin('Promise Desk');
  asAdmin = await t.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
  [lead, backup, agent, agent2, viewer] = await Promise.all([
    t.createUser(),
    t.createUser(),
    t.createUser(),
    t.createUser(),
    t.createUser(),
  ]);
  await t.addMember(admin.workspaceId, lead.userId, 'owner');
  await t.addMember(admin.workspaceId, backup.userId, 'owner');
  await t.addMember(admin.workspaceId, agent.userId, 'analyst');
  await t.addMember(admin.workspaceId, agent2.userId, 'analyst');
  await t.addMember(admin.workspaceId, viewer.userId, 'viewer');
  // Moscow office week 09:00–18:00 with Monday 7 December a holiday.
  policyId = (
    await asAdmin
      .post(`${ws}/sla-policies`, {
        name: 'Delivery desk',
        calendar: {
          timeZone: 'Europe/Moscow',
          workingHours: Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ start: '09:00', end: '18:00' }]])),
          holidays: ['2026-12-07'],
        },
      })
      .expect(201)
  ).body.id;
  tp.delivery = await touchpoint(admin.workspaceId, 'Delivery', {
    ownerId: lead.userId,
    backupOwnerId: backup.userId,
    slaPolicyId: policyId,
  });
  tp.shop = await touchpoint(admin.workspaceId, 'Shop', {});
  receiver = await startWebhookReceiver();
  await asAdmin.post(`${ws}/webhooks`, { url: receiver.url, events: ['promise.overdue'] }).expect(201);
});
afterAll(async () => {
  await receiver?.close();
  await t?.close();
});

describe('due times on the SLA business clock', () => {
  it('counts business hours and days across the weekend and the holiday of the case’s policy', async () => {
    // Friday 16:00 + 5 business hours: Friday 16–18 (2 h), Monday is a holiday, Tuesday 09:00 + 3 h = 12:00 MSK.
    const hours = await make({ touchpointId: tp.delivery, dueIn: { amount: 5, unit: 'hours' } }, FRIDAY_16);
    expect(hours.dueAt.toISOString()).toBe('2026-12-08T09:00:00.000Z');
    // Reminder 2 business hours before: 3 h after Friday 16:00 = Friday 2 h + Tuesday 1 h → Tuesday 10:00 MSK.
    expect(hours.remindAt!.toISOString()).toBe('2026-12-08T07:00:00.000Z');
    // 1 business day = 9 h: Friday 2 h + Tuesday 7 h → Tuesday 16:00 MSK.
    const day = await make({ touchpointId: tp.delivery, dueIn: { amount: 1, unit: 'days' } }, FRIDAY_16);
    expect(day.dueAt.toISOString()).toBe('2026-12-08T13:00:00.000Z');
    // 5 business days = 45 h: Fri 2 + Tue 9 + Wed 9 + Thu 9 + Fri 9 = 38, Monday 14th 7 h → 16:00 MSK.
    const week = await make({ touchpointId: tp.delivery, dueIn: { amount: 5, unit: 'days' } }, FRIDAY_16);
    expect(week.dueAt.toISOString()).toBe('2026-12-14T13:00:00.000Z');
    // Without a touchpoint: the workspace default (Moscow office week, no holiday) → Monday 12:00 MSK.
    const plain = await make({ dueIn: { amount: 5, unit: 'hours' } }, FRIDAY_16);
    expect(plain.dueAt.toISOString()).toBe('2026-12-07T09:00:00.000Z');
    expect(plain.remindAt!.toISOString()).toBe('2026-12-07T07:00:00.000Z');
  });

  it('a promise from a case runs on the policy the case opened under', async () => {
    const opened = (
      await asAdmin.post(`${ws}/cases`, { title: 'Parcel lost', touchpointId: tp.delivery, customerId: 'cust-case' }).expect(201)
    ).body;
    const p = await make({ caseId: opened.id, customerExternalId: undefined, dueIn: { amount: 5, unit: 'hours' } }, FRIDAY_16);
    expect(p.dueAt.toISOString()).toBe('2026-12-08T09:00:00.000Z');
    expect(p.customerExternalId).toBe('cust-case');
    expect(p.touchpointId).toBe(tp.delivery);
    // Less than two business hours left: no reminder, the owner has just promised.
    const soon = await make({ caseId: opened.id, dueIn: { amount: 1, unit: 'hours' } }, FRIDAY_16);
    expect(soon.dueAt.toISOString()).toBe('2026-12-04T14:00:00.000Z');
    expect(soon.remindAt).toBeNull();
  });
});

describe('reminders and escalation (the job with an injected clock)', () => {
  let escalationWs: SeededAdmin;
  beforeAll(async () => {
    escalationWs = await t.seedAdmin('Escalations');
    for (const u of [lead, backup, agent]) await t.addMember(escalationWs.workspaceId, u.userId, 'analyst');
  });

  it('reminds once at the reminder time and escalates once at the due time to the right lead', async () => {
    const w = escalationWs.workspaceId;
    const policy = (await db().query(`SELECT id FROM sla_policies WHERE workspace_id = $1`, [w])) as { id: string }[];
    expect(policy).toHaveLength(0); // the built-in default calendar (Moscow office week) applies
    const desk = await touchpoint(w, 'Desk', { ownerId: lead.userId, backupOwnerId: backup.userId });
    const byAgent = await make({ touchpointId: desk, dueIn: { amount: 5, unit: 'hours' } }, FRIDAY_16, agent.userId, w);
    const byLead = await make({ touchpointId: desk, dueIn: { amount: 5, unit: 'hours' } }, FRIDAY_16, lead.userId, w);
    const noPlace = await make({ dueIn: { amount: 5, unit: 'hours' } }, FRIDAY_16, agent.userId, w);
    // Due Monday 12:00 MSK (09:00Z), reminded Monday 10:00 MSK (07:00Z).
    expect(byAgent.remindAt!.toISOString()).toBe('2026-12-07T07:00:00.000Z');

    expect(await job().run(new Date('2026-12-07T06:59:00Z'), w)).toEqual({ reminded: 0, escalated: 0 });
    expect(await job().run(new Date('2026-12-07T07:00:00Z'), w)).toEqual({ reminded: 3, escalated: 0 });
    expect(await job().run(new Date('2026-12-07T07:30:00Z'), w)).toEqual({ reminded: 0, escalated: 0 });
    // One minute before due: nothing; at due: all three, once.
    expect(await job().run(new Date('2026-12-07T08:59:00Z'), w)).toEqual({ reminded: 0, escalated: 0 });
    const [a, b] = await Promise.all([job().run(new Date('2026-12-07T09:00:00Z'), w), job().run(new Date('2026-12-07T09:00:00Z'), w)]);
    expect(a.escalated + b.escalated).toBe(3);
    expect(await job().run(new Date('2026-12-07T10:00:00Z'), w)).toEqual({ reminded: 0, escalated: 0 });

    const row = async (id: string) =>
      (await db().query(`SELECT escalated_to, escalated_at, reminded_at FROM promises WHERE workspace_id = $1 AND id = $2`, [w, id]))[0];
    // The agent's lead is the touchpoint owner; the owner's own promise goes to the backup owner; none → admins.
    expect((await row(byAgent.id)).escalated_to).toBe(lead.userId);
    expect((await row(byLead.id)).escalated_to).toBe(backup.userId);
    expect((await row(noPlace.id)).escalated_to).toBeNull();
    expect((await row(noPlace.id)).escalated_at.toISOString()).toBe('2026-12-07T09:00:00.000Z');
  });

  it('escalation writes a case event and sends promise.overdue', async () => {
    const opened = (
      await asAdmin.post(`${ws}/cases`, { title: 'Refund late', touchpointId: tp.delivery, customerId: 'cust-r' }).expect(201)
    ).body;
    const p = await make({ caseId: opened.id, text: 'Refund within 5 days', dueIn: { amount: 5, unit: 'days' } }, FRIDAY_16, agent.userId);
    expect(await job().run(new Date('2026-12-14T13:00:00Z'), admin.workspaceId)).toMatchObject({ escalated: expect.any(Number) });
    const detail = (await asAdmin.get(`${ws}/cases/${opened.id}`).expect(200)).body;
    const kinds = detail.events.map((e: { kind: string }) => e.kind);
    expect(kinds).toContain('promise_made');
    expect(kinds).toContain('promise_overdue');
    expect(detail.events.find((e: { kind: string }) => e.kind === 'promise_overdue').details).toMatchObject({
      promiseId: p.id,
      escalatedTo: lead.userId,
      notified: [lead.userId],
    });
    const [hook] = await receiver.waitFor(1, (h) => h.json.type === 'promise.overdue' && h.json.data.promiseId === p.id);
    expect(hook.json.data).toMatchObject({ text: 'Refund within 5 days', dueAt: '2026-12-14T13:00:00.000Z', caseId: opened.id });
    const shown = (await asAdmin.get(`${ws}/promises/${p.id}`).expect(200)).body;
    expect(shown).toMatchObject({ escalatedAt: '2026-12-14T13:00:00.000Z', escalatedTo: { id: lead.userId } });
  });
});

describe('kept / late / broken rates', () => {
  let report: PromiseReportDto;
  let people: SeededUser[];
  beforeAll(async () => {
    const rw = await t.seedAdmin('Rates');
    const w = rw.workspaceId;
    people = [await t.createUser({ name: 'Anna' }), await t.createUser({ name: 'Boris' })];
    for (const u of people) await t.addMember(w, u.userId, 'analyst');
    const [anna, boris] = people;
    const t1 = await touchpoint(w, 'Couriers', { teamIds: [anna.userId, boris.userId] });
    const t2 = await touchpoint(w, 'Refunds', { teamIds: [boris.userId, anna.userId] });
    await touchpoint(w, 'Idle', { teamIds: [boris.userId] });
    const created = new Date('2026-11-01T08:00:00Z');
    const script: { who: SeededUser; tp: string; due: string; outcome?: 'kept' | 'broken' | 'cancelled'; at?: string }[] = [
      { who: anna, tp: t1, due: '2026-11-10T12:00:00Z', outcome: 'kept', at: '2026-11-09T12:00:00Z' }, // on time
      { who: anna, tp: t1, due: '2026-11-12T12:00:00Z', outcome: 'kept', at: '2026-11-13T12:00:00Z' }, // late
      { who: anna, tp: t1, due: '2026-11-20T12:00:00Z', outcome: 'broken', at: '2026-11-21T12:00:00Z' },
      { who: anna, tp: t1, due: '2026-11-25T12:00:00Z', outcome: 'kept', at: '2026-11-25T11:59:00Z' }, // on time
      { who: boris, tp: t2, due: '2026-11-05T12:00:00Z', outcome: 'kept', at: '2026-11-05T12:00:00Z' }, // at due = on time
      { who: boris, tp: t2, due: '2026-11-15T12:00:00Z', outcome: 'broken', at: '2026-11-16T12:00:00Z' },
      { who: boris, tp: t2, due: '2026-11-18T12:00:00Z', outcome: 'cancelled', at: '2026-11-10T12:00:00Z' }, // not counted
      { who: boris, tp: t2, due: '2026-12-02T12:00:00Z' }, // open, overdue now
      { who: boris, tp: t2, due: '2026-10-20T12:00:00Z', outcome: 'broken', at: '2026-10-21T12:00:00Z' }, // before the period
    ];
    for (const s of script) {
      const at = new Date(Math.min(created.getTime(), Date.parse(s.due)) - 3600_000);
      const p = await make({ touchpointId: s.tp, dueAt: new Date(s.due) }, at, s.who.userId, w);
      if (s.outcome) await service().resolve(w, p.id, { kind: 'user', userId: s.who.userId }, { outcome: s.outcome }, new Date(s.at!));
    }
    const asRates = await t.login(rw.email, rw.password);
    report = (await asRates.get(`/api/v1/workspaces/${w}/promises/report?from=2026-11-01&to=2026-12-06`).expect(200)).body;
  });

  it('totals: 3 kept on time, 1 late, 2 broken of 6 decided; cancelled and earlier promises left out', () => {
    expect(report.totals).toEqual({
      total: 7,
      decided: 6,
      keptOnTime: 3,
      late: 1,
      broken: 2,
      open: 1,
      overdue: 1,
      keptRate: 0.5,
      lateRate: 0.1667,
      brokenRate: 0.3333,
    });
  });

  it('per person and touchpoint', () => {
    const anna = report.people.find((g: { name: string }) => g.name === 'Anna');
    expect(anna).toMatchObject({ decided: 4, keptOnTime: 2, late: 1, broken: 1, keptRate: 0.5, lateRate: 0.25, brokenRate: 0.25 });
    const boris = report.people.find((g: { name: string }) => g.name === 'Boris');
    expect(boris).toMatchObject({
      total: 3,
      decided: 2,
      keptOnTime: 1,
      late: 0,
      broken: 1,
      open: 1,
      overdue: 1,
      keptRate: 0.5,
      brokenRate: 0.5,
    });
    expect(report.touchpoints.map((g: { name: string; decided: number }) => [g.name, g.decided])).toEqual([
      ['Couriers', 4],
      ['Refunds', 2],
    ]);
  });

  it('one team for the two touchpoints served by the same people; months of the due time', () => {
    expect(report.teams).toHaveLength(1);
    expect(report.teams[0]).toMatchObject({ name: 'Anna, Boris', decided: 6, keptOnTime: 3, late: 1, broken: 2 });
    expect(report.months.map((m: { month: string; decided: number; open: number }) => [m.month, m.decided, m.open])).toEqual([
      ['2026-11', 6, 0],
      ['2026-12', 0, 1],
    ]);
  });
});

describe('the API', () => {
  const count = async () =>
    Number((await db().query(`SELECT count(*) FROM promises WHERE workspace_id = $1`, [admin.workspaceId]))[0].count);

  it('one click from a case reply: one promise per reply, even when clicked twice at once', async () => {
    const opened = (
      await asAdmin.post(`${ws}/cases`, { title: 'Courier missed', touchpointId: tp.delivery, customerId: 'cust-c' }).expect(201)
    ).body;
    await asAdmin.post(`${ws}/cases/${opened.id}/replies`, { text: 'The courier will come again on Friday' }).expect(201);
    const reply = (await asAdmin.get(`${ws}/cases/${opened.id}`).expect(200)).body.events.find((e: { kind: string }) => e.kind === 'reply');
    const body = {
      source: 'case_reply',
      caseId: opened.id,
      caseEventId: reply.id,
      text: 'The courier will come again on Friday',
      dueIn: { amount: 3, unit: 'days' },
    };
    const [x, y] = await Promise.all([asAdmin.post(`${ws}/promises`, body), asAdmin.post(`${ws}/promises`, body)]);
    expect([x.status, y.status].sort()).toEqual([201, 409]);
    const made = x.status === 201 ? x.body : y.body;
    expect(made).toMatchObject({
      source: 'case_reply',
      sourceRef: { caseEventId: reply.id },
      caseId: opened.id,
      customerExternalId: 'cust-c',
      owner: { id: admin.userId },
    });
    expect(made.touchpoint).toEqual({ id: tp.delivery, name: 'Delivery' });
    const listed = (await asAdmin.get(`${ws}/promises?case=${opened.id}`).expect(200)).body;
    expect(listed.items.map((p: { id: string }) => p.id)).toEqual([made.id]);
    // The customer's timeline shows it.
    await asAdmin.put(`${ws}/customers/cust-c`, { name: 'Courier customer' }).expect(201);
    const timeline = (await asAdmin.get(`${ws}/customers/cust-c/timeline`).expect(200)).body;
    expect(timeline.items.find((i: { kind: string }) => i.kind === 'promise').details).toMatchObject({
      promiseId: made.id,
      status: 'open',
    });
    // A customer's message is not one of our replies.
    const other = { ...body, caseEventId: opened.id };
    expect((await asAdmin.post(`${ws}/promises`, other)).status).toBe(400);
  });

  it('stale-safe edits and once-only outcomes', async () => {
    const p = (
      await asAdmin
        .post(`${ws}/promises`, { text: 'Refund in 5 days', customerExternalId: 'cust-e', dueIn: { amount: 5, unit: 'days' } })
        .expect(201)
    ).body;
    expect(p.version).toBe(1);
    const edited = (
      await asAdmin.patch(`${ws}/promises/${p.id}`, { version: 1, text: 'Refund in 5 business days', ownerId: agent.userId }).expect(200)
    ).body;
    expect(edited).toMatchObject({ version: 2, text: 'Refund in 5 business days', owner: { id: agent.userId } });
    const stale = await asAdmin.patch(`${ws}/promises/${p.id}`, { version: 1, text: 'Overwritten' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_promise');
    const [k, b] = await Promise.all([
      asAdmin.post(`${ws}/promises/${p.id}/outcome`, { outcome: 'kept' }),
      asAdmin.post(`${ws}/promises/${p.id}/outcome`, { outcome: 'broken', note: 'forgot' }),
    ]);
    expect([k.status, b.status].sort()).toEqual([201, 409]);
    const final = (await asAdmin.get(`${ws}/promises/${p.id}`).expect(200)).body;
    expect(final.text).toBe('Refund in 5 business days');
    expect(['kept', 'broken']).toContain(final.status);
    expect(final.resolvedBy).toMatchObject({ id: admin.userId });
    expect((await asAdmin.patch(`${ws}/promises/${p.id}`, { version: final.version, text: 'again' })).status).toBe(409);
  });

  it('refuses hostile and impossible input with 400, storing nothing', async () => {
    const before = await count();
    const due = { dueIn: { amount: 1, unit: 'days' } };
    const bad: object[] = [
      { text: 'x'.repeat(1001), customerExternalId: 'c', ...due },
      { text: '   ', customerExternalId: 'c', ...due },
      { text: 'no target', ...due },
      { text: 'both', customerExternalId: 'c', dueAt: '2030-01-01T00:00:00Z', ...due },
      { text: 'neither', customerExternalId: 'c' },
      { text: 'past', customerExternalId: 'c', dueAt: '2020-01-01T00:00:00Z' },
      { text: 'far', customerExternalId: 'c', dueAt: '2099-01-01T00:00:00Z' },
      { text: 'huge', customerExternalId: 'c', dueIn: { amount: 1e12, unit: 'days' } },
      { text: 'unit', customerExternalId: 'c', dueIn: { amount: 1, unit: 'weeks' } },
      { text: 'owner', customerExternalId: 'c', ownerId: '00000000-0000-4000-8000-000000000000', ...due },
      { text: 'audit', source: 'audit', customerExternalId: 'c', ...due },
      { text: 'extra', customerExternalId: 'c', status: 'kept', ...due },
      { text: 'reply', source: 'case_reply', customerExternalId: 'c', ...due },
      { text: ['array'], customerExternalId: 'c', ...due },
      { text: 'ext', customerExternalId: 'x'.repeat(201), ...due },
    ];
    for (const body of bad) {
      const res = await asAdmin.post(`${ws}/promises`, body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    expect((await asAdmin.get(`${ws}/promises?limit=0`)).status).toBe(400);
    expect((await asAdmin.get(`${ws}/promises?status=lost`)).status).toBe(400);
    expect((await asAdmin.get(`${ws}/promises/report?from=2026-12-01&to=2026-11-01`)).status).toBe(400);
    expect((await asAdmin.get(`${ws}/promises/not-a-uuid`)).status).toBe(404);
    expect(await count()).toBe(before);
  });

  it('tenancy, roles and token scopes', async () => {
    const p = (
      await asAdmin
        .post(`${ws}/promises`, { text: 'Call back', customerExternalId: 'cust-t', dueIn: { amount: 2, unit: 'hours' } })
        .expect(201)
    ).body;
    const asViewer = await t.login(viewer.email, viewer.password);
    await asViewer.get(`${ws}/promises/${p.id}`).expect(200);
    await asViewer.get(`${ws}/promises/report`).expect(200);
    await asViewer.post(`${ws}/promises`, { text: 'x', customerExternalId: 'c', dueIn: { amount: 1, unit: 'days' } }).expect(403);
    await asViewer.post(`${ws}/promises/${p.id}/outcome`, { outcome: 'kept' }).expect(403);
    await asViewer.patch(`${ws}/promises/${p.id}`, { version: 1, text: 'x' }).expect(403);

    const other = await t.seedAdmin('Elsewhere');
    const asOther = await t.login(other.email, other.password);
    const ows = `/api/v1/workspaces/${other.workspaceId}`;
    await asOther.get(`${ows}/promises/${p.id}`).expect(404);
    await asOther.post(`${ows}/promises/${p.id}/outcome`, { outcome: 'broken' }).expect(404);
    await asOther.get(`${ws}/promises`).expect(404);
    const foreignCase = (await asAdmin.post(`${ws}/cases`, { title: 'Mine' }).expect(201)).body.id;
    await asOther.post(`${ows}/promises`, { text: 'x', caseId: foreignCase, dueIn: { amount: 1, unit: 'days' } }).expect(400);
    expect((await asAdmin.get(`${ws}/promises/${p.id}`).expect(200)).body.status).toBe('open');

    const token = async (scopes: string[]) =>
      (await asAdmin.post(`${ws}/api-tokens`, { name: scopes.join('+'), scopes }).expect(201)).body.secret;
    const [read, write, cases] = await Promise.all([token(['promises:read']), token(['promises:write']), token(['cases:read'])]);
    const bearer = (secret: string) => ({ Authorization: `Bearer ${secret}` });
    await t.http().get(`${ws}/promises`).set(bearer(read)).expect(200);
    await t.http().get(`${ws}/promises`).set(bearer(cases)).expect(403);
    await t
      .http()
      .post(`${ws}/promises`)
      .set(bearer(read))
      .send({ text: 'x', customerExternalId: 'c', dueIn: { amount: 1, unit: 'days' } })
      .expect(403);
    // A token has no person: the owner must be named.
    const noOwner = await t
      .http()
      .post(`${ws}/promises`)
      .set(bearer(write))
      .send({ text: 'x', customerExternalId: 'c', dueIn: { amount: 1, unit: 'days' } });
    expect(noOwner.status).toBe(400);
    const viaApi = await t
      .http()
      .post(`${ws}/promises`)
      .set(bearer(write))
      .send({ text: 'From CRM', customerExternalId: 'c', ownerId: agent.userId, dueIn: { amount: 1, unit: 'days' } })
      .expect(201);
    expect(viaApi.body).toMatchObject({ source: 'api', promisedBy: null, owner: { id: agent.userId } });
  });

  it('CSV of the register with filters, formula-safe', async () => {
    await asAdmin
      .post(`${ws}/promises`, { text: '=HYPERLINK("x")', customerExternalId: 'cust-csv', dueIn: { amount: 1, unit: 'days' } })
      .expect(201);
    const res = await asAdmin.get(`${ws}/promises/export.csv?customer=cust-csv`).expect(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      'id,status,late,overdue,text,owner,promised_by,customer_external_id,case_id,touchpoint,source,due_at,resolved_at,resolved_by,note,escalated_at,created_at',
    );
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
    expect((await asAdmin.get(`${ws}/promises/export.csv?overdue=maybe`)).status).toBe(400);
  });

  it('the audit contract: improvement steps listed by criterion', async () => {
    const step = await service().createImprovementStep(
      admin.workspaceId,
      { userId: admin.userId },
      {
        touchpointId: tp.delivery,
        ownerId: lead.userId,
        text: 'Add a second courier shift',
        dueAt: new Date('2027-01-15T12:00:00Z'),
        auditRef: { criterionId: 'crit-1', month: '2026-11' },
      },
    );
    const steps = await service().listByAuditRefs(admin.workspaceId, ['crit-1', 'crit-2']);
    expect(steps).toEqual([
      {
        id: step.id,
        status: 'open',
        dueAt: new Date('2027-01-15T12:00:00Z'),
        ownerId: lead.userId,
        text: 'Add a second courier shift',
        auditRef: { criterionId: 'crit-1', month: '2026-11' },
      },
    ]);
    expect(await service().listByAuditRefs(admin.workspaceId, [])).toEqual([]);
  });
});
