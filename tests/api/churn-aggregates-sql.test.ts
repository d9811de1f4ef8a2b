import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';
import { referenceChurnSummary, referenceReasonsOverTime } from '../support/churn-reference';

/**
 * Issue 20: the churn summary and reasons over time are tallied in PostgreSQL. On random data (several seeds, time
 * zones, periods and filters) each endpoint must give exactly the DTO the row-by-row computation gave.
 */
let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let ws: string;
let flowIds: string[];

const TIME_ZONES = ['UTC', 'Europe/Sofia', 'Asia/Kolkata', 'America/New_York'];
const PERIODS = [
  { from: '2026-01-15T00:00:00Z', to: '2026-07-01T00:00:00Z' },
  { from: '2026-03-01T00:00:00Z', to: '2026-12-31T00:00:00Z' },
  { from: '2026-05-10T06:30:00Z', to: '2026-05-20T00:00:00Z' },
];

function prng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

/** Replaces the workspace's customers and flows with a random set: lost, saved, re-cancelled, unknown reasons, no MRR. */
async function seedRandom(seed: number, reasonKeys: string[]): Promise<void> {
  const rnd = prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const db = t.app.get(DataSource);
  await db.query(`DELETE FROM cancellations WHERE workspace_id = $1`, [admin.workspaceId]);
  await db.query(`DELETE FROM customers WHERE workspace_id = $1`, [admin.workspaceId]);
  const year = Date.parse('2026-01-01T00:00:00Z');
  const instant = (days: number) => new Date(year + rnd() * days * 86_400_000 + Math.floor(rnd() * 1000) / 1000).toISOString();
  const customers = Array.from({ length: 250 }, (_, i) => ({
    id: `s${seed}-c${i}`,
    mrr: (Math.floor(rnd() * 50_000) / 100).toFixed(2),
    firstSeen: new Date(Date.parse('2025-06-01T00:00:00Z') + rnd() * 540 * 86_400_000).toISOString(),
    segment: pick(['smb', 'mid', null]),
    plan: pick(['basic', 'pro', null]),
  }));
  await db.query(
    `INSERT INTO customers (workspace_id, external_id, mrr, first_seen_at, last_seen_at, segment, attributes)
     SELECT $1, id, mrr, seen, seen, seg, CASE WHEN plan IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('plan', plan) END
       FROM unnest($2::text[], $3::numeric[], $4::timestamptz[], $5::text[], $6::text[]) AS x(id, mrr, seen, seg, plan)`,
    [
      admin.workspaceId,
      customers.map((c) => c.id),
      customers.map((c) => c.mrr),
      customers.map((c) => c.firstSeen),
      customers.map((c) => c.segment),
      customers.map((c) => c.plan),
    ],
  );
  const keys = [...reasonKeys, 'not_in_taxonomy'];
  const flows = Array.from({ length: 700 }, (_, i) => {
    const reason = pick(keys);
    const offered = keys.filter(() => rnd() < 0.6);
    return {
      key: `s${seed}-f${i}`,
      flowId: pick(flowIds),
      customer: rnd() < 0.9 ? pick(customers).id : `s${seed}-stranger${i}`,
      reason,
      // Sometimes the picked reason is missing from the offered list (an old record): it still counts as offered.
      offered: rnd() < 0.8 ? [...new Set([...offered, reason])] : offered,
      outcome: rnd() < 0.65 ? 'cancelled' : 'saved',
      mrr: rnd() < 0.15 ? null : (Math.floor(rnd() * 30_000) / 100).toFixed(2),
      at: instant(365),
    };
  });
  await db.query(
    `INSERT INTO cancellations (workspace_id, flow_id, idempotency_key, customer_external_id, reason_key, offered_reason_keys, outcome, mrr, finished_at)
     SELECT $1, f, k, c, r, ARRAY(SELECT jsonb_array_elements_text(o)), oc, m, at
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::text[], $8::numeric[], $9::timestamptz[])
            AS x(f, k, c, r, o, oc, m, at)`,
    [
      admin.workspaceId,
      flows.map((f) => f.flowId),
      flows.map((f) => f.key),
      flows.map((f) => f.customer),
      flows.map((f) => f.reason),
      flows.map((f) => JSON.stringify(f.offered)),
      flows.map((f) => f.outcome),
      flows.map((f) => f.mrr),
      flows.map((f) => f.at),
    ],
  );
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.seedAdmin('Churn aggregates in SQL');
  asAdmin = await t.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
  flowIds = [];
  for (const name of ['Cancel web', 'Cancel app']) flowIds.push((await asAdmin.post(`${ws}/churn/flows`, { name }).expect(201)).body.id);
  // One reason made avoidable, one not, so the split has all three parts.
  await asAdmin.patch(`${ws}/churn/reasons/too_expensive`, { avoidable: true }).expect(200);
});
afterAll(() => t.close());

