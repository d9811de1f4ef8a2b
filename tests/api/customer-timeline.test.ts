import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';
import { customerSigner } from '../support/identity';

/**
 * The customer timeline: responses and cancellations recorded through the real public endpoints, cases opened
 * and worked through the cases API, plus the customer record's own events, merged newest first with keyset
 * pages that survive equal timestamps.
 */

interface Item {
  id: string;
  kind: string;
  occurredAt: string;
  title: string | null;
  details: Record<string, unknown>;
}
interface Page {
  items: Item[];
  nextCursor: string | null;
}

let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let ws: string;
let sign: (customerId: string) => string;
const ids: Record<string, string> = {};

const db = () => t.app.get(DataSource);
const XSS = '<img src=x onerror="alert(1)">Slow & <b>rude</b>';

async function liveSurvey(as: LoggedIn, workspaceId: string, name: string, kind: string): Promise<{ id: string; key: string }> {
  const created = await as
    .post(`/api/v1/workspaces/${workspaceId}/surveys`, {
      name,
      kind,
      displayRules: { trigger: 'page_load', samplePercent: 100, recontactDays: 0, stopAfterResponse: false },
    })
    .expect(201);
  await as.patch(`/api/v1/workspaces/${workspaceId}/surveys/${created.body.id}`, { status: 'live' }).expect(200);
  return { id: created.body.id, key: created.body.publicKey };
}

async function respond(key: string, body: { customerId?: string; answers: object; finished: boolean; language?: string }): Promise<string> {
  const res = await t
    .http()
    .post(`/api/v1/public/surveys/${key}/responses`)
    .send({ idempotencyKey: randomUUID(), respondentId: `r-${randomUUID()}`, ...body })
    .expect(201);
  return res.body.responseId as string;
}

const timeline = (query = '', externalId = 'cust-tl', as: LoggedIn = asAdmin, base = ws) =>
  as.get(`${base}/customers/${encodeURIComponent(externalId)}/timeline${query}`);

async function allPages(limit: number, extra = ''): Promise<{ items: Item[]; pages: number }> {
  const items: Item[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res: { body: Page } = await timeline(`?limit=${limit}${extra}${cursor ? `&cursor=${cursor}` : ''}`).expect(200);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
    pages += 1;
    if (pages > 50) throw new Error('pagination does not end');
  } while (cursor);
  return { items, pages };
}

beforeAll(async () => {
  // Cases are opened by the tests themselves: the background sync (detractors, cancellations) is slowed to an hour.
  t = await startTestApp({ publicLimitPerIpPerMinute: 100_000, caseSyncMs: 3_600_000 });
  admin = await t.seedAdmin('Timeline Ltd');
  asAdmin = await t.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
  sign = await customerSigner(asAdmin, admin.workspaceId);

  await asAdmin
    .put(`${ws}/customers/cust-tl`, {
      name: 'Мария Иванова',
      mrr: 49,
      firstSeenAt: '2026-01-10T08:00:00.000Z',
      consents: {
        survey: { granted: true, at: '2026-01-11T09:00:00.000Z', source: 'signup form' },
        marketing: { granted: false, at: '2026-01-12T09:30:00.000Z', source: 'unsubscribe link' },
      },
    })
    .expect(201);
  await asAdmin.put(`${ws}/customers/cust-other`, { name: 'Other' }).expect(201);

  const nps = await liveSurvey(asAdmin, admin.workspaceId, 'Checkout NPS', 'nps');
  const csat = await liveSurvey(asAdmin, admin.workspaceId, 'Support CSAT', 'csat');
  ids.nps = nps.id;
  ids.csat = csat.id;
  ids.r1 = await respond(nps.key, {
    customerId: 'cust-tl',
    answers: { score: 9, comment: 'Fast delivery' },
    finished: true,
    language: 'en',
  });
  ids.r2 = await respond(csat.key, { customerId: 'cust-tl', answers: { score: 2, comment: XSS }, finished: true });
  ids.r3 = await respond(nps.key, { customerId: 'cust-tl', answers: { score: 7 }, finished: false });
  await respond(nps.key, { customerId: 'cust-other', answers: { score: 0, comment: 'not hers' }, finished: true });
  await respond(nps.key, { answers: { score: 10, comment: 'anonymous' }, finished: true });

  const flow = await asAdmin.post(`${ws}/churn/flows`, { name: 'Subscription cancel', languages: ['ru', 'en'] }).expect(201);
  ids.flow = flow.body.id;
  const submitted = await t
    .http()
    .post(`/api/v1/public/cancellation-flows/${flow.body.publicKey}/submissions`)
    .send({
      idempotencyKey: randomUUID(),
      customerId: 'cust-tl',
      customerHash: sign('cust-tl'),
      reasonKey: 'too_expensive',
      followUp: 'Цена выросла вдвое',
      offerAccepted: false,
      finished: true,
      language: 'ru',
    })
    .expect(201);
  expect(submitted.body.outcome).toBe('cancelled');
  ids.c1 = submitted.body.cancellationId;
});
afterAll(() => t.close());

