import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';

/** Metric endpoints on seeded data, checked against values worked out by hand. */
let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let ws: string;

// Current period: 1–31 Oct 2026 (UTC); the previous one is the 30 days before.
const FROM = '2026-10-01T00:00:00.000Z';
const TO = '2026-10-31T00:00:00.000Z';

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.seedAdmin('Metrics AG');
  asAdmin = await t.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
});
afterAll(() => t.close());

async function survey(body: object): Promise<string> {
  return (await asAdmin.post(`${ws}/surveys`, { name: `S ${randomUUID()}`, ...body }).expect(201)).body.id;
}

async function seed(
  surveyId: string,
  rows: { score: number; scaleMax: number; at: string; language?: string; comment?: string; segment?: string }[],
) {
  const db = t.app.get(DataSource);
  for (const row of rows) {
    await db.query(
      `INSERT INTO responses (workspace_id, survey_id, survey_version, respondent_id, idempotency_key, answers, score, score_scale_max,
                              comment, finished, language, hidden_fields, created_at, finished_at)
       VALUES ($1, $2, 1, $3, $3, $4, $5, $6, $7, true, $8, $9, $10, $10)`,
      [
        admin.workspaceId,
        surveyId,
        randomUUID(),
        JSON.stringify({ score: row.score }),
        row.score,
        row.scaleMax,
        row.comment ?? null,
        row.language ?? 'en',
        JSON.stringify(row.segment ? { segment: row.segment } : {}),
        row.at,
      ],
    );
  }
}

async function displays(surveyId: string, count: number, at: string) {
  const db = t.app.get(DataSource);
  for (let i = 0; i < count; i++) {
    await db.query(
      `INSERT INTO survey_displays (workspace_id, survey_id, respondent_id, idempotency_key, created_at) VALUES ($1, $2, $3, $3, $4)`,
      [admin.workspaceId, surveyId, randomUUID(), at],
    );
  }
}

