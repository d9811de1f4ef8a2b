import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';
import { customerSigner } from '../support/identity';

/**
 * The red spectrum on a hand-built base; every expected number is computed by hand below.
 * Period: 1 Jun – 1 Sep 2026 (UTC), so the trend has three months.
 *
 *   customer  status now    MRR   entered   evidence                                                    loss reason
 *   p1        red_platinum  1000  10 Jun    cancelled "too_expensive"; closed case "poor_service"        too_expensive (cancellation first)
 *   p2        red_platinum   500   5 Jul    closed case "poor_service"; a flow saved by an offer           poor_service
 *   p3        red_platinum   300  20 Aug    NPS 3, its comment in the cluster "Late couriers"              cluster
 *   g1        red_gold       200  15 Jun    cancelled "too_expensive"                                      too_expensive
 *   g2        red_gold       100  25 Jul    NPS 3 (unclustered) in "Relationship NPS", then an NPS 10      survey
 *   n1        red_green        0   2 Aug    nothing                                                      unknown
 *   n2        red_green       50   3 Aug    closed case "moved_away"                                       moved_away
 *   old       red_platinum   900  20 May    cancelled "too_expensive"                                      (before the period)
 *   w1        gold           700  —         cancelled "poor_service"                                       (not red)
 *
 * 7 red customers: platinum 3 (42.9 %, 1800), gold 2 (28.6 %, 300), green 2 (28.6 %, 50); 2150 in all.
 */
let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let ws: string;
let sign: (customerId: string) => string;
let surveyId: string;
let clusterId: string;

const PERIOD = 'from=2026-06-01T00:00:00Z&to=2026-09-01T00:00:00Z';
const db = () => t.app.get(DataSource);

const CUSTOMERS = [
  { id: 'p1', mrr: 1000, status: 'red_platinum', entered: '2026-06-10T09:00:00Z' },
  { id: 'p2', mrr: 500, status: 'red_platinum', entered: '2026-07-05T09:00:00Z' },
  { id: 'p3', mrr: 300, status: 'red_platinum', entered: '2026-08-20T09:00:00Z' },
  { id: 'g1', mrr: 200, status: 'red_gold', entered: '2026-06-15T09:00:00Z' },
  { id: 'g2', mrr: 100, status: 'red_gold', entered: '2026-07-25T09:00:00Z' },
  { id: 'n1', mrr: 0, status: 'red_green', entered: '2026-08-02T09:00:00Z' },
  { id: 'n2', mrr: 50, status: 'red_green', entered: '2026-08-03T09:00:00Z' },
  { id: 'old', mrr: 900, status: 'red_platinum', entered: '2026-05-20T09:00:00Z' },
  { id: 'w1', mrr: 700, status: 'gold', entered: '2026-06-20T09:00:00Z' },
];

async function cancel(flowKey: string, customerId: string, reasonKey: string, opts: { saved?: boolean } = {}) {
  await t
    .http()
    .post(`/api/v1/public/cancellation-flows/${flowKey}/submissions`)
    .send({
      idempotencyKey: randomUUID(),
      customerId,
      customerHash: sign(customerId),
      reasonKey,
      finished: true,
      ...(opts.saved ? { offerAccepted: true } : {}),
    })
    .expect(201);
}

async function npsAnswer(key: string, customerId: string, score: number, at: string): Promise<string> {
  const res = await t
    .http()
    .post(`/api/v1/public/surveys/${key}/responses`)
    .send({
      idempotencyKey: randomUUID(),
      respondentId: `r-${randomUUID()}`,
      customerId,
      customerHash: sign(customerId),
      answers: { score },
      finished: true,
    })
    .expect(201);
  await db().query(`UPDATE responses SET created_at = $2 WHERE id = $1`, [res.body.responseId, at]);
  return res.body.responseId as string;
}

