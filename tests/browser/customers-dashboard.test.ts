import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type BrowserContext, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiCall, browserSuite } from '../support/browser-suite';

/**
 * End-to-end check of the Customers pages in a real browser: two customers sent through the API, a search by a
 * Cyrillic name that leaves only one, its profile with email and consent, and adding a customer by hand with a
 * server field error shown next to its field.
 */

const ARTIFACTS = join(__dirname, '..', '.tmp');

const suite = browserSuite();
let context: BrowserContext | undefined;

async function rowIds(page: Page): Promise<string[]> {
  const rows = page.getByTestId('customer-row');
  const ids: string[] = [];
  for (const row of await rows.all()) ids.push((await row.locator('td').first().innerText()).trim());
  return ids;
}

describe('customers dashboard', () => {
  it('lists customers sent through the API, finds one by a Cyrillic name and shows its profile', async () => {
    const { app, browser } = suite;
    const admin = await app.seedAdmin();
    const baseUrl = app.baseUrl.replace(/\/$/, '');
    const customersPath = `/api/v1/workspaces/${admin.workspaceId}/customers`;

    // 1. Two customers through the API.
    const api = await app.login(admin.email, admin.password);
    const anna = await api.put(`${customersPath}/crm-1001`, {
      name: 'Анна Смирнова',
      email: 'anna@example.test',
      phone: '+7 900 123 4567',
      lifecycleStage: 'repeat',
      segment: 'retail',
      mrr: 1234.5,
      orderCount: 7,
      attributes: { city: 'Казань', plan: 'pro' },
      consents: { survey: { granted: true, at: '2026-03-01T10:00:00.000Z', source: 'checkout checkbox' } },
    });
    expect(anna.status, JSON.stringify(anna.body)).toBeLessThan(300);
    const bob = await api.put(`${customersPath}/crm-1002`, {
      name: 'Bob Stone',
      email: 'bob@example.test',
      lifecycleStage: 'considering',
      segment: 'b2b',
      mrr: 99,
    });
    expect(bob.status, JSON.stringify(bob.body)).toBeLessThan(300);

    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    try {
      // 2. Sign in through the UI and open Customers from the navigation.
      await page.goto(`${baseUrl}/`);
      await page.waitForURL((url) => url.pathname === '/login');
      await page.getByLabel('Email', { exact: true }).fill(admin.email);
      await page.getByLabel('Password', { exact: true }).fill(admin.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await page.getByTestId('main-nav').getByRole('link', { name: 'Customers' }).click();
      await page.waitForURL((url) => url.pathname === '/customers');
      await page.getByRole('heading', { level: 1, name: 'Customers' }).waitFor();
      await expect.poll(() => rowIds(page)).toHaveLength(2);
      expect((await rowIds(page)).sort()).toEqual(['crm-1001', 'crm-1002']);
      // MRR in the user's locale (en-US): grouping and decimals.
      await page.getByTestId('customer-row').filter({ hasText: 'crm-1001' }).getByText('1,234.5').waitFor();

      // 3. Search by a Cyrillic name: only Anna is left.
      const searched = apiCall(page, 'GET', new RegExp(`${customersPath}$`));
      await page.getByTestId('customer-search').fill('смирнова');
      const searchResponse = await searched;
      expect(new URL(searchResponse.url()).searchParams.get('search')).toBe('смирнова');
      await expect.poll(() => rowIds(page)).toEqual(['crm-1001']);
      expect(await page.getByTestId('customers-range').innerText()).toContain('of 1');

      // 4. Her profile: email, consent, attributes and the timeline note.
      await page.getByRole('link', { name: 'crm-1001' }).click();
      await page.waitForURL((url) => url.pathname === '/customers/crm-1001');
      await page.getByRole('heading', { level: 1, name: 'Анна Смирнова' }).waitFor();
      expect(await page.getByTestId('customer-email').innerText()).toContain('anna@example.test');
      const surveyConsent = page.getByTestId('consent-survey');
      expect(await surveyConsent.getAttribute('data-granted')).toBe('true');
      expect(await surveyConsent.innerText()).toContain('Granted');
      expect(await surveyConsent.innerText()).toContain('checkout checkbox');
      expect(await page.getByTestId('consent-marketing').innerText()).toContain('Not recorded');
      expect(await page.getByTestId('customer-attributes').innerText()).toContain('Казань');
      await page.getByTestId('customer-timeline').waitFor();

      // 5. Add a customer by hand: the server's field error is shown at the field, then it saves.
      await page.getByRole('link', { name: 'All customers' }).click();
      await page.waitForURL((url) => url.pathname === '/customers');
      await page.getByTestId('add-customer').click();
      const dialog = page.getByTestId('customer-dialog');
      await dialog.getByLabel('External id').fill('crm-2001');
      await dialog.getByLabel(/^Name/).fill('Ирина Петрова');
      await dialog.getByLabel(/^Email/).fill('not-an-email');
      const rejected = apiCall(page, 'PUT', new RegExp(`${customersPath}/crm-2001$`));
      await dialog.getByTestId('customer-save').click();
      expect((await rejected).status()).toBe(400);
      const emailInput = dialog.getByLabel(/^Email/);
      await expect.poll(() => emailInput.getAttribute('aria-invalid')).toBe('true');
      expect(await dialog.locator('#customer-email-error').innerText()).toMatch(/email/i);
      await emailInput.fill('irina@example.test');
      const saved = apiCall(page, 'PUT', new RegExp(`${customersPath}/crm-2001$`));
      await dialog.getByTestId('customer-save').click();
      expect((await saved).status()).toBeLessThan(300);
      await page.getByTestId('status-message').getByText('Ирина Петрова').waitFor();
      await expect.poll(() => rowIds(page).then((ids) => ids.sort())).toEqual(['crm-1001', 'crm-1002', 'crm-2001']);

      expect(pageErrors).toEqual([]);
    } catch (error) {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'customers-dashboard-failure.png'), fullPage: true }).catch(() => {});
      throw error;
    }
  }, 120_000);
});
