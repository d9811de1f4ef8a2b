import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';
import { customerSigner } from '../support/identity';

/**
 * Saved segments on a small hand-built base, the segment as a filter on the analytics pages and the breakdown.
 *
 *   id  name     city    mrr    attributes              marketing  NPS (Oct)  cancelled (Oct)  case (Oct)
 *   m1  Anna     Moscow  6000   plan pro, seats 12      yes        10         -                yes
 *   m2  Boris    Moscow  2000   plan basic, seats 3     no         9          -                yes
 *   m3  Vera     Moscow  8000   plan pro                no         9          yes              -
 *   s1  Dimitar  Sofia   500    -                       no         0          yes              -
 *   s2  Elena    Sofia   7000   -                       no         6          -                yes
 * plus one case without a customer. Everyone was first seen on 1 Sep 2026.
 */
let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let asViewer: LoggedIn;
let ws: string;
let db: DataSource;

const OCT = 'from=2026-10-01T00:00:00.000Z&to=2026-11-01T00:00:00.000Z';
const MOSCOW_BIG = [
  { field: 'city', op: 'eq', value: 'Moscow' },
  { field: 'mrr', op: 'gte', value: 5000 },
];
const SOFIA = [{ field: 'city', op: 'eq', value: 'Sofia' }];

const CUSTOMERS = [
  { id: 'm1', name: 'Anna', city: 'Moscow', mrr: 6000, attributes: { plan: 'pro', seats: 12 }, marketing: true, score: 10 },
  { id: 'm2', name: 'Boris', city: 'Moscow', mrr: 2000, attributes: { plan: 'basic', seats: 3 }, marketing: false, score: 9 },
  { id: 'm3', name: 'Vera', city: 'Moscow', mrr: 8000, attributes: { plan: 'pro' }, marketing: false, score: 9 },
  { id: 's1', name: 'Dimitar', city: 'Sofia', mrr: 500, attributes: {}, marketing: false, score: 0 },
  { id: 's2', name: 'Elena', city: 'Sofia', mrr: 7000, attributes: {}, marketing: false, score: 6 },
];

beforeAll(async () => {
  t = await startTestApp({ publicLimitPerIpPerMinute: 100_000 });
  admin = await t.seedAdmin('Segments');
  asAdmin = await t.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
  db = t.app.get(DataSource);
  const viewer = await t.createUser();
  await t.addMember(admin.workspaceId, viewer.userId, 'viewer');
  asViewer = await t.login(viewer.email, viewer.password);

  for (const c of CUSTOMERS) {
    await asAdmin
      .put(`${ws}/customers/${c.id}`, {
        name: c.name,
        mrr: c.mrr,
        attributes: c.attributes,
        firstSeenAt: '2026-09-01T00:00:00Z',
        ...(c.marketing ? { consents: { marketing: { granted: true, at: '2026-09-01T00:00:00Z', source: 'form' } } } : {}),
      })
      .expect(201);
    await db.query(`UPDATE customers SET city = $3 WHERE workspace_id = $1 AND external_id = $2`, [admin.workspaceId, c.id, c.city]);
  }

  // One NPS answer each on 10 Oct.
  const survey = (await asAdmin.post(`${ws}/surveys`, { name: 'NPS', kind: 'nps' }).expect(201)).body.id;
  for (const c of CUSTOMERS) {
    await db.query(
      `INSERT INTO responses (workspace_id, survey_id, survey_version, respondent_id, idempotency_key, answers, score, score_scale_max,
                              finished, language, hidden_fields, customer_external_id, created_at, finished_at)
       VALUES ($1, $2, 1, $3, $3, $4, $5, 10, true, 'en', '{}', $6, '2026-10-10T12:00:00Z', '2026-10-10T12:00:00Z')`,
      [admin.workspaceId, survey, randomUUID(), JSON.stringify({ score: c.score }), c.score, c.id],
    );
  }

  // m3 and s1 cancel on 10 Oct.
  const sign = await customerSigner(asAdmin, admin.workspaceId);
  const flow = (await asAdmin.post(`${ws}/churn/flows`, { name: 'Cancel' }).expect(201)).body;
  for (const customerId of ['m3', 's1']) {
    await t
      .http()
      .post(`/api/v1/public/cancellation-flows/${flow.publicKey}/submissions`)
      .send({
        idempotencyKey: randomUUID(),
        customerId,
        customerHash: sign(customerId),
        reasonKey: 'too_expensive',
        offerAccepted: false,
        finished: true,
      })
      .expect(201);
  }
  await db.query(`UPDATE cancellations SET finished_at = '2026-10-10T12:00:00Z' WHERE flow_id = $1`, [flow.id]);

  // Cases for m1, m2, s2 and one without a customer, opened in October.
  for (const [i, customerId] of ['m1', 'm2', 's2', undefined].entries()) {
    await asAdmin.post(`${ws}/cases`, { title: `Case ${i}`, customerId, openedAt: `2026-10-0${i + 2}T09:00:00Z` }).expect(201);
  }
});
afterAll(() => t.close());

