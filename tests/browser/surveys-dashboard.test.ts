import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type BrowserContext, type Page, type Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiCall, browserSuite } from '../support/browser-suite';

/**
 * End-to-end check of the survey pages of the dashboard in a real browser: create an NPS survey, reword its
 * follow-up for detractors (seen live in the real widget preview), save, publish, copy the embed code, then
 * see two responses sent through the public API on the results page.
 */

const ARTIFACTS = join(__dirname, '..', '.tmp');
/** Built by `npm run build` (survey-widgets); without it the preview shows its fallback note instead. */
const WIDGET_BUILT = existsSync(join(__dirname, '..', '..', 'survey-widgets', 'dist', 'nps.js'));

const suite = browserSuite();
let context: BrowserContext | undefined;

function apiCall(page: Page, method: string, path: string | RegExp): Promise<Response> {
  return page.waitForResponse((r) => {
    const pathname = new URL(r.url()).pathname;
    return r.request().method() === method && (typeof path === 'string' ? pathname === path : path.test(pathname));
  });
}

describe('surveys dashboard', () => {
  it('creates, rewords, publishes and embeds an NPS survey, then lists its responses', async () => {
    const { app, browser } = suite;
    const admin = await app.seedAdmin();
    const baseUrl = app.baseUrl.replace(/\/$/, '');
    const surveysPath = `/api/v1/workspaces/${admin.workspaceId}/surveys`;

    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    try {
      // 1. Sign in and open Surveys: the empty state offers to create one.
      await page.goto(`${baseUrl}/surveys`);
      await page.waitForURL((url) => url.pathname === '/login');
      await page.getByLabel('Email', { exact: true }).fill(admin.email);
      await page.getByLabel('Password', { exact: true }).fill(admin.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname === '/surveys');
      await page.getByRole('heading', { level: 1, name: 'Surveys' }).waitFor();
      await page.getByTestId('empty-state').waitFor();

      // 2. Create an NPS survey through the form.
      await page.getByTestId('new-survey').click();
      await page.waitForURL((url) => url.pathname === '/surveys/new');
      await page.getByTestId('kind-nps').check();
      await page.getByLabel('Survey name').fill('Checkout NPS');
      await page.getByLabel(/^Touchpoint/).fill('Checkout');
      await page.getByTestId('language-ru').check();
      const created = apiCall(page, 'POST', surveysPath);
      await page.getByRole('button', { name: 'Create survey' }).click();
      const createdResponse = await created;
      expect(createdResponse.status()).toBe(201);
      const survey = (await createdResponse.json()) as { id: string; publicKey: string; languages: string[]; status: string };
      expect(survey.status).toBe('draft');
      expect([...survey.languages].sort()).toEqual(['en', 'ru']);
      await page.waitForURL((url) => url.pathname === `/surveys/${survey.id}`);
      await page.getByTestId('survey-title').filter({ hasText: 'Checkout NPS' }).waitFor();
      expect(await page.getByTestId('survey-status').getAttribute('data-status')).toBe('draft');

      // 3. Reword the follow-up for detractors; the real widget previews the unsaved text.
      const detractorText = 'Sorry to hear that. What should we fix first?';
      const detractors = page.getByLabel('Detractors (0–6)');
      await detractors.fill(detractorText);
      const preview = page.getByTestId('widget-preview');
      if (WIDGET_BUILT) {
        const widget = preview.locator('otklik-survey-nps');
        await widget.waitFor({ state: 'attached' });
        // Answer 3 in the preview: the follow-up asks with the new wording (Playwright pierces the shadow root).
        await widget.getByRole('radio', { name: /^3\b/ }).click();
        await widget.getByText(detractorText).waitFor();
      } else {
        await page.getByTestId('widget-preview-unavailable').waitFor();
      }

      // 4. Save: a draft keeps version 1 and the server has the new wording.
      const saved = apiCall(page, 'PATCH', `${surveysPath}/${survey.id}`);
      await page.getByTestId('save-questions').click();
      const savedResponse = await saved;
      expect(savedResponse.status()).toBe(200);
      const savedSurvey = (await savedResponse.json()) as {
        version: number;
        questions: { id: string; textByScore?: { bands: { min: number; max: number; text: Record<string, string> }[] } }[];
      };
      expect(savedSurvey.version).toBe(1);
      const band = savedSurvey.questions[1].textByScore?.bands.find((b) => b.min === 0 && b.max === 6);
      expect(band?.text.en).toBe(detractorText);
      expect(band?.text.ru).toBeTruthy();
      await page.getByTestId('status-message').filter({ hasText: 'Questions saved.' }).waitFor();
      expect(await page.getByTestId('save-questions').isDisabled()).toBe(true);

      // 5. Publish, after the confirmation.
      await page.getByTestId('status-publish').click();
      const dialog = page.getByTestId('confirm-dialog');
      await dialog.getByRole('heading', { name: 'Publish this survey?' }).waitFor();
      const published = apiCall(page, 'PATCH', `${surveysPath}/${survey.id}`);
      await dialog.getByRole('button', { name: 'Publish' }).click();
      expect((await published).status()).toBe(200);
      await expect.poll(() => page.getByTestId('survey-status').getAttribute('data-status')).toBe('live');
      await page.getByTestId('status-pause').waitFor();

      // 6. Changing the questions of a live survey makes version 2, and the page says so.
      await page.getByTestId('version-note').waitFor({ state: 'detached' });
      await page.getByLabel('Promoters (9–10)').fill('What did you like most today?');
      await page.getByTestId('version-note').filter({ hasText: 'version 2' }).waitFor();
      const versioned = apiCall(page, 'PATCH', `${surveysPath}/${survey.id}`);
      await page.getByTestId('save-questions').click();
      expect((await versioned).status()).toBe(200);
      await page.getByTestId('status-message').filter({ hasText: 'saved as version 2' }).waitFor();

      // 7. The embed code points at this server's loader with the survey's public key.
      await page.getByTestId('survey-nav-embed').click();
      await page.waitForURL((url) => url.pathname === `/surveys/${survey.id}/embed`);
      const snippet = await page.getByTestId('embed-snippet').innerText();
      expect(snippet).toContain(`src="${baseUrl}/widget/loader.js"`);
      expect(snippet).toContain(`data-survey="${survey.publicKey}"`);
      expect(await page.getByTestId('embed-api').innerText()).toContain(`Otklik.show('${survey.publicKey}'`);
      expect(await page.getByTestId('embed-not-live').count()).toBe(0);

      // 8. Two responses through the public API, as a widget would send them.
      const answers = [
        { score: 3, comment: 'Delivery took two weeks.' },
        { score: 10, comment: 'Great support, thank you!' },
      ];
      for (const answer of answers) {
        const res = await fetch(`${baseUrl}/api/v1/public/surveys/${survey.publicKey}/responses`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            idempotencyKey: randomUUID(),
            respondentId: `respondent-${randomUUID()}`,
            answers: answer,
            finished: true,
          }),
        });
        expect(res.status, await res.clone().text()).toBe(201);
      }

      // 9. The results page lists both in the responses table, newest first.
      const metricsLoaded = apiCall(page, 'GET', `${surveysPath}/${survey.id}/metrics`);
      await page.getByTestId('survey-nav-results').click();
      await page.waitForURL((url) => url.pathname === `/surveys/${survey.id}/results`);
      expect((await metricsLoaded).status()).toBe(200);
      const rows = page.getByTestId('response-row');
      await expect.poll(() => rows.count()).toBe(2);
      expect(await rows.nth(0).innerText()).toContain(answers[1].comment);
      expect(await rows.nth(1).innerText()).toContain(answers[0].comment);
      await page.getByTestId('score-card').waitFor();
      expect(await page.getByTestId('metrics-responses').innerText()).toBe('2');
      const csv = await page.getByTestId('export-csv').getAttribute('href');
      expect(csv).toMatch(new RegExp(`^${surveysPath}/${survey.id}/responses\\.csv\\?from=`));

      // 10. Back on the list, the survey shows as live with its two responses.
      await page.getByRole('link', { name: 'All surveys' }).click();
      await page.waitForURL((url) => url.pathname === '/surveys');
      const row = page.getByTestId('survey-row').filter({ hasText: 'Checkout NPS' });
      await row.waitFor();
      expect(await row.getByTestId('survey-status').getAttribute('data-status')).toBe('live');

      expect(pageErrors).toEqual([]);
    } catch (error) {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'surveys-dashboard-failure.png'), fullPage: true }).catch(() => {});
      throw error;
    }
  }, 150_000);

  it('tells an admin whose edit is stale that someone else saved first, and reloads the latest version (issue 13, item 12)', async () => {
    const { app, browser } = suite;
    const admin = await app.seedAdmin();
    const other = await app.login(admin.email, admin.password);
    const baseUrl = app.baseUrl.replace(/\/$/, '');
    const surveysPath = `/api/v1/workspaces/${admin.workspaceId}/surveys`;
    const survey = (await other.post(surveysPath, { name: 'Onboarding CSAT', kind: 'csat' }).expect(201)).body as { id: string };

    const staleContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await staleContext.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    try {
      await page.goto(`${baseUrl}/surveys/${survey.id}/settings`);
      await page.waitForURL((url) => url.pathname === '/login');
      await page.getByLabel('Email', { exact: true }).fill(admin.email);
      await page.getByLabel('Password', { exact: true }).fill(admin.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname === `/surveys/${survey.id}/settings`);
      const name = page.getByLabel('Survey name');
      await expect.poll(() => name.inputValue()).toBe('Onboarding CSAT');

      // Another admin saves while this page still shows the old revision.
      await other.patch(`${surveysPath}/${survey.id}`, { name: 'Renamed by a colleague' }).expect(200);
      await name.fill('My stale rename');
      const refused = apiCall(page, 'PATCH', `${surveysPath}/${survey.id}`);
      await page.getByTestId('save-settings').click();
      const refusedResponse = await refused;
      expect(refusedResponse.status()).toBe(409);
      expect(((await refusedResponse.json()) as { error: { code: string } }).error.code).toBe('stale_survey');
      await page.getByTestId('error-alert').filter({ hasText: 'Someone else saved this survey after you opened it' }).waitFor();
      // Nothing of the stale edit was stored.
      expect((await other.get(`${surveysPath}/${survey.id}`).expect(200)).body.name).toBe('Renamed by a colleague');

      // Reloading shows the colleague's version; an edit from it saves.
      await page.getByTestId('stale-reload').click();
      await expect.poll(() => name.inputValue()).toBe('Renamed by a colleague');
      await page.getByTestId('error-alert').waitFor({ state: 'detached' });
      await name.fill('Agreed name');
      const saved = apiCall(page, 'PATCH', `${surveysPath}/${survey.id}`);
      await page.getByTestId('save-settings').click();
      expect((await saved).status()).toBe(200);
      expect((await other.get(`${surveysPath}/${survey.id}`).expect(200)).body.name).toBe('Agreed name');
      expect(pageErrors).toEqual([]);
    } catch (error) {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'surveys-dashboard-stale-failure.png'), fullPage: true }).catch(() => {});
      throw error;
    } finally {
      await staleContext.close();
    }
  }, 120_000);
});
