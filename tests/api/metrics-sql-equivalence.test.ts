import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SegmentsReader } from '@otklik/backend/src/segments/segments.reader';
import { SurveysReader } from '@otklik/backend/src/surveys/surveys.reader';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';
import { RowBasedSurveyMetrics } from '../support/metrics-reference';

/**
 * Survey metrics are aggregated in PostgreSQL (rollups for whole UTC hours, rows for the rest). On random data, written
 * and then edited and deleted the ways the app and imports do, every query must give exactly the DTO the row-based
 * computation gave: same numbers, buckets, labels and comments.
 */
let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let ws: string;
let db: DataSource;
let reference: RowBasedSurveyMetrics;
let segmentId: string;

const H = 3_600_000;
const START = Date.parse('2025-09-01T00:00:00Z');
const END = Date.parse('2027-01-01T00:00:00Z');
const ZONES = ['UTC', 'Europe/Moscow', 'Asia/Kolkata', 'America/New_York', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Europe/Berlin'];
const LANGUAGES = ['en', 'ru', 'bg', null];
const CUSTOMERS = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'];

/** Deterministic pseudo-random numbers (mulberry32), so a failure names its seed. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  return { next, int, pick };
}
type Random = ReturnType<typeof random>;

/** Local midnight of a random day in `zone`, as an instant (found by scanning the day's minutes: no zone maths here). */
function localMidnight(r: Random, zone: string): number {
  const day = START + r.int(0, Math.floor((END - START) / (24 * H)) - 2) * 24 * H;
  const format = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  for (let at = day; at < day + 26 * H; at += 15 * 60_000) if (format.format(at) === '00:00') return at;
  return day;
}

/** A random instant: anywhere (with microseconds), on a UTC hour, or on some zone's local midnight. */
function instant(r: Random): string {
  const kind = r.next();
  if (kind < 0.1) return new Date(START + r.int(0, (END - START) / H - 1) * H).toISOString();
  if (kind < 0.2) return new Date(localMidnight(r, r.pick(ZONES)) + r.pick([0, -1, 1])).toISOString();
  const ms = START + Math.floor(r.next() * (END - START));
  return new Date(ms).toISOString().replace('Z', `${String(r.int(0, 999)).padStart(3, '0')}Z`);
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.seedAdmin('Equivalence');
  asAdmin = await t.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
  db = t.app.get(DataSource);
  reference = new RowBasedSurveyMetrics(db, t.app.get(SurveysReader), t.app.get(SegmentsReader));
  for (const [i, id] of CUSTOMERS.entries()) {
    await asAdmin.put(`${ws}/customers/${id}`, { name: `Customer ${id}`, mrr: i * 2000 }).expect(201);
  }
  segmentId = (await asAdmin.post(`${ws}/segments`, { name: 'Big', rules: [{ field: 'mrr', op: 'gte', value: 5000 }] }).expect(201)).body
    .id;
});
afterAll(() => t?.close());

interface Surveys {
  npsDelivery: string;
  npsSupport: string;
  csat: string;
  ces: string;
  custom: string;
}

async function createSurveys(): Promise<Surveys> {
  const make = async (body: object) => (await asAdmin.post(`${ws}/surveys`, { name: `S ${randomUUID()}`, ...body }).expect(201)).body.id;
  return {
    npsDelivery: await make({ kind: 'nps', touchpointName: 'Delivery' }),
    npsSupport: await make({ kind: 'nps', touchpointName: 'Support' }),
    csat: await make({ kind: 'csat', touchpointName: 'Delivery' }),
    ces: await make({ kind: 'ces' }),
    custom: await make({
      kind: 'custom',
      questions: [{ id: 'score', type: 'rating', required: true, text: { en: 'How was it?' }, scale: { min: 1, max: 5 } }],
    }),
  };
}

