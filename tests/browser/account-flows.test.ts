import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoggedIn, type SeededAdmin, startTestApp, type TestApp } from '../support/app';
import { launchChromium } from '../support/browser';
import { type MailServer, startMailServer } from '../support/mail-server';

/**
 * The account flows of issue 13 in a real browser, with mail delivered to a real SMTP server on loopback:
 * a new person creates an account from an invitation with the mailed code; an existing one signs in, then
 * accepts; a wrong account is told so; the account page changes the password and signs out everywhere; an admin
 * mails a member a password reset link, and the link sets a new password. Screenshots at 1440 and 390 px.
 */
const ARTIFACTS = join(__dirname, '..', '.tmp');
const POLL = { timeout: 15_000 };
const WIDE = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

let t: TestApp;
let mail: MailServer;
let browser: Browser;
let admin: SeededAdmin;
let asAdmin: LoggedIn;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  mail = await startMailServer();
  t = await startTestApp({ smtpUrl: mail.url });
  browser = await launchChromium();
  admin = await t.seedAdmin('Browser Accounts');
  asAdmin = await t.login(admin.email, admin.password);
}, 180_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await t?.close();
  await mail?.close();
}, 60_000);

async function openPage(viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'en-US' });
  contexts.push(context);
  return context.newPage();
}

async function signIn(page: Page, email: string, password: string, next = '/'): Promise<void> {
  await page.goto(`${t.baseUrl}/login?next=${encodeURIComponent(next)}`);
  await page.fill('#login-email', email);
  await page.fill('#login-password', password);
  await page.click('[data-testid="login-form"] button[type="submit"]');
  await expect.poll(() => new URL(page.url()).pathname, POLL).toBe(next.split('?')[0]);
}

const invite = async (email: string, role = 'analyst') =>
  (await asAdmin.post(`/api/v1/workspaces/${admin.workspaceId}/invitations`, { email, role }).expect(201)).body.token as string;
const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `account-${name}.png`), fullPage: true });

describe('invitation page', () => {
  it('creates a new account with the code mailed to the invited address (phone width)', async () => {
    const email = `browser-new-${Date.now()}@example.test`;
    const token = await invite(email);
    const page = await openPage(PHONE);
    await page.goto(`${t.baseUrl}/invite/${token}`);
    await page.getByTestId('invite-send-code').waitFor(POLL);
    await shot(page, 'invite-choice-390');
    const before = mail.received.length;
    await page.getByTestId('invite-send-code').click();
    await page.getByTestId('invite-register-form').waitFor(POLL);
    const code = /\b(\d{8})\b/.exec((await mail.waitFor(email, before)).text)?.[1] as string;
    await page.fill('#invite-code', '00000000' === code ? '11111111' : '00000000');
    await page.fill('#invite-name', 'Browser Newcomer');
    await page.fill('#invite-password', 'browser-long-password');
    await page.click('[data-testid="invite-register-form"] button[type="submit"]');
    await page.locator('#invite-code-error').waitFor(POLL);
    expect(await page.locator('#invite-code-error').textContent()).toContain('4 attempts left');
    await shot(page, 'invite-code-390');
    await page.fill('#invite-code', code);
    await page.click('[data-testid="invite-register-form"] button[type="submit"]');
    await expect.poll(() => new URL(page.url()).pathname, POLL).toBe('/');
    const members = (await asAdmin.get(`/api/v1/workspaces/${admin.workspaceId}/members`).expect(200)).body as { email: string }[];
    expect(members.map((m) => m.email)).toContain(email);
  });

  it('has an existing account sign in first, then accept (wide)', async () => {
    const user = await t.createUser();
    const token = await invite(user.email, 'viewer');
    const page = await openPage(WIDE);
    await page.goto(`${t.baseUrl}/invite/${token}`);
    await page.getByTestId('invite-sign-in').waitFor(POLL);
    await shot(page, 'invite-choice-1440');
    await page.getByTestId('invite-sign-in').click();
    await expect.poll(() => new URL(page.url()).pathname, POLL).toBe('/login');
    await page.fill('#login-email', user.email);
    await page.fill('#login-password', user.password);
    await page.click('[data-testid="login-form"] button[type="submit"]');
    await page.getByTestId('invite-accept').waitFor(POLL);
    await shot(page, 'invite-signed-in-1440');
    await page.getByTestId('invite-accept').click();
    await expect.poll(() => new URL(page.url()).pathname, POLL).toBe('/');
    const members = (await asAdmin.get(`/api/v1/workspaces/${admin.workspaceId}/members`).expect(200)).body as { email: string }[];
    expect(members.map((m) => m.email)).toContain(user.email);
  });

  it('tells someone signed in as another account to switch accounts', async () => {
    const invited = await t.createUser();
    const other = await t.createUser();
    const token = await invite(invited.email, 'viewer');
    const page = await openPage(PHONE);
    await signIn(page, other.email, other.password);
    await page.goto(`${t.baseUrl}/invite/${token}`);
    await page.getByTestId('invite-wrong-account').waitFor(POLL);
    expect(await page.getByTestId('invite-wrong-account').textContent()).toContain(`signed in as ${other.email}`);
  });
});

