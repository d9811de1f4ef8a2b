import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';

// A scripted sequence with fixed times. T is Monday 2026-10-05 09:00 UTC.
const T = Date.parse('2026-10-05T09:00:00Z');
const at = (hours: number) => new Date(T + hours * 3_600_000).toISOString();

let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let ws: string;
let writeToken: string;
let readToken: string;
const ids: Record<'a' | 'b' | 'c' | 'positive', string> = { a: '', b: '', c: '', positive: '' };

const db = () => t.app.get(DataSource);
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

beforeAll(async () => {
  // No background jobs: case sync would open cases for the negative mentions on its own.
  t = await startTestApp({ backgroundJobs: false });
  admin = await t.seedAdmin('Public answers');
  asAdmin = await t.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
  writeToken = (await asAdmin.post(`${ws}/api-tokens`, { name: 'rw', scopes: ['mentions:read', 'mentions:write'] }).expect(201)).body
    .secret;
  readToken = (await asAdmin.post(`${ws}/api-tokens`, { name: 'ro', scopes: ['mentions:read'] }).expect(201)).body.secret;
  const res = await t
    .http()
    .post(`${ws}/mentions/bulk`)
    .set(bearer(writeToken))
    .send({
      mentions: [
        {
          source: 'otzovik',
          externalId: 'a',
          url: 'https://otzovik.example/review/a',
          text: 'Ужасный сервис, курьер опоздал на три часа и нагрубил',
          postedAt: at(0),
        },
        {
          source: 'vk',
          externalId: 'b',
          text: 'Отвратительно: коробка пришла мятая, половины продуктов нет, поддержка молчит',
          postedAt: at(1),
        },
        { source: 'twitter', externalId: 'c', text: 'Худшая доставка в моей жизни, холодильник сломан, еда испорчена', postedAt: at(2) },
        { source: 'twitter', externalId: 'p', text: 'Отличный сервис, всё супер, спасибо большое за вкусные рецепты!', postedAt: at(0) },
      ],
    })
    .expect(200);
  const [a, b, c, p] = res.body.items;
  expect([a.sentiment, b.sentiment, c.sentiment, p.sentiment]).toEqual([-1, -1, -1, 1]);
  Object.assign(ids, { a: a.id, b: b.id, c: c.id, positive: p.id });
});
afterAll(async () => t?.close());

const workflow = (id: string) => `${ws}/mentions/${id}/public-answer`;

