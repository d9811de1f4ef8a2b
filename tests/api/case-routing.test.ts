import { parse } from 'csv-parse/sync';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@otklik/backend/src/cases/cases.repository';
import { CasesService, type PatchInput } from '@otklik/backend/src/cases/cases.service';
import { LoggedIn, SeededAdmin, SeededUser, startTestApp, TestApp } from '../support/app';

/**
 * Misrouting over a scripted sequence of reassignments (Moscow time, UTC+3; the period is October–November 2026).
 * Touchpoints: Chat (team: Anna → round robin), Calls (owner Boris), Billing (owner Carl).
 *
 *   E  Chat,  20 Oct 10:00 → Anna (round_robin); 12:00 absence → Boris (Chat); closed.          1 hop, not misrouted
 *   G  Chat,   1 Nov 01:30 (31 Oct 22:30 UTC) → Anna; closed, follow-up 1 reopens it, closed again: resolved, not FCR
 *   A  Chat,   2 Nov 10:00 → Anna; 13:00 wrong_touchpoint → Billing (Carl by its routing); closed. misrouted, 3 h lost
 *   B  Calls,  3 Nov 09:00, opened by an API token (source api) → Boris (touchpoint_owner); 10:00 escalation → Anna
 *      (same touchpoint); 15:00 wrong_touchpoint → Billing. Its first move off Calls was misrouted: 6 h lost; still open
 *   C  Chat,   4 Nov 09:00 → Anna; closed with no hop: first-contact resolution
 *   D  Calls,  5 Nov 09:00, owner Anna given (explicit); 09:30 wrong_owner → Boris; 11:00 workload → Carl;
 *      12:00 wrong_owner → Anna; closed. 3 hops, misrouted, 3 h lost (to the last misrouted hop)
 *   F  no touchpoint, 10 Nov 09:00, unassigned; then given to Boris (not a hop: nobody had it); closed: FCR
 *   X  Chat, 30 Sep with a wrong_touchpoint hop: outside the period. And a case of another workspace.
 *
 * Totals: 7 cases, 3 misrouted (42.9 %); 7 hops (1.00 per case; 0: C F G, 1: A E, 2: B, 3+: D); time lost 3, 6, 3 →
 * median 3, mean 4; resolved A C D E F G = 6, first contact C F = 2 (33.3 %).
 */

let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let ws: string;
let anna: SeededUser;
let boris: SeededUser;
let carl: SeededUser;
let viewer: SeededUser;
let writeToken: string;
const tp: Record<string, string> = {};
const ids: Record<string, string> = {};

const db = () => t.app.get(DataSource);
const msk = (wall: string) => new Date(`${wall}:00+03:00`);
const PERIOD = `from=${msk('2026-10-01T00:00').toISOString()}&to=${msk('2026-12-01T00:00').toISOString()}`;
const MOSCOW = `${PERIOD}&timeZone=Europe/Moscow`;

async function touchpoint(name: string, values: { ownerId?: string; teamIds?: string[] }) {
  const rows = await db().query(
    `INSERT INTO touchpoints (workspace_id, name, stage, channel, owner_id, team_ids) VALUES ($1, $2, 'buying', 'chat', $3, $4) RETURNING id`,
    [admin.workspaceId, name, values.ownerId ?? null, values.teamIds ?? []],
  );
  return rows[0].id as string;
}

