/**
 * Compensation within a budget (issue 19): approval at and over the limit, the admin's decision (exactly once, with
 * the compensation.granted webhook's exact payload), another currency, the period boundary, concurrent grants that
 * must never overspend, roles, token scopes, tenancy, hostile input, and the report on a hand-built set.
 */
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPENSATION_LOOKUP, type CompensationLookup } from '@otklik/backend/src/common/recovery/compensation-lookup.port';
import { CompensationService } from '@otklik/backend/src/compensation/compensation.service';
import { LoggedIn, SeededAdmin, SeededUser, startTestApp, TestApp } from '../support/app';
import { startWebhookReceiver, WebhookReceiver } from '../support/webhook-receiver';

let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let asAdmin2: LoggedIn;
let owner: SeededUser;
let asOwner: LoggedIn;
let analyst: SeededUser;
let asAnalyst: LoggedIn;
let viewer: SeededUser;
let asViewer: LoggedIn;
let receiver: WebhookReceiver;
let ws: string;
let touchpointId: string;
let caseId: string;
let caseNumber: number;

const db = () => t.app.get(DataSource);
const service = () => t.app.get(CompensationService);
const grantCount = async (workspaceId = admin.workspaceId): Promise<number> =>
  (await db().query(`SELECT count(*)::int AS n FROM compensation_grants WHERE workspace_id = $1`, [workspaceId]))[0].n;

async function newTouchpoint(workspaceId: string, name: string): Promise<string> {
  const rows = await db().query(
    `INSERT INTO touchpoints (workspace_id, name, stage, channel) VALUES ($1, $2, 'buying', 'email') RETURNING id`,
    [workspaceId, name],
  );
  return rows[0].id as string;
}

async function member(role: 'admin' | 'analyst' | 'owner' | 'viewer'): Promise<{ user: SeededUser; as: LoggedIn }> {
  const user = await t.createUser();
  await t.addMember(admin.workspaceId, user.userId, role);
  return { user, as: await t.login(user.email, user.password) };
}

/** Every budget of the workspace, replaced whole (PUT); the base budgets plus `extra`. */
async function saveBudgets(extra: object[] = []) {
  return asAdmin
    .put(`${ws}/compensation/budgets`, {
      budgets: [
        { role: 'owner', amount: '1000.00', currency: 'RUB', period: 'month' },
        { role: 'analyst', amount: '15000', currency: 'RUB', period: 'month' },
        ...extra,
      ],
    })
    .expect(200);
}

const grantBody = (amount: string, extra: object = {}) => ({ kind: 'refund', amount, reason: 'Courier was two days late', ...extra });

beforeAll(async () => {
  t = await startTestApp({ webhookAllowedNetworks: ['127.0.0.0/8'], webhookPollMs: 50 });
  admin = await t.seedAdmin('Compensation Desk');
  asAdmin = await t.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
  ({ as: asAdmin2 } = await member('admin'));
  ({ user: owner, as: asOwner } = await member('owner'));
  ({ user: analyst, as: asAnalyst } = await member('analyst'));
  ({ user: viewer, as: asViewer } = await member('viewer'));
  touchpointId = await newTouchpoint(admin.workspaceId, 'Delivery');
  await asAdmin.put(`${ws}/customers/cust-1`, { name: 'Anna' }).expect(201);
  const opened = (await asAdmin.post(`${ws}/cases`, { title: 'Parcel late', touchpointId, customerId: 'cust-1' }).expect(201)).body;
  caseId = opened.id;
  caseNumber = opened.number;
  receiver = await startWebhookReceiver();
  await asAdmin.post(`${ws}/webhooks`, { url: receiver.url, events: ['compensation.granted'] }).expect(201);
});
afterAll(async () => {
  await receiver?.close();
  await t?.close();
});

