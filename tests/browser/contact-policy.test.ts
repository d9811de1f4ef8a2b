import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite } from '../support/browser-suite';

/**
 * The contact policy in the dashboard (issue 18): the customer profile shows the communication guard and why (the
 * open complaint, with a link to its case) and when a survey last asked; Settings → Contact policy saves the
 * frequency and the guard's periods.
 */
const ARTIFACTS = join(__dirname, '..', '.tmp');
const suite = browserSuite();

async function signIn(page: Page, baseUrl: string, email: string, password: string, path: string): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.waitForURL((url) => url.pathname === '/login');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === path);
}

describe('contact policy', () => {
  it('shows the guard with its reason on the profile, and saves the settings tab', async () => {
    const { app, browser } = suite;
    const admin = await app.seedAdmin('Contact policy UI');
    const ws = `/api/v1/workspaces/${admin.workspaceId}`;
    const api = await app.login(admin.email, admin.password);
    await api
      .put(`${ws}/customers/olga`, { name: 'Olga Petrova', email: 'olga@example.test' })
      .expect((r) => expect([200, 201]).toContain(r.status));
    const complaint = (await api.post(`${ws}/cases`, { title: 'Box arrived warm', customerId: 'olga' }).expect(201)).body as { id: string };
    const baseUrl = app.baseUrl.replace(/\/$/, '');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      await signIn(page, baseUrl, admin.email, admin.password, '/customers/olga');
      const card = page.getByTestId('customer-contact-policy');
      const marketing = card.getByTestId('contact-marketing');
      await expect.poll(() => marketing.innerText()).toContain('Held');
      expect(await marketing.innerText()).toContain('Open complaint');
      expect(await marketing.getByRole('link', { name: 'Open the case' }).getAttribute('href')).toBe(`/cases/${complaint.id}`);
      // Surveys are held too, for the same reason (not listed twice).
      expect(await card.getByTestId('contact-survey').innerText()).toContain('Held');
      expect(await card.getByTestId('contact-survey').innerText()).toContain('For the same reasons as marketing.');
      expect(await card.getByTestId('contact-last-asked').innerText()).toBe('No survey has asked this customer yet.');

      // Settings → Contact policy: save a 14-day frequency and a 60-day guard after cancellations.
      await page.goto(`${baseUrl}/settings/members`);
      await page.getByTestId('settings-nav').getByRole('link', { name: 'Contact policy' }).click();
      await page.waitForURL((url) => url.pathname === '/settings/contact-policy');
      await page.getByLabel('Ask a customer at most once per, days').fill('14');
      await page.getByLabel('Days after a cancellation').fill('60');
      // The guard switched off greys out its periods; back on, they can be edited again.
      await page.getByTestId('policy-guard-enabled').uncheck();
      expect(await page.getByLabel('Days after a cancellation').isDisabled()).toBe(true);
      expect(await page.getByLabel('Days after a breached SLA').isDisabled()).toBe(true);
      await page.getByTestId('policy-guard-enabled').check();
      expect(await page.getByLabel('Days after a cancellation').isDisabled()).toBe(false);
      await page.getByTestId('contact-policy-save').click();
      await page.getByText('Saved. The guard picks up the new periods within minutes.').waitFor();
      // The form shows the saved policy.
      await page.getByText(/^Last changed by /).waitFor();
      expect(await page.getByLabel('Ask a customer at most once per, days').inputValue()).toBe('14');
      expect(await page.getByLabel('Days after a cancellation').inputValue()).toBe('60');
      expect((await api.get(`${ws}/contact-policy`).expect(200)).body).toMatchObject({
        frequencyDays: 14,
        cancellationDays: 60,
        slaBreachDays: 14,
        guardEnabled: true,
        isDefault: false,
      });

      // The case closed: the profile says marketing may go again.
      await api.post(`${ws}/cases/${complaint.id}/close`, { rootCause: 'Cooler bag missing', actionTaken: 'Refunded the box' }).expect(200);
      await page.goto(`${baseUrl}/customers/olga`);
      await expect.poll(() => page.getByTestId('contact-marketing').innerText()).toContain('Allowed');
      expect(errors).toEqual([]);
    } catch (error) {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'contact-policy-failure.png'), fullPage: true }).catch(() => {});
      throw error;
    } finally {
      await context.close();
    }
  });
});