/** A random answer for a survey: NPS 0–10, CSAT 1–5, CES on 1–5 or 1–7 (or no scale), custom ratings (some off 0–10). */
function scoreFor(r: Random, surveys: Surveys, surveyId: string, wide: boolean): { score: number | null; scaleMax: number | null } {
  if (r.next() < 0.06) return { score: null, scaleMax: r.pick([null, 10]) };
  if (surveyId === surveys.csat) return { score: r.int(1, 5), scaleMax: 5 };
  if (surveyId === surveys.ces) {
    const scaleMax = r.pick([5, 7, 7, null]);
    return { score: r.int(1, scaleMax ?? 7), scaleMax };
  }
  if (surveyId === surveys.custom) {
    const scaleMax = wide ? r.pick([5, 10, 20]) : r.pick([5, 10, null]);
    return { score: r.int(1, scaleMax ?? 5), scaleMax };
  }
  return { score: r.int(0, 10), scaleMax: 10 };
}

/** One set-based INSERT of `n` random responses (the shape a history import writes), then edits and deletes. */
async function seedResponses(r: Random, surveys: Surveys, n: number, wide: boolean): Promise<void> {
  const ids = Object.values(surveys);
  const rows = Array.from({ length: n }, () => {
    const surveyId = r.pick(ids);
    const { score, scaleMax } = scoreFor(r, surveys, surveyId, wide);
    return {
      surveyId,
      key: randomUUID(),
      score,
      scaleMax,
      finished: r.next() < 0.85,
      language: r.pick(LANGUAGES),
      hidden: JSON.stringify(r.next() < 0.5 ? { segment: r.pick(['b2b', 'b2c']) } : {}),
      customer: r.next() < 0.7 ? r.pick(CUSTOMERS) : null,
      comment: r.next() < 0.3 ? `Comment ${r.int(1, 1e6)}` : null,
      at: instant(r),
    };
  });
  const column = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((row) => row[k]);
  await db.query(
    `INSERT INTO responses (workspace_id, survey_id, survey_version, respondent_id, idempotency_key, score, score_scale_max, finished,
                            language, hidden_fields, customer_external_id, comment, created_at)
     SELECT $1, s, 1, k, k, sc, sm, f, l, h::jsonb, c, cm, at
       FROM unnest($2::uuid[], $3::text[], $4::smallint[], $5::smallint[], $6::bool[], $7::text[], $8::text[], $9::text[], $10::text[], $11::timestamptz[])
            AS x(s, k, sc, sm, f, l, h, c, cm, at)`,
    [
      admin.workspaceId,
      column('surveyId'),
      column('key'),
      column('score'),
      column('scaleMax'),
      column('finished'),
      column('language'),
      column('hidden'),
      column('customer'),
      column('comment'),
      column('at'),
    ],
  );
  const keys = rows.map((row) => row.key);
  const some = (share: number) => keys.filter(() => r.next() < share);
  // Partial → finished, as the public submit merges a later answer (ON CONFLICT DO UPDATE), plus a new response.
  const merged = some(0.05);
  await db.query(
    `INSERT INTO responses AS x (workspace_id, survey_id, survey_version, respondent_id, idempotency_key, score, score_scale_max, finished, created_at)
     SELECT workspace_id, survey_id, 1, respondent_id, idempotency_key, score, score_scale_max, true, created_at
       FROM responses WHERE workspace_id = $1 AND idempotency_key = ANY($2::text[])
     UNION ALL SELECT $1, $3, 1, 'new', $4, 9, 10, true, $5
     ON CONFLICT (workspace_id, survey_id, idempotency_key) DO UPDATE SET finished = true, updated_at = now()`,
    [admin.workspaceId, merged, surveys.npsDelivery, randomUUID(), instant(r)],
  );
  // Edits: a score changed, a language changed, a comment changed (counts nothing), one moved in time.
  await db.query(`UPDATE responses SET score = NULL WHERE workspace_id = $1 AND idempotency_key = ANY($2::text[])`, [
    admin.workspaceId,
    some(0.02),
  ]);
  await db.query(`UPDATE responses SET language = 'de' WHERE workspace_id = $1 AND idempotency_key = ANY($2::text[])`, [
    admin.workspaceId,
    some(0.03),
  ]);
  await db.query(`UPDATE responses SET comment = 'edited' WHERE workspace_id = $1 AND idempotency_key = ANY($2::text[])`, [
    admin.workspaceId,
    some(0.03),
  ]);
  await db.query(
    `UPDATE responses SET created_at = created_at + interval '37 minutes', finished = NOT finished
      WHERE workspace_id = $1 AND idempotency_key = ANY($2::text[])`,
    [admin.workspaceId, some(0.03)],
  );
  await db.query(`DELETE FROM responses WHERE workspace_id = $1 AND idempotency_key = ANY($2::text[])`, [admin.workspaceId, some(0.04)]);
}

