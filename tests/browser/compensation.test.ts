import { type BrowserContext, type Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/app';
import { apiCall, browserSuite } from '../support/browser-suite';

/**
 * Compensation in a real browser: an owner grants more than is left of their budget on the case page — the form says
 * before saving that it will wait, the block shows it waiting; an admin approves it on Recovery → Compensation and the
 * ledger counts it as approved over budget; the admin's Settings → Compensation page and the phone layout.
 */
const suite = browserSuite();
const contexts: BrowserContext[] = [];
afterAll(() => Promise.all(contexts.map((c) => c.close())));

async function signIn(app: TestApp, email: string, password: string, next: string, width = 1440): Promise<Page> {
  const context = await suite.browser.newContext({ viewport: { width, height: 900 }, locale: 'en-US' });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const baseUrl = app.baseUrl.replace(/\/$/, '');
  await page.goto(`${baseUrl}/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === next);
  return page;
}

describe('compensation', () => {
  it('an owner grants over budget: it waits for approval; an admin approves it on the Compensation tab', async () => {
    const { app } = suite;
    const admin = await app.seedAdmin('Compensation desk');
    const ws = `/api/v1/workspaces/${admin.workspaceId}`;
    const api = await app.login(admin.email, admin.password);
    const owner = await app.createUser({ name: 'Olga Owner' });
    await app.addMember(admin.workspaceId, owner.userId, 'owner');
    await api
      .put(`${ws}/compensation/budgets`, { budgets: [{ role: 'owner', amount: '1000', currency: 'RUB', period: 'month' }] })
      .expect(200);
    const delivery = (await api.post(`${ws}/touchpoints`, { name: 'Delivery', stage: 'repeat' }).expect(201)).body.id;
    const opened = (
      await api.post(`${ws}/cases`, { title: 'Box arrived crushed', touchpointId: delivery, customerId: 'cust-5' }).expect(201)
    ).body;
    const errors: string[] = [];

    // The owner on the case page: 1,000 left; 1,500 will wait, and the form says so before saving.
    const asOwner = await signIn(app, owner.email, owner.password, `/cases/${opened.id}`);
    asOwner.on('pageerror', (e) => errors.push(e.message));
    const block = asOwner.getByTestId('case-compensation');
    await expect.poll(() => block.innerText()).toContain('No compensation on this case yet');
    await block.getByTestId('new-grant').click();
    await expect.poll(() => block.getByTestId('grant-remaining').innerText()).toContain('1,000');
    expect(await block.getByTestId('grant-currency').inputValue()).toBe('RUB');
    await block.getByTestId('grant-amount').fill('800');
    await expect.poll(() => block.getByTestId('grant-outlook').innerText()).toBe('Within your budget: approved at once.');
    await block.getByTestId('grant-amount').fill('1500');
    await expect
      .poll(() => block.getByTestId('grant-outlook').innerText())
      .toBe('This is more than your remaining budget: the grant will wait for an admin’s approval.');
    await block.getByTestId('grant-kind').selectOption('refund');
    await block.getByTestId('grant-reason').fill('The box arrived crushed; refund the whole order');
    const posted = apiCall(asOwner, 'POST', /\/compensations$/);
    await block.getByTestId('grant-submit').click();
    const grant = await (await posted).json();
    expect(grant).toMatchObject({ status: 'pending', amount: '1500.00', currency: 'RUB', kind: 'refund', customerExternalId: 'cust-5' });
    await expect.poll(() => block.getByTestId('grant-message').innerText()).toBe('Saved. It waits for an admin’s approval.');
    await expect.poll(() => block.getByTestId('grant-status').innerText()).toBe('Waiting for approval');

    // The admin on Recovery → Compensation: the grant waits; approved with a note.
    const asAdmin = await signIn(app, admin.email, admin.password, '/recovery/compensation');
    asAdmin.on('pageerror', (e) => errors.push(e.message));
    const pending = asAdmin.getByTestId('pending-approvals');
    await expect.poll(() => pending.getByTestId('pending-grant').count()).toBe(1);
    const row = pending.getByTestId('pending-grant');
    expect(await row.innerText()).toContain('Olga Owner');
    expect(await row.innerText()).toContain('The box arrived crushed');
    await row.getByTestId('decision-note').fill('Regular customer');
    const approved = apiCall(asAdmin, 'POST', /\/approve$/);
    await row.getByTestId('grant-approve').click();
    expect((await approved).status()).toBe(200);
    await expect.poll(() => pending.getByTestId('decision-message').innerText()).toBe('Approved.');
    await expect.poll(() => pending.getByTestId('pending-empty').isVisible()).toBe(true);
    // The ledger: nothing spent of the budget, 1,500 approved over it.
    const ledgerRow = asAdmin.getByTestId('compensation-ledger').getByTestId('ledger-row').filter({ hasText: 'Olga Owner' });
    await expect.poll(() => ledgerRow.innerText()).toContain('1,500');
    const cells = await ledgerRow.locator('td').allInnerTexts();
    expect(cells[2]).toContain('1,000'); // budget
    expect(cells[3]).toContain('0'); // spent within
    expect(cells[4]).toContain('1,500'); // approved over budget
    expect(cells[6]).toContain('1,000'); // remaining
    await expect.poll(() => asAdmin.getByTestId('report-total').innerText()).toContain('1,500');

    // Back on the case page the owner sees it approved by the admin.
    await asOwner.reload();
    await expect.poll(() => block.getByTestId('grant-status').innerText()).toBe('Approved');
    expect(await block.innerText()).toContain('approved over budget');
    expect(await block.innerText()).toContain('Regular customer');
    expect(errors).toEqual([]);
  });

  it('the admin edits budgets in Settings; a phone shows the tab without sideways scrolling', async () => {
    const { app } = suite;
    const admin = await app.seedAdmin('Budget desk');
    const analyst = await app.createUser({ name: 'Ivan Analyst' });
    await app.addMember(admin.workspaceId, analyst.userId, 'analyst');
    const page = await signIn(app, admin.email, admin.password, '/settings/compensation');
    const form = page.getByTestId('budgets-form');
    await form.getByTestId('budget-role-owner-amount').fill('5000');
    await form.getByTestId('budget-role-analyst-amount').fill('15000');
    await form.getByTestId('budget-role-analyst-period').selectOption('quarter');
    await form.getByTestId('budget-add-member').click();
    await form.getByTestId('budget-member-select').selectOption({ label: 'Ivan Analyst' });
    await form.getByTestId('budget-member-0-amount').fill('20000');
    const saved = apiCall(page, 'PUT', /\/compensation\/budgets$/);
    await form.getByTestId('budgets-save').click();
    const body = await (await saved).json();
    expect(body.budgets).toEqual([
      expect.objectContaining({ scope: 'role', role: 'analyst', amount: '15000.00', currency: 'RUB', period: 'quarter' }),
      expect.objectContaining({ scope: 'role', role: 'owner', amount: '5000.00', period: 'month' }),
      expect.objectContaining({ scope: 'member', member: { id: analyst.userId, name: 'Ivan Analyst' }, amount: '20000.00' }),
    ]);

    const phone = await signIn(app, admin.email, admin.password, '/recovery/compensation', 390);
    await expect.poll(() => phone.getByTestId('pending-empty').isVisible()).toBe(true);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