describe('budgets', () => {
  it('admins save budgets per role and per member; a member budget overrides the role', async () => {
    const saved = (await saveBudgets([{ userId: analyst.userId, amount: '300.5', currency: 'rub', period: 'quarter' }])).body;
    expect(saved.budgets).toEqual([
      expect.objectContaining({ scope: 'role', role: 'analyst', member: null, amount: '15000.00', currency: 'RUB', period: 'month' }),
      expect.objectContaining({ scope: 'role', role: 'owner', amount: '1000.00', currency: 'RUB', period: 'month' }),
      expect.objectContaining({
        scope: 'member',
        role: null,
        member: { id: analyst.userId, name: analyst.name },
        amount: '300.50',
        period: 'quarter',
      }),
    ]);
    const me = (await asAnalyst.get(`${ws}/compensation/me`).expect(200)).body;
    expect(me).toMatchObject({
      hasBudget: true,
      source: 'member',
      budget: '300.50',
      currency: 'RUB',
      period: 'quarter',
      spent: '0.00',
      remaining: '300.50',
    });
    const viewerMe = (await asViewer.get(`${ws}/compensation/me`).expect(200)).body;
    expect(viewerMe).toMatchObject({ hasBudget: false, budget: null, remaining: '0.00' });
    await saveBudgets(); // back to the role budgets only
    expect((await asAnalyst.get(`${ws}/compensation/me`).expect(200)).body).toMatchObject({ source: 'role', budget: '15000.00' });
  });

  it('refuses bad budgets whole (400, nothing changed) and non-admins (403)', async () => {
    const before = (await asAdmin.get(`${ws}/compensation/budgets`).expect(200)).body;
    const put = (budgets: object[]) => asAdmin.put(`${ws}/compensation/budgets`, { budgets });
    const ok = { role: 'owner', amount: '10', currency: 'RUB', period: 'month' };
    await put([ok, { ...ok }]).expect(400); // the same role twice
    await put([{ ...ok, role: 'viewer' }]).expect(400);
    await put([{ ...ok, role: undefined, userId: randomUUID() }]).expect(400); // not a member
    await put([{ ...ok, role: undefined, userId: viewer.userId }]).expect(400); // viewers cannot grant
    await put([{ ...ok, userId: owner.userId }]).expect(400); // both
    await put([{ ...ok, amount: '-1' }]).expect(400);
    await put([{ ...ok, amount: '1.005' }]).expect(400);
    await put([{ ...ok, amount: '1e5' }]).expect(400);
    await put([{ ...ok, amount: '9999999999999' }]).expect(400);
    await put([{ ...ok, currency: 'RUBL' }]).expect(400);
    await put([{ ...ok, period: 'week' }]).expect(400);
    await put(Array.from({ length: 501 }, () => ok)).expect(400);
    expect((await asAdmin.get(`${ws}/compensation/budgets`).expect(200)).body).toEqual(before);
    await asOwner.get(`${ws}/compensation/budgets`).expect(403);
    await asOwner.put(`${ws}/compensation/budgets`, { budgets: [] }).expect(403);
    await asViewer.put(`${ws}/compensation/budgets`, { budgets: [] }).expect(403);
  });
});

