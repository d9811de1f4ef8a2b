import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type BrowserContext, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite } from '../support/browser-suite';

/**
 * End-to-end check of the dashboard shell in a real browser: login redirect,
 * navigation, language switch and the API-token "secret shown once" flow.
 */

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
const NAV_RU = [
  'Обзор',
  'Опросы',
  'Точки контакта',
  'Аудит сервиса',
  'Зеркальный опрос',
  'Обращения',
  'Сообщения',
  'Обещания',
  'Возврат клиентов',
  'Отток',
  'Упоминания',
  'Кластеры',
  'Клиенты',
  'Настройки',
];
const ARTIFACTS = join(__dirname, '..', '.tmp');

const suite = browserSuite();
let context: BrowserContext | undefined;

async function navLabels(page: Page): Promise<string[]> {
  const links = page.getByTestId('main-nav').getByRole('link');
  return (await links.allInnerTexts()).map((text) => text.trim());
}

describe('dashboard shell', () => {
  it('logs in, shows the navigation, switches to Russian and creates an API token shown once', async () => {
    const { app, browser } = suite;
    const admin = await app.seedAdmin();
    const baseUrl = app.baseUrl.replace(/\/$/, '');

    // A desktop-sized window with an English browser, so the default UI language is English.
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    try {
      // 1. Unauthenticated visit to / is sent to /login?next=/
      await page.goto(`${baseUrl}/`);
      await page.waitForURL((url) => url.pathname === '/login');
      expect(new URL(page.url()).searchParams.get('next')).toBe('/');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

      // 2. Log in with the seeded admin and land on the overview.
      await page.getByLabel('Email', { exact: true }).fill(admin.email);
      await page.getByLabel('Password', { exact: true }).fill(admin.password);
      const loginResponse = page.waitForResponse(
        (r) => new URL(r.url()).pathname === '/api/v1/auth/login' && r.request().method() === 'POST',
      );
      await page.getByRole('button', { name: 'Sign in' }).click();
      expect((await loginResponse).status()).toBe(200);
      await page.waitForURL((url) => url.pathname === '/');

      // 3. The main navigation has exactly the nine sections, in order.
      const nav = page.getByTestId('main-nav');
      await nav.waitFor({ state: 'visible' });
      expect(await nav.getAttribute('aria-label')).toBeTruthy();
      await expect.poll(() => navLabels(page), { timeout: 10_000 }).toEqual(NAV_EN);
      await expect.poll(() => nav.getByRole('link', { name: 'Overview' }).getAttribute('aria-current')).toBe('page');
      // The seeded workspace is the selected one.
      expect(await page.getByTestId('workspace-switcher').inputValue()).toBe(admin.workspaceId);

      // 4. Switch the UI to Russian: labels and <html lang> follow, and the choice is stored.
      await page.getByTestId('locale-switcher').selectOption('ru');
      await expect.poll(() => navLabels(page), { timeout: 10_000 }).toEqual(NAV_RU);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
      expect(await page.evaluate(() => localStorage.getItem('otklik.locale'))).toBe('ru');
      await page.getByRole('heading', { level: 1, name: 'Обзор' }).waitFor();

      // 5. Settings → API tokens.
      await nav.getByRole('link', { name: 'Настройки' }).click();
      await page.waitForURL((url) => url.pathname === '/settings/members');
      await page.getByTestId('settings-nav').getByRole('link', { name: 'API-токены' }).click();
      await page.waitForURL((url) => url.pathname === '/settings/api-tokens');
      await page.getByRole('heading', { name: 'API-токены' }).first().waitFor();

      // 6. Create a token with two scopes.
      const tokenName = `CI export ${Date.now()}`;
      await page.getByLabel('Название токена').fill(tokenName);
      await page.getByRole('checkbox', { name: /surveys:read/ }).check();
      await page.getByRole('checkbox', { name: /responses:read/ }).check();
      const createResponse = page.waitForResponse(
        (r) => new URL(r.url()).pathname === `/api/v1/workspaces/${admin.workspaceId}/api-tokens` && r.request().method() === 'POST',
      );
      await page.getByRole('button', { name: 'Создать токен' }).click();
      const response = await createResponse;
      expect(response.status()).toBe(201);
      const created = (await response.json()) as { secret: string; name: string; scopes: string[] };
      expect(created.name).toBe(tokenName);
      expect([...created.scopes].sort()).toEqual(['responses:read', 'surveys:read']);
      expect(typeof created.secret).toBe('string');
      expect(created.secret.length).toBeGreaterThan(10);

      // 7. The secret is shown, with its warning, exactly as the server returned it.
      const secretField = page.getByTestId('token-secret');
      await secretField.waitFor({ state: 'visible' });
      expect(await secretField.inputValue()).toBe(created.secret);
      await page.getByText('Больше он показан не будет', { exact: false }).waitFor();
      const row = page.getByTestId('api-token-row').filter({ hasText: tokenName });
      await row.waitFor();
      expect(await row.innerText()).not.toContain(created.secret);

      // 8. …and only once: dismissed, it is gone; after a reload the token is listed without it.
      await page.getByRole('button', { name: /Готово/ }).click();
      await secretField.waitFor({ state: 'detached' });
      expect(await page.content()).not.toContain(created.secret);

      await page.reload();
      await page.getByTestId('api-token-row').filter({ hasText: tokenName }).waitFor();
      expect(await page.getByTestId('token-secret').count()).toBe(0);
      expect(await page.content()).not.toContain(created.secret);
      // The language choice survived the reload.
      await expect.poll(() => navLabels(page)).toEqual(NAV_RU);

      expect(pageErrors).toEqual([]);
    } catch (error) {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'dashboard-failure.png'), fullPage: true }).catch(() => {});
      throw error;
    }
  }, 120_000);
});
