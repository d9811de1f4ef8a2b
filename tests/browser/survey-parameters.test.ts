import { randomUUID } from 'node:crypto';
import { type BrowserContext } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { browserSuite } from '../support/browser-suite';

/**
 * Satisfaction by parameter in the dashboard (issue 17): a custom survey with a rating matrix and six scripted answers
 * (the hand-computed set of tests/api/survey-parameters.test.ts); the results page shows the Parameters section with
 * mean ± margin, the groups, the importance chart and the CSV link, and the builder edits the matrix's parameters.
 */
const suite = browserSuite({ backgroundJobs: false, publicLimitPerIpPerMinute: 100_000 });
let context: BrowserContext | undefined;

afterAll(async () => {
  await context?.close();
});

const en = (text: string) => ({ en: text });
const ROWS = ['price', 'delivery', 'payment', 'extras'];
const SCRIPT = [
  { score: 5, price: 4, delivery: 4, payment: 3, extras: 3 },
  { score: 4, price: 4, delivery: 3, payment: 2, extras: 5 },
  { score: 2, price: 3, delivery: 1, payment: 3, extras: 4 },
  { score: 1, price: 2, delivery: 1, payment: 3, extras: 3 },
  { score: 3, price: 4, delivery: 2, payment: 2, extras: 4 },
  { score: 4, price: 5, delivery: 3, payment: 3, extras: 3 },
];

describe('the Parameters section of a survey with a rating matrix', () => {
  it('shows means with margins, the groups, the importance chart and CSV, and the builder edits the parameters', async () => {
    const { app, browser } = suite;
    const admin = await app.seedAdmin('Matrix Foods');
    const ws = `/api/v1/workspaces/${admin.workspaceId}`;
    const api = await app.login(admin.email, admin.password);
    const questions = [
      { id: 'score', type: 'rating', required: true, text: en('Overall, how satisfied are you?'), scale: { min: 1, max: 5 } },
      {
        id: 'parameters',
        type: 'matrix',
        required: true,
        text: en('How satisfied are you with each of these?'),
        scale: { min: 1, max: 5 },
        rows: ROWS.map((id) => ({ id, label: en(id[0].toUpperCase() + id.slice(1)) })),
      },
    ];
    const survey = (await api.post(`${ws}/surveys`, { name: 'Parameters', kind: 'custom', questions }).expect(201)).body;
    await api.patch(`${ws}/surveys/${survey.id}`, { status: 'live' }).expect(200);
    for (const { score, ...parameters } of SCRIPT) {
      await app
        .http()
        .post(`/api/v1/public/surveys/${survey.publicKey}/responses`)
        .send({ idempotencyKey: randomUUID(), respondentId: `r-${randomUUID()}`, answers: { score, parameters }, finished: true })
        .expect(201);
    }

    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const baseUrl = app.baseUrl.replace(/\/$/, '');
    await page.goto(`${baseUrl}/login?next=/surveys/${survey.id}/results`);
    await page.getByLabel('Email', { exact: true }).fill(admin.email);
    await page.getByLabel('Password', { exact: true }).fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === `/surveys/${survey.id}/results`);

    const section = page.getByTestId('parameters-section');
    await expect.poll(() => section.getByTestId('parameter-row').count()).toBe(4);
    expect(await section.getByTestId('parameters-responses').innerText()).toBe('6 responses rated the parameters');
    const row = (id: string) => section.locator(`[data-testid="parameter-row"][data-parameter="${id}"]`);
    // Delivery 4,3,1,1,2,3: mean 2.33, margin 1.96 · 1.2111 / √6 = 0.97; r with the overall rating 0.97 → fix first.
    expect((await row('delivery').innerText()).replace(/\s+/g, ' ')).toContain('2.33 ± 0.97');
    expect(await row('delivery').getByTestId('quadrant').innerText()).toBe('Fix first');
    expect(await row('price').getByTestId('quadrant').innerText()).toBe('Keep it up');
    expect(await row('payment').getByTestId('quadrant').innerText()).toBe('Low priority');
    expect(await row('extras').getByTestId('quadrant').innerText()).toBe('Beyond need');
    expect(await section.getByTestId('importance-canvas').getAttribute('data-points')).toBe('4');
    expect(await section.getByRole('img', { name: 'Scatter chart of 4 parameters by importance and mean rating' }).count()).toBe(1);
    expect(await section.getByTestId('parameters-csv').getAttribute('href')).toContain(`/surveys/${survey.id}/parameters/report.csv?`);

    // The builder: the matrix's parameters are editable and a fifth can be added.
    await page.goto(`${baseUrl}/surveys/${survey.id}`);
    const parameters = page.getByRole('group', { name: 'Parameters' });
    await expect.poll(() => parameters.getByRole('textbox').count()).toBe(4);
    await parameters.getByRole('button', { name: 'Add parameter' }).click();
    await expect.poll(() => parameters.getByRole('textbox').count()).toBe(5);
    expect(pageErrors).toEqual([]);
  });
});
