import { randomUUID } from 'node:crypto';
import { type BrowserContext } from 'playwright-core';
import { DataSource } from 'typeorm';
import { afterAll, describe, expect, it } from 'vitest';
import { apiCall, browserSuite } from '../support/browser-suite';

/**
 * The win-back loop in a real browser: "Mark fixed" on a cluster's page opens the dialog, the fix's page lists the
 * two customers who complained before it, the notice goes out with the default template, an order reported through
 * the API after the notice shows the customer as came back with the revenue; then the phone layout.
 */
const suite = browserSuite({ caseSyncMs: 3_600_000 });
let context: BrowserContext | undefined;
afterAll(() => context?.close());

describe('win-back loop', () => {
  it('marks a cluster fixed, tells its customers and shows who came back', async () => {
    const { app, browser } = suite;
    const admin = await app.seedAdmin('Courier desk');
    const ws = `/api/v1/workspaces/${admin.workspaceId}`;
    const api = await app.login(admin.email, admin.password);
    const db = app.app.get(DataSource);
    for (const [id, name] of [
      ['anna', 'Anna Petrova'],
      ['boris', 'Boris Ivanov'],
    ])
      await api
        .put(`${ws}/customers/${id}`, { name, email: `${id}@example.test` })
        .expect((res) => expect([200, 201]).toContain(res.status));
    const [{ id: clusterId }] = await db.query(
      `INSERT INTO clusters (workspace_id, label, name) VALUES ($1, 'courier late', 'Late couriers') RETURNING id`,
      [admin.workspaceId],
    );
    for (const customer of ['anna', 'boris', null])
      await db.query(
        `INSERT INTO feedback_texts (workspace_id, source, source_id, text, customer_external_id, occurred_at, cluster_id)
         VALUES ($1, 'response', $2, 'The courier was late again', $3, now() - interval '3 days', $4)`,
        [admin.workspaceId, randomUUID(), customer, clusterId],
      );

    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const baseUrl = app.baseUrl.replace(/\/$/, '');
    await page.goto(`${baseUrl}/login?next=/clusters/${clusterId}`);
    await page.getByLabel('Email', { exact: true }).fill(admin.email);
    await page.getByLabel('Password', { exact: true }).fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === `/clusters/${clusterId}`);

    // Mark fixed from the cluster's page: the dialog, then the fix's own page.
    await page.getByTestId('mark-fixed').click();
    const dialog = page.getByTestId('mark-fixed-dialog');
    await dialog.getByTestId('fix-what-changed').fill('A second courier in Sofia; delivery promise now 2 days');
    const fixed = apiCall(page, 'POST', /\/recovery\/problems\/[^/]+\/fix$/);
    await dialog.getByTestId('fix-save').click();
    const problem = await (await fixed).json();
    expect(problem).toMatchObject({ kind: 'cluster', clusterId, status: 'fixed', affected: 2 });
    await page.waitForURL((url) => url.pathname === `/recovery/fixes/${problem.id}`);
    expect(await page.getByTestId('fix-what').innerText()).toBe('A second courier in Sofia; delivery promise now 2 days');
    await expect.poll(() => page.getByTestId('fix-customer').count()).toBe(2);
    expect(await page.locator('[data-testid="fix-customer"][data-state="not_told"]').count()).toBe(2);

    // The notice: the default English template, previewed with the change filled in; two customers told.
    const form = page.getByTestId('notify-form');
    await expect.poll(() => form.getByTestId('notice-subject').inputValue()).toBe('We fixed what let you down');
    expect(await form.getByTestId('notice-preview').innerText()).toContain('we have fixed it: A second courier in Sofia');
    const notified = apiCall(page, 'POST', /\/notify$/);
    await form.getByTestId('notify-send').click();
    expect(await (await notified).json()).toEqual({
      queued: 2,
      skipped: { noAddress: 0, alreadyNotified: 0, notAffected: 0, recentlyNotified: 0 },
    });
    await expect.poll(() => page.locator('[data-testid="fix-customer"][data-state="queued"]').count()).toBe(2);
    expect(await form.getByTestId('notify-send').isDisabled()).toBe(true);

    // Anna orders after the notice (reported through the API): her row shows she came back, with the revenue.
    await api
      .post(`${ws}/customers/anna/activity`, {
        eventId: 'order-1',
        kind: 'order',
        amount: 42.5,
        currency: 'EUR',
        occurredAt: new Date().toISOString(),
      })
      .expect(201);
    await page.reload();
    const anna = page.locator('[data-testid="fix-customer"][data-customer="anna"]');
    await expect.poll(() => anna.getAttribute('data-state')).toBe('returned');
    expect(await anna.innerText()).toContain('€42.50');
    expect(await page.getByTestId('kpi-returned-value').innerText()).toBe('1');

    // The fixes list has it with the report's columns.
    await page.getByTestId('fix-back').click();
    await page.waitForURL((url) => url.pathname === '/recovery/fixes');
    const row = page.getByTestId('fix-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toContain('Late couriers');
    expect(await row.innerText()).toContain('€42.50');

    // Phone width: the tables turn into cards, nothing wider than the screen.
    await page.goto(`${baseUrl}/recovery/fixes/${problem.id}`);
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.getByTestId('fix-customer').count()).toBe(2);
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(pageErrors).toEqual([]);
  });
});
