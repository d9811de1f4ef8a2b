import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoggedIn, SeededAdmin, SeededUser, startTestApp, TestApp } from '../support/app';
import { customerSigner } from '../support/identity';

/**
 * Who lost whom on a hand-built base. Period: 1 Jun – 1 Sep 2026. "me" is the admin who asks.
 *
 *   customer  manager  MRR  in the period                                              now
 *   a1        me       100  turned red_gold (10 Jun)                                    red_gold
 *   a2        me       200  a cancellation flow saved by an offer; NPS 10                gold
 *   a3        me         0  NPS 3                                                       open case at "Checkout"
 *   b1        mila     300  turned red_platinum (2 Jul); NPS 9                          red_platinum
 *   b2        mila       0  a warning cleared (1 Aug)                                   gold
 *   b3        mila       0  a warning cleared, but they are red (turned red in May)     red_gold
 *   c1        —         50  turned red_green (5 Aug)                                    two open cases, no touchpoint
 *
 * By manager: me 3 customers, 1 loss (100), 1 save (offer), NPS (1 − 1)/2 = 0, 1 open case;
 * mila 3, 1 loss (300), 1 save (warning), NPS 100 of 1; nobody 1, 1 loss (50), 0 saves, no NPS, 2 open cases.
 */
let t: TestApp;
let admin: SeededAdmin;
let mila: SeededUser;
let asAdmin: LoggedIn;
let ws: string;
let checkout: string;

const PERIOD = 'from=2026-06-01T00:00:00Z&to=2026-09-01T00:00:00Z';
const db = () => t.app.get(DataSource);

async function statusChange(id: string, to: string, at: string) {
  await db().query(
    `UPDATE customers SET colour_status = $3, status_override = $3, status_override_at = $4 WHERE workspace_id = $1 AND external_id = $2`,
    [admin.workspaceId, id, to, at],
  );
  await db().query(
    `INSERT INTO customer_status_changes (workspace_id, customer_external_id, from_status, to_status, changed_at, cause)
     VALUES ($1, $2, 'gold', $3, $4, 'override')`,
    [admin.workspaceId, id, to, at],
  );
}

async function clearedWarning(id: string, at: string) {
  await db().query(
    `INSERT INTO customer_warnings (workspace_id, customer_external_id, rule, raised_at, cleared_at) VALUES ($1, $2, 'rhythm_break', $3, $4)`,
    [admin.workspaceId, id, '2026-07-01T00:00:00Z', at],
  );
}