/** A period: random instants, whole UTC hours, or a zone's local midnights; from a few hours to a year and a half. */
function period(r: Random, zone: string): { from: string; to: string } {
  const shape = r.next();
  let from: number;
  let to: number;
  if (shape < 0.3) {
    from = localMidnight(r, zone);
    to = localMidnight(r, zone);
  } else if (shape < 0.5) {
    from = START + r.int(0, (END - START) / H) * H;
    to = START + r.int(0, (END - START) / H) * H;
  } else if (shape < 0.6) {
    from = START + Math.floor(r.next() * (END - START));
    to = from + r.int(1, 5 * H);
  } else {
    from = START + Math.floor(r.next() * (END - START));
    to = START + Math.floor(r.next() * (END - START));
  }
  if (from > to) [from, to] = [to, from];
  if (from === to) to = from + H;
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}

type Query = Record<string, string>;

/** The DTO over HTTP and the one the row-based reference computes, as JSON. */
async function both(surveys: Surveys, target: { surveyId?: string; kind?: 'nps' | 'csat' | 'ces' }, query: Query) {
  const qs = new URLSearchParams(query).toString();
  const path = target.surveyId ? `${ws}/surveys/${target.surveyId}/metrics?${qs}` : `${ws}/metrics/${target.kind}?${qs}`;
  const res = await asAdmin.get(path);
  const expected = target.surveyId
    ? await reference.forSurvey(admin.workspaceId, target.surveyId, query)
    : await reference.forKind(admin.workspaceId, target.kind!, query);
  return { status: res.status, actual: res.body, expected: JSON.parse(JSON.stringify(expected)), path };
}

async function rollupsMatchRows(): Promise<void> {
  const columns = `workspace_id, survey_id, hour, language, scale_max, unscored, ${Array.from({ length: 11 }, (_, s) => `score_${s}`).join(', ')}, other_scores`;
  const recomputed = `SELECT workspace_id, survey_id, date_trunc('hour', created_at, 'UTC') AS hour, coalesce(language, '') AS language,
            coalesce(score_scale_max, 0) AS scale_max, (count(*) FILTER (WHERE score IS NULL))::int AS unscored,
            ${Array.from({ length: 11 }, (_, s) => `(count(*) FILTER (WHERE score = ${s}))::int AS score_${s}`).join(', ')},
            (count(*) FILTER (WHERE score NOT BETWEEN 0 AND 10))::int AS other_scores
       FROM responses WHERE finished GROUP BY 1, 2, 3, 4, 5`;
  const stored = `SELECT ${columns} FROM response_score_rollups
                   WHERE unscored <> 0 OR other_scores <> 0 OR ${Array.from({ length: 11 }, (_, s) => `score_${s} <> 0`).join(' OR ')}`;
  const [{ missing, extra }] = await db.query(
    `SELECT (SELECT count(*) FROM ((${recomputed}) EXCEPT ALL (${stored})) a)::int AS missing,
            (SELECT count(*) FROM ((${stored}) EXCEPT ALL (${recomputed})) b)::int AS extra`,
  );
  expect({ missing, extra }).toEqual({ missing: 0, extra: 0 });
}

