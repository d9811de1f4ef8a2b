import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';
import { startWebhookReceiver, WebhookReceiver } from '../support/webhook-receiver';

let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let ws: string;
let key: { keyId: string; secret: string };
let token: string;
let receiver: WebhookReceiver;

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

beforeAll(async () => {
  t = await startTestApp({ webhookAllowedNetworks: ['127.0.0.0/8'], webhookPollMs: 50 });
  admin = await t.seedAdmin('Brand Watch');
  asAdmin = await t.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
  key = (await asAdmin.post(`${ws}/mentions/ingest-keys`, { name: 'Monitoring' }).expect(201)).body;
  token = (await asAdmin.post(`${ws}/api-tokens`, { name: 'monitor', scopes: ['mentions:write', 'mentions:read'] }).expect(201)).body
    .secret;
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver.close();
  await t.close();
});

/** Signs like a sender following Standard Webhooks, independently of the server's code. */
function signed(body: string, options: { id?: string; timestamp?: number; secret?: string; keyId?: string } = {}) {
  const id = options.id ?? `msg_${randomUUID()}`;
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const secret = Buffer.from((options.secret ?? key.secret).replace(/^whsec_/, ''), 'base64');
  const signature = createHmac('sha256', secret).update(`${id}.${timestamp}.${body}`).digest('base64');
  return t
    .http()
    .post('/api/v1/ingest/mentions')
    .set('content-type', 'application/json')
    .set('otklik-key', options.keyId ?? key.keyId)
    .set('webhook-id', id)
    .set('webhook-timestamp', String(timestamp))
    .set('webhook-signature', `v1,${signature}`)
    .send(body);
}

const bulk = (mentions: object[]) => t.http().post(`${ws}/mentions/bulk`).set('Authorization', `Bearer ${token}`).send({ mentions });
const mention = (over: object = {}) => ({
  source: 'twitter',
  externalId: randomUUID(),
  text: 'Обычный пост про доставку',
  postedAt: hoursAgo(1),
  ...over,
});

