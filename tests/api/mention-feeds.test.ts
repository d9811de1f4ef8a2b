import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/feeds', name), 'utf8');
const RSS = fixture('reviews.rss.xml');
const RSS_WITH_NEW_ITEM = RSS.replace('  </channel>', `${fixture('reviews-new-item.rss.xml')}  </channel>`);
const ATOM = fixture('app-reviews.atom.xml');
const ATOM_LAST_MODIFIED = 'Sun, 29 Nov 2026 08:00:00 GMT';

/** A loopback feed server: RSS with ETags, Atom with Last-Modified, a broken feed, failures and redirects. */
interface FeedServer {
  url: string;
  requests: { path: string; headers: IncomingHttpHeaders; status: number }[];
  state: { rssVersion: 1 | 2; flakyOk: boolean; bgVersion: 1 | 2 };
  hits(path: string): { path: string; headers: IncomingHttpHeaders; status: number }[];
  close(): Promise<void>;
}

async function startFeedServer(): Promise<FeedServer> {
  const requests: FeedServer['requests'] = [];
  const state: FeedServer['state'] = { rssVersion: 1, flakyOk: false, bgVersion: 1 };
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const send = (status: number, body = '', headers: Record<string, string> = {}) => {
      requests.push({ path, headers: req.headers, status });
      res.writeHead(status, headers);
      res.end(body);
    };
    const rss = { 'content-type': 'application/rss+xml; charset=utf-8' };
    switch (path) {
      case '/rss.xml':
      case '/bg.xml': {
        const version = path === '/rss.xml' ? state.rssVersion : state.bgVersion;
        const etag = `"${path.slice(1, 3)}-v${version}"`;
        if (req.headers['if-none-match'] === etag) return send(304, '', { etag });
        return send(200, version === 1 ? RSS : RSS_WITH_NEW_ITEM, { ...rss, etag });
      }
      case '/atom.xml':
        if (req.headers['if-modified-since'] === ATOM_LAST_MODIFIED) return send(304);
        return send(200, ATOM, { 'content-type': 'application/atom+xml', 'last-modified': ATOM_LAST_MODIFIED });
      case '/broken.xml':
        return send(200, fixture('broken.xml'), rss);
      case '/error':
        return send(500, 'Internal Server Error', { 'content-type': 'text/plain' });
      case '/flaky':
        return state.flakyOk ? send(200, RSS, rss) : send(503, 'down for maintenance');
      case '/json':
        return send(200, '{"items": []}', { 'content-type': 'application/json' });
      case '/not-a-feed.xml':
        return send(200, '<?xml version="1.0"?><note><to>Tove</to></note>', { 'content-type': 'text/xml' });
      case '/redirect':
        return send(302, '', { location: '/atom.xml' });
      case '/redirect-private':
        return send(302, '', { location: 'http://10.1.2.3/feed.xml' });
      case '/huge':
        return send(
          200,
          `<?xml version="1.0"?><rss version="2.0"><channel><title>${'x'.repeat(6 * 1024 * 1024)}</title></channel></rss>`,
          rss,
        );
      case '/loop':
        return send(302, '', { location: '/loop' });
      default:
        return send(404, 'not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    state,
    hits: (path) => requests.filter((r) => r.path === path),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let ws: string;
let feeds: FeedServer;

beforeAll(async () => {
  feeds = await startFeedServer();
  t = await startTestApp({ webhookAllowedNetworks: ['127.0.0.0/8'], feedPollMs: 50, feedTimeoutMs: 3_000 });
  admin = await t.seedAdmin('Feeds Ltd');
  asAdmin = await t.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
});
afterAll(async () => {
  await t.close();
  await feeds.close();
});

const db = () => t.app.get(DataSource);

interface StoredMention {
  externalId: string;
  url: string | null;
  author: string | null;
  text: string;
  language: string;
  sentiment: number;
  postedAt: string;
  channel: string;
  feedId: string | null;
}

async function mentionsOf(source: string): Promise<StoredMention[]> {
  const rows = await db().query(
    `SELECT external_id AS "externalId", url, author, text, language, sentiment, posted_at AS "postedAt", channel, feed_id AS "feedId"
       FROM mentions WHERE workspace_id = $1 AND source = $2 ORDER BY posted_at, external_id`,
    [admin.workspaceId, source],
  );
  return rows.map((r: StoredMention & { postedAt: Date }) => ({ ...r, postedAt: r.postedAt.toISOString() }));
}

/** A feed polled only when the test asks ("poll now" works on disabled feeds), so the background poller stays out. */
async function manualFeed(path: string, source: string, extra: object = {}): Promise<{ id: string }> {
  return (
    await asAdmin
      .post(`${ws}/mentions/feeds`, { url: `${feeds.url}${path}`, name: `Feed ${source}`, source, enabled: false, ...extra })
      .expect(201)
  ).body;
}

const pollNow = async (id: string) => (await asAdmin.post(`${ws}/mentions/feeds/${id}/poll`).expect(200)).body;
const minutesBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000;

async function waitUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('RSS feed', () => {
  it('ingests RSS 2.0 items as tagged mentions, answers 304 with not_modified, and picks up a new item', async () => {
    const feed = await manualFeed('/rss.xml', 'otzovik');
    expect(feed).toMatchObject({
      source: 'otzovik',
      enabled: false,
      pollIntervalMinutes: 15,
      lastStatus: null,
      consecutiveFailures: 0,
      itemsIngested: 0,
    });

    const first = await pollNow(feed.id);
    expect(first).toMatchObject({ status: 'ok', created: 3, existing: 0, invalid: 0, error: null });
    expect(first.feed).toMatchObject({ lastStatus: 'ok', lastError: null, consecutiveFailures: 0, itemsIngested: 3 });
    expect(minutesBetween(first.feed.lastPolledAt, first.feed.nextPollAt)).toBeCloseTo(15, 3);
    expect(feeds.hits('/rss.xml')[0].headers['if-none-match']).toBeUndefined();

    const stored = await mentionsOf('otzovik');
    const noDate = stored.find((m) => m.externalId === createHash('sha1').update('Спасибо за быстрый ответ\n').digest('hex'))!;
    expect(stored.filter((m) => m !== noDate)).toEqual([
      {
        externalId: 'otz-1001',
        url: 'https://reviews.example/otz/1001',
        author: 'Ольга',
        text: 'Ужасная доставка — Курьер опоздал на три часа и нагрубил. Ужасный сервис, больше «никогда» не закажу!',
        language: 'ru',
        sentiment: -1,
        postedAt: '2026-11-30T06:15:00.000Z',
        channel: 'feed',
        feedId: feed.id,
      },
      {
        externalId: 'https://reviews.example/otz/1002',
        url: 'https://reviews.example/otz/1002',
        author: 'john@example.com (John Smith)',
        text: 'Great support team — Absolutely love the new app, support was quick & friendly! Five stars.',
        language: 'en',
        sentiment: 1,
        postedAt: '2026-12-01T12:00:00.000Z',
        channel: 'feed',
        feedId: feed.id,
      },
    ]);
    // No date in the item: stamped with the poll time.
    expect(noDate).toMatchObject({
      url: null,
      author: null,
      language: 'ru',
      sentiment: 1,
      text: 'Спасибо за быстрый ответ — Спасибо огромное, всё пришло быстро, очень довольна',
    });
    expect(Math.abs(Date.parse(noDate.postedAt) - Date.parse(first.feed.lastPolledAt))).toBeLessThan(60_000);

    const second = await pollNow(feed.id);
    expect(feeds.hits('/rss.xml')[1]).toMatchObject({ status: 304, headers: { 'if-none-match': '"rs-v1"' } });
    expect(second).toMatchObject({ status: 'not_modified', created: 0, existing: 0, error: null });
    expect(second.feed).toMatchObject({ lastStatus: 'not_modified', itemsIngested: 3, consecutiveFailures: 0 });
    expect(await mentionsOf('otzovik')).toHaveLength(3);

    feeds.state.rssVersion = 2;
    const third = await pollNow(feed.id);
    expect(feeds.hits('/rss.xml')[2]).toMatchObject({ status: 200, headers: { 'if-none-match': '"rs-v1"' } });
    expect(third).toMatchObject({ status: 'ok', created: 1, existing: 3, invalid: 0 });
    expect(third.feed.itemsIngested).toBe(4);
    const added = (await mentionsOf('otzovik')).find((m) => m.externalId === 'otz-1004');
    expect(added).toMatchObject({
      text: 'Новый отзыв о заказе — Заказ пришёл вовремя, упаковка целая',
      postedAt: '2026-12-01T15:30:00.000Z',
      language: 'ru',
    });

    // The new ETag is kept for the next conditional GET.
    expect((await pollNow(feed.id)).status).toBe('not_modified');
    expect(feeds.hits('/rss.xml')[3]).toMatchObject({ status: 304, headers: { 'if-none-match': '"rs-v2"' } });
    expect(await mentionsOf('otzovik')).toHaveLength(4);
  });
});

describe('Atom feed', () => {
  it('ingests Atom 1.0 entries and sends If-Modified-Since from Last-Modified', async () => {
    const feed = await manualFeed('/atom.xml', 'app-reviews');
    const first = await pollNow(feed.id);
    expect(first).toMatchObject({ status: 'ok', created: 2, existing: 0 });
    expect(await mentionsOf('app-reviews')).toEqual([
      {
        externalId: 'tag:reviews.example,2026:atom-2',
        url: `${feeds.url}/atom/2`,
        author: 'Jane Doe',
        text: 'Fast delivery — Delivery was fast and the courier was very polite — thank you!',
        language: 'en',
        sentiment: 1,
        postedAt: '2026-11-28T10:00:00.000Z',
        channel: 'feed',
        feedId: feed.id,
      },
      {
        externalId: 'tag:reviews.example,2026:atom-1',
        url: 'https://reviews.example/app/1',
        author: 'Иван Петров',
        text: 'Приложение постоянно падает — После обновления приложение вылетает при оплате, деньги списались дважды',
        language: 'ru',
        sentiment: -1,
        postedAt: '2026-11-29T04:30:00.000Z',
        channel: 'feed',
        feedId: feed.id,
      },
    ]);
    expect((await pollNow(feed.id)).status).toBe('not_modified');
    expect(feeds.hits('/atom.xml').at(-1)).toMatchObject({ status: 304, headers: { 'if-modified-since': ATOM_LAST_MODIFIED } });
  });

  it('follows a redirect, refuses one to a private address, and stops redirect loops', async () => {
    const redirected = await manualFeed('/redirect', 'redirected');
    expect(await pollNow(redirected.id)).toMatchObject({ status: 'ok', created: 2 });
    // Relative links resolve against the URL the feed was finally read from.
    expect((await mentionsOf('redirected')).map((m) => m.url)).toContain(`${feeds.url}/atom/2`);

    const toPrivate = await manualFeed('/redirect-private', 'private-hop');
    expect(await pollNow(toPrivate.id)).toMatchObject({ status: 'error', created: 0, error: 'refused: 10.1.2.3 is a private address' });
    const loop = await manualFeed('/loop', 'looping');
    expect(await pollNow(loop.id)).toMatchObject({ status: 'error', error: 'too many redirects (more than 3)' });
    expect(feeds.hits('/loop')).toHaveLength(4);
  });
});

describe('failing feeds', () => {
  it('marks a broken feed as an error and backs off exponentially', async () => {
    const feed = await manualFeed('/broken.xml', 'broken');
    const first = await pollNow(feed.id);
    expect(first.status).toBe('error');
    expect(first.error).toMatch(/^invalid feed XML: /);
    expect(first.feed).toMatchObject({ lastStatus: 'error', lastError: first.error, consecutiveFailures: 1, itemsIngested: 0 });
    expect(minutesBetween(first.feed.lastPolledAt, first.feed.nextPollAt)).toBeCloseTo(30, 3);
    const second = await pollNow(feed.id);
    expect(second.feed.consecutiveFailures).toBe(2);
    expect(minutesBetween(second.feed.lastPolledAt, second.feed.nextPollAt)).toBeCloseTo(60, 3);
    const third = await pollNow(feed.id);
    expect(minutesBetween(third.feed.lastPolledAt, third.feed.nextPollAt)).toBeCloseTo(120, 3);
    expect(await mentionsOf('broken')).toHaveLength(0);
    const listed = (await asAdmin.get(`${ws}/mentions/feeds`).expect(200)).body.find((f: { id: string }) => f.id === feed.id);
    expect(listed).toMatchObject({ lastStatus: 'error', consecutiveFailures: 3, lastError: first.error });
  });

  it('reports HTTP errors, then recovers: failures reset and the normal interval returns', async () => {
    const failing = await manualFeed('/error', 'http-error');
    expect(await pollNow(failing.id)).toMatchObject({ status: 'error', error: 'the feed answered HTTP 500' });

    const flaky = await manualFeed('/flaky', 'flaky', { pollIntervalMinutes: 5 });
    const down = await pollNow(flaky.id);
    expect(down).toMatchObject({ status: 'error', error: 'the feed answered HTTP 503', feed: { consecutiveFailures: 1 } });
    expect(minutesBetween(down.feed.lastPolledAt, down.feed.nextPollAt)).toBeCloseTo(10, 3);
    expect((await pollNow(flaky.id)).feed.consecutiveFailures).toBe(2);
    feeds.state.flakyOk = true;
    const up = await pollNow(flaky.id);
    expect(up).toMatchObject({
      status: 'ok',
      created: 3,
      error: null,
      feed: { lastStatus: 'ok', lastError: null, consecutiveFailures: 0, itemsIngested: 3 },
    });
    expect(minutesBetween(up.feed.lastPolledAt, up.feed.nextPollAt)).toBeCloseTo(5, 3);
  });

  it('says clearly when the answer is not XML or not a feed', async () => {
    expect((await pollNow((await manualFeed('/json', 'json')).id)).error).toBe('the answer is not XML (expected an RSS or Atom feed)');
    expect((await pollNow((await manualFeed('/not-a-feed.xml', 'note')).id)).error).toBe('the XML is not an RSS or Atom feed');
    expect((await pollNow((await manualFeed('/missing', 'missing')).id)).error).toBe('the feed answered HTTP 404');
    expect((await pollNow((await manualFeed('/huge', 'huge')).id)).error).toBe('the feed is larger than 5 MB');
  });
});

describe('managing feeds', () => {
  it('validates input: URL (SSRF guard at save time), source slug, interval, duplicates', async () => {
    const bad = async (body: object, field: string, fragment: string) => {
      const res = await asAdmin.post(`${ws}/mentions/feeds`, { name: 'x', ...body }).expect(400);
      const detail = res.body.error.details.find((d: { field: string }) => d.field === field);
      expect(detail?.message).toContain(fragment);
    };
    await bad(
      { url: 'http://10.1.2.3/feed.xml' },
      'url',
      'non-public address (10.1.2.3 is a private address); feeds only call public addresses',
    );
    await bad({ url: 'http://[::1]:8080/feed.xml' }, 'url', '::1 is a loopback address');
    await bad({ url: 'http://169.254.169.254/latest' }, 'url', 'link-local');
    await bad({ url: 'ftp://example.com/feed.xml' }, 'url', 'https://');
    await bad({ url: 'not a url' }, 'url', 'absolute URL');
    await bad({ url: `${feeds.url}/rss.xml?x=1`, source: 'Bad Slug' }, 'source', 'lower-case slug');
    await bad({ url: `${feeds.url}/rss.xml?x=1`, pollIntervalMinutes: 4 }, 'pollIntervalMinutes', 'from 5 to 1440');
    await bad({ url: `${feeds.url}/rss.xml?x=1`, pollIntervalMinutes: 1441 }, 'pollIntervalMinutes', 'from 5 to 1440');
    await asAdmin.post(`${ws}/mentions/feeds`, { url: `${feeds.url}/rss.xml?x=1` }).expect(400);
    await manualFeed('/rss.xml?dup=1', 'dup');
    const duplicate = await asAdmin.post(`${ws}/mentions/feeds`, { url: `${feeds.url}/rss.xml?dup=1`, name: 'again' }).expect(409);
    expect(duplicate.body.error.code).toBe('duplicate_url');
  });

  it('edits a feed: a new URL forgets the old ETag and failures; deleting keeps its mentions', async () => {
    const feed = await manualFeed('/error?edit=1', 'edited');
    await pollNow(feed.id);
    const patched = await asAdmin
      .patch(`${ws}/mentions/feeds/${feed.id}`, { url: `${feeds.url}/atom.xml?edited=1`, name: 'Renamed', pollIntervalMinutes: 60 })
      .expect(200);
    expect(patched.body).toMatchObject({ name: 'Renamed', pollIntervalMinutes: 60, consecutiveFailures: 0, enabled: false });
    expect(Date.parse(patched.body.nextPollAt)).toBeLessThanOrEqual(Date.now() + 1000);
    expect(await pollNow(feed.id)).toMatchObject({ status: 'ok', created: 2 });
    await asAdmin.patch(`${ws}/mentions/feeds/${feed.id}`, { url: 'http://10.0.0.5/x' }).expect(400);
    await asAdmin.patch(`${ws}/mentions/feeds/${feed.id}`, { pollIntervalMinutes: 2 }).expect(400);
    // Null is refused with a message, not stored or ignored.
    const nulls = await asAdmin.patch(`${ws}/mentions/feeds/${feed.id}`, { name: null, pollIntervalMinutes: null }).expect(400);
    expect(nulls.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['name', 'pollIntervalMinutes']);
    expect((await asAdmin.get(`${ws}/mentions/feeds/${feed.id}`).expect(200)).body).toMatchObject({
      name: 'Renamed',
      pollIntervalMinutes: 60,
    });
    await asAdmin.delete(`${ws}/mentions/feeds/${feed.id}`).expect(204);
    await asAdmin.get(`${ws}/mentions/feeds/${feed.id}`).expect(404);
    await asAdmin.post(`${ws}/mentions/feeds/${feed.id}/poll`).expect(404);
    expect(await mentionsOf('edited')).toHaveLength(2);
  });

  it('lets admins and analysts manage feeds, viewers and read-only tokens only list them', async () => {
    const feed = await manualFeed('/rss.xml?roles=1', 'roles');
    const analyst = await t.createUser();
    await t.addMember(admin.workspaceId, analyst.userId, 'analyst');
    const asAnalyst = await t.login(analyst.email, analyst.password);
    await asAnalyst.patch(`${ws}/mentions/feeds/${feed.id}`, { name: 'By analyst' }).expect(200);
    const viewer = await t.createUser();
    await t.addMember(admin.workspaceId, viewer.userId, 'viewer');
    const asViewer = await t.login(viewer.email, viewer.password);
    expect((await asViewer.get(`${ws}/mentions/feeds`).expect(200)).body.map((f: { id: string }) => f.id)).toContain(feed.id);
    await asViewer.post(`${ws}/mentions/feeds`, { url: `${feeds.url}/rss.xml?viewer=1`, name: 'no' }).expect(403);
    await asViewer.post(`${ws}/mentions/feeds/${feed.id}/poll`).expect(403);
    const readOnly = (await asAdmin.post(`${ws}/api-tokens`, { name: 'ro', scopes: ['mentions:read'] }).expect(201)).body.secret;
    await t.http().get(`${ws}/mentions/feeds`).set('Authorization', `Bearer ${readOnly}`).expect(200);
    await t.http().delete(`${ws}/mentions/feeds/${feed.id}`).set('Authorization', `Bearer ${readOnly}`).expect(403);
    const writer = (await asAdmin.post(`${ws}/api-tokens`, { name: 'rw', scopes: ['mentions:read', 'mentions:write'] }).expect(201)).body
      .secret;
    await t.http().patch(`${ws}/mentions/feeds/${feed.id}`).set('Authorization', `Bearer ${writer}`).send({ name: 'By token' }).expect(200);
  });

  it('keeps feeds to their workspace', async () => {
    const feed = await manualFeed('/rss.xml?tenant=1', 'tenant');
    const other = await t.seedAdmin('Other Ltd');
    const asOther = await t.login(other.email, other.password);
    const otherWs = `/api/v1/workspaces/${other.workspaceId}`;
    expect((await asOther.get(`${otherWs}/mentions/feeds`).expect(200)).body).toEqual([]);
    await asOther.get(`${otherWs}/mentions/feeds/${feed.id}`).expect(404);
    await asOther.patch(`${otherWs}/mentions/feeds/${feed.id}`, { name: 'stolen' }).expect(404);
    await asOther.post(`${otherWs}/mentions/feeds/${feed.id}/poll`).expect(404);
    await asOther.delete(`${otherWs}/mentions/feeds/${feed.id}`).expect(404);
    await asOther.get(`${ws}/mentions/feeds`).expect(404);
    // The same URL is free in another workspace.
    await asOther.post(`${otherWs}/mentions/feeds`, { url: `${feeds.url}/rss.xml?tenant=1`, name: 'mine', enabled: false }).expect(201);
    expect((await asAdmin.get(`${ws}/mentions/feeds/${feed.id}`).expect(200)).body.name).toBe('Feed tenant');
  });
});

describe('without loopback allowed (production defaults)', () => {
  it('refuses loopback and private feed URLs at creation, and at fetch time for one stored earlier', async () => {
    const strict = await startTestApp({ backgroundJobs: false });
    try {
      const owner = await strict.seedAdmin('Strict Ltd');
      const asOwner = await strict.login(owner.email, owner.password);
      const base = `/api/v1/workspaces/${owner.workspaceId}/mentions/feeds`;
      const refused = await asOwner.post(base, { url: `${feeds.url}/rss.xml`, name: 'local' }).expect(400);
      expect(refused.body.error.details).toEqual([
        { field: 'url', message: 'url points to a non-public address (127.0.0.1 is a loopback address); feeds only call public addresses' },
      ]);
      await asOwner.post(base, { url: 'http://192.168.1.10/feed.xml', name: 'lan' }).expect(400);
      expect((await asOwner.get(base).expect(200)).body).toEqual([]);

      // A URL that slipped in (e.g. saved while an operator allowed the network) is refused on every fetch.
      const [row] = await strict.app
        .get(DataSource)
        .query(`INSERT INTO mention_feeds (workspace_id, url, name, enabled) VALUES ($1, $2, 'legacy', false) RETURNING id`, [
          owner.workspaceId,
          `${feeds.url}/rss.xml?strict=1`,
        ]);
      const before = feeds.requests.length;
      const polled = (await asOwner.post(`${base}/${row.id}/poll`).expect(200)).body;
      expect(polled).toMatchObject({ status: 'error', created: 0, error: 'refused: 127.0.0.1 is a loopback address' });
      expect(feeds.requests.length).toBe(before);
    } finally {
      await strict.close();
    }
  });
});

describe('background poller', () => {
  it('polls an enabled feed by itself, again when it is due, and never touches disabled feeds', async () => {
    const feed = (
      await asAdmin
        .post(`${ws}/mentions/feeds`, { url: `${feeds.url}/bg.xml`, name: 'Background', source: 'bg', pollIntervalMinutes: 5 })
        .expect(201)
    ).body;
    const polled = await waitUntil(
      () =>
        asAdmin
          .get(`${ws}/mentions/feeds/${feed.id}`)
          .expect(200)
          .then((r) => r.body),
      (f) => f.lastStatus === 'ok',
    );
    expect(polled).toMatchObject({ itemsIngested: 3, consecutiveFailures: 0 });
    expect(minutesBetween(polled.lastPolledAt, polled.nextPollAt)).toBeCloseTo(5, 3);
    expect(await mentionsOf('bg')).toHaveLength(3);

    // Not due yet: no further request however often the poller looks.
    await new Promise((r) => setTimeout(r, 300));
    expect(feeds.hits('/bg.xml')).toHaveLength(1);

    feeds.state.bgVersion = 2;
    await db().query(`UPDATE mention_feeds SET next_poll_at = now() - interval '1 second' WHERE workspace_id = $1 AND id = $2`, [
      admin.workspaceId,
      feed.id,
    ]);
    const again = await waitUntil(
      () =>
        asAdmin
          .get(`${ws}/mentions/feeds/${feed.id}`)
          .expect(200)
          .then((r) => r.body),
      (f) => f.itemsIngested === 4,
    );
    expect(again.lastStatus).toBe('ok');
    expect(feeds.hits('/bg.xml')[1].headers['if-none-match']).toBe('"bg-v1"');
    expect(await mentionsOf('bg')).toHaveLength(4);

    // Disabled feeds made due are left alone.
    const off = await manualFeed('/rss.xml?disabled=1', 'disabled');
    await db().query(`UPDATE mention_feeds SET next_poll_at = now() - interval '1 hour' WHERE workspace_id = $1 AND id = $2`, [
      admin.workspaceId,
      off.id,
    ]);
    await new Promise((r) => setTimeout(r, 300));
    expect((await asAdmin.get(`${ws}/mentions/feeds/${off.id}`).expect(200)).body.lastStatus).toBeNull();
  });
});
