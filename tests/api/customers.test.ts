import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';

let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let base: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.seedAdmin('Customers Ltd');
  asAdmin = await t.login(admin.email, admin.password);
  base = `/api/v1/workspaces/${admin.workspaceId}/customers`;
});
afterAll(() => t.close());

describe('customers', () => {
  it('creates by external id, then updates only the fields given, merging attributes and consents', async () => {
    const created = await asAdmin
      .put(`${base}/c-1`)
      .set('X-CSRF-Token', asAdmin.csrfToken)
      .send({
        name: 'Анна Петрова',
        email: 'Anna@Example.com',
        mrr: 49.9,
        segment: 'smb',
        lifecycleStage: 'buying',
        orderCount: 1,
        attributes: { plan: 'pro' },
        consents: { survey: { granted: true, at: '2026-11-01T10:00:00Z', source: 'checkout checkbox' } },
        firstSeenAt: '2026-10-01T00:00:00Z',
      })
      .expect(201);
    expect(created.body).toMatchObject({
      externalId: 'c-1',
      name: 'Анна Петрова',
      email: 'anna@example.com',
      mrr: 49.9,
      lifecycleStage: 'buying',
    });

    const updated = await asAdmin
      .put(`${base}/c-1`)
      .set('X-CSRF-Token', asAdmin.csrfToken)
      .send({
        orderCount: 3,
        attributes: { city: 'Sofia' },
        consents: { marketing: { granted: false, at: '2026-11-02T10:00:00Z', source: 'unsubscribe link' } },
        firstSeenAt: '2026-10-15T00:00:00Z',
      })
      .expect(200);
    expect(updated.body).toMatchObject({
      name: 'Анна Петрова',
      orderCount: 3,
      mrr: 49.9,
      attributes: { plan: 'pro', city: 'Sofia' },
      consents: { survey: { granted: true, source: 'checkout checkbox' }, marketing: { granted: false, source: 'unsubscribe link' } },
      firstSeenAt: '2026-10-01T00:00:00.000Z', // first seen never moves later
    });
    expect((await asAdmin.get(`${base}/c-1`).expect(200)).body.id).toBe(created.body.id);
  });

  it('validates fields and external ids', async () => {
    const bad = await asAdmin
      .put(`${base}/c-2`)
      .set('X-CSRF-Token', asAdmin.csrfToken)
      .send({ email: 'nope', mrr: -1, lifecycleStage: 'gone', phone: 'call me' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['email', 'lifecycleStage', 'mrr', 'phone']);
    const longId = await asAdmin
      .put(`${base}/${'x'.repeat(201)}`)
      .set('X-CSRF-Token', asAdmin.csrfToken)
      .send({});
    expect(longId.status).toBe(400);
    await asAdmin.get(`${base}/missing`).expect(404);
  });

  it('bulk-upserts, keeping good rows and reporting bad ones by position', async () => {
    const res = await asAdmin
      .post(`${base}/bulk`, {
        customers: [
          { externalId: 'b-1', name: 'One', mrr: 10 },
          { externalId: 'b-2', email: 'not-an-email' },
          'just a string',
          { externalId: 'b-3', lifecycleStage: 'left' },
          { externalId: 'b-1', orderCount: 5 },
          { name: 'No id' },
        ],
      })
      .expect(200);
    expect(res.body.created).toBe(2);
    expect(res.body.updated).toBe(1);
    expect(res.body.errors).toEqual([
      { index: 1, externalId: 'b-2', field: 'email', message: 'email must be a valid email address' },
      { index: 2, externalId: null, field: '', message: 'each customer must be an object' },
      { index: 5, externalId: null, field: 'externalId', message: 'externalId must be 1–200 characters without /, ? or #' },
    ]);
    expect((await asAdmin.get(`${base}/b-1`).expect(200)).body).toMatchObject({ name: 'One', orderCount: 5, mrr: 10 });
    await asAdmin.get(`${base}/b-2`).expect(404);
    const tooMany = await asAdmin.post(`${base}/bulk`, { customers: Array.from({ length: 1001 }, (_, i) => ({ externalId: `x${i}` })) });
    expect(tooMany.status).toBe(400);
  });

  it('lists with search, stage and segment filters', async () => {
    const all = await asAdmin.get(`${base}?limit=2`).expect(200);
    expect(all.body.total).toBe(3); // c-1, b-1, b-3
    expect(all.body.items).toHaveLength(2);
    const search = await asAdmin.get(`${base}?search=анна`).expect(200);
    expect(search.body.items.map((c: { externalId: string }) => c.externalId)).toEqual(['c-1']);
    const left = await asAdmin.get(`${base}?stage=left`).expect(200);
    expect(left.body.items.map((c: { externalId: string }) => c.externalId)).toEqual(['b-3']);
    expect((await asAdmin.get(`${base}?segment=smb`).expect(200)).body.total).toBe(1);
    expect((await asAdmin.get(`${base}?search=%25`).expect(200)).body.total).toBe(0);
  });

  it('keeps each workspace to itself and respects roles and token scopes', async () => {
    const other = await t.seedAdmin('Other');
    const asOther = await t.login(other.email, other.password);
    expect((await asOther.get(`${base}/c-1`)).status).toBe(404);
    expect((await asOther.get(`/api/v1/workspaces/${other.workspaceId}/customers/c-1`)).status).toBe(404);
    const viewer = await t.createUser();
    await t.addMember(admin.workspaceId, viewer.userId, 'viewer');
    const asViewer = await t.login(viewer.email, viewer.password);
    await asViewer.get(`${base}/c-1`).expect(200);
    expect((await asViewer.agent.put(`${base}/c-9`).set('X-CSRF-Token', asViewer.csrfToken).send({})).status).toBe(403);
    const token = await asAdmin
      .post(`/api/v1/workspaces/${admin.workspaceId}/api-tokens`, { name: 'crm', scopes: ['customers:write', 'customers:read'] })
      .expect(201);
    await t.http().put(`${base}/crm-1`).set('Authorization', `Bearer ${token.body.secret}`).send({ name: 'From CRM' }).expect(201);
  });
});
