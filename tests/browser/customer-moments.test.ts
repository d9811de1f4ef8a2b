import { createServer, type Server } from 'node:http';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSuite } from '../support/browser-suite';
import { freePort } from '../support/free-port';
import { customerSigner } from '../support/identity';

/**
 * The server-side path for risky moments, end to end: a shop's page on another origin embeds the loader with
 * data-customer-id and a survey waiting for the event "renewal_due". Before the shop's billing server reports
 * the moment nothing shows; after `POST …/customers/{id}/moments` the next page view shows the survey without
 * the page calling Otklik.track; once answered, the moment is spent and the survey waits for the event again.
 * The shop's server signs the customer id (data-customer-hash); a page without the signature learns nothing.
 */

const ARTIFACTS = join(__dirname, '..', '.tmp');
const suite = browserSuite({ publicLimitPerIpPerMinute: 100_000, caseSyncMs: 3_600_000 });
let host: Server;
let hostOrigin = '';
let publicKey = '';
/** The shop's server side: signs customer ids with the workspace's identity secret. */
let sign: ((customerId: string) => string) | undefined;

function hostPage(apiBase: string, key: string, customerId: string, customerHash?: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop account</title></head>
<body><h1>Your subscription</h1>
<script async src="${apiBase}/widget/loader.js" data-survey="${key}" data-customer-id="${customerId}"${customerHash ? ` data-customer-hash="${customerHash}"` : ''}></script></body></html>`;
}

beforeAll(async () => {
  const port = await freePort();
  hostOrigin = `http://127.0.0.1:${port}`;
  host = createServer((req, res) => {
    const query = new URL(req.url ?? '/', hostOrigin).searchParams;
    const customer = query.get('customer') ?? 'anonymous';
    const hash = query.has('unsigned') ? undefined : sign?.(customer);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hostPage(suite.app.baseUrl, publicKey, customer, hash));
  });
  await new Promise<void>((resolve) => host.listen(port, '127.0.0.1', resolve));
});

afterAll(async () => {
  host?.closeAllConnections();
  await new Promise((resolve) => host?.close(resolve));
});

/** Opens the account page and resolves with the survey config the loader received. */
async function visit(
  page: Page,
  customer: string,
  unsigned = false,
): Promise<{ displayRules: { trigger: string; eventName?: string }; eligible: boolean }> {
  const config = page.waitForResponse((r) => r.url().startsWith(`${suite.app.baseUrl}/api/v1/public/surveys/${publicKey}?`));
  await page.goto(`${hostOrigin}/account?customer=${customer}${unsigned ? '&unsigned' : ''}`);
  return (await config).json();
}

describe('a risky moment reported by a server', () => {
  it('shows the waiting survey at the next page view, with no Otklik.track call, until it is answered', async () => {
    const { app, browser } = suite;
    const admin = await app.seedAdmin('Subscriptions Shop');
    const ws = `/api/v1/workspaces/${admin.workspaceId}`;
    const api = await app.login(admin.email, admin.password);
    await api.put(`${ws}/customers/sub-501`, { name: 'Анна' }).expect(201);
    sign = await customerSigner(api, admin.workspaceId);
    const survey = await api
      .post(`${ws}/surveys`, {
        name: 'Before renewal',
        kind: 'nps',
        allowedOrigins: [hostOrigin],
        displayRules: { trigger: 'event', eventName: 'renewal_due', samplePercent: 100, recontactDays: 0, stopAfterResponse: false },
      })
      .expect(201);
    publicKey = survey.body.publicKey;
    await api.patch(`${ws}/surveys/${survey.body.id}`, { status: 'live' }).expect(200);
    // The billing system's own credentials: an API token with customers:write.
    const token = (await api.post(`${ws}/api-tokens`, { name: 'billing', scopes: ['customers:write', 'customers:read'] }).expect(201)).body
      .secret as string;

    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const widgetLoads: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/widget/nps.js')) widgetLoads.push(request.url());
    });
    const widget = page.locator('otklik-survey-nps');

    try {
      // 1. No moment yet: the survey waits for an event the page never tracks, so nothing loads or shows.
      const before = await visit(page, 'sub-501');
      expect(before).toMatchObject({ eligible: true, displayRules: { trigger: 'event', eventName: 'renewal_due' } });
      await page.waitForLoadState('networkidle');
      expect(await widget.count()).toBe(0);
      expect(widgetLoads).toEqual([]);

      // 2. The billing server reports the renewal; the answer names the survey that will show.
      const recorded = await app
        .http()
        .post(`${ws}/customers/sub-501/moments`)
        .set('authorization', `Bearer ${token}`)
        .send({ moment: 'renewal_due', idempotencyKey: 'invoice-2026-12' })
        .expect(201);
      expect(recorded.body.surveys).toEqual([{ id: survey.body.id, name: 'Before renewal' }]);

      // 3. Another customer on the same page is not affected.
      const other = await visit(page, 'sub-999');
      expect(other.displayRules.trigger).toBe('event');
      await page.waitForLoadState('networkidle');
      expect(await widget.count()).toBe(0);

      // 3b. The same customer id without the shop server's signature: nothing is revealed (issue 13, item 11).
      const unsigned = await visit(page, 'sub-501', true);
      expect(unsigned.displayRules.trigger).toBe('event');
      await page.waitForLoadState('networkidle');
      expect(await widget.count()).toBe(0);

      // 4. The customer's next page view: the survey shows at once; the page never called Otklik.track.
      const after = await visit(page, 'sub-501');
      expect(after.displayRules.trigger).toBe('page_load');
      await widget.getByRole('dialog').waitFor();
      expect(widgetLoads).toHaveLength(1);
      await widget.getByRole('radio', { name: '9 out of 10', exact: true }).click();
      await widget.getByRole('textbox').fill('Продлю, всё устраивает');
      await widget.getByRole('button', { name: 'Send' }).click();
      await widget.getByText('Thank you for your feedback!').waitFor();

      // 5. Answered: the moment is spent, and the next page view waits for the event again.
      await expect
        .poll(
          async () =>
            (await app.http().get(`${ws}/customers/sub-501/moments`).set('authorization', `Bearer ${token}`).expect(200)).body.items[0]
              .status,
        )
        .toBe('answered');
      const spent = await visit(page, 'sub-501');
      expect(spent.displayRules.trigger).toBe('event');
      await page.waitForLoadState('networkidle');
      expect(await widget.count()).toBe(0);
      expect(pageErrors).toEqual([]);
    } catch (error) {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'customer-moments-failure.png'), fullPage: true }).catch(() => {});
      throw error;
    } finally {
      await context.close();
    }
  }, 120_000);
});