describe('the public workflow of a negative mention', () => {
  it('walks answer → investigate → findings with the exact step times', async () => {
    const start = (await asAdmin.get(workflow(ids.a)).expect(200)).body;
    expect(start).toMatchObject({ revision: 0, stage: 'not_started', postedAt: at(0), answer: { done: false, at: null } });

    const answered = (
      await asAdmin
        .put(workflow(ids.a), {
          text: 'Простите нас! Уже разбираемся, написали вам в личные сообщения.',
          url: 'https://otzovik.example/review/a#reply-1',
          answeredAt: at(3),
          revision: 0,
        })
        .expect(200)
    ).body;
    expect(answered).toMatchObject({
      revision: 1,
      stage: 'answered',
      answer: { done: true, at: at(3), minutesToAnswer: 180, url: 'https://otzovik.example/review/a#reply-1', by: { id: admin.userId } },
    });
    // The public answer is an answer: the mention is marked answered at the same time, by the same person.
    const mention = (await asAdmin.get(`${ws}/mentions/${ids.a}`).expect(200)).body;
    expect(mention).toMatchObject({ answeredAt: at(3), answeredBy: { id: admin.userId }, stage: 'answered' });
    // And it is kept as a public message (recorded, not sent) with its link.
    const messages = await db().query(`SELECT channel, status, to_address, text_body FROM messages WHERE workspace_id = $1`, [
      admin.workspaceId,
    ]);
    expect(messages).toEqual([
      {
        channel: 'public',
        status: 'sent',
        to_address: 'https://otzovik.example/review/a#reply-1',
        text_body: 'Простите нас! Уже разбираемся, написали вам в личные сообщения.',
      },
    ]);

    // Investigate: open the case from the mention, then close it with its root cause (recorded at T+1d).
    const opened = (await asAdmin.post(`${ws}/mentions/${ids.a}/case`).expect(200)).body;
    expect(opened).toMatchObject({
      stage: 'investigating',
      investigation: { done: false, at: null, case: { status: 'open', rootCause: null } },
    });
    const caseId = opened.investigation.case.id;
    // A second click finds the same case.
    expect((await asAdmin.post(`${ws}/mentions/${ids.a}/case`).expect(200)).body.investigation.case.id).toBe(caseId);
    const kase = (await asAdmin.get(`${ws}/cases/${caseId}`).expect(200)).body;
    expect(kase).toMatchObject({ source: 'mention', sourceId: ids.a });
    await asAdmin
      .post(`${ws}/cases/${caseId}/close`, { rootCause: 'Courier partner overbooked routes', actionTaken: 'Moved routes' })
      .expect(200);
    await db().query(`UPDATE case_events SET created_at = $3 WHERE workspace_id = $1 AND case_id = $2 AND kind = 'closed'`, [
      admin.workspaceId,
      caseId,
      at(24),
    ]);

    const findings = (
      await asAdmin
        .put(`${workflow(ids.a)}/findings`, {
          text: 'Разобрались: партнёр перегрузил маршруты. Мы перенесли их и вернули деньги.',
          url: 'https://otzovik.example/review/a#reply-2',
          findingsAt: at(72),
          revision: 1,
        })
        .expect(200)
    ).body;
    expect(findings).toMatchObject({
      revision: 2,
      stage: 'findings_published',
      answer: { at: at(3), minutesToAnswer: 180 },
      investigation: { done: true, at: at(24), case: { id: caseId, status: 'closed', rootCause: 'Courier partner overbooked routes' } },
      findings: { done: true, at: at(72), url: 'https://otzovik.example/review/a#reply-2' },
      compensation: { done: false, at: null, pendingCount: 0 },
    });
    // Both public posts are on the case's thread now (the findings with the case).
    const onCase = await db().query(`SELECT count(*)::int AS n FROM messages WHERE workspace_id = $1 AND case_id = $2`, [
      admin.workspaceId,
      caseId,
    ]);
    expect(onCase[0].n).toBe(1);
  });

  it('keeps a step’s first time through an edit; a stale edit is 409 and changes nothing', async () => {
    const edited = (
      await asAdmin.put(workflow(ids.a), { text: 'Простите нас! Исправленный текст ответа.', answeredAt: at(10), revision: 2 }).expect(200)
    ).body;
    expect(edited).toMatchObject({ revision: 3, answer: { text: 'Простите нас! Исправленный текст ответа.', at: at(3), url: null } });

    const stale = await asAdmin.put(workflow(ids.a), { text: 'Старая вкладка', revision: 2 }).expect(409);
    expect(stale.body.error.code).toBe('stale_revision');
    const stale0 = await asAdmin.put(workflow(ids.a), { text: 'Как будто впервые', revision: 0 }).expect(409);
    expect(stale0.body.error.code).toBe('stale_revision');
    expect((await asAdmin.get(workflow(ids.a)).expect(200)).body).toMatchObject({
      revision: 3,
      answer: { text: 'Простите нас! Исправленный текст ответа.' },
    });
  });

  it('lets exactly one of two people answering at once win', async () => {
    const results = await Promise.all(
      ['Первый ответ', 'Второй ответ'].map((text) =>
        t
          .http()
          .put(workflow(ids.b))
          .set(bearer(writeToken))
          .send({ text, answeredAt: at(6), revision: 0 }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)!.body;
    expect((await asAdmin.get(workflow(ids.b)).expect(200)).body).toMatchObject({
      revision: 1,
      stage: 'answered',
      answer: { text: winner.answer.text, at: at(6), minutesToAnswer: 300, by: null },
    });
  });

  it('refuses findings before the answer, non-negative mentions, bad links and huge text; nothing changes', async () => {
    const early = await asAdmin.put(`${workflow(ids.c)}/findings`, { text: 'Итоги', revision: 0 }).expect(422);
    expect(early.body.error.code).toBe('answer_required');
    const positive = await asAdmin.put(workflow(ids.positive), { text: 'Спасибо!', revision: 0 }).expect(422);
    expect(positive.body.error.code).toBe('mention_not_negative');
    expect((await asAdmin.get(workflow(ids.positive)).expect(422)).body.error.code).toBe('mention_not_negative');
    for (const url of ['javascript:alert(1)', 'data:text/html,hi', 'ftp://example.com/x', `https://example.com/${'a'.repeat(2000)}`]) {
      const bad = await asAdmin.put(workflow(ids.c), { text: 'Ответ', url, revision: 0 }).expect(400);
      expect(bad.body.error.details[0].field).toBe('url');
    }
    await asAdmin.put(workflow(ids.c), { text: 'x'.repeat(5001), revision: 0 }).expect(400);
    await asAdmin.put(workflow(ids.c), { text: '   ', revision: 0 }).expect(400);
    await asAdmin.put(workflow(ids.c), { text: 'Ответ', answeredAt: at(-1), revision: 0 }).expect(400);
    await asAdmin
      .put(workflow(ids.c), { text: 'Ответ', answeredAt: new Date(Date.now() + 3_600_000).toISOString(), revision: 0 })
      .expect(400);
    await asAdmin.put(workflow(ids.c), { text: 'Ответ', revision: -1 }).expect(400);
    expect((await asAdmin.get(workflow(ids.c)).expect(200)).body).toMatchObject({ revision: 0, stage: 'not_started' });
  });

  it('clears findings, then the answer (not the other way round)', async () => {
    // An upper-case scheme is a valid link: kept with the scheme lower-cased (the table's CHECK is case-sensitive).
    const answered = await asAdmin
      .put(workflow(ids.c), { text: 'Временный ответ', url: 'HTTPS://Example.test/Answer', answeredAt: at(4), revision: 0 })
      .expect(200);
    expect(answered.body.answer.url).toBe('https://Example.test/Answer');
    const found = await asAdmin
      .put(`${workflow(ids.c)}/findings`, { text: 'Временные итоги', url: 'HtTp://example.test/findings', revision: 1 })
      .expect(200);
    expect(found.body.findings.url).toBe('http://example.test/findings');
    expect((await asAdmin.delete(`${workflow(ids.c)}?revision=2`).expect(422)).body.error.code).toBe('findings_recorded');
    await asAdmin.delete(`${workflow(ids.c)}/findings?revision=1`).expect(409);
    await asAdmin.delete(`${workflow(ids.c)}/findings?revision=2`).expect(200);
    const cleared = (await asAdmin.delete(`${workflow(ids.c)}?revision=3`).expect(200)).body;
    expect(cleared).toMatchObject({ revision: 4, stage: 'not_started', answer: { done: false, at: null }, findings: { done: false } });
  });

  it('lets viewers and read tokens read but not write; other workspaces see nothing', async () => {
    const viewer = await t.createUser();
    await t.addMember(admin.workspaceId, viewer.userId, 'viewer');
    const asViewer = await t.login(viewer.email, viewer.password);
    await asViewer.get(workflow(ids.a)).expect(200);
    await asViewer.get(`${ws}/mentions/public-answers/report`).expect(200);
    await asViewer.put(workflow(ids.c), { text: 'Нельзя', revision: 0 }).expect(403);
    await asViewer.post(`${ws}/mentions/${ids.c}/case`).expect(403);
    await t.http().get(workflow(ids.a)).set(bearer(readToken)).expect(200);
    await t.http().put(workflow(ids.c)).set(bearer(readToken)).send({ text: 'Нельзя', revision: 0 }).expect(403);

    // Opening a case is the cases API's write: a token needs cases:write and mentions:write.
    const token = async (...scopes: string[]) =>
      (await asAdmin.post(`${ws}/api-tokens`, { name: scopes.join(' '), scopes }).expect(201)).body.secret as string;
    const refused = await t.http().post(`${ws}/mentions/${ids.c}/case`).set(bearer(writeToken)).expect(403);
    expect(refused.body.error.code).toBe('insufficient_scope');
    await t
      .http()
      .post(`${ws}/mentions/${ids.c}/case`)
      .set(bearer(await token('cases:write')))
      .expect(403);
    const both = await token('mentions:read', 'mentions:write', 'cases:write');
    const found = (await t.http().post(`${ws}/mentions/${ids.a}/case`).set(bearer(both)).expect(200)).body;
    expect(found.investigation.case).not.toHaveProperty('rootCause');
    const casesNow = await db().query(`SELECT count(*)::int AS n FROM cases WHERE workspace_id = $1`, [admin.workspaceId]);
    expect(casesNow[0].n).toBe(1); // a's case, found again; c's was never opened

    const other = await t.seedAdmin('Another brand');
    const asOther = await t.login(other.email, other.password);
    const otherWs = `/api/v1/workspaces/${other.workspaceId}`;
    await asOther.get(`${otherWs}/mentions/${ids.a}/public-answer`).expect(404);
    await asOther.put(`${otherWs}/mentions/${ids.c}/public-answer`, { text: 'Чужое', revision: 0 }).expect(404);
    await asOther.post(`${otherWs}/mentions/${ids.c}/case`).expect(404);
    await asOther.get(`${otherWs}/mentions/${randomUUID()}/public-answer`).expect(404);
    expect((await asAdmin.get(workflow(ids.c)).expect(200)).body.revision).toBe(4);
  });
});

describe('stages on the Mentions list and the report', () => {
  it('shows each negative mention’s stage and filters by it', async () => {
    const page = (await asAdmin.get(`${ws}/mentions?limit=100`).expect(200)).body.items as { id: string; stage: string | null }[];
    const stageOf = Object.fromEntries(page.map((m) => [m.id, m.stage]));
    expect(stageOf).toEqual({ [ids.a]: 'findings_published', [ids.b]: 'answered', [ids.c]: 'not_started', [ids.positive]: null });
    const filtered = (await asAdmin.get(`${ws}/mentions?stage=not_started,answered`).expect(200)).body.items.map(
      (m: { id: string }) => m.id,
    );
    expect(filtered.sort()).toEqual([ids.b, ids.c].sort());
    await asAdmin.get(`${ws}/mentions?stage=bogus`).expect(400);
    // With the other filters, the text search's named parameter included.
    const searched = (await asAdmin.get(`${ws}/mentions?q=${encodeURIComponent('доставка')}&stage=not_started&sentiment=-1`).expect(200))
      .body.items;
    expect(searched.map((m: { id: string }) => m.id)).toEqual([ids.c]);
    expect((await asAdmin.get(`${ws}/mentions/${ids.b}`).expect(200)).body.stage).toBe('answered');
  });

  it('counts the period’s negative mentions: shares, median and p90 time to answer, weekly', async () => {
    const report = (await asAdmin.get(`${ws}/mentions/public-answers/report?from=${at(-24)}&to=${at(7 * 24)}&timeZone=UTC`).expect(200))
      .body;
    // a answered after 3 h, b after 5 h, c never; the positive mention is not counted.
    expect(report).toMatchObject({
      negative: 3,
      answered: 2,
      answeredShare: 0.6667,
      medianMinutesToAnswer: 240,
      p90MinutesToAnswer: 288,
      investigated: 1,
      investigatedShare: 0.3333,
      findingsPublished: 1,
      findingsShare: 0.3333,
    });
    expect(report.series.map((w: { day: string }) => w.day)).toEqual(['2026-09-28', '2026-10-05', '2026-10-12']);
    expect(report.series[1]).toMatchObject({ negative: 3, answered: 2, investigated: 1, findingsPublished: 1, medianMinutesToAnswer: 240 });
    expect(report.series[0]).toMatchObject({ negative: 0, answered: 0, medianMinutesToAnswer: null });

    const csv = await asAdmin.get(`${ws}/mentions/public-answers/report.csv?from=${at(-24)}&to=${at(7 * 24)}&timeZone=UTC`).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text
      .replace(/^\ufeff/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe(
      'week_start,negative,answered,answered_share_percent,median_minutes_to_answer,p90_minutes_to_answer,investigated,findings_published,compensated',
    );
    expect(lines[2]).toBe('2026-10-05,3,2,66.7,240,,1,1,0');
    expect(lines.at(-1)).toBe('total,3,2,66.7,240,288,1,1,0');
    await asAdmin.get(`${ws}/mentions/public-answers/report?from=${at(10)}&to=${at(0)}`).expect(400);
  });

  it('compensates through the mention’s case: the stage, the filter and the report’s exact share follow; tokens see amounts by scope', async () => {
    const caseId = (await asAdmin.get(workflow(ids.a)).expect(200)).body.investigation.case.id;
    await asAdmin
      .put(`${ws}/compensation/budgets`, { budgets: [{ role: 'admin', amount: '5000', currency: 'RUB', period: 'month' }] })
      .expect(200);
    const grant = (
      await asAdmin
        .post(`${ws}/cases/${caseId}/compensations`, { kind: 'refund', amount: '1500.50', reason: 'Courier three hours late' })
        .expect(201)
    ).body;
    expect(grant).toMatchObject({ status: 'approved', withinBudget: true });
    // A second grant over the budget waits for an admin.
    await asAdmin.post(`${ws}/cases/${caseId}/compensations`, { kind: 'bonus', amount: '4000', reason: 'Goodwill' }).expect(201);

    const a = (await asAdmin.get(workflow(ids.a)).expect(200)).body;
    expect(a).toMatchObject({
      stage: 'compensated',
      compensation: { done: true, approvedTotals: [{ currency: 'RUB', amount: '1500.50' }], pendingCount: 1, available: true },
    });
    const compensated = (await asAdmin.get(`${ws}/mentions?stage=compensated`).expect(200)).body.items.map((m: { id: string }) => m.id);
    expect(compensated).toEqual([ids.a]);
    expect((await asAdmin.get(`${ws}/mentions?stage=findings_published`).expect(200)).body.items).toEqual([]);

    const report = (await asAdmin.get(`${ws}/mentions/public-answers/report?from=${at(-24)}&to=${at(7 * 24)}&timeZone=UTC`).expect(200))
      .body;
    expect(report).toMatchObject({ negative: 3, compensated: 1, compensatedShare: 0.3333 });
    expect(report.series[1]).toMatchObject({ negative: 3, compensated: 1 });

    // mentions:read alone sees the step is done, not the root cause nor the amounts; with cases:read / compensation:read it does.
    const byRead = (await t.http().get(workflow(ids.a)).set(bearer(readToken)).expect(200)).body;
    expect(byRead).toMatchObject({ stage: 'compensated', compensation: { done: true }, investigation: { done: true } });
    expect(byRead.investigation.case).not.toHaveProperty('rootCause');
    expect(byRead.compensation).not.toHaveProperty('approvedTotals');
    expect(byRead.compensation).not.toHaveProperty('pendingCount');
    const wide = (
      await asAdmin.post(`${ws}/api-tokens`, { name: 'wide', scopes: ['mentions:read', 'cases:read', 'compensation:read'] }).expect(201)
    ).body.secret;
    const byWide = (await t.http().get(workflow(ids.a)).set(bearer(wide)).expect(200)).body;
    expect(byWide).toMatchObject({
      investigation: { case: { rootCause: 'Courier partner overbooked routes' } },
      compensation: { approvedTotals: [{ currency: 'RUB', amount: '1500.50' }], pendingCount: 1 },
    });
  });
});
