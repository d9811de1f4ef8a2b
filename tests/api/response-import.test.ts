import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResponseImportRunner } from '@otklik/backend/src/responses/import/response-import.runner';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';

/**
 * Importing a survey's historical responses from a CSV (issue 20): upload → preview → mapping → a background run,
 * per-row errors, idempotency, and the imported answers counted as live ones (metrics, timeline, clustering, cases).
 */
let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let ws: string;
let db: DataSource;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.seedAdmin('History Import Ltd');
  asAdmin = await t.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
  db = t.app.get(DataSource);
});
afterAll(() => t.close());

async function survey(body: object = { kind: 'nps' }): Promise<string> {
  return (
    await asAdmin.post(`${ws}/surveys`, { name: `S ${randomUUID()}`, languages: ['en', 'ru'], defaultLanguage: 'en', ...body }).expect(201)
  ).body.id;
}

function upload(as: LoggedIn, path: string, content: Buffer | string, filename = 'history.csv') {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return as.agent.post(path).set('X-CSRF-Token', as.csrfToken).attach('file', bytes, { filename, contentType: 'text/csv' });
}

interface ImportError {
  row: number;
  column: string | null;
  field: string;
  code: string;
  value: string | null;
  message: string;
}
interface ImportBody {
  status: string;
  errors: ImportError[];
  previewRows: unknown[];
  [field: string]: unknown;
}

async function waitForEnd(path: string): Promise<ImportBody> {
  let body = {} as ImportBody;
  await expect
    .poll(
      async () => {
        body = (await asAdmin.get(path).expect(200)).body;
        return body.status;
      },
      { timeout: 30_000, interval: 100 },
    )
    .toMatch(/^(done|failed)$/);
  return body;
}

const countResponses = async (surveyId: string) =>
  Number(
    (await db.query(`SELECT count(*) FROM responses WHERE workspace_id = $1 AND survey_id = $2`, [admin.workspaceId, surveyId]))[0].count,
  );

// Our own export's column names: mapped without help. 10 answers in October 2025: 4 promoters, 3 passives, 3 detractors.
const OWN_EXPORT = [
  'created_at,score,comment,respondent_id,customer_id,language',
  '2025-10-01T09:00:00Z,10,Fast delivery,r-1,hist-anna,en',
  '2025-10-02 10:30,9,,r-2,,en',
  '2025-10-03T11:00:00+03:00,10,"Great, ""really"" great",r-3,,ru',
  '2025-10-04,9,,r-4,,',
  '2025-10-05T12:00:00Z,8,Ok,r-5,,en',
  '2025-10-06T12:00:00Z,7,,r-6,,en',
  '2025-10-07T12:00:00Z,8,,r-7,,en',
  '2025-10-08T12:00:00Z,0,The courier was rude and late,r-8,hist-anna,en',
  '2025-10-09T12:00:00Z,3,Package arrived damaged,r-9,,en',
  '2025-10-10T12:00:00Z,6,,r-10,ghost-customer,en',
  '',
].join('\n');

