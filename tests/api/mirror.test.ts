import { randomUUID } from 'node:crypto';
import { MirrorReportService } from '@otklik/backend/src/mirror/mirror-report.service';
import { MirrorService } from '@otklik/backend/src/mirror/mirror.service';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoggedIn, SeededAdmin, SeededUser, startTestApp, TestApp } from '../support/app';

/**
 * The mirror survey against the real app and PostgreSQL: staff vs customer means, gaps, blind spots and the monthly
 * trend computed by hand; one answer set per person and period; who may answer; tenancy, roles, scopes, hostile input.
 */
let t: TestApp;
let db: DataSource;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let olga: SeededUser; // owner of the courier touchpoint
let asOlga: LoggedIn;
let anna: SeededUser; // analyst, backup owner of the courier touchpoint
let asAnna: LoggedIn;
let vera: SeededUser; // viewer, on the courier team
let asVera: LoggedIn;
let oleg: SeededUser; // owner role, but not on the courier touchpoint
let asOleg: LoggedIn;
let ws: string;
let courierId: string;
let supportId: string;
let surveyId: string;
let mirrorId: string;

const bearer = (secret: string) => ({ Authorization: `Bearer ${secret}` });

/** The workspace's time zone (its default SLA calendar): UTC+10 all year, so its months start 10 hours before UTC's. */
const ZONE = 'Asia/Vladivostok';
/** First day of the current, previous and the month before in ZONE. */
const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit' })
  .format(new Date())
  .split('-')
  .map(Number);
const firstOf = (back: number) => new Date(Date.UTC(year, month - 1 - back, 1)).toISOString().slice(0, 10);
const CURRENT = firstOf(0);
const PREVIOUS = firstOf(1);
const TWO_BACK = firstOf(2);

async function respond(publicKey: string, score: number, hiddenFields?: Record<string, string>): Promise<void> {
  await t
    .http()
    .post(`/api/v1/public/surveys/${publicKey}/responses`)
    .send({ idempotencyKey: randomUUID(), respondentId: `r-${randomUUID()}`, answers: { score }, finished: true, hiddenFields })
    .expect(201);
}

const answerCount = async () => Number((await db.query(`SELECT count(*) AS n FROM mirror_answers WHERE mirror_id = $1`, [mirrorId]))[0].n);

beforeAll(async () => {
  t = await startTestApp({ publicLimitPerIpPerMinute: 100_000, caseSyncMs: 3_600_000 });
  db = t.app.get(DataSource);
  admin = await t.seedAdmin('Mirror LLC');
  asAdmin = await t.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
  olga = await t.createUser({ name: 'Olga Owner' });
  anna = await t.createUser({ name: 'Anna Analyst' });
  vera = await t.createUser({ name: 'Vera Viewer' });
  oleg = await t.createUser({ name: 'Oleg Outsider' });
  await t.addMember(admin.workspaceId, olga.userId, 'owner');
  await t.addMember(admin.workspaceId, anna.userId, 'analyst');
  await t.addMember(admin.workspaceId, vera.userId, 'viewer');
  await t.addMember(admin.workspaceId, oleg.userId, 'owner');
  [asOlga, asAnna, asVera, asOleg] = await Promise.all([olga, anna, vera, oleg].map((u) => t.login(u.email, u.password)));
  const policies = (await asAdmin.get(`${ws}/sla-policies`).expect(200)).body as { id: string; isDefault: boolean; calendar: object }[];
  const standard = policies.find((p) => p.isDefault)!;
  await asAdmin.patch(`${ws}/sla-policies/${standard.id}`, { calendar: { ...standard.calendar, timeZone: ZONE } }).expect(200);

  const courier = await asAdmin
    .post(`${ws}/touchpoints`, {
      name: 'Courier',
      stage: 'repeat',
      ownerId: olga.userId,
      backupOwnerId: anna.userId,
      teamIds: [vera.userId],
    })
    .expect(201);
  courierId = courier.body.id;
  supportId = (await asAdmin.post(`${ws}/touchpoints`, { name: 'Support', stage: 'repeat', ownerId: admin.userId }).expect(201)).body.id;

  const survey = await asAdmin
    .post(`${ws}/surveys`, {
      name: 'CSAT after delivery',
      kind: 'csat',
      touchpointName: 'Courier',
      displayRules: { trigger: 'page_load', samplePercent: 100, recontactDays: 0, stopAfterResponse: false },
    })
    .expect(201);
  surveyId = survey.body.id;
  await asAdmin.patch(`${ws}/surveys/${surveyId}`, { status: 'live' }).expect(200);
  // Previous month: courier customers 4, 4. This month: 2, 3, 2, 5 for the courier, and one 4 the page sent for Support.
  await respond(survey.body.publicKey, 4);
  await respond(survey.body.publicKey, 4);
  await db.query(`UPDATE responses SET created_at = $2::date + interval '3 days' WHERE survey_id = $1`, [surveyId, PREVIOUS]);
  // (Answers at the real `now` fall in CURRENT, ZONE's month.)
  for (const score of [2, 3, 2, 5]) await respond(survey.body.publicKey, score);
  await respond(survey.body.publicKey, 4, { touchpoint: 'support' });
});
afterAll(() => t.close());

