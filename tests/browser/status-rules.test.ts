import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiCall, browserSuite } from '../support/browser-suite';

/**
 * Customers → Colour status rules in a real browser: the form starts from the workspace's rules, a refused value shows
 * the server's message at its field, and a save re-derives the customers, says how many moved and reloads the form and
 * the 'how statuses are derived' card from the saved rules.
 */
const ARTIFACTS = join(__dirname, '..', '.tmp');
const suite = browserSuite();

describe('colour status rules', () => {
  it('shows a refused threshold at its field, then saves, counts the customers that moved and reloads the rules', async () => {
    const { app, browser } = suite;
    const admin = await app.seedAdmin('Status rules UI');
    const ws = `/api/v1/workspaces/${admin.workspaceId}`;
    const api = await app.login(admin.email, admin.password);
    // Platinum at the default 3 orders; 4 and 5 orders stay platinum at 4, 4 orders falls to gold at 5.
    await api.put(`${ws}/customers/four`, { name: 'Four Orders', orderCount: 4 }).expect(201);
    await api.put(`${ws}/customers/five`, { name: 'Five Orders', orderCount: 5 }).expect(201);
    await api.put(`${ws}/customers/one`, { name: 'One Order', orderCount: 1 }).expect(201);

    const baseUrl = app.baseUrl.replace(/\/$/, '');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      await page.goto(`${baseUrl}/login`);
      await page.getByLabel('Email', { exact: true }).fill(admin.email);
      await page.getByLabel('Password', { exact: true }).fill(admin.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await page.goto(`${baseUrl}/customers/status-rules`);

      const form = page.getByTestId('status-rules-form');
      const platinum = page.getByLabel('Orders for platinum');
      await form.getByText('The workspace uses the default rules.').waitFor();
      expect(await platinum.inputValue()).toBe('3');
      expect(await page.getByLabel('Long cooperation, days').inputValue()).toBe('365');
      expect(await page.getByLabel('Stopped after, days without an order').inputValue()).toBe('90');
      await page.getByTestId('status-rules-how').getByText('3+ orders → platinum').waitFor();

      // Past the browser's own check (its max removed), the server refuses 1001 and the form shows why at the field.
      await platinum.evaluate((input) => input.removeAttribute('max'));
      await platinum.fill('1001');
      const refused = apiCall(page, 'PUT', /\/customers\/status-rules$/);
      await page.getByTestId('status-rules-save').click();
      expect((await refused).status()).toBe(400);
      await form.getByText('platinumOrders must be at most 1000').first().waitFor();
      expect(await platinum.inputValue()).toBe('1001');

      await platinum.fill('5');
      const saved = apiCall(page, 'PUT', /\/customers\/status-rules$/);
      await page.getByTestId('status-rules-save').click();
      expect((await saved).status()).toBe(200);
      await form.getByText('Rules saved; 1 customer changed status.').waitFor();
      expect(await form.getByText('platinumOrders must be at most 1000').count()).toBe(0);
      await form.getByText(/^Last changed by /).waitFor();
      expect(await platinum.inputValue()).toBe('5');
      await page.getByTestId('status-rules-how').getByText('5+ orders → platinum').waitFor();
      expect((await api.get(`${ws}/customers/status-rules`).expect(200)).body).toMatchObject({
        platinumOrders: 5,
        longCooperationDays: 365,
        stoppedAfterDays: 90,
        isDefault: false,
      });
      expect((await api.get(`${ws}/customers/four`).expect(200)).body.colourStatus).toBe('gold');
      expect((await api.get(`${ws}/customers/five`).expect(200)).body.colourStatus).toBe('platinum');
      expect(errors).toEqual([]);
    } catch (error) {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'status-rules-failure.png'), fullPage: true }).catch(() => {});
      throw error;
    } finally {
      await context.close();
    }
  });
});
