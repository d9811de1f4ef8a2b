import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type BrowserContext } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { browserSuite } from '../support/browser-suite';

/**
 * The survey's "Import history" tab in a real browser: a CSV whose columns are not all recognised, one column mapped by
 * hand, the import started, the progress bar run to the end, the counts and the row error worded from its code.
 */

const ARTIFACTS = join(__dirname, '..', '.tmp');

const suite = browserSuite();
let context: BrowserContext | undefined;
afterAll(async () => context?.close());

const CSV = [
  'Date;Score;Feedback text;Email',
  '2025-03-01 10:00;9;Fast and friendly;',
  '2025-03-02 11:00;2;Parcel was damaged;',
  '2025-03-03 12:00;42;;',
  '',
].join('\r\n');

describe('history import tab', () => {
  it('uploads a CSV, maps a column, runs with a progress bar and shows the counts and the row error', async () => {
    const { app, browser } = suite;
    const admin = await app.seedAdmin();
    const baseUrl = app.baseUrl.replace(/\/$/, '');
    const api = await app.login(admin.email, admin.password);
    const survey = (await api.post(`/api/v1/workspaces/${admin.workspaceId}/surveys`, { name: 'Old NPS', kind: 'nps' }).expect(201)).body;

    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    try {
      await page.goto(`${baseUrl}/`);
      await page.waitForURL((url) => url.pathname === '/login');
      await page.getByLabel('Email', { exact: true }).fill(admin.email);
      await page.getByLabel('Password', { exact: true }).fill(admin.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await page.goto(`${baseUrl}/surveys/${survey.id}`);
      await page.getByTestId('survey-nav-import').click();
      await page.waitForURL((url) => url.pathname === `/surveys/${survey.id}/import`);

      await page
        .getByLabel('CSV file of past responses')
        .setInputFiles({ name: 'delighted.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
      await page.getByTestId('history-mapping').waitFor();
      expect(await page.getByTestId('history-file-name').innerText()).toBe('delighted.csv');
      const selects = page.getByTestId('history-mapping-select');
      expect(await selects.evaluateAll((els) => els.map((el) => (el as HTMLSelectElement).value))).toEqual([
        'createdAt',
        'score',
        'ignore',
        'customerId',
      ]);
      // "Feedback text" is not a known name: map it by hand; Email is empty here, so leave it out.
      await page.getByLabel('Imports as: Feedback text').selectOption('comment');
      await page.getByLabel('Imports as: Email').selectOption('ignore');

      const started = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/start'));
      await page.getByTestId('history-start').click();
      expect((await started).status()).toBe(202);
      const progress = page.getByTestId('history-progress');
      await progress.waitFor();
      expect(await progress.getAttribute('max')).toBe('3');
      await expect.poll(() => page.getByTestId('history-status').getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
      expect(await progress.getAttribute('aria-valuetext')).toBe('3 of 3 rows (100%)');
      expect(await page.getByTestId('history-imported').innerText()).toBe('2');
      expect(await page.getByTestId('history-failed').innerText()).toBe('1');
      const errors = page.getByTestId('history-errors');
      await errors.waitFor();
      expect(await errors.locator('tbody tr').innerText()).toMatch(/4\s+Score\s+42 is outside the survey's scale\./);

      const responses = await api.get(`/api/v1/workspaces/${admin.workspaceId}/surveys/${survey.id}/responses`).expect(200);
      expect(responses.body.items.map((r: { score: number; comment: string }) => [r.score, r.comment])).toEqual([
        [2, 'Parcel was damaged'],
        [9, 'Fast and friendly'],
      ]);
      expect(pageErrors).toEqual([]);
    } catch (error) {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'history-import-failure.png'), fullPage: true }).catch(() => {});
      throw error;
    }
  }, 120_000);
});
