import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type BrowserContext, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite } from '../support/browser-suite';

/**
 * The import wizard in a real browser: Customers → Import, a semicolon CSV with one bad row, one column's
 * mapping changed, the server's check shown, the progress bar run to the end, the summary numbers, and the
 * imported customers in the list (the bad row left out).
 */

const ARTIFACTS = join(__dirname, '..', '.tmp');

const suite = browserSuite();
let context: BrowserContext | undefined;

async function rowIds(page: Page): Promise<string[]> {
  const ids: string[] = [];
  for (const row of await page.getByTestId('customer-row').all()) ids.push((await row.locator('td').first().innerText()).trim());
  return ids.sort();
}

const CSV = [
  'Customer ID;Full name;E-mail;Segment;MRR;Plan',
  'imp-1;Анна Каренина;anna@example.test;vip;1 200,50;gold',
  'imp-2;Bob Stone;not-an-email;smb;99;silver',
  'imp-3;Carla Diaz;carla@example.test;smb;15;bronze',
  '',
].join('\r\n');

describe('customer import wizard', () => {
  it('uploads a CSV, maps a column, shows row errors, runs with a progress bar and lists the imported customers', async () => {
    const { app, browser } = suite;
    const admin = await app.seedAdmin();
    const baseUrl = app.baseUrl.replace(/\/$/, '');
    const api = await app.login(admin.email, admin.password);

    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    try {
      // 1. Sign in, open Customers, then Import.
      await page.goto(`${baseUrl}/`);
      await page.waitForURL((url) => url.pathname === '/login');
      await page.getByLabel('Email', { exact: true }).fill(admin.email);
      await page.getByLabel('Password', { exact: true }).fill(admin.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await page.getByTestId('main-nav').getByRole('link', { name: 'Customers' }).click();
      await page.waitForURL((url) => url.pathname === '/customers');
      await page.getByTestId('import-customers').click();
      await page.waitForURL((url) => url.pathname === '/customers/import');
      await page.getByRole('heading', { level: 1, name: 'Import customers' }).waitFor();

      // 2. Choose the file: the preview shows its rows and the suggested field of each column.
      await page
        .getByLabel('File to import')
        .setInputFiles({ name: 'crm-export.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
      await page.getByTestId('import-preview').waitFor();
      expect(await page.getByTestId('import-file-name').innerText()).toBe('crm-export.csv');
      expect(await page.getByTestId('import-file-summary').innerText()).toContain('semicolon');
      await page.waitForURL((url) => url.pathname === '/customers/import' && url.searchParams.has('id'));
      const importId = new URL(page.url()).searchParams.get('id')!;
      const selects = page.getByTestId('mapping-select');
      expect(await selects.evaluateAll((els) => els.map((el) => (el as HTMLSelectElement).value))).toEqual([
        'externalId',
        'name',
        'email',
        'segment',
        'mrr',
        'attribute:Plan',
      ]);
      expect(await page.getByTestId('import-preview').locator('tbody tr').count()).toBe(3);

      // 3. Change one column's field: Plan is not imported. The check lists the bad row by its file row number.
      await page.getByLabel('Field for column “Plan”').selectOption('ignore');
      const summary = page.getByTestId('validation-summary');
      await expect.poll(() => summary.innerText()).toContain('2 rows ready, 1 with errors');
      const checkError = page.getByTestId('validation-errors').getByTestId('row-error');
      expect(await checkError.count()).toBe(1);
      expect(await checkError.innerText()).toMatch(/3\s+imp-2\s+E-mail\s+email must be a valid email address/);

      // 4. Start: the progress bar runs to the end and the summary shows what happened.
      const started = page.waitForResponse(
        (r) => r.request().method() === 'POST' && r.url().endsWith(`/customer-imports/${importId}/start`),
      );
      await page.getByTestId('import-start').click();
      expect((await started).status()).toBe(202);
      const progress = page.getByTestId('import-progress');
      await progress.waitFor();
      expect(await progress.getAttribute('max')).toBe('3');
      await expect.poll(() => page.getByTestId('import-status').getAttribute('data-status'), { timeout: 30_000 }).toBe('completed');
      expect(await progress.evaluate((el) => (el as HTMLProgressElement).value)).toBe(3);
      expect(await progress.getAttribute('aria-valuetext')).toBe('3 of 3 rows (100%)');
      expect(await page.getByLabel('Import progress').count()).toBe(1);
      expect(await page.getByTestId('count-created').innerText()).toBe('2');
      expect(await page.getByTestId('count-updated').innerText()).toBe('0');
      expect(await page.getByTestId('count-failed').innerText()).toBe('1');
      await page.getByTestId('import-errors').getByTestId('row-error').filter({ hasText: 'imp-2' }).waitFor();
      expect(await page.getByTestId('errors-csv').getAttribute('href')).toBe(
        `/api/v1/workspaces/${admin.workspaceId}/customer-imports/${importId}/errors.csv`,
      );

      // 5. Back to the list: the two good rows are customers, the bad one is not; Plan was not stored.
      await page.getByTestId('import-to-customers').click();
      await page.waitForURL((url) => url.pathname === '/customers');
      await expect.poll(() => rowIds(page)).toEqual(['imp-1', 'imp-3']);
      const anna = await api.get(`/api/v1/workspaces/${admin.workspaceId}/customers/imp-1`).expect(200);
      expect(anna.body).toMatchObject({ name: 'Анна Каренина', segment: 'vip', mrr: 1200.5, attributes: {} });

      expect(pageErrors).toEqual([]);
    } catch (error) {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'customer-import-failure.png'), fullPage: true }).catch(() => {});
      throw error;
    }
  }, 120_000);
});
