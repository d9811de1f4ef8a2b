import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { type BrowserContext, type Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { apiCall, browserSuite } from '../support/browser-suite';

/**
 * The Touchpoints journey map in a real browser: five stage columns, an owned card with its NPS and trend
 * source, an unowned card flagged, adding a touchpoint through the dialog and giving the unowned one an owner;
 * then the SLA policies page shows the default policy and previews a deadline.
 */

const ARTIFACTS = join(__dirname, '..', '.tmp');
// No case-sync tick during the run: the detractor answer below must not open a case mid-test.
const suite = browserSuite({ publicLimitPerIpPerMinute: 100_000, caseSyncMs: 3_600_000 });
let context: BrowserContext | undefined;
afterAll(() => context?.close());

const cardNames = (page: Page, stage: string) =>
  page
    .getByTestId(`stage-${stage}`)
    .getByTestId('touchpoint-card')
    .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-name')));

describe('touchpoints dashboard', () => {
  it('shows the journey map, flags an unowned touchpoint, adds one and edits the owner', async () => {
    const { app, browser } = suite;
    const admin = await app.seedAdmin();
    const ws = `/api/v1/workspaces/${admin.workspaceId}`;
    const api = await app.login(admin.email, admin.password);
    await api.post(`${ws}/touchpoints`, { name: 'Delivery', stage: 'repeat', ownerId: admin.userId }).expect(201);
    await api.post(`${ws}/touchpoints`, { name: 'Call centre', stage: 'considering', kind: 'employee', channel: 'phone' }).expect(201);
    // NPS of Delivery: 10, 10, 3 → 2 promoters, 1 detractor of 3 = 33.3.
    const survey = await api
      .post(`${ws}/surveys`, {
        name: 'Delivery NPS',
        kind: 'nps',
        touchpointName: 'Delivery',
        displayRules: { trigger: 'page_load', samplePercent: 100, recontactDays: 0, stopAfterResponse: false },
      })
      .expect(201);
    await api.patch(`${ws}/surveys/${survey.body.id}`, { status: 'live' }).expect(200);
    for (const score of [10, 10, 3]) {
      await app
        .http()
        .post(`/api/v1/public/surveys/${survey.body.publicKey}/responses`)
        .send({ idempotencyKey: randomUUID(), respondentId: `r-${randomUUID()}`, answers: { score }, finished: true })
        .expect(201);
    }

    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const baseUrl = app.baseUrl.replace(/\/$/, '');

    try {
      await page.goto(`${baseUrl}/`);
      await page.waitForURL((url) => url.pathname === '/login');
      await page.getByLabel('Email', { exact: true }).fill(admin.email);
      await page.getByLabel('Password', { exact: true }).fill(admin.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await page.getByTestId('main-nav').getByRole('link', { name: 'Touchpoints' }).click();
      await page.waitForURL((url) => url.pathname === '/touchpoints');
      await page.getByTestId('journey-map').waitFor();

      // Five stage columns in journey order.
      const headings = await page.getByTestId('journey-map').getByRole('heading', { level: 2 }).allInnerTexts();
      expect(headings.map((h) => h.replace(/\s*\d+$/, ''))).toEqual(['Aware', 'Considering', 'Buying', 'Repeat', 'Left']);

      const delivery = page.getByTestId('touchpoint-card').filter({ hasText: 'Delivery' });
      expect(await delivery.innerText()).toContain(`Owner: ${admin.name}`);
      expect(await delivery.getByTestId('score-nps').innerText()).toContain('33.3');
      expect(await delivery.getByTestId('unowned-flag').count()).toBe(0);
      expect(await delivery.getByTestId('case-figures').innerText()).toBe('0 open cases');
      const callCentre = page.getByTestId('touchpoint-card').filter({ hasText: 'Call centre' });
      expect(await callCentre.getByTestId('unowned-flag').innerText()).toBe('No owner');

      // Add a touchpoint through the dialog.
      await page.getByTestId('add-touchpoint').click();
      const dialog = page.getByTestId('touchpoint-dialog');
      await dialog.getByLabel('Name').fill('Website');
      await dialog.getByLabel('Stage').selectOption('aware');
      await dialog.getByLabel('Channel').selectOption('web_form');
      await dialog.getByLabel('Regulation (the written standard)').fill('Pages load within 2 seconds.');
      const created = apiCall(page, 'POST', new RegExp(`${ws}/touchpoints$`));
      await dialog.getByTestId('touchpoint-save').click();
      expect((await created).status()).toBe(201);
      await expect.poll(() => cardNames(page, 'aware')).toEqual(['Website']);

      // Give the unowned touchpoint an owner: the flag goes away.
      await callCentre.click();
      await dialog.getByLabel('Owner', { exact: true }).selectOption(admin.userId);
      const patched = apiCall(page, 'PATCH', new RegExp(`${ws}/touchpoints/[0-9a-f-]+$`));
      await dialog.getByTestId('touchpoint-save').click();
      expect((await patched).status()).toBe(200);
      await expect.poll(() => callCentre.getByTestId('unowned-flag').count()).toBe(0);
      expect(await callCentre.innerText()).toContain(`Owner: ${admin.name}`);

      // SLA policies: the default policy is there; a preview gives due times.
      await page.getByTestId('sla-link').click();
      await page.waitForURL((url) => url.pathname === '/touchpoints/sla');
      await page.getByTestId('sla-grid').waitFor();
      expect(await page.getByLabel('Time zone').inputValue()).toBe('Europe/Moscow');
      expect(await page.getByLabel('Monday').inputValue()).toBe('09:00-18:00');
      const preview = apiCall(page, 'POST', /\/preview$/);
      await page.getByRole('button', { name: 'Calculate' }).click();
      expect((await preview).status()).toBe(200);
      await page.getByTestId('sla-preview-result').waitFor();

      expect(pageErrors).toEqual([]);
    } catch (error) {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'touchpoints-dashboard-failure.png'), fullPage: true }).catch(() => {});
      throw error;
    }
  }, 120_000);
});