const create = (body: object) => asAdmin.post(`${ws}/segments`, body);
const preview = async (rules: object[]) => (await asAdmin.post(`${ws}/segments/preview`, { rules }).expect(200)).body;
const previewIds = async (rules: object[]) =>
  (await preview(rules)).items.map((c: { externalId: string }) => c.externalId).sort((a: string, b: string) => a.localeCompare(b));

describe('segments', () => {
  it('creates, lists, reads, renames and deletes; names are unique case-insensitively', async () => {
    const made = (await create({ name: '  Temp segment ', rules: SOFIA }).expect(201)).body;
    expect(made).toMatchObject({ name: 'Temp segment', rules: SOFIA, createdBy: admin.userId });
    expect((await asAdmin.get(`${ws}/segments/${made.id}`).expect(200)).body.name).toBe('Temp segment');
    expect((await create({ name: 'TEMP SEGMENT', rules: [] }).expect(409)).body.error.code).toBe('segment_name_taken');

    const renamed = (await asAdmin.patch(`${ws}/segments/${made.id}`, { name: 'Sofia (old)', rules: MOSCOW_BIG }).expect(200)).body;
    expect(renamed).toMatchObject({ name: 'Sofia (old)', rules: MOSCOW_BIG });
    const other = (await create({ name: 'Other', rules: [] }).expect(201)).body;
    expect((await asAdmin.patch(`${ws}/segments/${other.id}`, { name: 'sofia (OLD)' }).expect(409)).body.error.code).toBe(
      'segment_name_taken',
    );

    const names = (await asAdmin.get(`${ws}/segments`).expect(200)).body.items.map((s: { name: string }) => s.name);
    expect(names).toEqual(['Other', 'Sofia (old)']);
    await asAdmin.delete(`${ws}/segments/${made.id}`).expect(204);
    await asAdmin.delete(`${ws}/segments/${other.id}`).expect(204);
    expect((await asAdmin.get(`${ws}/segments/${made.id}`).expect(404)).body.error.code).toBe('segment_not_found');
    await asAdmin.delete(`${ws}/segments/${made.id}`).expect(404);
    await asAdmin.get(`${ws}/segments/not-a-uuid`).expect(404);
  });

  it('refuses bad rules with a 400 that names the condition, and stores nothing', async () => {
    const bad: [object, string, RegExp][] = [
      [[{ field: 'password', op: 'eq', value: 'x' }], 'rules[0].field', /condition 1: unknown field "password"/],
      [[SOFIA[0], { field: 'mrr', op: 'contains', value: '5' }], 'rules[1].op', /condition 2: op for mrr must be one of/],
      [[{ field: 'mrr', op: 'gte', value: '5000' }], 'rules[0].value', /value must be a number/],
      [[{ field: 'colourStatus', op: 'eq', value: 'purple' }], 'rules[0].value', /must be one of: white/],
      [[{ field: 'consent.marketing', op: 'is', value: 'yes' }], 'rules[0].value', /true or false/],
      [[{ field: 'accountManagerId', op: 'eq', value: "1' OR '1'='1" }], 'rules[0].value', /uuid/],
      [[{ field: "city'; DROP TABLE customers; --", op: 'eq', value: 'x' }], 'rules[0].field', /unknown field/],
      [[{ field: "attribute.plan'--", op: 'eq', value: 'x' }], 'rules[0].field', /unknown field/],
      [[{ field: 'city', op: 'eq', value: 'x', extra: 1 }], 'rules[0].extra', /unknown property/],
      [[{ field: 'city', op: 'in', value: Array.from({ length: 101 }, (_, i) => `c${i}`) }], 'rules[0].value', /at most 100 values/],
      [[{ field: 'city', op: 'in', value: [] }], 'rules[0].value', /non-empty list/],
      [[{ field: 'city', op: 'eq', value: 'x'.repeat(201) }], 'rules[0].value', /at most 200 characters/],
      [['city = Moscow'], 'rules[0]', /must be an object/],
      [Array.from({ length: 21 }, () => SOFIA[0]), 'rules', /at most 20 conditions/],
    ];
    for (const [rules, field, message] of bad) {
      const res = await create({ name: `Bad ${randomUUID()}`, rules }).expect(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.details[0].field).toBe(field);
      expect(res.body.error.details[0].message).toMatch(message);
      await asAdmin.post(`${ws}/segments/preview`, { rules }).expect(400);
    }
    await create({ name: 'Not a list', rules: 'city=Moscow' }).expect(400);
    await create({ name: '', rules: [] }).expect(400);
    await create({ name: 'x'.repeat(121), rules: [] }).expect(400);
    expect((await asAdmin.get(`${ws}/segments`).expect(200)).body.items).toEqual([]);
  });

  it('previews the count and the first customers; values are data, never SQL', async () => {
    await db.query(`UPDATE customers SET colour_status = 'gold' WHERE workspace_id = $1 AND external_id = 'm2'`, [admin.workspaceId]);
    const moscow = await preview([{ field: 'city', op: 'eq', value: 'Moscow' }]);
    expect(moscow.total).toBe(3);
    expect(moscow.items.map((c: { name: string }) => c.name)).toEqual(['Anna', 'Boris', 'Vera']);
    expect(moscow.items[1]).toMatchObject({ externalId: 'm2', status: 'gold' });
    expect(await previewIds([{ field: 'colourStatus', op: 'in', value: ['gold', 'platinum'] }])).toEqual(['m2']);

    expect(await previewIds(MOSCOW_BIG)).toEqual(['m1', 'm3']);
    expect(await previewIds([{ field: 'city', op: 'neq', value: 'Moscow' }])).toEqual(['s1', 's2']);
    expect(await previewIds([{ field: 'city', op: 'in', value: ['Sofia', 'Varna'] }])).toEqual(['s1', 's2']);
    expect(await previewIds([{ field: 'city', op: 'contains', value: 'osc' }])).toEqual(['m1', 'm2', 'm3']);
    expect(await previewIds([{ field: 'mrr', op: 'lte', value: 2000 }])).toEqual(['m2', 's1']);
    expect(await previewIds([{ field: 'attribute.plan', op: 'eq', value: 'pro' }])).toEqual(['m1', 'm3']);
    expect(await previewIds([{ field: 'attribute.seats', op: 'gte', value: 10 }])).toEqual(['m1']);
    expect(await previewIds([{ field: 'consent.marketing', op: 'is', value: true }])).toEqual(['m1']);
    expect((await preview([{ field: 'consent.marketing', op: 'is', value: false }])).total).toBe(4);
    expect((await preview([{ field: 'lastSeenDays', op: 'gte', value: 0 }])).total).toBe(5);
    expect((await preview([])).total).toBe(5);
    // A % is a literal character in contains, not a wildcard; quotes are plain text.
    expect((await preview([{ field: 'city', op: 'contains', value: '%' }])).total).toBe(0);
    expect((await preview([{ field: 'city', op: 'eq', value: "'; DROP TABLE customers; --" }])).total).toBe(0);
    expect((await preview([{ field: 'attribute.plan', op: 'eq', value: "pro' OR '1'='1" }])).total).toBe(0);
    expect((await asAdmin.get(`${ws}/customers`).expect(200)).body.total).toBe(5);
  });

  it('filters survey metrics, churn, case reports and the customers list by a segment', async () => {
    const seg = (await create({ name: 'Moscow, MRR ≥ 5,000', rules: MOSCOW_BIG }).expect(201)).body.id;
    try {
      // NPS: all five answers 10, 9, 9, 0, 6 → 3 promoters, 2 detractors = 20; the segment's (m1 10, m3 9) = 100.
      const all = (await asAdmin.get(`${ws}/metrics/nps?${OCT}`).expect(200)).body.summary.nps;
      expect(all).toMatchObject({ n: 5, promoters: 3, detractors: 2, nps: 20 });
      const inSeg = (await asAdmin.get(`${ws}/metrics/nps?${OCT}&segmentId=${seg}`).expect(200)).body.summary;
      expect(inSeg.nps).toMatchObject({ n: 2, promoters: 2, detractors: 0, nps: 100 });
      expect(inSeg.responses).toBe(2);

      // Churn: 2 of 5 lost (40 %); in the segment 1 of 2 (m3): 50 %, 8,000 of 14,000 MRR.
      const churnAll = (await asAdmin.get(`${ws}/churn/summary?${OCT}`).expect(200)).body;
      expect(churnAll.customerChurn).toEqual({ atStart: 5, lost: 2, percent: 40 });
      const churnSeg = (await asAdmin.get(`${ws}/churn/summary?${OCT}&segmentId=${seg}`).expect(200)).body;
      expect(churnSeg.customerChurn).toEqual({ atStart: 2, lost: 1, percent: 50 });
      expect(churnSeg.revenueChurn).toEqual({ mrrAtStart: 14000, mrrLost: 8000, percent: 57.1 });
      expect(churnSeg.saves).toMatchObject({ saved: 0, finishedFlows: 1 });
      const reasons = (await asAdmin.get(`${ws}/churn/reasons-over-time?${OCT}&segmentId=${seg}`).expect(200)).body;
      expect(reasons.totals.cancellations).toBe(1);
      expect((await asAdmin.get(`${ws}/churn/reasons-over-time?${OCT}`).expect(200)).body.totals.cancellations).toBe(2);

      // Cases: four in October, one of them (m1) in the segment.
      expect((await asAdmin.get(`${ws}/case-reports?${OCT}`).expect(200)).body.totals.cases).toBe(4);
      expect((await asAdmin.get(`${ws}/case-reports?${OCT}&segmentId=${seg}`).expect(200)).body.totals.cases).toBe(1);

      // Customers list.
      const list = (await asAdmin.get(`${ws}/customers?segmentId=${seg}`).expect(200)).body;
      expect(list.total).toBe(2);
      expect(list.items.map((c: { externalId: string }) => c.externalId).sort()).toEqual(['m1', 'm3']);

      // Mentions and clusters take it too (none linked here).
      expect((await asAdmin.get(`${ws}/mentions/stats?${OCT}&segmentId=${seg}`).expect(200)).body.totals.total).toBe(0);
      expect((await asAdmin.get(`${ws}/clusters?segmentId=${seg}`).expect(200)).body.items).toEqual([]);

      // An unknown segment is a 404 everywhere, never "all customers".
      for (const path of ['metrics/nps', 'churn/summary', 'case-reports', 'customers', 'mentions/stats', 'clusters']) {
        const res = await asAdmin.get(`${ws}/${path}?segmentId=${randomUUID()}`).expect(404);
        expect(res.body.error.code).toBe('segment_not_found');
      }
    } finally {
      await asAdmin.delete(`${ws}/segments/${seg}`).expect(204);
    }
  });

  it('breaks a metric down by segment, with all customers first; CSV too', async () => {
    const big = (await create({ name: 'Moscow big', rules: MOSCOW_BIG }).expect(201)).body.id;
    const sofia = (await create({ name: 'Sofia', rules: SOFIA }).expect(201)).body.id;
    try {
      const nps = (await asAdmin.get(`${ws}/segments/breakdown?metric=nps&${OCT}`).expect(200)).body;
      // Sofia: 0 and 6, two detractors: −100.
      expect(nps.rows).toEqual([
        { segmentId: null, name: null, customers: 5, value: 20, n: 5 },
        { segmentId: big, name: 'Moscow big', customers: 2, value: 100, n: 2 },
        { segmentId: sofia, name: 'Sofia', customers: 2, value: -100, n: 2 },
      ]);
      const churn = (await asAdmin.get(`${ws}/segments/breakdown?metric=churn&${OCT}`).expect(200)).body;
      expect(churn.rows.map((r: { value: number; n: number }) => [r.value, r.n])).toEqual([
        [40, 5],
        [50, 2],
        [50, 2],
      ]);
      const cases = (await asAdmin.get(`${ws}/segments/breakdown?metric=cases&${OCT}`).expect(200)).body;
      expect(cases.rows.map((r: { value: number }) => r.value)).toEqual([4, 1, 1]);

      const csv = await asAdmin.get(`${ws}/segments/breakdown.csv?metric=nps&${OCT}`).expect(200);
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      expect(
        csv.text
          .replace(/^\uFEFF/, '')
          .trim()
          .split('\n'),
      ).toEqual(['segment_id,segment,customers,nps,n', ',All customers,5,20,5', `${big},Moscow big,2,100,2`, `${sofia},Sofia,2,-100,2`]);
      await asAdmin.get(`${ws}/segments/breakdown?metric=revenue`).expect(400);

      // A token needs the metric's own scope too: customers:read alone reads only churn.
      const token = async (scopes: string[]) =>
        (await asAdmin.post(`${ws}/api-tokens`, { name: 'BI', scopes }).expect(201)).body.secret as string;
      const customersOnly = await token(['customers:read']);
      const withResponses = await token(['customers:read', 'responses:read']);
      const get = (path: string, secret: string) => t.http().get(`${ws}/segments/${path}&${OCT}`).set('Authorization', `Bearer ${secret}`);
      for (const [path, scope] of [
        ['breakdown?metric=nps', 'responses:read'],
        ['breakdown?metric=csat', 'responses:read'],
        ['breakdown?metric=cases', 'cases:read'],
        ['breakdown?metric=mentions', 'mentions:read'],
        ['breakdown.csv?metric=nps', 'responses:read'],
      ]) {
        const refused = await get(path, customersOnly).expect(403);
        expect(refused.body.error.code).toBe('insufficient_scope');
        expect(refused.body.error.message).toContain(`"${scope}"`);
      }
      expect((await get('breakdown?metric=churn', customersOnly).expect(200)).body.rows).toEqual(churn.rows);
      expect((await get('breakdown?metric=nps', withResponses).expect(200)).body.rows).toEqual(nps.rows);
      await get('breakdown?metric=cases', withResponses).expect(403);
    } finally {
      await asAdmin.delete(`${ws}/segments/${big}`).expect(204);
      await asAdmin.delete(`${ws}/segments/${sofia}`).expect(204);
    }
  });

  it('lets viewers read and preview but not write', async () => {
    const seg = (await create({ name: 'For viewers', rules: SOFIA }).expect(201)).body.id;
    try {
      await asViewer.get(`${ws}/segments`).expect(200);
      await asViewer.get(`${ws}/segments/${seg}`).expect(200);
      await asViewer.post(`${ws}/segments/preview`, { rules: SOFIA }).expect(200);
      await asViewer.post(`${ws}/segments`, { name: 'Mine', rules: [] }).expect(403);
      await asViewer.patch(`${ws}/segments/${seg}`, { name: 'Renamed' }).expect(403);
      await asViewer.delete(`${ws}/segments/${seg}`).expect(403);
      expect((await asAdmin.get(`${ws}/segments/${seg}`).expect(200)).body.name).toBe('For viewers');
    } finally {
      await asAdmin.delete(`${ws}/segments/${seg}`).expect(204);
    }
  });

  it("keeps another workspace's segments out of reach", async () => {
    const seg = (await create({ name: 'Ours', rules: SOFIA }).expect(201)).body.id;
    try {
      const other = await t.seedAdmin('Elsewhere');
      const asOther = await t.login(other.email, other.password);
      const theirs = `/api/v1/workspaces/${other.workspaceId}`;
      expect((await asOther.get(`${theirs}/segments/${seg}`).expect(404)).body.error.code).toBe('segment_not_found');
      await asOther.patch(`${theirs}/segments/${seg}`, { name: 'Taken' }).expect(404);
      await asOther.delete(`${theirs}/segments/${seg}`).expect(404);
      expect((await asOther.get(`${theirs}/metrics/nps?segmentId=${seg}`).expect(404)).body.error.code).toBe('segment_not_found');
      expect((await asOther.get(`${theirs}/customers?segmentId=${seg}`).expect(404)).body.error.code).toBe('segment_not_found');
      await asOther.get(`${ws}/segments`).expect(404);
      expect((await asAdmin.get(`${ws}/segments/${seg}`).expect(200)).body.name).toBe('Ours');
    } finally {
      await asAdmin.delete(`${ws}/segments/${seg}`).expect(204);
    }
  });
});