async function closedCase(customerId: string, churnReasonKey: string) {
  const made = (await asAdmin.post(`${ws}/cases`, { title: `Lost ${customerId}`, customerId }).expect(201)).body;
  await asAdmin.post(`${ws}/cases/${made.id}/close`, { rootCause: 'Gone', actionTaken: 'Called them', churnReasonKey }).expect(200);
}

beforeAll(async () => {
  t = await startTestApp({ publicLimitPerIpPerMinute: 100_000, backgroundJobs: false });
  admin = await t.seedAdmin('Red spectrum');
  asAdmin = await t.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
  sign = await customerSigner(asAdmin, admin.workspaceId);
  for (const c of CUSTOMERS) await asAdmin.put(`${ws}/customers/${c.id}`, { name: `Customer ${c.id}`, mrr: c.mrr }).expect(201);

  const flow = (
    await asAdmin.post(`${ws}/churn/flows`, { name: 'Cancel', reasonKeys: ['poor_service', 'too_expensive', 'moved_away'] }).expect(201)
  ).body;
  await cancel(flow.publicKey, 'p1', 'too_expensive');
  await cancel(flow.publicKey, 'p2', 'too_expensive', { saved: true });
  await cancel(flow.publicKey, 'g1', 'too_expensive');
  await cancel(flow.publicKey, 'old', 'too_expensive');
  await cancel(flow.publicKey, 'w1', 'poor_service');
  await closedCase('p1', 'poor_service');
  await closedCase('p2', 'poor_service');
  await closedCase('n2', 'moved_away');

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
  surveyId = survey.id;
  const p3Response = await npsAnswer(survey.publicKey, 'p3', 3, '2026-08-01T10:00:00Z');
  await npsAnswer(survey.publicKey, 'g2', 3, '2026-07-01T10:00:00Z');
  await npsAnswer(survey.publicKey, 'g2', 10, '2026-07-20T10:00:00Z');
  [{ id: clusterId }] = await db().query(
    `INSERT INTO clusters (workspace_id, label, name, status) VALUES ($1, 'late delivery courier', 'Late couriers', 'active') RETURNING id`,
    [admin.workspaceId],
  );
  await db().query(
    `INSERT INTO feedback_texts (workspace_id, source, source_id, text, occurred_at, cluster_id) VALUES ($1, 'response', $2, 'Courier late again', now(), $3)`,
    [admin.workspaceId, p3Response, clusterId],
  );

  // Statuses last (the activity above may re-derive them), as overrides with their history rows.
  for (const c of CUSTOMERS) {
    await db().query(
      `UPDATE customers SET colour_status = $3, status_override = $3, status_override_at = $4, status_override_reason = 'test'
        WHERE workspace_id = $1 AND external_id = $2`,
      [admin.workspaceId, c.id, c.status, c.entered],
    );
    await db().query(
      `INSERT INTO customer_status_changes (workspace_id, customer_external_id, from_status, to_status, changed_at, cause)
       VALUES ($1, $2, 'platinum', $3, $4, 'override')`,
      [admin.workspaceId, c.id, c.status, c.entered],
    );
  }
});
afterAll(() => t.close());

type Cell = { status: string; reasonKey: string; customers: number; shareOfStatus: number; shareOfRed: number; moneyLost: number };
const survey = () => `survey:${surveyId}`;
const cluster = () => `cluster:${clusterId}`;

