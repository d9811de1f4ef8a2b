import { randomUUID } from 'node:crypto';
import { type BrowserContext } from 'playwright-core';
import { DataSource } from 'typeorm';
import { afterAll, describe, expect, it } from 'vitest';
import { browserSuite } from '../support/browser-suite';
import { customerSigner } from '../support/identity';

/**
 * The red spectrum in a real browser: three red customers (p1 and g1 cancelled as "too expensive", p2 left with a
 * closed case "poor service"); the page asks its question, a click on the red-platinum × too expensive cell lists
 * only p1 with a link to the profile, and the reason's total lists p1 and g1.
 */

const suite = browserSuite({ backgroundJobs: false, publicLimitPerIpPerMinute: 100_000 });
let context: BrowserContext | undefined;

afterAll(async () => {
  await context?.close();
});

describe('the red spectrum page', () => {
  it('shows status × reason and lists the customers of a clicked cell', async () => {
    const { app, browser } = suite;
    const admin = await app.seedAdmin('Red Foods');
    const ws = `/api/v1/workspaces/${admin.workspaceId}`;
    const api = await app.login(admin.email, admin.password);
    const sign = await customerSigner(api, admin.workspaceId);
    for (const [id, mrr] of [
      ['p1', 900],
      ['p2', 700],
      ['g1', 300],
    ] as const) {
      await api.put(`${ws}/customers/${id}`, { name: `Customer ${id}`, mrr }).expect(201);
    }
    const flow = (await api.post(`${ws}/churn/flows`, { name: 'Cancel', reasonKeys: ['too_expensive', 'poor_service'] }).expect(201)).body;
    for (const id of ['p1', 'g1']) {
      await app
        .http()
        .post(`/api/v1/public/cancellation-flows/${flow.publicKey}/submissions`)
        .send({ idempotencyKey: randomUUID(), customerId: id, customerHash: sign(id), reasonKey: 'too_expensive', finished: true })
        .expect(201);
    }
    const made = (await api.post(`${ws}/cases`, { title: 'Gone', customerId: 'p2' }).expect(201)).body;
    await api
      .post(`${ws}/cases/${made.id}/close`, { rootCause: 'Support', actionTaken: 'Called', churnReasonKey: 'poor_service' })
      .expect(200);
    const db = app.app.get(DataSource);
    const entered = new Date(Date.now() - 20 * 86_400_000).toISOString();
    for (const [id, status] of [
      ['p1', 'red_platinum'],
      ['p2', 'red_platinum'],
      ['g1', 'red_gold'],
    ]) {
      await db.query(
        `UPDATE customers SET colour_status = $3, status_override = $3, status_override_at = $4 WHERE workspace_id = $1 AND external_id = $2`,
        [admin.workspaceId, id, status, entered],
      );
      await db.query(
        `INSERT INTO customer_status_changes (workspace_id, customer_external_id, from_status, to_status, changed_at, cause)
         VALUES ($1, $2, 'gold', $3, $4, 'override')`,
        [admin.workspaceId, id, status, entered],
      );
    }

    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const baseUrl = app.baseUrl.replace(/\/$/, '');
    await page.goto(`${baseUrl}/login?next=/churn/red-spectrum`);
    await page.getByLabel('Email', { exact: true }).fill(admin.email);
    await page.getByLabel('Password', { exact: true }).fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/churn/red-spectrum');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Which reasons lose us our long-term clients');

    const cell = page.locator('[data-testid="spectrum-cell"][data-status="red_platinum"][data-reason="too_expensive"]');
    await expect.poll(() => cell.count()).toBe(1);
    expect((await cell.innerText()).replace(/\s+/g, ' ')).toBe('1 50%');
    await cell.click();
    const rows = page.getByTestId('red-customer');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-id')).toBe('p1');
    expect(await rows.first().getByRole('link', { name: 'Customer p1' }).getAttribute('href')).toBe('/customers/p1');
    expect(await page.locator('#red-customers-title').innerText()).toBe('Red-platinum · Too expensive');

    await page.locator('[data-testid="spectrum-reason-total"][data-reason="too_expensive"]').click();
    await expect
      .poll(async () => (await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))).sort())
      .toEqual(['g1', 'p1']);

    // The profile link opens the customer.
    await rows.first().getByRole('link').first().click();
    await page.waitForURL((url) => url.pathname.startsWith('/customers/'));
    expect(pageErrors).toEqual([]);
  });
});
