import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import type { SeededAdmin, TestApp } from '../support/app';
import { apiCall, browserSuite } from '../support/browser-suite';
import { customerSigner } from '../support/identity';

/**
 * The home page (the CX command centre) in a real browser: with data it shows the figures the API computes and
 * every tile opens its page on the same period; an empty workspace gets the setup checklist. Screenshots at 1440
 * and 390 px in English, Russian and Bulgarian go to tests/.tmp (home-*.png).
 */

const ARTIFACTS = join(__dirname, '..', '.tmp');
const suite = browserSuite({ publicLimitPerIpPerMinute: 100_000 });
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
const LOCALES = { en: 'en-US', ru: 'ru-RU', bg: 'bg-BG' } as const;

async function signedIn(
  browser: Browser,
  app: TestApp,
  admin: SeededAdmin,
  locale: keyof typeof LOCALES,
  width: number,
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: LOCALES[locale], timezoneId: 'UTC' });
  await context.addInitScript((value) => localStorage.setItem('otklik.locale', value), locale);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const response = await page.request.post(`${app.baseUrl}/api/v1/auth/login`, { data: { email: admin.email, password: admin.password } });
  expect(response.status()).toBe(200);
  return { page, errors };
}

async function seed(app: TestApp, admin: SeededAdmin): Promise<{ npsId: string }> {
  const ws = `/api/v1/workspaces/${admin.workspaceId}`;
  const api = await app.login(admin.email, admin.password);
  const db = app.app.get(DataSource);
  const nps = (await api.post(`${ws}/surveys`, { name: 'Relationship NPS', kind: 'nps' }).expect(201)).body;
  const scores = [10, 9, 9, 10, 8, 7, 3, 10, 9, 6, 2, 10];
  for (const [i, score] of scores.entries()) {
    const at = daysAgo(1 + (i % 20));
    await db.query(
      `INSERT INTO responses (workspace_id, survey_id, survey_version, respondent_id, idempotency_key, answers, score, score_scale_max, finished, language, hidden_fields, created_at, finished_at)
			 VALUES ($1, $2, 1, $3, $3, $4, $5, 10, true, 'en', '{}', $6, $6)`,
      [admin.workspaceId, nps.id, randomUUID(), JSON.stringify({ score }), score, at],
    );
    await db.query(
      `INSERT INTO survey_displays (workspace_id, survey_id, respondent_id, idempotency_key, created_at) VALUES ($1, $2, $3, $3, $4)`,
      [admin.workspaceId, nps.id, randomUUID(), at],
    );
  }
  const sign = await customerSigner(api, admin.workspaceId);
  for (let i = 0; i < 8; i++)
    await api
      .put(`${ws}/customers/c${i}`, {
        name: `Customer ${i}`,
        mrr: 50,
        firstSeenAt: daysAgo(300),
        lastSeenAt: i === 7 ? daysAgo(70) : daysAgo(1),
      })
      .expect(201);
  const flow = (await api.post(`${ws}/churn/flows`, { name: 'Cancel' }).expect(201)).body;
  for (const [customerId, reasonKey, offerAccepted] of [
    ['c0', 'too_expensive', false],
    ['c1', 'too_expensive', false],
    ['c2', 'moved_away', false],
    ['c3', 'too_expensive', true],
  ] as const) {
    await app
      .http()
      .post(`/api/v1/public/cancellation-flows/${flow.publicKey}/submissions`)
      .send({ idempotencyKey: randomUUID(), customerId, customerHash: sign(customerId), reasonKey, offerAccepted, finished: true })
      .expect(201);
  }
  const tp = (await api.post(`${ws}/touchpoints`, { name: 'Delivery', stage: 'buying', channel: 'email' }).expect(201)).body;
  await api.post(`${ws}/touchpoints`, { name: 'Checkout', stage: 'buying', channel: 'chat', ownerId: admin.userId }).expect(201);
  for (let i = 0; i < 3; i++) await api.post(`${ws}/cases`, { title: `Late courier ${i}`, touchpointId: tp.id }).expect(201);
  await db.query(`UPDATE cases SET breached_first_response_at = now() WHERE workspace_id = $1 AND title = 'Late courier 0'`, [
    admin.workspaceId,
  ]);
  await api
    .post(`${ws}/mentions/bulk`, {
      mentions: [
        { source: 'vk', externalId: 'm1', text: 'Ужасный сервис, курьер опоздал на три часа', postedAt: daysAgo(2) },
        { source: 'twitter', externalId: 'm2', text: 'Love the new menu, great food!', postedAt: daysAgo(3) },
      ],
    })
    .expect(200);
  return { npsId: nps.id };
}

