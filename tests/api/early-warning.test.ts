import { DataSource } from 'typeorm';
import { JobRunner } from '@otklik/backend/src/common/jobs/job-runner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoggedIn, SeededAdmin, SeededUser, startTestApp, TestApp } from '../support/app';
import { startWebhookReceiver, WebhookReceiver } from '../support/webhook-receiver';

/**
 * Early warning on hand-built behaviour (sent through the activity API, dated relative to now): each rule on a
 * customer who breaks it and on neighbours who do not, the "at risk" case (owner = the account manager when a member,
 * the rules' touchpoint and its SLA, source 'warning'), `customer.at_risk` delivered to a receiver, the survey moment,
 * clearing when the behaviour comes back, two scans racing, rules validation, tenancy and roles.
 */

let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let manager: SeededUser;
let asManager: LoggedIn;
let viewer: SeededUser;
let asViewer: LoggedIn;
let outsider: SeededUser;
let receiver: WebhookReceiver;
let ws: string;
let touchpointId: string;

const DAY = 86_400_000;
const db = () => t.app.get(DataSource);
let eventNo = 0;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

async function customer(id: string): Promise<void> {
  await asAdmin.put(`${ws}/customers/${id}`, { name: `Name ${id}`, email: `${id}@example.test` }).expect(201);
}

async function activity(id: string, kind: string, daysAgo: number[], extra: object = {}): Promise<void> {
  const events = daysAgo.map((d) => ({
    customerExternalId: id,
    eventId: `e-${(eventNo += 1)}`,
    kind,
    occurredAt: ago(d),
    ...(kind === 'order' ? { amount: 100 } : {}),
    ...extra,
  }));
  const res = await asAdmin.post(`${ws}/customers/activity/bulk`, { events }).expect(200);
  expect(res.body.errors ?? []).toEqual([]);
}

/** n logins spread over [from, to) days ago. */
const spread = (n: number, from: number, to: number) => Array.from({ length: n }, (_, i) => from - ((from - to) * (i + 0.5)) / n);

const scan = async (as: LoggedIn = asAdmin) => (await as.post(`${ws}/early-warning/scan`).expect(200)).body;
const warningsOf = async (query = '') => (await asAdmin.get(`${ws}/early-warning/warnings${query}`).expect(200)).body;
const openOf = async (customerId: string) =>
  (await warningsOf(`?open=true&customerId=${customerId}`)).items as {
    rule: string;
    detail: Record<string, unknown>;
    id: string;
    caseId: string;
  }[];

const DEFAULT_RULES = {
  rhythmEnabled: true,
  rhythmFactor: 2,
  rhythmMinOrders: 3,
  paymentsEnabled: true,
  paymentGraceDays: 7,
  usageEnabled: true,
  usageEvent: 'login',
  usageDropPercent: 50,
  usageMinEvents: 4,
  rfmEnabled: true,
  rfmGroups: ['at_risk', 'cant_lose'],
  touchpointId: null,
  surveyMoment: null,
};

