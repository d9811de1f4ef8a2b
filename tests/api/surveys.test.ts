import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';

let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let base: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.seedAdmin('Surveys Co');
  asAdmin = await t.login(admin.email, admin.password);
  base = `/api/v1/workspaces/${admin.workspaceId}/surveys`;
});
afterAll(() => t.close());

const customQuestions = [
  {
    id: 'channel',
    type: 'single_choice',
    required: true,
    text: { en: 'How did you hear of us?' },
    options: [
      { id: 'web', label: { en: 'Web' } },
      { id: 'friend', label: { en: 'A friend' } },
    ],
  },
  { id: 'ease', type: 'rating', required: false, text: { en: 'How easy was it?' }, scale: { min: 1, max: 5 } },
  { id: 'why', type: 'text', required: false, text: { en: 'Why?' }, maxLength: 500 },
];

describe('creating surveys', () => {
  it('creates an NPS draft with built-in questions in en, ru, bg and de', async () => {
    const res = await asAdmin
      .post(base, { name: 'Checkout NPS', kind: 'nps', touchpointName: 'Checkout', languages: ['ru', 'en', 'bg', 'de'] })
      .expect(201);
    const s = res.body;
    expect(s).toMatchObject({
      name: 'Checkout NPS',
      kind: 'nps',
      status: 'draft',
      version: 1,
      defaultLanguage: 'ru',
      touchpointName: 'Checkout',
    });
    expect(s.publicKey).toMatch(/^srv_[A-Za-z0-9]{20}$/);
    expect(s.questions[0]).toMatchObject({ id: 'score', type: 'nps', required: true });
    for (const lang of ['en', 'ru', 'bg', 'de']) expect(s.questions[0].text[lang]).toBeTruthy();
    expect(s.questions[1].textByScore.bands.map((b: { min: number; max: number }) => [b.min, b.max])).toEqual([
      [0, 6],
      [7, 8],
      [9, 10],
    ]);
    expect(s.displayRules).toEqual({ trigger: 'page_load', samplePercent: 100, recontactDays: 30, stopAfterResponse: true });
    expect(s.stats).toEqual({ displays: 0, responses: 0, finished: 0 });
  });

  it('creates CSAT 1–5 and CES 1–5 / 1–7 score questions', async () => {
    const csat = await asAdmin.post(base, { name: 'Support CSAT', kind: 'csat' }).expect(201);
    expect(csat.body.questions[0].scale).toMatchObject({ min: 1, max: 5 });
    const ces7 = await asAdmin.post(base, { name: 'CES', kind: 'ces' }).expect(201);
    expect(ces7.body.questions[0].scale).toMatchObject({ min: 1, max: 7 });
    const ces5 = await asAdmin.post(base, { name: 'CES 5', kind: 'ces', cesScale: 5 }).expect(201);
    expect(ces5.body.questions[0].scale).toMatchObject({ min: 1, max: 5 });
  });

  it('creates a custom survey from its questions', async () => {
    const res = await asAdmin.post(base, { name: 'Onboarding', kind: 'custom', questions: customQuestions }).expect(201);
    expect(res.body.questions.map((q: { id: string }) => q.id)).toEqual(['channel', 'ease', 'why']);
  });

  it.each([
    [{ name: 'x', kind: 'quiz' }, 'kind'],
    [{ name: '', kind: 'nps' }, 'name'],
    [{ name: 'x', kind: 'custom' }, 'questions'],
    [{ name: 'x', kind: 'nps', allowedOrigins: ['shop.example.com'] }, 'allowedOrigins'],
    [{ name: 'x', kind: 'nps', allowedOrigins: ['https://shop.example.com/path'] }, 'allowedOrigins'],
    [{ name: 'x', kind: 'nps', languages: ['en'], defaultLanguage: 'ru' }, 'defaultLanguage'],
    [
      { name: 'x', kind: 'nps', displayRules: { trigger: 'hover', samplePercent: 100, recontactDays: 30, stopAfterResponse: true } },
      'displayRules.trigger',
    ],
    [
      { name: 'x', kind: 'nps', displayRules: { trigger: 'page_load', samplePercent: 101, recontactDays: 30, stopAfterResponse: true } },
      'displayRules.samplePercent',
    ],
    [{ name: 'x', kind: 'nps', theme: { primaryColor: 'red', position: 'bottom-right' } }, 'theme.primaryColor'],
    [
      {
        name: 'x',
        kind: 'nps',
        questions: [{ id: 'score', type: 'rating', required: true, text: { en: 'Rate' }, scale: { min: 1, max: 5 } }],
      },
      'questions.0',
    ],
    [{ name: 'x', kind: 'custom', questions: [customQuestions[0], { ...customQuestions[0] }] }, 'questions.1.id'],
    [
      { name: 'x', kind: 'custom', questions: [{ ...customQuestions[0], options: [{ id: 'web', label: { en: 'Web' } }] }] },
      'questions.0.options',
    ],
    [{ name: 'x', kind: 'custom', questions: [{ ...customQuestions[2], text: { ru: 'Почему?' } }] }, 'questions.0.text'],
    [
      {
        name: 'x',
        kind: 'custom',
        questions: [{ ...customQuestions[2], textByScore: { scoreQuestionId: 'nope', bands: [{ min: 0, max: 6, text: { en: 'Hm' } }] } }],
      },
      'questions.0.textByScore.scoreQuestionId',
    ],
  ])('rejects %j with a message on %s, and stores nothing', async (body, field) => {
    const before = (await asAdmin.get(base).expect(200)).body.length;
    const res = await asAdmin.post(base, body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    expect((await asAdmin.get(base).expect(200)).body.length).toBe(before);
  });
});

describe('editing and versions', () => {
  it('edits a draft in place, then versions questions once live, keeping old versions', async () => {
    const created = await asAdmin.post(base, { name: 'Versioned', kind: 'csat' }).expect(201);
    const id = created.body.id;
    const reworded = structuredClone(created.body.questions);
    reworded[0].text.en = 'How happy are you with support?';
    const draftEdit = await asAdmin.patch(`${base}/${id}`, { questions: reworded }).expect(200);
    expect(draftEdit.body.version).toBe(1);

    await asAdmin.patch(`${base}/${id}`, { status: 'live' }).expect(200);
    reworded[0].text.en = 'How happy are you with our help?';
    const liveEdit = await asAdmin.patch(`${base}/${id}`, { questions: reworded }).expect(200);
    expect(liveEdit.body.version).toBe(2);
    expect(liveEdit.body.questions[0].text.en).toBe('How happy are you with our help?');

    const versions = await asAdmin.get(`${base}/${id}/versions`).expect(200);
    expect(versions.body.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions.body[1].questions[0].text.en).toBe('How happy are you with support?');

    await asAdmin.patch(`${base}/${id}`, { touchpointName: 'Support' }).expect(200);
    expect((await asAdmin.patch(`${base}/${id}`, { touchpointName: null }).expect(200)).body.touchpointName).toBeNull();

    const back = await asAdmin.patch(`${base}/${id}`, { status: 'draft' });
    expect(back.status).toBe(400);
    expect(back.body.error.details[0].field).toBe('status');
  });

  it('lets viewers read but not edit, and tokens act by scope', async () => {
    const viewer = await t.createUser();
    await t.addMember(admin.workspaceId, viewer.userId, 'viewer');
    const asViewer = await t.login(viewer.email, viewer.password);
    await asViewer.get(base).expect(200);
    expect((await asViewer.post(base, { name: 'No', kind: 'nps' })).status).toBe(403);

    const token = await asAdmin
      .post(`/api/v1/workspaces/${admin.workspaceId}/api-tokens`, { name: 'ci', scopes: ['surveys:read'] })
      .expect(201);
    const auth = { Authorization: `Bearer ${token.body.secret}` };
    await t.http().get(base).set(auth).expect(200);
    expect((await t.http().post(base).set(auth).send({ name: 'No', kind: 'nps' })).status).toBe(403);
  });
});

describe('stale edits (issue 13, item 12: survey version)', () => {
  it('refuses the second of two edits made from the same revision with 409 stale_survey; the first stays stored', async () => {
    const created = (await asAdmin.post(base, { name: 'Shared survey', kind: 'custom', questions: customQuestions }).expect(201)).body;
    const opened = await asAdmin.get(`${base}/${created.id}`).expect(200);
    const revision: number = opened.body.revision;
    expect(revision).toBe(created.revision);
    expect(opened.headers.etag).toBe(`"${revision}"`);

    // Two admins opened the same revision; the first saves a new name and questions.
    const firstQuestions = [{ ...customQuestions[0], text: { en: 'Where did you find us?' } }, customQuestions[1]];
    const first = await asAdmin
      .patch(`${base}/${created.id}`, { name: 'First admin', questions: firstQuestions, expectedRevision: revision })
      .expect(200);
    expect(first.body.revision).toBe(revision + 1);
    expect(first.headers.etag).toBe(`"${revision + 1}"`);

    const second = await asAdmin.patch(`${base}/${created.id}`, {
      name: 'Second admin',
      questions: customQuestions,
      allowedOrigins: ['https://second.example'],
      expectedRevision: revision,
    });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('stale_survey');
    expect(second.body.error.message).toMatch(/Reload/);

    const stored = (await asAdmin.get(`${base}/${created.id}`).expect(200)).body;
    expect(stored).toEqual({ ...first.body, stats: stored.stats });
    expect(stored.name).toBe('First admin');
    expect(stored.questions.map((q: { id: string }) => q.id)).toEqual(['channel', 'ease']);
    expect(stored.allowedOrigins).toEqual([]);

    // The same with the HTTP header: If-Match with the old ETag is refused, the current one passes.
    const viaHeader = await asAdmin.patch(`${base}/${created.id}`, { name: 'Header' }).set('If-Match', `"${revision}"`);
    expect(viaHeader.status).toBe(409);
    expect(viaHeader.body.error.code).toBe('stale_survey');
    await asAdmin.patch(`${base}/${created.id}`, { name: 'Header' }).set('If-Match', first.headers.etag).expect(200);
    expect((await asAdmin.patch(`${base}/${created.id}`, { name: 'x' }).set('If-Match', 'W/"abc"')).status).toBe(400);
    expect((await asAdmin.patch(`${base}/${created.id}`, { name: 'x', expectedRevision: 'one' })).status).toBe(400);
    expect((await asAdmin.get(`${base}/${created.id}`)).body.name).toBe('Header');

    // Without a token an edit applies to whatever is current (kept for existing API clients).
    const blind = await asAdmin.patch(`${base}/${created.id}`, { name: 'No token' }).expect(200);
    expect(blind.body.revision).toBe(revision + 3);
  });

  it('lets exactly one of two simultaneous edits from the same revision land', async () => {
    const created = (await asAdmin.post(base, { name: 'Race', kind: 'nps' }).expect(201)).body;
    const [a, b] = await Promise.all([
      asAdmin.patch(`${base}/${created.id}`, { name: 'A', expectedRevision: created.revision }),
      asAdmin.patch(`${base}/${created.id}`, { name: 'B', expectedRevision: created.revision }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? 'A' : 'B';
    expect((await asAdmin.get(`${base}/${created.id}`)).body).toMatchObject({ name: winner, revision: created.revision + 1 });
  });
});
