import { createServer, Server } from 'node:http';
import { type Browser, type Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { freePort } from '../support/free-port';
import { startTestApp, TestApp, type LoggedIn } from '../support/app';
import { customerSigner } from '../support/identity';

/**
 * The cancellation flow end to end: a customer's account page on another origin embeds /widget/cancel.js from the
 * Otklik server and opens the flow from its own "Cancel subscription" button; Chromium goes through it; the
 * submissions land in PostgreSQL; the host page hears the outcome through the callback and the DOM event.
 */
let t: TestApp;
let as: LoggedIn;
let browser: Browser;
let host: Server;
let hostOrigin: string;
let workspaceId = '';
let publicKey = '';

function hostPage(apiBase: string, key: string, customerHash: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Account</title>
<style>button { color: red; }</style>
<script>
  window.results = [];
  window.OtklikCancel = window.OtklikCancel || { q: [] };
  ['open', 'onCancellation'].forEach(function (m) {
    OtklikCancel[m] = OtklikCancel[m] || function () { OtklikCancel.q.push([m].concat([].slice.call(arguments))); };
  });
  OtklikCancel.onCancellation(function (d) { results.push(['callback', d]); });
  document.addEventListener('otklik:cancellation', function (e) { results.push(['event', e.detail]); });
</script></head><body><h1>Your subscription</h1>
<button id="cancel" onclick="OtklikCancel.open()">Cancel subscription</button>
<script async src="${apiBase}/widget/cancel.js" data-flow="${key}" data-customer-id="c-42"
        data-customer-hash="${customerHash}"></script></body></html>`;
}

beforeAll(async () => {
  t = await startTestApp();
  const admin = await t.seedAdmin('Box');
  workspaceId = admin.workspaceId;
  as = await t.login(admin.email, admin.password);
  const port = await freePort();
  hostOrigin = `http://127.0.0.1:${port}`;
  const flow = await as
    .post(`/api/v1/workspaces/${workspaceId}/churn/flows`, { name: 'Subscription cancellation', allowedOrigins: [hostOrigin] })
    .expect(201);
  publicKey = flow.body.publicKey;
  await as
    .put(`/api/v1/workspaces/${workspaceId}/customers/c-42`, { name: 'Ivan', mrr: 30 })
    .expect((r) => expect([200, 201]).toContain(r.status));

  // The account page's server signs the customer id: flows require a verified customer by default.
  const customerHash = (await customerSigner(as, workspaceId))('c-42');
  host = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hostPage(t.baseUrl, publicKey, customerHash)),
  );
  await new Promise<void>((resolve) => host.listen(port, '127.0.0.1', resolve));
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  host?.closeAllConnections();
  await new Promise((resolve) => host?.close(resolve));
  await t?.close();
});

async function openFlow(page: Page) {
  await page.goto(`${hostOrigin}/account`);
  // Possibly before cancel.js has arrived: the stub queues the call.
  await page.getByRole('button', { name: 'Cancel subscription' }).click();
  const flow = page.locator('otklik-cancellation');
  await flow.getByRole('dialog', { name: 'Why are you cancelling?' }).waitFor();
  return flow;
}

const results = (page: Page) => page.evaluate(() => (window as unknown as { results: unknown[] }).results);

