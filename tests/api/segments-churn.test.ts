import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';
import { customerSigner } from '../support/identity';

/**
 * The saved segment as a filter on the Churn page's customer analytics (cohorts, funnel, trend, money lost), the
 * reason breakdown and comments, and the mentions feed, on a small hand-built base. Everyone was first seen on
 * 1 Sep 2026 and last seen on 15 Oct (not inactive by 1 Nov with the default inactive period).
 *
 *   id  city    mrr   plan  orders  October                                    mention (Oct)
 *   m1  Moscow  6000  pro   5       cancellation flow, saved by the offer      yes
 *   m2  Moscow  2000  -     1       -                                          -
 *   m3  Moscow  8000  pro   1       cancelled 10 Oct, too_expensive            yes
 *   s1  Sofia   500   -     0       cancelled 10 Oct, too_expensive            yes
 *   s2  Sofia   7000  -     0       -                                          -
 * The segment "Moscow, MRR ≥ 5,000" holds m1 and m3.
 */
let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let ws: string;
let db: DataSource;
let seg: string;

const OCT = 'from=2026-10-01T00:00:00.000Z&to=2026-11-01T00:00:00.000Z';
const MOSCOW_BIG = [
  { field: 'city', op: 'eq', value: 'Moscow' },
  { field: 'mrr', op: 'gte', value: 5000 },
];
const CUSTOMERS = [
  { id: 'm1', city: 'Moscow', mrr: 6000, plan: 'pro', orders: 5 },
  { id: 'm2', city: 'Moscow', mrr: 2000, plan: undefined, orders: 1 },
  { id: 'm3', city: 'Moscow', mrr: 8000, plan: 'pro', orders: 1 },
  { id: 's1', city: 'Sofia', mrr: 500, plan: undefined, orders: 0 },
  { id: 's2', city: 'Sofia', mrr: 7000, plan: undefined, orders: 0 },
];

beforeAll(async () => {
  t = await startTestApp({ publicLimitPerIpPerMinute: 100_000 });
  admin = await t.seedAdmin('Segment churn');
  asAdmin = await t.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
  db = t.app.get(DataSource);

  for (const c of CUSTOMERS) {
    await asAdmin
      .put(`${ws}/customers/${c.id}`, {
        name: c.id,
        mrr: c.mrr,
        attributes: c.plan ? { plan: c.plan } : {},
        firstSeenAt: '2026-09-01T00:00:00Z',
      })
      .expect(201);
  }

  const sign = await customerSigner(asAdmin, admin.workspaceId);
  const flow = (await asAdmin.post(`${ws}/churn/flows`, { name: 'Cancel' }).expect(201)).body;
  for (const [customerId, offerAccepted] of [
    ['m1', true],
    ['m3', false],
    ['s1', false],
  ] as const) {
    await t
      .http()
      .post(`/api/v1/public/cancellation-flows/${flow.publicKey}/submissions`)
      .send({
        idempotencyKey: randomUUID(),
        customerId,
        customerHash: sign(customerId),
        reasonKey: 'too_expensive',
        offerAccepted,
        finished: true,
      })
      .expect(201);
  }
  await db.query(`UPDATE cancellations SET finished_at = '2026-10-10T12:00:00Z', follow_up = 'Too pricey' WHERE flow_id = $1`, [flow.id]);
  // Set after the flows, which count as activity.
  for (const c of CUSTOMERS) {
    await db.query(
      `UPDATE customers SET city = $3, order_count = $4, last_seen_at = '2026-10-15T00:00:00Z' WHERE workspace_id = $1 AND external_id = $2`,
      [admin.workspaceId, c.id, c.city, c.orders],
    );
  }

  // Texts far apart, so none is taken for a copy of another.
  const TEXTS: Record<string, string> = {
    m1: 'The courier was three hours late and support never answered the phone',
    m3: 'Prices went up again this autumn, looking for a cheaper plan elsewhere',
    s1: 'Great mobile app, the new dashboard makes weekly reports painless',
  };
  const posted = await asAdmin
    .post(`${ws}/mentions/bulk`, {
      mentions: Object.entries(TEXTS).map(([id, text], i) => ({
        source: 'twitter',
        externalId: `post-${id}`,
        text,
        language: 'en',
        postedAt: `2026-10-1${i + 1}T10:00:00Z`,
      })),
    })
    .expect(200);
  const created = posted.body.items as { id: string; duplicateOf: string | null }[];
  expect(created.map((m) => m.duplicateOf)).toEqual([null, null, null]);
  for (const [i, customerId] of Object.keys(TEXTS).entries()) {
    await asAdmin.patch(`${ws}/mentions/${created[i].id}`, { customerId }).expect(200);
  }

  seg = (await asAdmin.post(`${ws}/segments`, { name: 'Moscow, MRR ≥ 5,000', rules: MOSCOW_BIG }).expect(201)).body.id;
});
afterAll(() => t.close());