describe('setting up a mirror', () => {
  it('creates a mirror with the survey questions prefixed per language, staff from the touchpoint', async () => {
    const res = await asAnna
      .post(`${ws}/mirrors`, { surveyId, touchpoints: [{ id: courierId }, { id: supportId }], prefix: { en: 'Customers would say:' } })
      .expect(201);
    mirrorId = res.body.id;
    expect(res.body).toMatchObject({
      name: 'Mirror: CSAT after delivery',
      period: 'month',
      graceDays: 5,
      blindSpotRating: 0.5,
      blindSpotNps: 1,
      active: true,
      currentPeriod: CURRENT,
      timeZone: ZONE,
    });
    expect(res.body.questions).toHaveLength(1);
    const [q] = res.body.questions;
    expect(q).toMatchObject({ id: 'score', type: 'rating', min: 1, max: 5 });
    expect(q.text.en).toBe(`Customers would say: ${q.customerText.en}`);
    expect(q.text.ru.startsWith('Как, по-вашему, ответят клиенты:')).toBe(true);
    const courier = res.body.touchpoints.find((tp: { id: string }) => tp.id === courierId);
    expect(courier.staff.map((p: { name: string }) => p.name)).toEqual(['Olga Owner', 'Anna Analyst', 'Vera Viewer']);
    expect(courier).toMatchObject({ answered: 0, responseRate: 0 });
  });

  it('refuses a second mirror of the same name (409), viewers (403), and bad input (400) without storing anything', async () => {
    const before = Number((await db.query(`SELECT count(*) AS n FROM mirror_surveys`))[0].n);
    await asAdmin.post(`${ws}/mirrors`, { surveyId, name: 'Mirror: CSAT after delivery', touchpoints: [{ id: courierId }] }).expect(409);
    await asVera.post(`${ws}/mirrors`, { surveyId, touchpoints: [{ id: courierId }] }).expect(403);
    const bad = [
      { surveyId, touchpoints: [] },
      { surveyId, touchpoints: [{ id: randomUUID() }] },
      { surveyId, touchpoints: [{ id: courierId }, { id: courierId }] },
      { surveyId: randomUUID(), touchpoints: [{ id: courierId }] },
      { surveyId, touchpoints: [{ id: courierId }], name: 'x'.repeat(201) },
      { surveyId, touchpoints: [{ id: courierId }], blindSpotRating: 0 },
      { surveyId, touchpoints: [{ id: courierId }], period: 'week' },
      { surveyId, touchpoints: [{ id: courierId }], prefix: { en: '' } },
      { surveyId, touchpoints: [{ id: courierId, extraStaffIds: [randomUUID()] }] },
      { surveyId, touchpoints: 'Courier' },
    ];
    for (const body of bad) {
      const res = await asAdmin.post(`${ws}/mirrors`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    expect(Number((await db.query(`SELECT count(*) AS n FROM mirror_surveys`))[0].n)).toBe(before);
  });

  it('lets only admins add extra staff', async () => {
    await asAnna
      .patch(`${ws}/mirrors/${mirrorId}`, { touchpoints: [{ id: courierId, extraStaffIds: [oleg.userId] }, { id: supportId }] })
      .expect(403);
    // Renaming without touching the extra staff is fine for an analyst.
    await asAnna.patch(`${ws}/mirrors/${mirrorId}`, { blindSpotRating: 0.5 }).expect(200);
  });
});

describe('answering', () => {
  it('takes one answer set per person, touchpoint and period: a second submit replaces the first', async () => {
    const first = await asVera.put(`${ws}/mirrors/${mirrorId}/answers`, { touchpointId: courierId, answers: { score: 2 } }).expect(200);
    expect(first.body).toEqual({ periodStart: CURRENT, replaced: false });
    const second = await asVera.put(`${ws}/mirrors/${mirrorId}/answers`, { touchpointId: courierId, answers: { score: 4 } }).expect(200);
    expect(second.body).toEqual({ periodStart: CURRENT, replaced: true });
    await asAnna.put(`${ws}/mirrors/${mirrorId}/answers`, { touchpointId: courierId, answers: { score: 4 } }).expect(200);
    expect(await answerCount()).toBe(2);
  });

  it('two racing submits of one person leave one answer set', async () => {
    const results = await Promise.all([
      asOlga.put(`${ws}/mirrors/${mirrorId}/answers`, { touchpointId: courierId, answers: { score: 5 } }),
      asOlga.put(`${ws}/mirrors/${mirrorId}/answers`, { touchpointId: courierId, answers: { score: 5 } }),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    const rows = await db.query(`SELECT answers FROM mirror_answers WHERE mirror_id = $1 AND user_id = $2`, [mirrorId, olga.userId]);
    expect(rows).toEqual([{ answers: { score: 5 } }]);
  });

  it('an answer racing a retargeting edit is refused (409 mirror_changed) and stores nothing', async () => {
    const racing = (await asAdmin.post(`${ws}/mirrors`, { surveyId, name: 'Racing', touchpoints: [{ id: courierId }] }).expect(201)).body;
    const editor = db.createQueryRunner();
    await editor.connect();
    try {
      // An admin's edit holds the row and changes the period; the staff answer arrives meanwhile, read the old period.
      await editor.startTransaction();
      await editor.query(`SELECT 1 FROM mirror_surveys WHERE id = $1 FOR UPDATE`, [racing.id]);
      await editor.query(`UPDATE mirror_surveys SET period = 'quarter' WHERE id = $1`, [racing.id]);
      const answer = asVera.put(`${ws}/mirrors/${racing.id}/answers`, { touchpointId: courierId, answers: { score: 3 } }).then((r) => r);
      // Wait until the answer's insert waits on the edit's row lock, so the order is the one under test.
      for (;;) {
        const [{ waiting }] = await db.query(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO mirror_answers%'`,
        );
        if (waiting > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await editor.commitTransaction();
      const res = await answer;
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('mirror_changed');
    } finally {
      if (editor.isTransactionActive) await editor.rollbackTransaction();
      await editor.release();
    }
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM mirror_answers WHERE mirror_id = $1`, [racing.id]);
    expect(n).toBe(0);
    await asAdmin.delete(`${ws}/mirrors/${racing.id}`).expect(204);
  });

  it('refuses people who are not staff of the touchpoint, until an admin adds them', async () => {
    const res = await asOleg.put(`${ws}/mirrors/${mirrorId}/answers`, { touchpointId: courierId, answers: { score: 5 } }).expect(403);
    expect(res.body.error.code).toBe('forbidden');
    await asVera.put(`${ws}/mirrors/${mirrorId}/answers`, { touchpointId: supportId, answers: { score: 5 } }).expect(403);
    await asAdmin
      .patch(`${ws}/mirrors/${mirrorId}`, { touchpoints: [{ id: courierId }, { id: supportId, extraStaffIds: [oleg.userId] }] })
      .expect(200);
    const mine = (await asOleg.get(`${ws}/mirrors/mine`).expect(200)).body;
    expect(mine.items.map((i: { touchpointName: string }) => i.touchpointName)).toContain('Support');
    expect(mine.items.every((i: { touchpointName: string }) => i.touchpointName === 'Support')).toBe(true);
    // Oleg answers for support only: his staff answer is not a customer answer and changes no customer figure.
    await asOleg.put(`${ws}/mirrors/${mirrorId}/answers`, { touchpointId: supportId, answers: { score: 5 } }).expect(200);
  });

  it('checks answers with the survey rules and refuses closed periods, storing nothing', async () => {
    const before = await answerCount();
    const bad: [object, number][] = [
      [{ touchpointId: courierId, answers: { score: 6 } }, 400],
      [{ touchpointId: courierId, answers: { score: 0 } }, 400],
      [{ touchpointId: courierId, answers: { score: 3.5 } }, 400],
      [{ touchpointId: courierId, answers: { score: '4' } }, 400],
      [{ touchpointId: courierId, answers: {} }, 400],
      [{ touchpointId: courierId, answers: { score: 4, comment: 'hi' } }, 400],
      [{ touchpointId: courierId, answers: { score: 4, extra: 1 } }, 400],
      [{ touchpointId: courierId, answers: [4] }, 400],
      [{ touchpointId: courierId, answers: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`q${i}`, 1])) }, 400],
      [{ touchpointId: 'courier', answers: { score: 4 } }, 400],
      [{ touchpointId: courierId, answers: { score: 4 }, periodStart: '2026-13-01' }, 400],
      [{ touchpointId: courierId, answers: { score: 4 }, periodStart: TWO_BACK }, 409],
      [{ touchpointId: randomUUID(), answers: { score: 4 } }, 404],
    ];
    for (const [body, status] of bad) {
      const res = await asVera.put(`${ws}/mirrors/${mirrorId}/answers`, body);
      expect(res.status, JSON.stringify(body).slice(0, 200)).toBe(status);
    }
    expect(await answerCount()).toBe(before);
  });

  it('lists the person’s open mirrors with their answers', async () => {
    const mine = (await asVera.get(`${ws}/mirrors/mine`).expect(200)).body;
    const current = mine.items.find((i: { periodStart: string }) => i.periodStart === CURRENT);
    expect(current).toMatchObject({ mirrorId, touchpointId: courierId, touchpointName: 'Courier', answers: { score: 4 } });
    expect(current.questions[0]).toMatchObject({ id: 'score', min: 1, max: 5 });
    expect(mine.pending).toBe(mine.items.filter((i: { answers: unknown }) => i.answers === null).length);
  });

  it('shows the staff response rate in the current period', async () => {
    const list = (await asVera.get(`${ws}/mirrors`).expect(200)).body.items;
    const courier = list.find((m: { id: string }) => m.id === mirrorId).touchpoints.find((tp: { id: string }) => tp.id === courierId);
    expect(courier).toMatchObject({ answered: 3, responseRate: 1 });
  });
});

describe('the report', () => {
  beforeAll(async () => {
    // Last month's staff answers (written directly: that period may already be closed when this runs).
    for (const [userId, score] of [
      [olga.userId, 4],
      [anna.userId, 5],
    ] as const) {
      await db.query(
        `INSERT INTO mirror_answers (workspace_id, mirror_id, touchpoint_id, user_id, period_start, survey_version, answers)
         VALUES ($1, $2, $3, $4, $5, 1, $6)`,
        [admin.workspaceId, mirrorId, courierId, userId, PREVIOUS, JSON.stringify({ score })],
      );
    }
  });

  it('sets staff next to customers per touchpoint and question, with the gap, its direction and blind spots', async () => {
    const report = (await asVera.get(`${ws}/mirrors/${mirrorId}/report?from=${PREVIOUS.slice(0, 7)}&to=${CURRENT.slice(0, 7)}`).expect(200))
      .body;
    expect(report).toMatchObject({ from: PREVIOUS, to: CURRENT, periods: [PREVIOUS, CURRENT], period: 'month' });
    const courier = report.rows.find((r: { touchpointId: string }) => r.touchpointId === courierId);
    // Whole range: customers 4, 4, 2, 3, 2, 5 → 20/6 = 3.33; Σx² = 74, s² = (74 − 400/6)/5 = 1.4667, s = 1.2111,
    // margin 1.96 · 1.2111/√6 = 0.97. Staff 4, 5 (last month) and 5, 4, 4 (this month) → 22/5 = 4.4.
    // Gap 4.4 − 3.333… = 1.07 > 0.5: staff think it is better than customers say.
    expect(courier).toMatchObject({
      touchpointName: 'Courier',
      questionId: 'score',
      type: 'rating',
      threshold: 0.5,
      customers: { n: 6, mean: 3.33, marginOfError: 0.97 },
      staff: { n: 5, mean: 4.4 },
      gap: 1.07,
      direction: 'staff_higher',
      blindSpot: true,
    });
    // Last month: customers 4, 4 (4.0, s = 0 → margin 0), staff 4, 5 (4.5, s = 0.7071 → 1.96 · 0.7071/√2 = 0.98): gap 0.5,
    // not above the threshold.
    // This month: customers 2, 3, 2, 5 (3.0; s² = 2, margin 1.96·1.4142/2 = 1.39), staff 5, 4, 4 (4.33; s² = 1/3,
    // margin 1.96 · 0.5774/√3 = 0.65): gap 1.33, a blind spot.
    expect(courier.trend).toEqual([
      {
        periodStart: PREVIOUS,
        customers: { n: 2, mean: 4, marginOfError: 0 },
        staff: { n: 2, mean: 4.5, marginOfError: 0.98 },
        gap: 0.5,
        direction: 'staff_higher',
        blindSpot: false,
      },
      {
        periodStart: CURRENT,
        customers: { n: 4, mean: 3, marginOfError: 1.39 },
        staff: { n: 3, mean: 4.33, marginOfError: 0.65 },
        gap: 1.33,
        direction: 'staff_higher',
        blindSpot: true,
      },
    ]);
    // Support: the response whose page named it (hidden field), and Oleg's 5: gap 1.0.
    const support = report.rows.find((r: { touchpointId: string }) => r.touchpointId === supportId);
    expect(support).toMatchObject({ customers: { n: 1, mean: 4, marginOfError: null }, staff: { n: 1, mean: 5 }, gap: 1, blindSpot: true });
  });

  it('a stricter threshold turns the flag off; the customer figures never include staff', async () => {
    await asAdmin.patch(`${ws}/mirrors/${mirrorId}`, { blindSpotRating: 1.5 }).expect(200);
    const report = (
      await asAdmin.get(`${ws}/mirrors/${mirrorId}/report?from=${PREVIOUS.slice(0, 7)}&to=${CURRENT.slice(0, 7)}`).expect(200)
    ).body;
    const courier = report.rows.find((r: { touchpointId: string }) => r.touchpointId === courierId);
    expect(courier).toMatchObject({ threshold: 1.5, gap: 1.07, blindSpot: false });
    const responses = Number((await db.query(`SELECT count(*) AS n FROM responses WHERE survey_id = $1`, [surveyId]))[0].n);
    expect(responses).toBe(7);
    await asAdmin.patch(`${ws}/mirrors/${mirrorId}`, { blindSpotRating: 0.5 }).expect(200);
  });

  it('exports the report as CSV: a row per period, then the whole range', async () => {
    const res = await asVera.get(`${ws}/mirrors/${mirrorId}/report.csv?from=${PREVIOUS.slice(0, 7)}&to=${CURRENT.slice(0, 7)}`).expect(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.text
      .replace(/^\ufeff/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe(
      'touchpoint,question_id,question,period,customers_n,customers_mean,customers_margin_of_error,staff_n,staff_mean,gap,direction,blind_spot',
    );
    const courierAll = lines.find((l) => l.startsWith('Courier,score,') && l.includes(',all,'));
    expect(courierAll?.split(',').slice(-9)).toEqual(['all', '6', '3.33', '0.97', '5', '4.4', '1.07', 'staff_higher', 'yes']);
    expect(lines).toHaveLength(1 + 2 * 3);
  });

  it('refuses bad ranges', async () => {
    await asAdmin.get(`${ws}/mirrors/${mirrorId}/report?from=2026-13`).expect(400);
    await asAdmin.get(`${ws}/mirrors/${mirrorId}/report?from=${CURRENT.slice(0, 7)}&to=${PREVIOUS.slice(0, 7)}`).expect(400);
    await asAdmin.get(`${ws}/mirrors/${mirrorId}/report?from=2000-01&to=2026-12`).expect(400);
    await asAdmin.get(`${ws}/mirrors/not-a-uuid/report`).expect(404);
    await asAdmin.get(`${ws}/mirrors/${randomUUID()}/report`).expect(404);
  });
});

describe('periods at a month edge in the workspace time zone (UTC+10)', () => {
  let edgeSurvey: string;
  let edge: string;
  const at = (iso: string) => new Date(iso);

  beforeAll(async () => {
    const survey = await asAdmin
      .post(`${ws}/surveys`, {
        name: 'CSAT at the edge',
        kind: 'csat',
        touchpointName: 'Support',
        displayRules: { trigger: 'page_load', samplePercent: 100, recontactDays: 0, stopAfterResponse: false },
      })
      .expect(201);
    edgeSurvey = survey.body.id;
    await asAdmin.patch(`${ws}/surveys/${edgeSurvey}`, { status: 'live' }).expect(200);
    // score → when it was given (UTC) → its month in Vladivostok (UTC would say otherwise):
    // 4 → 2025-11-30 13:30 = 23:30 on 30 Nov: November (UTC: December), outside the report
    // 3 → 2025-11-30 14:30 = 00:30 on 1 Dec: December (UTC: November)
    // 5 → 2025-12-31 13:59:59 = 23:59:59 on 31 Dec: December
    // 1 → 2025-12-31 14:00 = 00:00 on 1 Jan: January (UTC: December)
    // 2 → 2026-01-31 20:00 = 06:00 on 1 Feb: February (UTC: January), outside the report
    const when: Record<number, string> = {
      4: '2025-11-30T13:30:00Z',
      3: '2025-11-30T14:30:00Z',
      5: '2025-12-31T13:59:59Z',
      1: '2025-12-31T14:00:00Z',
      2: '2026-01-31T20:00:00Z',
    };
    for (const score of [4, 3, 5, 1, 2]) await respond(survey.body.publicKey, score);
    for (const [score, instant] of Object.entries(when)) {
      await db.query(`UPDATE responses SET created_at = $3 WHERE survey_id = $1 AND answers->>'score' = $2`, [edgeSurvey, score, instant]);
    }
    edge = (await asAdmin.post(`${ws}/mirrors`, { surveyId: edgeSurvey, name: 'Edge', touchpoints: [{ id: supportId }] }).expect(201)).body
      .id;
  });

  it('names the period by the local month, keeps last month open for the grace days until local midnight', async () => {
    const service = t.app.get(MirrorService);
    const body = { touchpointId: supportId, answers: { score: 4 } };
    // 14:00 UTC on 31 Dec is midnight on 1 January in Vladivostok: January's answer (UTC would still say December).
    expect(await service.submit(admin.workspaceId, admin.userId, edge, body, at('2025-12-31T14:00:00Z'))).toEqual({
      periodStart: '2026-01-01',
      replaced: false,
    });
    // December takes answers until local midnight after 5 grace days: 6 Jan 00:00 = 5 Jan 14:00 UTC.
    const december = { ...body, answers: { score: 5 }, periodStart: '2025-12-01' };
    expect(await service.submit(admin.workspaceId, admin.userId, edge, december, at('2026-01-05T13:59:59Z'))).toEqual({
      periodStart: '2025-12-01',
      replaced: false,
    });
    await expect(
      service.submit(admin.workspaceId, admin.userId, edge, { ...december, answers: { score: 1 } }, at('2026-01-05T14:00:00Z')),
    ).rejects.toMatchObject({ code: 'period_closed' });
    const open = (iso: string) =>
      service.mine(admin.workspaceId, admin.userId, at(iso)).then((m) => m.items.filter((i) => i.mirrorId === edge));
    expect((await open('2026-01-05T13:59:59Z')).map((i) => [i.periodStart, i.closesAt, i.answers])).toEqual([
      ['2026-01-01', '2026-02-05T14:00:00.000Z', { score: 4 }],
      ['2025-12-01', '2026-01-05T14:00:00.000Z', { score: 5 }],
    ]);
    expect((await open('2026-01-05T14:00:00Z')).map((i) => i.periodStart)).toEqual(['2026-01-01']);
  });

  it("groups customers' answers by the local month", async () => {
    const report = await t.app.get(MirrorReportService).build(admin.workspaceId, edge, { from: '2025-12', to: '2026-01' });
    expect(report).toMatchObject({ from: '2025-12-01', to: '2026-01-01', periods: ['2025-12-01', '2026-01-01'], timeZone: ZONE });
    const [row] = report.rows;
    // December: 3 and 5 → 4.0, s² = 2, margin 1.96 · 1.4142/√2 = 1.96; staff 5 → gap +1 > 0.5.
    // January: 1; staff 4 → gap +3. Both months: 3, 5, 1 → 3.0, s = 2, margin 1.96 · 2/√3 = 2.26; staff 5, 4 → 4.5, gap 1.5.
    expect(row.trend).toEqual([
      {
        periodStart: '2025-12-01',
        customers: { n: 2, mean: 4, marginOfError: 1.96 },
        staff: { n: 1, mean: 5, marginOfError: null },
        gap: 1,
        direction: 'staff_higher',
        blindSpot: true,
      },
      {
        periodStart: '2026-01-01',
        customers: { n: 1, mean: 1, marginOfError: null },
        staff: { n: 1, mean: 4, marginOfError: null },
        gap: 3,
        direction: 'staff_higher',
        blindSpot: true,
      },
    ]);
    expect(row).toMatchObject({ customers: { n: 3, mean: 3, marginOfError: 2.26 }, staff: { n: 2, mean: 4.5 }, gap: 1.5 });
  });

  it('keeps the survey and period once staff have answered (409), changes them before', async () => {
    const before = (await asAdmin.get(`${ws}/mirrors/${edge}`).expect(200)).body;
    const res = await asAdmin.patch(`${ws}/mirrors/${edge}`, { period: 'quarter' }).expect(409);
    expect(res.body.error.code).toBe('mirror_answered');
    await asAdmin.patch(`${ws}/mirrors/${edge}`, { surveyId }).expect(409);
    expect((await asAdmin.get(`${ws}/mirrors/${edge}`).expect(200)).body).toMatchObject({ period: 'month', surveyId: edgeSurvey });
    expect(before.updatedAt).toBe((await asAdmin.get(`${ws}/mirrors/${edge}`).expect(200)).body.updatedAt);

    const fresh = (await asAdmin.post(`${ws}/mirrors`, { surveyId, name: 'Fresh', touchpoints: [{ id: supportId }] }).expect(201)).body;
    const changed = (await asAdmin.patch(`${ws}/mirrors/${fresh.id}`, { surveyId: edgeSurvey, period: 'quarter' }).expect(200)).body;
    // The quarter that holds this month in Vladivostok.
    const quarter = new Date(Date.UTC(year, Math.floor((month - 1) / 3) * 3, 1)).toISOString().slice(0, 10);
    expect(changed).toMatchObject({ surveyId: edgeSurvey, surveyName: 'CSAT at the edge', period: 'quarter', currentPeriod: quarter });
    await asAdmin.patch(`${ws}/mirrors/${fresh.id}`, { surveyId: randomUUID() }).expect(400);
    await asAdmin.delete(`${ws}/mirrors/${fresh.id}`).expect(204);
  });

  it('refuses a stale edit (409 stale_edit) and changes nothing', async () => {
    const seen = (await asAdmin.get(`${ws}/mirrors/${edge}`).expect(200)).body;
    const saved = (await asAnna.patch(`${ws}/mirrors/${edge}`, { graceDays: 7, updatedAt: seen.updatedAt }).expect(200)).body;
    expect(saved.updatedAt > seen.updatedAt).toBe(true);
    // A touchpoint-only change moves updatedAt too.
    const moved = (await asAnna.patch(`${ws}/mirrors/${edge}`, { touchpoints: [{ id: supportId }, { id: courierId }] }).expect(200)).body;
    expect(moved.updatedAt > saved.updatedAt).toBe(true);
    // A prefix of {} puts back the built-in wording in every language.
    const plain = (await asAnna.patch(`${ws}/mirrors/${edge}`, { prefix: { en: 'Staff guess:' } }).expect(200)).body;
    expect(plain.questions[0].text.en.startsWith('Staff guess: ')).toBe(true);
    const reset = (await asAnna.patch(`${ws}/mirrors/${edge}`, { prefix: {} }).expect(200)).body;
    expect(reset.prefix).toEqual({});
    expect(reset.questions[0].text.en.startsWith('How do you think customers answer: ')).toBe(true);
    await asAnna.patch(`${ws}/mirrors/${edge}`, { prefix: [] }).expect(400);
    await asAnna.patch(`${ws}/mirrors/${edge}`, { prefix: null }).expect(400);
    const stale = await asAdmin.patch(`${ws}/mirrors/${edge}`, { graceDays: 2, updatedAt: saved.updatedAt }).expect(409);
    const latest = (await asAdmin.get(`${ws}/mirrors/${edge}`).expect(200)).body;
    expect(stale.body.error.code).toBe('stale_edit');
    await asAdmin.patch(`${ws}/mirrors/${edge}`, { updatedAt: 'yesterday' }).expect(400);
    expect((await asAdmin.get(`${ws}/mirrors/${edge}`).expect(200)).body).toMatchObject({ graceDays: 7, updatedAt: latest.updatedAt });
  });

  it('deletes a mirror with its answers: admins only', async () => {
    const answers = async () => Number((await db.query(`SELECT count(*) AS n FROM mirror_answers WHERE mirror_id = $1`, [edge]))[0].n);
    expect(await answers()).toBe(2);
    await asAnna.delete(`${ws}/mirrors/${edge}`).expect(403);
    await asVera.delete(`${ws}/mirrors/${edge}`).expect(403);
    await asAdmin.delete(`${ws}/mirrors/not-a-uuid`).expect(404);
    await asAdmin.delete(`${ws}/mirrors/${edge}`).expect(204);
    expect(await answers()).toBe(0);
    expect(Number((await db.query(`SELECT count(*) AS n FROM mirror_survey_touchpoints WHERE mirror_id = $1`, [edge]))[0].n)).toBe(0);
    await asAdmin.get(`${ws}/mirrors/${edge}`).expect(404);
    await asAdmin.delete(`${ws}/mirrors/${edge}`).expect(404);
    // The survey and its customers' answers stay.
    expect(Number((await db.query(`SELECT count(*) AS n FROM responses WHERE survey_id = $1`, [edgeSurvey]))[0].n)).toBe(5);
  });
});

describe('tenancy and tokens', () => {
  it('another workspace sees and answers nothing', async () => {
    const other = await t.seedAdmin('Other LLC');
    const asOther = await t.login(other.email, other.password);
    await asOther.get(`/api/v1/workspaces/${other.workspaceId}/mirrors/${mirrorId}`).expect(404);
    await asOther.get(`/api/v1/workspaces/${other.workspaceId}/mirrors/${mirrorId}/report`).expect(404);
    await asOther
      .put(`/api/v1/workspaces/${other.workspaceId}/mirrors/${mirrorId}/answers`, { touchpointId: courierId, answers: { score: 1 } })
      .expect(404);
    await asOther.get(`${ws}/mirrors`).expect(404);
    await asOther.put(`${ws}/mirrors/${mirrorId}/answers`, { touchpointId: courierId, answers: { score: 1 } }).expect(404);
    // Its own mirror cannot name our survey or touchpoints.
    await asOther.post(`/api/v1/workspaces/${other.workspaceId}/mirrors`, { surveyId, touchpoints: [{ id: courierId }] }).expect(400);
    expect((await asOther.get(`/api/v1/workspaces/${other.workspaceId}/mirrors`).expect(200)).body.items).toEqual([]);
  });

  it('tokens read with surveys:read, write with surveys:write, and never answer as a person', async () => {
    const token = async (scopes: string[]) =>
      (await asAdmin.post(`${ws}/api-tokens`, { name: `t ${randomUUID()}`, scopes }).expect(201)).body.secret as string;
    const reader = await token(['surveys:read']);
    const writer = await token(['surveys:write']);
    await t.http().get(`${ws}/mirrors`).set(bearer(reader)).expect(200);
    await t.http().get(`${ws}/mirrors/${mirrorId}/report`).set(bearer(reader)).expect(200);
    await t.http().get(`${ws}/mirrors`).set(bearer(writer)).expect(403);
    await t
      .http()
      .post(`${ws}/mirrors`)
      .set(bearer(reader))
      .send({ surveyId, touchpoints: [{ id: courierId }] })
      .expect(403);
    await t.http().patch(`${ws}/mirrors/${mirrorId}`).set(bearer(writer)).send({ graceDays: 3 }).expect(200);
    await t.http().get(`${ws}/mirrors/mine`).set(bearer(reader)).expect(403);
    await t
      .http()
      .put(`${ws}/mirrors/${mirrorId}/answers`)
      .set(bearer(writer))
      .send({ touchpointId: courierId, answers: { score: 1 } })
      .expect(403);
    await t.http().get(`${ws}/mirrors`).expect(401);
  });
});