beforeAll(async () => {
  t = await startTestApp({ publicLimitPerIpPerMinute: 100_000, backgroundJobs: false });
  admin = await t.seedAdmin('Who lost whom');
  asAdmin = await t.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
  mila = await t.createUser({ name: 'Mila' });
  await t.addMember(admin.workspaceId, mila.userId, 'analyst');
  const sign = await customerSigner(asAdmin, admin.workspaceId);

  const customers: [string, string | null, number][] = [
    ['a1', admin.userId, 100],
    ['a2', admin.userId, 200],
    ['a3', admin.userId, 0],
    ['b1', mila.userId, 300],
    ['b2', mila.userId, 0],
    ['b3', mila.userId, 0],
    ['c1', null, 50],
  ];
  for (const [id, accountManagerId, mrr] of customers) {
    await asAdmin.put(`${ws}/customers/${id}`, { name: `Customer ${id}`, mrr, accountManagerId }).expect(201);
  }

  const flow = (await asAdmin.post(`${ws}/churn/flows`, { name: 'Cancel', reasonKeys: ['too_expensive'] }).expect(201)).body;
  const saved = await t
    .http()
    .post(`/api/v1/public/cancellation-flows/${flow.publicKey}/submissions`)
    .send({
      idempotencyKey: randomUUID(),
      customerId: 'a2',
      customerHash: sign('a2'),
      reasonKey: 'too_expensive',
      finished: true,
      offerAccepted: true,
    })
    .expect(201);
  await db().query(`UPDATE cancellations SET finished_at = '2026-06-20T10:00:00Z' WHERE id = $1`, [saved.body.cancellationId]);

  const survey = (
    await asAdmin
      .post(`${ws}/surveys`, {
        name: 'Relationship NPS',
        kind: 'nps',
        displayRules: { trigger: 'page_load', samplePercent: 100, recontactDays: 0, stopAfterResponse: false },
      })
      .expect(201)
  ).body;
  await asAdmin.patch(`${ws}/surveys/${survey.id}`, { status: 'live' }).expect(200);
  for (const [id, score] of [
    ['a2', 10],
    ['a3', 3],
    ['b1', 9],
  ] as const) {
    const res = await t
      .http()
      .post(`/api/v1/public/surveys/${survey.publicKey}/responses`)
      .send({
        idempotencyKey: randomUUID(),
        respondentId: `r-${randomUUID()}`,
        customerId: id,
        customerHash: sign(id),
        answers: { score },
        finished: true,
      })
      .expect(201);
    await db().query(`UPDATE responses SET created_at = '2026-07-15T10:00:00Z' WHERE id = $1`, [res.body.responseId]);
  }
  // An answer outside the period does not count.
  await t
    .http()
    .post(`/api/v1/public/surveys/${survey.publicKey}/responses`)
    .send({
      idempotencyKey: randomUUID(),
      respondentId: `r-${randomUUID()}`,
      customerId: 'b1',
      customerHash: sign('b1'),
      answers: { score: 0 },
      finished: true,
    })
    .expect(201);

  checkout = (await asAdmin.post(`${ws}/touchpoints`, { name: 'Checkout', stage: 'buying', channel: 'chat' }).expect(201)).body.id;
  await asAdmin.post(`${ws}/cases`, { title: 'Refund', customerId: 'a3', touchpointId: checkout }).expect(201);
  await asAdmin.post(`${ws}/cases`, { title: 'Late box', customerId: 'c1' }).expect(201);
  await asAdmin.post(`${ws}/cases`, { title: 'Late again', customerId: 'c1' }).expect(201);

  await statusChange('a1', 'red_gold', '2026-06-10T09:00:00Z');
  await statusChange('b1', 'red_platinum', '2026-07-02T09:00:00Z');
  await statusChange('b3', 'red_gold', '2026-05-20T09:00:00Z');
  await statusChange('c1', 'red_green', '2026-08-05T09:00:00Z');
  await clearedWarning('b2', '2026-08-01T00:00:00Z');
  await clearedWarning('b3', '2026-08-01T00:00:00Z');
});
afterAll(() => t.close());

type Row = {
  key: string | null;
  label: string | null;
  mine: boolean;
  customers: number;
  losses: number;
  saves: number;
  savedByOffer: number;
  warningsCleared: number;
  moneyLost: number;
  nps: number | null;
  npsResponses: number;
  openCases: number;
};