describe('customer timeline', () => {
  it('merges responses, the cancellation and record events newest first, with typed details', async () => {
    const res = await timeline('', 'cust-tl', asAdmin).set('Accept-Language', 'en-GB,en;q=0.9').expect(200);
    const body = res.body as Page;
    expect(body.nextCursor).toBeNull();
    expect(body.items.map((i) => i.id)).toEqual([
      `cancellation:${ids.c1}`,
      `response:${ids.r3}`,
      `response:${ids.r2}`,
      `response:${ids.r1}`,
      expect.stringMatching(/^customer:consent:marketing:/),
      expect.stringMatching(/^customer:consent:survey:/),
      expect.stringMatching(/^customer:first_seen:/),
    ]);
    const [cancel, partial, csat, nps, marketing, survey, firstSeen] = body.items;

    expect(cancel).toMatchObject({ kind: 'cancellation', title: 'Subscription cancel' });
    expect(cancel.details).toEqual({
      kind: 'cancellation',
      cancellationId: ids.c1,
      flowId: ids.flow,
      flowName: 'Subscription cancel',
      reasonKey: 'too_expensive',
      reasonLabel: 'Too expensive',
      otherText: null,
      followUp: 'Цена выросла вдвое',
      offer: { type: 'discount', amount: 20, plan: null, text: 'Stay and get 20% off for 3 months.' },
      outcome: 'cancelled',
      mrr: 49,
      language: 'ru',
      finishedAt: expect.any(String),
    });

    expect(partial.details).toMatchObject({
      kind: 'response',
      surveyName: 'Checkout NPS',
      surveyKind: 'nps',
      score: 7,
      band: 'neutral',
      comment: null,
      finished: false,
      finishedAt: null,
    });
    expect(csat).toMatchObject({ kind: 'response', title: 'Support CSAT' });
    expect(csat.details).toMatchObject({
      responseId: ids.r2,
      surveyId: ids.csat,
      surveyKind: 'csat',
      score: 2,
      scoreScaleMax: 5,
      band: 'negative',
      comment: XSS,
      finished: true,
    });
    expect(nps.details).toEqual({
      kind: 'response',
      responseId: ids.r1,
      surveyId: ids.nps,
      surveyName: 'Checkout NPS',
      surveyKind: 'nps',
      score: 9,
      scoreScaleMax: 10,
      band: 'positive',
      comment: 'Fast delivery',
      finished: true,
      language: 'en',
      finishedAt: expect.any(String),
    });

    expect(marketing).toMatchObject({ kind: 'customer', occurredAt: '2026-01-12T09:30:00.000Z', title: null });
    expect(marketing.details).toEqual({ kind: 'customer', event: 'consent_withdrawn', consent: 'marketing', source: 'unsubscribe link' });
    expect(survey.details).toEqual({ kind: 'customer', event: 'consent_granted', consent: 'survey', source: 'signup form' });
    expect(survey.occurredAt).toBe('2026-01-11T09:00:00.000Z');
    expect(firstSeen).toMatchObject({
      occurredAt: '2026-01-10T08:00:00.000Z',
      details: { kind: 'customer', event: 'first_seen', consent: null, source: null },
    });

    // occurredAt is the record's own time, newest first.
    const [row] = await db().query(`SELECT created_at FROM responses WHERE id = $1`, [ids.r1]);
    expect(nps.occurredAt).toBe((row.created_at as Date).toISOString());
    const times = body.items.map((i) => Date.parse(i.occurredAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('labels reasons and offers in the viewer language: ?language, else Accept-Language', async () => {
    const ru = await timeline('?kinds=cancellation&language=ru').expect(200);
    expect(ru.body.items[0].details).toMatchObject({
      reasonLabel: 'Слишком дорого',
      offer: { text: 'Останьтесь — скидка 20% на 3 месяца.' },
    });
    const header = await timeline('?kinds=cancellation').set('Accept-Language', 'ru-RU,ru;q=0.9').expect(200);
    expect(header.body.items[0].details.reasonLabel).toBe('Слишком дорого');
    const unknown = await timeline('?kinds=cancellation&language=ja').expect(200);
    expect(unknown.body.items[0].details.reasonLabel).toBe('Слишком дорого'); // the flow's default language (ru)
  });

  it('filters by kinds', async () => {
    const responses = await timeline('?kinds=response').expect(200);
    expect(responses.body.items.map((i: Item) => i.id)).toEqual([`response:${ids.r3}`, `response:${ids.r2}`, `response:${ids.r1}`]);
    const two = await timeline('?kinds=cancellation,%20customer').expect(200);
    expect(two.body.items.map((i: Item) => i.kind)).toEqual(['cancellation', 'customer', 'customer', 'customer']);
  });

  it('pages with a cursor without gaps or repeats, also across equal timestamps', async () => {
    // Six more responses, then every response of the customer at one instant: only the id orders them.
    const nps = (await db().query(`SELECT public_key FROM surveys WHERE id = $1`, [ids.nps]))[0].public_key as string;
    for (let i = 0; i < 6; i++) await respond(nps, { customerId: 'cust-tl', answers: { score: i }, finished: true });
    await db().query(
      `UPDATE responses SET created_at = '2026-06-01T12:00:00.123456Z' WHERE workspace_id = $1 AND customer_external_id = 'cust-tl'`,
      [admin.workspaceId],
    );
    // The cancellation at the same instant too: equal times across sources.
    await db().query(`UPDATE cancellations SET created_at = '2026-06-01T12:00:00.123456Z' WHERE id = $1`, [ids.c1]);

    const full = (await timeline('?limit=100').expect(200)).body as Page;
    expect(full.items).toHaveLength(13);
    expect(full.nextCursor).toBeNull();
    const sameInstant = full.items.slice(0, 10);
    expect(new Set(sameInstant.map((i) => i.occurredAt))).toEqual(new Set(['2026-06-01T12:00:00.123Z']));
    // Equal instants: ids descending ("response:" > "cancellation:").
    expect(sameInstant.map((i) => i.id)).toEqual([...sameInstant.map((i) => i.id)].sort().reverse());
    expect(sameInstant.at(-1)!.id).toBe(`cancellation:${ids.c1}`);

    for (const limit of [1, 2, 3, 5, 13]) {
      const { items, pages } = await allPages(limit);
      expect(
        items.map((i) => i.id),
        `limit ${limit}`,
      ).toEqual(full.items.map((i) => i.id));
      expect(pages).toBe(Math.ceil(13 / limit));
    }
    const { items: onlyResponses, pages } = await allPages(4, '&kinds=response');
    expect(onlyResponses).toHaveLength(9);
    expect(pages).toBe(3);
    expect(new Set(onlyResponses.map((i) => i.id)).size).toBe(9);
  });

  it('refuses bad queries with 400 and names the field', async () => {
    const kind = await timeline('?kinds=response,tweet');
    expect(kind.status).toBe(400);
    expect(kind.body.error.details).toEqual([
      { field: 'kinds', message: expect.stringMatching(/^unknown kinds: tweet \(known: .*response.*cancellation.*mention.*\)$/) },
    ]);
    expect((await timeline('?kinds=,')).status).toBe(400);
    const cursor = await timeline('?cursor=not-a-cursor');
    expect(cursor.status).toBe(400);
    expect(cursor.body.error.details[0].field).toBe('cursor');
    const forged = Buffer.from(`2026-01-01T00:00:00.000000Z|response:1' OR 1=1`).toString('base64url');
    expect((await timeline(`?cursor=${forged}`)).status).toBe(400);
    const limit = await timeline('?limit=0');
    expect(limit.status).toBe(400);
    expect(limit.body.error.details[0].field).toBe('limit');
    expect((await timeline('?limit=101')).status).toBe(400);
    expect((await timeline('?language=xx_YY')).status).toBe(400);
  });

  it('answers 404 for an unknown customer and keeps other customers out', async () => {
    const missing = await timeline('', 'nobody');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('Customer not found');
    const other = (await timeline('', 'cust-other').expect(200)).body as Page;
    expect(other.items.filter((i) => i.kind === 'response').map((i) => i.details.comment)).toEqual(['not hers']);
  });

  it('never crosses workspaces', async () => {
    const beta = await t.seedAdmin('Beta');
    const asBeta = await t.login(beta.email, beta.password);
    const betaWs = `/api/v1/workspaces/${beta.workspaceId}`;
    // Another workspace cannot read this one's customer (404, existence not revealed)…
    expect((await timeline('', 'cust-tl', asBeta, ws)).status).toBe(404);
    // …and its own customer with the same external id sees only its own events.
    await asBeta.put(`${betaWs}/customers/cust-tl`, { firstSeenAt: '2026-02-01T00:00:00.000Z' }).expect(201);
    const survey = await liveSurvey(asBeta, beta.workspaceId, 'Beta NPS', 'nps');
    const betaResponse = await respond(survey.key, { customerId: 'cust-tl', answers: { score: 10 }, finished: true });
    const own = (await timeline('', 'cust-tl', asBeta, betaWs).expect(200)).body as Page;
    expect(own.items.map((i) => i.id)).toEqual([`response:${betaResponse}`, expect.stringMatching(/^customer:first_seen:/)]);
    const ours = (await timeline('?limit=100').expect(200)).body as Page;
    expect(ours.items.map((i) => i.id)).not.toContain(`response:${betaResponse}`);
    // A cursor from one workspace used in another only positions; it reveals nothing.
    const page1 = (await timeline('?limit=1').expect(200)).body as Page;
    const cross = (await timeline(`?cursor=${page1.nextCursor}`, 'cust-tl', asBeta, betaWs).expect(200)).body as Page;
    expect(cross.items.every((i) => i.id === `response:${betaResponse}` || i.kind === 'customer')).toBe(true);
  });
});

describe('cases on the customer timeline', () => {
  const caseIds: Record<string, string> = {};
  const openCase = async (as: LoggedIn, base: string, body: object) => (await as.post(`${base}/cases`, body).expect(201)).body.id as string;

  beforeAll(async () => {
    const [touchpoint] = await db().query(
      `INSERT INTO touchpoints (workspace_id, name, stage, channel, owner_id) VALUES ($1, 'Delivery', 'buying', 'chat', $2) RETURNING id`,
      [admin.workspaceId, admin.userId],
    );
    // A: opened in March, answered, closed with a root cause, reopened by a low follow-up score.
    caseIds.a = await openCase(asAdmin, ws, {
      title: 'Parcel never arrived',
      customerId: 'cust-tl',
      touchpointId: touchpoint.id,
      priority: 'high',
      ownerId: admin.userId,
      openedAt: '2026-03-01T10:00:00.000Z',
      channel: 'chat',
    });
    await asAdmin.post(`${ws}/cases/${caseIds.a}/replies`, { text: 'We are on it' }).expect(201);
    await asAdmin.post(`${ws}/cases/${caseIds.a}/replies`, { text: 'Second reply, not a milestone' }).expect(201);
    await asAdmin
      .post(`${ws}/cases/${caseIds.a}/close`, {
        rootCause: 'Courier lost the parcel',
        actionTaken: 'Resent it',
        churnReasonKey: 'poor_service',
      })
      .expect(200);
    await asAdmin.post(`${ws}/cases/${caseIds.a}/follow-up`, { score: 1 }).expect(200);
    // B: unassigned, past both SLA deadlines, opened at the very instant of the responses and the cancellation.
    caseIds.b = await openCase(asAdmin, ws, { title: 'Charged twice', customerId: 'cust-tl' });
    await db().query(
      `UPDATE cases SET opened_at = '2026-06-01T12:00:00.123456Z', owner_id = NULL, breached_first_response_at = now(), breached_resolution_at = now()
        WHERE workspace_id = $1 AND id = $2`,
      [admin.workspaceId, caseIds.b],
    );
    // Not hers: another customer's case and a case with no customer.
    caseIds.other = await openCase(asAdmin, ws, { title: 'Other customer', customerId: 'cust-other' });
    caseIds.none = await openCase(asAdmin, ws, { title: 'No customer' });
  });

  it('puts one item per case at its opening time, among the other kinds, with state, owner and key events', async () => {
    const full = (await timeline('?limit=100').expect(200)).body as Page;
    const ids = full.items.map((i) => i.id);
    expect(ids).toHaveLength(15);
    // Equal instants order by id ("response:" > "case:" > "cancellation:"); case A sits between June and January.
    expect(ids.slice(9, 15)).toEqual([
      `case:${caseIds.b}`,
      `cancellation:${ids.find((id) => id.startsWith('cancellation:'))!.slice('cancellation:'.length)}`,
      `case:${caseIds.a}`,
      expect.stringMatching(/^customer:consent:marketing:/),
      expect.stringMatching(/^customer:consent:survey:/),
      expect.stringMatching(/^customer:first_seen:/),
    ]);
    expect(ids.slice(0, 9).every((id) => id.startsWith('response:'))).toBe(true);
    expect(ids).not.toContain(`case:${caseIds.other}`);
    expect(ids).not.toContain(`case:${caseIds.none}`);

    const a = full.items.find((i) => i.id === `case:${caseIds.a}`)!;
    expect(a).toMatchObject({ kind: 'case', title: 'Parcel never arrived', occurredAt: '2026-03-01T10:00:00.000Z' });
    const [trail] = await db().query(
      `SELECT (SELECT first_responded_at FROM cases WHERE workspace_id = $1 AND id = $2) AS reply,
              max(created_at) FILTER (WHERE kind = 'closed') AS closed, max(created_at) FILTER (WHERE kind = 'reopened') AS reopened
         FROM case_events WHERE workspace_id = $1 AND case_id = $2`,
      [admin.workspaceId, caseIds.a],
    );
    expect(a.details).toEqual({
      kind: 'case',
      caseId: caseIds.a,
      number: expect.any(Number),
      title: 'Parcel never arrived',
      titleKey: null, // written by a person: shown as written
      titleParams: {},
      status: 'open',
      priority: 'high',
      source: 'manual',
      touchpointId: expect.any(String),
      touchpointName: 'Delivery',
      ownerId: admin.userId,
      ownerName: admin.name,
      reopened: true,
      firstResponseBreached: false,
      resolutionBreached: false,
      openedAt: '2026-03-01T10:00:00.000Z',
      firstRespondedAt: (trail.reply as Date).toISOString(),
      closedAt: null,
      rootCause: 'Courier lost the parcel',
      milestones: [
        { type: 'opened', at: '2026-03-01T10:00:00.000Z', rootCause: null },
        { type: 'first_reply', at: (trail.reply as Date).toISOString(), rootCause: null },
        { type: 'closed', at: (trail.closed as Date).toISOString(), rootCause: 'Courier lost the parcel' },
        { type: 'reopened', at: (trail.reopened as Date).toISOString(), rootCause: null },
      ],
    });

    const b = full.items.find((i) => i.id === `case:${caseIds.b}`)!;
    expect(b.occurredAt).toBe('2026-06-01T12:00:00.123Z');
    expect(b.details).toMatchObject({
      status: 'open',
      priority: 'normal',
      source: 'manual',
      ownerId: null,
      ownerName: null,
      touchpointName: null,
      reopened: false,
      firstResponseBreached: true,
      resolutionBreached: true,
      firstRespondedAt: null,
      closedAt: null,
      rootCause: null,
      milestones: [{ type: 'opened', at: '2026-06-01T12:00:00.123Z', rootCause: null }],
    });

    const onlyCases = (await timeline('?kinds=case').expect(200)).body as Page;
    expect(onlyCases.items.map((i) => i.id)).toEqual([`case:${caseIds.b}`, `case:${caseIds.a}`]);
  });

  it('keeps keyset pages without gaps or repeats with cases in the mix', async () => {
    const full = (await timeline('?limit=100').expect(200)).body as Page;
    for (const limit of [1, 2, 4, 7, 15]) {
      const { items, pages } = await allPages(limit);
      expect(
        items.map((i) => i.id),
        `limit ${limit}`,
      ).toEqual(full.items.map((i) => i.id));
      expect(pages).toBe(Math.ceil(15 / limit));
    }
    const { items } = await allPages(1, '&kinds=case,cancellation');
    expect(items.map((i) => i.kind)).toEqual(['case', 'cancellation', 'case']);
  });

  it('shows an API token only the kinds its scopes may read (cases need cases:read)', async () => {
    const tokenWith = async (scopes: string[]) =>
      (await asAdmin.post(`${ws}/api-tokens`, { name: `timeline ${scopes.join(' ')}`, scopes }).expect(201)).body.secret as string;
    const read = (secret: string, query = '?limit=100') =>
      t.http().get(`${ws}/customers/cust-tl/timeline${query}`).set('authorization', `Bearer ${secret}`);
    const customersOnly = await tokenWith(['customers:read']);
    const kinds = new Set(((await read(customersOnly).expect(200)).body as Page).items.map((i) => i.kind));
    expect([...kinds].sort()).toEqual(['cancellation', 'customer']);
    const refused = await read(customersOnly, '?kinds=case').expect(403);
    expect(refused.body.error.message).toMatch(/case needs cases:read/);
    const withCases = await tokenWith(['customers:read', 'cases:read', 'responses:read']);
    const all = ((await read(withCases).expect(200)).body as Page).items.map((i) => i.id);
    expect(all).toEqual(((await timeline('?limit=100').expect(200)).body as Page).items.map((i) => i.id));
  });

  it("never shows another workspace's cases", async () => {
    const beta = await t.seedAdmin('Beta cases');
    const asBeta = await t.login(beta.email, beta.password);
    const betaWs = `/api/v1/workspaces/${beta.workspaceId}`;
    await asBeta.put(`${betaWs}/customers/cust-tl`, { firstSeenAt: '2026-02-01T00:00:00.000Z' }).expect(201);
    const betaCase = await openCase(asBeta, betaWs, { title: 'Beta problem', customerId: 'cust-tl', openedAt: '2026-03-01T10:00:00.000Z' });
    const ours = (await timeline('?limit=100&kinds=case').expect(200)).body as Page;
    expect(ours.items.map((i) => i.id)).toEqual([`case:${caseIds.b}`, `case:${caseIds.a}`]);
    const theirs = (await timeline('?limit=100', 'cust-tl', asBeta, betaWs).expect(200)).body as Page;
    expect(theirs.items.map((i) => i.id)).toEqual([`case:${betaCase}`, expect.stringMatching(/^customer:first_seen:/)]);
  });
});

describe('orders and payments on the customer timeline', () => {
  // Its own workspace: orders move the colour status, which would add status moves to the lists above.
  let buyerWs: string;
  let asBuyer: LoggedIn;
  const buyerTimeline = (query: string, externalId = 'buyer') =>
    asBuyer.get(`${buyerWs}/customers/${encodeURIComponent(externalId)}/timeline${query}`);
  const events = [
    {
      customerExternalId: 'buyer',
      eventId: 'o-1',
      kind: 'order',
      name: 'invoice-1001',
      amount: 1250.5,
      currency: 'RUB',
      occurredAt: '2026-03-02T10:00:00.000Z',
    },
    {
      customerExternalId: 'buyer',
      eventId: 'p-1',
      kind: 'payment',
      amount: 1250.5,
      currency: 'RUB',
      occurredAt: '2026-03-05T09:15:00.000Z',
    },
    { customerExternalId: 'buyer', eventId: 'o-2', kind: 'order', amount: 99.99, currency: 'EUR', occurredAt: '2026-04-10T12:00:00.000Z' },
    // Not on the timeline: a login, a named event, and another customer's order.
    { customerExternalId: 'buyer', eventId: 'l-1', kind: 'login', occurredAt: '2026-04-11T08:00:00.000Z' },
    { customerExternalId: 'buyer', eventId: 'e-1', kind: 'event', name: 'report_exported', occurredAt: '2026-04-12T08:00:00.000Z' },
    {
      customerExternalId: 'someone-else',
      eventId: 'o-3',
      kind: 'order',
      amount: 10,
      currency: 'RUB',
      occurredAt: '2026-04-13T08:00:00.000Z',
    },
  ];

  beforeAll(async () => {
    const owner = await t.seedAdmin('Orders Ltd');
    asBuyer = await t.login(owner.email, owner.password);
    buyerWs = `/api/v1/workspaces/${owner.workspaceId}`;
    await asBuyer.put(`${buyerWs}/customers/buyer`, { name: 'Buyer', firstSeenAt: '2026-01-05T00:00:00.000Z' }).expect(201);
    await asBuyer.put(`${buyerWs}/customers/someone-else`, { name: 'Someone else' }).expect(201);
    const stored = await asBuyer.post(`${buyerWs}/customers/activity/bulk`, { events }).expect(200);
    expect(stored.body).toEqual({ created: 6, unchanged: 0, errors: [] });
    // A repeat of the first order changes nothing (idempotent by event id): still one entry.
    const { customerExternalId: _buyer, ...firstOrder } = events[0];
    await asBuyer.post(`${buyerWs}/customers/buyer/activity`, firstOrder).expect(200);
  });

  it('lists orders and payments newest first with amount and currency, and nothing else of the activity', async () => {
    const page = (await buyerTimeline('?kinds=activity').expect(200)).body as Page;
    expect(page.nextCursor).toBeNull();
    const rows = await db().query(`SELECT id, event_id FROM customer_activity WHERE event_id IN ('o-1', 'p-1', 'o-2')`);
    const id = Object.fromEntries(rows.map((r: { id: string; event_id: string }) => [r.event_id, r.id]));
    expect(page.items).toEqual([
      {
        id: `activity:${id['o-2']}`,
        kind: 'activity',
        occurredAt: '2026-04-10T12:00:00.000Z',
        title: null,
        details: { kind: 'activity', activityId: id['o-2'], eventId: 'o-2', activity: 'order', name: null, amount: 99.99, currency: 'EUR' },
      },
      {
        id: `activity:${id['p-1']}`,
        kind: 'activity',
        occurredAt: '2026-03-05T09:15:00.000Z',
        title: null,
        details: {
          kind: 'activity',
          activityId: id['p-1'],
          eventId: 'p-1',
          activity: 'payment',
          name: null,
          amount: 1250.5,
          currency: 'RUB',
        },
      },
      {
        id: `activity:${id['o-1']}`,
        kind: 'activity',
        occurredAt: '2026-03-02T10:00:00.000Z',
        title: 'invoice-1001',
        details: {
          kind: 'activity',
          activityId: id['o-1'],
          eventId: 'o-1',
          activity: 'order',
          name: 'invoice-1001',
          amount: 1250.5,
          currency: 'RUB',
        },
      },
    ]);
    // Among the other kinds by default, in time order with the record's first_seen (2026-01-05) last.
    const all = ((await buyerTimeline('?limit=100').expect(200)).body as Page).items;
    expect(all.filter((i) => i.kind === 'activity').map((i) => i.id)).toEqual(page.items.map((i) => i.id));
    expect(all.at(-1)!.id).toMatch(/^customer:first_seen:/);
    const times = all.map((i) => Date.parse(i.occurredAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    // The other customer sees only their own order.
    const theirs = ((await buyerTimeline('?kinds=activity', 'someone-else').expect(200)).body as Page).items;
    expect(theirs.map((i) => i.details.eventId)).toEqual(['o-3']);
  });

  it('pages by cursor across equal times, shows to a customers:read token, and never crosses workspaces', async () => {
    // A second payment at the first order's instant: only the id orders the two.
    await asBuyer
      .post(`${buyerWs}/customers/buyer/activity`, {
        eventId: 'p-2',
        kind: 'payment',
        amount: 5,
        currency: 'RUB',
        occurredAt: '2026-03-02T10:00:00.000Z',
      })
      .expect(201);
    const full = ((await buyerTimeline('?kinds=activity').expect(200)).body as Page).items.map((i) => i.id);
    expect(full).toHaveLength(4);
    expect(full.slice(2)).toEqual([...full.slice(2)].sort().reverse());
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const body = (await buyerTimeline(`?kinds=activity&limit=1${cursor ? `&cursor=${cursor}` : ''}`).expect(200)).body as Page;
      paged.push(...body.items.map((i) => i.id));
      cursor = body.nextCursor;
    } while (cursor && paged.length < 10);
    expect(paged).toEqual(full);

    const secret = (await asBuyer.post(`${buyerWs}/api-tokens`, { name: 'read', scopes: ['customers:read'] }).expect(201)).body
      .secret as string;
    const byToken = await t
      .http()
      .get(`${buyerWs}/customers/buyer/timeline?kinds=activity`)
      .set('authorization', `Bearer ${secret}`)
      .expect(200);
    expect((byToken.body as Page).items.map((i) => i.id)).toEqual(full);

    // The first workspace's customer has no orders, and cannot read this one's buyer.
    expect(((await timeline('?kinds=activity').expect(200)).body as Page).items).toEqual([]);
    expect((await timeline('?kinds=activity', 'buyer')).status).toBe(404);
  });
});
