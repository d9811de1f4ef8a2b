import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';
import { customerSigner } from '../support/identity';

/**
 * The public ingest contract. Run twice (see public-ingest.edge.test.ts and public-ingest.nest.test.ts):
 * through the lean ingest edge and through the Nest controller, which must behave the same.
 */
export function definePublicIngestTests(ingestEdge: boolean): void {
  let t: TestApp;
  let admin: SeededAdmin;
  let asAdmin: LoggedIn;
  let manage: string;

  beforeAll(async () => {
    t = await startTestApp({ publicLimitPerIpPerMinute: 100_000, ingestEdge });
    admin = await t.seedAdmin('Ingest Ltd');
    asAdmin = await t.login(admin.email, admin.password);
    manage = `/api/v1/workspaces/${admin.workspaceId}/surveys`;
  });
  afterAll(() => t.close());

  async function liveSurvey(extra: object = {}): Promise<{ id: string; key: string; path: string }> {
    const created = await asAdmin.post(manage, { name: `NPS ${randomUUID()}`, kind: 'nps', languages: ['en', 'ru'], ...extra }).expect(201);
    await asAdmin.patch(`${manage}/${created.body.id}`, { status: 'live' }).expect(200);
    return { id: created.body.id, key: created.body.publicKey, path: `/api/v1/public/surveys/${created.body.publicKey}` };
  }

  const rid = () => `r-${randomUUID()}`;
  const db = () => t.app.get(DataSource);
  const count = async (table: string, surveyId: string) =>
    (await db().query(`SELECT count(*)::int AS n FROM ${table} WHERE survey_id = $1`, [surveyId]))[0].n as number;

  describe('widget configuration', () => {
    it('serves one language, the ui texts and eligibility', async () => {
      const s = await liveSurvey();
      const res = await t.http().get(`${s.path}?language=ru-RU&respondentId=${rid()}`).expect(200);
      expect(res.body).toMatchObject({ publicKey: s.key, kind: 'nps', version: 1, language: 'ru', direction: 'ltr', eligible: true });
      expect(res.body.questions[0]).toMatchObject({ id: 'score', type: 'nps', scale: { min: 0, max: 10 } });
      expect(res.body.questions[0].text).toContain('порекомендуете');
      expect(res.body.ui.submit).toBe('Отправить');
      const fallback = await t.http().get(`${s.path}?language=ja`).expect(200);
      expect(fallback.body.language).toBe('en');
    });

    it('says a draft is not live and an unknown key is not found', async () => {
      const draft = await asAdmin.post(manage, { name: 'Draft', kind: 'csat' }).expect(201);
      const res = await t.http().get(`/api/v1/public/surveys/${draft.body.publicKey}`).expect(200);
      expect(res.body).toMatchObject({ eligible: false, ineligibleReason: 'not_live' });
      await t.http().get('/api/v1/public/surveys/srv_doesnotexist0000000').expect(404);
      const display = await t
        .http()
        .post(`/api/v1/public/surveys/${draft.body.publicKey}/displays`)
        .send({ idempotencyKey: randomUUID(), respondentId: rid() });
      expect(display.status).toBe(409);
      expect(display.body.error.code).toBe('not_live');
    });
  });

  describe("the visitor's language (issue 14, item 4)", () => {
    const configIn = async (path: string, language: string) =>
      (
        await t
          .http()
          .get(`${path}?language=${encodeURIComponent(language)}`)
          .expect(200)
      ).body as { language: string; ui: { submit: string } };

    it('picks the first candidate the survey has: exact tag, then primary subtag, else the default', async () => {
      const s = await liveSurvey({ languages: ['en', 'ru', 'bg'], defaultLanguage: 'en' });
      // What the loader sends for a ru-RU browser on <html lang="ru"> without data-language.
      expect((await configIn(s.path, ',ru,ru-RU,ru')).language).toBe('ru');
      expect((await configIn(s.path, ',,bg-BG,bg')).language).toBe('bg');
      // data-language comes first and wins over the page and the browser.
      expect((await configIn(s.path, 'bg,ru,ru-RU')).language).toBe('bg');
      // A candidate the survey lacks is skipped, not fallen back on: the next one decides.
      const next = await configIn(s.path, 'de-DE,ja,ru_RU');
      expect(next.language).toBe('ru');
      expect(next.ui.submit).toBe('Отправить');
      expect((await configIn(s.path, 'BG-bg')).language).toBe('bg');
      // None of them: the survey's default language.
      expect((await configIn(s.path, 'ja,zh-CN,,')).language).toBe('en');
      const ruDefault = await liveSurvey({ languages: ['ru', 'en'], defaultLanguage: 'ru' });
      expect((await configIn(ruDefault.path, 'ja,fr-FR')).language).toBe('ru');
      expect((await t.http().get(ruDefault.path).expect(200)).body.language).toBe('ru');
    });

    it('stores the language shown with the response and refuses one the survey does not have', async () => {
      const s = await liveSurvey({ languages: ['en', 'ru', 'bg'], defaultLanguage: 'en' });
      const send = (language: string | undefined) =>
        t
          .http()
          .post(`${s.path}/responses`)
          .send({
            idempotencyKey: randomUUID(),
            respondentId: rid(),
            answers: { score: 9 },
            finished: true,
            ...(language ? { language } : {}),
          });
      await send('bg').expect(201);
      // Used to be stored as the default language ("en") although no English was shown.
      const refused = await send('de').expect(400);
      expect(refused.body.error).toMatchObject({ code: 'validation_failed', details: [{ field: 'language' }] });
      await send(undefined).expect(201);
      const rows = await db().query(`SELECT language FROM responses WHERE survey_id = $1 ORDER BY created_at`, [s.id]);
      expect(rows.map((r: { language: string | null }) => r.language)).toEqual(['bg', null]);
    });
  });

  describe('displays and responses', () => {
    it(`is served by the ${ingestEdge ? 'ingest edge' : 'Nest controller'}`, async () => {
      const s = await liveSurvey();
      const res = await t
        .http()
        .post(`${s.path}/responses`)
        .send({ idempotencyKey: randomUUID(), respondentId: rid(), answers: { score: 5 }, finished: true })
        .expect(201);
      // Only the edge skips helmet's page headers (a JSON write needs none of them).
      expect(res.headers['content-security-policy'] === undefined).toBe(ingestEdge);
      expect(res.headers['x-request-id']).toBeTruthy();
    });

    it('rejects a body that is not a JSON object, and malformed JSON', async () => {
      const s = await liveSurvey();
      const array = await t.http().post(`${s.path}/responses`).send([1, 2]);
      expect(array.status).toBe(400);
      const broken = await t.http().post(`${s.path}/responses`).set('Content-Type', 'application/json').send('{"answers":');
      expect(broken.status).toBe(400);
      expect(broken.body.error.requestId).toBe(broken.headers['x-request-id']);
    });

    it('records a display once per key and a response merged across partial calls, exactly once', async () => {
      const s = await liveSurvey();
      const respondentId = rid();
      const displayKey = randomUUID();
      const first = await t
        .http()
        .post(`${s.path}/displays`)
        .send({ idempotencyKey: displayKey, respondentId, url: 'https://shop.test/checkout' })
        .expect(201);
      const again = await t.http().post(`${s.path}/displays`).send({ idempotencyKey: displayKey, respondentId }).expect(200);
      expect(again.body.displayId).toBe(first.body.displayId);

      const key = randomUUID();
      const body = {
        idempotencyKey: key,
        respondentId,
        displayId: first.body.displayId,
        customerId: 'c-42',
        language: 'en',
        hiddenFields: { plan: 'pro' },
      };
      const partial = await t
        .http()
        .post(`${s.path}/responses`)
        .send({ ...body, answers: { score: 3 }, finished: false })
        .expect(201);
      expect(partial.body.finished).toBe(false);
      const retried = await t
        .http()
        .post(`${s.path}/responses`)
        .send({ ...body, answers: { score: 3 }, finished: false })
        .expect(200);
      expect(retried.body.responseId).toBe(partial.body.responseId);
      const done = await t
        .http()
        .post(`${s.path}/responses`)
        .send({ ...body, answers: { comment: 'Delivery was late' }, finished: true })
        .expect(200);
      expect(done.body).toEqual({ responseId: partial.body.responseId, finished: true });

      const rows = await db().query(
        `SELECT answers, score, score_scale_max, comment, finished, finished_at, customer_external_id, hidden_fields, language, display_id
         FROM responses WHERE survey_id = $1`,
        [s.id],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        answers: { score: 3, comment: 'Delivery was late' },
        score: 3,
        score_scale_max: 10,
        comment: 'Delivery was late',
        finished: true,
        customer_external_id: 'c-42',
        hidden_fields: { plan: 'pro' },
        language: 'en',
        display_id: first.body.displayId,
      });
      expect(rows[0].finished_at).toBeInstanceOf(Date);
      // A late retry of the partial call does not un-finish it.
      await t
        .http()
        .post(`${s.path}/responses`)
        .send({ ...body, answers: { score: 3 }, finished: false })
        .expect(200);
      expect((await db().query(`SELECT finished FROM responses WHERE survey_id = $1`, [s.id]))[0].finished).toBe(true);
    });

    it('never duplicates under concurrent retries of the same key', async () => {
      const s = await liveSurvey();
      const body = { idempotencyKey: randomUUID(), respondentId: rid(), answers: { score: 9 }, finished: true };
      const results = await Promise.all(Array.from({ length: 12 }, () => t.http().post(`${s.path}/responses`).send(body)));
      expect(results.every((r) => r.status === 200 || r.status === 201)).toBe(true);
      expect(results.filter((r) => r.status === 201)).toHaveLength(1);
      expect(new Set(results.map((r) => r.body.responseId)).size).toBe(1);
      expect(await count('responses', s.id)).toBe(1);
    });

    it.each([
      [{ score: 11 }, 'answers.score', 'must be a whole number from 0 to 10'],
      [{ score: 7.5 }, 'answers.score', 'must be a whole number from 0 to 10'],
      [{ score: '9' }, 'answers.score', 'must be a whole number from 0 to 10'],
      [{ score: 9, comment: 'x'.repeat(5001) }, 'answers.comment', 'at most 5000 characters'],
      [{ score: 9, bogus: 1 }, 'answers.bogus', 'is not a question of this survey'],
    ])('rejects answers %j (%s) and stores nothing', async (answers, field, message) => {
      const s = await liveSurvey();
      const res = await t
        .http()
        .post(`${s.path}/responses`)
        .send({ idempotencyKey: randomUUID(), respondentId: rid(), answers, finished: false });
      expect(res.status).toBe(400);
      expect(res.body.error.details).toContainEqual({ field, message: expect.stringContaining(message) });
      expect(await count('responses', s.id)).toBe(0);
    });

    it('keeps a response on the version it was started on when the survey is edited meanwhile', async () => {
      const s = await liveSurvey();
      const respondentId = rid();
      const key = randomUUID();
      await t
        .http()
        .post(`${s.path}/responses`)
        .send({ idempotencyKey: key, respondentId, answers: { score: 4 }, finished: false })
        .expect(201);
      const current = (await asAdmin.get(`${manage}/${s.id}`).expect(200)).body;
      const renamed = structuredClone(current.questions);
      renamed[1].id = 'feedback'; // version 2 asks for "feedback" instead of "comment"
      renamed[1].textByScore.scoreQuestionId = 'score';
      expect((await asAdmin.patch(`${manage}/${s.id}`, { questions: renamed }).expect(200)).body.version).toBe(2);

      // Finishing the v1 response with a v1 answer is valid; a v2-only answer is not.
      const wrong = await t
        .http()
        .post(`${s.path}/responses`)
        .send({ idempotencyKey: key, respondentId, answers: { feedback: 'x' }, finished: true });
      expect(wrong.status).toBe(400);
      await t
        .http()
        .post(`${s.path}/responses`)
        .send({ idempotencyKey: key, respondentId, answers: { comment: 'Slow' }, finished: true })
        .expect(200);
      const [row] = await db().query(`SELECT survey_version, answers, finished FROM responses WHERE survey_id = $1`, [s.id]);
      expect(row).toEqual({ survey_version: 1, answers: { score: 4, comment: 'Slow' }, finished: true });
      // New responses use version 2.
      await t
        .http()
        .post(`${s.path}/responses`)
        .send({ idempotencyKey: randomUUID(), respondentId: rid(), answers: { score: 9, feedback: 'Great' }, finished: true })
        .expect(201);
    });

    it('requires the required questions when finishing', async () => {
      const s = await liveSurvey();
      const res = await t
        .http()
        .post(`${s.path}/responses`)
        .send({ idempotencyKey: randomUUID(), respondentId: rid(), answers: { comment: 'hi' }, finished: true });
      expect(res.status).toBe(400);
      expect(res.body.error.details).toEqual([{ field: 'answers.score', message: 'answers.score is required' }]);
      expect(await count('responses', s.id)).toBe(0);
    });

    it.each([
      [{ respondentId: 'short', answers: { score: 1 }, finished: true }, 'respondentId'],
      [{ respondentId: 'respondent-1', answers: [], finished: true }, 'answers'],
      [{ respondentId: 'respondent-1', answers: { score: 1 } }, 'finished'],
      [{ respondentId: 'respondent-1', answers: { score: 1 }, finished: true, hiddenFields: { a: { nested: 1 } } }, 'hiddenFields'],
      [{ respondentId: 'respondent-1', answers: { score: 1 }, finished: true, admin: true }, 'admin'],
    ])('validates the request body %j (%s)', async (body, field) => {
      const s = await liveSurvey();
      const res = await t
        .http()
        .post(`${s.path}/responses`)
        .send({ idempotencyKey: randomUUID(), ...body });
      expect(res.status).toBe(400);
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('caps the body size of the public edge', async () => {
      const s = await liveSurvey();
      const res = await t
        .http()
        .post(`${s.path}/responses`)
        .send({ idempotencyKey: randomUUID(), respondentId: rid(), answers: { comment: 'x'.repeat(70_000) }, finished: false });
      expect(res.status).toBe(413);
      expect(res.body.error.code).toBe('payload_too_large');
    });

    it('accepts JSON sent as text/plain (no CORS preflight for widgets)', async () => {
      const s = await liveSurvey();
      const res = await t
        .http()
        .post(`${s.path}/responses`)
        .set('Content-Type', 'text/plain')
        .send(JSON.stringify({ idempotencyKey: randomUUID(), respondentId: rid(), answers: { score: 10 }, finished: true }));
      expect(res.status).toBe(201);
    });
  });

  describe('recontact rules, enforced by the server', () => {
    it('does not show again within the window, and never again after a response when asked', async () => {
      const s = await liveSurvey({
        displayRules: { trigger: 'page_load', samplePercent: 100, recontactDays: 14, stopAfterResponse: true },
      });
      const respondentId = rid();
      await t.http().post(`${s.path}/displays`).send({ idempotencyKey: randomUUID(), respondentId }).expect(201);
      const config = await t.http().get(`${s.path}?respondentId=${respondentId}`).expect(200);
      expect(config.body).toMatchObject({ eligible: false, ineligibleReason: 'recontact_window' });
      const second = await t.http().post(`${s.path}/displays`).send({ idempotencyKey: randomUUID(), respondentId });
      expect(second.status).toBe(409);
      expect(second.body.error.code).toBe('recontact_window');

      await t
        .http()
        .post(`${s.path}/responses`)
        .send({ idempotencyKey: randomUUID(), respondentId, answers: { score: 8 }, finished: true })
        .expect(201);
      const another = await t
        .http()
        .post(`${s.path}/responses`)
        .send({ idempotencyKey: randomUUID(), respondentId, answers: { score: 2 }, finished: true });
      expect(another.status).toBe(409);
      expect(another.body.error.code).toBe('already_responded');
      expect(await count('responses', s.id)).toBe(1);
      // Someone else is unaffected.
      expect((await t.http().get(`${s.path}?respondentId=${rid()}`).expect(200)).body.eligible).toBe(true);
    });

    it('shows again after the window when displays are older than recontactDays', async () => {
      const s = await liveSurvey({
        displayRules: { trigger: 'page_load', samplePercent: 100, recontactDays: 7, stopAfterResponse: false },
      });
      const respondentId = rid();
      await t.http().post(`${s.path}/displays`).send({ idempotencyKey: randomUUID(), respondentId }).expect(201);
      await t
        .http()
        .post(`${s.path}/responses`)
        .send({ idempotencyKey: randomUUID(), respondentId, answers: { score: 8 }, finished: true })
        .expect(201);
      expect((await t.http().get(`${s.path}?respondentId=${respondentId}`)).body.eligible).toBe(false);
      await db().query(`UPDATE survey_displays SET created_at = now() - interval '8 days' WHERE survey_id = $1`, [s.id]);
      await db().query(`UPDATE responses SET created_at = now() - interval '8 days' WHERE survey_id = $1`, [s.id]);
      expect((await t.http().get(`${s.path}?respondentId=${respondentId}`)).body.eligible).toBe(true);
      await t.http().post(`${s.path}/displays`).send({ idempotencyKey: randomUUID(), respondentId }).expect(201);
    });
  });

  describe('origins (CORS)', () => {
    it('answers allowed origins with CORS headers, and refuses others before doing anything', async () => {
      const s = await liveSurvey({ allowedOrigins: ['https://shop.example.com', 'https://*.example.org'] });
      const preflight = await t
        .http()
        .options(`${s.path}/responses`)
        .set('Origin', 'https://shop.example.com')
        .set('Access-Control-Request-Method', 'POST');
      expect(preflight.status).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe('https://shop.example.com');
      const ok = await t.http().get(s.path).set('Origin', 'https://app.example.org').expect(200);
      expect(ok.headers['access-control-allow-origin']).toBe('https://app.example.org');
      expect(ok.headers['cross-origin-resource-policy']).toBe('cross-origin');

      const denied = await t
        .http()
        .post(`${s.path}/responses`)
        .set('Origin', 'https://evil.test')
        .send({ idempotencyKey: randomUUID(), respondentId: rid(), answers: { score: 0 }, finished: true });
      expect(denied.status).toBe(403);
      expect(denied.body.error.code).toBe('origin_not_allowed');
      expect(denied.headers['access-control-allow-origin']).toBeUndefined();
      expect(await count('responses', s.id)).toBe(0);
    });
  });

  describe('rate limits', () => {
    it('limits requests per IP with 429 and Retry-After', async () => {
      const limited = await startTestApp({ publicLimitPerIpPerMinute: 5, ingestEdge });
      try {
        const seed = await limited.seedAdmin('Limited');
        const as = await limited.login(seed.email, seed.password);
        const created = await as.post(`/api/v1/workspaces/${seed.workspaceId}/surveys`, { name: 'L', kind: 'nps' }).expect(201);
        const path = `/api/v1/public/surveys/${created.body.publicKey}`;
        const statuses: number[] = [];
        for (let i = 0; i < 7; i++) statuses.push((await limited.http().get(path)).status);
        expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
        const res = await limited.http().get(path);
        expect(res.headers['retry-after']).toMatch(/^\d+$/);
        expect(res.body.error.code).toBe('too_many_requests');
        const write = await limited
          .http()
          .post(`${path}/responses`)
          .send({ idempotencyKey: randomUUID(), respondentId: rid(), answers: { score: 1 }, finished: true });
        expect(write.status).toBe(429);
        expect(write.headers['retry-after']).toMatch(/^\d+$/);
      } finally {
        await limited.close();
      }
    });
  });

  describe('customer activity', () => {
    it('a response with a verified customer id moves their last seen; an unverified or refused one changes nothing', async () => {
      const sign = await customerSigner(asAdmin, admin.workspaceId);
      const customers = `/api/v1/workspaces/${admin.workspaceId}/customers`;
      const longAgo = '2026-01-15T00:00:00.000Z';
      for (const id of ['seen-1', 'seen-2']) await asAdmin.put(`${customers}/${id}`, { name: id, lastSeenAt: longAgo }).expect(201);
      const lastSeen = async (id: string) => new Date((await asAdmin.get(`${customers}/${id}`).expect(200)).body.lastSeenAt).getTime();
      const s = await liveSurvey();
      const answer = (customerId: string, customerHash?: string) =>
        t
          .http()
          .post(`${s.path}/responses`)
          .send({ idempotencyKey: randomUUID(), respondentId: rid(), customerId, customerHash, answers: { score: 8 }, finished: true });

      // Claimed by the page, not proven: the response is stored, the customer is not touched.
      expect((await answer('seen-1')).status).toBe(201);
      expect((await answer('seen-1', sign('seen-2'))).status).toBe(201); // a hash for someone else proves nothing
      expect(await lastSeen('seen-1')).toBe(Date.parse(longAgo));

      const before = Date.now();
      expect((await answer('seen-1', sign('seen-1'))).status).toBe(201);
      expect(await lastSeen('seen-1')).toBeGreaterThanOrEqual(before - 1000);
      expect(await lastSeen('seen-2')).toBe(Date.parse(longAgo));
      // An unknown (verified) customer is not created by a survey answer.
      expect((await answer('nobody-yet', sign('nobody-yet'))).status).toBe(201);
      expect(
        await db().query(`SELECT 1 FROM customers WHERE workspace_id = $1 AND external_id = 'nobody-yet'`, [admin.workspaceId]),
      ).toHaveLength(0);
    });
  });
}
