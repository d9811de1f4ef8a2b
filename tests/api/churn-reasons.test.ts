import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';

let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let base: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.seedAdmin('Churn Co');
  asAdmin = await t.login(admin.email, admin.password);
  base = `/api/v1/workspaces/${admin.workspaceId}/churn/reasons`;
});
afterAll(() => t.close());

type Reason = { key: string; avoidable: boolean; labels: Record<string, string>; offer: { type: string } | null; archived: boolean };

describe('churn reason taxonomy', () => {
  it('starts every workspace with the common set, once, even when asked concurrently', async () => {
    const lists = await Promise.all([asAdmin.get(base), asAdmin.get(base), asAdmin.get(base)]);
    for (const res of lists) expect(res.status).toBe(200);
    const reasons = (await asAdmin.get(base).expect(200)).body as Reason[];
    expect(reasons.map((r) => r.key)).toEqual([
      'product_quality', 'poor_service', 'competitor_offer', 'too_expensive', 'missing_features', 'too_complex',
      'not_using', 'moved_away', 'technical_problems', 'temporary', 'other',
    ]);
    expect(reasons.filter((r) => !r.avoidable).map((r) => r.key)).toEqual(['not_using', 'moved_away']);
    for (const r of reasons) expect(Object.keys(r.labels).sort()).toEqual(['bg', 'de', 'en', 'ru']);
    expect(reasons.find((r) => r.key === 'too_expensive')?.offer?.type).toBe('discount');
    expect(reasons.find((r) => r.key === 'temporary')?.offer?.type).toBe('pause');
  });

  it('renames by labels only: the key, and so history, stays', async () => {
    const renamed = await asAdmin.patch(`${base}/too_expensive`, { labels: { en: 'Price too high', ru: 'Высокая цена' } }).expect(200);
    expect(renamed.body).toMatchObject({ key: 'too_expensive', labels: { en: 'Price too high', ru: 'Высокая цена' }, avoidable: true });
    const archived = await asAdmin.patch(`${base}/other`, { archived: true, offer: null }).expect(200);
    expect(archived.body).toMatchObject({ key: 'other', archived: true, offer: null });
    await asAdmin.patch(`${base}/no_such_reason`, { avoidable: false }).expect(404);
  });

  it('adds reasons with new keys and validates them', async () => {
    const created = await asAdmin
      .post(base, { key: 'slow_delivery', labels: { en: 'Slow delivery', ru: 'Долгая доставка' }, avoidable: true, group: 'service', offer: { type: 'skip', amount: 1, text: { en: 'Skip your next order' } } })
      .expect(201);
    expect(created.body).toMatchObject({ key: 'slow_delivery', group: 'service', offer: { type: 'skip', amount: 1 } });
    const again = await asAdmin.post(base, { key: 'slow_delivery', labels: { en: 'x' }, avoidable: true });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('reason_exists');
    const bad = await asAdmin.post(base, { key: 'Bad Key', labels: {}, avoidable: 'yes', offer: { type: 'bribe', text: { en: 'x' } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['avoidable', 'key', 'labels', 'offer.type']);
  });

  it('lets viewers read only, and keeps workspaces apart', async () => {
    const viewer = await t.createUser();
    await t.addMember(admin.workspaceId, viewer.userId, 'viewer');
    const asViewer = await t.login(viewer.email, viewer.password);
    await asViewer.get(base).expect(200);
    expect((await asViewer.patch(`${base}/other`, { archived: false })).status).toBe(403);
    const other = await t.seedAdmin('Other');
    const asOther = await t.login(other.email, other.password);
    expect((await asOther.get(base)).status).toBe(404);
    const own = (await asOther.get(`/api/v1/workspaces/${other.workspaceId}/churn/reasons`).expect(200)).body as Reason[];
    expect(own.find((r) => r.key === 'too_expensive')?.labels.en).toBe('Too expensive'); // the rename stayed in Churn Co
    expect(own.some((r) => r.key === 'slow_delivery')).toBe(false);
  });
});
