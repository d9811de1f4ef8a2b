import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobRunner } from '@otklik/backend/src/common/jobs/job-runner';
import { RfmService } from '@otklik/backend/src/customers/activity';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';

/**
 * RFM on a hand-computed workspace of twelve customers. As of scoring (ten with orders in the last 365 days):
 *
 *   customer  last order  orders (365 d)  money   →  R  F  M  group
 *   a          2 d        8 × 150         1200       5  5  5  champions
 *   b          5 d        1 × 30            30       5  1  1  new
 *   c         10 d        6 × 100          600       4  5  4  champions
 *   d         20 d        2 × 30            60       4  2  2  potential
 *   e         40 d        4 × 50           200       3  4  3  loyal
 *   f         60 d        2 × 35            70       3  2  3  potential
 *   g        100 d        5 × 200         1000       2  4  5  cant_lose (checked before at_risk)
 *   h        150 d        2 × 25            50       2  2  2  hibernating
 *   i        200 d        3 × 100 (+1 at 500 d)  300  1  3  4  at_risk (F < 4: not cant_lose)
 *   j        300 d        1 × 40 (+ a payment of 5000, a login)  40  1  1  1  lost
 *   k        400 d (outside the window) → no scores;  l  only a login → no scores
 *
 * Recency: days descending j i | h g | f e | d c | b a → 1…5. Frequency ascending: b j (1) | d f h (2, at positions
 * 3–5: the tie shares the lowest quintile, 2) | i (3) → 3 | e g → 4 | c a → 5. Monetary ascending: b j | h d | f e |
 * i c | g a.
 */

let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let base: string;
const DAY = 86_400_000;
const db = () => t.app.get(DataSource);

const plan: Record<string, { days: number[]; amount: number }> = {
  a: { days: [2, 30, 60, 90, 120, 150, 180, 210], amount: 150 },
  b: { days: [5], amount: 30 },
  c: { days: [10, 50, 90, 130, 170, 210], amount: 100 },
  d: { days: [20, 200], amount: 30 },
  e: { days: [40, 100, 160, 220], amount: 50 },
  f: { days: [60, 300], amount: 35 },
  g: { days: [100, 150, 200, 250, 300], amount: 200 },
  h: { days: [150, 250], amount: 25 },
  i: { days: [200, 250, 340], amount: 100 },
  j: { days: [300], amount: 40 },
  k: { days: [400], amount: 500 },
};
// An hour past the whole day, so "days since" is the planned number however long the test takes.
const ago = (days: number) => new Date(Date.now() - days * DAY - 3_600_000).toISOString();

const scores = async () =>
  Object.fromEntries(
    (
      await db().query(
        `SELECT external_id, rfm_recency r, rfm_frequency f, rfm_monetary m, rfm_group g FROM customers WHERE workspace_id = $1 ORDER BY external_id`,
        [admin.workspaceId],
      )
    ).map((row: { external_id: string; r: number | null; f: number | null; m: number | null; g: string | null }) => [
      row.external_id,
      row.g === null ? null : `${row.r}${row.f}${row.m} ${row.g}`,
    ]),
  );

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.seedAdmin();
  asAdmin = await t.login(admin.email, admin.password);
  base = `/api/v1/workspaces/${admin.workspaceId}/customers`;
  for (const id of 'abcdefghijkl') await asAdmin.put(`${base}/${id}`, { name: id }).expect(201);
  const events: object[] = [];
  for (const [id, { days, amount }] of Object.entries(plan)) {
    days.forEach((d, n) => events.push({ customerExternalId: id, eventId: `${id}-o${n}`, kind: 'order', amount, occurredAt: ago(d) }));
  }
  events.push({ customerExternalId: 'i', eventId: 'i-old', kind: 'order', amount: 999, occurredAt: ago(500) });
  events.push({ customerExternalId: 'j', eventId: 'j-pay', kind: 'payment', amount: 5000, currency: 'EUR', occurredAt: ago(10) });
  events.push({ customerExternalId: 'j', eventId: 'j-login', kind: 'login', occurredAt: ago(1) });
  events.push({ customerExternalId: 'l', eventId: 'l-login', kind: 'login', occurredAt: ago(3) });
  const stored = await asAdmin.post(`${base}/activity/bulk`, { events }).expect(200);
  expect(stored.body).toEqual({ created: events.length, unchanged: 0, errors: [] });
});

afterAll(async () => {
  await t?.close();
});

