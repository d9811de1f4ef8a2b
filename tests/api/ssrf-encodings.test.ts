import dns from 'node:dns';
import { createServer, type Server } from 'node:http';
import { syncBuiltinESMExports } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoggedIn, SeededAdmin, startTestApp, TestApp } from '../support/app';

/**
 * Issue 13 item 12 (SSRF): every encoding of a loopback, private or link-local address is refused,
 * as a literal in the URL (400 when a webhook endpoint or a feed is saved) and as a DNS answer (400
 * on save, and refused at connect time when the name starts resolving to it later: DNS rebinding).
 * The app runs without an operator allow-list, as in production.
 */

let t: TestApp;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let ws: string;
let target: Server;
let targetHits = 0;

// Names under .ssrf.test resolve to what the test says; everything else resolves as usual.
const answers = new Map<string, string>();
const realLookup = dns.lookup;
const realPromisesLookup = dns.promises.lookup;
type Answer = { address: string; family: number };
const fakeAnswer = (hostname: string): Answer | null => {
  const address = answers.get(hostname);
  return address ? { address, family: address.includes(':') ? 6 : 4 } : null;
};

beforeAll(async () => {
  (dns as { lookup: unknown }).lookup = (hostname: string, options: unknown, callback?: unknown) => {
    const cb = (typeof options === 'function' ? options : callback) as (e: Error | null, a: unknown, f?: number) => void;
    const opts = (typeof options === 'object' && options) || {};
    const fake = fakeAnswer(hostname);
    if (!fake) return (realLookup as (...a: unknown[]) => void)(hostname, options, callback);
    process.nextTick(() => ((opts as { all?: boolean }).all ? cb(null, [fake]) : cb(null, fake.address, fake.family)));
  };
  (dns.promises as { lookup: unknown }).lookup = async (hostname: string, options?: { all?: boolean }) => {
    const fake = fakeAnswer(hostname);
    if (!fake) return realPromisesLookup(hostname, options as dns.LookupAllOptions);
    return options?.all ? [fake] : fake;
  };
  syncBuiltinESMExports();

  // Something listening on loopback that must never be reached.
  target = createServer((_req, res) => {
    targetHits += 1;
    res.end('<rss version="2.0"><channel><title>inside</title></channel></rss>');
  });
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  t = await startTestApp({ webhookAllowedNetworks: [] });
  admin = await t.seedAdmin('SSRF Probe');
  asAdmin = await t.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
});
afterAll(async () => {
  await t?.close();
  await new Promise((resolve) => target?.close(resolve));
  (dns as { lookup: unknown }).lookup = realLookup;
  (dns.promises as { lookup: unknown }).lookup = realPromisesLookup;
  syncBuiltinESMExports();
});

const port = () => (target.address() as { port: number }).port;

/** [URL host, what the refusal names]: literal forms the WHATWG parser accepts for internal addresses. */
const LITERALS: [string, string][] = [
  ['[::127.0.0.1]', 'IPv4-compatible'],
  ['[::7f00:1]', 'IPv4-compatible'],
  ['[::ffff:127.0.0.1]', 'loopback'],
  ['[::ffff:7f00:1]', 'loopback'],
  ['[0:0:0:0:0:ffff:169.254.169.254]', 'link-local'],
  ['[::ffff:0:127.0.0.1]', 'SIIT'],
  ['[64:ff9b::127.0.0.1]', 'loopback'],
  ['[64:ff9b::a00:1]', 'private'],
  ['[64:ff9b:1::a00:1]', 'NAT64'],
  ['[2002:7f00:1::1]', '6to4'],
  ['[2002:c0a8:101::1]', '6to4'],
  ['0x7f.1', 'loopback'],
  ['2130706433', 'loopback'],
  ['0177.0.0.1', 'loopback'],
];

/** DNS answers that reach internal addresses. */
const DNS_ANSWERS = ['::ffff:127.0.0.1', '::127.0.0.1', '64:ff9b::a9fe:a9fe', '2002:a00:1::1', '10.0.0.7'];

async function refusedOnCreate(kind: 'webhook' | 'feed', url: string): Promise<string> {
  const res =
    kind === 'webhook'
      ? await asAdmin.post(`${ws}/webhooks`, { url, events: ['*'] })
      : await asAdmin.post(`${ws}/mentions/feeds`, { url, name: 'Probe', source: 'rss', enabled: false });
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  const detail = res.body.error.details?.find((d: { field: string }) => d.field === 'url');
  return detail?.message ?? res.body.error.message;
}

async function nothingStored(): Promise<void> {
  expect((await asAdmin.get(`${ws}/webhooks`).expect(200)).body).toEqual([]);
  const feeds = (await asAdmin.get(`${ws}/mentions/feeds`).expect(200)).body;
  expect(Array.isArray(feeds) ? feeds : feeds.items).toEqual([]);
}

describe('SSRF guard: internal addresses in every encoding', () => {
  it.each(LITERALS)('refuses a webhook and a feed at http://%s (%s) with 400', async (host, named) => {
    for (const kind of ['webhook', 'feed'] as const) {
      const message = await refusedOnCreate(kind, `http://${host}:${port()}/x`);
      expect(message).toContain('non-public address');
      expect(message).toContain(named);
    }
    await nothingStored();
    expect(targetHits).toBe(0);
  });

  it.each(DNS_ANSWERS)('refuses a host name that resolves to %s with 400', async (address) => {
    answers.set('internal.ssrf.test', address);
    for (const kind of ['webhook', 'feed'] as const) {
      expect(await refusedOnCreate(kind, `http://internal.ssrf.test:${port()}/x`)).toContain('non-public address');
    }
    await nothingStored();
  });

  it('refuses at connect time when a saved name later resolves to an internal address (DNS rebinding)', async () => {
    answers.set('rebind.ssrf.test', '93.184.216.34');
    const feed = (
      await asAdmin
        .post(`${ws}/mentions/feeds`, { url: `http://rebind.ssrf.test:${port()}/feed.xml`, name: 'Rebind', source: 'rss', enabled: false })
        .expect(201)
    ).body;
    const hook = (await asAdmin.post(`${ws}/webhooks`, { url: `http://rebind.ssrf.test:${port()}/hook`, events: ['*'] }).expect(201)).body;
    try {
      for (const address of DNS_ANSWERS) {
        answers.set('rebind.ssrf.test', address);
        const poll = (await asAdmin.post(`${ws}/mentions/feeds/${feed.id}/poll`).expect(200)).body;
        expect(poll.status).toBe('error');
        expect(poll.error).toContain(`refused: rebind.ssrf.test resolves to ${address}`);
      }
      answers.set('rebind.ssrf.test', '::ffff:7f00:1');
      const delivery = (await asAdmin.post(`${ws}/webhooks/${hook.id}/test`).expect(202)).body;
      const attempt = await waitForAttempt(hook.id, delivery.id);
      expect(attempt).toContain('refused: rebind.ssrf.test resolves to ::ffff:7f00:1');
      expect(targetHits).toBe(0);
    } finally {
      await asAdmin.delete(`${ws}/webhooks/${hook.id}`);
      await asAdmin.delete(`${ws}/mentions/feeds/${feed.id}`);
    }
  });
});

async function waitForAttempt(hookId: string, deliveryId: string): Promise<string> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const detail = (await asAdmin.get(`${ws}/webhooks/${hookId}/deliveries/${deliveryId}`).expect(200)).body;
    const errors = JSON.stringify({ lastError: detail.lastError, attemptLog: detail.attemptLog });
    if (/refused/.test(errors)) return errors;
    if (Date.now() > deadline) throw new Error(`no refused attempt: ${errors}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