describe('the red spectrum', () => {
  it('counts red customers by status × loss reason, with shares, money lost and labels from the reason catalog', async () => {
    const r = (await asAdmin.get(`${ws}/churn/red-spectrum?${PERIOD}&language=ru`).expect(200)).body;
    expect(r.customers).toBe(7);
    expect(r.moneyLost).toBe(2150);
    expect(r.statuses).toEqual([
      { status: 'red_green', customers: 2, shareOfRed: 28.6, moneyLost: 50 },
      { status: 'red_gold', customers: 2, shareOfRed: 28.6, moneyLost: 300 },
      { status: 'red_platinum', customers: 3, shareOfRed: 42.9, moneyLost: 1800 },
    ]);
    const cells = Object.fromEntries(
      r.cells.map((c: Cell) => [`${c.status} ${c.reasonKey}`, [c.customers, c.shareOfStatus, c.shareOfRed, c.moneyLost]]),
    );
    expect(cells).toEqual({
      'red_platinum too_expensive': [1, 33.3, 14.3, 1000],
      'red_platinum poor_service': [1, 33.3, 14.3, 500],
      [`red_platinum ${cluster()}`]: [1, 33.3, 14.3, 300],
      'red_gold too_expensive': [1, 50, 14.3, 200],
      [`red_gold ${survey()}`]: [1, 50, 14.3, 100],
      'red_green unknown': [1, 50, 14.3, 0],
      'red_green moved_away': [1, 50, 14.3, 50],
    });
    // Catalog reasons in taxonomy order, then the cluster, the survey, unknown.
    expect(r.reasons).toEqual([
      { key: 'poor_service', kind: 'churn_reason', label: 'Плохое обслуживание' },
      { key: 'too_expensive', kind: 'churn_reason', label: 'Слишком дорого' },
      { key: 'moved_away', kind: 'churn_reason', label: 'Переезд' },
      { key: cluster(), kind: 'cluster', label: 'Late couriers' },
      { key: survey(), kind: 'survey', label: 'Relationship NPS' },
      { key: 'unknown', kind: 'unknown', label: 'unknown' },
    ]);
  });

  it('trends the moves into red statuses by month and reason, empty months included', async () => {
    const r = (await asAdmin.get(`${ws}/churn/red-spectrum?from=2026-05-01T00:00:00Z&to=2026-10-01T00:00:00Z`).expect(200)).body;
    const months = Object.fromEntries(
      r.months.map((m: { month: string; cells: Omit<Cell, 'shareOfStatus'>[] }) => [
        m.month,
        m.cells.map((c) => `${c.status} ${c.reasonKey} ${c.customers}`).sort(),
      ]),
    );
    expect(months).toEqual({
      '2026-05': ['red_platinum too_expensive 1'],
      '2026-06': ['red_gold too_expensive 1', 'red_platinum too_expensive 1'],
      '2026-07': [`red_gold ${survey()} 1`, 'red_platinum poor_service 1'],
      '2026-08': [`red_green moved_away 1`, 'red_green unknown 1', `red_platinum ${cluster()} 1`].sort(),
      '2026-09': [],
    });
    // May–Sep also takes in "old": 8 customers, platinum 4 of them.
    expect(r.customers).toBe(8);
    expect(r.statuses.find((s: { status: string }) => s.status === 'red_platinum')).toEqual({
      status: 'red_platinum',
      customers: 4,
      shareOfRed: 50,
      moneyLost: 2700,
    });
  });

  it('filters by a saved segment', async () => {
    const [{ id }] = await db().query(
      `INSERT INTO segments (workspace_id, name, rules) VALUES ($1, 'MRR 300+', '[{"field":"mrr","op":"gte","value":300}]') RETURNING id`,
      [admin.workspaceId],
    );
    const r = (await asAdmin.get(`${ws}/churn/red-spectrum?${PERIOD}&segmentId=${id}`).expect(200)).body;
    expect(r.customers).toBe(3);
    expect(r.moneyLost).toBe(1800);
    expect(r.statuses.map((s: { customers: number }) => s.customers)).toEqual([0, 0, 3]);
    expect(r.statuses[2].shareOfRed).toBe(100);
    expect(r.months.flatMap((m: { cells: Cell[] }) => m.cells).length).toBe(3);
    const unknownSegment = await asAdmin.get(`${ws}/churn/red-spectrum?${PERIOD}&segmentId=${randomUUID()}`).expect(404);
    expect(unknownSegment.body.error.code).toBe('segment_not_found');
  });

  it('exports the report as CSV', async () => {
    const res = await asAdmin.get(`${ws}/churn/red-spectrum/report.csv?${PERIOD}`).expect(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('row,month,status,reason_key,reason,customers,share_of_status_percent,share_of_red_percent,money_lost');
    expect(lines).toContain('cell,,red_platinum,too_expensive,Too expensive,1,33.3,14.3,1000');
    expect(lines).toContain('status_total,,red_platinum,,,3,,42.9,1800');
    expect(lines).toContain('month,2026-08,red_green,unknown,unknown,1,,,');
    expect(lines.length).toBe(1 + 7 + 3 + 7);
  });
});

describe('the drill-down', () => {
  const page = (query: string) => asAdmin.get(`${ws}/churn/red-spectrum/customers?${PERIOD}&${query}`);

  it('lists the customers of a cell, latest loss first, page by page', async () => {
    const first = (await page('status=red_platinum&limit=2').expect(200)).body;
    expect(first.items.map((c: { externalId: string }) => c.externalId)).toEqual(['p3', 'p2']);
    expect(first.items[0]).toEqual({
      externalId: 'p3',
      name: 'Customer p3',
      status: 'red_platinum',
      reason: { key: cluster(), kind: 'cluster', label: 'Late couriers' },
      moneyLost: 300,
      enteredAt: '2026-08-20T09:00:00.000Z',
    });
    const second = (await page(`status=red_platinum&limit=2&cursor=${first.nextCursor}`).expect(200)).body;
    expect(second.items.map((c: { externalId: string }) => c.externalId)).toEqual(['p1']);
    expect(second.nextCursor).toBeNull();

    const tooExpensive = (await page('reason=too_expensive').expect(200)).body;
    expect(tooExpensive.items.map((c: { externalId: string }) => c.externalId)).toEqual(['g1', 'p1']);
    const unknown = (await page('status=red_green&reason=unknown').expect(200)).body;
    expect(unknown.items.map((c: { externalId: string }) => c.externalId)).toEqual(['n1']);
    expect((await page(`reason=${survey()}`).expect(200)).body.items.map((c: { externalId: string }) => c.externalId)).toEqual(['g2']);
  });

  it('exports the customers as CSV, formula-safe', async () => {
    const res = await asAdmin.get(`${ws}/churn/red-spectrum/customers.csv?${PERIOD}&status=red_gold`).expect(200);
    expect(
      res.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n'),
    ).toEqual([
      'external_id,name,status,reason_key,reason,money_lost,entered_at',
      `g2,Customer g2,red_gold,${survey()},Relationship NPS,100,2026-07-25T09:00:00.000Z`,
      'g1,Customer g1,red_gold,too_expensive,Too expensive,200,2026-06-15T09:00:00.000Z',
    ]);
  });

  it('refuses bad filters with 400 and changes nothing', async () => {
    for (const query of ['status=gold', 'reason=DROP%20TABLE', 'reason=cluster:nope', 'cursor=%%%', 'cursor=abc', 'limit=0', 'limit=201']) {
      const res = await page(query);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code, query).toBe('validation_failed');
    }
    expect((await asAdmin.get(`${ws}/churn/red-spectrum?from=2026-09-01T00:00:00Z&to=2026-06-01T00:00:00Z`)).status).toBe(400);
  });
});

