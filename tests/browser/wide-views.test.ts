import { type Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { browserSuite } from '../support/browser-suite';

/**
 * Layout of wide views (issue 14 item 8): the five journey columns fit a 1440 px screen; on a 390 px phone they
 * scroll sideways inside a focusable box that says so; the NPS scale of the builder's live preview (the real widget)
 * stays one row of 0–10 on a phone, with the end labels under its ends.
 */
const suite = browserSuite({ publicLimitPerIpPerMinute: 100_000, caseSyncMs: 3_600_000 });
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers) await close();
});

async function signedIn(width: number, height: number, email: string, password: string): Promise<Page> {
  const context = await suite.browser.newContext({ viewport: { width, height }, locale: 'en-US' });
  closers.push(() => context.close());
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${suite.app.baseUrl.replace(/\/$/, '')}/login`);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  return page;
}

describe('wide views', () => {
  it('fits the journey at 1440 px, scrolls it with a hint on a phone, keeps 0–10 in one row', async () => {
    const { app } = suite;
    const admin = await app.seedAdmin();
    const ws = `/api/v1/workspaces/${admin.workspaceId}`;
    const api = await app.login(admin.email, admin.password);
    for (const stage of ['aware', 'considering', 'buying', 'repeat', 'left']) {
      await api.post(`${ws}/touchpoints`, { name: `Touchpoint at the ${stage} stage`, stage }).expect(201);
    }
    const survey = await api.post(`${ws}/surveys`, { name: 'Relationship NPS', kind: 'nps' }).expect(201);
    const base = app.baseUrl.replace(/\/$/, '');

    // 1440 px: all five columns inside the box, nothing to scroll, no hint.
    const wide = await signedIn(1440, 900, admin.email, admin.password);
    await wide.goto(`${base}/touchpoints`);
    await wide.getByTestId('journey-map').waitFor();
    const box = wide.getByTestId('journey-scroll');
    const boxRight = await box.evaluate((el) => el.getBoundingClientRect().right);
    const leftRight = await wide.getByTestId('stage-left').evaluate((el) => el.getBoundingClientRect().right);
    expect(leftRight).toBeLessThanOrEqual(boxRight + 0.5);
    expect(await box.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);
    expect(await wide.getByTestId('journey-scroll-scroll-hint').count()).toBe(0);

    // 390 px: the hint shows, the box takes keyboard focus and arrow keys scroll it.
    const phone = await signedIn(390, 844, admin.email, admin.password);
    await phone.goto(`${base}/touchpoints`);
    await phone.getByTestId('journey-map').waitFor();
    const hint = phone.getByTestId('journey-scroll-scroll-hint');
    await hint.waitFor();
    expect(await hint.innerText()).toBe('Scroll sideways →');
    const scroller = phone.getByTestId('journey-scroll');
    expect(await scroller.getAttribute('tabindex')).toBe('0');
    expect(await scroller.getAttribute('aria-label')).toBeTruthy();
    await scroller.focus();
    await phone.keyboard.press('ArrowRight');
    await expect.poll(() => scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);

    // The NPS scale in the builder's live preview on the phone: 11 buttons on one row, labels at the ends.
    await phone.goto(`${base}/surveys/${survey.body.id}`);
    const widget = phone.locator('otklik-survey-nps');
    const options = widget.getByRole('radio');
    await expect.poll(() => options.count(), { timeout: 20_000 }).toBe(11);
    const tops = await options.evaluateAll((buttons) => buttons.map((b) => Math.round(b.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
    const ten = await options.nth(10).evaluate((b) => b.getBoundingClientRect().right);
    const maxLabel = await widget.locator('#ok-max').evaluate((s) => s.getBoundingClientRect().right);
    expect(Math.abs(ten - maxLabel)).toBeLessThanOrEqual(2);
  }, 180_000);
});
