import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseBreachJob } from '@otklik/backend/src/cases/case-breach.job';
import { Actor } from '@otklik/backend/src/cases/cases.repository';
import { CasesService } from '@otklik/backend/src/cases/cases.service';
import { LoggedIn, SeededAdmin, SeededUser, startTestApp, TestApp } from '../support/app';

/**
 * Case reports on cases with controlled timestamps (all in November 2026, Moscow time, UTC+3). The touchpoints use
 * the "Report SLA" policy: first response within 60 and resolution within 480 working minutes of Mon–Fri
 * 09:00–18:00 Moscow, no holidays. Times below are SLA minutes (working time, pauses left out).
 *
 * Checkout (owner Anna, chat):
 *   C1 Mon 2 Nov 10:00, reply 10:30 (30 ✓), closed 14:00 (240 ✓), follow-up 5
 *   C2 Mon 2 Nov 17:30, reply Tue 09:45 (30 + 45 = 75 ✗), closed Tue 16:00 (30 + 420 = 450 ✓), follow-up 3
 *   C3 Mon 9 Nov 10:00, NPS 4 detractor; breach job 11:05 flags the first response; reply 11:10 (70 ✗); closed Wed 11
 *      12:00; follow-up 2 on Thu 12 Nov 10:00 reopens it: resolution restarts and, still open, is late by now (✗, no time)
 *   C4 Mon 16 Nov 10:00, NPS 6 detractor, owner Boris; reply 10:20 waiting on the customer (20 ✓); resolution paused
 *      at 20 minutes: pending
 * Delivery (owner Boris, email):
 *   D1 Tue 3 Nov 09:00, reply 09:50 (50 ✓), closed 12:00 (180 ✓), follow-up 4
 *   D2 Fri 6 Nov 17:00, NPS 0 detractor; reply Mon 09:30 (60 + 30 = 90 ✗), closed Mon 17:00 (60 + 480 = 540 ✗), follow-up 5
 *   D3 Wed 18 Nov 10:00, closed 10:40 without a reply (first response ✓ with no time; resolution 40 ✓)
 * =HYPERLINK(…) (no owner, phone): T1 Wed 25 Nov 10:00, reply 10:05 (5 ✓), closed 10:10 (10 ✓)
 * No touchpoint, unassigned, social, the workspace default policy: U1 Tue 24 Nov 10:00, never answered (both ✗ by now)
 * Outside the period: X Fri 30 Oct 10:00 (Checkout, reply 10:10, closed 10:20); and a case of another workspace.
 */

let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let ws: string;
let anna: SeededUser;
let boris: SeededUser;
let viewer: SeededUser;
let other: SeededAdmin;
const tp: Record<string, string> = {};
const ids: Record<string, string> = {};

const db = () => t.app.get(DataSource);
const msk = (wall: string) => new Date(`${wall}:00+03:00`);
const NOVEMBER = `from=${msk('2026-11-01T00:00').toISOString()}&to=${msk('2026-12-01T00:00').toISOString()}&timeZone=Europe/Moscow`;

async function touchpoint(name: string, channel: string, ownerId: string | null, slaPolicyId: string) {
  const rows = await db().query(
    `INSERT INTO touchpoints (workspace_id, name, stage, channel, owner_id, sla_policy_id) VALUES ($1, $2, 'buying', $3, $4, $5) RETURNING id`,
    [admin.workspaceId, name, channel, ownerId, slaPolicyId],
  );
  return rows[0].id as string;
}

async function npsAnswer(publicKey: string, score: number) {
  const res = await t
    .http()
    .post(`/api/v1/public/surveys/${publicKey}/responses`)
    .send({ idempotencyKey: randomUUID(), respondentId: `r-${randomUUID()}`, answers: { score }, finished: true })
    .expect(201);
  return res.body.responseId as string;
}