describe('access', () => {
  it('lets viewers and customers:read tokens read; strangers and other scopes get nothing', async () => {
    const viewer = await t.createUser();
    await t.addMember(admin.workspaceId, viewer.userId, 'viewer');
    const asViewer = await t.login(viewer.email, viewer.password);
    expect((await asViewer.get(`${ws}/churn/red-spectrum?${PERIOD}`).expect(200)).body.customers).toBe(7);

    const other = await t.seedAdmin('Someone else');
    const asOther = await t.login(other.email, other.password);
    expect((await asOther.get(`${ws}/churn/red-spectrum?${PERIOD}`)).status).toBe(404);
    expect((await asOther.get(`${ws}/churn/red-spectrum/customers?${PERIOD}`)).status).toBe(404);
    // Their own workspace has no red customers, whatever they ask for.
    expect((await asOther.get(`/api/v1/workspaces/${other.workspaceId}/churn/red-spectrum?${PERIOD}`).expect(200)).body.customers).toBe(0);

    const token = async (scopes: string[]) =>
      (await asAdmin.post(`${ws}/api-tokens`, { name: 'BI', scopes }).expect(201)).body.secret as string;
    const reader = await token(['customers:read']);
    const elsewhere = await token(['surveys:read']);
    expect((await t.http().get(`${ws}/churn/red-spectrum?${PERIOD}`).set('Authorization', `Bearer ${reader}`)).status).toBe(200);
    expect((await t.http().get(`${ws}/churn/red-spectrum?${PERIOD}`).set('Authorization', `Bearer ${elsewhere}`)).status).toBe(403);
    expect((await t.http().get(`${ws}/churn/red-spectrum?${PERIOD}`)).status).toBe(401);
  });

  it('shows survey and cluster reasons to a token only with responses:read; without it they are negative_feedback', async () => {
    const token = async (scopes: string[]) =>
      (await asAdmin.post(`${ws}/api-tokens`, { name: 'BI', scopes }).expect(201)).body.secret as string;
    const as = (secret: string, path: string) =>
      t.http().get(`${ws}/churn/red-spectrum${path}`).set('Authorization', `Bearer ${secret}`).expect(200);
    const reader = await token(['customers:read']);
    const r = (await as(reader, `?${PERIOD}`)).body;
    const cells = Object.fromEntries(r.cells.map((c: Cell) => [`${c.status} ${c.reasonKey}`, [c.customers, c.moneyLost]]));
    expect(cells).toEqual({
      'red_platinum too_expensive': [1, 1000],
      'red_platinum poor_service': [1, 500],
      'red_platinum negative_feedback': [1, 300],
      'red_gold too_expensive': [1, 200],
      'red_gold negative_feedback': [1, 100],
      'red_green unknown': [1, 0],
      'red_green moved_away': [1, 50],
    });
    expect(r.reasons.map((x: { key: string; kind: string; label: string }) => [x.key, x.kind, x.label]).slice(3)).toEqual([
      ['negative_feedback', 'feedback', 'negative_feedback'],
      ['unknown', 'unknown', 'unknown'],
    ]);
    expect(JSON.stringify(r)).not.toMatch(/Late couriers|Relationship NPS|survey:|cluster:/);
    // Naming a survey or a cluster finds nothing; the generic reason finds both customers.
    expect((await as(reader, `/customers?${PERIOD}&reason=${survey()}`)).body.items).toEqual([]);
    expect((await as(reader, `/customers?${PERIOD}&reason=${cluster()}`)).body.items).toEqual([]);
    const generic = (await as(reader, `/customers?${PERIOD}&reason=negative_feedback`)).body.items;
    expect(generic.map((c: { moneyLost: number; reason: { key: string } }) => [c.moneyLost, c.reason.key]).sort()).toEqual([
      [100, 'negative_feedback'],
      [300, 'negative_feedback'],
    ]);
    const csv = (await as(reader, `/report.csv?${PERIOD}`)).text;
    expect(csv).not.toMatch(/Late couriers|Relationship NPS/);

    const answers = (await as(await token(['customers:read', 'responses:read']), `?${PERIOD}`)).body;
    expect(answers.reasons.map((x: { key: string }) => x.key)).toEqual([
      'poor_service',
      'too_expensive',
      'moved_away',
      cluster(),
      survey(),
      'unknown',
    ]);
  });
});
