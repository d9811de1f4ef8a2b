import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { type SeededAdmin, startTestApp, type TestApp } from '../support/app';

/**
 * The outbox in a real browser on a server without SMTP_URL: the "email is not configured" banner, the queued
 * messages with their status, a message's preview (the rendered email in a sandboxed frame, its text and headers) at
 * desktop and phone widths, and cancelling a queued message.
 */

const POLL = { timeout: 15_000 };

let app: TestApp | undefined;
let browser: Browser | undefined;
let admin: SeededAdmin;
const contexts: BrowserContext[] = [];
const ids: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp({ smtpUrl: undefined, messagePollMs: 50 });
  admin = await app.seedAdmin('Uzhinbox');
  const asAdmin = await app.login(admin.email, admin.password);
  const ws = `/api/v1/workspaces/${admin.workspaceId}`;
  await asAdmin.put(`${ws}/customers/olga`, { name: 'Ольга Смирнова', email: 'olga@example.test' }).expect(201);
  await asAdmin.put(`${ws}/messaging/settings`, { fromName: 'Uzhinbox Care', brandColour: '#e8590c' }).expect(200);
  for (const [key, subject, text] of [
    ['late', 'Re: Курьер опоздал', 'Здравствуйте, Ольга!\n\nМы вернули стоимость доставки. <img src=x onerror="window.hacked=1">'],
    ['draft', 'Re: Pause', 'Paused until September.'],
  ]) {
    const res = await asAdmin
      .post(`${ws}/messages`, { customerExternalId: 'olga', channel: 'email', subject, text, language: 'ru' })
      .expect(201);
    ids[key] = res.body.id;
  }
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await app?.close();
}, 60_000);

async function signedIn(width: number, height: number): Promise<{ page: Page; errors: string[] }> {
  const context = await browser!.newContext({ viewport: { width, height }, locale: 'en-US' });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${app!.baseUrl}/login`);
  await page.getByLabel('Email', { exact: true }).fill(admin.email);
  await page.getByLabel('Password', { exact: true }).fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  return { page, errors };
}

describe('the outbox', () => {
  for (const [name, width, height] of [
    ['desktop', 1440, 900],
    ['phone', 390, 844],
  ] as const) {
    it(`shows the banner and a message's preview at ${name} width (${width} px)`, async () => {
      const { page, errors } = await signedIn(width, height);
      await page.goto(`${app!.baseUrl}/messages`);
      const banner = page.getByTestId('smtp-banner');
      await expect.poll(() => banner.isVisible(), POLL).toBe(true);
      expect(await banner.textContent()).toContain('Email is not configured');
      expect(await banner.textContent()).toContain('go out once SMTP_URL is set');
      expect(await page.getByTestId('tab-queued').textContent()).toContain('Queued (2)');

      const rows = page.getByTestId('message-row');
      await expect.poll(() => rows.count(), POLL).toBe(2);
      const late = rows.filter({ hasText: 'Re: Курьер опоздал' });
      expect(await late.getByTestId('message-status').getAttribute('data-status')).toBe('queued');
      await late.getByRole('button', { name: 'Re: Курьер опоздал' }).click();

      const preview = page.getByTestId('message-preview');
      await expect.poll(() => preview.getAttribute('data-message'), POLL).toBe(ids.late);
      expect(await preview.isVisible()).toBe(true);
      const frame = page.getByTestId('message-html');
      expect(await frame.getAttribute('sandbox')).toBe('');
      // The email as the customer sees it: the workspace's name, the text (its markup shown as text), the Russian footer.
      const inFrame = page.frameLocator('[data-testid="message-html"]');
      await expect.poll(() => inFrame.getByText('Uzhinbox', { exact: true }).isVisible(), POLL).toBe(true);
      expect(await inFrame.locator('body').innerText()).toContain('Мы вернули стоимость доставки. <img src=x onerror="window.hacked=1">');
      expect(await inFrame.locator('img').count()).toBe(0);
      expect(await page.getByTestId('message-text').textContent()).toContain('Здравствуйте, Ольга!');
      expect(await page.getByTestId('message-headers').textContent()).toContain('"Uzhinbox Care"');
      expect(await page.evaluate(() => (window as { hacked?: number }).hacked)).toBeUndefined();

      // Nothing sticks out sideways on a phone.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(errors).toEqual([]);
    });
  }

  it('cancels a queued message after a confirmation', async () => {
    const { page, errors } = await signedIn(1440, 900);
    await page.goto(`${app!.baseUrl}/messages?status=queued`);
    const draft = page.getByTestId('message-row').filter({ hasText: 'Re: Pause' });
    await draft.getByRole('button', { name: 'Re: Pause' }).click();
    await page.getByTestId('message-cancel').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel sending' }).click();
    await expect
      .poll(() => page.getByTestId('message-preview').getByTestId('message-status').getAttribute('data-status'), POLL)
      .toBe('cancelled');
    await expect.poll(() => page.getByTestId('tab-cancelled').textContent(), POLL).toContain('Cancelled (1)');
    expect(errors).toEqual([]);
  });
});
