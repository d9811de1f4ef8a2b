import { createServer, type Server } from 'node:http';
import { type BrowserContext, type Locator, type Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { afterAll, describe, expect, it } from 'vitest';
import { browserSuite } from '../support/browser-suite';
import { freePort } from '../support/free-port';
import { customerSigner } from '../support/identity';

/**
 * The cancellation-flow builder end to end: an admin builds a flow in the dashboard (reasons chosen and ordered
 * with the keyboard buttons, an offer of its own for one reason, its own follow-up question, the host's origin),
 * watches the live preview (the real cancel.js element), saves and publishes it, takes the public key from the
 * Embed tab; a customer on a page of ANOTHER origin answers it with cancel.js and a server-computed identity hash;
 * the cancellation then shows on the Churn page.
 */
const suite = browserSuite({ publicLimitPerIpPerMinute: 100_000 });
let context: BrowserContext | undefined;
let host: Server | undefined;

afterAll(async () => {
  await context?.close();
  host?.closeAllConnections();
  await new Promise((resolve) => (host ? host.close(resolve) : resolve(undefined)));
});

function hostPage(apiBase: string, key: string, customerId: string, customerHash: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Account</title>
<script>
  window.results = [];
  window.OtklikCancel = window.OtklikCancel || { q: [] };
  ['open', 'onCancellation'].forEach(function (m) {
    OtklikCancel[m] = OtklikCancel[m] || function () { OtklikCancel.q.push([m].concat([].slice.call(arguments))); };
  });
  OtklikCancel.onCancellation(function (d) { results.push(d); });
</script></head><body><h1>Your subscription</h1>
<button id="cancel" onclick="OtklikCancel.open()">Cancel subscription</button>
<script async src="${apiBase}/widget/cancel.js" data-flow="${key}" data-customer-id="${customerId}"
        data-customer-hash="${customerHash}"></script></body></html>`;
}

/** The labels of the reasons in the builder's ordered list. */
const chosenLabels = (page: Page) => page.getByTestId('flow-reason').locator('.label').allInnerTexts();

/** The radio labels inside a <otklik-cancellation> element (its shadow root). */
const radioLabels = (widget: Locator) =>
  widget.getByRole('radio').evaluateAll((els) => els.map((el) => el.parentElement!.textContent!.trim()));

describe('cancellation-flow builder', () => {
  it('builds, previews, publishes and embeds a flow that a customer on another origin answers; the Churn page counts it', async () => {
    const { app, browser } = suite;
    const admin = await app.seedAdmin('Meal kits');
    const ws = `/api/v1/workspaces/${admin.workspaceId}`;
    const api = await app.login(admin.email, admin.password);
    await api
      .put(`${ws}/customers/c-77`, { name: 'Olga', mrr: 50, firstSeenAt: new Date(Date.now() - 400 * 86_400_000).toISOString() })
      .expect(201);
    const port = await freePort();
    const hostOrigin = `http://127.0.0.1:${port}`;

    context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'en-US', timezoneId: 'UTC' });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const baseUrl = app.baseUrl.replace(/\/$/, '');

    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('Email', { exact: true }).fill(admin.email);
    await page.getByLabel('Password', { exact: true }).fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/');

    // Churn → Cancellation flows → New flow.
    await page.getByTestId('main-nav').getByRole('link', { name: 'Churn' }).click();
    await page.getByTestId('churn-nav').getByRole('link', { name: 'Cancellation flows' }).click();
    await page.waitForURL((url) => url.pathname === '/churn/flows');
    await page.getByTestId('new-flow').click();
    await page.getByLabel('Name').fill('Meal-kit cancellation');
    await page.getByTestId('create-flow').click();
    await page.waitForURL((url) => /^\/churn\/flows\/[0-9a-f-]{36}$/.test(url.pathname));
    await page.getByRole('heading', { level: 1, name: 'Meal-kit cancellation' }).waitFor();

    // Reasons: a new flow offers every active reason; keep three and put "Moved away" first with the buttons.
    await expect.poll(() => chosenLabels(page)).toContain('Moved away');
    for (const label of await chosenLabels(page)) {
      if (!['Too expensive', 'Moved away', 'Not using it / needs changed'].includes(label)) {
        // Unticked, the reason moves to "Not offered" (so click rather than uncheck, which waits on the same node).
        await page.getByTestId('flow-reason').filter({ hasText: label }).getByRole('checkbox').click();
      }
    }
    expect(await chosenLabels(page)).toEqual(['Too expensive', 'Not using it / needs changed', 'Moved away']);
    await page.getByRole('button', { name: 'Move “Moved away” up' }).click();
    // The keyboard stays on the moved reason's button.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Move “Moved away” up');
    await page.keyboard.press('Enter');
    expect(await chosenLabels(page)).toEqual(['Moved away', 'Too expensive', 'Not using it / needs changed']);

    // An offer of this flow's own for "Moved away" (the reason list has none).
    const movedAway = page.locator('[data-testid="flow-reason"][data-key="moved_away"]');
    await movedAway.getByLabel('Save offer').selectOption('own');
    await movedAway.getByLabel('Offer', { exact: true }).selectOption('pause');
    await movedAway.getByLabel('Weeks').fill('6');
    await movedAway.getByLabel('English').fill('Pause for 6 weeks while you move.');
    // "Other" stays on; the follow-up gets our own question; only the host page's origin may open it.
    expect(await page.getByTestId('other-enabled').isChecked()).toBe(true);
    await page.getByTestId('flow-follow-up').getByLabel('English').fill('What would bring you back?');
    await page.getByLabel('Allowed sites').fill(hostOrigin);
    expect(await page.getByTestId('require-verified-customer').isChecked()).toBe(true);

    // The live preview is the real widget with the unsaved settings, in order, "Other" last.
    const preview = page.getByTestId('flow-preview').locator('otklik-cancellation');
    await preview.getByRole('dialog', { name: 'Why are you cancelling?' }).waitFor();
    await expect.poll(() => radioLabels(preview)).toEqual(['Moved away', 'Too expensive', 'Not using it / needs changed', 'Other']);
    await preview.getByRole('radio', { name: 'Moved away' }).check();
    await preview.getByRole('button', { name: 'Next' }).click();
    await preview.getByRole('dialog', { name: 'What would bring you back?' }).waitFor();
    await preview.getByRole('button', { name: 'Next' }).click();
    await preview.getByText('Pause for 6 weeks while you move.').waitFor();

    // Save, then publish (publishing waits for saved settings).
    expect(await page.getByTestId('flow-publish').isDisabled()).toBe(true);
    await page.getByTestId('save-flow').click();
    await page.getByText('Saved. The widget shows the new version now.').waitFor();
    await page.getByTestId('flow-publish').click();
    await page.getByTestId('flow-pause').waitFor();
    expect(await page.getByTestId('survey-status').getAttribute('data-status')).toBe('live');
    // The preview wrote nothing.
    const db = app.app.get(DataSource);
    expect((await db.query(`SELECT count(*)::int AS n FROM cancellations WHERE workspace_id = $1`, [admin.workspaceId]))[0].n).toBe(0);

    // Embed tab: the snippet with this flow's key, and how the server signs the customer id.
    await page.getByTestId('flow-tab-embed').click();
    const publicKey = await page.getByTestId('flow-public-key').inputValue();
    expect(publicKey).toMatch(/^cxl_/);
    const snippet = await page.getByTestId('flow-embed-snippet').innerText();
    expect(snippet).toContain(`${baseUrl}/widget/cancel.js`);
    expect(snippet).toContain(`data-flow="${publicKey}"`);
    expect(snippet).toContain('data-customer-hash=');
    expect(await page.getByTestId('flow-embed').innerText()).toContain("createHmac('sha256', process.env.OTKLIK_IDENTITY_SECRET)");

    // A customer's account page on another origin, its server signing the customer id.
    const customerHash = (await customerSigner(api, admin.workspaceId))('c-77');
    host = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hostPage(baseUrl, publicKey, 'c-77', customerHash)),
    );
    await new Promise<void>((resolve) => host!.listen(port, '127.0.0.1', resolve));
    const customer = await context.newPage();
    customer.setDefaultTimeout(30_000);
    await customer.goto(`${hostOrigin}/account`);
    await customer.getByRole('button', { name: 'Cancel subscription' }).click();
    const widget = customer.locator('otklik-cancellation');
    await widget.getByRole('dialog', { name: 'Why are you cancelling?' }).waitFor();
    expect(await radioLabels(widget)).toEqual(['Moved away', 'Too expensive', 'Not using it / needs changed', 'Other']);
    await widget.getByRole('radio', { name: 'Moved away' }).check();
    await widget.getByRole('button', { name: 'Next' }).click();
    await widget.getByRole('dialog', { name: 'What would bring you back?' }).waitFor();
    await widget.getByRole('textbox').fill('A delivery area in Plovdiv');
    await widget.getByRole('button', { name: 'Next' }).click();
    await widget.getByText('Pause for 6 weeks while you move.').waitFor();
    await widget.getByRole('button', { name: 'No thanks, cancel' }).click();
    await widget.getByText('Your subscription is cancelled. Thank you for your feedback.').waitFor();
    expect(await customer.evaluate(() => (window as unknown as { results: unknown[] }).results)).toEqual([
      { outcome: 'cancelled', reasonKey: 'moved_away', offer: { type: 'pause', amount: 6, text: 'Pause for 6 weeks while you move.' } },
    ]);
    await expect
      .poll(() =>
        db.query(
          `SELECT reason_key, outcome, customer_external_id, customer_verified, follow_up FROM cancellations WHERE workspace_id = $1`,
          [admin.workspaceId],
        ),
      )
      .toEqual([
        {
          reason_key: 'moved_away',
          outcome: 'cancelled',
          customer_external_id: 'c-77',
          customer_verified: true,
          follow_up: 'A delivery area in Plovdiv',
        },
      ]);

    // The Churn page: the one customer is lost to "Moved away", with what they wrote.
    await page.getByTestId('churn-nav').getByRole('link', { name: 'Analytics' }).click();
    await page.waitForURL((url) => url.pathname === '/churn');
    await page.getByTestId('kpi-churn-rate').waitFor();
    await expect.poll(() => page.getByTestId('kpi-churn-rate').locator('.value').innerText()).toBe('100%');
    await page.locator('[data-testid="reason-legend"][data-reason="moved_away"]').click();
    await page.getByTestId('reason-comment').filter({ hasText: 'A delivery area in Plovdiv' }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
