import { randomUUID } from 'node:crypto';
import { type BrowserContext } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { browserSuite } from '../support/browser-suite';

/**
 * The mirror survey in a real browser: customers rated the courier 2 and 3; a viewer on the courier team opens
 * /mirror, finds the mirror waiting, rates 5 as she thinks customers would and saves; the report then shows staff
 * 5 (1) against customers 2.5 (2), a gap of +2.5 flagged as a blind spot, and the CSV link for that mirror.
 */

const suite = browserSuite({ backgroundJobs: false, publicLimitPerIpPerMinute: 100_000 });
let context: BrowserContext | undefined;

afterAll(async () => {
  await context?.close();
});

describe('the mirror survey page', () => {
  it('lets a touchpoint member answer and shows staff vs customers with the blind spot', async () => {
    const { app, browser } = suite;
    const admin = await app.seedAdmin('Mirror Foods');
    const ws = `/api/v1/workspaces/${admin.workspaceId}`;
    const api = await app.login(admin.email, admin.password);
    const vera = await app.createUser({ name: 'Vera Viewer' });
    await app.addMember(admin.workspaceId, vera.userId, 'viewer');
    const courier = (
      await api.post(`${ws}/touchpoints`, { name: 'Courier', stage: 'repeat', ownerId: admin.userId, teamIds: [vera.userId] }).expect(201)
    ).body;
    const survey = (
      await api
        .post(`${ws}/surveys`, {
          name: 'CSAT after delivery',
          kind: 'csat',
          touchpointName: 'Courier',
          displayRules: { trigger: 'page_load', samplePercent: 100, recontactDays: 0, stopAfterResponse: false },
        })
        .expect(201)
    ).body;
    await api.patch(`${ws}/surveys/${survey.id}`, { status: 'live' }).expect(200);
    for (const score of [2, 3]) {
      await app
        .http()
        .post(`/api/v1/public/surveys/${survey.publicKey}/responses`)
        .send({ idempotencyKey: randomUUID(), respondentId: `r-${randomUUID()}`, answers: { score }, finished: true })
        .expect(201);
    }
    const mirror = (
      await api.post(`${ws}/mirrors`, { surveyId: survey.id, name: 'Courier mirror', touchpoints: [{ id: courier.id }] }).expect(201)
    ).body;

    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const baseUrl = app.baseUrl.replace(/\/$/, '');
    await page.goto(`${baseUrl}/login?next=/mirror`);
    await page.getByLabel('Email', { exact: true }).fill(vera.email);
    await page.getByLabel('Password', { exact: true }).fill(vera.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/mirror');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Mirror survey');
    await expect.poll(() => page.getByTestId('mirror-pending').innerText()).toBe('1 mirror waiting for your answers');

    // Before answering: customers only, no gap yet.
    const row = page.locator('[data-testid="mirror-row"][data-touchpoint="Courier"]');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getAttribute('data-blind-spot')).toBe('false');

    const form = page.locator('[data-testid="mirror-answer-form"][data-touchpoint="Courier"]');
    await form.getByRole('button', { name: 'Save answers' }).click();
    expect(await form.getByRole('alert').innerText()).toContain('Answer every question first.');
    await form.getByTestId('mirror-point-score-5').check({ force: true });
    await form.getByRole('button', { name: 'Save answers' }).click();
    await expect.poll(() => form.getByTestId('status-message').innerText()).toContain('Saved.');
    await expect.poll(() => page.getByTestId('mirror-pending').count()).toBe(0);

    await expect.poll(() => row.getAttribute('data-blind-spot')).toBe('true');
    const cells = (await row.locator('td').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
    expect(cells.slice(1, 4)).toEqual(['2.5 (2)', '5 (1)', '+2.5']);
    expect(cells[4]).toContain('Blind spot');
    expect(cells[4]).toContain('Staff think it is better than customers say');
    expect(await page.getByTestId('mirror-csv').getAttribute('href')).toBe(`${ws}/mirrors/${mirror.id}/report.csv?`);
    expect(await page.getByTestId('mirror-list').innerText()).toContain('50%');
    expect(pageErrors).toEqual([]);
  });
});
