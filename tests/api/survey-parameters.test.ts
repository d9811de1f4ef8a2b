import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';

/**
 * Satisfaction by parameter (issue 17): the rating matrix, its per-parameter report computed by hand, and every open
 * answer reaching clustering tagged with its question. Public writes go through the ingest edge here; the nest
 * transport is checked for the matrix rules too (the validation cases run on both).
 */
let t: TestApp;
let nest: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let ws: string;

beforeAll(async () => {
  t = await startTestApp({ publicLimitPerIpPerMinute: 100_000, ingestEdge: true });
  nest = await startTestApp({ publicLimitPerIpPerMinute: 100_000, ingestEdge: false });
  admin = await t.seedAdmin('Parameters Ltd');
  asAdmin = await t.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
});
afterAll(async () => {
  await t?.close();
  await nest?.close();
});

const en = (text: string) => ({ en: text });
const ROWS = ['price', 'delivery', 'payment', 'extras'];
const QUESTIONS = [
  { id: 'score', type: 'rating', required: true, text: en('Overall, how satisfied are you?'), scale: { min: 1, max: 5 } },
  {
    id: 'parameters',
    type: 'matrix',
    required: true,
    text: en('How satisfied are you with each of these?'),
    scale: { min: 1, max: 5 },
    rows: ROWS.map((id) => ({ id, label: en(id[0].toUpperCase() + id.slice(1)) })),
  },
  { id: 'likes', type: 'text', required: false, text: en('What do you like?') },
  { id: 'dislikes', type: 'text', required: false, text: en("What don't you like?") },
  { id: 'improve', type: 'text', required: false, text: en('What should we improve?') },
];

async function liveSurvey(app: TestApp, as: LoggedIn, base: string, questions: object[] = QUESTIONS) {
  const created = await as.post(`${base}/surveys`, { name: `Parameters ${randomUUID()}`, kind: 'custom', questions }).expect(201);
  await as.patch(`${base}/surveys/${created.body.id}`, { status: 'live' }).expect(200);
  return { id: created.body.id as string, path: `/api/v1/public/surveys/${created.body.publicKey}/responses` };
}

const submit = (app: TestApp, path: string, answers: object, finished = true) =>
  app
    .http()
    .post(path)
    .send({ idempotencyKey: randomUUID(), respondentId: `r-${randomUUID()}`, answers, finished });

const db = () => t.app.get(DataSource);

