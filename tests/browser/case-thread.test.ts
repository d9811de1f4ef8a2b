import { DataSource } from 'typeorm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessagingSettingsService } from '@otklik/backend/src/messaging/messaging-settings.service';
import { launchChromium } from '../support/browser';
import { type LoggedIn, type SeededAdmin, startTestApp, type TestApp } from '../support/app';
import { bounceReport, rawMail, signedHeaders } from '../support/inbound-email';

/**
 * A case's conversation in a real browser, both ways: the customer's mail (landed by the inbound endpoint), our reply
 * that bounced (with the reason), a reply sent from the reply box after its preview, and a mention's public answer
 * with its link — at desktop and phone widths.
 */

const POLL = { timeout: 15_000 };

let app: TestApp | undefined;
let browser: Browser | undefined;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
let ws: string;
let secret: string;
const contexts: BrowserContext[] = [];

const postMail = (mail: string) =>
  app!.http().post(`${ws}/inbound/email`).set('content-type', 'message/rfc822').set(signedHeaders(secret, mail)).send(mail).expect(200);
const messagesOf = async (caseId: string) =>
  (await asAdmin.get(`${ws}/cases/${caseId}/messages`).expect(200)).body as { messageId: string }[];

/** A case of Anna's with her mail and our reply, which bounced. */
async function bouncedConversation(title: string, address: string): Promise<string> {
  await asAdmin.put(`${ws}/customers/${address.split('@')[0]}`, { name: 'Anna Petrova', email: address, attributes: { language: 'en' } });
  const caseId = (await asAdmin.post(`${ws}/cases`, { title, channel: 'email', customerId: address.split('@')[0] }).expect(201)).body.id;
  await postMail(
    rawMail(
      {
        // The provider verified her domain: only then does a mail land by the sender's address.
        'Authentication-Results': `mx.provider.test; dkim=pass header.d=${address.split('@')[1]}`,
        From: `Anna Petrova <${address}>`,
        Subject: title,
        'Message-ID': `<${caseId}@customer.test>`,
      },
      'The lid of my box was broken.',
    ),
  );
  await asAdmin.post(`${ws}/cases/${caseId}/replies`, { text: 'Sorry! A new box is on its way.' }).expect(201);
  const [, ours] = (await messagesOf(caseId)) as { id: string; messageId: string }[];
  // No SMTP here: stamp it sent, as the dispatch would (a report is applied only to a mail we sent).
  await app!.app
    .get(DataSource)
    .query(`UPDATE messages SET status = 'sent', sent_at = now() WHERE workspace_id = $1 AND id = $2`, [admin.workspaceId, ours!.id]);
  await postMail(bounceReport(address, ours!.messageId));
  return caseId;
}

beforeAll(async () => {
  app = await startTestApp({ smtpUrl: undefined });
  admin = await app.seedAdmin('Uzhinbox');
  asAdmin = await app.login(admin.email, admin.password);
  ws = `/api/v1/workspaces/${admin.workspaceId}`;
  secret = await app.app.get(MessagingSettingsService).inboundSecret(admin.workspaceId);
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

describe('the case conversation', () => {
  for (const [name, width, height] of [
    ['desktop', 1440, 900],
    ['phone', 390, 844],
  ] as const) {
    it(`shows the thread both ways and sends a reply from the reply box at ${name} width (${width} px)`, async () => {
      const address = `anna.${name}@customer.test`;
      const caseId = await bouncedConversation(`Broken lid (${name})`, address);
      const { page, errors } = await signedIn(width, height);
      await page.goto(`${app!.baseUrl}/cases/${caseId}`);

      const thread = page.getByTestId('case-thread');
      const messages = thread.getByTestId('thread-message');
      await expect.poll(() => messages.count(), POLL).toBe(2);
      const theirs = messages.nth(0);
      expect(await theirs.getAttribute('data-direction')).toBe('inbound');
      expect(await theirs.textContent()).toContain('The lid of my box was broken.');
      expect(await theirs.textContent()).toContain(`from ${address}`);
      const ours = messages.nth(1);
      expect(await ours.getAttribute('data-status')).toBe('bounced');
      expect(await ours.textContent()).toContain('Bounced');
      expect(await ours.getByTestId('thread-problem').textContent()).toContain(
        'Not delivered: 5.1.1 smtp; 550 5.1.1 mailbox does not exist',
      );

      // The reply box says where the reply goes before it is sent.
      const preview = page.getByTestId('reply-preview');
      await expect.poll(() => preview.textContent(), POLL).toContain(`Goes by Email to ${address}, in English.`);
      expect(await preview.textContent()).toContain(`Subject: Re: Broken lid (${name})`);
      await page.getByLabel('Reply', { exact: true }).fill('We have sent it again to your other address.');
      await page.getByTestId('reply-submit').click();
      await expect.poll(() => messages.count(), POLL).toBe(3);
      const sent = messages.nth(2);
      expect(await sent.getAttribute('data-status')).toBe('queued');
      expect(await sent.textContent()).toContain('We have sent it again to your other address.');
      expect(await page.getByTestId('status-message').textContent()).toContain(`Reply queued by Email to ${address}.`);

      // Thread messages never overflow the page sideways.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(errors).toEqual([]);
    });
  }

  it('records a public answer with its link from the reply box', async () => {
    const caseId = (await asAdmin.post(`${ws}/cases`, { title: 'Rude courier (review)', channel: 'review' }).expect(201)).body.id;
    const { page, errors } = await signedIn(1440, 900);
    await page.goto(`${app!.baseUrl}/cases/${caseId}`);
    await expect.poll(() => page.getByTestId('thread-empty').isVisible(), POLL).toBe(true);
    const preview = page.getByTestId('reply-preview');
    await expect.poll(() => preview.textContent(), POLL).toContain('Add the link of your public answer');
    await page.getByLabel('Link to the public answer').fill('https://reviews.example/uzhinbox/42#reply');
    await expect
      .poll(() => preview.textContent(), POLL)
      .toContain('Recorded as a public answer at https://reviews.example/uzhinbox/42#reply.');
    await page.getByLabel('Reply', { exact: true }).fill('We are sorry: the courier has been spoken to.');
    await page.getByTestId('reply-submit').click();
    const link = page.getByTestId('public-link');
    await expect.poll(() => link.isVisible(), POLL).toBe(true);
    expect(await link.getAttribute('href')).toBe('https://reviews.example/uzhinbox/42#reply');
    expect(await link.getAttribute('rel')).toContain('noopener');
    expect(errors).toEqual([]);
  });
});