beforeAll(async () => {
  // The case sync loop is slowed to an hour: the detractor cases are opened here, at controlled times.
  t = await startTestApp({ caseSyncMs: 3_600_000, publicLimitPerIpPerMinute: 100_000 });
  admin = await t.seedAdmin('Report Desk');
  asAdmin = await t.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
  [anna, boris, viewer] = await Promise.all([
    t.createUser({ name: 'Anna' }),
    t.createUser({ name: 'Boris' }),
    t.createUser({ name: 'Vera' }),
  ]);
  await t.addMember(admin.workspaceId, anna.userId, 'analyst');
  await t.addMember(admin.workspaceId, boris.userId, 'analyst');
  await t.addMember(admin.workspaceId, viewer.userId, 'viewer');
  const week = Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ start: '09:00', end: '18:00' }]]));
  const policy = (
    await asAdmin
      .post(`${ws}/sla-policies`, {
        name: 'Report SLA',
        clock: 'business',
        rules: { '*': { '*': { firstResponseMinutes: 60, resolutionMinutes: 480 } } },
        calendar: { timeZone: 'Europe/Moscow', workingHours: week, holidays: [] },
      })
      .expect(201)
  ).body.id as string;
  tp.checkout = await touchpoint('Checkout', 'chat', anna.userId, policy);
  tp.delivery = await touchpoint('Delivery', 'email', boris.userId, policy);
  tp.danger = await touchpoint('=HYPERLINK("http://evil.test","x")', 'phone', null, policy);

  const survey = (
    await asAdmin
      .post(`${ws}/surveys`, {
        name: 'NPS',
        kind: 'nps',
        displayRules: { trigger: 'page_load', samplePercent: 100, recontactDays: 0, stopAfterResponse: false },
      })
      .expect(201)
  ).body;
  await asAdmin.patch(`${ws}/surveys/${survey.id}`, { status: 'live' }).expect(200);

  const service = t.app.get(CasesService);
  const actor: Actor = { kind: 'user', userId: admin.userId };
  const manual = async (key: string, touchpointId: string | null, openedAt: string, extra: object = {}) => {
    const res = await asAdmin.post(`${ws}/cases`, {
      title: key,
      touchpointId: touchpointId ?? undefined,
      openedAt: msk(openedAt).toISOString(),
      priority: 'normal',
      ...extra,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids[key] = res.body.id;
  };
  const detractor = async (key: string, score: number, touchpointId: string, openedAt: string, ownerId?: string) => {
    const id = await service.open(
      admin.workspaceId,
      {
        title: key,
        source: 'response',
        sourceId: await npsAnswer(survey.publicKey, score),
        touchpointId,
        ownerId,
        openedAt: msk(openedAt),
      },
      actor,
    );
    expect(id).not.toBeNull();
    ids[key] = id!;
  };
  const reply = (key: string, at: string, waitForCustomer = false) =>
    service.reply(admin.workspaceId, ids[key], { text: 'On it', waitForCustomer }, actor, msk(at));
  const close = (key: string, at: string) =>
    service.close(admin.workspaceId, ids[key], { rootCause: 'Cause', actionTaken: 'Fixed' }, actor, msk(at));
  const followUp = (key: string, score: number, at: string) => service.followUp(admin.workspaceId, ids[key], { score }, actor, msk(at));

  // In time order, so the one breach-job run sees the world as it was then.
  await manual('X', tp.checkout, '2026-10-30T10:00');
  await reply('X', '2026-10-30T10:10');
  await close('X', '2026-10-30T10:20');
  await manual('C1', tp.checkout, '2026-11-02T10:00');
  await reply('C1', '2026-11-02T10:30');
  await close('C1', '2026-11-02T14:00');
  await followUp('C1', 5, '2026-11-02T15:00');
  await manual('C2', tp.checkout, '2026-11-02T17:30');
  await manual('D1', tp.delivery, '2026-11-03T09:00');
  await reply('C2', '2026-11-03T09:45');
  await reply('D1', '2026-11-03T09:50');
  await close('D1', '2026-11-03T12:00');
  await close('C2', '2026-11-03T16:00');
  await followUp('C2', 3, '2026-11-03T17:00');
  await followUp('D1', 4, '2026-11-03T17:00');
  await detractor('D2', 0, tp.delivery, '2026-11-06T17:00');
  await reply('D2', '2026-11-09T09:30');
  await detractor('C3', 4, tp.checkout, '2026-11-09T10:00');
  expect(await t.app.get(CaseBreachJob).run(msk('2026-11-09T11:05'), admin.workspaceId)).toEqual({ warned: 0, breached: 1 });
  await reply('C3', '2026-11-09T11:10');
  await close('D2', '2026-11-09T17:00');
  await followUp('D2', 5, '2026-11-10T10:00');
  await close('C3', '2026-11-11T12:00');
  const reopened = await followUp('C3', 2, '2026-11-12T10:00');
  expect(reopened).toMatchObject({ status: 'open', reopened: true });
  await detractor('C4', 6, tp.checkout, '2026-11-16T10:00', boris.userId);
  await reply('C4', '2026-11-16T10:20', true);
  await manual('D3', tp.delivery, '2026-11-18T10:00');
  await close('D3', '2026-11-18T10:40');
  await manual('U1', null, '2026-11-24T10:00', { channel: 'social' });
  await manual('T1', tp.danger, '2026-11-25T10:00');
  await reply('T1', '2026-11-25T10:05');
  await close('T1', '2026-11-25T10:10');

  other = await t.seedAdmin('Other Desk');
  const asOther = await t.login(other.email, other.password);
  await asOther
    .post(`/api/v1/workspaces/${other.workspaceId}/cases`, { title: 'Elsewhere', openedAt: msk('2026-11-10T10:00').toISOString() })
    .expect(201);
}, 120_000);
afterAll(() => t.close());

