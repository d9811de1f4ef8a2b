import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type BrowserContext, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiCall, browserSuite } from '../support/browser-suite';

/**
 * End-to-end check of the Mentions page in a real browser: mentions sent through the bulk API (an original with
 * a copy and a reply, Russian and English, one text carrying HTML), the feed showing originals with their copy
 * count, the sentiment filter, the charts, a mention's thread and copy, assigning and answering it, a CSV upload
 * with one bad row, and a mention added through the API appearing without a reload.
 */

const ARTIFACTS = join(__dirname, '..', '.tmp');
const XSS = '<img src=x onerror=alert(1)>';

const suite = browserSuite();
let context: BrowserContext | undefined;

async function feedTexts(page: Page): Promise<string[]> {
  return page.getByTestId('mention-feed').getByTestId('mention-text').allInnerTexts();
}

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

describe('mentions dashboard', () => {
  it('shows, filters, triages, uploads and live-updates mentions', async () => {
    const { app, browser } = suite;
    const admin = await app.seedAdmin('Brand');
    const baseUrl = app.baseUrl.replace(/\/$/, '');
    const ws = `/api/v1/workspaces/${admin.workspaceId}`;
    const api = await app.login(admin.email, admin.password);

    const original = 'Terrible service: the courier was three hours late and support never answered my calls';
    const reply = 'Спасибо, отличный магазин, всё пришло вовремя и курьер вежливый';
    const xss = `Great shop, lovely friendly staff ${XSS} thank you`;
    const seeded = await api.post(`${ws}/mentions/bulk`, {
      mentions: [
        {
          source: 'twitter',
          externalId: 'tw-1',
          author: '@olga',
          url: 'https://twitter.com/olga/status/1',
          text: original,
          postedAt: hoursAgo(5),
          reach: 300,
        },
        { source: 'vk', externalId: 'vk-1', author: '@copycat', text: original, postedAt: hoursAgo(4) },
        { source: 'twitter', externalId: 'tw-2', author: '@shop', text: reply, postedAt: hoursAgo(3), parentExternalId: 'tw-1' },
        { source: 'otzovik', externalId: 'oz-1', author: '@guest', text: xss, postedAt: hoursAgo(2) },
      ],
    });
    expect(seeded.status, JSON.stringify(seeded.body)).toBe(200);
    expect(seeded.body).toMatchObject({ created: 4, duplicates: 1 });
    const [tw1, vk1, tw2, oz1] = seeded.body.items as { id: string; sentiment: number; language: string; duplicateOf: string | null }[];
    expect(vk1.duplicateOf).toBe(tw1.id);
    expect([tw1.sentiment, tw1.language, tw2.sentiment, tw2.language]).toEqual([-1, 'en', 1, 'ru']);
    expect(oz1.sentiment).not.toBe(-1);

    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors: string[] = [];
    const dialogs: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });

    try {
      // 1. Sign in and open Mentions.
      await page.goto(`${baseUrl}/login`);
      await page.getByLabel('Email', { exact: true }).fill(admin.email);
      await page.getByLabel('Password', { exact: true }).fill(admin.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await page.goto(`${baseUrl}/mentions`);
      await page.getByRole('heading', { level: 1, name: 'Mentions' }).waitFor();
      expect(await page.getByTestId('feeds-link').getAttribute('href')).toBe('/mentions/feeds');

      // 2. Originals only, newest first; the original carries its one copy; the HTML stays text.
      await expect.poll(() => feedTexts(page)).toEqual([xss, reply, original]);
      const first = page.getByTestId('mention-feed').getByTestId('mention-card').filter({ hasText: 'courier was three hours' });
      expect(await first.getByTestId('mention-copies').innerText()).toBe('×1');
      expect(await first.getByTestId('mention-replies').innerText()).toBe('1 reply');
      expect(await page.getByTestId('mention-feed').locator('img').count()).toBe(0);

      // 3. Figures and charts: 3 originals, one negative, one copy left out; share of voice per source.
      expect(await page.getByTestId('kpi-total').locator('.value').innerText()).toBe('3');
      expect(await page.getByTestId('kpi-unanswered').locator('.value').innerText()).toBe('1');
      expect(await page.getByTestId('kpi-duplicates').locator('.value').innerText()).toBe('1');
      expect(await page.getByTestId('volume-chart').locator('canvas').isVisible()).toBe(true);
      const share = page.getByTestId('share-of-voice');
      expect(await share.locator('canvas').isVisible()).toBe(true);
      expect(await share.getByTestId('share-twitter').innerText()).toMatch(/twitter\s+2\s+66\.7%\s+300/);
      expect(await share.getByTestId('share-otzovik').innerText()).toMatch(/otzovik\s+1\s+33\.3%\s+0/);

      // 4. Negative only.
      const negative = apiCall(page, 'GET', new RegExp(`${ws}/mentions$`));
      await page.getByTestId('sentiment-chip--1').click();
      expect(new URL((await negative).url()).searchParams.getAll('sentiment')).toEqual(['-1']);
      await expect.poll(() => feedTexts(page)).toEqual([original]);

      // 5. Its thread and copy, then assign it and mark it answered.
      await first.getByTestId('open-mention').click();
      const panel = page.getByTestId('mention-panel');
      await panel.getByTestId('panel-mention').getByText(original).waitFor();
      expect(await panel.getByTestId('panel-replies').innerText()).toContain(reply);
      expect(await panel.getByTestId('panel-copies').innerText()).toContain('@copycat');
      expect(await panel.getByTestId('open-original').getAttribute('href')).toBe('https://twitter.com/olga/status/1');
      const assigned = apiCall(page, 'PATCH', new RegExp(`${ws}/mentions/${tw1.id}$`));
      await panel.getByTestId('panel-assign').selectOption(api.userId);
      expect((await assigned).status()).toBe(200);
      const answered = apiCall(page, 'PATCH', new RegExp(`${ws}/mentions/${tw1.id}$`));
      await panel.getByTestId('panel-answered').click();
      expect((await answered).status()).toBe(200);
      await panel.getByRole('button', { name: 'Mark not answered' }).waitFor();
      const stored = (await api.get(`${ws}/mentions/${tw1.id}`)).body;
      expect(stored.assignedTo).toEqual({ id: api.userId, name: expect.any(String) });
      expect(stored.answeredAt).not.toBeNull();
      // A customer that does not exist: the server's message is shown at the field.
      await panel.getByTestId('panel-customer').fill('no-such-customer');
      await panel.getByRole('button', { name: 'Link', exact: true }).click();
      await panel.getByTestId('panel-customer-error').waitFor();
      await page.keyboard.press('Escape');
      await first.getByTestId('mention-answered').waitFor();
      await first.getByTestId('mention-assignee').waitFor();
      await page.getByTestId('sentiment-chip--1').click();
      await expect.poll(() => feedTexts(page)).toHaveLength(3);

      // 6. Upload a CSV with one bad row through the wizard.
      await page.getByTestId('open-csv').click();
      const wizard = page.getByTestId('csv-dialog');
      const csv = [
        'Дата;Автор;Текст',
        '01.12.2026 10:00;@anna;Хороший магазин, быстрая доставка',
        'вчера;@bad;Эта строка с плохой датой',
        '30.11.2026 18:30;@ivan;Курьер потерял посылку, ужасно',
      ].join('\r\n');
      // Keep the rows inside the default 30-day period whatever today is: dates are rewritten to the last two days.
      const day = (d: Date) => `${String(d.getDate()).padStart(2, '0')}.${String(d.getMonth() + 1).padStart(2, '0')}.${d.getFullYear()}`;
      const today = new Date();
      const yesterday = new Date(today.getTime() - 86_400_000);
      const content = csv.replace('01.12.2026 10:00', `${day(yesterday)} 00:10`).replace('30.11.2026 18:30', `${day(yesterday)} 00:05`);
      const previewed = apiCall(page, 'POST', new RegExp(`${ws}/mentions/csv/preview$`));
      await wizard
        .getByTestId('csv-file')
        .setInputFiles({ name: 'mentions.csv', mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
      expect((await previewed).status()).toBe(200);
      expect(await wizard.getByTestId('csv-map-0').inputValue()).toBe('postedAt');
      expect(await wizard.getByTestId('csv-map-2').inputValue()).toBe('text');
      expect(await wizard.getByTestId('csv-problems').innerText()).toContain('source');
      await wizard.getByTestId('csv-source').fill('vk');
      const imported = apiCall(page, 'POST', new RegExp(`${ws}/mentions/csv/import$`));
      await wizard.getByTestId('csv-import').click();
      expect((await imported).status()).toBe(200);
      expect(await wizard.getByTestId('csv-created').innerText()).toBe('2');
      expect(await wizard.getByTestId('csv-invalid').innerText()).toBe('1');
      expect(await wizard.getByTestId('csv-errors').locator('tbody tr').innerText()).toMatch(/^3\s+Дата\s+Date\s+"вчера" is not a date/);
      await wizard.getByRole('button', { name: 'Done' }).click();
      await expect
        .poll(() => feedTexts(page))
        .toEqual(expect.arrayContaining(['Хороший магазин, быстрая доставка', 'Курьер потерял посылку, ужасно']));
      expect(await feedTexts(page)).toHaveLength(5);

      // 7. A mention sent through the API appears without a reload.
      const live = 'Live mention: the new pickup point opened today';
      const sent = await api.post(`${ws}/mentions/bulk`, {
        mentions: [{ source: 'twitter', externalId: 'tw-live', text: live, postedAt: new Date().toISOString() }],
      });
      expect(sent.body.created).toBe(1);
      await page.getByTestId('mention-feed').getByText(live).waitFor({ timeout: 30_000 });
      expect((await feedTexts(page))[0]).toBe(live);
      expect(await page.getByTestId('new-mentions').innerText()).toContain('1 new mention');

      expect(dialogs).toEqual([]);
      expect(pageErrors).toEqual([]);
    } catch (error) {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'mentions-dashboard-failure.png'), fullPage: true }).catch(() => {});
      throw error;
    }
  }, 150_000);
});
