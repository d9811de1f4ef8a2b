import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';
import { customerSigner } from '../support/identity';

/**
 * Churn analytics on a seeded workspace, every expected number computed by hand below.
 *
 * Flows: "Web cancel" offers poor_service, too_expensive, moved_away; "App cancel" offers only
 * too_expensive and moved_away, so poor_service's share is taken over the Web flows alone.
 *
 *   #  customer  segment     plan   flow  reason          outcome    finished
 *   0  gone      -           -      Web   too_expensive   cancelled  1 Jul   (before every period)
 *   1  c1        smb         basic  Web   too_expensive   cancelled  10 Sep  "Price went up twice"
 *   2  c2        smb         basic  App   moved_away      cancelled  15 Sep
 *   3  c3        enterprise  pro    Web   poor_service    cancelled  5 Oct   "Support never answered"
 *   4  c4        smb         pro    App   too_expensive   cancelled  12 Oct
 *   5  c5        enterprise  pro    Web   too_expensive   saved      20 Oct  "=HYPERLINK(…)"
 *   6  c6        -           -      App   too_expensive   cancelled  3 Nov
 *   7  c7        smb         basic  Web   poor_service    cancelled  20 Nov  "Rude agent"
 *
 * Customers without a cancellation: n1 (4 orders, first seen 1 Aug), s1 (1 order, first seen 5 Aug,
 * last seen 20 Aug → lost by inactivity 90 days later, on 18 Nov), old (0 orders, first seen 1 Jun).
 */
let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let ws: string;
let sign: (customerId: string) => string;
let webFlow: { id: string; publicKey: string };
let appFlow: { id: string; publicKey: string };

const SEEN = '2026-11-25T00:00:00Z';
const PERIOD = 'from=2026-09-01T00:00:00Z&to=2026-12-01T00:00:00Z';

type Customer = { id: string; first: string; orders: number; mrr: number; segment?: string; plan?: string; lastSeen?: string };
const CUSTOMERS: Customer[] = [
  { id: 'gone', first: '2026-01-10T00:00:00Z', orders: 3, mrr: 1000 },
  { id: 'old', first: '2026-06-01T00:00:00Z', orders: 0, mrr: 0 },
  { id: 'c1', first: '2026-08-01T00:00:00Z', orders: 1, mrr: 100, segment: 'smb', plan: 'basic' },
  { id: 'c2', first: '2026-08-01T00:00:00Z', orders: 5, mrr: 200, segment: 'smb', plan: 'basic' },
  { id: 'c3', first: '2026-08-01T00:00:00Z', orders: 1, mrr: 300, segment: 'enterprise', plan: 'pro' },
  { id: 'n1', first: '2026-08-01T00:00:00Z', orders: 4, mrr: 400 },
  { id: 's1', first: '2026-08-05T00:00:00Z', orders: 1, mrr: 0, lastSeen: '2026-08-20T00:00:00Z' },
  { id: 'c4', first: '2026-09-01T00:00:00Z', orders: 2, mrr: 100, segment: 'smb', plan: 'pro' },
  { id: 'c5', first: '2026-09-01T00:00:00Z', orders: 2, mrr: 500, segment: 'enterprise', plan: 'pro' },
  { id: 'c6', first: '2026-10-01T00:00:00Z', orders: 0, mrr: 50 },
  { id: 'c7', first: '2026-11-02T00:00:00Z', orders: 0, mrr: 50, segment: 'smb', plan: 'basic' },
];

async function cancel(flow: { publicKey: string }, customerId: string, reasonKey: string, finishedAt: string, extra: object = {}) {
  const res = await t
    .http()
    .post(`/api/v1/public/cancellation-flows/${flow.publicKey}/submissions`)
    .send({ idempotencyKey: randomUUID(), customerId, customerHash: sign(customerId), reasonKey, finished: true, ...extra })
    .expect(201);
  await t.app.get(DataSource).query(`UPDATE cancellations SET finished_at = $2 WHERE id = $1`, [res.body.cancellationId, finishedAt]);
}

