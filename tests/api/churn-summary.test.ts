import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';
import { customerSigner } from '../support/identity';

/** Churn numbers on seeded data against hand-computed values. */
let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let ws: string;
let sign: (customerId: string) => string;

beforeAll(async () => {
  t = await startTestApp({ publicLimitPerIpPerMinute: 100_000 });
  admin = await t.seedAdmin('Churn Summary');
  asAdmin = await t.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
  sign = await customerSigner(asAdmin, admin.workspaceId);
});
afterAll(() => t.close());

describe('churn summary', () => {
  it('computes churn, revenue churn, saves, the avoidable share and reasons by month', async () => {
    // 10 customers present on 1 Oct, 100.00 MRR each (1,000.00 in all); one more arrives mid-October.
    for (let i = 0; i < 10; i++) {
      await asAdmin.put(`${ws}/customers/c${i}`, { mrr: 100, firstSeenAt: '2026-09-01T00:00:00Z' }).expect(201);
    }
    await asAdmin.put(`${ws}/customers/late`, { mrr: 500, firstSeenAt: '2026-10-15T00:00:00Z' }).expect(201);
    const flow = (await asAdmin.post(`${ws}/churn/flows`, { name: 'Cancel' }).expect(201)).body;
    const submit = (customerId: string, reasonKey: string, offerAccepted: boolean) =>
      t
        .http()
        .post(`/api/v1/public/cancellation-flows/${flow.publicKey}/submissions`)
        .send({ idempotencyKey: randomUUID(), customerId, customerHash: sign(customerId), reasonKey, offerAccepted, finished: true })
        .expect(201);
    await submit('c0', 'too_expensive', false); // lost, avoidable
    await submit('c1', 'moved_away', false); // lost, unavoidable
    await submit('c2', 'too_expensive', true); // saved
    await t.app.get(DataSource).query(`UPDATE cancellations SET finished_at = '2026-10-10T12:00:00Z' WHERE flow_id = $1`, [flow.id]);

    const res = await asAdmin
      .get(`${ws}/churn/summary?from=2026-10-01T00:00:00Z&to=2026-11-01T00:00:00Z&timeZone=Europe/Sofia`)
      .expect(200);
    const s = res.body;
    // 2 of the 10 present on 1 Oct were lost: 20 %. The one who arrived later does not count.
    expect(s.customerChurn).toEqual({ atStart: 10, lost: 2, percent: 20 });
    // 200.00 of 1,000.00 MRR lost: 20 %.
    expect(s.revenueChurn).toEqual({ mrrAtStart: 1000, mrrLost: 200, percent: 20 });
    // 1 saved of 3 finished flows: 33.3 %; 100.00 MRR saved.
    expect(s.saves).toEqual({ saved: 1, finishedFlows: 3, percent: 33.3, revenueSaved: 100 });
    expect(s.avoidable).toEqual({ total: 2, avoidable: 1, unavoidable: 1, unknown: 0, avoidablePercent: 50 });
    // In Sofia time the period ends at 02:00 on 1 November, so November appears as a (partial, empty) month.
    expect(s.reasonsByMonth.map((m: { label: string; total: number }) => [m.label, m.total])).toEqual([
      ['2026-10', 2],
      ['2026-11', 0],
    ]);
    expect(s.reasonsByMonth[0].reasons).toEqual(
      expect.arrayContaining([
        { reasonKey: 'too_expensive', count: 1, offered: 2, percent: 50 },
        { reasonKey: 'moved_away', count: 1, offered: 2, percent: 50 },
      ]),
    );

    // The month before: nobody lost yet.
    const before = (await asAdmin.get(`${ws}/churn/summary?from=2026-09-01T00:00:00Z&to=2026-10-01T00:00:00Z`).expect(200)).body;
    // In September they were only just arriving (first seen on 1 Sep): no base to churn from.
    expect(before.customerChurn).toEqual({ atStart: 0, lost: 0, percent: null });
  });

  it('rejects bad periods and zones', async () => {
    const res = await asAdmin.get(`${ws}/churn/summary?from=2026-11-01T00:00:00Z&to=2026-10-01T00:00:00Z`);
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('from');
    expect((await asAdmin.get(`${ws}/churn/summary?timeZone=Nowhere/Land`)).body.error.details[0].field).toBe('timeZone');
  });
});
