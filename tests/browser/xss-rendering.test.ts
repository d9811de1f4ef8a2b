import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite } from '../support/browser-suite';
import { customerSigner } from '../support/identity';

/**
 * Stored text renders escaped, everywhere the dashboard shows it. Markup and script payloads go in through the
 * real APIs — a survey comment, a cancellation follow-up, a mention's text and author, a customer's name and
 * segment, a survey, touchpoint and churn-reason name — and `javascript:` URLs through the link fields (a
 * mention's url, a customer id). Then every page that shows them is opened in Chromium and must:
 *   show the payload as text · contain none of its elements or handlers · run none of it (window.__xss stays
 *   undefined, no dialog) · have no link, frame or form pointing at javascript:, data: or vbscript:.
 * The API refusing the javascript: URLs is part of the check.
 */

const ARTIFACTS = join(__dirname, '..', '.tmp');

/**
 * One payload per place, tagged so the page showing it can be found: an element with a handler (its quotes also
 * try to break out of an attribute) and a script; under 100 characters, the shortest limit of the fields used.
 */
const payload = (where: string) => `XSS-${where} <img src=x onerror="window.__xss='${where}'"><script>window.__xss=2</script>`;
const JS_URLS = [
  'javascript:window.__xss=1',
  ' JavaScript:window.__xss=1',
  'data:text/html,<script>window.__xss=1</script>',
  'vbscript:msgbox(1)',
];

const suite = browserSuite({ publicLimitPerIpPerMinute: 100_000, clusterSyncMs: 3_600_000 });
let context: BrowserContext | undefined;

interface Inertness {
  xss: unknown;
  injected: string[];
  scripts: number;
  badLinks: string[];
}

/** What of the payloads became live DOM on this page: must be nothing. */
function inertness(page: Page): Promise<Inertness> {
  return page.evaluate(() => ({
    xss: (window as unknown as { __xss?: unknown }).__xss,
    injected: [...document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload], [onmouseover], [onfocus]')].map((e) =>
      e.outerHTML.slice(0, 120),
    ),
    scripts: [...document.scripts].filter((s) => (s.textContent ?? '').includes('__xss')).length,
    badLinks: [...document.querySelectorAll('a[href], area[href], iframe[src], embed[src], object[data], form[action], button[formaction]')]
      .map(
        (e) =>
          e.getAttribute('href') ??
          e.getAttribute('src') ??
          e.getAttribute('data') ??
          e.getAttribute('action') ??
          e.getAttribute('formaction') ??
          '',
      )
      // eslint-disable-next-line no-control-regex -- browsers ignore control characters inside a scheme; so must the check
      .filter((url) => /^\s*(javascript|data|vbscript):/i.test(url.replace(/[\u0000-\u001f]/g, ''))),
  }));
}

/** Awaits a supertest request and fails with the answer's body when the status is not the expected one. */
async function must<T extends { status: number; body: unknown }>(request: PromiseLike<T>, status: number): Promise<T> {
  const res = await request;
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res;
}