beforeAll(async () => {
  t = await startTestApp({ publicLimitPerIpPerMinute: 100_000 });
  admin = await t.seedAdmin('Churn analytics');
  asAdmin = await t.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
  sign = await customerSigner(asAdmin, admin.workspaceId);
  for (const c of CUSTOMERS) {
    await asAdmin
      .put(`${ws}/customers/${c.id}`, {
        name: `Customer ${c.id}`,
        firstSeenAt: c.first,
        lastSeenAt: c.lastSeen ?? SEEN,
        orderCount: c.orders,
        mrr: c.mrr,
        ...(c.segment ? { segment: c.segment } : {}),
        ...(c.plan ? { attributes: { plan: c.plan } } : {}),
      })
      .expect(201);
  }
  webFlow = (
    await asAdmin.post(`${ws}/churn/flows`, { name: 'Web cancel', reasonKeys: ['poor_service', 'too_expensive', 'moved_away'] }).expect(201)
  ).body;
  appFlow = (await asAdmin.post(`${ws}/churn/flows`, { name: 'App cancel', reasonKeys: ['too_expensive', 'moved_away'] }).expect(201)).body;
  await cancel(webFlow, 'gone', 'too_expensive', '2026-07-01T10:00:00Z');
  await cancel(webFlow, 'c1', 'too_expensive', '2026-09-10T10:00:00Z', { followUp: 'Price went up twice' });
  await cancel(appFlow, 'c2', 'moved_away', '2026-09-15T10:00:00Z');
  await cancel(webFlow, 'c3', 'poor_service', '2026-10-05T10:00:00Z', { followUp: 'Support never answered' });
  await cancel(appFlow, 'c4', 'too_expensive', '2026-10-12T10:00:00Z');
  await cancel(webFlow, 'c5', 'too_expensive', '2026-10-20T10:00:00Z', { followUp: '=HYPERLINK("http://x")', offerAccepted: true });
  await cancel(appFlow, 'c6', 'too_expensive', '2026-11-03T10:00:00Z');
  await cancel(webFlow, 'c7', 'poor_service', '2026-11-20T10:00:00Z', { followUp: 'Rude agent' });
});
afterAll(() => t.close());

type Cell = { reasonKey: string; count: number; offered: number; percent: number | null };
const cells = (list: Cell[]) => Object.fromEntries(list.map((c) => [c.reasonKey, [c.count, c.offered, c.percent]]));
const csvLines = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\n');

