import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { apiCall, browserSuite } from '../support/browser-suite';

/**
 * The Cases inbox and case page in a real browser, on cases opened through the API under a 24×7 SLA policy
 * (30 min first reply, 4 h resolution): filters kept in the URL, a live countdown, an overdue case, the breached
 * filter, keyboard selection and bulk assignment, a case opened with Enter, a reply meeting the first response,
 * closing refused without a root cause and then accepted, a title carrying HTML shown as text, and the narrow
 * (phone) layout.
 */

const ARTIFACTS = join(__dirname, '..', '.tmp');
const XSS_TITLE = '<img src=x onerror="window.__casesXss=1"> Checkout page';
// No case-sync or breach tick during the run: the test asks for the breach check itself.
const suite = browserSuite({ caseSyncMs: 3_600_000 });
let context: BrowserContext | undefined;
afterAll(() => context?.close());

const rows = (page: Page) => page.getByTestId('case-row');
const rowTitles = (page: Page) => rows(page).getByTestId('case-link').allInnerTexts();
const rowOf = (page: Page, id: string) => page.locator(`[data-testid="case-row"][data-case-id="${id}"]`);
/** "in 29m 58s" → seconds left. */
function secondsLeft(text: string): number {
  const match = /in (\d+)m\s(\d+)s/.exec(text);
  if (!match) throw new Error(`not a countdown under an hour: "${text}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}
const timerValue = (scope: Locator, kind: 'firstResponse' | 'resolution') =>
  scope.getByTestId(`timer-${kind}`).getByTestId('timer-value').innerText();
const timerState = (scope: Locator, kind: 'firstResponse' | 'resolution') => scope.getByTestId(`timer-${kind}`).getAttribute('data-state');

describe('cases inbox', () => {
  it('filters, counts down, selects and assigns by keyboard, replies and closes a case', async () => {
    const { app, browser } = suite;
    const admin = await app.seedAdmin('Support desk');
    const ws = `/api/v1/workspaces/${admin.workspaceId}`;
    const api = await app.login(admin.email, admin.password);
    const dana = await app.createUser({ name: 'Dana Agent' });
    const boris = await app.createUser({ name: 'Boris Owner' });
    await app.addMember(admin.workspaceId, dana.userId, 'analyst');
    await app.addMember(admin.workspaceId, boris.userId, 'owner');

    const policy = await api
      .post(`${ws}/sla-policies`, {
        name: 'Fast 24x7',
        clock: 'calendar',
        rules: { '*': { '*': { firstResponseMinutes: 30, resolutionMinutes: 240 } } },
      })
      .expect(201);
    const checkout = (await api.post(`${ws}/touchpoints`, { name: 'Checkout', stage: 'buying', slaPolicyId: policy.body.id }).expect(201))
      .body.id as string;
    const delivery = (await api.post(`${ws}/touchpoints`, { name: 'Delivery', stage: 'repeat', slaPolicyId: policy.body.id }).expect(201))
      .body.id as string;

    const open = async (body: Record<string, unknown>) => {
      const res = await api.post(`${ws}/cases`, body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body as { id: string; number: number; title: string };
    };
    const stale = await open({
      title: 'Old complaint about a lost parcel',
      priority: 'low',
      touchpointId: delivery,
      openedAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
    });
    const refund = await open({
      title: 'Refund stuck for a week',
      priority: 'high',
      touchpointId: checkout,
      ownerId: dana.userId,
      customerId: 'cust-1',
    });
    const courier = await open({ title: 'Courier was late', priority: 'normal', touchpointId: delivery });
    const button = await open({ title: 'Pay button does nothing', priority: 'high', touchpointId: checkout, ownerId: boris.userId });
    const xss = await open({ title: XSS_TITLE, priority: 'normal', touchpointId: checkout });
    const invoice = await open({
      title: 'Wrong amount on the invoice',
      priority: 'urgent',
      touchpointId: checkout,
      customerId: 'cust-2',
      description: 'Charged twice.\nPlease refund.',
    });
    const all = [stale, refund, courier, button, xss, invoice];

    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const baseUrl = app.baseUrl.replace(/\/$/, '');
    const search = () => new URL(page.url()).searchParams;

    try {
      await page.goto(`${baseUrl}/login?next=/cases`);
      await page.getByLabel('Email', { exact: true }).fill(admin.email);
      await page.getByLabel('Password', { exact: true }).fill(admin.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname === '/cases');
      await expect.poll(() => rows(page).count()).toBe(all.length);
      expect(await page.getByTestId('reports-tab').getAttribute('href')).toBe('/cases/reports');

      // The title carrying HTML is text: no image element, no script run.
      expect(await rowOf(page, xss.id).getByTestId('case-link').innerText()).toBe(XSS_TITLE);
      expect(await page.locator('[data-testid="case-table"] img').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __casesXss?: number }).__casesXss)).toBeUndefined();

      // Each row: owner, priority badge, source; the overdue case is marked, with how long.
      const refundRow = rowOf(page, refund.id);
      expect(await refundRow.getByTestId('case-owner').innerText()).toBe('Dana Agent');
      expect(await refundRow.getByTestId('priority-badge').innerText()).toBe('High');
      expect(await refundRow.innerText()).toContain('Checkout');
      expect(await refundRow.innerText()).toContain('cust-1');
      expect(await rowOf(page, courier.id).getByTestId('case-owner').innerText()).toBe('Unassigned');
      const staleRow = rowOf(page, stale.id);
      expect(await staleRow.getByTestId('overdue-flag').innerText()).toBe('Overdue');
      expect(await timerState(staleRow, 'resolution')).toBe('overdue');
      expect(await timerValue(staleRow, 'resolution')).toMatch(/^overdue 1d\s\d+h$/);
      expect(await refundRow.getByTestId('overdue-flag').count()).toBe(0);

      // The countdown moves: a later reading shows less time left than an earlier one.
      const first = secondsLeft(await timerValue(refundRow, 'firstResponse'));
      await expect.poll(async () => secondsLeft(await timerValue(refundRow, 'firstResponse')), { timeout: 5_000 }).toBeLessThan(first);
      expect(await timerState(refundRow, 'firstResponse')).toBe('running');

      // Filter by priority, then owner: the URL says so and the list narrows.
      const listed = apiCall(page, 'GET', new RegExp(`${ws}/cases$`));
      await page.getByTestId('priority-filter-high').click();
      expect(new URL((await listed).url()).searchParams.getAll('priority')).toEqual(['high']);
      await expect.poll(() => search().get('priority')).toBe('high');
      await expect.poll(() => rowTitles(page)).toEqual(expect.arrayContaining([refund.title, button.title]));
      await expect.poll(() => rows(page).count()).toBe(2);
      await page.getByLabel('Owner', { exact: true }).selectOption(dana.userId);
      await expect.poll(() => search().get('owner')).toBe(dana.userId);
      await expect.poll(() => rowTitles(page)).toEqual([refund.title]);

      // The filtered address is shareable: loading it again gives the same view.
      await page.goto(page.url());
      await expect.poll(() => rowTitles(page)).toEqual([refund.title]);
      expect(await page.getByTestId('priority-filter-high').getAttribute('aria-pressed')).toBe('true');
      expect(await page.getByLabel('Owner', { exact: true }).inputValue()).toBe(dana.userId);
      await page.getByLabel('Owner', { exact: true }).selectOption('none');
      await expect.poll(() => search().get('owner')).toBe('none');
      await expect.poll(() => rows(page).count()).toBe(0);
      await page.getByTestId('empty-state').getByRole('button', { name: 'Clear filters' }).click();
      await expect.poll(() => page.url()).toBe(`${baseUrl}/cases`);
      await expect.poll(() => rows(page).count()).toBe(all.length);

      // Breached only, once the breach check has run: just the overdue case.
      await api.post(`${ws}/cases/breach-check`).expect(200);
      await page.getByTestId('breached-filter').check();
      await expect.poll(() => search().get('breached')).toBe('1');
      await expect.poll(() => rowTitles(page)).toEqual([stale.title]);
      expect(await rowOf(page, stale.id).getByTestId('breached-flag').innerText()).toBe('SLA breached');
      await page.getByTestId('breached-filter').uncheck();
      await expect.poll(() => rows(page).count()).toBe(all.length);

      // Keyboard: j moves down, x selects; two rows selected, then "a" assigns them to Boris.
      await page.locator('h1').click(); // leave the filter fields: keys typed there are text
      await page.keyboard.press('j');
      await page.keyboard.press('j');
      await page.keyboard.press('x');
      await page.keyboard.press('j');
      await page.keyboard.press('x');
      const ids = await rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-case-id')!));
      const picked = [ids[1], ids[2]];
      expect(await page.getByTestId('selected-count').innerText()).toBe('2 selected');
      for (const id of picked) expect(await rowOf(page, id).getByTestId('row-select').isChecked()).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-case-id'))).toBe(ids[2]);
      await page.keyboard.press('a');
      const assignDialog = page.getByTestId('assign-dialog');
      await assignDialog.getByLabel('Member').waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('assign-owner');
      await assignDialog.getByLabel('Member').selectOption(boris.userId);
      const assigned = apiCall(page, 'POST', /\/cases\/bulk-assign$/);
      await assignDialog.getByTestId('assign-submit').click();
      const assignResponse = await assigned;
      expect(assignResponse.status()).toBe(200);
      expect(JSON.parse(assignResponse.request().postData() ?? '{}').ids.sort()).toEqual([...picked].sort());
      await expect.poll(() => page.getByTestId('status-message').innerText()).toBe('Assigned 2 cases to Boris Owner.');
      for (const id of picked) {
        expect((await api.get(`${ws}/cases/${id}`).expect(200)).body.ownerId).toBe(boris.userId);
        expect(await rowOf(page, id).getByTestId('case-owner').innerText()).toBe('Boris Owner');
      }
      expect(await page.getByTestId('bulk-bar').count()).toBe(0);

      // Move to the invoice case and open it with Enter.
      const target = ids.indexOf(invoice.id);
      for (let i = 2; i < target; i++) await page.keyboard.press('j');
      for (let i = 2; i > target; i--) await page.keyboard.press('k');
      expect(await page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-case-id'))).toBe(invoice.id);
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname === `/cases/${invoice.id}`);
      await page.getByRole('heading', { level: 1, name: `#${invoice.number} ${invoice.title}` }).waitFor();
      expect(await page.getByTestId('case-description').innerText()).toBe('Charged twice.\nPlease refund.');
      expect(await page.getByTestId('customer-link').getAttribute('href')).toBe('/customers/cust-2');
      const timers = page.getByTestId('case-timers');
      expect(await timerState(timers, 'firstResponse')).toBe('running');

      // r goes to the reply box; the first reply by us meets the first response and shows in the trail.
      await page.keyboard.press('r');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('reply-text');
      // Typed text keeps its letters: r, a and u are shortcuts only outside fields.
      await page.keyboard.type('We are sorry: the double charge is refunded today.');
      expect(await page.locator('#reply-text').inputValue()).toBe('We are sorry: the double charge is refunded today.');
      expect(new URL(page.url()).pathname).toBe(`/cases/${invoice.id}`);
      const replied = apiCall(page, 'POST', /\/replies$/);
      await page.getByTestId('reply-submit').click();
      expect((await replied).status()).toBe(201);
      await expect.poll(() => timerState(timers, 'firstResponse')).toBe('met');
      expect(await timerValue(timers, 'firstResponse')).toBe('met');
      const newest = page.getByTestId('audit-event').first();
      expect(await newest.getAttribute('data-kind')).toBe('reply');
      expect(await newest.innerText()).toContain('We are sorry: the double charge is refunded today.');
      expect(await newest.getByTestId('first-response-tag').innerText()).toBe('First response');
      expect(await page.getByTestId('audit-event').last().getAttribute('data-kind')).toBe('opened');

      // Closing without a root cause: the API's message is shown, at the top and at the field.
      await page.getByTestId('close-case').click();
      const closeDialog = page.getByTestId('close-dialog');
      await closeDialog.getByLabel('Action taken').fill('Refunded the second charge.');
      let closing = apiCall(page, 'POST', /\/close$/);
      await closeDialog.getByTestId('close-submit').click();
      expect((await closing).status()).toBe(400);
      expect(await closeDialog.getByTestId('error-alert').innerText()).toContain('rootCause is required to close a case');
      expect(await closeDialog.getByTestId('root-cause-error').innerText()).toBe('rootCause is required to close a case');
      expect(await closeDialog.getByLabel('Root cause').getAttribute('aria-invalid')).toBe('true');
      expect((await api.get(`${ws}/cases/${invoice.id}`).expect(200)).body.status).toBe('open');

      await closeDialog.getByLabel('Root cause').fill('The payment provider retried a timed-out charge.');
      closing = apiCall(page, 'POST', /\/close$/);
      await closeDialog.getByTestId('close-submit').click();
      expect((await closing).status()).toBe(200);
      await expect.poll(() => page.getByTestId('case-status-line').getByTestId('status-badge').innerText()).toBe('Closed');
      const closed = (await api.get(`${ws}/cases/${invoice.id}`).expect(200)).body;
      expect(closed).toMatchObject({
        status: 'closed',
        rootCause: 'The payment provider retried a timed-out charge.',
        actionTaken: 'Refunded the second charge.',
      });
      expect(await page.getByTestId('case-follow-up').getByTestId('follow-up-form').count()).toBe(1);

      // Back to the inbox (u): the closed case left the default view.
      await page.keyboard.press('u');
      await page.waitForURL((url) => url.pathname === '/cases');
      await expect.poll(() => rows(page).count()).toBe(all.length - 1);
      expect(await rowOf(page, invoice.id).count()).toBe(0);

      // Phones: rows stack into cards and nothing scrolls sideways.
      await page.setViewportSize({ width: 390, height: 844 });
      await expect
        .poll(() =>
          rows(page)
            .first()
            .evaluate((tr) => getComputedStyle(tr).display),
        )
        .toBe('block');
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

      expect(pageErrors).toEqual([]);
    } catch (error) {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'cases-inbox-failure.png'), fullPage: true }).catch(() => {});
      throw error;
    }
  }, 180_000);
  it('shows what a paused timer had left while the case waits on the customer', async () => {
    const { app, browser } = suite;
    const admin = await app.seedAdmin('Waiting desk');
    const ws = `/api/v1/workspaces/${admin.workspaceId}`;
    const api = await app.login(admin.email, admin.password);
    const policy = await api
      .post(`${ws}/sla-policies`, {
        name: 'Day 24x7',
        clock: 'calendar',
        rules: { '*': { '*': { firstResponseMinutes: 120, resolutionMinutes: 1440 } } },
      })
      .expect(201);
    const desk = (await api.post(`${ws}/touchpoints`, { name: 'Billing', stage: 'repeat', slaPolicyId: policy.body.id }).expect(201)).body
      .id as string;
    // Opened 30 minutes ago, now waiting on the customer: 90 of 120 minutes and 1410 of 1440 were left.
    const opened = (
      await api
        .post(`${ws}/cases`, { title: 'Which invoice?', touchpointId: desk, openedAt: new Date(Date.now() - 30 * 60_000).toISOString() })
        .expect(201)
    ).body;
    const waiting = (await api.patch(`${ws}/cases/${opened.id}`, { status: 'waiting_customer' }).expect(200)).body;
    expect(waiting.resolutionDue).toBeNull();

    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    const baseUrl = app.baseUrl.replace(/\/$/, '');
    await page.goto(`${baseUrl}/login?next=/cases`);
    await page.getByLabel('Email', { exact: true }).fill(admin.email);
    await page.getByLabel('Password', { exact: true }).fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/cases');
    const row = rowOf(page, opened.id);
    await expect.poll(() => timerState(row, 'resolution')).toBe('paused');
    expect(await timerValue(row, 'firstResponse')).toMatch(/^paused, 1h\s[23]\dm left$/);
    expect(await timerValue(row, 'resolution')).toMatch(/^paused, 23h\s[23]\dm left$/);
    // A frozen clock: the reading does not move.
    const before = await timerValue(row, 'resolution');
    await page.waitForTimeout(1_500);
    expect(await timerValue(row, 'resolution')).toBe(before);
  }, 120_000);
});
