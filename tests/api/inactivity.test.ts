import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';
import { customerSigner } from '../support/identity';

let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let ws: string;
let sign: (customerId: string) => string;
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

beforeAll(async () => {
  t = await startTestApp({ publicLimitPerIpPerMinute: 100_000 });
  admin = await t.seedAdmin('Quiet customers');
  asAdmin = await t.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
  sign = await customerSigner(asAdmin, admin.workspaceId);
  const seed = (id: string, seen: number, name: string) =>
    asAdmin
      .put(`${ws}/customers/${id}`, { name, email: `${id}@example.test`, firstSeenAt: daysAgo(400), lastSeenAt: daysAgo(seen) })
      .expect(201);
  await seed('active', 5, 'Active');
  await seed('sleepy', 60, '=Sleepy');
  await seed('gone', 120, 'Gone quiet');
  await seed('quit', 200, 'Cancelled');
  const flow = (await asAdmin.post(`${ws}/churn/flows`, { name: 'Cancel' }).expect(201)).body;
  await t
    .http()
    .post(`/api/v1/public/cancellation-flows/${flow.publicKey}/submissions`)
    .send({ idempotencyKey: randomUUID(), customerId: 'quit', customerHash: sign('quit'), reasonKey: 'moved_away', finished: true })
    .expect(201);
});
afterAll(() => t.close());

describe('inactive period and sleeping customers', () => {
  it('lists sleeping customers before they count as lost, leaving out those who cancelled', async () => {
    expect((await asAdmin.get(`${ws}/churn/settings`).expect(200)).body).toEqual({ inactiveDays: 90 });
    const res = (await asAdmin.get(`${ws}/churn/inactive`).expect(200)).body;
    expect(res).toMatchObject({ inactiveDays: 90, sleepingDays: 45, active: 1, cancelled: 1 });
    expect(res.sleeping.map((c: { externalId: string }) => c.externalId)).toEqual(['sleepy']);
    expect(res.sleeping[0]).toMatchObject({ name: '=Sleepy', email: 'sleepy@example.test', daysInactive: 60 });
    expect(res.lostByInactivity.map((c: { externalId: string }) => c.externalId)).toEqual(['gone']);
  });

  it('exports the sleeping list as CSV for a reactivation campaign', async () => {
    const res = await asAdmin.get(`${ws}/churn/inactive/sleeping.csv`).expect(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const text = res.text.replace(/^\uFEFF/, '');
    expect(text.split('\n')[0]).toBe('external_id,name,email,last_seen_at,days_inactive');
    expect(text).toContain("sleepy,'=Sleepy,sleepy@example.test");
    expect(text).not.toContain('gone');
  });

  it('follows the workspace setting, which admins change and others cannot', async () => {
    await asAdmin.agent.put(`${ws}/churn/settings`).set('X-CSRF-Token', asAdmin.csrfToken).send({ inactiveDays: 30 }).expect(200);
    const res = (await asAdmin.get(`${ws}/churn/inactive`).expect(200)).body;
    expect(res).toMatchObject({ inactiveDays: 30, sleepingDays: 15 });
    expect(res.sleeping).toEqual([]);
    expect(res.lostByInactivity.map((c: { externalId: string }) => c.externalId)).toEqual(['gone', 'sleepy']);

    const bad = await asAdmin.agent.put(`${ws}/churn/settings`).set('X-CSRF-Token', asAdmin.csrfToken).send({ inactiveDays: 3 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([{ field: 'inactiveDays', message: 'inactiveDays must be at least 7' }]);
    const analyst = await t.createUser();
    await t.addMember(admin.workspaceId, analyst.userId, 'analyst');
    const asAnalyst = await t.login(analyst.email, analyst.password);
    expect(
      (await asAnalyst.agent.put(`${ws}/churn/settings`).set('X-CSRF-Token', asAnalyst.csrfToken).send({ inactiveDays: 60 })).status,
    ).toBe(403);
    expect((await asAdmin.get(`${ws}/churn/settings`).expect(200)).body.inactiveDays).toBe(30);
  });
});