describe('reasons over time', () => {
  it('counts reasons per month with shares over the flows that offered them, and the avoidable split', async () => {
    const r = (await asAdmin.get(`${ws}/churn/reasons-over-time?${PERIOD}&language=ru`).expect(200)).body;
    // Taxonomy order (poor_service comes before too_expensive), labels in Russian.
    expect(r.reasons).toEqual([
      { key: 'poor_service', label: 'Плохое обслуживание', avoidable: true },
      { key: 'too_expensive', label: 'Слишком дорого', avoidable: true },
      { key: 'moved_away', label: 'Переезд', avoidable: false },
    ]);
    expect(r.months.map((m: { label: string; total: number }) => [m.label, m.total])).toEqual([
      ['2026-09', 2],
      ['2026-10', 2],
      ['2026-11', 2],
    ]);
    // September: #1 (Web) and #2 (App); poor_service was offered only in #1 → 0 of 1.
    expect(cells(r.months[0].reasons)).toEqual({ poor_service: [0, 1, 0], too_expensive: [1, 2, 50], moved_away: [1, 2, 50] });
    // October: #3 (Web, poor_service) and #4 (App, too_expensive); the saved #5 is not a cancellation.
    // poor_service: 1 of the 1 flow that offered it = 100 % (not 1 of 2 = 50 %).
    expect(cells(r.months[1].reasons)).toEqual({ poor_service: [1, 1, 100], too_expensive: [1, 2, 50], moved_away: [0, 2, 0] });
    expect(cells(r.months[2].reasons)).toEqual({ poor_service: [1, 1, 100], too_expensive: [1, 2, 50], moved_away: [0, 2, 0] });
    // Avoidable: September 1 of 2 (moved_away is unavoidable), then all avoidable.
    expect(
      r.months.map((m: { avoidable: { avoidable: number; unavoidable: number; avoidablePercent: number } }) => [
        m.avoidable.avoidable,
        m.avoidable.unavoidable,
        m.avoidable.avoidablePercent,
      ]),
    ).toEqual([
      [1, 1, 50],
      [2, 0, 100],
      [2, 0, 100],
    ]);
    // Whole period: too_expensive 3 of 6 offered; poor_service 2 of the 3 Web flows; moved_away 1 of 6.
    expect(r.totals.cancellations).toBe(6);
    expect(cells(r.totals.reasons)).toEqual({ too_expensive: [3, 6, 50], poor_service: [2, 3, 66.7], moved_away: [1, 6, 16.7] });
    expect(r.totals.reasons.map((c: Cell) => c.reasonKey)).toEqual(['too_expensive', 'poor_service', 'moved_away']);
    expect(r.totals.avoidable).toEqual({
      total: 6,
      avoidable: 5,
      unavoidable: 1,
      unknown: 0,
      avoidablePercent: 83.3,
      unavoidablePercent: 16.7,
      unknownPercent: 0,
    });
  });

  it('filters by segment, plan and touchpoint', async () => {
    // smb: #1, #2, #4, #7. In October only #4 (App) is left, which did not offer poor_service: no share.
    const smb = (await asAdmin.get(`${ws}/churn/reasons-over-time?${PERIOD}&segment=smb`).expect(200)).body;
    expect(smb.totals.cancellations).toBe(4);
    expect(cells(smb.months[1].reasons)).toEqual({ poor_service: [0, 0, null], too_expensive: [1, 1, 100], moved_away: [0, 1, 0] });
    expect(smb.reasons[0]).toEqual({ key: 'poor_service', label: 'Poor service', avoidable: true });

    const pro = (await asAdmin.get(`${ws}/churn/reasons-over-time?${PERIOD}&plan=pro`).expect(200)).body;
    expect(pro.totals.cancellations).toBe(2); // #3 and #4; #5 was saved
    const app = (await asAdmin.get(`${ws}/churn/reasons-over-time?${PERIOD}&touchpoint=${appFlow.id}`).expect(200)).body;
    expect(cells(app.totals.reasons)).toEqual({ too_expensive: [2, 3, 66.7], moved_away: [1, 3, 33.3] });
  });

  it('exports one CSV row per month × reason', async () => {
    const res = await asAdmin.get(`${ws}/churn/reasons-over-time.csv?${PERIOD}`).expect(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toBe('attachment; filename="churn-reasons-by-month.csv"');
    expect(res.text.charCodeAt(0)).toBe(0xfeff);
    const lines = csvLines(res.text);
    expect(lines[0]).toBe('month,reason_key,reason,avoidable,count,offered,percent_of_offered,month_cancellations');
    expect(lines).toHaveLength(1 + 3 * 3);
    expect(lines).toContain('2026-10,poor_service,Poor service,true,1,1,100,2');
    expect(lines).toContain('2026-09,moved_away,Moved away,false,1,2,50,2');
  });
});

describe('reasons by segment, plan and touchpoint', () => {
  it('counts reasons per group, largest first', async () => {
    const seg = (await asAdmin.get(`${ws}/churn/reasons/breakdown?by=segment&${PERIOD}`).expect(200)).body;
    expect(seg.groups).toEqual([
      {
        group: 'smb',
        label: 'smb',
        total: 4,
        reasons: [
          { reasonKey: 'too_expensive', count: 2, percent: 50 },
          { reasonKey: 'moved_away', count: 1, percent: 25 },
          { reasonKey: 'poor_service', count: 1, percent: 25 },
        ],
      },
      { group: 'enterprise', label: 'enterprise', total: 1, reasons: [{ reasonKey: 'poor_service', count: 1, percent: 100 }] },
      { group: null, label: null, total: 1, reasons: [{ reasonKey: 'too_expensive', count: 1, percent: 100 }] },
    ]);

    const plan = (await asAdmin.get(`${ws}/churn/reasons/breakdown?by=plan&${PERIOD}`).expect(200)).body;
    expect(plan.groups.map((g: { group: string | null; total: number }) => [g.group, g.total])).toEqual([
      ['basic', 3],
      ['pro', 2],
      [null, 1],
    ]);
    expect(plan.groups[0].reasons.map((r: { percent: number }) => r.percent)).toEqual([33.3, 33.3, 33.3]);

    const touch = (await asAdmin.get(`${ws}/churn/reasons/breakdown?by=touchpoint&${PERIOD}`).expect(200)).body;
    const web = touch.groups.find((g: { label: string }) => g.label === 'Web cancel');
    expect(web).toEqual({
      group: webFlow.id,
      label: 'Web cancel',
      total: 3,
      reasons: [
        { reasonKey: 'poor_service', count: 2, percent: 66.7 },
        { reasonKey: 'too_expensive', count: 1, percent: 33.3 },
      ],
    });
    const app = touch.groups.find((g: { label: string }) => g.label === 'App cancel');
    expect(app.reasons).toEqual([
      { reasonKey: 'too_expensive', count: 2, percent: 66.7 },
      { reasonKey: 'moved_away', count: 1, percent: 33.3 },
    ]);

    const csv = csvLines((await asAdmin.get(`${ws}/churn/reasons/breakdown.csv?by=segment&${PERIOD}`).expect(200)).text);
    expect(csv[0]).toBe('segment,segment_label,group_cancellations,reason_key,reason,count,percent');
    expect(csv).toContain('smb,smb,4,too_expensive,Too expensive,2,50');
    expect(csv).toContain(',,1,too_expensive,Too expensive,1,100');
  });
});

describe('comments per reason', () => {
  it('lists the latest comments with customer, date and outcome', async () => {
    const res = (await asAdmin.get(`${ws}/churn/reasons/too_expensive/comments?${PERIOD}`).expect(200)).body;
    expect(res.reason).toEqual({ key: 'too_expensive', label: 'Too expensive', avoidable: true });
    // #5 (saved, 20 Oct) then #1 (10 Sep); #4 and #6 left no comment, #0 is before the period.
    expect(
      res.items.map((c: { text: string; customerId: string; outcome: string; at: string; customerName: string }) => [
        c.text,
        c.customerId,
        c.customerName,
        c.outcome,
        c.at,
      ]),
    ).toEqual([
      ['=HYPERLINK("http://x")', 'c5', 'Customer c5', 'saved', '2026-10-20T10:00:00.000Z'],
      ['Price went up twice', 'c1', 'Customer c1', 'cancelled', '2026-09-10T10:00:00.000Z'],
    ]);
    const one = (await asAdmin.get(`${ws}/churn/reasons/poor_service/comments?${PERIOD}&limit=1`).expect(200)).body;
    expect(one.items.map((c: { text: string }) => c.text)).toEqual(['Rude agent']);
  });

  it('exports them as CSV with formulas neutralised', async () => {
    const lines = csvLines((await asAdmin.get(`${ws}/churn/reasons/too_expensive/comments.csv?${PERIOD}`).expect(200)).text);
    expect(lines[0]).toBe('finished_at,reason_key,reason,outcome,customer_id,customer_name,comment');
    expect(lines[1]).toBe(`2026-10-20T10:00:00.000Z,too_expensive,Too expensive,saved,c5,Customer c5,"'=HYPERLINK(""http://x"")"`);
    expect(lines).toHaveLength(3);
  });

  it('answers 404 for an unknown reason', async () => {
    expect((await asAdmin.get(`${ws}/churn/reasons/no_such_reason/comments`)).status).toBe(404);
    expect((await asAdmin.get(`${ws}/churn/reasons/NOT%20A%20KEY/comments`)).status).toBe(404);
  });
});

describe('cohorts', () => {
  it('gives retention by first-seen month, counting silent churn as lost', async () => {
    const r = (await asAdmin.get(`${ws}/churn/cohorts?from=2026-08-01T00:00:00Z&to=2026-12-01T00:00:00Z`).expect(200)).body;
    expect(r).toMatchObject({ asOf: '2026-12-01T00:00:00.000Z', inactiveDays: 90, maxOffset: 3 });
    const table = r.rows.map((row: { label: string; size: number; retention: { percent: number | null }[] }) => [
      row.label,
      row.size,
      ...row.retention.map((c) => c.percent),
    ]);
    expect(table).toEqual([
      // August: c1, c2, c3, n1, s1. End of Aug all 5; end of Sep c1, c2 gone → 3/5; end of Oct c3 gone → 2/5;
      // end of Nov s1 lost by inactivity on 18 Nov → 1/5.
      ['2026-08', 5, 100, 60, 40, 20],
      // September: c4, c5; c4 cancelled 12 Oct.
      ['2026-09', 2, 100, 50, 50, null],
      // October: c6, cancelled 3 Nov.
      ['2026-10', 1, 100, 0, null, null],
      // November: c7 arrived 2 Nov and cancelled 20 Nov.
      ['2026-11', 1, 0, null, null, null],
    ]);
    expect(r.rows[0].retention[1]).toEqual({ retained: 3, percent: 60, partial: false });

    const csv = csvLines((await asAdmin.get(`${ws}/churn/cohorts.csv?from=2026-08-01T00:00:00Z&to=2026-12-01T00:00:00Z`).expect(200)).text);
    expect(csv).toEqual([
      'cohort,size,month_0_percent,month_1_percent,month_2_percent,month_3_percent',
      '2026-08,5,100,60,40,20',
      '2026-09,2,100,50,50,',
      '2026-10,1,100,0,,',
      '2026-11,1,0,,,',
    ]);
  });

  it('counts a cancellation as not retained in its own month, before the month is over', async () => {
    // As of 25 Nov (mid-month): c7 (first seen 2 Nov) cancelled 20 Nov, c6 cancelled 3 Nov, s1 lost by inactivity 18 Nov.
    // Before, November cells were "not over yet" and the October cohort read 100 % after c6 had cancelled.
    const r = (await asAdmin.get(`${ws}/churn/cohorts?from=2026-08-01T00:00:00Z&to=2026-11-25T00:00:00Z`).expect(200)).body;
    expect(r.asOf).toBe('2026-11-25T00:00:00.000Z');
    const table = r.rows.map((row: { label: string; size: number; retention: { percent: number | null; partial: boolean }[] }) => [
      row.label,
      row.size,
      ...row.retention.map((c) => (c.percent === null ? null : `${c.percent}${c.partial ? ' so far' : ''}`)),
    ]);
    expect(table).toEqual([
      ['2026-08', 5, '100', '60', '40', '20 so far'], // s1 lost on 18 Nov: 1 of 5 left
      ['2026-09', 2, '100', '50', '50 so far', null],
      ['2026-10', 1, '100', '0 so far', null, null],
      ['2026-11', 1, '0 so far', null, null, null],
    ]);
  });
});

describe('funnel', () => {
  it('counts customers per funnel status and groups the period’s losses by status and reason', async () => {
    const r = (await asAdmin.get(`${ws}/churn/funnel?${PERIOD}`).expect(200)).body;
    expect(r.statuses).toEqual([
      { status: 'new', count: 1 }, // old
      { status: 'one_purchase', count: 1 }, // c5 (2 orders, saved)
      { status: 'repeat', count: 1 }, // n1
      { status: 'lost_early', count: 3 }, // c4 (2 orders), c6, c7 (none)
      { status: 'lost_after_one_purchase', count: 3 }, // c1, c3, s1
      { status: 'lost_after_long_cooperation', count: 2 }, // c2 (5 orders), gone (3 orders, lost in July)
    ]);
    expect(r.lost).toEqual([
      {
        status: 'lost_early',
        total: 3,
        reasons: [
          { reasonKey: 'too_expensive', label: 'Too expensive', count: 2 },
          { reasonKey: 'poor_service', label: 'Poor service', count: 1 },
        ],
      },
      {
        status: 'lost_after_one_purchase',
        total: 3,
        reasons: [
          { reasonKey: 'inactive', label: 'inactive', count: 1 },
          { reasonKey: 'poor_service', label: 'Poor service', count: 1 },
          { reasonKey: 'too_expensive', label: 'Too expensive', count: 1 },
        ],
      },
      // gone was lost in July, before the period.
      { status: 'lost_after_long_cooperation', total: 1, reasons: [{ reasonKey: 'moved_away', label: 'Moved away', count: 1 }] },
    ]);

    const csv = csvLines((await asAdmin.get(`${ws}/churn/funnel.csv?${PERIOD}`).expect(200)).text);
    expect(csv[0]).toBe('status,customers,lost_in_period,reason_key,reason,lost_with_reason');
    expect(csv).toContain('new,1,,,,');
    expect(csv).toContain('lost_after_one_purchase,3,3,inactive,inactive,1');
    expect(csv).toHaveLength(1 + 3 + 2 + 3 + 1);
  });
});

describe('monthly trend and money lost', () => {
  it('gives churn, revenue churn and save rate per month', async () => {
    const r = (await asAdmin.get(`${ws}/churn/trend?months=3&to=2026-12-01T00:00:00Z`).expect(200)).body;
    const rows = r.months.map((m: { label: string; partial: boolean; customerChurn: object; revenueChurn: object; saves: object }) => [
      m.label,
      m.partial,
      m.customerChurn,
      m.revenueChurn,
      m.saves,
    ]);
    expect(rows).toEqual([
      // 1 Sep: gone had left; c1, c2, c3, n1, s1, old present (MRR 100+200+300+400 = 1000); c1, c2 cancel.
      [
        '2026-09',
        false,
        { atStart: 6, lost: 2, percent: 33.3 },
        { mrrAtStart: 1000, mrrLost: 300, percent: 30 },
        { saved: 0, finishedFlows: 2, percent: 0, revenueSaved: 0 },
      ],
      // 1 Oct: c3, n1, s1, old, c4, c5 (300+400+100+500 = 1300); c3, c4 cancel (400); c5 saved (500).
      [
        '2026-10',
        false,
        { atStart: 6, lost: 2, percent: 33.3 },
        { mrrAtStart: 1300, mrrLost: 400, percent: 30.8 },
        { saved: 1, finishedFlows: 3, percent: 33.3, revenueSaved: 500 },
      ],
      // 1 Nov: n1, s1, old, c5, c6 (400+500+50 = 950); c6 cancels (50 → 5.3 %); c7 arrived after the start.
      [
        '2026-11',
        false,
        { atStart: 5, lost: 1, percent: 20 },
        { mrrAtStart: 950, mrrLost: 50, percent: 5.3 },
        { saved: 0, finishedFlows: 2, percent: 0, revenueSaved: 0 },
      ],
    ]);
    const csv = csvLines((await asAdmin.get(`${ws}/churn/trend.csv?months=3&to=2026-12-01T00:00:00Z`).expect(200)).text);
    expect(csv).toHaveLength(4);
    expect(csv[2]).toBe('2026-10,2026-10-01T00:00:00.000Z,2026-11-01T00:00:00.000Z,false,6,2,33.3,1300,400,30.8,3,1,33.3,500');
  });

  it('the headline churn of a one-month period is that month of the trend; over several months it is its own measure', async () => {
    const month = (await asAdmin.get(`${ws}/churn/summary?from=2026-10-01T00:00:00Z&to=2026-11-01T00:00:00Z`).expect(200)).body;
    expect(month.customerChurn).toEqual({ atStart: 6, lost: 2, percent: 33.3 }); // = the 2026-10 row above
    expect(month.saves).toMatchObject({ saved: 1, finishedFlows: 3, percent: 33.3 });
    // September to November: 6 customers on 1 Sep (c1, c2, c3, n1, s1, old); of them c1, c2 (Sep) and c3 (Oct) cancelled → 3 / 6 = 50 %.
    // c4 and c6 also cancelled but arrived after 1 Sep, so they count in their months' rates, not in this one:
    // the period rate is not the monthly rates (33.3, 33.3, 20) added or averaged, which the page says under each figure.
    const quarter = (await asAdmin.get(`${ws}/churn/summary?from=2026-09-01T00:00:00Z&to=2026-12-01T00:00:00Z`).expect(200)).body;
    expect(quarter.customerChurn).toEqual({ atStart: 6, lost: 3, percent: 50 });
  });

  it('prices the customers lost, silent churn included, at average check × purchases per period', async () => {
    const r = (
      await asAdmin
        .get(`${ws}/churn/money-lost?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z&averageCheck=2000&purchasesPerPeriod=6`)
        .expect(200)
    ).body;
    // 1 Nov: n1, s1, old, c5, c6. Lost in November: c6 cancelled, s1 went quiet (18 Nov) → 2 of 5.
    // 2 × 2,000 × 6 = 24,000.
    expect(r).toMatchObject({ atStart: 5, lostByCancellation: 1, lostByInactivity: 1, customersLost: 2, percent: 40, amount: 24000 });
  });
});

describe('bad input and access', () => {
  it('answers 400 with the field named', async () => {
    const cases: [string, string][] = [
      [`${ws}/churn/reasons/breakdown?by=region`, 'by'],
      [`${ws}/churn/reasons/breakdown`, 'by'],
      [`${ws}/churn/reasons-over-time?touchpoint=web`, 'touchpoint'],
      [`${ws}/churn/reasons-over-time?language=Russian`, 'language'],
      [`${ws}/churn/reasons-over-time?from=2026-12-01T00:00:00Z&to=2026-09-01T00:00:00Z`, 'from'],
      [`${ws}/churn/cohorts?timeZone=Mars/Base`, 'timeZone'],
      [`${ws}/churn/cohorts?from=yesterday`, 'from'],
      [`${ws}/churn/reasons/too_expensive/comments?limit=0`, 'limit'],
      [`${ws}/churn/trend?months=25`, 'months'],
      [`${ws}/churn/money-lost?averageCheck=-1&purchasesPerPeriod=6`, 'averageCheck'],
      [`${ws}/churn/money-lost?averageCheck=2000`, 'purchasesPerPeriod'],
      // 2 lost × 1,000,000,000.00 × 100,000 is beyond exact cents.
      [
        `${ws}/churn/money-lost?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z&averageCheck=1000000000&purchasesPerPeriod=100000`,
        'averageCheck',
      ],
      [`${ws}/churn/funnel.csv?to=soon`, 'to'],
    ];
    for (const [url, field] of cases) {
      const res = await asAdmin.get(url);
      expect({ url, status: res.status }).toEqual({ url, status: 400 });
      expect(res.body.error?.details, `${url}: ${res.text}`).toBeDefined();
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
  });

  it('lets viewers read, and hides the workspace from others', async () => {
    const viewer = await t.createUser();
    await t.addMember(admin.workspaceId, viewer.userId, 'viewer');
    const asViewer = await t.login(viewer.email, viewer.password);
    expect(
      (await asViewer.get(`${ws}/churn/cohorts?from=2026-08-01T00:00:00Z&to=2026-12-01T00:00:00Z`).expect(200)).body.rows,
    ).toHaveLength(4);

    const other = await t.seedAdmin('Someone else');
    const asOther = await t.login(other.email, other.password);
    for (const path of [
      'reasons-over-time',
      'reasons/breakdown?by=plan',
      'reasons/too_expensive/comments',
      'cohorts',
      'funnel.csv',
      'trend',
    ]) {
      const res = await asOther.get(`${ws}/churn/${path}`);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
    }
    // Their own workspace has none of this data.
    const own = (await asOther.get(`/api/v1/workspaces/${other.workspaceId}/churn/reasons-over-time?${PERIOD}`).expect(200)).body;
    expect(own.totals.cancellations).toBe(0);
    expect(own.months.every((m: { total: number }) => m.total === 0)).toBe(true);
  });
});
