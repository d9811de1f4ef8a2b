import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';

let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let surveyPath: string;

beforeAll(async () => {
  t = await startTestApp({ publicLimitPerIpPerMinute: 100_000 });
  admin = await t.seedAdmin('Export GmbH');
  asAdmin = await t.login(admin.email, admin.password);
  const created = await asAdmin
    .post(`/api/v1/workspaces/${admin.workspaceId}/surveys`, {
      name: 'Export',
      kind: 'nps',
      displayRules: { trigger: 'page_load', samplePercent: 100, recontactDays: 0, stopAfterResponse: false },
    })
    .expect(201);
  surveyPath = `/api/v1/workspaces/${admin.workspaceId}/surveys/${created.body.id}`;
  await asAdmin.patch(surveyPath, { status: 'live' }).expect(200);
  const submit = (answers: object, finished: boolean) =>
    t
      .http()
      .post(`/api/v1/public/surveys/${created.body.publicKey}/responses`)
      .send({ idempotencyKey: randomUUID(), respondentId: `r-${randomUUID()}`, answers, finished })
      .expect(201);
  await submit({ score: 10, comment: 'Отлично, спасибо!' }, true);
  await submit({ score: 2, comment: '=HYPERLINK("http://evil.test","click")' }, true);
  await submit({ score: 7 }, false);
  for (let i = 0; i < 4; i++) await submit({ score: i }, true);
});
afterAll(() => t.close());

describe('responses', () => {
  it('pages through responses newest first with a cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { body: { items: { id: string; createdAt: string }[]; nextCursor: string | null } } = await asAdmin
        .get(`${surveyPath}/responses?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
        .expect(200);
      seen.push(...res.body.items.map((i) => i.id));
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });

  it('filters by finished and rejects bad query values', async () => {
    const partial = await asAdmin.get(`${surveyPath}/responses?finished=false`).expect(200);
    expect(partial.body.items.map((i: { score: number }) => i.score)).toEqual([7]);
    const bad = await asAdmin.get(`${surveyPath}/responses?limit=0&finished=maybe&cursor=zzz`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['finished', 'limit']);
    const badCursor = await asAdmin.get(`${surveyPath}/responses?cursor=zzz`);
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.error.details[0].field).toBe('cursor');
  });

  it('exports CSV with a BOM, Cyrillic intact and formulas neutralised', async () => {
    const res = await asAdmin
      .get(`${surveyPath}/responses.csv`)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const text = res.body as string;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split('\n');
    expect(lines[0]).toBe(
      'response_id,created_at,finished_at,finished,survey_version,language,customer_id,customer_verified,respondent_id,score,comment,answer_score,answer_comment,hidden_fields',
    );
    expect(lines).toHaveLength(8);
    expect(text).toContain('Отлично, спасибо!');
    expect(text).toContain(`"'=HYPERLINK(""http://evil.test"",""click"")"`);
    expect(text).not.toMatch(/,=HYPERLINK/);
  });

  it('is not visible to another workspace or without the scope', async () => {
    const other = await t.seedAdmin('Other');
    const asOther = await t.login(other.email, other.password);
    expect((await asOther.get(`${surveyPath}/responses`)).status).toBe(404);
    expect((await asOther.get(`${surveyPath}/responses.csv`)).status).toBe(404);
    const token = await asAdmin
      .post(`/api/v1/workspaces/${admin.workspaceId}/api-tokens`, { name: 't', scopes: ['surveys:read'] })
      .expect(201);
    const res = await t.http().get(`${surveyPath}/responses`).set('Authorization', `Bearer ${token.body.secret}`);
    expect(res.status).toBe(403);
  });
});