describe('the matrix question type', () => {
  it('refuses a matrix with too few rows, duplicate rows or a scale it does not offer', async () => {
    const bad = (patch: object) => [QUESTIONS[0], { ...QUESTIONS[1], ...patch }];
    const oneRow = await asAdmin.post(`${ws}/surveys`, {
      name: 'x',
      kind: 'custom',
      questions: bad({ rows: [{ id: 'a', label: en('A') }] }),
    });
    expect(oneRow.status).toBe(400);
    expect(JSON.stringify(oneRow.body)).toContain('at least 2 rows');
    const twice = await asAdmin.post(`${ws}/surveys`, {
      name: 'x',
      kind: 'custom',
      questions: bad({
        rows: [
          { id: 'a', label: en('A') },
          { id: 'a', label: en('B') },
        ],
      }),
    });
    expect(twice.status).toBe(400);
    expect(JSON.stringify(twice.body)).toContain('row ids must be unique');
    const scale = await asAdmin.post(`${ws}/surveys`, { name: 'x', kind: 'custom', questions: bad({ scale: { min: 1, max: 4 } }) });
    expect(scale.status).toBe(400);
    expect(JSON.stringify(scale.body)).toContain('1–5, 1–7, 0–10');
    // Only the custom widget carries the matrix: an NPS, CSAT or CES survey cannot have one.
    const inCsat = await asAdmin.post(`${ws}/surveys`, { name: 'x', kind: 'csat', questions: QUESTIONS });
    expect(inCsat.status).toBe(400);
    expect(JSON.stringify(inCsat.body)).toContain('a matrix question belongs to a custom survey');
    const thirteen = Array.from({ length: 13 }, (_, i) => ({ id: `r${i}`, label: en(`R${i}`) }));
    expect((await asAdmin.post(`${ws}/surveys`, { name: 'x', kind: 'custom', questions: bad({ rows: thirteen }) })).status).toBe(400);
  });

  it('serves the rows to widgets in the visitor language', async () => {
    const s = await liveSurvey(t, asAdmin, ws);
    const key = s.path.split('/')[5];
    const config = (await t.http().get(`/api/v1/public/surveys/${key}`).expect(200)).body;
    expect(config.questions[1]).toMatchObject({
      id: 'parameters',
      type: 'matrix',
      scale: { min: 1, max: 5 },
      rows: [
        { id: 'price', label: 'Price' },
        { id: 'delivery', label: 'Delivery' },
        { id: 'payment', label: 'Payment' },
        { id: 'extras', label: 'Extras' },
      ],
    });
  });

  for (const transport of ['edge', 'nest'] as const) {
    it(`refuses bad matrix answers with 400 and stores nothing (${transport})`, async () => {
      const app = transport === 'edge' ? t : nest;
      const owner = transport === 'edge' ? admin : await app.seedAdmin('Nest transport');
      const as = transport === 'edge' ? asAdmin : await app.login(owner.email, owner.password);
      const s = await liveSurvey(app, as, `/api/v1/workspaces/${owner.workspaceId}`);
      const all = { price: 4, delivery: 3, payment: 5, extras: 2 };
      const cases: [object, string][] = [
        [{ score: 4, parameters: { ...all, colour: 3 } }, 'row "colour" is not a row of this question'],
        [{ score: 4, parameters: { ...all, delivery: 6 } }, 'row delivery must be a whole number from 1 to 5'],
        [{ score: 4, parameters: { ...all, delivery: 2.5 } }, 'row delivery must be a whole number from 1 to 5'],
        [{ score: 4, parameters: { price: 4, delivery: 3 } }, 'answers.parameters is required: rate every row'],
        [{ score: 4, parameters: [4, 3] }, 'answers must be an object of question id'],
        [{ score: 4, parameters: ['price'] }, 'answers.parameters must be an object of row id'],
        [{ score: 4, parameters: 4 }, 'answers.parameters must be an object of row id'],
        [{ score: 4, parameters: { ...all, price: '4' } }, 'answers must be an object of question id'],
      ];
      for (const [answers, message] of cases) {
        const res = await submit(app, s.path, answers);
        expect(res.status, JSON.stringify(answers)).toBe(400);
        const messages = [res.body.error.message, ...(res.body.error.details ?? []).map((d: { message: string }) => d.message)];
        expect(messages.join('\n')).toContain(message);
      }
      // A partial answer may leave rows for later; finishing then needs every row.
      const partial = await submit(app, s.path, { score: 4, parameters: { price: 4 } }, false);
      expect(partial.status).toBe(201);
      const stored: { n: number }[] = await app.app
        .get(DataSource)
        .query(`SELECT count(*)::int AS n FROM responses WHERE survey_id = $1`, [s.id]);
      expect(stored[0].n).toBe(1);
      const good = await submit(app, s.path, { score: 4, parameters: all });
      expect(good.status).toBe(201);
      const row = await app.app.get(DataSource).query(`SELECT answers, score FROM responses WHERE id = $1`, [good.body.responseId]);
      expect(row[0]).toEqual({ answers: { score: 4, parameters: all }, score: 4 });
    });
  }
});

