import { mkdirSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { type BrowserContext } from 'playwright-core';
import { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { browserSuite } from '../support/browser-suite';
import { customerSigner } from '../support/identity';

/**
 * The Churn page in a real browser, on data sent through the API and the public cancellation endpoint.
 * Dates are relative to now (the page shows the last 6 months), so the expected numbers hold on any day:
 *
 *   c0…c9: first seen 400 days ago, 100.00 MRR each; c9 last seen 60 days ago (sleeping, not lost).
 *   c0 cancels now (too_expensive, "Price went up"), c1 cancels now (moved_away), c2 is saved by the offer.
 *   n1, n2: first seen on the 10th two months ago; n2 cancels on the 20th of last month (poor_service).
 *
 * KPIs: churn 2 of 10 = 20 %; revenue churn 200 of 1,000 = 20 %; 1 saved of 4 finished flows = 25 %;
 * 100 saved; 1 sleeping. Cohort of two months ago: 2 customers, month 0 100 %, month 1 50 %.
 */

const ARTIFACTS = join(__dirname, '..', '.tmp');

const suite = browserSuite({ publicLimitPerIpPerMinute: 100_000 });
let context: BrowserContext | undefined;

/** Noon UTC on `day` of the month `monthsAgo` before the current UTC month. */
function dayOfMonth(monthsAgo: number, day: number): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, day, 12));
}
const label = (date: Date) => `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

describe('churn dashboard', () => {
  it('shows KPIs, the reasons chart, comments on click, the cohort table and a CSV export', async () => {
    const { app, browser } = suite;
    const admin = await app.seedAdmin();
    const ws = `/api/v1/workspaces/${admin.workspaceId}`;
    const api = await app.login(admin.email, admin.password);
    const sign = await customerSigner(api, admin.workspaceId);

    for (let i = 0; i < 10; i++) {
      const res = await api.put(`${ws}/customers/c${i}`, {
        name: `Customer ${i}`,
        mrr: 100,
        firstSeenAt: daysAgo(400),
        lastSeenAt: i === 9 ? daysAgo(60) : daysAgo(1),
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const cohortMonth = dayOfMonth(2, 10);
    for (const id of ['n1', 'n2']) {
      await api.put(`${ws}/customers/${id}`, { name: id, firstSeenAt: cohortMonth.toISOString(), lastSeenAt: daysAgo(1) }).expect(201);
    }
    const flow = (await api.post(`${ws}/churn/flows`, { name: 'Cancel' }).expect(201)).body as { publicKey: string };
    const submit = async (customerId: string, reasonKey: string, extra: object = {}) =>
      (
        await app!
          .http()
          .post(`/api/v1/public/cancellation-flows/${flow.publicKey}/submissions`)
          .send({ idempotencyKey: randomUUID(), customerId, customerHash: sign(customerId), reasonKey, finished: true, ...extra })
          .expect(201)
      ).body.cancellationId as string;
    await submit('c0', 'too_expensive', { followUp: 'Price went up' });
    await submit('c1', 'moved_away');
    await submit('c2', 'too_expensive', { offerAccepted: true });
    const n2 = await submit('n2', 'poor_service', { followUp: 'Nobody answered' });
    await app.app.get(DataSource).query(`UPDATE cancellations SET finished_at = $2 WHERE id = $1`, [n2, dayOfMonth(1, 20)]);

    context = await browser.newContext({
      viewport: { width: 1280, height: 1000 },
      locale: 'en-US',
      timezoneId: 'UTC',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const baseUrl = app.baseUrl.replace(/\/$/, '');

    try {
      await page.goto(`${baseUrl}/`);
      await page.waitForURL((url) => url.pathname === '/login');
      await page.getByLabel('Email', { exact: true }).fill(admin.email);
      await page.getByLabel('Password', { exact: true }).fill(admin.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await page.getByTestId('main-nav').getByRole('link', { name: 'Churn' }).click();
      await page.waitForURL((url) => url.pathname === '/churn');
      await page.getByRole('heading', { level: 1, name: 'Churn' }).waitFor();

      // KPIs from the churn summary and the sleeping list.
      const kpi = (id: string) => page.getByTestId(id).locator('.value').innerText();
      await page.getByTestId('kpi-churn-rate').waitFor();
      expect(await kpi('kpi-churn-rate')).toBe('20%');
      expect(await kpi('kpi-revenue-churn')).toBe('20%');
      expect(await kpi('kpi-save-rate')).toBe('25%');
      expect(await kpi('kpi-revenue-saved')).toBe('100');
      await expect.poll(() => page.getByTestId('kpi-sleeping').locator('.value').count()).toBe(1);
      expect(await kpi('kpi-sleeping')).toBe('1');

      // Money lost appears once the average check and purchases are entered: 2 lost × 2,000 × 6.
      await page.getByLabel('Average check').fill('2000');
      await page.getByLabel('Purchases per period').fill('6');
      await page.getByLabel('Purchases per period').press('Enter');
      await expect.poll(() => page.getByTestId('kpi-money-lost').locator('.value').count()).toBe(1);
      expect(await kpi('kpi-money-lost')).toBe('24,000');

      // The stacked chart has drawn pixels on its canvas.
      const canvas = page.getByTestId('reasons-canvas');
      await canvas.waitFor();
      await expect
        .poll(() =>
          canvas.evaluate((el) => {
            const c = el as HTMLCanvasElement;
            const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
            let painted = 0;
            for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
            return painted;
          }),
        )
        .toBeGreaterThan(500);
      // Its table alternative: too_expensive this month is 1 of the 2 cancellations (c0, c1); over the
      // whole period 1 of 3 (n2's flow offered it too).
      await page.getByTestId('reasons-chart').getByText('Show as a table').click();
      const teRow = page.getByTestId('reasons-table').getByRole('row').filter({ hasText: 'Too expensive' });
      const cells = await teRow.locator('td').allInnerTexts();
      expect(cells.slice(-2)).toEqual(['1 (50%)', '1 (33.3%)']);

      // Clicking a reason shows what customers wrote.
      await page.locator('[data-testid="reason-legend"][data-reason="poor_service"]').click();
      await page.getByTestId('reason-comment').filter({ hasText: 'Nobody answered' }).waitFor();
      await page.locator('[data-testid="reason-legend"][data-reason="too_expensive"]').click();
      await page.getByTestId('reason-comment').filter({ hasText: 'Price went up' }).waitFor();
      expect(await page.getByTestId('reason-comment').count()).toBe(1);

      // The cohort of two months ago: 2 customers, 100 % at the end of its month, 50 % a month later, and the month
      // in progress so far (marked partial), so a cancellation counts in its own month at once.
      const cohortRow = page.locator(`[data-testid="cohort-row"][data-cohort="${label(cohortMonth)}"]`);
      await cohortRow.waitFor();
      expect(await cohortRow.locator('td').nth(0).innerText()).toBe('2');
      expect(await cohortRow.getByTestId('cohort-cell').allInnerTexts()).toEqual(['100%', '50%', '50%']);
      expect(await cohortRow.locator('[data-testid="cohort-cell"][data-partial="true"]').count()).toBe(1);
      // How each figure is defined is said on the page.
      expect(await page.getByTestId('kpi-churn-help').innerText()).toContain('customers you had at its start');

      // The funnel: n2 lost early (no orders) because of poor service.
      expect(await page.locator('[data-testid="funnel-row"][data-status="lost_early"]').innerText()).toContain('Poor service: 1');

      // The cohort CSV downloads with the same numbers.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('cohorts-csv').click()]);
      expect(download.suggestedFilename()).toBe('churn-cohorts.csv');
      const text = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
      const lines = text.trim().split('\n');
      expect(lines[0]).toBe('cohort,size,month_0_percent,month_1_percent,month_2_percent');
      expect(lines).toContain(`${label(cohortMonth)},2,100,50,50`); // the month in progress so far

      expect(pageErrors).toEqual([]);
    } catch (error) {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'churn-dashboard-failure.png'), fullPage: true }).catch(() => {});
      throw error;
    }
  }, 120_000);
});