const figures = (over: Record<string, unknown>) => expect.objectContaining(over);

describe('case report per group', () => {
  it('per touchpoint: compliance, median/p90 SLA times, breaches, follow-up CSAT, trade-off and closed loop', async () => {
    const report = (await asAdmin.get(`${ws}/case-reports?${NOVEMBER}&groupBy=touchpoint`).expect(200)).body;
    expect(report).toMatchObject({
      groupBy: 'touchpoint',
      timeZone: 'Europe/Moscow',
      from: '2026-10-31T21:00:00.000Z',
      to: '2026-11-30T21:00:00.000Z',
    });
    expect(report.groups.map((g: { key: string | null }) => g.key)).toEqual([tp.checkout, tp.delivery, tp.danger, null]);
    const [checkout, delivery, danger, none] = report.groups;
    expect(checkout).toEqual({
      key: tp.checkout,
      label: 'Checkout',
      cases: 4,
      // Replies 30 ✓, 75 ✗, 70 ✗, 20 ✓: sorted 20, 30, 70, 75 → median 50, p90 at rank 2.7 → 70 + 0.7 × 5 = 73.5.
      firstResponse: {
        measured: 4,
        met: 2,
        missed: 2,
        pending: 0,
        noTarget: 0,
        compliance: 50,
        timed: 4,
        medianMinutes: 50,
        p90Minutes: 73.5,
      },
      // Resolved 240 ✓ and 450 ✓; C3 late since its reopen; C4 paused (pending). p90 = 240 + 0.9 × 210 = 429.
      resolution: {
        measured: 3,
        met: 2,
        missed: 1,
        pending: 1,
        noTarget: 0,
        compliance: 66.7,
        timed: 2,
        medianMinutes: 345,
        p90Minutes: 429,
      },
      breaches: 3,
      breachedCases: 2,
      followUp: { closedCases: 3, answered: 3, sharePercent: 100, average: 3.33, median: 3, csatPercent: 33.3 },
      tradeOff: { cases: 2, medianResolutionMinutes: 345, averageCsat: 4 },
      closedLoop: { detractorCases: 2, measured: 2, met: 1, ratePercent: 50 },
    });
    expect(delivery).toEqual({
      key: tp.delivery,
      label: 'Delivery',
      cases: 3,
      // D3 was closed without a reply: its first response is met but has no time.
      firstResponse: {
        measured: 3,
        met: 2,
        missed: 1,
        pending: 0,
        noTarget: 0,
        compliance: 66.7,
        timed: 2,
        medianMinutes: 70,
        p90Minutes: 86,
      },
      // 40, 180, 540 → median 180, p90 at rank 1.8 → 180 + 0.8 × 360 = 468.
      resolution: {
        measured: 3,
        met: 2,
        missed: 1,
        pending: 0,
        noTarget: 0,
        compliance: 66.7,
        timed: 3,
        medianMinutes: 180,
        p90Minutes: 468,
      },
      breaches: 2,
      breachedCases: 1,
      followUp: { closedCases: 3, answered: 2, sharePercent: 66.7, average: 4.5, median: 4.5, csatPercent: 100 },
      tradeOff: { cases: 2, medianResolutionMinutes: 360, averageCsat: 4.5 },
      closedLoop: { detractorCases: 1, measured: 1, met: 0, ratePercent: 0 },
    });
    expect(danger).toMatchObject({
      label: '=HYPERLINK("http://evil.test","x")',
      cases: 1,
      firstResponse: { compliance: 100, medianMinutes: 5 },
      resolution: { compliance: 100, medianMinutes: 10 },
    });
    // U1: no reply and no resolution, both deadlines long past.
    expect(none).toMatchObject({
      label: null,
      cases: 1,
      firstResponse: { measured: 1, missed: 1, timed: 0, medianMinutes: null },
      resolution: { missed: 1 },
      breaches: 2,
    });
  });

  it('totals over every case of the period (not an average of the groups)', async () => {
    const { totals } = (await asAdmin.get(`${ws}/case-reports?${NOVEMBER}`).expect(200)).body;
    expect(totals).toEqual({
      cases: 9,
      // 5, 20, 30, 50, 70, 75, 90 → median 50, p90 at rank 5.4 → 75 + 0.4 × 15 = 81.
      firstResponse: {
        measured: 9,
        met: 5,
        missed: 4,
        pending: 0,
        noTarget: 0,
        compliance: 55.6,
        timed: 7,
        medianMinutes: 50,
        p90Minutes: 81,
      },
      // 10, 40, 180, 240, 450, 540 → median 210, p90 at rank 4.5 → 450 + 0.5 × 90 = 495.
      resolution: {
        measured: 8,
        met: 5,
        missed: 3,
        pending: 1,
        noTarget: 0,
        compliance: 62.5,
        timed: 6,
        medianMinutes: 210,
        p90Minutes: 495,
      },
      breaches: 7,
      breachedCases: 4,
      followUp: { closedCases: 7, answered: 5, sharePercent: 71.4, average: 3.8, median: 4, csatPercent: 60 },
      tradeOff: { cases: 4, medianResolutionMinutes: 345, averageCsat: 4.25 },
      // Detractors C3 (late), C4 (in time), D2 (late).
      closedLoop: { detractorCases: 3, measured: 3, met: 1, ratePercent: 33.3 },
    });
  });

  it('per owner, with unassigned cases last', async () => {
    const report = (await asAdmin.get(`${ws}/case-reports?${NOVEMBER}&groupBy=owner`).expect(200)).body;
    expect(report.groups.map((g: { label: string | null; cases: number }) => [g.label, g.cases])).toEqual([
      ['Boris', 4],
      ['Anna', 3],
      [null, 2],
    ]);
    const [borisRow, annaRow, unassigned] = report.groups;
    expect(borisRow).toMatchObject({
      key: boris.userId,
      // C4 20 ✓, D1 50 ✓, D2 90 ✗, D3 ✓ (no time): 20, 50, 90 → p90 = 50 + 0.8 × 40 = 82.
      firstResponse: { measured: 4, met: 3, compliance: 75, medianMinutes: 50, p90Minutes: 82 },
      resolution: { measured: 3, met: 2, pending: 1, compliance: 66.7 },
      closedLoop: { detractorCases: 2, measured: 2, met: 1, ratePercent: 50 },
    });
    expect(annaRow).toMatchObject({
      key: anna.userId,
      firstResponse: { measured: 3, met: 1, compliance: 33.3, medianMinutes: 70, p90Minutes: 74 },
      resolution: { measured: 3, met: 2, compliance: 66.7, medianMinutes: 345 },
      breaches: 3,
      breachedCases: 2,
    });
    expect(unassigned).toMatchObject({ key: null, firstResponse: { measured: 2, met: 1, compliance: 50 }, breaches: 2, breachedCases: 1 });
  });

  it('per channel and priority, and filtered to one touchpoint or owner', async () => {
    const byChannel = (await asAdmin.get(`${ws}/case-reports?${NOVEMBER}&groupBy=channel`).expect(200)).body;
    expect(byChannel.groups.map((g: { key: string; cases: number }) => [g.key, g.cases])).toEqual([
      ['chat', 4],
      ['email', 3],
      ['phone', 1],
      ['social', 1],
    ]);
    const byPriority = (await asAdmin.get(`${ws}/case-reports?${NOVEMBER}&groupBy=priority`).expect(200)).body;
    expect(byPriority.groups.map((g: { key: string; cases: number }) => [g.key, g.cases])).toEqual([['normal', 9]]);
    const checkoutOnly = (await asAdmin.get(`${ws}/case-reports?${NOVEMBER}&groupBy=owner&touchpoint=${tp.checkout}`).expect(200)).body;
    expect(checkoutOnly.totals.cases).toBe(4);
    expect(checkoutOnly.groups.map((g: { label: string; cases: number }) => [g.label, g.cases])).toEqual([
      ['Anna', 3],
      ['Boris', 1],
    ]);
    const unassigned = (await asAdmin.get(`${ws}/case-reports?${NOVEMBER}&owner=none&channel=social`).expect(200)).body;
    expect(unassigned.totals.cases).toBe(1);
    expect(unassigned.groups).toEqual([figures({ key: null, cases: 1 })]);
  });

  it('per month the cases opened in, empty months included', async () => {
    const from = msk('2026-10-01T00:00').toISOString();
    const to = msk('2026-12-01T00:00').toISOString();
    const report = (await asAdmin.get(`${ws}/case-reports?from=${from}&to=${to}&timeZone=Europe/Moscow&groupBy=month`).expect(200)).body;
    expect(report.groups.map((g: { key: string; cases: number }) => [g.key, g.cases])).toEqual([
      ['2026-10', 1],
      ['2026-11', 9],
    ]);
    expect(report.groups[0]).toMatchObject({ firstResponse: { met: 1, medianMinutes: 10 }, resolution: { met: 1, medianMinutes: 20 } });
  });
});