describe('GET …/surveys/{id}/parameters', () => {
  let survey: { id: string; path: string };
  const period = 'from=2026-09-01T00:00:00Z&to=2026-11-01T00:00:00Z';

  /** Overall score and the four parameters of six responses: three in September, three in October. */
  const SCRIPT = [
    { score: 5, price: 4, delivery: 4, payment: 3, extras: 3, at: '2026-09-03T10:00:00Z' },
    { score: 4, price: 4, delivery: 3, payment: 2, extras: 5, at: '2026-09-10T10:00:00Z' },
    { score: 2, price: 3, delivery: 1, payment: 3, extras: 4, at: '2026-09-30T23:30:00Z' },
    { score: 1, price: 2, delivery: 1, payment: 3, extras: 3, at: '2026-10-02T10:00:00Z' },
    { score: 3, price: 4, delivery: 2, payment: 2, extras: 4, at: '2026-10-15T10:00:00Z' },
    { score: 4, price: 5, delivery: 3, payment: 3, extras: 3, at: '2026-10-31T10:00:00Z' },
  ];

  beforeAll(async () => {
    survey = await liveSurvey(t, asAdmin, ws);
    const put = async (answers: object, at: string, finished = true) => {
      const res = await submit(t, survey.path, answers, finished).expect(201);
      await db().query(`UPDATE responses SET created_at = $2 WHERE id = $1`, [res.body.responseId, at]);
    };
    for (const { score, at, ...parameters } of SCRIPT) await put({ score, parameters }, at);
    // Left out: before the period, and a response never finished.
    await put({ score: 1, parameters: { price: 1, delivery: 1, payment: 1, extras: 1 } }, '2026-08-20T10:00:00Z');
    await put({ score: 1, parameters: { price: 1, delivery: 1, payment: 1, extras: 1 } }, '2026-10-05T10:00:00Z', false);
  });

  it('gives each parameter its mean, margin of error, distribution, trend and correlation with the overall score', async () => {
    const body = (await asAdmin.get(`${ws}/surveys/${survey.id}/parameters?${period}`).expect(200)).body;
    expect(body).toMatchObject({ questionId: 'parameters', scale: { min: 1, max: 5 }, responses: 6, timeZone: 'UTC' });
    const by = Object.fromEntries(body.parameters.map((p: { id: string }) => [p.id, p]));
    expect(body.parameters.map((p: { id: string }) => p.id)).toEqual(ROWS);

    // Price 4,4,3,2,4,5: mean 22/6 = 3.667; squares of deviations sum to 16/3, variance 16/15 = 1.0667, s = 1.0328;
    // margin 1.96 · 1.0328 / √6 = 0.8264 → [2.8403, 4.4931].
    expect(by.price).toMatchObject({
      n: 6,
      mean: 3.67,
      standardDeviation: 1.03,
      marginOfError: 0.83,
      interval: { lower: 2.84, upper: 4.49 },
    });
    expect(by.price.distribution).toEqual([
      { score: 1, count: 0, percent: 0 },
      { score: 2, count: 1, percent: 16.7 },
      { score: 3, count: 1, percent: 16.7 },
      { score: 4, count: 3, percent: 50 },
      { score: 5, count: 1, percent: 16.7 },
    ]);
    // Delivery 4,3,1,1,2,3: mean 14/6 = 2.333, variance 22/15 = 1.4667, s = 1.2111, margin 0.9690 → [1.3643, 3.3024].
    expect(by.delivery).toMatchObject({
      n: 6,
      mean: 2.33,
      standardDeviation: 1.21,
      marginOfError: 0.97,
      interval: { lower: 1.36, upper: 3.3 },
    });
    // Payment 3,2,3,3,2,3: mean 2.667, variance 4/15 = 0.2667, s = 0.5164, margin 0.4132.
    expect(by.payment).toMatchObject({ mean: 2.67, standardDeviation: 0.52, marginOfError: 0.41, interval: { lower: 2.25, upper: 3.08 } });
    // Extras 3,5,4,3,4,3: mean 3.667, variance 2/3, s = 0.8165, margin 0.6533 → [3.0133, 4.32].
    expect(by.extras).toMatchObject({ mean: 3.67, standardDeviation: 0.82, marginOfError: 0.65, interval: { lower: 3.01, upper: 4.32 } });

    // Overall 5,4,2,1,3,4: mean 19/6, Σ(dy²) = 65/6. Pearson r = Σ(dx·dy) / √(Σdx² · Σdy²):
    // price 19/3 / √(16/3 · 65/6) = 0.8332; delivery 26/3 / √(22/3 · 65/6) = 0.9723;
    // payment −2/3 / √(4/3 · 65/6) = −0.1754; extras 1/3 / √(10/3 · 65/6) = 0.0555.
    expect([by.price.correlation, by.delivery.correlation, by.payment.correlation, by.extras.correlation]).toEqual([
      0.833, 0.972, -0.175, 0.055,
    ]);
    expect(by.price.pairs).toBe(6);

    // Medians: importance (0.0555 + 0.8332) / 2 = 0.4444; satisfaction (2.667 + 3.667) / 2 = 3.1667.
    expect(body.split).toEqual({ method: 'median', importance: 0.444, satisfaction: 3.17 });
    expect([by.delivery.quadrant, by.price.quadrant, by.payment.quadrant, by.extras.quadrant]).toEqual([
      'fix_first',
      'keep_up',
      'low_priority',
      'overdelivering',
    ]);

    // Trend by calendar month (UTC): delivery September 4,3,1 → 2.67, October 1,2,3 → 2.
    expect(by.delivery.trend).toEqual([
      { month: '2026-09', n: 3, mean: 2.67 },
      { month: '2026-10', n: 3, mean: 2 },
    ]);
    // In Moscow (UTC+3) the answer of 30 September 23:30 UTC falls on 1 October: September 4,3 → 3.5, October 1,1,2,3 → 1.75.
    const moscow = (await asAdmin.get(`${ws}/surveys/${survey.id}/parameters?${period}&timeZone=Europe/Moscow`).expect(200)).body;
    expect(moscow.parameters[1].trend).toEqual([
      { month: '2026-09', n: 2, mean: 3.5 },
      { month: '2026-10', n: 4, mean: 1.75 },
    ]);
  });

  it('exports the same figures as CSV', async () => {
    const res = await asAdmin.get(`${ws}/surveys/${survey.id}/parameters/report.csv?${period}`).expect(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe(
      'kind,parameter_id,parameter,month,n,mean,margin_of_error,lower,upper,correlation_with_overall,quadrant,count_1,count_2,count_3,count_4,count_5',
    );
    expect(lines[2]).toBe('parameter,delivery,Delivery,,6,2.33,0.97,1.36,3.3,0.972,fix_first,2,1,2,1,0');
    expect(lines).toContain('month,delivery,Delivery,2026-10,3,2,,,,,,,,,,');
  });

  it('answers 404 without a matrix, for an unknown segment and for another workspace; checks the token scope', async () => {
    const plain = await asAdmin.post(`${ws}/surveys`, { name: 'Plain', kind: 'nps' }).expect(201);
    const none = await asAdmin.get(`${ws}/surveys/${plain.body.id}/parameters`).expect(404);
    expect(none.body.error.code).toBe('not_found');
    const segment = await asAdmin.get(`${ws}/surveys/${survey.id}/parameters?segmentId=${randomUUID()}`).expect(404);
    expect(segment.body.error.code).toBe('segment_not_found');
    await asAdmin.get(`${ws}/surveys/${survey.id}/parameters?from=2026-10-01T00:00:00Z&to=2026-09-01T00:00:00Z`).expect(400);
    await asAdmin.get(`${ws}/surveys/${survey.id}/parameters?questionId=${'x'.repeat(41)}`).expect(400);

    const other = await t.seedAdmin('Other Ltd');
    const asOther = await t.login(other.email, other.password);
    await asOther.get(`/api/v1/workspaces/${other.workspaceId}/surveys/${survey.id}/parameters`).expect(404);
    // Not a member: the workspace is not found for them.
    expect((await asOther.get(`${ws}/surveys/${survey.id}/parameters`)).status).toBe(404);

    const viewer = await t.createUser();
    await t.addMember(admin.workspaceId, viewer.userId, 'viewer');
    const asViewer = await t.login(viewer.email, viewer.password);
    await asViewer.get(`${ws}/surveys/${survey.id}/parameters?${period}`).expect(200);

    const token = async (scopes: string[]) => (await asAdmin.post(`${ws}/api-tokens`, { name: 'BI', scopes }).expect(201)).body.secret;
    const bearer = (secret: string) => ({ Authorization: `Bearer ${secret}` });
    const withScope = await token(['responses:read']);
    await t.http().get(`${ws}/surveys/${survey.id}/parameters?${period}`).set(bearer(withScope)).expect(200);
    const without = await token(['customers:read']);
    expect((await t.http().get(`${ws}/surveys/${survey.id}/parameters`).set(bearer(without))).status).toBe(403);
  });
});

describe('open answers reach clustering tagged with their question', () => {
  it('copies every open answer with its question id and label, and the clusters page filters by question', async () => {
    const s = await liveSurvey(t, asAdmin, ws);
    const all = { price: 4, delivery: 2, payment: 5, extras: 3 };
    const one = await submit(t, s.path, {
      score: 3,
      parameters: all,
      likes: 'Friendly staff in the shop',
      dislikes: 'The courier was two hours late',
      improve: 'Send a delivery window by SMS',
    }).expect(201);
    // Blank or too short answers are not texts worth clustering.
    const two = await submit(t, s.path, {
      score: 5,
      parameters: all,
      likes: 'Great prices every week',
      dislikes: '  ',
      improve: 'ok',
    }).expect(201);
    await asAdmin.post(`${ws}/clusters/sync`).expect(200);
    const rows: { source_id: string; question_id: string; question_label: string; text: string }[] = await db().query(
      `SELECT source_id, question_id, question_label, text FROM feedback_texts
        WHERE workspace_id = $1 AND source = 'response' AND split_part(source_id, ':', 1) = ANY($2) ORDER BY source_id`,
      [admin.workspaceId, [one.body.responseId, two.body.responseId]],
    );
    const r1 = one.body.responseId as string;
    const r2 = two.body.responseId as string;
    expect(rows).toEqual(
      [
        // The first open answer keeps the response id as its source id (it is the response's comment).
        { source_id: r1, question_id: 'likes', question_label: 'What do you like?', text: 'Friendly staff in the shop' },
        {
          source_id: `${r1}:dislikes`,
          question_id: 'dislikes',
          question_label: "What don't you like?",
          text: 'The courier was two hours late',
        },
        {
          source_id: `${r1}:improve`,
          question_id: 'improve',
          question_label: 'What should we improve?',
          text: 'Send a delivery window by SMS',
        },
        { source_id: r2, question_id: 'likes', question_label: 'What do you like?', text: 'Great prices every week' },
      ].sort((a, b) => (a.source_id < b.source_id ? -1 : 1)),
    );
    // Copying again changes nothing.
    expect((await asAdmin.post(`${ws}/clusters/sync`).expect(200)).body.copied).toBe(0);

    const questions = (await asAdmin.get(`${ws}/clusters/questions`).expect(200)).body;
    expect(questions).toEqual([
      { id: 'likes', label: 'What do you like?', count: 2 },
      { id: 'dislikes', label: "What don't you like?", count: 1 },
      { id: 'improve', label: 'What should we improve?', count: 1 },
    ]);
    const dislikes = (await asAdmin.get(`${ws}/clusters/unclustered/texts?question=dislikes`).expect(200)).body;
    expect(dislikes.items.map((i: { text: string; questionId: string }) => [i.questionId, i.text])).toEqual([
      ['dislikes', 'The courier was two hours late'],
    ]);
    await asAdmin.get(`${ws}/clusters?question=Not%20an%20id`).expect(400);
  });
});