describe('churn aggregates tallied in SQL', () => {
  it('give the same summary and reasons over time as the row-by-row computation', async () => {
    const reasonKeys: string[] = (await asAdmin.get(`${ws}/churn/reasons`).expect(200)).body.map((r: { key: string }) => r.key);
    expect(reasonKeys.length).toBeGreaterThan(3);
    let compared = 0;
    for (const seed of [1, 2, 3]) {
      await seedRandom(seed, reasonKeys);
      for (const timeZone of TIME_ZONES) {
        for (const period of PERIODS) {
          const query = { ...period, timeZone };
          const qs = new URLSearchParams(query).toString();
          const summary = (await asAdmin.get(`${ws}/churn/summary?${qs}`).expect(200)).body;
          expect(summary).toEqual(await referenceChurnSummary(t.app, admin.workspaceId, query));
          // No filter, and one of segment / plan / flow in turn.
          const filters: Record<string, string>[] = [
            {},
            [{ segment: 'smb' }, { plan: 'pro' }, { touchpoint: flowIds[seed % 2] }][compared % 3],
          ];
          for (const filter of filters) {
            const language = seed === 2 ? 'ru' : 'en';
            const full = { ...query, ...filter, language };
            const reasons = (await asAdmin.get(`${ws}/churn/reasons-over-time?${new URLSearchParams(full)}`).expect(200)).body;
            expect(reasons).toEqual(await referenceReasonsOverTime(t.app, admin.workspaceId, full));
            compared++;
          }
        }
      }
    }
    expect(compared).toBe(3 * TIME_ZONES.length * PERIODS.length * 2);
  }, 300_000);

  it('agrees on a hand-computed case: a reason missing from the offered list still counts as offered', async () => {
    const db = t.app.get(DataSource);
    await db.query(`DELETE FROM cancellations WHERE workspace_id = $1`, [admin.workspaceId]);
    await db.query(`DELETE FROM customers WHERE workspace_id = $1`, [admin.workspaceId]);
    await db.query(
      `INSERT INTO cancellations (workspace_id, flow_id, idempotency_key, customer_external_id, reason_key, offered_reason_keys, outcome, mrr, finished_at)
       VALUES ($1, $2, 'a', 'x1', 'too_expensive', '{too_expensive,moved_away}', 'cancelled', 10.10, '2026-04-02T10:00:00Z'),
              ($1, $2, 'b', 'x2', 'moved_away', '{too_expensive}', 'cancelled', 20.20, '2026-04-03T10:00:00Z'),
              ($1, $2, 'c', 'x3', 'too_expensive', '{too_expensive}', 'saved', 0.10, '2026-04-04T10:00:00Z'),
              ($1, $2, 'd', 'x4', 'too_expensive', '{too_expensive}', 'saved', 0.20, '2026-05-04T10:00:00Z')`,
      [admin.workspaceId, flowIds[0]],
    );
    const query = { from: '2026-04-01T00:00:00Z', to: '2026-06-01T00:00:00Z', timeZone: 'UTC' };
    const s = (await asAdmin.get(`${ws}/churn/summary?${new URLSearchParams(query)}`).expect(200)).body;
    // 2 saved of 4 finished; 0.10 + 0.20 saved exactly (not 0.30000000000000004).
    expect(s.saves).toEqual({ saved: 2, finishedFlows: 4, percent: 50, revenueSaved: 0.3 });
    // April: too_expensive picked 1 of the 2 flows offering it; moved_away picked 1 of 2 (offered in one, picked in the other).
    expect(s.reasonsByMonth[0]).toEqual({
      label: '2026-04',
      total: 2,
      reasons: [
        { reasonKey: 'moved_away', count: 1, offered: 2, percent: 50 },
        { reasonKey: 'too_expensive', count: 1, offered: 2, percent: 50 },
      ],
    });
    expect(s.avoidable).toEqual({ total: 2, avoidable: 1, unavoidable: 1, unknown: 0, avoidablePercent: 50 });
    expect(s).toEqual(await referenceChurnSummary(t.app, admin.workspaceId, query));
  });
});
