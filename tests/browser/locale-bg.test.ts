import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiCall, browserSuite } from '../support/browser-suite';

/**
 * The dashboard in Bulgarian: a Chromium whose language is bg-BG gets the login page, the navigation and a data page
 * in Bulgarian (numbers and dates formatted the Bulgarian way, backend labels asked for in bg); the switcher moves to
 * English and back, and the choice outlives a reload even though the browser still says bg-BG.
 */

const NAV_BG = [
  'Общ преглед',
  'Анкети',
  'Точки на контакт',
  'Одит на обслужването',
  'Огледална анкета',
  'Казуси',
  'Съобщения',
  'Обещания',
  'Връщане на клиенти',
  'Отлив',
  'Споменавания',
  'Клъстери',
  'Клиенти',
  'Настройки',
];
const NAV_EN = [
  'Overview',
  'Surveys',
  'Touchpoints',
  'Service audit',
  'Mirror survey',
  'Cases',
  'Messages',
  'Promises',
  'Recovery',
  'Churn',
  'Mentions',
  'Clusters',
  'Customers',
  'Settings',
];
const ARTIFACTS = join(__dirname, '..', '.tmp');

const suite = browserSuite();

async function navLabels(page: Page): Promise<string[]> {
  const links = page.getByTestId('main-nav').getByRole('link');
  return (await links.allInnerTexts()).map((text) => text.trim());
}

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);
const storedLocale = (page: Page) => page.evaluate(() => localStorage.getItem('otklik.locale'));

describe('dashboard in Bulgarian', () => {
  it('follows a bg-BG browser, formats the Bulgarian way and keeps a switched language across reloads', async () => {
    const { app, browser } = suite;
    const admin = await app.seedAdmin();
    const baseUrl = app.baseUrl.replace(/\/$/, '');
    const customersPath = `/api/v1/workspaces/${admin.workspaceId}/customers`;

    const api = await app.login(admin.email, admin.password);
    const ivan = await api.put(`${customersPath}/crm-2001`, {
      name: 'Иван Петров',
      email: 'ivan@example.test',
      lifecycleStage: 'repeat',
      segment: 'retail',
      mrr: 12345.5,
      lastSeenAt: '2026-03-12T10:00:00.000Z',
    });
    expect(ivan.status, JSON.stringify(ivan.body)).toBeLessThan(300);

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'bg-BG' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    try {
      // 1. Nothing stored yet: the login page follows the browser's bg-BG.
      await page.goto(`${baseUrl}/`);
      await page.waitForURL((url) => url.pathname === '/login');
      expect(await page.evaluate(() => navigator.language)).toBe('bg-BG');
      await page.getByRole('heading', { name: 'Вход' }).waitFor();
      await page.getByText('Влезте в работното си пространство в Otklik.').waitFor();
      expect(await htmlLang(page)).toBe('bg');
      expect(await storedLocale(page)).toBeNull();
      const switcher = page.getByTestId('locale-switcher');
      expect(await switcher.inputValue()).toBe('bg');
      expect((await switcher.locator('option').allInnerTexts()).map((t) => t.trim())).toEqual(['English', 'Русский', 'Български']);

      // 2. Sign in with the Bulgarian labels.
      await page.getByLabel('Имейл', { exact: true }).fill(admin.email);
      await page.getByLabel('Парола', { exact: true }).fill(admin.password);
      const login = apiCall(page, 'POST', /^\/api\/v1\/auth\/login$/);
      await page.getByRole('button', { name: 'Вход' }).click();
      const loginResponse = await login;
      expect(loginResponse.status()).toBe(200);
      expect(await loginResponse.request().headerValue('accept-language')).toBe('bg');
      await page.waitForURL((url) => url.pathname === '/');

      // 3. The main navigation and the overview are in Bulgarian.
      await expect.poll(() => navLabels(page), { timeout: 10_000 }).toEqual(NAV_BG);
      expect(await page.getByTestId('main-nav').getAttribute('aria-label')).toBe('Основна навигация');
      await page.getByRole('heading', { level: 1, name: 'Общ преглед' }).waitFor();

      // 4. A data page: Customers, with the stage, MRR and date in Bulgarian.
      await page.getByTestId('main-nav').getByRole('link', { name: 'Клиенти', exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/customers');
      await page.getByRole('heading', { level: 1, name: 'Клиенти' }).waitFor();
      await page.getByRole('columnheader', { name: 'Външно ID' }).waitFor();
      await page.getByRole('columnheader', { name: 'Последно посещение' }).waitFor();
      const row = page.getByTestId('customer-row').filter({ hasText: 'crm-2001' });
      await row.waitFor();
      const cells = (await row.locator('td').allInnerTexts()).map((t) => t.trim());
      expect(cells).toContain('Постоянен');
      // bg-BG groups thousands with a (no-break) space and writes a decimal comma; dates end in "г."
      expect(
        cells.some((c) => /^12\s345,5$/.test(c)),
        cells.join(' | '),
      ).toBe(true);
      expect(cells).toContain('12.03.2026 г.');

      // 5. Churn asks the server for Bulgarian reason labels.
      const reasons = apiCall(page, 'GET', /\/churn\/reasons-over-time$/);
      await page.getByTestId('main-nav').getByRole('link', { name: 'Отлив' }).click();
      await page.waitForURL((url) => url.pathname === '/churn');
      const reasonsResponse = await reasons;
      expect(new URL(reasonsResponse.url()).searchParams.get('language')).toBe('bg');
      expect(reasonsResponse.status()).toBe(200);
      expect(((await reasonsResponse.json()) as { language: string }).language).toBe('bg');
      await page.getByRole('heading', { level: 1, name: 'Отлив' }).waitFor();

      // 6. Switch to English: labels and <html lang> follow, and the choice survives a reload.
      await switcher.selectOption('en');
      await expect.poll(() => navLabels(page), { timeout: 10_000 }).toEqual(NAV_EN);
      expect(await htmlLang(page)).toBe('en');
      expect(await storedLocale(page)).toBe('en');
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Churn' }).waitFor();
      await expect.poll(() => navLabels(page)).toEqual(NAV_EN);
      expect(await switcher.inputValue()).toBe('en');

      // 7. …and back to Bulgarian, which also survives a reload.
      await switcher.selectOption('bg');
      await expect.poll(() => navLabels(page), { timeout: 10_000 }).toEqual(NAV_BG);
      expect(await storedLocale(page)).toBe('bg');
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Отлив' }).waitFor();
      await expect.poll(() => navLabels(page)).toEqual(NAV_BG);
      expect(await htmlLang(page)).toBe('bg');

      expect(pageErrors).toEqual([]);
    } catch (error) {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'locale-bg-failure.png'), fullPage: true }).catch(() => {});
      throw error;
    } finally {
      await context.close();
    }
  }, 120_000);
});
