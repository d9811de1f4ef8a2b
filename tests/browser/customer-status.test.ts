import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { type BrowserContext } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { apiCall, browserSuite } from '../support/browser-suite';

/**
 * The colour funnel in a real browser: customers with a hand-written status history, the monthly stacked bars and
 * the flow chart drawn from it, a status chip that filters the list, and an override set on a profile that shows in
 * the status history with its reason.
 */

const ARTIFACTS = join(__dirname, '..', '.tmp');
const suite = browserSuite();
let context: BrowserContext | undefined;
afterAll(() => context?.close());

const monthStart = (back: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 10, 9));
};

describe('customer colour statuses', () => {
  it('draws the monthly funnel and the flow of moves, filters by a chip, and records an override in the history', async () => {
    const { app, browser } = suite;
    const admin = await app.seedAdmin();
    const baseUrl = app.baseUrl.replace(/\/$/, '');
    const path = `/api/v1/workspaces/${admin.workspaceId}/customers`;
    const api = await app.login(admin.email, admin.password);
    await api.put(`${path}/gold-1`, { name: 'Олег Золотов', orderCount: 1 }).expect(201);
    await api.put(`${path}/plat-1`, { name: 'Мария Платонова', orderCount: 4 }).expect(201);
    await api.put(`${path}/lost-1`, { name: 'Пётр Ушедший', orderCount: 5, lifecycleStage: 'left' }).expect(201);

    // A history over the last months: white → gold → platinum, and platinum → red-gold.
    const db = app.app.get(DataSource);
    await db.query('DELETE FROM customer_status_changes WHERE workspace_id = $1', [admin.workspaceId]);
    const history: [string, string | null, string, Date][] = [
      ['gold-1', null, 'white', monthStart(5)],
      ['gold-1', 'white', 'gold', monthStart(3)],
      ['plat-1', null, 'gold', monthStart(5)],
      ['plat-1', 'gold', 'platinum', monthStart(2)],
      ['lost-1', null, 'platinum', monthStart(6)],
      ['lost-1', 'platinum', 'red_gold', monthStart(1)],
    ];
    for (const [id, from, to, at] of history) {
      await db.query(
        `INSERT INTO customer_status_changes (workspace_id, customer_external_id, from_status, to_status, changed_at, cause, detail)
         VALUES ($1, $2, $3, $4, $5, 'rules', 'ordered')`,
        [admin.workspaceId, id, from, to, at],
      );
    }

    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    try {
      await page.goto(`${baseUrl}/login`);
      await page.getByLabel('Email', { exact: true }).fill(admin.email);
      await page.getByLabel('Password', { exact: true }).fill(admin.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await page.goto(`${baseUrl}/customers`);

      // The monthly chart has 12 months with the three customers at the last month's end; the flow shows 3 moves.
      const months = page.getByTestId('status-months-canvas');
      await months.waitFor();
      expect(await months.getAttribute('data-months')).toBe('12');
      expect(await months.getAttribute('data-customers')).toBe('3');
      const flow = page.getByTestId('status-flow-canvas');
      await flow.waitFor();
      expect(await flow.getAttribute('data-moves')).toBe('3');
      expect(await flow.getAttribute('data-flows')).toBe('3');
      // Both canvases were really drawn on (some pixel is not transparent).
      for (const id of ['status-months-canvas', 'status-flow-canvas']) {
        const painted = await page.getByTestId(id).evaluate((canvas: HTMLCanvasElement) => {
          const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
          for (let i = 3; i < data.length; i += 4) if (data[i] > 0) return true;
          return false;
        });
        expect(painted, id).toBe(true);
      }

      // Chips carry today's counts; the platinum chip leaves only the platinum customer in the list.
      await page.getByTestId('status-chip-platinum').getByText('Platinum: 1').waitFor();
      const filtered = apiCall(page, 'GET', new RegExp(`${path}$`));
      await page.getByTestId('status-chip-platinum').click();
      expect(new URL((await filtered).url()).searchParams.get('colourStatus')).toBe('platinum');
      await expect.poll(async () => page.getByTestId('customer-row').count()).toBe(1);
      await page.getByTestId('customer-row').getByText('plat-1').waitFor();

      // An override on the profile: the badge changes and the history shows who, why and the move.
      await page.getByTestId('customer-row').getByRole('link', { name: 'plat-1' }).click();
      await page.waitForURL((url) => url.pathname === '/customers/plat-1');
      await page.getByTestId('customer-status-badge').getByText('Platinum', { exact: true }).waitFor();
      await page.getByLabel('Status', { exact: true }).selectOption('red_platinum');
      await page.getByLabel('Reason', { exact: true }).fill('Moved all orders to a competitor after the price rise');
      const saved = apiCall(page, 'PUT', /\/customers\/plat-1\/status$/);
      await page.getByTestId('status-override-save').click();
      expect((await saved).status()).toBe(204);
      await page.getByTestId('customer-status-badge').getByText('Red-platinum').waitFor();
      const latest = page.getByTestId('status-change').first();
      await latest.getByText('Moved all orders to a competitor after the price rise').waitFor();
      expect(await latest.getAttribute('data-cause')).toBe('override');
      await latest.getByText('Set by hand').waitFor();
      await page
        .getByTestId('status-override-note')
        .getByText(/Set by hand by/)
        .waitFor();

      // Back to the rules.
      await page.getByTestId('status-override-clear').click();
      await page.getByTestId('customer-status-badge').getByText('Platinum', { exact: true }).waitFor();
      expect(await page.getByTestId('status-change').first().getAttribute('data-cause')).toBe('override_cleared');
      expect(pageErrors).toEqual([]);
    } catch (error) {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'customer-status-failure.png'), fullPage: true }).catch(() => {});
      throw error;
    }
  });
});