describe('RFM', () => {
  it('is empty before the workspace is scored', async () => {
    const overview = await asAdmin.get(`${base}/rfm`).expect(200);
    expect(overview.body.scoredAt).toBeNull();
    expect(overview.body.scored).toBe(0);
    expect(overview.body.grid).toEqual([]);
  });

  it('scores quintiles and groups as computed by hand', async () => {
    await t.app.get(RfmService).score(admin.workspaceId);
    expect(await scores()).toEqual({
      a: '555 champions',
      b: '511 new',
      c: '454 champions',
      d: '422 potential',
      e: '343 loyal',
      f: '323 potential',
      g: '245 cant_lose',
      h: '222 hibernating',
      i: '134 at_risk',
      j: '111 lost',
      k: null,
      l: null,
    });
  });

  it('shows the 5×5 grid with counts, mean money and groups, and the group counts', async () => {
    const { body } = await asAdmin.get(`${base}/rfm`).expect(200);
    expect(Date.now() - Date.parse(body.scoredAt)).toBeLessThan(60_000);
    expect(body.scored).toBe(10);
    expect(body.grid).toHaveLength(25);
    expect(body.grid.map((c: { recency: number; frequency: number }) => `${c.recency}${c.frequency}`).slice(0, 6)).toEqual([
      '51',
      '52',
      '53',
      '54',
      '55',
      '41',
    ]);
    const cell = (r: number, f: number) =>
      body.grid.find((c: { recency: number; frequency: number }) => c.recency === r && c.frequency === f);
    expect(cell(5, 5)).toEqual({ recency: 5, frequency: 5, customers: 1, meanMonetary: 1200, group: 'champions' });
    expect(cell(2, 4)).toEqual({ recency: 2, frequency: 4, customers: 1, meanMonetary: 1000, group: 'cant_lose' });
    expect(cell(1, 3)).toEqual({ recency: 1, frequency: 3, customers: 1, meanMonetary: 300, group: 'at_risk' });
    expect(cell(1, 1)).toEqual({ recency: 1, frequency: 1, customers: 1, meanMonetary: 40, group: 'lost' });
    // Empty cells: what the rules give with M = 1.
    expect(cell(2, 5)).toEqual({ recency: 2, frequency: 5, customers: 0, meanMonetary: null, group: 'at_risk' });
    expect(cell(5, 3)).toEqual({ recency: 5, frequency: 3, customers: 0, meanMonetary: null, group: 'potential' });
    expect(cell(3, 5)).toEqual({ recency: 3, frequency: 5, customers: 0, meanMonetary: null, group: 'loyal' });
    expect(body.groups).toEqual([
      { group: 'champions', customers: 2 },
      { group: 'loyal', customers: 1 },
      { group: 'potential', customers: 2 },
      { group: 'new', customers: 1 },
      { group: 'at_risk', customers: 1 },
      { group: 'cant_lose', customers: 1 },
      { group: 'hibernating', customers: 1 },
      { group: 'lost', customers: 1 },
    ]);
  });

  it('re-scores a workspace soon after it receives activity, and no other', async () => {
    const other = await t.seedAdmin('Quiet');
    const asOther = await t.login(other.email, other.password);
    await asOther.put(`/api/v1/workspaces/${other.workspaceId}/customers/q`, { name: 'q' }).expect(201);
    // k orders again today: one order in the window, the most recent of all.
    await asAdmin.post(`${base}/k/activity`, { eventId: 'k-new', kind: 'order', amount: 10, occurredAt: ago(0) }).expect(201);
    await t.app.get(JobRunner).runNow('rfm-scoring');
    const after = await scores();
    // Recency now: j i | h g | f e | d c | b a k → k joins the top; 11 customers put a, k in tile 5 and b in tile 4 (b, a, k
    // at positions 9–11 with ntile sizes 3,2,2,2,2: tiles 1 1 1 2 2 3 3 4 4 5 5).
    expect(after.k).toMatch(/^5\d\d /);
    expect(after.l).toBeNull();
    const quiet = await db().query(`SELECT rfm_scored_at FROM customers WHERE workspace_id = $1`, [other.workspaceId]);
    expect(quiet[0].rfm_scored_at).not.toBeNull(); // never scored: the hourly "not scored for a day" check scores it too
    const overview = await asOther.get(`/api/v1/workspaces/${other.workspaceId}/customers/rfm`).expect(200);
    expect(overview.body.scored).toBe(0);
  });

  it('keeps the group a customer left, and writes only the rows whose scores change', async () => {
    // k's order above moved R down for f (323 potential → 223 hibernating: tiles j i h | g f | e d | c b | a k) and h
    // (222 hibernating → 122 lost); every other customer kept its group (b 511 → 411 stays new; k was unscored).
    const moved = async () =>
      db().query(
        `SELECT external_id id, rfm_group g, rfm_previous_group p FROM customers
          WHERE workspace_id = $1 AND rfm_previous_group IS NOT NULL ORDER BY external_id`,
        [admin.workspaceId],
      );
    expect(await moved()).toEqual([
      { id: 'f', g: 'hibernating', p: 'potential' },
      { id: 'h', g: 'lost', p: 'hibernating' },
    ]);
    const rfm = t.app.get(RfmService);
    expect(await rfm.score(admin.workspaceId)).toBe(0);
    // A row that drifted is written back (its group left is kept); one stamped more than a day ago is re-stamped.
    await db().query(`UPDATE customers SET rfm_group = 'loyal' WHERE workspace_id = $1 AND external_id = 'a'`, [admin.workspaceId]);
    await db().query(`UPDATE customers SET rfm_scored_at = now() - interval '2 days' WHERE workspace_id = $1 AND external_id = 'b'`, [
      admin.workspaceId,
    ]);
    expect(await rfm.score(admin.workspaceId)).toBe(2);
    expect((await scores()).a).toBe('555 champions');
    expect(await moved()).toEqual([
      { id: 'a', g: 'champions', p: 'loyal' },
      { id: 'f', g: 'hibernating', p: 'potential' },
      { id: 'h', g: 'lost', p: 'hibernating' },
    ]);
    const [b] = await db().query(`SELECT rfm_scored_at FROM customers WHERE workspace_id = $1 AND external_id = 'b'`, [admin.workspaceId]);
    expect(Date.now() - new Date(b.rfm_scored_at).getTime()).toBeLessThan(60_000);
    expect(await rfm.score(admin.workspaceId)).toBe(0);
  });

  it('keeps the grid to its workspace and to members or tokens with customers:read', async () => {
    const stranger = await t.seedAdmin('Stranger');
    const asStranger = await t.login(stranger.email, stranger.password);
    expect((await asStranger.get(`${base}/rfm`)).status).toBe(404);
    const token = await asAdmin
      .post(`/api/v1/workspaces/${admin.workspaceId}/api-tokens`, { name: 'w', scopes: ['activity:write'] })
      .expect(201);
    expect((await t.http().get(`${base}/rfm`).set('Authorization', `Bearer ${token.body.secret}`)).status).toBe(403);
  });
});