beforeAll(async () => {
  // No background jobs: storing activity wakes the scan job, which would raise the warnings before the setup below ends
  // (and RFM scoring would overwrite the groups set by hand). The tests scan themselves and run the webhook dispatcher.
  t = await startTestApp({ webhookAllowedNetworks: ['127.0.0.0/8'], webhookPollMs: 50, caseSyncMs: 3_600_000, backgroundJobs: false });
  admin = await t.seedAdmin('Warning Works');
  asAdmin = await t.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
  [manager, viewer, outsider] = await Promise.all([t.createUser({ name: 'Mila' }), t.createUser(), t.createUser()]);
  await t.addMember(admin.workspaceId, manager.userId, 'analyst');
  await t.addMember(admin.workspaceId, viewer.userId, 'viewer');
  asManager = await t.login(manager.email, manager.password);
  asViewer = await t.login(viewer.email, viewer.password);
  receiver = await startWebhookReceiver();
  await asAdmin.post(`${ws}/webhooks`, { url: receiver.url, events: ['customer.at_risk'] }).expect(201);

  // A 24×7 policy: first reply within 120 minutes, so the case's deadline is the warning's time + 2 h.
  const policy = (
    await asAdmin
      .post(`${ws}/sla-policies`, {
        name: 'Retention',
        clock: 'calendar',
        rules: { '*': { '*': { firstResponseMinutes: 120, resolutionMinutes: 2880 } } },
      })
      .expect(201)
  ).body.id as string;
  touchpointId = (
    await db().query(
      `INSERT INTO touchpoints (workspace_id, name, stage, channel, sla_policy_id) VALUES ($1, 'Retention desk', 'repeat', 'phone', $2) RETURNING id`,
      [admin.workspaceId, policy],
    )
  )[0].id;

  for (const id of ['rhythm', 'steady', 'few', 'payer', 'payer-ok', 'user', 'user-ok', 'user-few', 'rfm', 'rfm-ok', 'gone', 'docs'])
    await customer(id);
  // Rhythm: gaps 10, 10, 10 → usual 10 days; 30 days since the last order > 2 × 10.
  await activity('rhythm', 'order', [60, 50, 40, 30]);
  // Gaps 10, 10, 10, 5 → median 10; 5 days since the last: on rhythm.
  await activity('steady', 'order', [40, 30, 20, 10, 5]);
  // Two orders are no rhythm yet (rhythmMinOrders 3).
  await activity('few', 'order', [100, 90]);
  // Payments every 30 days, the last 40 days ago: 40 > 30 + 7 grace.
  await activity('payer', 'payment', [100, 70, 40], { amount: 50 });
  await activity('payer-ok', 'payment', [90, 60, 30], { amount: 50 });
  // Logins: 10 in the month before, 4 in the last month → −60 %.
  await activity('user', 'login', [...spread(10, 60, 30), ...spread(4, 30, 0)]);
  // 10 → 6: −40 %, under the 50 % bar.
  await activity('user-ok', 'login', [...spread(10, 60, 30), ...spread(6, 30, 0)]);
  // 3 → 0: the month before is below usageMinEvents (4), so it is noise.
  await activity('user-few', 'login', spread(3, 60, 30));
  // Named events count only when the rules name them.
  await activity('docs', 'event', [...spread(8, 60, 30), ...spread(1, 30, 0)], { name: 'report_exported' });
  // Broke the rhythm, but has stopped: never warned.
  await activity('gone', 'order', [60, 50, 40, 30]);
  await db().query(`UPDATE customers SET stopped_at = now() - interval '1 day' WHERE workspace_id = $1 AND external_id = 'gone'`, [
    admin.workspaceId,
  ]);
  // The account managers: a member for 'rhythm', someone outside the workspace for 'payer'.
  await db().query(`UPDATE customers SET account_manager_id = $2 WHERE workspace_id = $1 AND external_id IN ('rhythm', 'user')`, [
    admin.workspaceId,
    manager.userId,
  ]);
  await db().query(`UPDATE customers SET account_manager_id = $2 WHERE workspace_id = $1 AND external_id = 'payer'`, [
    admin.workspaceId,
    outsider.userId,
  ]);
  // RFM groups are scored elsewhere; set by hand here. 'rfm' moved loyal → cant_lose; 'rfm-ok' has been at_risk since
  // it was first scored (no previous group): only a MOVE into a watched group warns.
  await db().query(
    `UPDATE customers SET rfm_group = CASE external_id WHEN 'rfm' THEN 'cant_lose' ELSE 'at_risk' END,
            rfm_previous_group = CASE external_id WHEN 'rfm' THEN 'loyal' END
      WHERE workspace_id = $1 AND external_id IN ('rfm', 'rfm-ok')`,
    [admin.workspaceId],
  );
});

afterAll(async () => {
  await receiver?.close();
  await t?.close();
});

