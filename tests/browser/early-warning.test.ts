import { type BrowserContext } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { browserSuite } from '../support/browser-suite';

/**
 * A warning in a real browser: a customer breaks their own order rhythm (orders every 10 days, none for 30), a scan
 * raises the warning; the "at risk" case shows in the cases inbox under its translated title, and the At risk page
 * lists the customer with what was seen and a link to that case, for the account manager among their own customers.
 */

// No background jobs: new activity wakes the scan job, which would raise the warning before the test's own scan.
const suite = browserSuite({ caseSyncMs: 3_600_000, backgroundJobs: false });
let context: BrowserContext | undefined;
const DAY = 86_400_000;

afterAll(async () => {
  await context?.close();
});

describe('an early warning', () => {
  it('appears as a case in the inbox and on the at-risk page', async () => {
    const { app, browser } = suite;
    const admin = await app.seedAdmin('Rhythm Foods');
    const ws = `/api/v1/workspaces/${admin.workspaceId}`;
    const api = await app.login(admin.email, admin.password);
    const manager = await app.createUser({ name: 'Mila Manager' });
    await app.addMember(admin.workspaceId, manager.userId, 'analyst');
    await api
      .put(`${ws}/customers/shop-7`, { name: 'Olga Petrova', email: 'olga@example.test', accountManagerId: manager.userId })
      .expect(201);
    const events = [60, 50, 40, 30].map((d, i) => ({
      customerExternalId: 'shop-7',
      eventId: `o-${i}`,
      kind: 'order',
      amount: 40,
      occurredAt: new Date(Date.now() - d * DAY).toISOString(),
    }));
    await api.post(`${ws}/customers/activity/bulk`, { events }).expect(200);
    expect((await api.post(`${ws}/early-warning/scan`).expect(200)).body).toEqual({ raised: 1, cleared: 0 });
    const [warning] = (await api.get(`${ws}/early-warning/warnings`).expect(200)).body.items;

    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const baseUrl = app.baseUrl.replace(/\/$/, '');

    await page.goto(`${baseUrl}/login?next=/cases`);
    await page.getByLabel('Email', { exact: true }).fill(manager.email);
    await page.getByLabel('Password', { exact: true }).fill(manager.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/cases');
    const row = page.locator(`[data-testid="case-row"][data-case-id="${warning.caseId}"]`);
    expect(await row.getByTestId('case-link').innerText()).toBe('At risk (Broke their rhythm): Olga Petrova');
    expect(await row.getByTestId('case-owner').innerText()).toBe('Mila Manager');

    // The manager's own list is the default view of the At risk page.
    await page.goto(`${baseUrl}/customers/at-risk`);
    const item = page.locator('[data-testid="warning-row"][data-customer="shop-7"]');
    await expect.poll(() => item.count()).toBe(1);
    expect(await page.getByTestId('at-risk-mine').getAttribute('aria-current')).toBe('page');
    expect(await item.getByTestId('warning-seen').innerText()).toBe('usual interval 10 days, 30 days since the last order');
    expect(await item.innerText()).toContain('Broke their rhythm');
    expect(await item.innerText()).toContain('Mila Manager');
    await item.getByTestId('warning-case-link').click();
    await page.waitForURL((url) => url.pathname === `/cases/${warning.caseId}`);

    // The rules: every setting is on the page; an analyst reads them.
    await page.goto(`${baseUrl}/customers/at-risk?view=rules`);
    await expect.poll(() => page.getByTestId('warning-rules-form').count()).toBe(1);
    expect(await page.getByTestId('warning-rules-read-only').count()).toBe(1);
    expect(await page.getByLabel('Times their usual interval').inputValue()).toBe('2');
    expect(pageErrors).toEqual([]);
  });
});