describe('stored text renders escaped in the dashboard', () => {
  it('shows XSS payloads from comments, mentions, customers and names as text on every page, and runs none of them', async () => {
    const { app, browser } = suite;
    const admin = await app.seedAdmin('Escapes');
    const ws = `/api/v1/workspaces/${admin.workspaceId}`;
    const api = await app.login(admin.email, admin.password);
    const sign = await customerSigner(api, admin.workspaceId);

    // Customer with a payload name and segment.
    await must(
      api.put(`${ws}/customers/xss-1`, { name: payload('customer'), segment: payload('segment'), email: 'xss@example.test' }),
      201,
    );
    // A javascript: URL as a customer id: refused, or kept as an id that only ever builds a relative link.
    const jsCustomer = await api.put(`${ws}/customers/${encodeURIComponent('javascript:window.__xss=1')}`, { name: 'Link test' });
    expect(jsCustomer.status, JSON.stringify(jsCustomer.body)).toBeLessThan(500);

    // Survey with a payload name; a response with a payload comment from that customer.
    const survey = (
      await must(
        api.post(`${ws}/surveys`, {
          name: payload('survey'),
          kind: 'nps',
          displayRules: { trigger: 'page_load', samplePercent: 100, recontactDays: 0, stopAfterResponse: false },
        }),
        201,
      )
    ).body;
    await must(api.patch(`${ws}/surveys/${survey.id}`, { status: 'live' }), 200);
    await must(
      app
        .http()
        .post(`/api/v1/public/surveys/${survey.publicKey}/responses`)
        .send({
          idempotencyKey: randomUUID(),
          respondentId: `r-${randomUUID()}`,
          customerId: 'xss-1',
          answers: { score: 2, comment: payload('comment') },
          finished: true,
        }),
      201,
    );

    // A churn reason with a payload label; a cancellation with that reason and a payload follow-up.
    await must(
      api.post(`${ws}/churn/reasons`, { key: 'xss_reason', labels: { en: payload('reason'), ru: 'Причина' }, avoidable: true }),
      201,
    );
    const flow = (await must(api.post(`${ws}/churn/flows`, { name: 'Cancel', languages: ['en'] }), 201)).body;
    await must(
      app
        .http()
        .post(`/api/v1/public/cancellation-flows/${flow.publicKey}/submissions`)
        .send({
          idempotencyKey: randomUUID(),
          customerId: 'xss-1',
          customerHash: sign('xss-1'),
          reasonKey: 'xss_reason',
          followUp: payload('followup'),
          finished: true,
        }),
      201,
    );

    // Mentions: payload text and author with a real link; javascript:, data: and vbscript: links are refused.
    const mentions = await must(
      api.post(`${ws}/mentions/bulk`, {
        mentions: [
          {
            source: 'twitter',
            externalId: 'xss-m1',
            author: payload('author'),
            url: 'https://example.com/post/1',
            text: payload('mention'),
            postedAt: new Date(Date.now() - 3_600_000).toISOString(),
          },
          ...JS_URLS.map((url, i) => ({
            source: 'twitter',
            externalId: `xss-js-${i}`,
            url,
            text: `link test ${i}`,
            postedAt: new Date().toISOString(),
          })),
        ],
      }),
      200,
    );
    const items = mentions.body.items as { status: string; id?: string }[];
    expect(items[0].status).toBe('created');
    expect(items.slice(1).map((i) => i.status)).toEqual(JS_URLS.map(() => 'invalid'));
    await must(api.patch(`${ws}/mentions/${items[0].id}`, { customerId: 'xss-1' }), 200);

    // A touchpoint with a payload name; the texts copied for clustering (unplaced: no rebuild ran).
    await must(api.post(`${ws}/touchpoints`, { name: payload('touchpoint'), stage: 'buying' }), 201);
    await must(api.post(`${ws}/clusters/sync`), 200);

    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const dialogs: string[] = [];
    const pageErrors: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const visited: string[] = [];

    /** Opens `path`, waits for each tagged payload to show as text, and checks that nothing of it is live. */
    async function check(path: string, tags: string[], before?: () => Promise<void>): Promise<void> {
      if (path) await page.goto(`${app.baseUrl}${path}`);
      if (before) await before();
      for (const tag of tags) {
        const shown = page.getByText(`XSS-${tag} <img src=x onerror=`).first();
        await shown.waitFor({ state: 'visible' });
        expect(await shown.innerText(), `${path} ${tag}`).toContain(`XSS-${tag} <img src=x onerror="window.__xss='${tag}'">`);
      }
      expect(await inertness(page), `${path || 'panel'} ${tags.join(',')}`).toEqual({
        xss: undefined,
        injected: [],
        scripts: 0,
        badLinks: [],
      });
      visited.push(`${path || '(panel)'}: ${tags.join(', ')}`);
    }

    try {
      await page.goto(`${app.baseUrl}/login`);
      await page.getByLabel('Email', { exact: true }).fill(admin.email);
      await page.getByLabel('Password', { exact: true }).fill(admin.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      // Defence in depth: even a hole in escaping could not run inline script or handlers.
      const csp = (await page.request.get(`${app.baseUrl}/`)).headers()['content-security-policy'] ?? '';
      expect(csp).toMatch(/script-src 'self'/);
      expect(csp).not.toContain("'unsafe-inline' 'unsafe-eval'");
      expect(/script-src[^;]*'unsafe-inline'/.test(csp)).toBe(false);

      await check('/surveys', ['survey']);
      await check(`/surveys/${survey.id}/results`, ['survey', 'comment']);
      await check('/customers', ['customer', 'segment']);
      await check('/customers/xss-1', ['customer', 'segment', 'comment', 'followup', 'mention']);
      await check('/mentions', ['mention', 'author']);
      await check('', ['mention'], async () => {
        await page.getByTestId('mention-card').filter({ hasText: 'XSS-mention' }).getByTestId('open-mention').click();
        await page.getByTestId('mention-panel').waitFor();
        expect(await page.getByTestId('mention-panel').getByTestId('open-original').getAttribute('href')).toBe(
          'https://example.com/post/1',
        );
      });
      await check('/churn', ['reason', 'followup', 'customer'], async () => {
        await page.locator('[data-testid="reason-legend"][data-reason="xss_reason"]').click();
      });
      // Clustering copies survey comments and cancellation texts (mentions only when negative).
      await check('/clusters/unclustered', ['comment', 'followup']);
      await check('/touchpoints', ['touchpoint']);

      expect(dialogs).toEqual([]);
      expect(pageErrors).toEqual([]);
      console.log(`XSS payloads inert on: ${visited.join(' | ')}`);
    } catch (error) {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'xss-rendering-failure.png'), fullPage: true }).catch(() => {});
      throw error;
    }
  }, 180_000);
});