describe('survey metrics in SQL equal the row-based computation', () => {
  it.each([1, 2, 3, 4, 5])('seed %i: random responses, zones, intervals and filters', async (seed) => {
    const r = random(seed);
    const surveys = await createSurveys();
    await seedResponses(r, surveys, 2500, seed === 4);
    await rollupsMatchRows();

    let withData = 0;
    for (let i = 0; i < 14; i++) {
      const timeZone = r.pick(ZONES);
      const query: Query = { ...period(r, timeZone), timeZone, interval: r.pick(['day', 'week', 'month', 'month']) };
      const filter = r.next();
      if (filter < 0.2) query.language = r.pick(['en', 'ru', 'de']);
      else if (filter < 0.3) query.segment = r.pick(['b2b', 'b2c']);
      else if (filter < 0.4) query.segmentId = segmentId;
      const target: { surveyId?: string; kind?: 'nps' | 'csat' | 'ces' } =
        r.next() < 0.6 ? { surveyId: r.pick(Object.values(surveys)) } : { kind: r.pick(['nps', 'csat', 'ces'] as const) };
      if (target.kind && r.next() < 0.5) query.touchpoint = r.pick(['Delivery', 'Support', 'Nowhere']);
      const { status, actual, expected, path } = await both(surveys, target, query);
      if (status === 400) {
        // Too many daily points: the row-based version refused it too.
        expect(actual.error.details, path).toEqual([
          { field: 'interval', message: 'too many points: choose a longer interval or a shorter period' },
        ]);
        continue;
      }
      expect(status, path).toBe(200);
      expect(actual, path).toEqual(expected);
      if (actual.summary.responses > 0) withData++;
    }
    // The comparisons are about real data, not mostly empty periods.
    expect(withData).toBeGreaterThanOrEqual(7);
  });

  it('empty periods, a period inside one hour, and a whole year by day in Kolkata', async () => {
    const r = random(99);
    const surveys = await createSurveys();
    await seedResponses(r, surveys, 1500, false);
    const cases: { target: { surveyId?: string; kind?: 'nps' | 'csat' | 'ces' }; query: Query }[] = [
      { target: { surveyId: surveys.npsDelivery }, query: { from: '2030-01-01T00:00:00Z', to: '2030-02-01T00:00:00Z' } },
      { target: { kind: 'ces' }, query: { from: '2024-01-01T00:00:00Z', to: '2024-03-01T00:00:00Z', interval: 'week' } },
      {
        target: { surveyId: surveys.ces },
        query: { from: '2026-03-08T06:10:00Z', to: '2026-03-08T06:55:00Z', timeZone: 'America/New_York' },
      },
      {
        target: { surveyId: surveys.csat },
        query: { from: '2025-12-31T18:30:00Z', to: '2026-12-31T18:30:00Z', timeZone: 'Asia/Kolkata', interval: 'day' },
      },
      {
        target: { kind: 'nps' },
        query: { from: '2026-03-01T00:00:00+03:00', to: '2026-11-01T00:00:00+03:00', timeZone: 'Europe/Moscow', interval: 'week' },
      },
      { target: { kind: 'nps' }, query: { from: '2026-03-01T05:00:00Z', to: '2026-11-29T05:00:00Z', timeZone: 'America/New_York' } },
    ];
    for (const { target, query } of cases) {
      const { status, actual, expected, path } = await both(surveys, target, query);
      expect(status, path).toBe(200);
      expect(actual, path).toEqual(expected);
    }
  });

  it('deleting a survey (its versions and responses go by cascade) takes its rollups with it', async () => {
    const r = random(7);
    const surveys = await createSurveys();
    await seedResponses(r, surveys, 500, false);
    await db.query(`DELETE FROM surveys WHERE workspace_id = $1 AND id = $2`, [admin.workspaceId, surveys.npsSupport]);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM response_score_rollups WHERE survey_id = $1`, [surveys.npsSupport]);
    expect(n).toBe(0);
    await rollupsMatchRows();
  });
});
