import { createHmac, randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, type BrowserContext, type Page, type Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { startTestApp } from '../support/app';
import { type ReceivedWebhook, startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

/**
 * Settings → Webhooks in a real browser against a real receiver on loopback: a private URL is refused at
 * its field, an endpoint is added and its secret shown and copied, a test event is delivered signed and
 * logged with its JSON body, a failing receiver shows its 500s in the attempt log, a replay after the
 * receiver recovers is delivered with the same webhook-id (signed with the rotated secret), the log
 * pages with "Load more", and a non-admin only sees that the page is for admins.
 */

const ARTIFACTS = join(__dirname, '..', '.tmp');
const MAX_ATTEMPTS = 3;
/** vitest polls for 1 s by default: too short for a busy CI machine. */
const POLL = { timeout: 15_000 };

type TestApp = Awaited<ReturnType<typeof startTestApp>>;

let app: TestApp | undefined;
let browser: Browser | undefined;
let receiver: WebhookReceiver | undefined;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  app = await startTestApp({
    webhookAllowedNetworks: ['127.0.0.0/8'],
    webhookPollMs: 50,
    webhookRetryBaseMs: 50,
    webhookMaxAttempts: MAX_ATTEMPTS,
  });
  receiver = await startWebhookReceiver();
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await receiver?.close();
  await app?.close();
}, 60_000);

/** Independent of the server's code: Standard Webhooks' HMAC-SHA256 over id.timestamp.body with the base64 key. */
function signedWith(secret: string, hook: ReceivedWebhook): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key)
    .update(`${hook.headers['webhook-id']}.${hook.headers['webhook-timestamp']}.${hook.body}`)
    .digest('base64');
  return hook.headers['webhook-signature'] === `v1,${expected}`;
}

function apiCall(page: Page, method: string, path: RegExp): Promise<Response> {
  return page.waitForResponse((r) => r.request().method() === method && path.test(new URL(r.url()).pathname));
}

async function newPage(baseUrl: string, email: string, password: string): Promise<{ page: Page; errors: string[] }> {
  if (!browser) throw new Error('browser did not start');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  contexts.push(context);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  return { page, errors };
}

