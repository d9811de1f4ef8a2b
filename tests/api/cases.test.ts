import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseBreachJob } from '@otklik/backend/src/cases/case-breach.job';
import { CaseStatsProvider } from '@otklik/backend/src/cases/case-stats.provider';
import { CasesService } from '@otklik/backend/src/cases/cases.service';
import { LoggedIn, SeededAdmin, SeededUser, startTestApp, TestApp } from '../support/app';
import { customerSigner } from '../support/identity';
import { startWebhookReceiver, WebhookReceiver } from '../support/webhook-receiver';

let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let ws: string;
let sign: (customerId: string) => string;
let owner: SeededUser; // owns the Checkout touchpoint
let backup: SeededUser; // its backup owner
let teamA: SeededUser;
let teamB: SeededUser;
let viewer: SeededUser;
let receiver: WebhookReceiver;
const tp: Record<string, string> = {};

const db = () => t.app.get(DataSource);

async function touchpoint(
  name: string,
  values: { stage?: string; channel?: string; ownerId?: string; backupOwnerId?: string; teamIds?: string[]; position?: number },
) {
  const rows = await db().query(
    `INSERT INTO touchpoints (workspace_id, name, stage, channel, owner_id, backup_owner_id, team_ids, position) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      admin.workspaceId,
      name,
      values.stage ?? 'buying',
      values.channel ?? 'other',
      values.ownerId ?? null,
      values.backupOwnerId ?? null,
      values.teamIds ?? [],
      values.position ?? 0,
    ],
  );
  return rows[0].id as string;
}

async function liveSurvey(name: string, kind: string, touchpointName: string | null) {
  const created = await asAdmin
    .post(`${ws}/surveys`, {
      name,
      kind,
      touchpointName,
      displayRules: { trigger: 'page_load', samplePercent: 100, recontactDays: 0, stopAfterResponse: false },
    })
    .expect(201);
  await asAdmin.patch(`${ws}/surveys/${created.body.id}`, { status: 'live' }).expect(200);
  return created.body.publicKey as string;
}

/** A widget answer; the customer id is proven with the identity hash unless `unsigned`. */
const respond = async (key: string, score: number, customerId?: string, comment = 'Долго ждал ответа', unsigned = false) =>
  (
    await t
      .http()
      .post(`/api/v1/public/surveys/${key}/responses`)
      .send({
        idempotencyKey: randomUUID(),
        respondentId: `r-${randomUUID()}`,
        customerId,
        customerHash: customerId && !unsigned ? sign(customerId) : undefined,
        answers: { score, comment },
        finished: true,
      })
      .expect(201)
  ).body.responseId as string;

const sync = async () => (await asAdmin.post(`${ws}/cases/sync`).expect(200)).body;
const caseOf = async (source: string, sourceId: string) => {
  const rows = await db().query(`SELECT id FROM cases WHERE workspace_id = $1 AND source = $2 AND source_id = $3`, [
    admin.workspaceId,
    source,
    sourceId,
  ]);
  expect(rows).toHaveLength(1);
  return (await asAdmin.get(`${ws}/cases/${rows[0].id}`).expect(200)).body;
};

beforeAll(async () => {
  // The background loop is slowed to an hour: the tests run the sync and the breach job themselves, with their own clock.
  t = await startTestApp({
    webhookAllowedNetworks: ['127.0.0.0/8'],
    webhookPollMs: 50,
    caseSyncMs: 3_600_000,
    publicLimitPerIpPerMinute: 100_000,
  });
  admin = await t.seedAdmin('Case Desk');
  asAdmin = await t.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
  sign = await customerSigner(asAdmin, admin.workspaceId);
  [owner, backup, teamA, teamB, viewer] = await Promise.all([
    t.createUser(),
    t.createUser(),
    t.createUser(),
    t.createUser(),
    t.createUser(),
  ]);
  await t.addMember(admin.workspaceId, owner.userId, 'owner');
  await t.addMember(admin.workspaceId, backup.userId, 'owner');
  await t.addMember(admin.workspaceId, teamA.userId, 'analyst');
  await t.addMember(admin.workspaceId, teamB.userId, 'analyst');
  await t.addMember(admin.workspaceId, viewer.userId, 'viewer');
  tp.checkout = await touchpoint('Checkout', { channel: 'chat', ownerId: owner.userId, backupOwnerId: backup.userId });
  tp.offboarding = await touchpoint('Offboarding', {
    stage: 'left',
    channel: 'web_form',
    ownerId: owner.userId,
    teamIds: [teamA.userId, teamB.userId],
  });
  tp.social = await touchpoint('Social media', { stage: 'aware', channel: 'social' });
  receiver = await startWebhookReceiver();
  await asAdmin.post(`${ws}/webhooks`, { url: receiver.url, events: ['case.warned', 'case.breached', 'case.closed'] }).expect(201);
});
afterAll(async () => {
  await receiver.close();
  await t.close();
});

describe('automatic cases', () => {
  it('opens one case per detractor / low score, routed to the touchpoint owner with its channel', async () => {
    const nps = await liveSurvey('Checkout NPS', 'nps', 'Checkout');
    const csat = await liveSurvey('Support CSAT', 'csat', null);
    const detractor = await respond(nps, 3, 'cust-1');
    await respond(nps, 9, 'cust-1'); // promoter: no case
    await respond(nps, 7); // passive: no case
    const lowCsat = await respond(csat, 2);
    await respond(csat, 3);
    expect(await sync()).toEqual({ response: 2, cancellation: 0, mention: 0, cluster: 0 });
    expect(await sync()).toEqual({ response: 0, cancellation: 0, mention: 0, cluster: 0 });
    const c = await caseOf('response', detractor);
    expect(c).toMatchObject({
      source: 'response',
      touchpointId: tp.checkout,
      ownerId: owner.userId,
      channel: 'chat',
      priority: 'normal',
      priorityReasons: [],
      customerId: 'cust-1',
      status: 'open',
      title: 'NPS detractor: 3/10 — Checkout NPS',
      description: 'Долго ждал ответа',
      // The dashboard writes the title in the reader's language from the key; API clients keep the English title.
      titleKey: 'low_score',
      titleParams: { kind: 'nps', score: 3, scale: 10, survey: 'Checkout NPS' },
    });
    expect(c.events.map((e: { kind: string }) => e.kind)).toEqual(['opened']);
    expect(c.events[0]).toMatchObject({ actorKind: 'system', details: { routedBy: 'touchpoint_owner' } });
    const low = await caseOf('response', lowCsat);
    expect(low).toMatchObject({ touchpointId: null, ownerId: null, channel: 'survey', title: 'Low CSAT: 2/5 — Support CSAT' });
    const unassigned = (await asAdmin.get(`${ws}/cases?owner=none&source=response`).expect(200)).body.items;
    expect(unassigned.map((i: { id: string }) => i.id)).toEqual([low.id]);
  });

  it('raises priority for a repeated complaint and for a high-MRR customer', async () => {
    const nps = await liveSurvey('Checkout NPS 2', 'nps', 'Checkout');
    await asAdmin.put(`${ws}/customers/vip-1`, { name: 'Big Co', mrr: 25000 }).expect(201);
    const again = await respond(nps, 1, 'cust-1');
    const vip = await respond(nps, 5, 'vip-1');
    expect((await sync()).response).toBe(2);
    expect(await caseOf('response', again)).toMatchObject({ priority: 'high', priorityReasons: ['repeated_complaint'] });
    expect(await caseOf('response', vip)).toMatchObject({
      priority: 'high',
      priorityReasons: ['high_mrr'],
      customerId: 'vip-1',
      customerName: 'Big Co',
    });
    // The inbox shows customers by name too, looked up once per page.
    const inbox = (await asAdmin.get(`${ws}/cases?source=response`).expect(200)).body.items as {
      customerId: string | null;
      customerName: string | null;
    }[];
    expect(inbox.find((i) => i.customerId === 'vip-1')?.customerName).toBe('Big Co');
    expect(inbox.find((i) => i.customerId === 'cust-1')?.customerName).toBeNull(); // no customer record: the id alone
  });

  it('never pins a case (or a VIP priority) on a customer whose id the answer did not prove', async () => {
    const nps = await liveSurvey('Unsigned NPS', 'nps', 'Unlisted touchpoint');
    await asAdmin.put(`${ws}/customers/vip-2`, { name: 'Other Big Co', mrr: 30000 }).expect(201);
    const forged = await respond(nps, 2, 'vip-2', 'Ужасно', true);
    expect((await sync()).response).toBe(1);
    const opened = await caseOf('response', forged);
    expect(opened.customerId).toBeNull();
    expect(opened.priorityReasons).not.toContain('high_mrr');
  });

  it('opens a high-priority case from a finished cancellation, round robin over the touchpoint team', async () => {
    const flow = (await asAdmin.post(`${ws}/churn/flows`, { name: 'Cancel', languages: ['ru'] }).expect(201)).body;
    const cancel = async (customerId: string, offerAccepted?: boolean) =>
      (
        await t
          .http()
          .post(`/api/v1/public/cancellation-flows/${flow.publicKey}/submissions`)
          .send({
            idempotencyKey: randomUUID(),
            customerId,
            customerHash: sign(customerId),
            reasonKey: 'moved_away',
            followUp: 'Переезжаю',
            offerAccepted,
            finished: true,
          })
      ).body.cancellationId as string;
    const first = await cancel('cust-c1');
    const second = await cancel('cust-c2');
    const third = await cancel('cust-c3');
    const saved = await cancel('cust-c4', true);
    expect((await sync()).cancellation).toBe(3);
    expect((await sync()).cancellation).toBe(0);
    const owners = [];
    for (const id of [first, second, third]) {
      const c = await caseOf('cancellation', id);
      expect(c).toMatchObject({
        priority: 'high',
        priorityReasons: ['cancellation'],
        touchpointId: tp.offboarding,
        channel: 'web_form',
        title: 'Cancellation: moved_away',
        titleKey: 'cancellation',
        titleParams: { reason: 'moved_away' },
      });
      owners.push(c.ownerId);
    }
    expect(owners).toEqual([teamA.userId, teamB.userId, teamA.userId]);
    expect(await db().query(`SELECT 1 FROM cases WHERE source_id = $1`, [saved])).toHaveLength(0);
  });

  it('opens a case from a negative original mention, once, unassigned when the touchpoint has no owner', async () => {
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
          { source: 'twitter', externalId: 'good-1', text: 'Спасибо, всё отлично, очень доволен!', postedAt: new Date().toISOString() },
        ],
      })
      .expect(200);
    const negative = res.body.items.find((i: { sentiment: number }) => i.sentiment === -1);
    expect((await sync()).mention).toBe(1);
    expect((await sync()).mention).toBe(0);
    expect(await caseOf('mention', negative.id)).toMatchObject({
      channel: 'social',
      touchpointId: tp.social,
      ownerId: null,
      title: 'Negative mention on twitter by @olga',
      titleKey: 'negative_mention',
      titleParams: { source: 'twitter', author: '@olga' },
    });
  });

  it('opens a case when a cluster is pinned as a known issue', async () => {
    const [{ id }] = await db().query(
      `INSERT INTO clusters (workspace_id, label, name) VALUES ($1, 'доставка опоздание', 'Late delivery') RETURNING id`,
      [admin.workspaceId],
    );
    expect((await sync()).cluster).toBe(0);
    await asAdmin.patch(`${ws}/clusters/${id}`, { pinned: true }).expect(200);
    expect((await sync()).cluster).toBe(1);
    expect((await sync()).cluster).toBe(0);
    expect(await caseOf('cluster', id)).toMatchObject({
      title: 'Known issue: Late delivery',
      titleKey: 'known_issue',
      titleParams: { name: 'Late delivery' },
      priority: 'high',
      priorityReasons: ['known_issue'],
    });
  });

  it('a case someone writes keeps its own title and no key', async () => {
    const made = (await asAdmin.post(`${ws}/cases`, { title: 'Refund for order 77' }).expect(201)).body;
    expect(made).toMatchObject({ title: 'Refund for order 77', titleKey: null, titleParams: {}, customerName: null });
  });
});

describe('a touchpoint gets an owner', () => {
  it('routes its open unassigned cases to the new owner, each with an event saying why; assigned and closed ones stay', async () => {
    const place = await touchpoint('Returns desk', { stage: 'buying', channel: 'email' });
    const open = async (title: string, extra: Record<string, unknown> = {}) =>
      (await asAdmin.post(`${ws}/cases`, { title, touchpointId: place, ...extra }).expect(201)).body.id as string;
    const waiting = await open('Waiting one');
    const unassigned = await open('Nobody on it');
    const taken = await open('Already taken', { ownerId: teamA.userId });
    const done = await open('Closed one');
    await asAdmin.patch(`${ws}/cases/${waiting}`, { status: 'waiting_customer' }).expect(200);
    await asAdmin.post(`${ws}/cases/${done}/close`, { rootCause: 'x', actionTaken: 'y' }).expect(200);
    const elsewhere = (await asAdmin.post(`${ws}/cases`, { title: 'Other place' }).expect(201)).body.id as string;

    await asAdmin.patch(`${ws}/touchpoints/${place}`, { ownerId: backup.userId }).expect(200);

    const owners = async () =>
      Object.fromEntries(
        (
          await db().query(`SELECT id, owner_id FROM cases WHERE id = ANY($1::uuid[])`, [[waiting, unassigned, taken, done, elsewhere]])
        ).map((r: { id: string; owner_id: string | null }) => [r.id, r.owner_id]),
      );
    expect(await owners()).toEqual({
      [waiting]: backup.userId,
      [unassigned]: backup.userId,
      [taken]: teamA.userId,
      [done]: null,
      [elsewhere]: null,
    });
    const detail = (await asAdmin.get(`${ws}/cases/${unassigned}`).expect(200)).body;
    expect(detail.events.at(-1)).toMatchObject({
      kind: 'assigned',
      actorKind: 'system',
      details: { from: null, to: backup.userId, reason: 'touchpoint_owner', touchpointId: place },
    });
    expect((await asAdmin.get(`${ws}/cases/${taken}`).expect(200)).body.events.map((e: { kind: string }) => e.kind)).toEqual(['opened']);

    // Saving the touchpoint again with the same owner hands out nothing new.
    const later = await open('After the owner came');
    expect((await asAdmin.get(`${ws}/cases/${later}`).expect(200)).body.ownerId).toBe(backup.userId); // routed on opening
    await asAdmin.patch(`${ws}/cases/${later}`, { ownerId: null }).expect(200);
    await asAdmin.patch(`${ws}/touchpoints/${place}`, { ownerId: backup.userId, regulation: 'Answer within a day' }).expect(200);
    expect((await asAdmin.get(`${ws}/cases/${later}`).expect(200)).body.ownerId).toBeNull();
  });

  it('a refused touchpoint change moves no case', async () => {
    const place = await touchpoint('Billing desk', {});
    const id = (await asAdmin.post(`${ws}/cases`, { title: 'Invoice wrong', touchpointId: place }).expect(201)).body.id as string;
    const outsider = await t.createUser();
    await asAdmin.patch(`${ws}/touchpoints/${place}`, { ownerId: outsider.userId }).expect(400);
    expect((await asAdmin.get(`${ws}/cases/${id}`).expect(200)).body.ownerId).toBeNull();
  });
});

// Monday 30 November 2026, 10:00 in Moscow (UTC+3); the default calendar is Mon–Fri 09:00–18:00 Europe/Moscow.
const MONDAY_10_MSK = '2026-11-30T07:00:00.000Z';

describe('SLA timers', () => {
  it('shifts deadlines by a pause while waiting on the customer', async () => {
    const created = (
      await asAdmin
        .post(`${ws}/cases`, { title: 'Invoice wrong', channel: 'email', priority: 'normal', openedAt: MONDAY_10_MSK })
        .expect(201)
    ).body;
    // Email first reply: 1 business day (540 min) → Tue 10:00; normal resolution 3 days (1620 min) → Thu 10:00 MSK.
    expect(created).toMatchObject({
      firstResponseDue: '2026-12-01T07:00:00.000Z',
      resolutionDue: '2026-12-03T07:00:00.000Z',
      firstResponseWarnAt: '2026-11-30T14:12:00.000Z',
      ownerId: null,
      source: 'manual',
    });
    const service = t.app.get(CasesService);
    const actor = { kind: 'user' as const, userId: admin.userId };
    const paused = await service.patch(
      admin.workspaceId,
      created.id,
      { status: 'waiting_customer' },
      actor,
      new Date('2026-11-30T09:00:00Z'),
    );
    expect(paused).toMatchObject({ status: 'waiting_customer', firstResponseDue: null, resolutionDue: null });
    // Paused at 12:00 MSK after 120 working minutes: what each timer had left shows while the deadlines are unknown.
    const waiting = (await asAdmin.get(`${ws}/cases/${created.id}`).expect(200)).body;
    expect(waiting.pauses).toEqual([
      { from: '2026-11-30T09:00:00.000Z', to: null, firstResponseMinutesLeft: 420, resolutionMinutesLeft: 1500 },
    ]);
    const resumed = await service.reply(
      admin.workspaceId,
      created.id,
      { text: 'Here is the invoice', from: 'customer' },
      actor,
      new Date('2026-11-30T11:00:00Z'),
    );
    expect(resumed.status).toBe('open');
    expect(resumed.firstResponseDue!.toISOString()).toBe('2026-12-01T09:00:00.000Z');
    expect(resumed.resolutionDue!.toISOString()).toBe('2026-12-03T09:00:00.000Z');
    expect(resumed.pauses).toEqual([{ from: '2026-11-30T09:00:00.000Z', to: '2026-11-30T11:00:00.000Z' }]);
    const replied = (await asAdmin.post(`${ws}/cases/${created.id}/replies`, { text: 'Fixed, sorry', channel: 'email' }).expect(201)).body;
    expect(replied.firstRespondedAt).not.toBeNull();
    const again = (await asAdmin.post(`${ws}/cases/${created.id}/replies`, { text: 'Anything else?' }).expect(201)).body;
    expect(again.firstRespondedAt).toBe(replied.firstRespondedAt);
    const events = (await asAdmin.get(`${ws}/cases/${created.id}`).expect(200)).body.events.map((e: { kind: string }) => e.kind);
    expect(events).toEqual(['opened', 'status_changed', 'reply', 'reply', 'reply']);
  });

  it('warns at 80% and escalates at breach exactly once each, with one webhook per event', async () => {
    const created = (
      await asAdmin
        .post(`${ws}/cases`, {
          title: 'Chat down',
          channel: 'chat',
          priority: 'urgent',
          touchpointId: tp.checkout,
          openedAt: MONDAY_10_MSK,
        })
        .expect(201)
    ).body;
    // Urgent: first reply 60 min (warn 48), resolution 240 min (warn 192) of business time.
    expect(created).toMatchObject({
      ownerId: owner.userId,
      firstResponseWarnAt: '2026-11-30T07:48:00.000Z',
      firstResponseDue: '2026-11-30T08:00:00.000Z',
      resolutionWarnAt: '2026-11-30T10:12:00.000Z',
      resolutionDue: '2026-11-30T11:00:00.000Z',
    });
    const job = t.app.get(CaseBreachJob);
    const run = (iso: string) => job.run(new Date(iso), admin.workspaceId);
    expect(await run('2026-11-30T07:40:00Z')).toEqual({ warned: 0, breached: 0 });
    expect(await run('2026-11-30T07:50:00Z')).toEqual({ warned: 1, breached: 0 });
    expect(await run('2026-11-30T07:55:00Z')).toEqual({ warned: 0, breached: 0 });
    expect(await run('2026-11-30T08:01:00Z')).toEqual({ warned: 0, breached: 1 });
    expect(await run('2026-11-30T08:02:00Z')).toEqual({ warned: 0, breached: 0 });
    expect(await run('2026-11-30T10:15:00Z')).toEqual({ warned: 1, breached: 0 });
    expect(await run('2026-11-30T11:01:00Z')).toEqual({ warned: 0, breached: 1 });
    expect(await Promise.all([run('2026-11-30T12:00:00Z'), run('2026-11-30T12:00:00Z')])).toEqual([
      { warned: 0, breached: 0 },
      { warned: 0, breached: 0 },
    ]);

    const detail = (await asAdmin.get(`${ws}/cases/${created.id}`).expect(200)).body;
    expect(detail.escalatedTo).toEqual([admin.userId, backup.userId].sort());
    expect(detail).toMatchObject({
      breached: true,
      warnedFirstResponseAt: '2026-11-30T07:50:00.000Z',
      breachedFirstResponseAt: '2026-11-30T08:01:00.000Z',
      breachedResolutionAt: '2026-11-30T11:01:00.000Z',
    });
    const kinds = detail.events.map((e: { kind: string }) => e.kind);
    expect(kinds.filter((k: string) => k === 'sla_warned')).toHaveLength(2);
    expect(kinds.filter((k: string) => k === 'sla_breached')).toHaveLength(2);
    expect(detail.events.find((e: { kind: string }) => e.kind === 'sla_breached').details).toMatchObject({
      timer: 'first_response',
      backupOwnerId: backup.userId,
    });

    const mine = (w: { json: { data: Record<string, unknown> } }) => w.json.data.caseId === created.id;
    await receiver.waitFor(4, mine);
    await new Promise((r) => setTimeout(r, 300)); // nothing more arrives
    const hooks = receiver.accepted().filter(mine);
    expect(hooks.map((h) => `${h.json.type}:${h.json.data.timer}`).sort()).toEqual([
      'case.breached:first_response',
      'case.breached:resolution',
      'case.warned:first_response',
      'case.warned:resolution',
    ]);
    expect(hooks.find((h) => h.json.type === 'case.breached')!.json.data.escalatedTo).toEqual([admin.userId, backup.userId].sort());
    expect((await asAdmin.get(`${ws}/cases?breached=true`).expect(200)).body.items.map((i: { id: string }) => i.id)).toEqual([created.id]);
    // The journey map's figures: the Checkout touchpoint has this case plus three open survey cases; one breached, none closed yet.
    const stats = await t.app.get(CaseStatsProvider).statsByTouchpoint(admin.workspaceId);
    expect(stats.get(tp.checkout)).toEqual({ open: 4, breached: 1, compliance: 0 });
  });
});

describe('closing and reopening', () => {
  it('requires root cause and action, and a churn reason when the customer left', async () => {
    const [row] = await db().query(`SELECT id FROM cases WHERE workspace_id = $1 AND source = 'cancellation' ORDER BY number LIMIT 1`, [
      admin.workspaceId,
    ]);
    const missing = await asAdmin.post(`${ws}/cases/${row.id}/close`, {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.map((d: { field: string }) => d.field)).toEqual(['rootCause', 'actionTaken', 'churnReasonKey']);
    const badKey = await asAdmin.post(`${ws}/cases/${row.id}/close`, {
      rootCause: 'Relocation',
      actionTaken: 'Offered remote plan',
      churnReasonKey: 'teleported',
    });
    expect(badKey.status).toBe(400);
    expect(badKey.body.error.details[0].field).toBe('churnReasonKey');
    expect((await asAdmin.get(`${ws}/cases/${row.id}`).expect(200)).body.status).toBe('open');
    const closed = (
      await asAdmin
        .post(`${ws}/cases/${row.id}/close`, { rootCause: 'Relocation', actionTaken: 'Offered remote plan', churnReasonKey: 'moved_away' })
        .expect(200)
    ).body;
    expect(closed).toMatchObject({ status: 'closed', churnReasonKey: 'moved_away', rootCause: 'Relocation' });
    const [hook] = await receiver.waitFor(1, (w) => w.json.type === 'case.closed' && w.json.data.caseId === row.id);
    expect(hook.json.data).toMatchObject({ rootCause: 'Relocation', actionTaken: 'Offered remote plan', churnReasonKey: 'moved_away' });
    expect(
      (await asAdmin.post(`${ws}/cases/${row.id}/close`, { rootCause: 'x', actionTaken: 'y', churnReasonKey: 'moved_away' })).status,
    ).toBe(409);
  });

  it('reopens on a low follow-up CSAT with a new resolution deadline, not on a good one', async () => {
    const open = async (title: string) => (await asAdmin.post(`${ws}/cases`, { title, priority: 'high' }).expect(201)).body.id as string;
    const low = await open('Refund late');
    const good = await open('Refund late 2');
    for (const id of [low, good])
      await asAdmin.post(`${ws}/cases/${id}/close`, { rootCause: 'Bank delay', actionTaken: 'Refunded' }).expect(200);
    expect((await asAdmin.post(`${ws}/cases/${good}/follow-up`, { score: 4 }).expect(200)).body).toMatchObject({
      status: 'closed',
      followUpCsat: 4,
      reopened: false,
    });
    const reopened = (await asAdmin.post(`${ws}/cases/${low}/follow-up`, { score: 2, comment: 'Still no money' }).expect(200)).body;
    expect(reopened).toMatchObject({ status: 'open', reopened: true, closedAt: null, followUpCsat: 2, breachedResolutionAt: null });
    expect(reopened.resolutionDue).not.toBeNull();
    expect(new Date(reopened.resolutionDue).getTime()).toBeGreaterThan(Date.now());
    const kinds = (await asAdmin.get(`${ws}/cases/${low}`).expect(200)).body.events.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(['opened', 'closed', 'follow_up', 'reopened']);
    expect((await asAdmin.post(`${ws}/cases/${low}/follow-up`, { score: 9 })).status).toBe(400);
  });
});

describe('inbox, assignment, roles and tenancy', () => {
  it('assigns one or many cases to members only, and pages the inbox by due date', async () => {
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await asAdmin.post(`${ws}/cases`, { title: `Bulk ${i}`, priority: 'low' }).expect(201)).body.id);
    const outsider = await t.createUser();
    const bad = await asAdmin.patch(`${ws}/cases/${ids[0]}`, { ownerId: outsider.userId });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('ownerId');
    const missingId = randomUUID();
    expect((await asAdmin.post(`${ws}/cases/bulk-assign`, { ids: [...ids, missingId], ownerId: teamB.userId }).expect(200)).body).toEqual({
      assigned: ids,
      notFound: [missingId],
    });
    const asB = await t.login(teamB.email, teamB.password);
    const mine = (await asB.get(`${ws}/cases?owner=me&priority=low`).expect(200)).body.items.map((i: { id: string }) => i.id).sort();
    expect(mine).toEqual([...ids].sort());
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string; resolutionDue: string | null }[]; nextCursor: string | null } } = await asAdmin
        .get(`${ws}/cases?limit=4${cursor ? `&cursor=${cursor}` : ''}`)
        .expect(200);
      seen.push(...page.body.items.map((i) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    const total = (await db().query(`SELECT count(*)::int AS n FROM cases WHERE workspace_id = $1`, [admin.workspaceId]))[0].n;
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('lets viewers read but not change; tokens need the cases scope; other workspaces see nothing', async () => {
    const id = (await asAdmin.post(`${ws}/cases`, { title: 'Scoped' }).expect(201)).body.id;
    const asViewer = await t.login(viewer.email, viewer.password);
    await asViewer.get(`${ws}/cases/${id}`).expect(200);
    await asViewer.patch(`${ws}/cases/${id}`, { priority: 'high' }).expect(403);
    const asOwner = await t.login(owner.email, owner.password);
    await asOwner.post(`${ws}/cases/breach-check`).expect(403);
    const readToken = (await asAdmin.post(`${ws}/api-tokens`, { name: 'ro', scopes: ['cases:read'] }).expect(201)).body.secret;
    const writeToken = (await asAdmin.post(`${ws}/api-tokens`, { name: 'rw', scopes: ['cases:write'] }).expect(201)).body.secret;
    await t.http().post(`${ws}/cases`).set('Authorization', `Bearer ${readToken}`).send({ title: 'x' }).expect(403);
    const viaApi = await t
      .http()
      .post(`${ws}/cases`)
      .set('Authorization', `Bearer ${writeToken}`)
      .send({ title: 'From CRM', sourceId: 'crm-42' })
      .expect(201);
    expect(viaApi.body.source).toBe('api');
    expect(
      (await t.http().post(`${ws}/cases`).set('Authorization', `Bearer ${writeToken}`).send({ title: 'From CRM', sourceId: 'crm-42' }))
        .status,
    ).toBe(409);
    const other = await t.seedAdmin('Other Co');
    const asOther = await t.login(other.email, other.password);
    await asOther.get(`/api/v1/workspaces/${other.workspaceId}/cases/${id}`).expect(404);
    expect((await asOther.get(`/api/v1/workspaces/${other.workspaceId}/cases`).expect(200)).body.items).toEqual([]);
    await asOther.get(`${ws}/cases/${id}`).expect(404);
  });
});

describe('background loop', () => {
  it('opens cases from new feedback and escalates on its own timer', async () => {
    const bg = await startTestApp({ caseSyncMs: 200, publicLimitPerIpPerMinute: 100_000 });
    try {
      const a = await bg.seedAdmin('Loop Co');
      const as = await bg.login(a.email, a.password);
      const base = `/api/v1/workspaces/${a.workspaceId}`;
      const survey = (
        await as
          .post(`${base}/surveys`, {
            name: 'NPS',
            kind: 'nps',
            displayRules: { trigger: 'page_load', samplePercent: 100, recontactDays: 0, stopAfterResponse: false },
          })
          .expect(201)
      ).body;
      await as.patch(`${base}/surveys/${survey.id}`, { status: 'live' }).expect(200);
      await bg
        .http()
        .post(`/api/v1/public/surveys/${survey.publicKey}/responses`)
        .send({ idempotencyKey: randomUUID(), respondentId: `r-${randomUUID()}`, answers: { score: 0 }, finished: true })
        .expect(201);
      // A case opened long ago with a 1-hour first-response target is past due: the loop escalates it.
      const old = (await as.post(`${base}/cases`, { title: 'Old', channel: 'chat', openedAt: MONDAY_10_MSK }).expect(201)).body;
      const deadline = Date.now() + 15_000;
      let items: { source: string; breached: boolean; id: string }[] = [];
      while (Date.now() < deadline) {
        items = (await as.get(`${base}/cases`).expect(200)).body.items;
        if (items.some((i) => i.source === 'response') && items.find((i) => i.id === old.id)?.breached) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(items.filter((i) => i.source === 'response')).toHaveLength(1);
      expect(items.find((i) => i.id === old.id)?.breached).toBe(true);
    } finally {
      await bg.close();
    }
  });
});
