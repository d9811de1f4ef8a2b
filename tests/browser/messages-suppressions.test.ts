import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessagingService } from '@otklik/backend/src/messaging/messaging.service';
import { launchChromium } from '../support/browser';
import { type SeededAdmin, type SeededUser, startTestApp, type TestApp } from '../support/app';

/**
 * The outbox's "Suppressed addresses": the list with each address's reason, an admin allowing one again after a
 * confirmation (at desktop and phone widths), and an analyst who sees the list without the button and without retry.
 */

const POLL = { timeout: 15_000 };

let app: TestApp | undefined;
let browser: Browser | undefined;
let admin: SeededAdmin;
let analyst: SeededUser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  app = await startTestApp({ smtpUrl: undefined, messagePollMs: 50 });
  admin = await app.seedAdmin('Uzhinbox');
  analyst = await app.createUser();
  await app.addMember(admin.workspaceId, analyst.userId, 'analyst');
  const messaging = app.app.get(MessagingService);
  await messaging.markBounced(admin.workspaceId, 'olga.old@example.test', '550 5.1.1 <olga.old@example.test>: user unknown');
  await messaging.markBounced(admin.workspaceId, 'ivan.typo@example.test', '550 5.1.1 mailbox unavailable');
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await app?.close();
}, 60_000);

async function signedIn(user: SeededUser, width: number, height: number): Promise<{ page: Page; errors: string[] }> {
  const context = await browser!.newContext({ viewport: { width, height }, locale: 'en-US' });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${app!.baseUrl}/login`);
  await page.getByLabel('Email', { exact: true }).fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  return { page, errors };
}

describe('suppressed addresses', () => {
  for (const [name, width, height, address] of [
    ['desktop', 1440, 900, 'ivan.typo@example.test'],
    ['phone', 390, 844, 'olga.old@example.test'],
  ] as const) {
    it(`an admin allows an address again after a confirmation at ${name} width (${width} px)`, async () => {
      const { page, errors } = await signedIn(admin, width, height);
      await page.goto(`${app!.baseUrl}/messages`);
      const list = page.getByTestId('suppressions');
      const row = list.getByTestId('suppression-row').filter({ hasText: address });
      await expect.poll(() => row.count(), POLL).toBe(1);
      expect(await row.textContent()).toContain('Bounced');
      expect(await row.textContent()).toContain('550 5.1.1');
      await row.getByRole('button', { name: `Allow ${address} again` }).click();
      const dialog = page.getByRole('dialog');
      expect(await dialog.textContent()).toContain(`The next message to ${address} is sent.`);
      await dialog.getByRole('button', { name: 'Allow again' }).click();
      await expect.poll(() => row.count(), POLL).toBe(0);
      expect(await list.textContent()).toContain(`${address} is allowed again.`);
      expect(await app!.app.get(MessagingService).isSuppressed(admin.workspaceId, address)).toBe(false);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(errors).toEqual([]);
    });
  }

  it('an analyst sees the list without the button', async () => {
    await app!.app.get(MessagingService).markBounced(admin.workspaceId, 'kept@example.test', '550 user unknown');
    const { page, errors } = await signedIn(analyst, 1440, 900);
    await page.goto(`${app!.baseUrl}/messages`);
    const list = page.getByTestId('suppressions');
    await expect.poll(() => list.getByTestId('suppression-row').filter({ hasText: 'kept@example.test' }).count(), POLL).toBe(1);
    expect(await list.getByTestId('suppression-allow').count()).toBe(0);
    expect(await list.getByTestId('suppressions-admin-only').textContent()).toContain('Only workspace admins allow an address again.');
    expect(errors).toEqual([]);
  });
});
