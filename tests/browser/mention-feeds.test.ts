import { readFileSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { startTestApp } from '../support/app';

/**
 * Mentions → Feeds in a real browser against a loopback feed server: a private URL is refused at its field,
 * an RSS feed is added and checked now (3 mentions, OK badge), a broken feed shows Error with its message and
 * failure count, a feed is paused and deleted, and a viewer sees the list without the controls.
 */

const ARTIFACTS = join(__dirname, '..', '.tmp');
const POLL = { timeout: 15_000 };
const RSS = readFileSync(join(__dirname, '../fixtures/feeds/reviews.rss.xml'), 'utf8');
const BROKEN = readFileSync(join(__dirname, '../fixtures/feeds/broken.xml'), 'utf8');

type TestApp = Awaited<ReturnType<typeof startTestApp>>;

let app: TestApp | undefined;
let browser: Browser | undefined;
let feedServer: Server | undefined;
let feedsUrl = '';
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  // Background polling off: every check in this test is a click on "Check now".
  app = await startTestApp({ webhookAllowedNetworks: ['127.0.0.0/8'], backgroundJobs: false });
  feedServer = createServer((req, res) => {
    const broken = req.url?.startsWith('/broken');
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.end(broken ? BROKEN : RSS);
  });
  await new Promise<void>((resolve) => feedServer!.listen(0, '127.0.0.1', resolve));
  feedsUrl = `http://127.0.0.1:${(feedServer.address() as { port: number }).port}`;
  browser = await launchChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await new Promise((resolve) => feedServer?.close(resolve));
  await app?.close();
}, 60_000);

async function newPage(email: string, password: string, width = 1280): Promise<{ page: Page; errors: string[] }> {
  const context = await browser!.newContext({ viewport: { width, height: 900 }, locale: 'en-US' });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${app!.baseUrl}/login`);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  return { page, errors };
}

async function addFeed(page: Page, url: string, name: string, source: string) {
  await page.getByTestId('add-feed').first().click();
  const dialog = page.getByTestId('feed-dialog');
  await dialog.getByLabel('Feed URL').fill(url);
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Source').fill(source);
  await dialog.getByLabel('Check on schedule').uncheck();
  await dialog.getByTestId('feed-save').click();
}

describe('mention feeds page', () => {
  it('adds, checks, shows errors, pauses and deletes feeds', async () => {
    const admin = await app!.seedAdmin('Feeds UI');
    const { page, errors } = await newPage(admin.email, admin.password);
    await page.goto(`${app!.baseUrl}/mentions/feeds`);
    await expect.poll(() => page.getByRole('heading', { name: 'Feeds', level: 1 }).isVisible(), POLL).toBe(true);
    await expect.poll(() => page.getByText('No feeds yet').isVisible(), POLL).toBe(true);

    // A private address is refused at its field, and the dialog stays open.
    await addFeed(page, 'http://10.1.2.3/feed.xml', 'Intranet', 'intranet');
    await expect
      .poll(() => page.getByTestId('feed-url-error').textContent(), POLL)
      .toContain('non-public address (10.1.2.3 is a private address)');
    await page.getByTestId('feed-dialog').getByLabel('Feed URL').fill(`${feedsUrl}/reviews.rss`);
    await page.getByTestId('feed-dialog').getByTestId('feed-save').click();
    await expect.poll(() => page.getByTestId('feed-row').count(), POLL).toBe(1);
    const reviews = page.getByTestId('feed-row').filter({ hasText: 'Intranet' });
    await expect.poll(() => reviews.getByTestId('feed-status').getAttribute('data-status'), POLL).toBe('never');

    await reviews.getByTestId('feed-poll').click();
    await expect.poll(() => reviews.getByTestId('feed-status').getAttribute('data-status'), POLL).toBe('ok');
    expect(await reviews.getByTestId('feed-items').textContent()).toBe('3');
    await expect.poll(() => page.getByText('Intranet: 3 new, 0 already known.').isVisible(), POLL).toBe(true);
    // Checked again: the same items are known, nothing doubles.
    await reviews.getByTestId('feed-poll').click();
    await expect.poll(() => page.getByText('Intranet: 0 new, 3 already known.').isVisible(), POLL).toBe(true);

    await addFeed(page, `${feedsUrl}/broken.rss`, 'Broken site', 'broken');
    const broken = page.getByTestId('feed-row').filter({ hasText: 'Broken site' });
    await broken.getByTestId('feed-poll').click();
    await expect.poll(() => broken.getByTestId('feed-status').getAttribute('data-status'), POLL).toBe('error');
    expect(await broken.getByTestId('feed-error').textContent()).toMatch(/^invalid feed XML: /);
    expect(await broken.textContent()).toContain('1 failed in a row');
    await expect
      .poll(() => page.getByTestId('error-alert').textContent(), POLL)
      .toMatch(/^Broken site could not be read: invalid feed XML: /);
    await page.screenshot({ path: join(ARTIFACTS, 'mention-feeds.png'), fullPage: true });

    // Edit: the name changes in place.
    await broken.getByTestId('feed-edit').click();
    await page.getByTestId('feed-dialog').getByLabel('Name').fill('Broken review site');
    await page.getByTestId('feed-dialog').getByTestId('feed-save').click();
    await expect.poll(() => page.getByText('Broken review site saved.').isVisible(), POLL).toBe(true);

    // Switch on, then delete with confirmation.
    const toggle = reviews.getByRole('switch', { name: 'Check Intranet on schedule' });
    await toggle.check();
    await expect.poll(() => page.getByText('Intranet is checked on schedule again.').isVisible(), POLL).toBe(true);
    await reviews.getByTestId('feed-remove').click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => page.getByTestId('feed-row').count(), POLL).toBe(1);
    expect(errors).toEqual([]);

    // A viewer sees the status but no controls; on a phone the table stacks.
    const viewer = await app!.createUser();
    await app!.addMember(admin.workspaceId, viewer.userId, 'viewer');
    const asViewer = await newPage(viewer.email, viewer.password, 390);
    await asViewer.page.goto(`${app!.baseUrl}/mentions/feeds`);
    await expect.poll(() => asViewer.page.getByTestId('feed-row').count(), POLL).toBe(1);
    expect(await asViewer.page.getByTestId('feed-poll').count()).toBe(0);
    expect(await asViewer.page.getByRole('switch').isDisabled()).toBe(true);
    await asViewer.page.screenshot({ path: join(ARTIFACTS, 'mention-feeds-mobile.png'), fullPage: true });
    expect(asViewer.errors).toEqual([]);
  }, 120_000);
});