describe('home page', () => {
  it('shows the real figures of the period, and a tile opens its page on the same period', async () => {
    const { app, browser } = suite;
    const admin = await app.seedAdmin('Home Data');
    const { npsId } = await seed(app, admin);
    mkdirSync(ARTIFACTS, { recursive: true });

    const { page, errors } = await signedIn(browser, app, admin, 'en', 1440);
    const loaded = apiCall(page, 'GET', /\/overview$/);
    await page.goto(`${app.baseUrl}/`);
    const body = await (await loaded).json();
    await page.getByTestId('overview').waitFor();
    expect(await page.getByText('will live here').count()).toBe(0);

    // The tiles show what the API computed, formatted for English.
    const nps = body.scores.kinds.find((k: { kind: string }) => k.kind === 'nps');
    expect((await page.getByTestId('kpi-nps-value').innerText()).trim()).toBe(
      new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(nps.value),
    );
    expect(await page.getByTestId('kpi-nps').innerText()).toContain(
      `± ${new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(nps.marginOfError)}`,
    );
    expect((await page.getByTestId('kpi-responses-value').innerText()).trim()).toBe('12');
    expect((await page.getByTestId('kpi-cases-value').innerText()).trim()).toBe('3');
    expect(await page.getByTestId('kpi-cases').innerText()).toContain('1 past SLA');
    expect((await page.getByTestId('kpi-churn-value').innerText()).trim()).toBe('37.5%'); // 3 of 8
    expect((await page.getByTestId('kpi-sleeping-value').innerText()).trim()).toBe('1');
    expect(await page.getByTestId('overview-reason').first().innerText()).toContain('2');
    expect(await page.getByTestId('overview-unowned-touchpoint').allInnerTexts()).toEqual([expect.stringContaining('Delivery')]);
    expect(await page.getByTestId('overview-cases-row').first().innerText()).toContain('Delivery');
    expect(await page.getByTestId('overview-chart-caption').innerText()).toContain('12 responses');
    expect(await page.getByTestId('kpi-nps-link').getAttribute('href')).toBe(nps.link.href);
    expect(nps.link.href).toMatch(new RegExp(`^/surveys/${npsId}/results\\?from=\\d{4}-\\d{2}-\\d{2}&to=\\d{4}-\\d{2}-\\d{2}$`));
    await page.screenshot({ path: join(ARTIFACTS, 'home-data-en-1440.png'), fullPage: true });

    // The churn tile opens the Churn page on the same dates, and the page shows the same churn rate.
    const href = await page.getByTestId('kpi-churn-link').getAttribute('href');
    expect(href).toBe(body.churn.link.href);
    const summary = apiCall(page, 'GET', /\/churn\/summary$/);
    await page.getByTestId('kpi-churn-link').click();
    await page.waitForURL((url) => url.pathname === '/churn');
    const churnQuery = new URL((await summary).url()).searchParams;
    expect([churnQuery.get('from'), churnQuery.get('to')]).toEqual([body.period.from, body.period.to]);
    expect(await page.locator('#churn-from').inputValue()).toBe(body.churn.link.query.from);
    expect(await page.getByTestId('kpi-churn-rate').innerText()).toContain('37.5%');

    // The NPS tile opens the survey's results on the same period.
    await page.goBack();
    await page.getByTestId('overview').waitFor();
    const metrics = apiCall(page, 'GET', /\/surveys\/[^/]+\/metrics$/);
    await page.getByTestId('kpi-nps-link').click();
    await page.waitForURL((url) => url.pathname === `/surveys/${npsId}/results`);
    const metricsQuery = new URL((await metrics).url()).searchParams;
    expect([metricsQuery.get('from'), metricsQuery.get('to')]).toEqual([body.period.from, body.period.to]);
    expect(errors).toEqual([]);
    await page.context().close();

    for (const locale of ['ru', 'bg', 'en'] as const) {
      for (const width of [1440, 390]) {
        if (locale === 'en' && width === 1440) continue;
        const { page: shot, errors: shotErrors } = await signedIn(browser, app, admin, locale, width);
        await shot.goto(`${app.baseUrl}/`);
        await shot.getByTestId('overview').waitFor();
        await shot.getByTestId('overview-chart').waitFor();
        // No horizontal scrolling of the page itself on a phone.
        expect(await shot.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
        await shot.screenshot({ path: join(ARTIFACTS, `home-data-${locale}-${width}.png`), fullPage: true });
        expect(shotErrors).toEqual([]);
        await shot.context().close();
      }
    }
  }, 180_000);

  it('shows an empty workspace the setup checklist, ticked from the data, each step linking to where it is done', async () => {
    const { app, browser } = suite;
    const admin = await app.seedAdmin('Home Empty');
    const { page, errors } = await signedIn(browser, app, admin, 'en', 1440);
    await page.goto(`${app.baseUrl}/`);
    const checklist = page.getByTestId('setup-checklist');
    await checklist.waitFor();
    expect(await page.getByTestId('overview').count()).toBe(0);
    const steps = page.getByTestId('checklist-step');
    expect(await steps.evaluateAll((items) => items.map((i) => [i.getAttribute('data-step'), i.getAttribute('data-state')]))).toEqual([
      ['survey', 'todo'],
      ['embed', 'todo'],
      ['owners', 'todo'],
      ['sla', 'todo'],
      ['cancellation', 'todo'],
      ['mentions', 'todo'],
      ['team', 'todo'],
    ]);
    expect(await checklist.getByRole('link', { name: 'Create a survey' }).getAttribute('href')).toBe('/surveys/new');
    expect(await page.getByTestId('checklist-progress').innerText()).toBe('0 of 7 done');
    await page.screenshot({ path: join(ARTIFACTS, 'home-empty-en-1440.png'), fullPage: true });

    // A survey is created elsewhere: the step is ticked on the next visit.
    const api = await app.login(admin.email, admin.password);
    await api.post(`/api/v1/workspaces/${admin.workspaceId}/surveys`, { name: 'First', kind: 'csat' }).expect(201);
    await page.reload();
    await page.locator('[data-step="survey"][data-state="done"]').waitFor();
    expect(await page.getByTestId('checklist-progress').innerText()).toBe('1 of 7 done');
    expect(errors).toEqual([]);
    await page.context().close();

    for (const locale of ['ru', 'bg', 'en'] as const) {
      for (const width of [1440, 390]) {
        if (locale === 'en' && width === 1440) continue;
        const { page: shot } = await signedIn(browser, app, admin, locale, width);
        await shot.goto(`${app.baseUrl}/`);
        await shot.getByTestId('setup-checklist').waitFor();
        expect(await shot.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
        await shot.screenshot({ path: join(ARTIFACTS, `home-empty-${locale}-${width}.png`), fullPage: true });
        await shot.context().close();
      }
    }
  }, 120_000);
});