describe('grants at and over the budget', () => {
  let pendingId: string;

  it('a grant of exactly the budget is approved at once; a cent more waits for approval', async () => {
    const exact = (await asOwner.post(`${ws}/cases/${caseId}/compensations`, grantBody('1000')).expect(201)).body;
    expect(exact).toMatchObject({
      status: 'approved',
      withinBudget: true,
      amount: '1000.00',
      currency: 'RUB',
      caseNumber,
      customerExternalId: 'cust-1',
      touchpointId,
      grantedBy: { id: owner.userId, name: owner.name },
      decidedBy: null,
      budget: { budget: '1000.00', spent: '1000.00', remaining: '0.00', pending: '0.00' },
    });
    const [hook] = await receiver.waitFor(1, (h) => h.json.data.grantId === exact.id);
    expect(hook.json.type).toBe('compensation.granted');
    expect(hook.json.data).toEqual({
      grantId: exact.id,
      caseId,
      caseNumber,
      customerExternalId: 'cust-1',
      touchpointId,
      kind: 'refund',
      amount: '1000.00',
      currency: 'RUB',
      reason: 'Courier was two days late',
      grantedBy: owner.userId,
      approvedBy: null,
      selfApproved: false,
      withinBudget: true,
      approvedAt: exact.decidedAt,
    });

    const cent = (await asOwner.post(`${ws}/cases/${caseId}/compensations`, grantBody('0.01', { kind: 'bonus' })).expect(201)).body;
    expect(cent).toMatchObject({ status: 'pending', withinBudget: false, decidedAt: null, budget: { remaining: '0.00', pending: '0.01' } });
    pendingId = cent.id;
    const queue = (await asAdmin.get(`${ws}/compensation/grants?status=pending`).expect(200)).body;
    expect(queue.items.map((g: { id: string }) => g.id)).toEqual([pendingId]);
    expect(queue.total).toBe(1);
  });

  it('an admin approves it: approved by the admin, webhook with the exact payload, not spending the budget', async () => {
    const approved = (await asAdmin.post(`${ws}/compensation/grants/${pendingId}/approve`, { note: 'Loyal customer' }).expect(200)).body;
    expect(approved).toMatchObject({
      status: 'approved',
      withinBudget: false,
      decidedBy: { id: admin.userId },
      decisionNote: 'Loyal customer',
      selfApproved: false,
    });
    const [hook] = await receiver.waitFor(1, (h) => h.json.data.grantId === pendingId);
    expect(hook.json.data).toEqual({
      grantId: pendingId,
      caseId,
      caseNumber,
      customerExternalId: 'cust-1',
      touchpointId,
      kind: 'bonus',
      amount: '0.01',
      currency: 'RUB',
      reason: 'Courier was two days late',
      grantedBy: owner.userId,
      approvedBy: admin.userId,
      selfApproved: false,
      withinBudget: false,
      approvedAt: approved.decidedAt,
    });
    await asAdmin2.post(`${ws}/compensation/grants/${pendingId}/approve`).expect(409);
    await asAdmin2.post(`${ws}/compensation/grants/${pendingId}/reject`).expect(409);

    const ledger = (await asAdmin.get(`${ws}/compensation/ledger?userId=${owner.userId}`).expect(200)).body;
    expect(ledger.rows).toEqual([
      expect.objectContaining({
        member: { id: owner.userId, name: owner.name },
        role: 'owner',
        currency: 'RUB',
        budget: '1000.00',
        spent: '1000.00',
        approvedOverBudget: '0.01',
        pending: '0.00',
        remaining: '0.00',
        approvedCount: 2,
        pendingCount: 0,
      }),
    ]);
    const lookup = t.app.get<CompensationLookup>(COMPENSATION_LOOKUP, { strict: false });
    const seen = await lookup.forCases(admin.workspaceId, [caseId, randomUUID()]);
    expect([...seen.keys()]).toEqual([caseId]);
    expect(seen.get(caseId)).toMatchObject({ approvedTotals: [{ currency: 'RUB', amount: '1000.01' }], pendingCount: 0 });
  });

  it('rejects with a note: only admins, exactly once, and no webhook', async () => {
    const waiting = (await asOwner.post(`${ws}/cases/${caseId}/compensations`, grantBody('50', { kind: 'gift' })).expect(201)).body;
    await asOwner.post(`${ws}/compensation/grants/${waiting.id}/reject`).expect(403);
    await asAnalyst.post(`${ws}/compensation/grants/${waiting.id}/approve`).expect(403);
    const rejected = (await asAdmin.post(`${ws}/compensation/grants/${waiting.id}/reject`, { note: 'Already refunded' }).expect(200)).body;
    expect(rejected).toMatchObject({ status: 'rejected', decisionNote: 'Already refunded', decidedBy: { id: admin.userId } });
    await asAdmin.post(`${ws}/compensation/grants/${waiting.id}/approve`).expect(409);
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.received.filter((h) => h.json.data.grantId === waiting.id)).toEqual([]);
    const ofCase = (await asViewer.get(`${ws}/cases/${caseId}/compensations`).expect(200)).body.items;
    expect(ofCase.map((g: { status: string; amount: string }) => `${g.status} ${g.amount}`)).toEqual([
      'rejected 50.00',
      'approved 0.01',
      'approved 1000.00',
    ]);
  });

  it('another currency than the budget waits; without one the budget currency is taken', async () => {
    const eur = (await asAnalyst.post(`${ws}/cases/${caseId}/compensations`, grantBody('10', { currency: 'eur' })).expect(201)).body;
    expect(eur).toMatchObject({ status: 'pending', currency: 'EUR' });
    const rub = (await asAnalyst.post(`${ws}/cases/${caseId}/compensations`, grantBody('10')).expect(201)).body;
    expect(rub).toMatchObject({ status: 'approved', currency: 'RUB', budget: { spent: '10.00', remaining: '14990.00' } });
    const ledger = (await asAdmin.get(`${ws}/compensation/ledger?userId=${analyst.userId}`).expect(200)).body.rows;
    expect(
      ledger.map((r: { currency: string; budget: string | null; spent: string; pending: string }) => [
        r.currency,
        r.budget,
        r.spent,
        r.pending,
      ]),
    ).toEqual([
      ['RUB', '15000.00', '10.00', '0.00'],
      ['EUR', null, '0.00', '10.00'],
    ]);
  });

  it("last period's grants do not count against this period's budget", async () => {
    const { user } = await member('owner');
    await saveBudgets([{ userId: user.userId, amount: '500', currency: 'RUB', period: 'month' }]);
    const actor = { kind: 'user', userId: user.userId } as const;
    const lastMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 0, 23, 59, 59)); // the last second of last month
    const old = await service().grant(admin.workspaceId, actor, caseId, grantBody('500'), { now: lastMonth });
    expect(old.grant).toMatchObject({ status: 'approved', withinBudget: true });
    const over = await service().grant(admin.workspaceId, actor, caseId, grantBody('0.01'), { now: lastMonth });
    expect(over.grant.status).toBe('pending');
    const fresh = await service().grant(admin.workspaceId, actor, caseId, grantBody('500'));
    expect(fresh.grant).toMatchObject({ status: 'approved', withinBudget: true });
    expect(fresh.budget).toMatchObject({ spent: '500.00', remaining: '0.00' });
    expect(old.grant.periodStart < fresh.grant.periodStart).toBe(true);
    await saveBudgets();
  });

  it('a closed case can still be compensated; an unknown case is 404', async () => {
    const closed = (await asAdmin.post(`${ws}/cases`, { title: 'Closed', customerId: 'cust-1' }).expect(201)).body;
    await db().query(`UPDATE cases SET status = 'closed', closed_at = now() WHERE id = $1`, [closed.id]);
    await asAnalyst.post(`${ws}/cases/${closed.id}/compensations`, grantBody('5')).expect(201);
    await asAnalyst.post(`${ws}/cases/${randomUUID()}/compensations`, grantBody('5')).expect(404);
    await asAnalyst.post(`${ws}/cases/not-a-uuid/compensations`, grantBody('5')).expect(404);
  });
});