describe('signed mention webhook', () => {
  it('stores a signed mention, tagged with language and sentiment', async () => {
    const body = JSON.stringify(
      mention({
        externalId: 'tw-1',
        author: '@olga',
        url: 'https://twitter.com/olga/status/1',
        text: 'Ужасный сервис, курьер опоздал на три часа и нагрубил',
        reach: 300,
      }),
    );
    const res = await signed(body).expect(200);
    expect(res.body).toMatchObject({ created: 1, existing: 0, invalid: 0, duplicates: 0 });
    expect(res.body.items[0]).toMatchObject({ status: 'created', language: 'ru', sentiment: -1, duplicateOf: null });
    const stored = (await asAdmin.get(`${ws}/mentions/${res.body.items[0].id}`).expect(200)).body;
    expect(stored).toMatchObject({
      source: 'twitter',
      externalId: 'tw-1',
      author: '@olga',
      reach: 300,
      channel: 'webhook',
      language: 'ru',
      sentiment: -1,
    });
  });

  it('refuses bad, stale, unsigned and unknown-key requests with 401, and replays with 409', async () => {
    const body = JSON.stringify(mention());
    expect((await signed(body, { secret: 'whsec_' + Buffer.alloc(24, 7).toString('base64') }).expect(401)).body.error.code).toBe(
      'bad_signature',
    );
    expect((await signed(body, { timestamp: Math.floor(Date.now() / 1000) - 600 }).expect(401)).body.error.code).toBe('stale_request');
    expect((await signed(body, { keyId: 'mik_0000000000000000' }).expect(401)).body.error.code).toBe('unknown_key');
    const unsigned = await t
      .http()
      .post('/api/v1/ingest/mentions')
      .set('content-type', 'application/json')
      .set('otklik-key', key.keyId)
      .send(body)
      .expect(401);
    expect(unsigned.body.error.code).toBe('missing_signature');
    // A body changed after signing fails.
    const id = `msg_${randomUUID()}`;
    const ts = Math.floor(Date.now() / 1000);
    const sig = createHmac('sha256', Buffer.from(key.secret.slice(6), 'base64'))
      .update(`${id}.${ts}.${body}`)
      .digest('base64');
    await t
      .http()
      .post('/api/v1/ingest/mentions')
      .set('content-type', 'application/json')
      .set('otklik-key', key.keyId)
      .set('webhook-id', id)
      .set('webhook-timestamp', String(ts))
      .set('webhook-signature', `v1,${sig}`)
      .send(body.replace('доставку', 'оплату'))
      .expect(401);
    // The same signed message twice: stored once, the replay refused.
    const replayId = `msg_${randomUUID()}`;
    await signed(body, { id: replayId, timestamp: ts }).expect(200);
    expect((await signed(body, { id: replayId, timestamp: ts }).expect(409)).body.error.code).toBe('replayed');
    const externalId = JSON.parse(body).externalId;
    const list = (await asAdmin.get(`${ws}/mentions?q=${encodeURIComponent('Обычный пост')}&limit=100`).expect(200)).body.items;
    expect(list.filter((m: { externalId: string }) => m.externalId === externalId)).toHaveLength(1);
  });

  it('validates each mention: good ones kept, bad ones reported; all bad is a 400', async () => {
    const good = mention({ externalId: 'ok-1' });
    const res = await signed(
      JSON.stringify({
        mentions: [
          good,
          { source: 'Twitter!', externalId: '', text: '', postedAt: 'yesterday' },
          { ...mention(), postedAt: new Date(Date.now() + 3 * 86_400_000).toISOString() },
        ],
      }),
    ).expect(200);
    expect(res.body).toMatchObject({ created: 1, invalid: 2 });
    expect(res.body.items[1].errors.map((e: { field: string }) => e.field).sort()).toEqual(['externalId', 'postedAt', 'source', 'text']);
    expect(res.body.items[2].errors).toEqual([{ field: 'postedAt', message: expect.stringContaining('future') }]);
    const bad = await signed(JSON.stringify([{ source: 'vk' }])).expect(400);
    expect(bad.body.error.details[0].field).toMatch(/^mentions\[0\]\./);
    await signed('{not json').expect(400);
    await signed(JSON.stringify({ mentions: [] })).expect(400);
  });
});

