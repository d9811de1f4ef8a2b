import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite } from '../support/browser-suite';

/**
 * Identity verification in the dashboard (issue 13, item 5): Settings → Identity verification reveals the secret the
 * API holds, rotates it (the previous one stays valid for a while) and shows the server-side snippets; the survey
 * builder's switch turns "require verified customer identity" on; non-admins only learn that the page is for admins.
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

describe('identity verification settings', () => {
  it('reveals and rotates the secret, shows the snippets, and the builder switch requires verified customers', async () => {
    const { app, browser } = suite;
    const admin = await app.seedAdmin('Identity UI');
    const ws = `/api/v1/workspaces/${admin.workspaceId}`;
    const api = await app.login(admin.email, admin.password);
    const survey = (await api.post(`${ws}/surveys`, { name: 'Checkout NPS', kind: 'nps' }).expect(201)).body as { id: string };
    const baseUrl = app.baseUrl.replace(/\/$/, '');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      await signIn(page, baseUrl, admin.email, admin.password, '/settings/members');
      await page.getByTestId('settings-nav').getByRole('link', { name: 'Identity verification' }).click();
      await page.waitForURL((url) => url.pathname === '/settings/identity');
      const snippets = page.getByTestId('identity-snippets');
      await expect.poll(() => snippets.innerText()).toContain("hash_hmac('sha256', $customerId, getenv('OTKLIK_IDENTITY_SECRET'))");
      expect(await snippets.innerText()).toContain("createHmac('sha256', process.env.OTKLIK_IDENTITY_SECRET)");
      expect(await snippets.innerText()).toContain('hashlib.sha256');

      await page.getByTestId('identity-reveal').click();
      const field = page.getByTestId('identity-secret');
      await field.waitFor();
      const shown = await field.inputValue();
      expect(shown).toBe((await api.get(`${ws}/identity-secret`).expect(200)).body.secret);

      await page.getByRole('button', { name: 'Rotate secret' }).first().click();
      await page.getByRole('dialog').getByRole('button', { name: 'Rotate secret' }).click();
      await page.getByTestId('identity-previous').waitFor();
      const rotated = await field.inputValue();
      expect(rotated).not.toBe(shown);
      expect(rotated).toBe((await api.get(`${ws}/identity-secret`).expect(200)).body.secret);

      // The survey builder's switch.
      await page.goto(`${baseUrl}/surveys/${survey.id}/settings`);
      const toggle = page.getByTestId('require-verified-customer');
      await toggle.check();
      await page.getByTestId('save-settings').click();
      await expect.poll(async () => (await api.get(`${ws}/surveys/${survey.id}`).expect(200)).body.requireVerifiedCustomer).toBe(true);
      expect(errors).toEqual([]);
    } catch (error) {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'identity-settings-failure.png'), fullPage: true }).catch(() => {});
      throw error;
    } finally {
      await context.close();
    }

    // A viewer sees only that the page is for admins.
    const viewer = await app.createUser();
    await app.addMember(admin.workspaceId, viewer.userId, 'viewer');
    const viewerContext = await browser.newContext({ locale: 'en-US' });
    try {
      const viewerPage = await viewerContext.newPage();
      viewerPage.setDefaultTimeout(15_000);
      await signIn(viewerPage, baseUrl, viewer.email, viewer.password, '/settings/identity');
      await viewerPage.getByTestId('identity-admin-only').waitFor();
      expect(await viewerPage.getByTestId('identity-secret-panel').count()).toBe(0);
    } finally {
      await viewerContext.close();
    }
  });
});