describe('over time', () => {
  it('breaches and compliance per ISO week the cases opened in', async () => {
    const series = (await asAdmin.get(`${ws}/case-reports/series?${NOVEMBER}&interval=week`).expect(200)).body;
    expect(series.interval).toBe('week');
    const rows = series.points.map(
      (p: { label: string; cases: number; breaches: number; firstResponse: { compliance: number | null } }) => [
        p.label,
        p.cases,
        p.breaches,
        p.firstResponse.compliance,
      ],
    );
    expect(rows).toEqual([
      ['2026-W44', 0, 0, null], // Sunday 1 November only
      ['2026-W45', 4, 3, 50], // C1, C2, D1, D2: C2 and D2 replied late, D2 resolved late
      ['2026-W46', 1, 2, 0], // C3: both late
      ['2026-W47', 2, 0, 100], // C4, D3
      ['2026-W48', 2, 2, 50], // U1 (both late), T1
      ['2026-W49', 0, 0, null], // Monday 30 November only
    ]);
    expect(series.points[0].start).toBe('2026-10-31T21:00:00.000Z');
    expect(series.points[1]).toMatchObject({ start: '2026-11-01T21:00:00.000Z', end: '2026-11-08T21:00:00.000Z' });
    const monthly = (await asAdmin.get(`${ws}/case-reports/series?${NOVEMBER}&interval=month`).expect(200)).body;
    expect(monthly.points).toEqual([figures({ label: '2026-11', cases: 9, breaches: 7 })]);
  });
});