describe('embedded cancellation flow against the real server', () => {
  it('saves a customer who finds it too expensive with the discount offer', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const flow = await openFlow(page);

    // The dialog takes focus; the reasons are a radio group.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('OTKLIK-CANCELLATION');
    await flow.getByRole('radio', { name: 'Too expensive' }).check();
    await flow.getByRole('button', { name: 'Next' }).click();
    // The follow-up is optional: skipped.
    await flow.getByRole('dialog', { name: 'Anything else we should know?' }).waitFor();
    await flow.getByRole('button', { name: 'Next' }).click();
    await flow.getByText('Stay and get 20% off for 3 months.').waitFor();
    await flow.getByRole('button', { name: 'Accept the offer' }).click();
    await flow.getByText('Great, you stay with us. The offer is applied.').waitFor();

    const offer = { type: 'discount', amount: 20, text: 'Stay and get 20% off for 3 months.' };
    expect(await results(page)).toEqual([
      // The callback runs on the element, the page's listener when the event has bubbled up to the document.
      ['callback', { outcome: 'saved', reasonKey: 'too_expensive', offer }],
      ['event', { outcome: 'saved', reasonKey: 'too_expensive', offer }],
    ]);

    const db = t.app.get(DataSource);
    await expect
      .poll(async () =>
        db.query(`SELECT reason_key, outcome, customer_external_id, follow_up FROM cancellations WHERE workspace_id = $1`, [workspaceId]),
      )
      .toEqual([{ reason_key: 'too_expensive', outcome: 'saved', customer_external_id: 'c-42', follow_up: null }]);

    // Closing gives the page its focus back and removes the element.
    await flow.getByRole('button', { name: 'Close' }).first().click();
    await expect.poll(() => page.locator('otklik-cancellation').count()).toBe(0);
    await context.close();
  });

  it('records a customer who moved away as cancelled (no offer) and marks them as left', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const flow = await openFlow(page);

    // Keyboard only. Focus starts on the radio group; Enter without a reason stays on the step.
    const movedAway = flow.getByRole('radio', { name: 'Moved away' });
    await expect
      .poll(() =>
        flow
          .getByRole('radio')
          .first()
          .evaluate((el) => el === el.getRootNode().activeElement),
      )
      .toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => flow.getByRole('radiogroup').getAttribute('aria-invalid')).toBe('true');
    // Arrows move through the reasons (in the server's order) and select.
    for (let i = 0; i < 12 && !(await movedAway.isChecked()); i++) await page.keyboard.press('ArrowDown');
    expect(await movedAway.isChecked()).toBe(true);
    await page.keyboard.press('Enter');
    await flow.getByRole('dialog', { name: 'Anything else we should know?' }).waitFor();
    await page.keyboard.type('Переезжаем в другой город');
    // Tab to Next (the close button is first in the dialog, Next last).
    await page.keyboard.press('Tab');
    await expect
      .poll(() => page.evaluate(() => document.querySelector('otklik-cancellation')!.shadowRoot!.activeElement?.textContent))
      .toBe('Next');
    await page.keyboard.press('Enter');
    await flow.getByText('Your subscription is cancelled. Thank you for your feedback.').waitFor();
    expect(await flow.getByRole('button', { name: 'Accept the offer' }).count()).toBe(0);
    expect(await results(page)).toEqual([
      // The callback runs on the element, the page's listener when the event has bubbled up to the document.
      ['callback', { outcome: 'cancelled', reasonKey: 'moved_away', offer: null }],
      ['event', { outcome: 'cancelled', reasonKey: 'moved_away', offer: null }],
    ]);

    const db = t.app.get(DataSource);
    await expect
      .poll(async () =>
        db.query(`SELECT reason_key, outcome, follow_up FROM cancellations WHERE workspace_id = $1 AND reason_key = 'moved_away'`, [
          workspaceId,
        ]),
      )
      .toEqual([{ reason_key: 'moved_away', outcome: 'cancelled', follow_up: 'Переезжаем в другой город' }]);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM cancellations WHERE workspace_id = $1`, [workspaceId]);
    expect(n).toBe(2);
    await expect
      .poll(async () => (await as.get(`/api/v1/workspaces/${workspaceId}/customers/c-42`).expect(200)).body.lifecycleStage)
      .toBe('left');

    // Escape closes the dialog, and focus goes back to the page's button.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('otklik-cancellation').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('cancel');
    await context.close();
  });

  it('asks for a text when the reason is "Other" and sends it', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const flow = await openFlow(page);
    await flow.getByRole('radio', { name: 'Other' }).check();
    await flow.getByRole('button', { name: 'Next' }).click();
    // Still on the first step, the empty text marked invalid and focused.
    const other = flow.getByRole('textbox', { name: 'Other' });
    await expect.poll(() => other.getAttribute('aria-invalid')).toBe('true');
    await other.fill('Too many emails');
    await flow.getByRole('button', { name: 'Next' }).click();
    await flow.getByRole('dialog', { name: 'Anything else we should know?' }).waitFor();
    const db = t.app.get(DataSource);
    await expect
      .poll(async () =>
        db.query(`SELECT other_text, outcome FROM cancellations WHERE workspace_id = $1 AND reason_key = 'other'`, [workspaceId]),
      )
      .toEqual([{ other_text: 'Too many emails', outcome: null }]);
    await context.close();
  });
});
