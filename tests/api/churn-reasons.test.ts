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
      'product_quality',
      'poor_service',
      'competitor_offer',
      'too_expensive',
      'missing_features',
      'too_complex',
      'not_using',
      'moved_away',
      'technical_problems',
      'temporary',
      'other',
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
      .post(base, {
        key: 'slow_delivery',
        labels: { en: 'Slow delivery', ru: 'Долгая доставка' },
        avoidable: true,
        group: 'service',
        offer: { type: 'skip', amount: 1, text: { en: 'Skip your next order' } },
      })
      .expect(201);
    expect(created.body).toMatchObject({ key: 'slow_delivery', group: 'service', offer: { type: 'skip', amount: 1 } });
    const again = await asAdmin.post(base, { key: 'slow_delivery', labels: { en: 'x' }, avoidable: true });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('reason_exists');
    const bad = await asAdmin.post(base, { key: 'Bad Key', labels: {}, avoidable: 'yes', offer: { type: 'bribe', text: { en: 'x' } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['avoidable', 'key', 'labels', 'offer.type']);
  });

  it('edits every field of a reason from the editor: labels per language, avoidable, group (also cleared), offer, order', async () => {
    const labels = { en: 'Deliveries come late', ru: 'Доставка опаздывает', bg: 'Доставката закъснява', de: 'Lieferungen kommen spät' };
    const edited = await asAdmin
      .patch(`${base}/poor_service`, {
        labels,
        avoidable: false,
        group: 'delivery',
        position: 0,
        offer: { type: 'skip', amount: 1, text: { en: 'Skip a delivery', ru: 'Пропустите доставку' } },
      })
      .expect(200);
    expect(edited.body).toMatchObject({
      key: 'poor_service',
      labels,
      avoidable: false,
      group: 'delivery',
      position: 0,
      offer: { type: 'skip', amount: 1 },
    });
    const ungrouped = await asAdmin.patch(`${base}/poor_service`, { group: null }).expect(200);
    expect(ungrouped.body).toMatchObject({ group: null, labels, offer: { type: 'skip' } });
    const stored = ((await asAdmin.get(base).expect(200)).body as Reason[]).find((r) => r.key === 'poor_service');
    expect(stored).toMatchObject({ group: null, avoidable: false, labels });
  });

  it('refuses offers a billing system could not carry out, and a key change, changing nothing', async () => {
    const before = ((await asAdmin.get(base).expect(200)).body as Reason[]).find((r) => r.key === 'competitor_offer');
    const noAmount = await asAdmin.patch(`${base}/competitor_offer`, { offer: { type: 'discount', text: { en: '20% off' } } });
    expect(noAmount.status).toBe(400);
    expect(noAmount.body.error.details).toEqual([{ field: 'offer.amount', message: 'a discount offer needs amount (percent)' }]);
    const noPlan = await asAdmin.post(base, {
      key: 'wrong_plan',
      labels: { en: 'Wrong plan' },
      avoidable: true,
      offer: { type: 'downgrade', text: { en: 'Try Lite' } },
    });
    expect(noPlan.status).toBe(400);
    expect(noPlan.body.error.details).toEqual([{ field: 'offer.plan', message: 'a downgrade offer needs plan' }]);
    const rekey = await asAdmin.patch(`${base}/competitor_offer`, { key: 'rival', labels: { en: 'Rival' } });
    expect(rekey.status).toBe(400);
    const emptyLabel = await asAdmin.patch(`${base}/competitor_offer`, { labels: { en: '  ' } });
    expect(emptyLabel.status).toBe(400);
    const after = (await asAdmin.get(base).expect(200)).body as Reason[];
    expect(after.find((r) => r.key === 'competitor_offer')).toEqual(before);
    expect(after.some((r) => r.key === 'wrong_plan' || r.key === 'rival')).toBe(false);
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