describe('rules', () => {
  it('answers the defaults until saved, to any member', async () => {
    const res = await asViewer.get(`${ws}/early-warning/rules`).expect(200);
    expect(res.body).toEqual({ ...DEFAULT_RULES, updatedAt: null, updatedBy: null });
  });

  it('refuses invalid rules with field errors and changes nothing', async () => {
    const bad = [
      { rhythmFactor: 0.5 },
      { rhythmFactor: 21 },
      { rhythmFactor: 2.555 },
      { rhythmMinOrders: 1 },
      { paymentGraceDays: -1 },
      { usageDropPercent: 0 },
      { usageDropPercent: 101 },
      { usageMinEvents: 0 },
      { usageEvent: 'Login Now' },
      { usageEvent: 'x'.repeat(101) },
      { rfmGroups: ['vip'] },
      { rfmGroups: ['lost', 'lost'] },
      { surveyMoment: 'Not A Moment' },
      { touchpointId: 'nope' },
      { rhythmEnabled: 'yes' },
    ];
    for (const change of bad) {
      const res = await asAdmin.put(`${ws}/early-warning/rules`, { ...DEFAULT_RULES, ...change }).expect(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.details[0].field).toBe(Object.keys(change)[0]);
    }
    const { rhythmEnabled: _omitted, ...missing } = DEFAULT_RULES;
    await asAdmin.put(`${ws}/early-warning/rules`, missing).expect(400);
    // A touchpoint of another workspace is not this workspace's.
    const other = await t.seedAdmin('Other Co');
    const foreign = (
      await db().query(
        `INSERT INTO touchpoints (workspace_id, name, stage, channel) VALUES ($1, 'Theirs', 'repeat', 'phone') RETURNING id`,
        [other.workspaceId],
      )
    )[0].id;
    const res = await asAdmin.put(`${ws}/early-warning/rules`, { ...DEFAULT_RULES, touchpointId: foreign }).expect(400);
    expect(res.body.error.details).toEqual([{ field: 'touchpointId', message: 'touchpointId is not a touchpoint of this workspace' }]);
    expect((await asAdmin.get(`${ws}/early-warning/rules`).expect(200)).body.updatedAt).toBeNull();
  });

  it('only admins change them; tokens need customers:write', async () => {
    await asManager.put(`${ws}/early-warning/rules`, DEFAULT_RULES).expect(403);
    await asViewer.put(`${ws}/early-warning/rules`, DEFAULT_RULES).expect(403);
    const read = (await asAdmin.post(`${ws}/api-tokens`, { name: 'ro', scopes: ['customers:read'] }).expect(201)).body.secret;
    await t.http().put(`${ws}/early-warning/rules`).set('Authorization', `Bearer ${read}`).send(DEFAULT_RULES).expect(403);
    await t.http().get(`${ws}/early-warning/rules`).set('Authorization', `Bearer ${read}`).expect(200);
    await t.http().get(`${ws}/early-warning/warnings`).set('Authorization', `Bearer ${read}`).expect(200);
    await t.http().post(`${ws}/early-warning/scan`).set('Authorization', `Bearer ${read}`).expect(403);
    await asManager.post(`${ws}/early-warning/scan`).expect(403);
  });

  it('saves them whole, with who and when', async () => {
    const saved = (await asAdmin.put(`${ws}/early-warning/rules`, { ...DEFAULT_RULES, touchpointId, surveyMoment: 'at_risk' }).expect(200))
      .body;
    expect(saved).toMatchObject({ ...DEFAULT_RULES, touchpointId, surveyMoment: 'at_risk', updatedBy: admin.userId });
    expect(Date.parse(saved.updatedAt)).toBeGreaterThan(Date.now() - 60_000);
  });
});