describe('history import: our own export, mapped automatically', () => {
  let surveyId: string;
  let base: string;
  let importId: string;

  beforeAll(async () => {
    surveyId = await survey();
    base = `${ws}/surveys/${surveyId}/response-imports`;
    await asAdmin.put(`${ws}/customers/hist-anna`, { name: 'Anna History' }).expect(201);
  });

  it('starts at once with ?start=true and reports rowsDone of rowsTotal until done', async () => {
    const res = await upload(asAdmin, `${base}?start=true`, OWN_EXPORT).expect(201);
    importId = res.body.id;
    expect(res.body).toMatchObject({
      surveyId,
      fileName: 'history.csv',
      encoding: 'utf-8',
      delimiter: ',',
      rowsTotal: 10,
      createCases: false,
      mapping: ['createdAt', 'score', 'comment', 'respondentId', 'customerId', 'language'],
    });
    expect(res.body.status).toMatch(/^(running|done)$/);
    const done = await waitForEnd(`${base}/${importId}`);
    expect(done).toMatchObject({
      status: 'done',
      rowsDone: 10,
      rowsTotal: 10,
      imported: 10,
      duplicates: 0,
      failed: 0,
      errors: [],
      errorsTotal: 0,
    });
    expect(await countResponses(surveyId)).toBe(10);
    const rows = await db.query(
      `SELECT score, score_scale_max, comment, answers, finished, finished_at = created_at AS same, language, customer_external_id, customer_verified,
              respondent_id, created_at, meta FROM responses WHERE survey_id = $1 ORDER BY created_at`,
      [surveyId],
    );
    expect(rows[0]).toMatchObject({
      score: 10,
      score_scale_max: 10,
      comment: 'Fast delivery',
      answers: { score: 10, comment: 'Fast delivery' },
      finished: true,
      same: true,
      language: 'en',
      customer_external_id: 'hist-anna',
      // Kept, but unproven, as a live answer without an identity hash: a file does not speak for a customer.
      customer_verified: false,
      respondent_id: 'r-1',
      meta: { historyImport: importId, cases: 'off' },
    });
    expect(rows[1].created_at.toISOString()).toBe('2025-10-02T10:30:00.000Z');
    expect(rows[2].created_at.toISOString()).toBe('2025-10-03T08:00:00.000Z');
    expect(rows[2].comment).toBe('Great, "really" great');
    expect(rows[2].language).toBe('ru');
    expect(rows[3].language).toBeNull();
    // An id of no customer is kept, proving nothing (as an unproven live one); no customer is created.
    expect(rows[9]).toMatchObject({ customer_external_id: 'ghost-customer', customer_verified: false });
    expect((await asAdmin.get(`${ws}/customers/ghost-customer`)).status).toBe(404);
  });

  it('counts the imported answers in the survey metrics exactly as live ones', async () => {
    const m = (await asAdmin.get(`${ws}/surveys/${surveyId}/metrics?from=2025-10-01T00:00:00.000Z&to=2025-10-31T00:00:00.000Z`).expect(200))
      .body;
    // 4 promoters (10, 9, 10, 9), 3 passives (8, 7, 8), 3 detractors (0, 3, 6): NPS = 40 − 30 = 10.
    expect(m.summary.nps).toMatchObject({ n: 10, promoters: 4, passives: 3, detractors: 3, nps: 10 });
    expect(m.summary.responses).toBe(10);
  });

  it("shows them on the customer's timeline, as unproven live answers are", async () => {
    const items = (await asAdmin.get(`${ws}/customers/hist-anna/timeline`).expect(200)).body.items as {
      kind: string;
      occurredAt: string;
    }[];
    const responses = items.filter((i) => i.kind === 'response');
    expect(responses.map((i) => i.occurredAt)).toEqual(['2025-10-08T12:00:00.000Z', '2025-10-01T09:00:00.000Z']);
  });

  // "Ok" is too short to cluster (under 3 characters), as for a live answer.
  it('copies their comments into the texts clustering reads', async () => {
    await asAdmin.post(`${ws}/clusters/sync`).expect(200);
    const texts = await db.query(
      `SELECT f.text FROM feedback_texts f JOIN responses r ON r.workspace_id = f.workspace_id AND f.source = 'response' AND f.source_id = r.id::text
        WHERE r.survey_id = $1 ORDER BY f.text`,
      [surveyId],
    );
    expect(texts.map((r: { text: string }) => r.text)).toEqual([
      'Fast delivery',
      'Great, "really" great',
      'Package arrived damaged',
      'The courier was rude and late',
    ]);
  });

  it('adds nothing when the same file is imported again', async () => {
    const again = await upload(asAdmin, `${base}?start=true`, OWN_EXPORT).expect(201);
    const done = await waitForEnd(`${base}/${again.body.id}`);
    expect(done).toMatchObject({ status: 'done', rowsDone: 10, imported: 0, duplicates: 10, failed: 0 });
    expect(await countResponses(surveyId)).toBe(10);
    const list = (await asAdmin.get(base).expect(200)).body.items;
    expect(list.map((i: { id: string }) => i.id)).toEqual([again.body.id, importId]);
  });
});