describe('webhooks settings', () => {
  it('adds an endpoint, delivers signed test events, shows failures and replays them', async () => {
    if (!app || !receiver) throw new Error('test app or receiver did not start');
    const admin = await app.seedAdmin('Hooks UI');
    const baseUrl = app.baseUrl.replace(/\/$/, '');
    const hooksPath = `/api/v1/workspaces/${admin.workspaceId}/webhooks`;
    const { page, errors } = await newPage(baseUrl, admin.email, admin.password);

    try {
      // 1. Settings → Webhooks: nothing yet.
      await page.goto(`${baseUrl}/settings/members`);
      await page.getByTestId('settings-nav').getByRole('link', { name: 'Webhooks' }).click();
      await page.waitForURL((url) => url.pathname === '/settings/webhooks');
      await page.getByRole('heading', { level: 2, name: 'Webhooks' }).waitFor();
      await page.getByTestId('empty-state').waitFor();

      // 2. The add dialog lists the catalogue; events not sent yet are marked.
      await page.getByTestId('add-webhook').click();
      const dialog = page.getByTestId('webhook-add-dialog');
      const picker = dialog.getByTestId('webhook-event-picker');
      await picker.getByText('cancellation.finished').waitFor();
      // Every event in the catalogue is sent today (mentions, spikes and clusters landed): none is "coming soon".
      expect(await picker.locator('li', { hasText: 'mention.created' }).innerText()).not.toMatch(/coming soon/i);
      expect(await picker.locator('li', { hasText: 'response.finished' }).innerText()).not.toMatch(/coming soon/i);
      expect(await picker.locator('li', { hasText: 'response.finished' }).innerText()).toContain('A survey response was completed');

      // 3. A private address: the server's message at the URL field, nothing saved.
      await dialog.getByLabel('URL', { exact: true }).fill('http://10.0.0.1/x');
      await picker.getByRole('checkbox', { name: /cancellation\.finished/ }).check();
      const refused = apiCall(page, 'POST', new RegExp(`${hooksPath}$`));
      await dialog.getByTestId('webhook-save').click();
      expect((await refused).status()).toBe(400);
      const urlInput = dialog.getByLabel('URL', { exact: true });
      await expect.poll(() => urlInput.getAttribute('aria-invalid'), POLL).toBe('true');
      const fieldError = await dialog.getByTestId('webhook-url-error').innerText();
      expect(fieldError).toContain('non-public address');
      expect(fieldError).toContain('private');

      // 4. The receiver on loopback (allowed in this test), all events: saved, secret shown once.
      await urlInput.fill(receiver.url);
      await dialog.getByLabel(/^Description/).fill('Billing sync');
      await picker.getByTestId('webhook-event-all').check();
      expect(await picker.getByRole('checkbox', { name: /cancellation\.finished/ }).isDisabled()).toBe(true);
      const createdCall = apiCall(page, 'POST', new RegExp(`${hooksPath}$`));
      await dialog.getByTestId('webhook-save').click();
      const createdResponse = await createdCall;
      expect(createdResponse.status()).toBe(201);
      const created = (await createdResponse.json()) as { id: string; secret: string; events: string[] };
      expect(created.events).toEqual(['*']);
      const secretPanel = page.getByTestId('webhook-created-secret');
      await secretPanel.waitFor();
      const secret = await secretPanel.getByTestId('webhook-secret').inputValue();
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
      expect(secret).toBe(created.secret);
      await secretPanel.getByRole('button', { name: 'Copy' }).click();
      await secretPanel.getByText('Copied to clipboard').waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
      await secretPanel.getByText('How to verify a request').click();
      const note = await secretPanel.getByTestId('webhook-verify-note').innerText();
      for (const header of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) expect(note).toContain(header);
      expect(note).toContain('HMAC-SHA256');

      const row = page.getByTestId('webhook-row');
      await expect.poll(() => row.count(), POLL).toBe(1);
      const rowText = await row.innerText();
      expect(rowText).toContain(receiver.url);
      expect(rowText).toContain('Billing sync');
      expect(rowText).toContain('All events');
      expect(rowText).toContain('No deliveries yet');
      expect(await row.getByTestId('webhook-enabled').isChecked()).toBe(true);
      await secretPanel.getByRole('button', { name: 'I have stored the secret' }).click();
      await secretPanel.waitFor({ state: 'detached' });

      // 5. The endpoint page: send a test event; the log follows it to "succeeded", HTTP 200.
      await row.getByRole('link', { name: `Manage ${receiver.url}` }).click();
      await page.waitForURL((url) => url.pathname === `/settings/webhooks/${created.id}`);
      await page.getByRole('heading', { level: 2, name: receiver.url }).waitFor();
      await page.getByTestId('deliveries-empty').waitFor();
      const firstTest = apiCall(page, 'POST', new RegExp(`${hooksPath}/${created.id}/test$`));
      await page.getByTestId('webhook-send-test').click();
      const ping = (await (await firstTest).json()) as { id: string; eventId: string };
      const pingRow = page.locator(`[data-testid=delivery-row][data-id="${ping.id}"]`);
      await page.locator(`[data-testid=delivery-row][data-id="${ping.id}"][data-status=succeeded]`).waitFor();
      expect(await pingRow.getByTestId('delivery-http-status').innerText()).toBe('200');
      expect(await pingRow.getByTestId('delivery-attempts').innerText()).toBe('1');
      expect(await pingRow.innerText()).toMatch(/\d+ ms/);

      // The receiver got it once, signed with the secret the page showed.
      const [delivered] = await receiver.waitFor(1, (w) => w.json.id === ping.eventId);
      expect(delivered.headers['webhook-id']).toBe(ping.eventId);
      expect(signedWith(secret, delivered)).toBe(true);
      expect(signedWith(secret, { ...delivered, body: delivered.body.replace('ping', 'pong') })).toBe(false);

      // The Node.js example the page shows really verifies it (and refuses a changed body).
      const example = await page.getByTestId('webhook-secret-panel').getByTestId('webhook-verify-note').locator('pre').textContent();
      mkdirSync(ARTIFACTS, { recursive: true });
      const examplePath = join(ARTIFACTS, `verify-example-${process.pid}.mjs`);
      writeFileSync(examplePath, example ?? '');
      const { verifyOtklikWebhook } = (await import(pathToFileURL(examplePath).href)) as {
        verifyOtklikWebhook: (secret: string, headers: object, body: string) => boolean;
      };
      rmSync(examplePath);
      expect(verifyOtklikWebhook(secret, delivered.headers, delivered.body)).toBe(true);
      expect(verifyOtklikWebhook(secret, delivered.headers, delivered.body.replace('ping', 'pong'))).toBe(false);
      expect(verifyOtklikWebhook(`whsec_${Buffer.alloc(24, 1).toString('base64')}`, delivered.headers, delivered.body)).toBe(false);

      // 6. Its details: the JSON body as sent, indented, and one attempt answered 200.
      await pingRow.getByTestId('delivery-open').click();
      const detail = page.getByTestId('delivery-dialog');
      const body = detail.getByTestId('delivery-body');
      await body.waitFor();
      const bodyText = await body.innerText();
      expect(JSON.parse(bodyText)).toEqual(delivered.json);
      expect(bodyText).toBe(JSON.stringify(delivered.json, null, 2));
      expect(delivered.json).toMatchObject({ type: 'ping', workspaceId: admin.workspaceId });
      const okAttempts = detail.getByTestId('delivery-attempt');
      expect(await okAttempts.count()).toBe(1);
      expect(await okAttempts.first().getAttribute('data-status-code')).toBe('200');
      await detail.getByRole('button', { name: 'Close' }).click();
      await body.waitFor({ state: 'detached' });

      // 7. Reveal the secret, then rotate it (confirmed): later requests use the new one.
      const secretCard = page.getByTestId('webhook-secret-panel');
      await secretCard.getByRole('button', { name: 'Reveal secret' }).click();
      await expect.poll(() => secretCard.getByTestId('webhook-secret').inputValue(), POLL).toBe(secret);
      await secretCard.getByRole('button', { name: 'Rotate secret' }).click();
      const confirm = page.getByTestId('confirm-dialog');
      await confirm.getByText('A new secret replaces the current one').waitFor();
      const rotateCall = apiCall(page, 'POST', new RegExp(`${hooksPath}/${created.id}/rotate-secret$`));
      await confirm.getByRole('button', { name: 'Rotate secret' }).click();
      const rotated = ((await (await rotateCall).json()) as { secret: string }).secret;
      expect(rotated).not.toBe(secret);
      await expect.poll(() => secretCard.getByTestId('webhook-secret').inputValue(), POLL).toBe(rotated);

      // 8. The receiver fails: the delivery is retried and gives up after the last attempt.
      receiver.behave(() => 500);
      const secondTest = apiCall(page, 'POST', new RegExp(`${hooksPath}/${created.id}/test$`));
      await page.getByTestId('webhook-send-test').click();
      const failing = (await (await secondTest).json()) as { id: string; eventId: string };
      const failedRow = page.locator(`[data-testid=delivery-row][data-id="${failing.id}"]`);
      await page.locator(`[data-testid=delivery-row][data-id="${failing.id}"][data-status=failed]`).waitFor();
      expect(await failedRow.getByTestId('delivery-http-status').innerText()).toBe('500');
      expect(await failedRow.getByTestId('delivery-attempts').innerText()).toBe(String(MAX_ATTEMPTS));
      expect(receiver.received.filter((w) => w.json.id === failing.eventId).map((w) => w.status)).toEqual([500, 500, 500]);
      await expect.poll(() => page.getByTestId('webhook-failed').innerText(), POLL).toBe('1 failed');

      // The status filter shows only the failed one.
      const filtered = apiCall(page, 'GET', new RegExp(`${hooksPath}/${created.id}/deliveries$`));
      await page.getByTestId('delivery-status-filter').selectOption('failed');
      expect(new URL((await filtered).url()).searchParams.get('status')).toBe('failed');
      await expect.poll(() => page.getByTestId('delivery-row').count(), POLL).toBe(1);
      expect(await page.getByTestId('delivery-row').getAttribute('data-id')).toBe(failing.id);

      // 9. Its attempt log: three 500s with the receiver's answer.
      await failedRow.getByTestId('delivery-open').click();
      const attempts = detail.getByTestId('delivery-attempt');
      await expect.poll(() => attempts.count(), POLL).toBe(MAX_ATTEMPTS);
      for (const attempt of await attempts.all()) {
        expect(await attempt.getAttribute('data-status-code')).toBe('500');
        const text = await attempt.innerText();
        expect(text).toContain('receiver answered 500');
        expect(text).toContain('receiver failure');
      }

      // 10. The receiver recovers; a replay delivers the same event (same webhook-id), newly signed.
      receiver.behave(() => 200);
      const replayCall = apiCall(page, 'POST', new RegExp(`${hooksPath}/${created.id}/deliveries/${failing.id}/replay$`));
      await detail.getByTestId('delivery-replay').click();
      const replay = (await (await replayCall).json()) as { id: string; eventId: string; replayOf: string };
      expect(replay).toMatchObject({ eventId: failing.eventId, replayOf: failing.id });
      await page.getByTestId('status-message').getByText('Replay queued').waitFor();
      await page.getByTestId('delivery-status-filter').selectOption('');
      await page.locator(`[data-testid=delivery-row][data-id="${replay.id}"][data-status=succeeded]`).waitFor();
      const replayRow = page.locator(`[data-testid=delivery-row][data-id="${replay.id}"]`);
      expect(await replayRow.innerText()).toContain('replay');
      expect(await replayRow.getByTestId('delivery-http-status').innerText()).toBe('200');
      const [replayed] = await receiver.waitFor(1, (w) => w.json.id === failing.eventId);
      expect(replayed.headers['webhook-id']).toBe(failing.eventId);
      expect(signedWith(rotated, replayed)).toBe(true);
      expect(signedWith(secret, replayed)).toBe(false);
      expect((await page.getByTestId('delivery-row').all()).length).toBe(3);

      // 11. More than a page: 25 more pings through the API; the log shows 25, then all 28.
      const api = await app.login(admin.email, admin.password);
      const queued: string[] = [];
      for (let i = 0; i < 25; i++) queued.push((await api.post(`${hooksPath}/${created.id}/test`).expect(202)).body.eventId);
      await receiver.waitFor(25, (w) => queued.includes(w.json.id));
      await page.reload();
      await page.getByTestId('deliveries-table').waitFor();
      await expect.poll(() => page.getByTestId('delivery-row').count(), POLL).toBe(25);
      const more = apiCall(page, 'GET', new RegExp(`${hooksPath}/${created.id}/deliveries$`));
      await page.getByTestId('deliveries-load-more').click();
      expect(new URL((await more).url()).searchParams.get('cursor')).toBeTruthy();
      await expect.poll(() => page.getByTestId('delivery-row').count(), POLL).toBe(28);
      await page.getByTestId('deliveries-load-more').waitFor({ state: 'detached' });
      const ids = await page.getByTestId('delivery-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
      expect(new Set(ids).size).toBe(28);
      expect(ids.slice(-3)).toEqual([replay.id, failing.id, ping.id]);

      // 12. A body with markup is shown as text: a survey comment carrying HTML is not rendered.
      const survey = (
        await api
          .post(`/api/v1/workspaces/${admin.workspaceId}/surveys`, {
            name: 'Hooks NPS',
            kind: 'nps',
            displayRules: { trigger: 'page_load', samplePercent: 100, recontactDays: 0, stopAfterResponse: false },
          })
          .expect(201)
      ).body as { id: string; publicKey: string };
      await api.patch(`/api/v1/workspaces/${admin.workspaceId}/surveys/${survey.id}`, { status: 'live' }).expect(200);
      const markup = '<img src="x" onerror="window.__hooked = 1"><b>bold</b>';
      const answered = await app
        .http()
        .post(`/api/v1/public/surveys/${survey.publicKey}/responses`)
        .send({ idempotencyKey: randomUUID(), respondentId: 'r-html-markup', answers: { score: 9, comment: markup }, finished: true });
      expect(answered.status, JSON.stringify(answered.body)).toBeLessThan(300);
      const [finished] = await receiver.waitFor(1, (w) => w.json.type === 'response.finished' && w.json.data.comment === markup);
      await page.reload();
      const htmlRow = page.getByTestId('delivery-row').filter({ hasText: 'response.finished' }).first();
      await htmlRow.getByTestId('delivery-open').click();
      const htmlBody = detail.getByTestId('delivery-body');
      await htmlBody.waitFor();
      expect(JSON.parse(await htmlBody.innerText())).toEqual(finished.json);
      expect(await htmlBody.innerText()).toContain('<img src=\\"x\\" onerror=');
      expect(await htmlBody.locator('img, b').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __hooked?: number }).__hooked)).toBeUndefined();
      await detail.getByRole('button', { name: 'Close' }).click();

      // 13. Delete with confirmation: back to an empty list.
      await page.getByTestId('webhook-delete').click();
      const deleteCall = apiCall(page, 'DELETE', new RegExp(`${hooksPath}/${created.id}$`));
      await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Delete endpoint' }).click();
      expect((await deleteCall).status()).toBe(204);
      await page.waitForURL((url) => url.pathname === '/settings/webhooks');
      await page.getByTestId('empty-state').waitFor();

      expect(errors).toEqual([]);
    } catch (error) {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'webhooks-settings-failure.png'), fullPage: true }).catch(() => {});
      throw error;
    }
  }, 180_000);

  it('tells a non-admin that only admins manage webhooks', async () => {
    if (!app) throw new Error('test app did not start');
    const admin = await app.seedAdmin('Hooks readers');
    const analyst = await app.createUser();
    await app.addMember(admin.workspaceId, analyst.userId, 'analyst');
    const baseUrl = app.baseUrl.replace(/\/$/, '');
    const { page, errors } = await newPage(baseUrl, analyst.email, analyst.password);
    let webhookCalls = 0;
    page.on('request', (r) => {
      if (/^\/api\/.*\/webhooks/.test(new URL(r.url()).pathname)) webhookCalls++;
    });
    await page.goto(`${baseUrl}/settings/webhooks`);
    expect(await page.getByTestId('webhooks-admin-only').innerText()).toContain('Only workspace admins');
    expect(await page.getByTestId('add-webhook').count()).toBe(0);
    expect(webhookCalls).toBe(0);
    expect(errors).toEqual([]);
  }, 60_000);
});