describe('a scan', () => {
  let before: number;
  it('raises one warning per customer and broken rule, with what it saw', async () => {
    before = Date.now();
    expect(await scan()).toEqual({ raised: 4, cleared: 0 });
    const all = (await warningsOf('?open=true')).items as { customerId: string; rule: string; detail: object }[];
    expect(all.map((w) => `${w.customerId}:${w.rule}`).sort()).toEqual([
      'payer:payments_stopped',
      'rfm:rfm_at_risk',
      'rhythm:rhythm_break',
      'user:usage_drop',
    ]);
    const by = Object.fromEntries(all.map((w) => [w.customerId, w.detail]));
    expect(by.rhythm).toMatchObject({ orders: 4, usualIntervalDays: 10, daysSinceLast: 30 });
    expect(by.payer).toMatchObject({ payments: 3, usualIntervalDays: 30, graceDays: 7, daysSinceLast: 40 });
    expect(by.user).toEqual({ event: 'login', previous: 10, current: 4, dropPercent: 60 });
    expect(by.rfm).toEqual({ group: 'cant_lose', from: 'loyal' });
  });

  it('opens an "at risk" case: the account manager owns it when a member, the touchpoint sets the SLA', async () => {
    const [w] = await openOf('rhythm');
    expect(w.caseId).toEqual(expect.any(String));
    const c = (await asAdmin.get(`${ws}/cases/${w.caseId}`).expect(200)).body;
    expect(c).toMatchObject({
      source: 'warning',
      sourceId: w.id,
      customerId: 'rhythm',
      ownerId: manager.userId,
      touchpointId,
      channel: 'phone',
      titleKey: 'at_risk',
      titleParams: { rule: 'rhythm_break', customer: 'Name rhythm' },
    });
    expect(Date.parse(c.firstResponseDue) - Date.parse(c.openedAt)).toBe(120 * 60_000);
    const [p] = await openOf('payer');
    expect((await asAdmin.get(`${ws}/cases/${p.caseId}`).expect(200)).body.ownerId).toBeNull(); // not a member
  });

  it('sends customer.at_risk to webhooks and records the survey moment', async () => {
    const [w] = await openOf('rhythm');
    await t.app.get(JobRunner).runNow('webhook-dispatch');
    const [hook] = await receiver.waitFor(1, (h) => h.json.type === 'customer.at_risk' && h.json.data.warningId === w.id);
    expect(hook.json.data).toMatchObject({
      rule: 'rhythm_break',
      customer: { externalId: 'rhythm', name: 'Name rhythm', email: 'rhythm@example.test' },
      accountManagerId: manager.userId,
      detail: { usualIntervalDays: 10, daysSinceLast: 30 },
    });
    expect(Date.parse(hook.json.data.raisedAt)).toBeGreaterThanOrEqual(before - 1000);
    const moments = (await asAdmin.get(`${ws}/customers/rhythm/moments`).expect(200)).body.items;
    expect(moments).toMatchObject([{ moment: 'at_risk', idempotencyKey: `warning:${w.id}`, status: 'pending' }]);
  });

  it('a second scan raises nothing again', async () => {
    expect(await scan()).toEqual({ raised: 0, cleared: 0 });
    expect(
      (await db().query(`SELECT count(*)::int AS n FROM cases WHERE workspace_id = $1 AND source = 'warning'`, [admin.workspaceId]))[0].n,
    ).toBe(4);
  });

  it("shows the warnings on the customer timeline and in the manager's own list", async () => {
    const timeline = (await asAdmin.get(`${ws}/customers/rhythm/timeline?kinds=warning`).expect(200)).body.items;
    expect(timeline).toMatchObject([
      { kind: 'warning', title: 'rhythm_break', details: { kind: 'warning', rule: 'rhythm_break', clearedAt: null } },
    ]);
    const mine = (await asManager.get(`${ws}/early-warning/warnings?managerId=me&open=true`).expect(200)).body;
    expect(mine.items.map((w: { customerId: string }) => w.customerId).sort()).toEqual(['rhythm', 'user']);
    expect(mine.openByRule).toEqual({ rhythm_break: 1, usage_drop: 1 });
    const byId = (await asAdmin.get(`${ws}/early-warning/warnings?managerId=${manager.userId}&rule=usage_drop`).expect(200)).body;
    expect(byId.items.map((w: { customerId: string }) => w.customerId)).toEqual(['user']);
    await asAdmin.get(`${ws}/early-warning/warnings?managerId=someone`).expect(400);
    await asAdmin.get(`${ws}/early-warning/warnings?rule=gut_feeling`).expect(400);
    await asAdmin.get(`${ws}/early-warning/warnings?cursor=bm9wZQ`).expect(400);
  });

  it('pages newest first by cursor', async () => {
    const first = (await asAdmin.get(`${ws}/early-warning/warnings?limit=3`).expect(200)).body;
    expect(first.items).toHaveLength(3);
    const second = (await asAdmin.get(`${ws}/early-warning/warnings?limit=3&cursor=${first.nextCursor}`).expect(200)).body;
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((w: { id: string }) => w.id)).size).toBe(4);
  });
});