describe('races', () => {
  it('10 concurrent grants of 150 against a budget of 1,000: exactly 6 approved, 4 pending, never overspent (3 rounds)', async () => {
    const rounds: { approved: number; pending: number; sum: string }[] = [];
    for (let round = 0; round < 3; round++) {
      const { user, as } = await member('analyst');
      await saveBudgets([{ userId: user.userId, amount: '1000', currency: 'RUB', period: 'month' }]);
      const answers = await Promise.all(Array.from({ length: 10 }, () => as.post(`${ws}/cases/${caseId}/compensations`, grantBody('150'))));
      expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
      const [row] = await db().query(
        `SELECT count(*) FILTER (WHERE status = 'approved')::int AS approved, count(*) FILTER (WHERE status = 'pending')::int AS pending,
                coalesce(sum(amount) FILTER (WHERE status = 'approved'), 0)::text AS sum
           FROM compensation_grants WHERE workspace_id = $1 AND granted_by = $2`,
        [admin.workspaceId, user.userId],
      );
      rounds.push(row);
    }
    expect(rounds).toEqual(Array(3).fill({ approved: 6, pending: 4, sum: '900.00' }));
    await saveBudgets();
  });

  it('four eyes: an admin cannot decide on their own grant while another admin exists (403 own_grant); the other can', async () => {
    const mine = (await asAdmin.post(`${ws}/cases/${caseId}/compensations`, grantBody('5000', { currency: 'RUB' })).expect(201)).body;
    expect(mine).toMatchObject({ status: 'pending', grantedBy: { id: admin.userId } });
    for (const verb of ['approve', 'reject']) {
      const refused = await asAdmin.post(`${ws}/compensation/grants/${mine.id}/${verb}`, { note: 'mine' }).expect(403);
      expect(refused.body.error).toMatchObject({ code: 'own_grant', message: 'Another admin must decide on your grant.' });
    }
    expect((await asAdmin.get(`${ws}/compensation/grants/${mine.id}`).expect(200)).body).toMatchObject({
      status: 'pending',
      decidedBy: null,
    });
    const approved = (await asAdmin2.post(`${ws}/compensation/grants/${mine.id}/approve`).expect(200)).body;
    expect(approved).toMatchObject({ status: 'approved', grantedBy: { id: admin.userId }, selfApproved: false });
    expect(approved.decidedBy.id).not.toBe(admin.userId);
  });

  it('the only admin of a workspace may approve their own grant: marked selfApproved in the grant, the ledger and the webhook', async () => {
    const solo = await t.seedAdmin('Solo Desk');
    const asSolo = await t.login(solo.email, solo.password);
    const sws = `/api/v1/workspaces/${solo.workspaceId}`;
    await asSolo.post(`${sws}/webhooks`, { url: receiver.url, events: ['compensation.granted'] }).expect(201);
    const opened = (await asSolo.post(`${sws}/cases`, { title: 'Wrong size' }).expect(201)).body;
    const mine = (await asSolo.post(`${sws}/cases/${opened.id}/compensations`, grantBody('700.50', { currency: 'RUB' })).expect(201)).body;
    expect(mine).toMatchObject({ status: 'pending', selfApproved: false });
    const approved = (await asSolo.post(`${sws}/compensation/grants/${mine.id}/approve`).expect(200)).body;
    expect(approved).toMatchObject({ status: 'approved', decidedBy: { id: solo.userId }, selfApproved: true });
    const [hook] = await receiver.waitFor(1, (h) => h.json.data.grantId === mine.id);
    expect(hook.json.data).toMatchObject({ grantedBy: solo.userId, approvedBy: solo.userId, selfApproved: true, withinBudget: false });
    const ledger = (await asSolo.get(`${sws}/compensation/ledger`).expect(200)).body;
    expect(ledger.rows).toEqual([
      expect.objectContaining({ member: { id: solo.userId, name: solo.name }, approvedOverBudget: '700.50', selfApproved: '700.50' }),
    ]);
    // A second admin joins: from now on a grant of the first needs the second.
    const second = await t.createUser();
    await t.addMember(solo.workspaceId, second.userId, 'admin');
    const next = (await asSolo.post(`${sws}/cases/${opened.id}/compensations`, grantBody('10', { currency: 'RUB' })).expect(201)).body;
    await asSolo.post(`${sws}/compensation/grants/${next.id}/reject`).expect(403);
  });

  it('two admins approving one pending grant at once: one 200, one 409, one webhook', async () => {
    const waiting = (await asOwner.post(`${ws}/cases/${caseId}/compensations`, grantBody('77')).expect(201)).body;
    expect(waiting.status).toBe('pending');
    const answers = await Promise.all([
      asAdmin.post(`${ws}/compensation/grants/${waiting.id}/approve`),
      asAdmin2.post(`${ws}/compensation/grants/${waiting.id}/approve`),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    await receiver.waitFor(1, (h) => h.json.data.grantId === waiting.id);
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.received.filter((h) => h.json.data.grantId === waiting.id)).toHaveLength(1);
  });

  it('an approval and a rejection at once: exactly one wins', async () => {
    const waiting = (await asOwner.post(`${ws}/cases/${caseId}/compensations`, grantBody('78')).expect(201)).body;
    const answers = await Promise.all([
      asAdmin.post(`${ws}/compensation/grants/${waiting.id}/approve`),
      asAdmin2.post(`${ws}/compensation/grants/${waiting.id}/reject`),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
  });
});

describe('access, tokens, tenancy and hostile input', () => {
  it('viewers cannot grant or decide', async () => {
    const before = await grantCount();
    await asViewer.post(`${ws}/cases/${caseId}/compensations`, grantBody('1')).expect(403);
    const anyId = (await asAdmin.get(`${ws}/compensation/grants?limit=1`).expect(200)).body.items[0].id;
    await asViewer.post(`${ws}/compensation/grants/${anyId}/approve`).expect(403);
    expect(await grantCount()).toBe(before);
  });

  it('token scopes: read lists, write grants (waiting: a token has no budget), no token decides (a person must)', async () => {
    const token = async (as: LoggedIn, scopes: string[]) =>
      (await as.post(`${ws}/api-tokens`, { name: scopes.join('+'), scopes }).expect(201)).body.secret as string;
    const read = await token(asAdmin, ['compensation:read']);
    const write = await token(asAdmin, ['compensation:write']);
    const other = await token(asAdmin, ['cases:read']);
    const bearer = (secret: string) => ({ Authorization: `Bearer ${secret}` });
    await t.http().get(`${ws}/compensation/grants`).set(bearer(read)).expect(200);
    // A nameless member: a read token sees "Member <short id>", never their email (that needs members:read); a person sees the email.
    await db().query(`UPDATE users SET name = '' WHERE id = $1`, [owner.userId]);
    const nameless = `Member ${owner.userId.slice(0, 8)}`;
    for (const path of [`grants?userId=${owner.userId}`, `ledger?userId=${owner.userId}`, 'budgets']) {
      const seen = await t.http().get(`${ws}/compensation/${path}`).set(bearer(read)).expect(200);
      expect(JSON.stringify(seen.body)).not.toContain(owner.email);
    }
    const tokenGrants = (await t.http().get(`${ws}/compensation/grants?userId=${owner.userId}`).set(bearer(read)).expect(200)).body;
    expect(new Set(tokenGrants.items.map((g: { grantedBy: { name: string } }) => g.grantedBy.name))).toEqual(new Set([nameless]));
    const tokenLedger = (await t.http().get(`${ws}/compensation/ledger?userId=${owner.userId}`).set(bearer(read)).expect(200)).body;
    expect(tokenLedger.rows[0].member).toEqual({ id: owner.userId, name: nameless });
    const ownGrant = (await t.http().get(`${ws}/compensation/grants/${tokenGrants.items[0].id}`).set(bearer(read)).expect(200)).body;
    expect(ownGrant.grantedBy.name).toBe(nameless);
    const personGrants = (await asAdmin.get(`${ws}/compensation/grants?userId=${owner.userId}`).expect(200)).body;
    expect(personGrants.items[0].grantedBy.name).toBe(owner.email);
    expect((await asAdmin.get(`${ws}/compensation/ledger?userId=${owner.userId}`).expect(200)).body.rows[0].member.name).toBe(owner.email);
    await db().query(`UPDATE users SET name = $2 WHERE id = $1`, [owner.userId, owner.name]);
    await t.http().get(`${ws}/compensation/report`).set(bearer(read)).expect(200);
    await t.http().get(`${ws}/compensation/grants`).set(bearer(other)).expect(403);
    await t.http().post(`${ws}/cases/${caseId}/compensations`).set(bearer(read)).send(grantBody('1')).expect(403);
    await t.http().get(`${ws}/compensation/me`).set(bearer(read)).expect(403);
    const byToken = (
      await t
        .http()
        .post(`${ws}/cases/${caseId}/compensations`)
        .set(bearer(write))
        .send(grantBody('2', { currency: 'RUB' }))
        .expect(201)
    ).body;
    expect(byToken).toMatchObject({ status: 'pending', grantedBy: null, budget: null });
    await t.http().post(`${ws}/compensation/grants/${byToken.id}/approve`).set(bearer(read)).expect(403);
    const all = await token(asAdmin, ['compensation:read', 'compensation:write']);
    for (const secret of [write, all]) {
      for (const verb of ['approve', 'reject']) {
        const refused = await t.http().post(`${ws}/compensation/grants/${byToken.id}/${verb}`).set(bearer(secret)).send({}).expect(403);
        expect(refused.body.error.code).toBe('token_not_allowed');
      }
    }
    expect((await asAdmin.get(`${ws}/compensation/grants/${byToken.id}`).expect(200)).body).toMatchObject({
      status: 'pending',
      decidedBy: null,
    });
    // A person decides it, and the webhook names them.
    await asAdmin.post(`${ws}/compensation/grants/${byToken.id}/approve`).expect(200);
    const [hook] = await receiver.waitFor(1, (h) => h.json.data.grantId === byToken.id);
    expect(hook.json.data).toMatchObject({ grantedBy: null, approvedBy: admin.userId, withinBudget: false });
    // A token needs a currency: it has no budget to take one from.
    await t.http().post(`${ws}/cases/${caseId}/compensations`).set(bearer(write)).send(grantBody('2')).expect(400);
  });

  it("another workspace's case and grants are 404 and nothing changes", async () => {
    const other = await t.seedAdmin('Elsewhere');
    const asOther = await t.login(other.email, other.password);
    const ows = `/api/v1/workspaces/${other.workspaceId}`;
    const ours = (await asAdmin.get(`${ws}/compensation/grants?status=pending&limit=1`).expect(200)).body.items[0];
    const before = await grantCount();
    await asOther.post(`${ows}/cases/${caseId}/compensations`, grantBody('1', { currency: 'RUB' })).expect(404);
    await asOther.get(`${ows}/cases/${caseId}/compensations`).expect(404);
    await asOther.get(`${ows}/compensation/grants/${ours.id}`).expect(404);
    await asOther.post(`${ows}/compensation/grants/${ours.id}/approve`).expect(404);
    await asOther.post(`${ows}/compensation/grants/${ours.id}/reject`).expect(404);
    await asOther.get(`${ws}/compensation/grants`).expect(404);
    expect(await grantCount()).toBe(before);
    expect((await asAdmin.get(`${ws}/compensation/grants/${ours.id}`).expect(200)).body.status).toBe('pending');
  });

  it('hostile input is 400 and changes nothing; an idempotency key makes one grant', async () => {
    const before = await grantCount();
    const post = (body: object) => asAnalyst.post(`${ws}/cases/${caseId}/compensations`, body);
    await post(grantBody('0')).expect(400);
    await post(grantBody('-5')).expect(400);
    await post(grantBody('1e3')).expect(400);
    await post(grantBody('12.345')).expect(400);
    await post(grantBody('1000000000000')).expect(400);
    await post(grantBody('NaN')).expect(400);
    await post(grantBody('10', { kind: 'cash' })).expect(400);
    await post(grantBody('10', { reason: '   ' })).expect(400);
    await post(grantBody('10', { reason: 'x'.repeat(1001) })).expect(400);
    await post(grantBody('10', { currency: 'R$' })).expect(400);
    await post(grantBody('10', { idempotencyKey: 'k'.repeat(201) })).expect(400);
    await post({ kind: 'refund', amount: { $gt: 0 }, reason: 'x' }).expect(400);
    await asAdmin.get(`${ws}/compensation/grants?status=lost`).expect(400);
    await asAdmin.get(`${ws}/compensation/ledger?period=2026-13-01`).expect(400);
    // Days that do not exist are refused as such: never a 500 from PostgreSQL nor a silent roll-over into March.
    for (const url of [
      'grants?period=2026-02-30',
      'grants?period=0000-01-01',
      'ledger?period=2026-02-31',
      'ledger?period=1969-12-31',
      'report?from=2026-02-30&to=2026-03-10',
      'report?from=2026-02-01&to=2026-04-31',
      'report.csv?from=2025-02-29',
    ]) {
      const refused = await asAdmin.get(`${ws}/compensation/${url}`).expect(400);
      expect(refused.body.error.code).toBe('validation_failed');
    }
    await asAdmin.get(`${ws}/compensation/ledger?period=2028-02-29`).expect(200);
    await asAdmin.get(`${ws}/compensation/report?from=2026-12-01&to=2026-01-01`).expect(400);
    await asAdmin.get(`${ws}/compensation/report?from=2000-01-01&to=2026-01-01`).expect(400);
    expect(await grantCount()).toBe(before);

    const key = randomUUID();
    const first = await post(grantBody('11', { idempotencyKey: key })).expect(201);
    const again = await post(grantBody('11.00', { idempotencyKey: key })).expect(200);
    expect(again.body.id).toBe(first.body.id);
    await post(grantBody('12', { idempotencyKey: key })).expect(409);
    await asOwner.post(`${ws}/cases/${caseId}/compensations`, grantBody('11', { idempotencyKey: key })).expect(409);
    expect(await grantCount()).toBe(before + 1);
  });
});

describe('the report on a hand-built set', () => {
  it('spent against customers kept and revenue saved, by touchpoint and by kind, and as CSV', async () => {
    const boss = await t.seedAdmin('Report Desk');
    const asBoss = await t.login(boss.email, boss.password);
    const rws = `/api/v1/workspaces/${boss.workspaceId}`;
    await asBoss
      .put(`${rws}/compensation/budgets`, { budgets: [{ role: 'admin', amount: '100000', currency: 'RUB', period: 'year' }] })
      .expect(200);
    const shop = await newTouchpoint(boss.workspaceId, 'Shop');
    const courier = await newTouchpoint(boss.workspaceId, 'Courier');
    const actor = { kind: 'user', userId: boss.userId } as const;
    const day = (iso: string) => new Date(`${iso}T10:00:00Z`);
    const cases: Record<string, string> = {};
    for (const [customer, tp] of [
      ['a', shop],
      ['b', courier],
      ['c', courier],
      ['d', shop],
    ] as const) {
      await asBoss.put(`${rws}/customers/${customer}`, { name: customer.toUpperCase() }).expect(201);
      cases[customer] = (
        await asBoss.post(`${rws}/cases`, { title: `Case ${customer}`, touchpointId: tp, customerId: customer }).expect(201)
      ).body.id;
    }
    const grant = (customer: string, kind: 'refund' | 'discount' | 'gift', amount: string, at: string, currency = 'RUB') =>
      service().grant(boss.workspaceId, actor, cases[customer], { kind, amount, currency, reason: 'r' }, { now: day(at) });
    // A: refund 500 + gift 250.50 (Shop); B: discount 300 (Courier); C: refund 1000 (Courier), cancels; D: gift 200 (Shop), turns red.
    await grant('a', 'refund', '500', '2026-03-01');
    await grant('a', 'gift', '250.50', '2026-03-20');
    await grant('b', 'discount', '300', '2026-03-05');
    await grant('c', 'refund', '1000', '2026-03-10');
    await grant('d', 'gift', '200', '2026-04-01');
    await grant('a', 'refund', '99', '2026-04-02', 'EUR'); // another currency: waits (not approved), not in the report
    await grant('b', 'refund', '70', '2026-05-15'); // after the range

    const activity = (customer: string, kind: string, amount: string, at: string, currency: string | null = 'RUB') =>
      db().query(
        `INSERT INTO customer_activity (workspace_id, customer_external_id, event_id, kind, amount, currency, occurred_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [boss.workspaceId, customer, randomUUID(), kind, amount, currency, day(at)],
      );
    await activity('a', 'order', '999', '2026-02-27'); // before the grant
    await activity('a', 'order', '1200.50', '2026-03-15');
    await activity('a', 'order', '800', '2026-05-29'); // day 89 after 1 March
    await activity('a', 'payment', '100', '2026-04-01'); // payments 100 < orders 2000.50: orders count
    await activity('a', 'order', '5000', '2026-05-30'); // day 90: outside
    await activity('a', 'order', '700', '2026-03-16', 'EUR'); // another currency
    await activity('b', 'payment', '300', '2026-04-01');
    await activity('b', 'payment', '120', '2026-04-20', null); // no currency: counts
    await activity('c', 'order', '400', '2026-03-20'); // C cancels: not kept, no revenue
    await activity('d', 'order', '50', '2026-04-10');
    const flow = (await asBoss.post(`${rws}/churn/flows`, { name: 'Leaving', languages: ['en'] }).expect(201)).body;
    await db().query(
      `INSERT INTO cancellations (workspace_id, flow_id, idempotency_key, customer_external_id, customer_verified, outcome, finished_at)
       VALUES ($1, $2, $3, 'c', true, 'cancelled', $4)`,
      [boss.workspaceId, flow.id, randomUUID(), day('2026-04-15')],
    );
    await db().query(
      `INSERT INTO customer_status_changes (workspace_id, customer_external_id, from_status, to_status, changed_at, cause)
       VALUES ($1, 'd', 'gold', 'red_gold', $2, 'rules')`,
      [boss.workspaceId, day('2026-05-01')],
    );

    const report = (await asBoss.get(`${rws}/compensation/report?from=2026-03-01&to=2026-04-30`).expect(200)).body;
    expect(report).toMatchObject({ from: '2026-03-01', to: '2026-04-30', currency: 'RUB', currencies: ['RUB'], outcomeDays: 90 });
    // Spent 500 + 250.50 + 300 + 1000 + 200; kept A and B; A 1200.50 + 800, B 300 + 120.
    expect(report.total).toEqual({ key: null, label: null, spent: '2250.50', grants: 5, customers: 4, kept: 2, revenueSaved: '2420.50' });
    expect(report.byTouchpoint).toEqual([
      { key: courier, label: 'Courier', spent: '1300.00', grants: 2, customers: 2, kept: 1, revenueSaved: '420.00' },
      { key: shop, label: 'Shop', spent: '950.50', grants: 3, customers: 2, kept: 1, revenueSaved: '2000.50' },
    ]);
    // By kind, A's gift window starts on 20 March: the order of 15 March is before it, 29 May (800) and 30 May (5000) in it.
    expect(report.byKind).toEqual([
      { key: 'refund', label: null, spent: '1500.00', grants: 2, customers: 2, kept: 1, revenueSaved: '2000.50' },
      { key: 'gift', label: null, spent: '450.50', grants: 2, customers: 2, kept: 1, revenueSaved: '5800.00' },
      { key: 'discount', label: null, spent: '300.00', grants: 1, customers: 1, kept: 1, revenueSaved: '420.00' },
    ]);
    const csv = await asBoss.get(`${rws}/compensation/report.csv?from=2026-03-01&to=2026-04-30`).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('group,key,label,currency,spent,grants,customers,kept,revenue_saved,from,to');
    expect(lines[1]).toBe('total,,,RUB,2250.50,5,4,2,2420.50,2026-03-01,2026-04-30');
    expect(lines).toHaveLength(1 + 1 + 2 + 3);
    const empty = (await asBoss.get(`${rws}/compensation/report?from=2025-01-01&to=2025-02-01`).expect(200)).body;
    expect(empty).toMatchObject({ currency: null, total: { spent: '0.00', customers: 0 }, byTouchpoint: [] });
  });
});
