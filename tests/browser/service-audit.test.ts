import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type BrowserContext } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { apiCall, browserSuite } from '../support/browser-suite';

/**
 * The traffic-light audit in a real browser: a checklist criterion scored through the form turns its cell red
 * (2 of 3 items passed = 66.67 % against green ≥ 90, yellow ≥ 75), the red cell takes an improvement step that
 * lands in the promise register, and lowering the yellow threshold in the set-up turns the same cell yellow. The
 * touchpoint's header links to its open steps in /promises (filtered by touchpoint and source audit); the set-up
 * renames the process and step and edits the criterion's name and unit, and a stale rename says so and reloads.
 */

const ARTIFACTS = join(__dirname, '..', '.tmp');
const suite = browserSuite();
let context: BrowserContext | undefined;
afterAll(() => context?.close());

/** The last full month in UTC (a day's difference from Moscow never moves it in the middle of a month's check). */
function lastMonth(): string {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

describe('service audit page', () => {
  it('scores a checklist, adds an improvement step to the red cell and re-colours it after a threshold edit', async () => {
    const { app, browser } = suite;
    const admin = await app.seedAdmin();
    const baseUrl = app.baseUrl.replace(/\/$/, '');
    const ws = `/api/v1/workspaces/${admin.workspaceId}`;
    const api = await app.login(admin.email, admin.password);
    const touchpoint = (await api.post(`${ws}/touchpoints`, { name: 'Call centre', stage: 'repeat', channel: 'phone' }).expect(201)).body
      .id;
    const process = (await api.post(`${ws}/service-audit/processes`, { touchpointId: touchpoint, name: 'Inbound calls' }).expect(201)).body
      .id;
    const step = (await api.post(`${ws}/service-audit/processes/${process}/steps`, { name: 'Conversation' }).expect(201)).body.id;
    const criterion = (
      await api
        .post(`${ws}/service-audit/steps/${step}/criteria`, {
          name: 'Call listening',
          measure: 'checklist_percent',
          checklistItems: ['Greeted by name', 'Offered a solution', 'Summarised next steps'],
        })
        .expect(201)
    ).body.id;
    const month = lastMonth();

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
      await page.getByTestId('main-nav').getByRole('link', { name: 'Service audit' }).click();
      await page.waitForURL((url) => url.pathname === '/audit');
      await page.goto(`${baseUrl}/audit?month=${month}`);

      const row = page.locator(`[data-testid=audit-row][data-criterion="${criterion}"]`);
      await row.waitFor();
      expect(await row.getAttribute('data-colour')).toBe('no_data');
      await row.getByTestId('audit-cell').getByText('No data').waitFor();

      // One check: the summary item failed.
      await row.getByTestId('audit-score').click();
      const form = page.getByTestId('audit-check-form');
      await form.getByTestId('audit-item-2-failed').check();
      const scored = apiCall(page, 'POST', /\/checks$/);
      await form.getByTestId('audit-check-save').click();
      expect((await scored).status()).toBe(201);
      await expect.poll(() => row.getAttribute('data-colour')).toBe('red');
      // Colour is never the only signal: the cell names it and shows the value.
      await row.getByTestId('audit-cell').getByText('66.67 %').waitFor();
      await row.getByTestId('audit-cell').getByText('Red').waitFor();
      await page.getByTestId('audit-summary').getByText('0 green · 0 yellow · 1 red').waitFor();

      // The red cell takes an improvement step (owner, due date, text): it shows on the row and is in the register.
      await row.getByTestId('audit-add-step').click();
      const stepForm = page.getByTestId('audit-step-form');
      await stepForm.getByLabel('Owner').selectOption(admin.userId);
      await stepForm.getByLabel('What will change').fill('Add the summary to the call script');
      const added = apiCall(page, 'POST', /\/improvement-steps$/);
      await stepForm.getByTestId('audit-step-save').click();
      expect((await added).status()).toBe(201);
      await row.getByTestId('audit-step').getByText('Add the summary to the call script').waitFor();
      const register = (await api.get(`${ws}/promises`).expect(200)).body;
      expect(JSON.stringify(register)).toContain('Add the summary to the call script');

      // The detail dialog draws the 12-month chart.
      await row.getByRole('button', { name: 'Call listening' }).click();
      await page.getByTestId('audit-detail').waitFor();
      await page.getByTestId('audit-check').getByText('2 of 3 passed').waitFor();
      await page.keyboard.press('Escape');

      // Lower the yellow threshold to 60: the same 66.67 % is now yellow.
      await page.getByTestId('audit-tab-setup').click();
      await page.getByTestId('audit-setup').waitFor();
      await page.getByTestId('audit-yellow').fill('60');
      const saved = apiCall(page, 'PATCH', /\/service-audit\/criteria\//);
      await page.getByTestId('audit-save-criterion').click();
      expect((await saved).status()).toBe(200);
      await page.getByTestId('audit-tab-grid').click();
      await expect.poll(() => row.getAttribute('data-colour')).toBe('yellow');
      await row.getByTestId('audit-cell').getByText('Yellow').waitFor();

      // The touchpoint's header links to its open improvement steps in the register, filtered by touchpoint and source.
      const link = page.getByTestId('audit-open-steps');
      expect(await link.getAttribute('href')).toBe(`/promises?touchpoint=${touchpoint}&source=audit&status=open`);
      const listed = apiCall(page, 'GET', /\/promises$/);
      await link.click();
      await page.waitForURL((url) => url.pathname === '/promises');
      const listUrl = new URL((await listed).url());
      expect(Object.fromEntries(listUrl.searchParams)).toMatchObject({ touchpoint, source: 'audit', status: 'open' });
      expect(await page.getByTestId('filter-source').inputValue()).toBe('audit');
      expect(await page.getByTestId('filter-touchpoint').inputValue()).toBe(touchpoint);
      expect(await page.getByTestId('filter-status').inputValue()).toBe('open');
      await expect.poll(() => page.getByTestId('promise-row').count()).toBe(1);
      await page.getByTestId('promise-row').getByText('Add the summary to the call script').waitFor();
      await page.getByTestId('promise-total').getByText('1').waitFor();

      // Set-up: rename the process and the step in place, and the criterion's name and unit (saved at their revisions).
      await page.goto(`${baseUrl}/audit?tab=setup&month=${month}`);
      await page.getByTestId('audit-setup').waitFor();
      await page.getByTestId('audit-process-name-rename').click();
      await page.getByTestId('audit-process-name-input').fill('Inbound and callback calls');
      const renamed = apiCall(page, 'PATCH', /\/service-audit\/processes\//);
      await page.getByTestId('audit-process-name-form').getByRole('button', { name: 'Save' }).click();
      expect((await renamed).status()).toBe(204);
      await page.getByTestId('audit-process-name').getByText('Inbound and callback calls', { exact: true }).waitFor();
      await page.getByTestId('audit-step-name-rename').click();
      await page.getByTestId('audit-step-name-input').fill('Whole conversation');
      const stepRenamed = apiCall(page, 'PATCH', /\/service-audit\/steps\//);
      await page.getByTestId('audit-step-name-form').getByRole('button', { name: 'Save' }).click();
      expect((await stepRenamed).status()).toBe(204);
      await page.getByTestId('audit-step-name').getByText('Whole conversation', { exact: true }).waitFor();
      await page.getByTestId('audit-criterion-name').fill('Call quality');
      await page.getByTestId('audit-unit').fill('pct');
      const edited = apiCall(page, 'PATCH', /\/service-audit\/criteria\//);
      await page.getByTestId('audit-save-criterion').click();
      expect((await edited).status()).toBe(200);
      await expect.poll(async () => page.getByTestId('audit-criterion-name').inputValue()).toBe('Call quality');
      const model = (await api.get(`${ws}/service-audit/model`).expect(200)).body;
      expect(model.processes[0]).toMatchObject({ name: 'Inbound and callback calls', revision: 2 });
      expect(model.processes[0].steps[0]).toMatchObject({ name: 'Whole conversation', revision: 2 });
      // Revision 1 at creation, 2 after the yellow threshold, 3 after the name and unit.
      expect(model.processes[0].steps[0].criteria[0]).toMatchObject({ name: 'Call quality', unit: 'pct', yellow: 60, revision: 3 });

      // Someone else renames the process meanwhile: this page's rename is refused, says so and shows their name.
      await page.getByTestId('audit-process-name-rename').click();
      await api.patch(`${ws}/service-audit/processes/${process}`, { revision: 2, name: 'Calls (theirs)' }).expect(204);
      await page.getByTestId('audit-process-name-input').fill('Mine, too late');
      const stale = apiCall(page, 'PATCH', /\/service-audit\/processes\//);
      await page.getByTestId('audit-process-name-form').getByRole('button', { name: 'Save' }).click();
      expect((await stale).status()).toBe(409);
      await page.getByTestId('audit-setup').getByText('Someone else changed this since you opened it').waitFor();
      await page.getByTestId('audit-process-name').getByText('Calls (theirs)', { exact: true }).waitFor();
      expect((await api.get(`${ws}/service-audit/model`).expect(200)).body.processes[0].name).toBe('Calls (theirs)');

      // A rename the server cannot take (here the network drops it) keeps the field open with the typed name.
      await page.route(/\/service-audit\/processes\//, (route) =>
        route.request().method() === 'PATCH' ? route.abort('connectionfailed') : route.continue(),
      );
      await page.getByTestId('audit-process-name-rename').click();
      await page.getByTestId('audit-process-name-input').fill('Calls, kept in the field');
      await page.getByTestId('audit-process-name-form').getByRole('button', { name: 'Save' }).click();
      await page.getByTestId('audit-setup').getByTestId('error-alert').waitFor();
      expect(await page.getByTestId('audit-process-name-input').inputValue()).toBe('Calls, kept in the field');
      await page.unroute(/\/service-audit\/processes\//);
      expect((await api.get(`${ws}/service-audit/model`).expect(200)).body.processes[0].name).toBe('Calls (theirs)');
      expect(pageErrors).toEqual([]);
    } catch (error) {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'service-audit-failure.png'), fullPage: true }).catch(() => {});
      throw error;
    }
  }, 90_000);
});