describe('bulk API, copies and threads', () => {
  const original = 'Курьер опоздал на три часа и даже не извинился, больше не закажу в этом магазине';

  it('links reposts, exact and near-identical copies to the original; short common phrases stay separate', async () => {
    const res = await bulk([
      mention({ externalId: 'orig', text: original, postedAt: hoursAgo(5) }),
      mention({ externalId: 'rt', text: `RT @client: ${original}`, postedAt: hoursAgo(4) }),
      mention({ source: 'vk', externalId: 'copy', text: `${original.toUpperCase()}!!! https://vk.com/x`, postedAt: hoursAgo(3) }),
      mention({
        externalId: 'near',
        text: 'Курьер опоздал на три часа и даже не извинился. Больше никогда не закажу в этом магазине',
        postedAt: hoursAgo(2),
      }),
      mention({ externalId: 'thanks-1', text: 'Спасибо большое!', postedAt: hoursAgo(2) }),
      mention({ externalId: 'thanks-2', text: 'Спасибо большое!', postedAt: hoursAgo(2) }),
    ]).expect(200);
    expect(res.body).toMatchObject({ created: 6, duplicates: 3 });
    const [orig, rt, copy, near, thanks1, thanks2] = res.body.items;
    expect(rt.duplicateOf).toBe(orig.id);
    expect(copy.duplicateOf).toBe(orig.id);
    expect(near.duplicateOf).toBe(orig.id);
    expect(thanks1.duplicateOf).toBeNull();
    expect(thanks2.duplicateOf).toBeNull();

    const detail = (await asAdmin.get(`${ws}/mentions/${orig.id}`).expect(200)).body;
    expect(detail.duplicateCount).toBe(3);
    expect(detail.duplicates.map((d: { externalId: string; duplicateKind: string }) => [d.externalId, d.duplicateKind])).toEqual([
      ['rt', 'repost'],
      ['copy', 'exact'],
      ['near', 'near'],
    ]);
    expect((await asAdmin.get(`${ws}/mentions/${rt.id}`).expect(200)).body.original.id).toBe(orig.id);

    // A repost arriving later, in another request, links to the same original.
    const later = await bulk([mention({ externalId: 'rt-2', text: `RT @other: RT @client: ${original}` })]).expect(200);
    expect(later.body.items[0].duplicateOf).toBe(orig.id);

    const listed = (await asAdmin.get(`${ws}/mentions?q=${encodeURIComponent('даже не извинился')}`).expect(200)).body.items;
    expect(listed.map((m: { externalId: string }) => m.externalId)).toEqual(['orig']);
    const withCopies = (await asAdmin.get(`${ws}/mentions?q=${encodeURIComponent('даже не извинился')}&includeDuplicates=true`).expect(200))
      .body.items;
    expect(withCopies).toHaveLength(5);
  });

  it('is idempotent by (source, externalId), across requests and inside one', async () => {
    const m = mention({ source: 'otzovik', externalId: 'review-77' });
    const first = await bulk([m, m]).expect(200);
    expect(first.body).toMatchObject({ created: 1, existing: 1 });
    expect(first.body.items[1].id).toBe(first.body.items[0].id);
    const again = await bulk([m]).expect(200);
    expect(again.body).toMatchObject({ created: 0, existing: 1 });
    expect(again.body.items[0].id).toBe(first.body.items[0].id);
  });

  it('links replies to their parent, whichever arrives first, and shows the thread', async () => {
    const reply = await bulk([
      mention({ externalId: 'reply-1', parentExternalId: 'post-1', text: 'Мы разберёмся, напишите нам в личку' }),
    ]).expect(200);
    const post = await bulk([mention({ externalId: 'post-1', text: 'Где мой заказ? Жду неделю', postedAt: hoursAgo(3) })]).expect(200);
    const nested = await bulk([mention({ externalId: 'reply-2', parentExternalId: 'reply-1', text: 'Написал, жду ответа' })]).expect(200);
    const thread = (await asAdmin.get(`${ws}/mentions/${post.body.items[0].id}`).expect(200)).body;
    expect(thread.replies.map((r: { id: string }) => r.id)).toEqual([reply.body.items[0].id]);
    const deep = (await asAdmin.get(`${ws}/mentions/${nested.body.items[0].id}`).expect(200)).body;
    expect(deep.ancestors.map((a: { externalId: string }) => a.externalId)).toEqual(['reply-1', 'post-1']);
  });

  it('tags languages and sentiment across ru, en, bg and de', async () => {
    const res = await bulk([
      mention({ externalId: 'en-1', text: 'Absolutely love the new app, support was quick and friendly!' }),
      mention({ externalId: 'bg-1', text: 'Доставката закъсня с два дни, много съм разочарована от магазина' }),
      mention({ externalId: 'de-1', text: 'Die Lieferung kam pünktlich und die Qualität ist wirklich gut' }),
      mention({ externalId: 'ru-pos', text: 'Спасибо огромное, всё пришло быстро, очень довольна 😍' }),
      mention({ externalId: 'given', text: 'ok', language: 'en' }),
    ]).expect(200);
    expect(res.body.items.map((i: { language: string }) => i.language)).toEqual(['en', 'bg', 'de', 'ru', 'en']);
    expect(res.body.items[0].sentiment).toBe(1);
    expect(res.body.items[3].sentiment).toBe(1);
  });

  it('needs the mentions:write scope and an editor role', async () => {
    const readOnly = (await asAdmin.post(`${ws}/api-tokens`, { name: 'ro', scopes: ['mentions:read'] }).expect(201)).body.secret;
    await t
      .http()
      .post(`${ws}/mentions/bulk`)
      .set('Authorization', `Bearer ${readOnly}`)
      .send({ mentions: [mention()] })
      .expect(403);
    await t.http().get(`${ws}/mentions`).set('Authorization', `Bearer ${readOnly}`).expect(200);
    const viewer = await t.createUser();
    await t.addMember(admin.workspaceId, viewer.userId, 'viewer');
    const asViewer = await t.login(viewer.email, viewer.password);
    await asViewer.post(`${ws}/mentions/bulk`, { mentions: [mention()] }).expect(403);
    await asViewer.get(`${ws}/mentions/ingest-keys`).expect(403);
  });
});