describe('clearing', () => {
  it('keeps the same open RFM warning when the customer moves on between watched groups', async () => {
    const [before] = await openOf('rfm');
    await db().query(
      `UPDATE customers SET rfm_group = 'at_risk', rfm_previous_group = 'cant_lose' WHERE workspace_id = $1 AND external_id = 'rfm'`,
      [admin.workspaceId],
    );
    expect(await scan()).toEqual({ raised: 0, cleared: 0 });
    expect((await openOf('rfm')).map((w) => w.id)).toEqual([before.id]);
  });

  it('clears when the behaviour comes back: an order, a payment, usage, another RFM group', async () => {
    await activity('rhythm', 'order', [0.5]);
    await activity('payer', 'payment', [0.5], { amount: 50 });
    await activity('user', 'login', spread(3, 20, 1)); // 7 in the last month: 7 × 100 > 10 × 50
    await db().query(
      `UPDATE customers SET rfm_group = 'loyal', rfm_previous_group = 'at_risk' WHERE workspace_id = $1 AND external_id = 'rfm'`,
      [admin.workspaceId],
    );
    expect(await scan()).toEqual({ raised: 0, cleared: 4 });
    expect((await warningsOf('?open=true')).items).toEqual([]);
    const cleared = (await warningsOf('?open=false')).items as { clearedAt: string }[];
    expect(cleared).toHaveLength(4);
    const [event] = (await asAdmin.get(`${ws}/customers/rhythm/timeline?kinds=warning`).expect(200)).body.items;
    expect(event.details.clearedAt).toEqual(expect.any(String));
  });

  it('clears when the customer leaves, and a rule may warn again after it cleared', async () => {
    await db().query(
      `UPDATE customers SET rfm_group = 'at_risk', rfm_previous_group = 'loyal' WHERE workspace_id = $1 AND external_id = 'rfm'`,
      [admin.workspaceId],
    );
    expect(await scan()).toEqual({ raised: 1, cleared: 0 });
    expect((await openOf('rfm')).map((w) => w.detail)).toEqual([{ group: 'at_risk', from: 'loyal' }]);
    await db().query(`UPDATE customers SET lifecycle_stage = 'left' WHERE workspace_id = $1 AND external_id = 'rfm'`, [admin.workspaceId]);
    expect(await scan()).toEqual({ raised: 0, cleared: 1 });
  });

  it('uses the named event the rules choose, and a switched-off rule raises nothing', async () => {
    await asAdmin.put(`${ws}/early-warning/rules`, { ...DEFAULT_RULES, usageEvent: 'report_exported', rhythmEnabled: false }).expect(200);
    expect(await scan()).toEqual({ raised: 1, cleared: 0 });
    expect((await openOf('docs')).map((w) => w.detail)).toEqual([{ event: 'report_exported', previous: 8, current: 1, dropPercent: 88 }]);
  });
});

describe('races and tenancy', () => {
  it('two scans racing raise one warning and one case', async () => {
    await customer('racer');
    await activity('racer', 'order', [80, 70, 60, 50]);
    await asAdmin.put(`${ws}/early-warning/rules`, DEFAULT_RULES).expect(200);
    const [a, b] = await Promise.all([scan(), scan()]);
    expect(a.raised + b.raised).toBe(1);
    const open = await openOf('racer');
    expect(open).toHaveLength(1);
    const cases = await db().query(`SELECT id FROM cases WHERE workspace_id = $1 AND source = 'warning' AND source_id = $2`, [
      admin.workspaceId,
      open[0]!.id,
    ]);
    expect(cases).toHaveLength(1);
    expect(open[0]!.caseId).toBe(cases[0].id);
  });

  it('another workspace sees nothing of these warnings and cannot scan here', async () => {
    const other = await t.seedAdmin('Nosy Ltd');
    const asOther = await t.login(other.email, other.password);
    await asOther.get(`${ws}/early-warning/warnings`).expect(404);
    await asOther.get(`${ws}/early-warning/rules`).expect(404);
    await asOther.post(`${ws}/early-warning/scan`).expect(404);
    const theirs = (await asOther.get(`/api/v1/workspaces/${other.workspaceId}/early-warning/warnings`).expect(200)).body;
    expect(theirs.items).toEqual([]);
    expect(theirs.openByRule).toEqual({});
  });
});

describe('backtest', () => {
  it('replays without storing anything and measures warnings against cancellations', async () => {
    const before = (await db().query(`SELECT count(*)::int AS n FROM customer_warnings WHERE workspace_id = $1`, [admin.workspaceId]))[0].n;
    const res = (await asAdmin.get(`${ws}/early-warning/backtest?weeks=12`).expect(200)).body;
    expect(res).toMatchObject({ cancelled: 0, warnedFirst: 0, share: 0, medianDaysBefore: null });
    expect(res.warnedCustomers).toBeGreaterThan(0);
    expect(res.byRule.rfm_at_risk.warnings).toBe(0);
    expect((await db().query(`SELECT count(*)::int AS n FROM customer_warnings WHERE workspace_id = $1`, [admin.workspaceId]))[0].n).toBe(
      before,
    );
    await asAdmin.get(`${ws}/early-warning/backtest?weeks=1000`).expect(400);
    await asViewer.get(`${ws}/early-warning/backtest`).expect(403);
  });
});