// A Delighted-style export: semicolons, day-first dates, a column of ours it does not know, and bad rows.
const DELIGHTED = [
  'Date;Score;Comment;Email;Plan',
  '31.03.2025 14:05;9;Love it;a@example.com;pro', // row 2: fine
  '2025-02-30;8;;b@example.com;pro', // row 3: not a calendar day
  '03/15/2025 02:30 PM;11;;c@example.com;basic', // row 4: score over the NPS scale
  '2099-01-01;5;;d@example.com;basic', // row 5: in the future
  'yesterday;abc;;e@example.com;basic', // row 6: neither a date nor a number (two errors)
  '2025-04-01;;;f@example.com;basic', // row 7: no score (the NPS question is required)
  '2025-04-02;4;"Too',
  'slow";g@example.com;pro', // rows 8–9: one record over two lines, fine
  '',
].join('\n');

describe('history import: preview, mapping and per-row errors', () => {
  let surveyId: string;
  let base: string;

  beforeAll(async () => {
    surveyId = await survey();
    base = `${ws}/surveys/${surveyId}/response-imports`;
  });

  it('previews the file and suggests a mapping from the usual export names; waits for the mapping', async () => {
    const res = await upload(asAdmin, base, DELIGHTED, 'delighted.csv').expect(201);
    expect(res.body).toMatchObject({
      status: 'previewing',
      delimiter: ';',
      rowsTotal: 7,
      rowsDone: 0,
      headers: ['Date', 'Score', 'Comment', 'Email', 'Plan'],
      suggestedMapping: ['createdAt', 'score', 'comment', 'customerId', 'ignore'],
      mapping: null,
    });
    expect(res.body.previewRows.map((r: { row: number }) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(res.body.previewRows[6].values[2]).toBe('Too\nslow');
    expect(await countResponses(surveyId)).toBe(0);
  });

  it('refuses a mapping without a date, or with a field twice, and starts with a good one; bad rows are reported, good ones kept', async () => {
    const { id } = (await upload(asAdmin, base, DELIGHTED, 'delighted.csv').expect(201)).body;
    const noDate = await asAdmin
      .post(`${base}/${id}/start`, { mapping: ['ignore', 'score', 'comment', 'customerId', 'ignore'] })
      .expect(400);
    expect(JSON.stringify(noDate.body)).toContain('createdAt');
    const twice = await asAdmin.post(`${base}/${id}/start`, { mapping: ['createdAt', 'score', 'score', 'ignore', 'ignore'] }).expect(400);
    expect(JSON.stringify(twice.body)).toContain('already filled by column 2');
    await asAdmin.post(`${base}/${id}/start`, { mapping: ['createdAt', 'score', 'comment', 'ignore', 'ignore'] }).expect(202);
    await asAdmin.post(`${base}/${id}/start`, { mapping: ['createdAt', 'score', 'comment', 'ignore', 'ignore'] }).expect(409);
    const done = await waitForEnd(`${base}/${id}`);
    expect(done).toMatchObject({ status: 'done', rowsDone: 7, rowsTotal: 7, imported: 2, failed: 5, errorsTotal: 6 });
    expect(done.errors.map((e) => [e.row, e.column, e.field, e.code, e.value])).toEqual([
      [3, 'Date', 'createdAt', 'date_invalid', '2025-02-30'],
      [4, 'Score', 'score', 'score_out_of_range', '11'],
      [5, 'Date', 'createdAt', 'date_future', '2099-01-01'],
      [6, 'Date', 'createdAt', 'date_invalid', 'yesterday'],
      [6, 'Score', 'score', 'score_invalid', 'abc'],
      [7, 'Score', 'score', 'score_missing', null],
    ]);
    expect(done.errors[1].message).toBe('the score must be from 0 to 10');
    const page = (await asAdmin.get(`${base}/${id}/errors?limit=2&offset=4`).expect(200)).body;
    expect(page.total).toBe(6);
    expect(page.items.map((e: { row: number }) => e.row)).toEqual([6, 7]);
    const rows = await db.query(
      `SELECT score, comment, created_at, customer_external_id FROM responses WHERE survey_id = $1 ORDER BY created_at`,
      [surveyId],
    );
    expect(
      rows.map((r: { score: number; comment: string | null; created_at: Date }) => [r.score, r.comment, r.created_at.toISOString()]),
    ).toEqual([
      [9, 'Love it', '2025-03-31T14:05:00.000Z'],
      [4, 'Too\nslow', '2025-04-02T00:00:00.000Z'],
    ]);
  });

  it('validates scores against the survey scale (CSAT 1–5) and refuses a score column on a survey without a score question', async () => {
    const csat = await survey({ kind: 'csat' });
    const csatBase = `${ws}/surveys/${csat}/response-imports`;
    const res = await upload(asAdmin, `${csatBase}?start=true`, 'created_at,score\n2025-01-01,5\n2025-01-02,0\n2025-01-03,6\n').expect(201);
    const done = await waitForEnd(`${csatBase}/${res.body.id}`);
    expect(done).toMatchObject({ imported: 1, failed: 2 });
    expect(done.errors.map((e) => e.message)).toEqual(['the score must be from 1 to 5', 'the score must be from 1 to 5']);
  });

  it('resumes after a restart from the watermark: only rows after the last committed one are written', async () => {
    const file = ['created_at,score', ...Array.from({ length: 6 }, (_, i) => `2025-05-0${i + 1},${i + 4}`), ''].join('\n');
    const { id } = (await upload(asAdmin, base, file).expect(201)).body;
    // As a process that died after committing the first 4 rows would leave it: running, no live lease, watermark 4.
    await db.query(
      `UPDATE response_imports SET status = 'running', mapping = '["createdAt","score"]', started_at = now(), next_position = 4, rows_done = 4, imported = 4
        WHERE workspace_id = $1 AND id = $2`,
      [admin.workspaceId, id],
    );
    const before = await countResponses(surveyId);
    await t.app.get(ResponseImportRunner).sweep();
    const done = await waitForEnd(`${base}/${id}`);
    expect(done).toMatchObject({ status: 'done', rowsDone: 6, imported: 6 });
    expect(await countResponses(surveyId)).toBe(before + 2);
    const scores = await db.query(`SELECT score FROM responses WHERE survey_id = $1 AND meta->>'historyImport' = $2 ORDER BY score`, [
      surveyId,
      id,
    ]);
    expect(scores.map((r: { score: number }) => r.score)).toEqual([8, 9]);
    // The file's bytes are freed when it ends; the preview stays.
    expect((await db.query(`SELECT count(*)::int AS n FROM response_import_chunks WHERE import_id = $1`, [id]))[0].n).toBe(0);
    expect(done.previewRows).toHaveLength(6);
  });
});

describe('history import: cases', () => {
  it('opens no case for imported low scores unless the import asks for it', async () => {
    const surveyId = await survey();
    const base = `${ws}/surveys/${surveyId}/response-imports`;
    const recent = new Date(Date.now() - 2 * 3600_000).toISOString();
    const quiet = await upload(asAdmin, `${base}?start=true`, `created_at,score,comment\n${recent},1,Awful support\n`).expect(201);
    await waitForEnd(`${base}/${quiet.body.id}`);
    await asAdmin.post(`${ws}/cases/sync`).expect(200);
    const casesOf = async () =>
      Number(
        (
          await db.query(
            `SELECT count(*) FROM cases c JOIN responses r ON r.workspace_id = c.workspace_id AND c.source = 'response' AND c.source_id = r.id::text
              WHERE r.survey_id = $1`,
            [surveyId],
          )
        )[0].count,
      );
    expect(await casesOf()).toBe(0);
    const loud = await upload(
      asAdmin,
      `${base}?start=true&createCases=true`,
      `created_at,score,comment\n${recent},2,Still waiting for a refund\n`,
    ).expect(201);
    expect(loud.body.createCases).toBe(true);
    await waitForEnd(`${base}/${loud.body.id}`);
    await asAdmin.post(`${ws}/cases/sync`).expect(200);
    expect(await casesOf()).toBe(1);
  });
});

describe('history import: hostile and wrong input', () => {
  let surveyId: string;
  let base: string;

  beforeAll(async () => {
    surveyId = await survey();
    base = `${ws}/surveys/${surveyId}/response-imports`;
  });

  it('refuses a file over 100 MB with 413 and stores nothing', async () => {
    const before = Number((await db.query(`SELECT count(*) FROM response_imports WHERE survey_id = $1`, [surveyId]))[0].count);
    const huge = Buffer.alloc(100 * 1024 * 1024 + 1, 0x61);
    const res = await upload(asAdmin, base, huge, 'huge.csv');
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({
      code: 'file_too_large',
      message: 'The file is larger than 100 MB. Split it into smaller files and import them one by one.',
    });
    expect(Number((await db.query(`SELECT count(*) FROM response_imports WHERE survey_id = $1`, [surveyId]))[0].count)).toBe(before);
  });

  it('refuses what is not a readable CSV with a clear 400', async () => {
    expect((await upload(asAdmin, base, 'PK\u0003\u0004rest', 'book.csv').expect(400)).body.error.code).toBe('unsupported_format');
    expect((await upload(asAdmin, base, 'created_at,score\n', 'empty.csv').expect(400)).body.error.code).toBe('no_rows');
    expect((await upload(asAdmin, base, 'created_at,score\n"2025-01-01,5\n', 'quote.csv').expect(400)).body.error.code).toBe(
      'unreadable_csv',
    );
    expect((await upload(asAdmin, base, 'a,a\n1,2\n', 'dupe.csv').expect(400)).body.error.code).toBe('duplicate_headers');
    const exe = await asAdmin.agent
      .post(base)
      .set('X-CSRF-Token', asAdmin.csrfToken)
      .attach('file', Buffer.from('a,b\n1,2\n'), { filename: 'x.exe', contentType: 'application/octet-stream' });
    expect(exe.status).toBe(400);
    expect(exe.body.error.code).toBe('unsupported_format');
    const noFile = await asAdmin.agent.post(base).set('X-CSRF-Token', asAdmin.csrfToken).field('x', '1');
    expect(noFile.status).toBe(400);
  });

  it('stores a formula in a comment as text; the responses export neutralises it', async () => {
    const res = await upload(
      asAdmin,
      `${base}?start=true`,
      'created_at,score,comment\n2025-06-01,2,"=HYPERLINK(""http://evil.example"",""x"")"\n',
    ).expect(201);
    await waitForEnd(`${base}/${res.body.id}`);
    const [row] = await db.query(`SELECT comment FROM responses WHERE survey_id = $1`, [surveyId]);
    expect(row.comment).toBe('=HYPERLINK("http://evil.example","x")');
    const csv = (await asAdmin.get(`${ws}/surveys/${surveyId}/responses.csv`).expect(200)).text;
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
  });

  it('reads Windows-1251 (Excel on Russian Windows) and a language it must match to the survey', async () => {
    const table = new TextDecoder('windows-1251').decode(Uint8Array.from({ length: 256 }, (_, i) => i));
    const byChar = new Map([...table].map((ch, byte) => [ch, byte]));
    const text = 'Дата;Оценка;Комментарий;Язык\n2025-07-01;10;Отлично;ru\n2025-07-02;9;Хорошо;de\n';
    const bytes = Buffer.from([...text].map((ch) => byChar.get(ch) ?? 0x3f));
    const res = await upload(asAdmin, `${base}?start=true`, bytes, 'ru.csv').expect(201);
    expect(res.body).toMatchObject({ encoding: 'windows-1251', suggestedMapping: ['createdAt', 'score', 'comment', 'language'] });
    const done = await waitForEnd(`${base}/${res.body.id}`);
    expect(done).toMatchObject({ imported: 1, failed: 1 });
    expect(done.errors[0]).toMatchObject({ row: 3, field: 'language', code: 'language_unknown', value: 'de' });
  });
});

describe('history import: who may', () => {
  it('admins and analysts, tokens with responses:write; viewers 403; other workspaces and surveys 404', async () => {
    const surveyId = await survey();
    const base = `${ws}/surveys/${surveyId}/response-imports`;
    const { id } = (await upload(asAdmin, base, 'created_at,score\n2025-01-01,5\n').expect(201)).body;

    const analyst = await t.createUser();
    await t.addMember(admin.workspaceId, analyst.userId, 'analyst');
    const asAnalyst = await t.login(analyst.email, analyst.password);
    expect((await upload(asAnalyst, base, 'created_at,score\n2025-01-01,6\n')).status).toBe(201);

    const viewer = await t.createUser();
    await t.addMember(admin.workspaceId, viewer.userId, 'viewer');
    const asViewer = await t.login(viewer.email, viewer.password);
    expect((await upload(asViewer, base, 'created_at,score\n2025-01-01,5\n')).status).toBe(403);
    expect((await asViewer.get(`${base}/${id}`)).status).toBe(403);
    expect((await asViewer.post(`${base}/${id}/start`, { mapping: ['createdAt', 'score'] })).status).toBe(403);

    const other = await t.seedAdmin('Elsewhere');
    const asOther = await t.login(other.email, other.password);
    const otherSurvey = (await asOther.post(`/api/v1/workspaces/${other.workspaceId}/surveys`, { name: 'Theirs', kind: 'nps' }).expect(201))
      .body.id;
    const otherBase = `/api/v1/workspaces/${other.workspaceId}/surveys/${otherSurvey}/response-imports`;
    expect((await asOther.get(`${otherBase}/${id}`)).status).toBe(404);
    expect((await asOther.post(`${otherBase}/${id}/start`, { mapping: ['createdAt', 'score'] })).status).toBe(404);
    // Their survey id under our workspace, and our import under another of our surveys: 404 too.
    expect((await upload(asAdmin, `${ws}/surveys/${otherSurvey}/response-imports`, 'created_at,score\n2025-01-01,5\n')).status).toBe(404);
    const another = await survey();
    expect((await asAdmin.get(`${ws}/surveys/${another}/response-imports/${id}`)).status).toBe(404);
    expect((await asAdmin.get(`${base}/not-a-uuid`)).status).toBe(404);
    expect((await asAdmin.get(`${base}/${id}`).expect(200)).body.status).toBe('previewing');

    const tokens = `${ws}/api-tokens`;
    const writer = (await asAdmin.post(tokens, { name: 'migration', scopes: ['responses:write'] }).expect(201)).body.secret;
    const reader = (await asAdmin.post(tokens, { name: 'bi', scopes: ['responses:read', 'surveys:write'] }).expect(201)).body.secret;
    const send = (secret: string) =>
      t
        .http()
        .post(`${base}?start=true`)
        .set('Authorization', `Bearer ${secret}`)
        .attach('file', Buffer.from('created_at,score\n2025-02-01,7\n'), { filename: 't.csv', contentType: 'text/csv' });
    expect((await send(writer)).status).toBe(201);
    expect((await send(reader)).status).toBe(403);
  });
});