describe('survey metrics', () => {
  it('computes NPS with its margin, distribution, response rate, trend and change', async () => {
    const id = await survey({ kind: 'nps' });
    // 10,10,10,9,9 promoters (5); 8,7 passives (2); 6,5,0 detractors (3): NPS = 50% − 30% = 20.
    // Var = (0.5 + 0.3 − 0.2²)/10 = 0.076; MoE = 1.96·√0.076·100 = 54.0.
    const scores = [10, 10, 9, 9, 8, 7, 6, 5, 0, 10];
    await seed(
      id,
      scores.map((score, i) => ({
        score,
        scaleMax: 10,
        at: `2026-10-${String(5 + i).padStart(2, '0')}T12:00:00Z`,
        comment: i === 8 ? 'Awful wait' : undefined,
      })),
    );
    await displays(id, 20, '2026-10-05T10:00:00Z');
    // Previous period (1 Sep – 1 Oct): 4 detractors → NPS −100.
    await seed(
      id,
      [0, 1, 2, 3].map((score) => ({ score, scaleMax: 10, at: '2026-09-15T12:00:00Z' })),
    );

    const res = await asAdmin.get(`${ws}/surveys/${id}/metrics?from=${FROM}&to=${TO}&interval=week&timeZone=Europe/Moscow`).expect(200);
    const m = res.body;
    expect(m.summary.nps).toEqual({
      n: 10,
      promoters: 5,
      passives: 2,
      detractors: 3,
      nps: 20,
      marginOfError: 54,
      interval: { lower: -34, upper: 74 },
    });
    expect(m.summary.responses).toBe(10);
    expect(m.summary.displays).toBe(20);
    expect(m.summary.responseRate).toBe(50);
    expect(m.summary.distribution.find((b: { score: number }) => b.score === 10).count).toBe(3);
    expect(m.summary.distribution).toHaveLength(11);
    expect(m.previous.nps.nps).toBe(-100);
    expect(m.comparison).toMatchObject({
      metric: 'nps',
      current: 20,
      previous: -100,
      change: 120,
      significant: false,
      reason: 'insufficient-sample',
    });
    expect(m.previousPeriod).toEqual({ from: '2026-09-01T00:00:00.000Z', to: FROM });
    // ISO weeks in Moscow (UTC+3) overlapping 1–30 Oct: W40 (from 1 Oct) … W44 (to 31 Oct 03:00 local).
    expect(m.series.map((p: { label: string }) => p.label)).toEqual(['2026-W40', '2026-W41', '2026-W42', '2026-W43', '2026-W44']);
    expect(m.series.reduce((sum: number, p: { n: number }) => sum + p.n, 0)).toBe(10);
    expect(m.latestComments).toEqual([expect.objectContaining({ comment: 'Awful wait', score: 0 })]);
  });

  it('computes CSAT as the share of 4–5', async () => {
    const id = await survey({ kind: 'csat' });
    await seed(
      id,
      [5, 5, 4, 4, 4, 5, 4, 3, 2, 1].map((score) => ({ score, scaleMax: 5, at: '2026-10-10T09:00:00Z' })),
    );
    const m = (await asAdmin.get(`${ws}/surveys/${id}/metrics?from=${FROM}&to=${TO}`).expect(200)).body;
    expect(m.summary.csat).toMatchObject({ n: 10, satisfied: 7, csat: 70 });
    expect(m.summary.csat.interval).toEqual({ lower: 39.7, upper: 89.2 });
    expect(m.series).toHaveLength(30);
  });

  it('computes CES % agree and the mean on its scale', async () => {
    const id = await survey({ kind: 'ces' });
    await seed(
      id,
      [7, 6, 5, 4, 3].map((score) => ({ score, scaleMax: 7, at: '2026-10-10T09:00:00Z' })),
    );
    const m = (await asAdmin.get(`${ws}/surveys/${id}/metrics?from=${FROM}&to=${TO}&interval=month`).expect(200)).body;
    expect(m.summary.ces).toMatchObject({ n: 5, agree: 3, agreePercent: 60 });
    expect(m.summary.ces.means).toEqual([expect.objectContaining({ scaleMax: 7, n: 5, mean: 5 })]);
    expect(m.series.map((p: { label: string }) => p.label)).toEqual(['2026-10']);
  });

  it('filters by language and segment, and aggregates a kind across surveys of a touchpoint', async () => {
    const a = await survey({ kind: 'nps', touchpointName: 'Delivery' });
    const b = await survey({ kind: 'nps', touchpointName: 'Delivery' });
    const other = await survey({ kind: 'nps', touchpointName: 'Support' });
    await seed(a, [{ score: 10, scaleMax: 10, at: '2026-10-02T00:00:00Z', language: 'ru', segment: 'b2b' }]);
    await seed(b, [{ score: 0, scaleMax: 10, at: '2026-10-03T00:00:00Z', language: 'en', segment: 'b2c' }]);
    await seed(other, [{ score: 10, scaleMax: 10, at: '2026-10-03T00:00:00Z' }]);
    const q = `from=${FROM}&to=${TO}`;
    const delivery = (await asAdmin.get(`${ws}/metrics/nps?${q}&touchpoint=Delivery`).expect(200)).body;
    expect(delivery.summary.nps).toMatchObject({ n: 2, promoters: 1, detractors: 1, nps: 0 });
    const russian = (await asAdmin.get(`${ws}/metrics/nps?${q}&touchpoint=Delivery&language=ru`).expect(200)).body;
    expect(russian.summary.nps).toMatchObject({ n: 1, nps: 100 });
    const b2c = (await asAdmin.get(`${ws}/surveys/${b}/metrics?${q}&segment=b2c`).expect(200)).body;
    expect(b2c.summary.nps.n).toBe(1);
    expect((await asAdmin.get(`${ws}/surveys/${b}/metrics?${q}&segment=b2b`).expect(200)).body.summary.nps.n).toBe(0);
  });

  it('rejects bad periods, zones and intervals with field messages', async () => {
    const id = await survey({ kind: 'nps' });
    const cases: [string, string][] = [
      [`from=${TO}&to=${FROM}`, 'from'],
      ['timeZone=Mars/Olympus', 'timeZone'],
      ['interval=hour', 'interval'],
      ['from=yesterday', 'from'],
      [`from=2020-01-01T00:00:00Z&to=${TO}`, 'from'],
    ];
    for (const [query, field] of cases) {
      const res = await asAdmin.get(`${ws}/surveys/${id}/metrics?${query}`);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.body.error.details[0].field).toBe(field);
    }
    await asAdmin.get(`${ws}/metrics/custom`).expect(404);
  });
});