describe('triage and figures', () => {
  it('assigns to a member, marks answered, links a customer, and filters by them', async () => {
    const created = await bulk([mention({ externalId: 'triage-1', text: 'Почему списали деньги дважды? Верните!' })]).expect(200);
    const id = created.body.items[0].id;
    const analyst = await t.createUser({ name: 'Анна' });
    await t.addMember(admin.workspaceId, analyst.userId, 'analyst');
    const stranger = await t.createUser();
    const bad = await asAdmin.patch(`${ws}/mentions/${id}`, { assignedTo: stranger.userId, customerId: 'nobody' }).expect(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['assignedTo', 'customerId']);
    await asAdmin.put(`${ws}/customers/c-9`, { name: 'Pavel' }).expect(201);
    const updated = (await asAdmin.patch(`${ws}/mentions/${id}`, { assignedTo: analyst.userId, customerId: 'c-9' }).expect(200)).body;
    expect(updated).toMatchObject({ assignedTo: { id: analyst.userId, name: 'Анна' }, customerId: 'c-9', answeredAt: null });
    // The dashboard shows the linked customer by name, in the feed and the thread alike.
    expect(updated.customerName).toBe('Pavel');
    expect(
      (await asAdmin.get(`${ws}/mentions?q=${encodeURIComponent('дважды')}`).expect(200)).body.items.find(
        (m: { id: string }) => m.id === id,
      )?.customerName,
    ).toBe('Pavel');
    // The linked mention is on the customer's timeline.
    const timeline = (await asAdmin.get(`${ws}/customers/c-9/timeline?kinds=mention`).expect(200)).body;
    expect(timeline.items).toHaveLength(1);
    expect(timeline.items[0]).toMatchObject({ id: `mention:${id}`, kind: 'mention', title: 'twitter' });
    expect(timeline.items[0].details).toMatchObject({
      kind: 'mention',
      mentionId: id,
      text: 'Почему списали деньги дважды? Верните!',
      answered: false,
    });
    const asAnalyst = await t.login(analyst.email, analyst.password);
    const mine = (await asAnalyst.get(`${ws}/mentions?assigned=me`).expect(200)).body.items;
    expect(mine.map((m: { id: string }) => m.id)).toEqual([id]);
    const answered = (await asAnalyst.patch(`${ws}/mentions/${id}`, { answered: true }).expect(200)).body;
    expect(answered.answeredBy).toEqual({ id: analyst.userId, name: 'Анна' });
    expect((await asAdmin.get(`${ws}/mentions?answered=false&assigned=${analyst.userId}`).expect(200)).body.items).toHaveLength(0);
    await asAdmin.get(`${ws}/mentions?sentiment=2`).expect(400);
    await asAdmin.get(`${ws}/mentions?assigned=someone`).expect(400);
  });

  it('counts originals per day and source, leaving copies out', async () => {
    const other = await t.seedAdmin('Stats Co');
    const session = await t.login(other.email, other.password);
    const base = `/api/v1/workspaces/${other.workspaceId}`;
    const day = (d: number, h = 12) => new Date(Date.UTC(2026, 10, d, h)).toISOString();
    const texts = [
      'Ужасно, заказ потеряли и никто не отвечает в поддержке',
      'Отличный магазин, всё понравилось, спасибо',
      'Заказ пришёл сегодня утром',
    ];
    const rows = [
      { source: 'vk', externalId: 'a', text: texts[0], postedAt: day(10) },
      { source: 'vk', externalId: 'b', text: `RT @x: ${texts[0]}`, postedAt: day(10, 13) },
      { source: 'twitter', externalId: 'c', text: texts[1], postedAt: day(10, 14) },
      { source: 'twitter', externalId: 'd', text: texts[2], postedAt: day(11), reach: 50 },
      {
        source: 'twitter',
        externalId: 'e',
        text: 'Всё плохо, деньги не вернули уже месяц, жалоба отправлена',
        postedAt: day(12),
        reach: 25,
      },
    ];
    await session.post(`${base}/mentions/bulk`, { mentions: rows }).expect(200);
    const stats = (await session.get(`${base}/mentions/stats?from=${day(10, 0)}&to=${day(13, 0)}&interval=day`).expect(200)).body;
    expect(stats.totals).toEqual({ negative: 2, neutral: 1, positive: 1, total: 4 });
    expect(stats.duplicates).toBe(1);
    expect(stats.series.map((b: { total: number; negative: number }) => [b.total, b.negative])).toEqual([
      [2, 1],
      [1, 0],
      [1, 1],
    ]);
    expect(stats.bySource).toEqual([
      { source: 'twitter', negative: 1, neutral: 1, positive: 1, total: 3, share: 0.75, reach: 75 },
      { source: 'vk', negative: 1, neutral: 0, positive: 0, total: 1, share: 0.25, reach: 0 },
    ]);
    expect(stats.byLanguage).toEqual({ ru: 4 });
    expect(stats.unansweredNegative).toBe(2);
    // Other workspaces see none of it.
    await asAdmin.get(`${base}/mentions/stats`).expect(404);
  });

  it('records a spike of negative mentions once per day and sends it to webhooks', async () => {
    const other = await t.seedAdmin('Spiky');
    const session = await t.login(other.email, other.password);
    const base = `/api/v1/workspaces/${other.workspaceId}`;
    await session.post(`${base}/webhooks`, { url: receiver.url, events: ['spike.alert'] }).expect(201);
    await session.put(`${base}/mentions/settings`, { factor: 2, minCount: 3, baselineDays: 7 }).expect(200);
    await session.put(`${base}/mentions/settings`, { factor: 0.5, minCount: 3, baselineDays: 7 }).expect(400);
    const complaints = [
      'Ужасное обслуживание, больше не приду никогда',
      'Отвратительно, товар сломан и деньги не вернули',
      'Кошмар, поддержка хамит и не помогает совсем',
    ];
    const now = new Date().toISOString();
    const first = await session
      .post(`${base}/mentions/bulk`, {
        mentions: complaints.slice(0, 2).map((text, i) => ({ source: 'vk', externalId: `s${i}`, text, postedAt: now })),
      })
      .expect(200);
    expect(first.body.items.every((i: { sentiment: number }) => i.sentiment === -1)).toBe(true);
    expect((await session.get(`${base}/mentions/alerts`).expect(200)).body).toEqual([]);
    await session
      .post(`${base}/mentions/bulk`, { mentions: [{ source: 'vk', externalId: 's2', text: complaints[2], postedAt: now }] })
      .expect(200);
    const alerts = (await session.get(`${base}/mentions/alerts`).expect(200)).body;
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ day: now.slice(0, 10), negativeCount: 3, baseline: 0, factor: 2 });
    await session
      .post(`${base}/mentions/bulk`, {
        mentions: [{ source: 'vk', externalId: 's3', text: 'Ужасно, опять сломалось и никто не отвечает', postedAt: now }],
      })
      .expect(200);
    expect((await session.get(`${base}/mentions/alerts`).expect(200)).body).toHaveLength(1);
    const [hook] = await receiver.waitFor(1, (w) => w.json.type === 'spike.alert' && w.json.workspaceId === other.workspaceId);
    expect(hook.json.data).toMatchObject({ day: now.slice(0, 10), negativeCount: 3, baseline: 0, factor: 2 });
  });
});