const get = async (path: string) => (await asAdmin.get(`${ws}/${path}`).expect(200)).body;
const counts = (statuses: { status: string; count: number }[]) => Object.fromEntries(statuses.map((s) => [s.status, s.count]));

describe('churn analytics and the mentions feed by saved segment', () => {
  it('counts the funnel of the segment only', async () => {
    // All, as of 1 Nov: s2 new (0 orders), m2 one purchase, m1 repeat (5 orders, saved), s1 lost early (0 orders),
    // m3 lost after one purchase (1 order, 39 days).
    const all = await get(`churn/funnel?${OCT}`);
    expect(counts(all.statuses)).toEqual({
      new: 1,
      one_purchase: 1,
      repeat: 1,
      lost_early: 1,
      lost_after_one_purchase: 1,
      lost_after_long_cooperation: 0,
    });
    expect(all.lost.map((l: { status: string; total: number }) => [l.status, l.total])).toEqual([
      ['lost_early', 1],
      ['lost_after_one_purchase', 1],
      ['lost_after_long_cooperation', 0],
    ]);
    // The segment (m1, m3): one repeat, one lost after one purchase, because of the price.
    const mine = await get(`churn/funnel?${OCT}&segmentId=${seg}`);
    expect(counts(mine.statuses)).toEqual({
      new: 0,
      one_purchase: 0,
      repeat: 1,
      lost_early: 0,
      lost_after_one_purchase: 1,
      lost_after_long_cooperation: 0,
    });
    expect(mine.lost).toEqual([
      { status: 'lost_early', total: 0, reasons: [] },
      { status: 'lost_after_one_purchase', total: 1, reasons: [{ reasonKey: 'too_expensive', label: expect.any(String), count: 1 }] },
      { status: 'lost_after_long_cooperation', total: 0, reasons: [] },
    ]);
    const csv = await asAdmin.get(`${ws}/churn/funnel.csv?${OCT}&segmentId=${seg}`).expect(200);
    const rows = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(rows.map((r) => r.split(',').slice(0, 3).join(','))).toEqual([
      'status,customers,lost_in_period',
      'new,0,',
      'one_purchase,0,',
      'repeat,1,',
      'lost_early,0,0',
      'lost_after_one_purchase,1,1',
      'lost_after_long_cooperation,0,0',
    ]);
  });

  it('gives the monthly trend of the segment only', async () => {
    const trend = (segment = '') => get(`churn/trend?months=2&to=2026-11-01T00:00:00.000Z&timeZone=UTC${segment}`);
    // September: nobody was a customer before 1 Sep. October, all: 2 of 5 lost (40 %), 8,500 of 23,500 MRR;
    // 3 flows finished, 1 saved.
    const all = await trend();
    expect(all.months.map((m: { label: string }) => m.label)).toEqual(['2026-09', '2026-10']);
    expect(all.months[0].customerChurn).toMatchObject({ atStart: 0, lost: 0 });
    expect(all.months[1].customerChurn).toEqual({ atStart: 5, lost: 2, percent: 40 });
    expect(all.months[1].revenueChurn).toMatchObject({ mrrAtStart: 23500, mrrLost: 8500, percent: 36.2 });
    expect(all.months[1].saves).toMatchObject({ saved: 1, finishedFlows: 3 });
    // The segment: 1 of 2 lost (m3, 50 %), 8,000 of 14,000 MRR (57.1 %); 2 flows, 1 saved (50 %).
    const mine = await trend(`&segmentId=${seg}`);
    expect(mine.months[0].customerChurn).toMatchObject({ atStart: 0, lost: 0 });
    expect(mine.months[1].customerChurn).toEqual({ atStart: 2, lost: 1, percent: 50 });
    expect(mine.months[1].revenueChurn).toEqual({ mrrAtStart: 14000, mrrLost: 8000, percent: 57.1 });
    expect(mine.months[1].saves).toMatchObject({ saved: 1, finishedFlows: 2, percent: 50 });
  });

  it('filters cohorts, money lost, the reason breakdown and comments', async () => {
    const period = 'from=2026-09-01T00:00:00.000Z&to=2026-11-01T00:00:00.000Z';
    // September cohort: all 5 kept in September, 3 in October (60 %); the segment's 2 → 1 (50 %).
    const cohortAll = (await get(`churn/cohorts?${period}`)).rows[0];
    expect(cohortAll.size).toBe(5);
    expect(cohortAll.retention.slice(0, 2).map((c: { retained: number }) => c.retained)).toEqual([5, 3]);
    const cohortMine = (await get(`churn/cohorts?${period}&segmentId=${seg}`)).rows[0];
    expect(cohortMine.size).toBe(2);
    expect(cohortMine.retention.slice(0, 2).map((c: { retained: number; percent: number }) => [c.retained, c.percent])).toEqual([
      [2, 100],
      [1, 50],
    ]);

    // Money lost: 2 (all) or 1 (segment) customers × 100 × 2 purchases.
    const money = (segment = '') => get(`churn/money-lost?${OCT}&averageCheck=100&purchasesPerPeriod=2${segment}`);
    expect(await money()).toMatchObject({ atStart: 5, customersLost: 2, amount: 400 });
    expect(await money(`&segmentId=${seg}`)).toMatchObject({ atStart: 2, customersLost: 1, amount: 200 });

    // By plan: m3 on pro and s1 without a plan; the segment keeps m3 only.
    const groups = async (segment = '') =>
      (await get(`churn/reasons/breakdown?${OCT}&by=plan${segment}`)).groups.map((g: { group: string | null; total: number }) => [
        g.group,
        g.total,
      ]);
    expect(await groups()).toEqual(
      expect.arrayContaining([
        ['pro', 1],
        [null, 1],
      ]),
    );
    expect(await groups(`&segmentId=${seg}`)).toEqual([['pro', 1]]);

    // Comments: every finished flow left "Too pricey": m1 (saved), m3, s1; the segment's are m1 and m3.
    const comments = async (segment = '') =>
      (await get(`churn/reasons/too_expensive/comments?${OCT}${segment}`)).items.map((c: { customerId: string }) => c.customerId).sort();
    expect(await comments()).toEqual(['m1', 'm3', 's1']);
    expect(await comments(`&segmentId=${seg}`)).toEqual(['m1', 'm3']);
  });

  it('lists only the mentions of the segment in the feed', async () => {
    const ids = async (segment = '') =>
      (await get(`mentions?${OCT}${segment}`)).items.map((m: { customerId: string }) => m.customerId).sort();
    expect(await ids()).toEqual(['m1', 'm3', 's1']);
    expect(await ids(`&segmentId=${seg}`)).toEqual(['m1', 'm3']);
    // A page of one carries on within the segment.
    const first = await get(`mentions?${OCT}&segmentId=${seg}&limit=1`);
    expect(first.items.map((m: { customerId: string }) => m.customerId)).toEqual(['m3']);
    const next = await get(`mentions?${OCT}&segmentId=${seg}&limit=1&cursor=${encodeURIComponent(first.nextCursor)}`);
    expect(next.items.map((m: { customerId: string }) => m.customerId)).toEqual(['m1']);
    expect(next.nextCursor).toBeNull();
  });

  it("answers 404 segment_not_found for an unknown segment or another workspace's, never all customers", async () => {
    const paths = [
      `churn/funnel?${OCT}`,
      `churn/funnel.csv?${OCT}`,
      `churn/cohorts?${OCT}`,
      'churn/trend?months=2',
      'churn/trend.csv?months=2',
      `churn/money-lost?${OCT}&averageCheck=1&purchasesPerPeriod=1`,
      `churn/reasons/breakdown?${OCT}&by=plan`,
      `churn/reasons/too_expensive/comments?${OCT}`,
      `mentions?${OCT}`,
    ];
    const other = await t.seedAdmin('Segment churn, elsewhere');
    const asOther = await t.login(other.email, other.password);
    const theirs = (await asOther.post(`/api/v1/workspaces/${other.workspaceId}/segments`, { name: 'Theirs', rules: [] }).expect(201)).body
      .id;
    for (const path of paths) {
      for (const id of [randomUUID(), theirs, 'not-a-uuid']) {
        const res = await asAdmin.get(`${ws}/${path}&segmentId=${id}`).expect(404);
        expect(res.body.error.code).toBe('segment_not_found');
      }
    }
    // Ours, asked for from their workspace.
    const res = await asOther.get(`/api/v1/workspaces/${other.workspaceId}/churn/funnel?segmentId=${seg}`).expect(404);
    expect(res.body.error.code).toBe('segment_not_found');
  });
});