describe('account page', () => {
  it('changes the password and signs out everywhere', { timeout: 90_000 }, async () => {
    const user = await t.createUser();
    await t.addMember(admin.workspaceId, user.userId, 'viewer');
    const elsewhere = await t.login(user.email, user.password);
    const page = await openPage(WIDE);
    await signIn(page, user.email, user.password, '/settings/members');
    await page.getByTestId('user-menu').click();
    await page.getByTestId('account-link').click();
    await page.getByTestId('password-form').waitFor(POLL);
    await page.fill('#current-password', 'not-my-password');
    await page.fill('#new-password', 'browser-new-password');
    await page.click('[data-testid="password-form"] button[type="submit"]');
    await page.locator('#current-password-error').waitFor(POLL);
    expect(await page.locator('#current-password-error').textContent()).toContain('incorrect');
    await page.fill('#current-password', user.password);
    await page.click('[data-testid="password-form"] button[type="submit"]');
    await expect.poll(() => page.getByTestId('status-message').textContent(), POLL).toContain('password was changed');
    await shot(page, 'account-1440');
    await elsewhere.get('/api/v1/auth/session').expect(401);

    await page.setViewportSize(PHONE);
    await shot(page, 'account-390');
    await page.getByTestId('sign-out-everywhere').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Sign out everywhere' }).click();
    await expect.poll(() => new URL(page.url()).pathname, POLL).toBe('/login');
  });
});

describe('members settings', () => {
  it('lets an admin mail a member a reset link that sets a new password', async () => {
    const member = await t.createUser({ name: 'Reset Target' });
    await t.addMember(admin.workspaceId, member.userId, 'analyst');
    const page = await openPage(WIDE);
    await signIn(page, admin.email, admin.password, '/settings/members');
    await page.getByRole('button', { name: 'Email Reset Target a link to set a new password' }).click();
    const before = mail.received.length;
    await page.getByRole('dialog').getByRole('button', { name: 'Send link' }).click();
    await expect.poll(() => page.getByTestId('status-message').textContent(), POLL).toContain(member.email);
    await shot(page, 'members-1440');
    await page.setViewportSize(PHONE);
    await shot(page, 'members-390');

    const link = /(\/reset-password\/[\w-]+)/.exec((await mail.waitFor(member.email, before)).text)?.[1] as string;
    const resetPage = await openPage(PHONE);
    await resetPage.goto(`${t.baseUrl}${link}`);
    await resetPage.getByTestId('reset-form').waitFor(POLL);
    await shot(resetPage, 'reset-390');
    await resetPage.fill('#reset-password', 'reset-by-link-password');
    await resetPage.click('[data-testid="reset-form"] button[type="submit"]');
    await resetPage.getByTestId('reset-done').waitFor(POLL);
    await t.login(member.email, 'reset-by-link-password');
  });
});