describe('CSV export', () => {
  it('has one row per group and the totals, escaped and formula-safe', async () => {
    const res = await asAdmin.get(`${ws}/case-reports.csv?${NOVEMBER}&groupBy=touchpoint`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="case-report-by-touchpoint.csv"');
    expect(res.text.startsWith('\uFEFF')).toBe(true);
    // The formula-looking name is quoted (it holds commas and quotes) and starts with ' so a spreadsheet shows it as text.
    expect(res.text).toContain(`"'=HYPERLINK(""http://evil.test"",""x"")"`);
    const rows: Record<string, string>[] = parse(res.text.replace(/^\uFEFF/, ''), { columns: true });
    expect(rows.map((r) => r.group_label)).toEqual([
      'Checkout',
      'Delivery',
      `'=HYPERLINK("http://evil.test","x")`,
      '(no touchpoint)',
      '(all cases)',
    ]);
    expect(rows[0]).toMatchObject({
      group_by: 'touchpoint',
      group_key: tp.checkout,
      cases: '4',
      first_response_compliance_percent: '50',
      first_response_median_minutes: '50',
      first_response_p90_minutes: '73.5',
      resolution_compliance_percent: '66.7',
      resolution_pending: '1',
      breaches: '3',
      follow_up_average_csat: '3.33',
      tradeoff_median_resolution_minutes: '345',
      tradeoff_average_csat: '4',
      closed_loop_rate_percent: '50',
    });
    expect(rows[3]).toMatchObject({ group_key: '', first_response_median_minutes: '', breaches: '2' });
    expect(rows[4]).toMatchObject({
      group_key: '',
      cases: '9',
      first_response_compliance_percent: '55.6',
      closed_loop_rate_percent: '33.3',
      breached_cases: '4',
    });
  });

  it('exports the weekly series', async () => {
    const res = await asAdmin.get(`${ws}/case-reports/series.csv?${NOVEMBER}&interval=week`).expect(200);
    const rows: Record<string, string>[] = parse(res.text.replace(/^\uFEFF/, ''), { columns: true });
    expect(rows.map((r) => [r.period, r.cases, r.breaches])).toEqual([
      ['2026-W44', '0', '0'],
      ['2026-W45', '4', '3'],
      ['2026-W46', '1', '2'],
      ['2026-W47', '2', '0'],
      ['2026-W48', '2', '2'],
      ['2026-W49', '0', '0'],
    ]);
  });
});

describe('validation and access', () => {
  it.each([
    ['from=yesterday', 'from', 'from must be an ISO 8601 date'],
    ['from=2026-02-30', 'from', 'from must be an ISO 8601 date'],
    [`from=2026-11-20&to=2026-11-10`, 'from', 'from must be before to'],
    ['groupBy=team', 'groupBy', 'groupBy must be one of: touchpoint, owner, channel, priority, month'],
    ['owner=bob', 'owner', 'owner must be a user id or none'],
    ['channel=pigeon', 'channel', 'channel must be one of'],
    ['timeZone=Mars/Olympus', 'timeZone', 'timeZone must be an IANA time zone'],
    ['colour=red', 'colour', 'colour'],
  ])('answers 400 for %s', async (query, field, message) => {
    for (const path of ['case-reports', 'case-reports.csv']) {
      const res = await asAdmin.get(`${ws}/${path}?${query}`);
      expect(res.status, `${path}?${query}`).toBe(400);
      expect(res.headers['content-type']).toMatch(/json/);
      expect(res.body.error.details[0].field).toBe(field);
      expect(res.body.error.message).toContain(message);
    }
  });

  it("gives the journey map the reports' compliance per touchpoint (timers met / timers with a known outcome)", async () => {
    const report = (await asAdmin.get(`${ws}/case-reports?groupBy=touchpoint`).expect(200)).body;
    const journey = (await asAdmin.get(`${ws}/touchpoints/journey`).expect(200)).body;
    const cards = new Map<string, { cases: { compliance: number | null } }>(
      journey.stages.flatMap((stage: { touchpoints: { id: string }[] }) => stage.touchpoints.map((tp) => [tp.id, tp])),
    );
    const reported = report.groups.filter((g: { key: string | null }) => g.key !== null);
    expect(reported.length).toBeGreaterThan(0);
    for (const g of reported) {
      const measured = g.firstResponse.measured + g.resolution.measured;
      const expected = measured > 0 ? Math.round((1000 * (g.firstResponse.met + g.resolution.met)) / measured) / 10 : null;
      expect(cards.get(g.key)?.cases.compliance, g.label).toBe(expected);
    }
  });

  it('answers 400 for an unknown interval of the series', async () => {
    const res = await asAdmin.get(`${ws}/case-reports/series?interval=day`).expect(400);
    expect(res.body.error.details[0]).toEqual({ field: 'interval', message: 'interval must be one of: week, month' });
  });

  it('lets every member and cases:read tokens read; other workspaces get 404 and see none of these cases', async () => {
    const asViewer = await t.login(viewer.email, viewer.password);
    expect((await asViewer.get(`${ws}/case-reports?${NOVEMBER}`).expect(200)).body.totals.cases).toBe(9);
    const readToken = (await asAdmin.post(`${ws}/api-tokens`, { name: 'bi', scopes: ['cases:read'] }).expect(201)).body.secret;
    const otherToken = (await asAdmin.post(`${ws}/api-tokens`, { name: 'crm', scopes: ['customers:read'] }).expect(201)).body.secret;
    const viaToken = await t.http().get(`${ws}/case-reports.csv?${NOVEMBER}`).set('Authorization', `Bearer ${readToken}`).expect(200);
    expect(viaToken.text).toContain('(all cases)');
    await t.http().get(`${ws}/case-reports?${NOVEMBER}`).set('Authorization', `Bearer ${otherToken}`).expect(403);
    await t.http().get(`${ws}/case-reports?${NOVEMBER}`).expect(401);
    const asOther = await t.login(other.email, other.password);
    for (const path of ['case-reports', 'case-reports.csv', 'case-reports/series'])
      await asOther.get(`${ws}/${path}?${NOVEMBER}`).expect(404);
    const own = (await asOther.get(`/api/v1/workspaces/${other.workspaceId}/case-reports?${NOVEMBER}`).expect(200)).body;
    expect(own.totals.cases).toBe(1);
    // A filter naming this workspace's touchpoint finds nothing there.
    expect(
      (await asOther.get(`/api/v1/workspaces/${other.workspaceId}/case-reports?${NOVEMBER}&touchpoint=${tp.checkout}`).expect(200)).body
        .totals.cases,
    ).toBe(0);
  });
});
