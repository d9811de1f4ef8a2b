import { type BrowserContext } from 'playwright-core';
import { DataSource } from 'typeorm';
import { afterAll, describe, expect, it } from 'vitest';
import { apiCall, browserSuite } from '../support/browser-suite';

/**
 * The promise register in a real browser: a case reply turned into a promise in one click (the dialog prefilled with
 * the reply, "next business day" on a 24×7 calendar = 24 h), kept from the case page; then the /promises page with an
 * overdue promise highlighted, the overdue filter (also in the CSV link), the KPI tiles and the phone layout.
 */
const suite = browserSuite({ caseSyncMs: 3_600_000 });
let context: BrowserContext | undefined;
afterAll(() => context?.close());

describe('promise register', () => {
  it('makes a promise from a case reply in one click, keeps it, and lists an overdue one on /promises', async () => {
    const { app, browser } = suite;
    const admin = await app.seedAdmin('Promise desk');
    const ws = `/api/v1/workspaces/${admin.workspaceId}`;
    const api = await app.login(admin.email, admin.password);
    const allDay = [{ start: '00:00', end: '24:00' }];
    const policy = (
      await api
        .post(`${ws}/sla-policies`, {
          name: 'Round the clock',
          calendar: { timeZone: 'UTC', workingHours: Object.fromEntries([0, 1, 2, 3, 4, 5, 6].map((d) => [d, allDay])), holidays: [] },
        })
        .expect(201)
    ).body.id;
    const delivery = (await api.post(`${ws}/touchpoints`, { name: 'Delivery', stage: 'repeat', slaPolicyId: policy }).expect(201)).body.id;
    const opened = (
      await api.post(`${ws}/cases`, { title: 'Courier missed the slot', touchpointId: delivery, customerId: 'cust-7' }).expect(201)
    ).body;
    const replyText = 'Sorry! The courier will come again on Friday between 10 and 2.';
    await api.post(`${ws}/cases/${opened.id}/replies`, { text: replyText }).expect(201);
    const reply = (await api.get(`${ws}/cases/${opened.id}`).expect(200)).body.events.find((e: { kind: string }) => e.kind === 'reply');
    // An overdue promise elsewhere (made, then its due time moved into the past as if a day went by).
    const late = (
      await api
        .post(`${ws}/promises`, { text: 'Call back about the refund', customerExternalId: 'cust-9', dueIn: { amount: 2, unit: 'hours' } })
        .expect(201)
    ).body;
    await app.app
      .get(DataSource)
      .query(`UPDATE promises SET due_at = now() - interval '1 day' WHERE workspace_id = $1 AND id = $2`, [admin.workspaceId, late.id]);

    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const baseUrl = app.baseUrl.replace(/\/$/, '');
    await page.goto(`${baseUrl}/login?next=/cases/${opened.id}`);
    await page.getByLabel('Email', { exact: true }).fill(admin.email);
    await page.getByLabel('Password', { exact: true }).fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === `/cases/${opened.id}`);

    // One click on the reply: the dialog opens with its text; next business day is the default choice.
    const block = page.getByTestId('case-promises');
    await expect.poll(() => block.innerText()).toContain('No promises on this case yet');
    await page.locator('[data-testid="audit-event"][data-kind="reply"]').getByTestId('make-promise').click();
    const dialog = page.getByTestId('promise-dialog');
    expect(await dialog.getByTestId('promise-text').inputValue()).toBe(replyText);
    expect(await dialog.getByTestId('due-tomorrow').isChecked()).toBe(true);
    const created = apiCall(page, 'POST', /\/promises$/);
    const before = Date.now();
    await dialog.getByTestId('promise-save').click();
    const made = await (await created).json();
    expect(made).toMatchObject({
      source: 'case_reply',
      sourceRef: { caseEventId: reply.id },
      caseId: opened.id,
      customerExternalId: 'cust-7',
    });
    // One business day on a 24×7 calendar is 24 hours.
    const due = Date.parse(made.dueAt) - before;
    expect(due).toBeGreaterThan(24 * 3600_000 - 60_000);
    expect(due).toBeLessThan(24 * 3600_000 + 60_000);
    await expect.poll(() => block.getByTestId('case-promise').count()).toBe(1);
    expect(await block.getByTestId('promise-status').getAttribute('data-status')).toBe('open');
    // The audit trail has the promise too.
    await expect.poll(() => page.locator('[data-testid="audit-event"][data-kind="promise_made"]').count()).toBe(1);

    // Kept from the case page.
    await block.getByTestId('promise-kept').click();
    await expect.poll(() => block.getByTestId('promise-status').getAttribute('data-status')).toBe('kept');
    expect(await block.getByTestId('promise-kept').count()).toBe(0);
    expect((await api.get(`${ws}/promises/${made.id}`).expect(200)).body).toMatchObject({ status: 'kept', late: false });
    // The report counts promises by due time (up to today): as if this one had been due an hour after it was kept.
    await app.app
      .get(DataSource)
      .query(`UPDATE promises SET due_at = kept_at, kept_at = kept_at - interval '1 hour' WHERE workspace_id = $1 AND id = $2`, [
        admin.workspaceId,
        made.id,
      ]);

    // The register: both promises, the overdue one highlighted; the overdue filter narrows the table and the CSV.
    await page.getByTestId('main-nav').getByRole('link', { name: 'Promises' }).click();
    await page.waitForURL((url) => url.pathname === '/promises');
    await expect.poll(() => page.getByTestId('promise-row').count()).toBe(2);
    expect(await page.locator('[data-testid="promise-row"][data-status="overdue"]').innerText()).toContain('Call back about the refund');
    expect(await page.getByTestId('kpi-kept').innerText()).toContain('100%');
    expect(await page.getByTestId('kpi-kept').innerText()).toContain('1 of 1 decided');
    expect(await page.getByTestId('kpi-overdue').innerText()).toContain('1');
    await page.getByTestId('filter-overdue').check();
    await expect.poll(() => page.getByTestId('promise-row').count()).toBe(1);
    expect(await page.getByTestId('promises-csv').getAttribute('href')).toBe(`${ws}/promises/export.csv?overdue=true`);

    // Phone width: the table turns into cards, nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(pageErrors).toEqual([]);
  });
});