describe('the managers report', () => {
  it('counts losses, saves, money lost, NPS and open cases per account manager, mine first', async () => {
    const r = (await asAdmin.get(`${ws}/customers/managers-report?${PERIOD}`).expect(200)).body;
    expect(r.by).toBe('manager');
    expect(r.rows).toEqual<Row[]>([
      {
        key: admin.userId,
        label: expect.any(String) as unknown as string,
        mine: true,
        customers: 3,
        losses: 1,
        saves: 1,
        savedByOffer: 1,
        warningsCleared: 0,
        moneyLost: 100,
        nps: 0,
        npsResponses: 2,
        openCases: 1,
      },
      {
        key: mila.userId,
        label: 'Mila',
        mine: false,
        customers: 3,
        losses: 1,
        saves: 1,
        savedByOffer: 0,
        warningsCleared: 1,
        moneyLost: 300,
        nps: 100,
        npsResponses: 1,
        openCases: 0,
      },
      {
        key: null,
        label: null,
        mine: false,
        customers: 1,
        losses: 1,
        saves: 0,
        savedByOffer: 0,
        warningsCleared: 0,
        moneyLost: 50,
        nps: null,
        npsResponses: 0,
        openCases: 2,
      },
    ]);
  });

  it("puts Mila's own portfolio first when she asks", async () => {
    const asMila = await t.login(mila.email, mila.password);
    const r = (await asMila.get(`${ws}/customers/managers-report?${PERIOD}`).expect(200)).body;
    expect(r.rows.map((row: Row) => [row.key, row.mine])).toEqual([
      [mila.userId, true],
      [admin.userId, false],
      [null, false],
    ]);
  });

  it('groups by the touchpoint of the latest case', async () => {
    const r = (await asAdmin.get(`${ws}/customers/managers-report?${PERIOD}&by=touchpoint`).expect(200)).body;
    const rows = r.rows.map((row: Row) => [row.label, row.customers, row.losses, row.saves, row.moneyLost, row.nps, row.openCases]);
    // Checkout: a3 (NPS 3 → −100, its open case). The rest have no case at a touchpoint: 6 customers, 3 losses (a1, b1, c1).
    expect(rows).toEqual([
      ['Checkout', 1, 0, 0, 0, -100, 1],
      [null, 6, 3, 2, 450, 100, 2],
    ]);
  });

  it('groups by saved segment', async () => {
    await db().query(
      `INSERT INTO segments (workspace_id, name, rules) VALUES ($1, 'MRR 200+', '[{"field":"mrr","op":"gte","value":200}]')`,
      [admin.workspaceId],
    );
    const r = (await asAdmin.get(`${ws}/customers/managers-report?${PERIOD}&by=segment`).expect(200)).body;
    expect(
      r.rows.map((row: Row) => [row.label, row.customers, row.losses, row.saves, row.moneyLost, row.nps, row.npsResponses, row.openCases]),
    ).toEqual([['MRR 200+', 2, 1, 1, 300, 100, 2, 0]]);
  });

  it('exports CSV and refuses bad input', async () => {
    const res = await asAdmin.get(`${ws}/customers/managers-report.csv?${PERIOD}`).expect(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('group,key,name,customers,losses,saves,saved_by_offer,warnings_cleared,money_lost,nps,nps_responses,open_cases');
    expect(lines[2]).toBe(`manager,${mila.userId},Mila,3,1,1,0,1,300,100,1,0`);
    expect(lines[3]).toBe('manager,,,1,1,0,0,0,50,,0,2');
    for (const query of ['by=planet', 'from=yesterday', 'from=2026-09-01T00:00:00Z&to=2026-06-01T00:00:00Z']) {
      const bad = await asAdmin.get(`${ws}/customers/managers-report?${query}`);
      expect(bad.status, query).toBe(400);
      expect(bad.body.error.code, query).toBe('validation_failed');
    }
  });

  it('lets viewers read; other workspaces and other scopes get nothing', async () => {
    const viewer = await t.createUser();
    await t.addMember(admin.workspaceId, viewer.userId, 'viewer');
    const asViewer = await t.login(viewer.email, viewer.password);
    expect((await asViewer.get(`${ws}/customers/managers-report?${PERIOD}`).expect(200)).body.rows).toHaveLength(3);
    const other = await t.seedAdmin('Elsewhere');
    const asOther = await t.login(other.email, other.password);
    expect((await asOther.get(`${ws}/customers/managers-report?${PERIOD}`)).status).toBe(404);
    const token = (await asAdmin.post(`${ws}/api-tokens`, { name: 'BI', scopes: ['surveys:read'] }).expect(201)).body.secret as string;
    expect((await t.http().get(`${ws}/customers/managers-report`).set('Authorization', `Bearer ${token}`)).status).toBe(403);
  });

  it('hides NPS from tokens without responses:read and open cases from tokens without cases:read', async () => {
    const token = async (scopes: string[]) =>
      (await asAdmin.post(`${ws}/api-tokens`, { name: 'BI', scopes }).expect(201)).body.secret as string;
    const figures = async (secret: string) => {
      const res = await t.http().get(`${ws}/customers/managers-report?${PERIOD}`).set('Authorization', `Bearer ${secret}`).expect(200);
      return Object.fromEntries(
        (res.body.rows as Row[]).map((r) => [String(r.key), [r.losses, r.moneyLost, r.nps, r.npsResponses, r.openCases]]),
      );
    };
    // Same figures as the first test; a token is nobody's "mine".
    expect(await figures(await token(['customers:read']))).toEqual({
      [admin.userId]: [1, 100, null, null, null],
      [mila.userId]: [1, 300, null, null, null],
      null: [1, 50, null, null, null],
    });
    expect(await figures(await token(['customers:read', 'responses:read']))).toEqual({
      [admin.userId]: [1, 100, 0, 2, null],
      [mila.userId]: [1, 300, 100, 1, null],
      null: [1, 50, null, 0, null],
    });
    expect(await figures(await token(['customers:read', 'cases:read']))).toEqual({
      [admin.userId]: [1, 100, null, null, 1],
      [mila.userId]: [1, 300, null, null, 0],
      null: [1, 50, null, null, 2],
    });
    const csv = await t
      .http()
      .get(`${ws}/customers/managers-report.csv?${PERIOD}`)
      .set('Authorization', `Bearer ${await token(['customers:read'])}`)
      .expect(200);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines.slice(1).every((line) => line.endsWith(',,,'))).toBe(true);
  });
});