beforeAll(async () => {
  t = await startTestApp({ caseSyncMs: 3_600_000 });
  admin = await t.seedAdmin('Routing Desk');
  asAdmin = await t.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
  [anna, boris, carl, viewer] = await Promise.all(['Anna', 'Boris', 'Carl', 'Vera'].map((name) => t.createUser({ name })));
  for (const u of [anna, boris, carl]) await t.addMember(admin.workspaceId, u.userId, 'analyst');
  await t.addMember(admin.workspaceId, viewer.userId, 'viewer');
  tp.chat = await touchpoint('Chat', { teamIds: [anna.userId] });
  tp.calls = await touchpoint('Calls', { ownerId: boris.userId });
  tp.billing = await touchpoint('Billing', { ownerId: carl.userId });
  writeToken = (await asAdmin.post(`${ws}/api-tokens`, { name: 'crm', scopes: ['cases:write', 'cases:read'] }).expect(201)).body.secret;

  const service = t.app.get(CasesService);
  const actor: Actor = { kind: 'user', userId: admin.userId };
  const open = async (key: string, touchpointId: string | null, at: string, extra: object = {}) => {
    const res = await asAdmin.post(`${ws}/cases`, {
      title: key,
      touchpointId: touchpointId ?? undefined,
      openedAt: msk(at).toISOString(),
      ...extra,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids[key] = res.body.id;
  };
  const move = (key: string, at: string, input: PatchInput) => service.patch(admin.workspaceId, ids[key], input, actor, msk(at));
  const close = (key: string, at: string) =>
    service.close(admin.workspaceId, ids[key], { rootCause: 'Cause', actionTaken: 'Fixed' }, actor, msk(at));

  await open('X', tp.chat, '2026-09-30T10:00');
  await move('X', '2026-09-30T11:00', { touchpointId: tp.calls, reassignReason: 'wrong_touchpoint' });
  await open('E', tp.chat, '2026-10-20T10:00');
  await move('E', '2026-10-20T12:00', { ownerId: boris.userId, reassignReason: 'absence' });
  await close('E', '2026-10-20T15:00');
  await open('G', tp.chat, '2026-11-01T01:30');
  await close('G', '2026-11-01T10:00');
  await service.followUp(admin.workspaceId, ids.G, { score: 1 }, actor, msk('2026-11-01T12:00'));
  await close('G', '2026-11-01T15:00');
  await open('A', tp.chat, '2026-11-02T10:00');
  expect(await move('A', '2026-11-02T13:00', { touchpointId: tp.billing, reassignReason: 'wrong_touchpoint' })).toMatchObject({
    touchpointId: tp.billing,
    firstTouchpointId: tp.chat,
    ownerId: carl.userId,
    routedBy: 'round_robin',
  });
  await close('A', '2026-11-03T10:00');
  const b = await t
    .http()
    .post(`${ws}/cases`)
    .set('Authorization', `Bearer ${writeToken}`)
    .send({ title: 'B', touchpointId: tp.calls, openedAt: msk('2026-11-03T09:00').toISOString() })
    .expect(201);
  ids.B = b.body.id;
  expect(b.body).toMatchObject({ source: 'api', ownerId: boris.userId, routedBy: 'touchpoint_owner' });
  await move('B', '2026-11-03T10:00', { ownerId: anna.userId, reassignReason: 'escalation' });
  await move('B', '2026-11-03T15:00', { touchpointId: tp.billing, reassignReason: 'wrong_touchpoint' });
  await open('C', tp.chat, '2026-11-04T09:00');
  await close('C', '2026-11-04T12:00');
  await open('D', tp.calls, '2026-11-05T09:00', { ownerId: anna.userId });
  await move('D', '2026-11-05T09:30', { ownerId: boris.userId, reassignReason: 'wrong_owner' });
  await move('D', '2026-11-05T11:00', { ownerId: carl.userId, reassignReason: 'workload' });
  await move('D', '2026-11-05T12:00', { ownerId: anna.userId, reassignReason: 'wrong_owner' });
  await close('D', '2026-11-06T10:00');
  await open('F', null, '2026-11-10T09:00');
  await move('F', '2026-11-10T10:00', { ownerId: boris.userId });
  await close('F', '2026-11-10T12:00');

  const other = await t.seedAdmin('Other Desk');
  const asOther = await t.login(other.email, other.password);
  await asOther
    .post(`/api/v1/workspaces/${other.workspaceId}/cases`, { title: 'Elsewhere', openedAt: msk('2026-11-10T10:00').toISOString() })
    .expect(201);
}, 120_000);
afterAll(() => t?.close());

const dist = (none: number, one: number, two: number, threeOrMore: number) => ({ none, one, two, threeOrMore });

describe('routing report', () => {
  it('computes the misrouting rate, hops per case, time lost and first-contact resolution', async () => {
    const report = (await asAdmin.get(`${ws}/case-reports/routing?${MOSCOW}`).expect(200)).body;
    expect(report.totals).toEqual({
      cases: 7,
      misroutedCases: 3,
      misroutingRate: 42.9,
      hops: 7,
      hopsPerCase: 1,
      distribution: dist(3, 2, 1, 1),
      medianLostHours: 3,
      meanLostHours: 4,
      resolvedCases: 6,
      firstContactResolved: 2,
      fcrRate: 33.3,
    });
    expect(report.reasons).toEqual([
      { reason: 'wrong_touchpoint', hops: 2 },
      { reason: 'wrong_owner', hops: 2 },
      { reason: 'escalation', hops: 1 },
      { reason: 'workload', hops: 1 },
      { reason: 'absence', hops: 1 },
      { reason: 'other', hops: 0 },
    ]);
  });

  it('splits by routing rule and by source', async () => {
    const report = (await asAdmin.get(`${ws}/case-reports/routing?${MOSCOW}`).expect(200)).body;
    // round_robin: E G A C (A misrouted; hops E1 A1); then one case each, by name.
    expect(report.byRule).toEqual([
      expect.objectContaining({ key: 'round_robin', cases: 4, misroutedCases: 1, misroutingRate: 25, hops: 2, hopsPerCase: 0.5 }),
      expect.objectContaining({ key: 'explicit', cases: 1, misroutedCases: 1, misroutingRate: 100, hops: 3, medianLostHours: 3 }),
      expect.objectContaining({ key: 'touchpoint_owner', cases: 1, misroutedCases: 1, hops: 2, medianLostHours: 6, resolvedCases: 0 }),
      expect.objectContaining({ key: 'unassigned', cases: 1, misroutedCases: 0, hops: 0, resolvedCases: 1, fcrRate: 100 }),
    ]);
    expect(report.bySource).toEqual([
      expect.objectContaining({ key: 'manual', cases: 6, misroutedCases: 2, misroutingRate: 33.3, hops: 5, fcrRate: 33.3 }),
      expect.objectContaining({ key: 'api', cases: 1, misroutedCases: 1, misroutingRate: 100, hops: 2, fcrRate: null }),
    ]);
  });

  it('shows which touchpoints send and receive misrouted cases', async () => {
    const report = (await asAdmin.get(`${ws}/case-reports/routing?${MOSCOW}`).expect(200)).body;
    // Misrouted hops: A Chat → Billing, B Calls → Billing, D Calls → Calls twice (a wrong owner within Calls).
    expect(report.touchpoints).toEqual([
      { touchpointId: tp.calls, name: 'Calls', cases: 2, misroutedCases: 2, misroutingRate: 100, sent: 3, received: 2 },
      { touchpointId: tp.billing, name: 'Billing', cases: 0, misroutedCases: 0, misroutingRate: null, sent: 0, received: 2 },
      { touchpointId: tp.chat, name: 'Chat', cases: 4, misroutedCases: 1, misroutingRate: 25, sent: 1, received: 0 },
      { touchpointId: null, name: null, cases: 1, misroutedCases: 0, misroutingRate: 0, sent: 0, received: 0 },
    ]);
  });

  it('reports by calendar month of the time zone', async () => {
    const moscow = (await asAdmin.get(`${ws}/case-reports/routing?${MOSCOW}`).expect(200)).body.months;
    expect(moscow.map((m: { month: string }) => m.month)).toEqual(['2026-10', '2026-11']);
    expect(moscow[0]).toMatchObject({ cases: 1, misroutedCases: 0, hops: 1, resolvedCases: 1, fcrRate: 0 });
    expect(moscow[1]).toMatchObject({ cases: 6, misroutedCases: 3, misroutingRate: 50, hops: 6, hopsPerCase: 1, fcrRate: 40 });
    // G opened on 31 October in UTC.
    const utc = (await asAdmin.get(`${ws}/case-reports/routing?${PERIOD}&timeZone=UTC`).expect(200)).body.months;
    expect(utc.map((m: { month: string; cases: number }) => [m.month, m.cases])).toEqual([
      ['2026-09', 0],
      ['2026-10', 2],
      ['2026-11', 5],
    ]);
  });

  it('exports the hops of the period as CSV', async () => {
    const res = await asAdmin.get(`${ws}/case-reports/routing/hops.csv?${MOSCOW}`).expect(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const rows = parse(res.text.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.case_title, r.reason, r.misrouted, r.from_touchpoint, r.to_touchpoint, r.from_owner, r.to_owner])).toEqual([
      ['E', 'absence', 'no', 'Chat', 'Chat', 'Anna', 'Boris'],
      ['A', 'wrong_touchpoint', 'yes', 'Chat', 'Billing', 'Anna', 'Carl'],
      ['B', 'escalation', 'no', 'Calls', 'Calls', 'Boris', 'Anna'],
      ['B', 'wrong_touchpoint', 'yes', 'Calls', 'Billing', 'Anna', 'Carl'],
      ['D', 'wrong_owner', 'yes', 'Calls', 'Calls', 'Anna', 'Boris'],
      ['D', 'workload', 'no', 'Calls', 'Calls', 'Boris', 'Carl'],
      ['D', 'wrong_owner', 'yes', 'Calls', 'Calls', 'Carl', 'Anna'],
    ]);
    expect(rows[1]).toMatchObject({ hopped_at: '2026-11-02T10:00:00.000Z', case_opened_at: '2026-11-02T07:00:00.000Z', by: 'user' });
  });
});

describe('reassigning', () => {
  it('records a hop with the reason (other when not given) and shows it in the case history', async () => {
    const id = (await asAdmin.post(`${ws}/cases`, { title: 'Now', touchpointId: tp.calls }).expect(201)).body.id;
    await asAdmin.patch(`${ws}/cases/${id}`, { ownerId: carl.userId }).expect(200);
    const moved = await asAdmin.patch(`${ws}/cases/${id}`, { touchpointId: tp.chat, reassignReason: 'wrong_touchpoint' }).expect(200);
    expect(moved.body).toMatchObject({ touchpointId: tp.chat, firstTouchpointId: tp.calls, ownerId: anna.userId });
    const detail = (await asAdmin.get(`${ws}/cases/${id}`).expect(200)).body;
    expect(detail.hops).toMatchObject([
      { fromTouchpointId: tp.calls, toTouchpointId: tp.calls, fromOwnerId: boris.userId, toOwnerId: carl.userId, reason: 'other' },
      { fromTouchpointId: tp.calls, toTouchpointId: tp.chat, fromOwnerId: carl.userId, toOwnerId: anna.userId, reason: 'wrong_touchpoint' },
    ]);
    expect(
      detail.events.filter((e: { kind: string }) => e.kind !== 'opened').map((e: { kind: string; details: object }) => [e.kind, e.details]),
    ).toEqual([
      ['assigned', { from: boris.userId, to: carl.userId, reason: 'other' }],
      ['touchpoint_changed', { from: tp.calls, to: tp.chat, reason: 'wrong_touchpoint' }],
      ['assigned', { from: carl.userId, to: anna.userId, reason: 'wrong_touchpoint' }],
    ]);
  });

  it('answers 400 for an unknown reason or a foreign touchpoint, and changes nothing', async () => {
    const id = (await asAdmin.post(`${ws}/cases`, { title: 'Strict', touchpointId: tp.calls }).expect(201)).body.id;
    const bad = await asAdmin.patch(`${ws}/cases/${id}`, { ownerId: carl.userId, reassignReason: 'bored' }).expect(400);
    expect(bad.body.error.details).toEqual([
      {
        field: 'reassignReason',
        message: 'reassignReason must be one of: wrong_touchpoint, wrong_owner, escalation, workload, absence, other',
      },
    ]);
    const other = await t.seedAdmin('Foreign Desk');
    const foreign = (
      await db().query(
        `INSERT INTO touchpoints (workspace_id, name, stage, channel) VALUES ($1, 'Theirs', 'buying', 'chat') RETURNING id`,
        [other.workspaceId],
      )
    )[0].id;
    await asAdmin.patch(`${ws}/cases/${id}`, { touchpointId: foreign, reassignReason: 'wrong_touchpoint' }).expect(400);
    await asAdmin.patch(`${ws}/cases/${id}`, { touchpointId: 'not-a-uuid' }).expect(400);
    await asAdmin.post(`${ws}/cases/bulk-assign`, { ids: [id], ownerId: carl.userId, reassignReason: 42 }).expect(400);
    const detail = (await asAdmin.get(`${ws}/cases/${id}`).expect(200)).body;
    expect(detail).toMatchObject({ ownerId: boris.userId, touchpointId: tp.calls, hops: [] });
  });

  it('bulk assignment records hops with the reason given', async () => {
    const id = (await asAdmin.post(`${ws}/cases`, { title: 'Bulk', touchpointId: tp.calls }).expect(201)).body.id;
    await asAdmin.post(`${ws}/cases/bulk-assign`, { ids: [id], ownerId: anna.userId, reassignReason: 'absence' }).expect(200);
    expect((await asAdmin.get(`${ws}/cases/${id}`).expect(200)).body.hops).toMatchObject([
      { fromOwnerId: boris.userId, toOwnerId: anna.userId, reason: 'absence' },
    ]);
  });

  it('two reassignments at once each record a hop from where the other left the case', async () => {
    const id = (await asAdmin.post(`${ws}/cases`, { title: 'Race', touchpointId: tp.calls }).expect(201)).body.id;
    await Promise.all([
      asAdmin.patch(`${ws}/cases/${id}`, { ownerId: anna.userId, reassignReason: 'workload' }).expect(200),
      asAdmin.patch(`${ws}/cases/${id}`, { ownerId: carl.userId, reassignReason: 'workload' }).expect(200),
    ]);
    const detail = (await asAdmin.get(`${ws}/cases/${id}`).expect(200)).body;
    expect(detail.hops).toHaveLength(2);
    expect(detail.hops[0].fromOwnerId).toBe(boris.userId);
    expect(detail.hops[1].fromOwnerId).toBe(detail.hops[0].toOwnerId);
    expect(detail.ownerId).toBe(detail.hops[1].toOwnerId);
  });
});

describe('access', () => {
  it('members and cases:read tokens read; viewers and read tokens cannot reassign; other workspaces get 404', async () => {
    const asViewer = await t.login(viewer.email, viewer.password);
    expect((await asViewer.get(`${ws}/case-reports/routing?${MOSCOW}`).expect(200)).body.totals.cases).toBe(7);
    await asViewer.patch(`${ws}/cases/${ids.C}`, { ownerId: carl.userId, reassignReason: 'workload' }).expect(403);
    const readToken = (await asAdmin.post(`${ws}/api-tokens`, { name: 'bi', scopes: ['cases:read'] }).expect(201)).body.secret;
    const crmToken = (await asAdmin.post(`${ws}/api-tokens`, { name: 'crm2', scopes: ['customers:read'] }).expect(201)).body.secret;
    await t.http().get(`${ws}/case-reports/routing/hops.csv?${MOSCOW}`).set('Authorization', `Bearer ${readToken}`).expect(200);
    await t.http().patch(`${ws}/cases/${ids.C}`).set('Authorization', `Bearer ${readToken}`).send({ ownerId: carl.userId }).expect(403);
    await t.http().get(`${ws}/case-reports/routing?${MOSCOW}`).set('Authorization', `Bearer ${crmToken}`).expect(403);
    await t.http().get(`${ws}/case-reports/routing?${MOSCOW}`).expect(401);
    const other = await t.seedAdmin('Nosy Desk');
    const asOther = await t.login(other.email, other.password);
    await asOther.get(`${ws}/case-reports/routing?${MOSCOW}`).expect(404);
    await asOther.get(`${ws}/case-reports/routing/hops.csv?${MOSCOW}`).expect(404);
    const own = (await asOther.get(`/api/v1/workspaces/${other.workspaceId}/case-reports/routing?${MOSCOW}`).expect(200)).body;
    expect(own.totals).toMatchObject({ cases: 0, misroutingRate: null, hopsPerCase: null, fcrRate: null });
    expect(
      (
        (await db().query(`SELECT count(*)::int AS n FROM cases WHERE id = $1 AND owner_id = $2`, [ids.C, anna.userId])) as { n: number }[]
      )[0].n,
    ).toBe(1);
  });

  it('answers 400 for a bad period or time zone', async () => {
    await asAdmin.get(`${ws}/case-reports/routing?from=yesterday`).expect(400);
    await asAdmin.get(`${ws}/case-reports/routing?timeZone=Mars/Base`).expect(400);
    await asAdmin.get(`${ws}/case-reports/routing?from=2020-01-01&to=2026-01-01`).expect(400);
  });
});
