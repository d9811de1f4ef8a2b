import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type BrowserContext, type Locator } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { apiCall, browserSuite } from '../support/browser-suite';

/**
 * A negative mention moving through the public answer on the Mentions page in a real browser: its stage badge says
 * "Not answered", the panel records the public answer (text and link), opens the case, publishes the findings; the
 * badge follows each step, the stage filter finds it, and Recovery → Public answers counts it. A positive mention
 * never enters the workflow.
 */

const ARTIFACTS = join(__dirname, '..', '.tmp');
const suite = browserSuite();
let context: BrowserContext | undefined;
afterAll(async () => context?.close());

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
const NEGATIVE = 'Ужасный сервис, курьер опоздал на три часа и нагрубил, поддержка молчит';
const POSITIVE = 'Отличный сервис, всё супер, спасибо большое за вкусные рецепты!';

describe('public answers on the Mentions page', () => {
  it('moves a negative mention through answer → case → findings, and the report counts it', async () => {
    const { app, browser } = suite;
    const admin = await app.seedAdmin('Public brand');
    const baseUrl = app.baseUrl.replace(/\/$/, '');
    const ws = `/api/v1/workspaces/${admin.workspaceId}`;
    const api = await app.login(admin.email, admin.password);
    const seeded = await api.post(`${ws}/mentions/bulk`, {
      mentions: [
        {
          source: 'otzovik',
          externalId: 'oz-1',
          author: '@olga',
          url: 'https://otzovik.example/review/1',
          text: NEGATIVE,
          postedAt: hoursAgo(5),
        },
        { source: 'vk', externalId: 'vk-1', author: '@ivan', text: POSITIVE, postedAt: hoursAgo(4) },
      ],
    });
    expect(seeded.status, JSON.stringify(seeded.body)).toBe(200);
    const [negative, positive] = seeded.body.items as { id: string; sentiment: number }[];
    expect([negative.sentiment, positive.sentiment]).toEqual([-1, 1]);

    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const card = (text: string): Locator => page.getByTestId('mention-feed').getByTestId('mention-card').filter({ hasText: text });
    const stageOf = async (text: string) => card(text).getByTestId('mention-stage').getAttribute('data-stage');

    try {
      await page.goto(`${baseUrl}/login`);
      await page.getByLabel('Email', { exact: true }).fill(admin.email);
      await page.getByLabel('Password', { exact: true }).fill(admin.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await page.goto(`${baseUrl}/mentions`);
      await card(NEGATIVE).waitFor();

      // The negative mention waits for its public answer; the positive one has no stage.
      expect(await card(NEGATIVE).getByTestId('mention-stage').innerText()).toBe('Not answered');
      expect(await card(POSITIVE).getByTestId('mention-stage').count()).toBe(0);

      // 1. Answer in public: text and link.
      await card(NEGATIVE).getByTestId('open-mention').click();
      const panel = page.getByTestId('mention-panel');
      const steps = panel.getByTestId('public-steps');
      await steps.waitFor();
      await panel.getByTestId('answer-text').fill('Ольга, простите нас! Уже разбираемся и написали вам в личные сообщения.');
      await panel.getByTestId('answer-url').fill('javascript:alert(1)');
      const refused = apiCall(page, 'PUT', new RegExp(`${ws}/mentions/${negative.id}/public-answer$`));
      await panel.getByTestId('answer-submit').click();
      expect((await refused).status()).toBe(400);
      await panel.getByText('url must be an http(s) link').waitFor();
      await panel.getByTestId('answer-url').fill('https://otzovik.example/review/1#reply');
      const answered = apiCall(page, 'PUT', new RegExp(`${ws}/mentions/${negative.id}/public-answer$`));
      await panel.getByTestId('answer-submit').click();
      expect((await answered).status()).toBe(200);
      await steps.locator('[data-testid=step-answer][data-done=true]').waitFor();
      expect(await steps.getByTestId('answer-delay').innerText()).toMatch(/^5(\.\d)? h after the post$/);
      await expect.poll(() => stageOf(NEGATIVE)).toBe('answered');

      // 2. Investigate: open the case from the mention.
      const opened = apiCall(page, 'POST', new RegExp(`${ws}/mentions/${negative.id}/case$`));
      await panel.getByTestId('open-case').click();
      expect((await opened).status()).toBe(200);
      await panel.getByTestId('step-case-link').waitFor();
      await expect.poll(() => stageOf(NEGATIVE)).toBe('investigating');

      // 3. Publish the findings.
      await panel.getByTestId('findings-text').fill('Разобрались: курьерский партнёр перегрузил маршруты. Мы их перераспределили.');
      const findings = apiCall(page, 'PUT', new RegExp(`${ws}/mentions/${negative.id}/public-answer/findings$`));
      await panel.getByTestId('findings-submit').click();
      expect((await findings).status()).toBe(200);
      await steps.locator('[data-testid=step-findings][data-done=true]').waitFor();
      expect(await steps.getByTestId('findings-text').innerText()).toContain('курьерский партнёр');
      await expect.poll(() => stageOf(NEGATIVE)).toBe('findings_published');
      expect(await card(NEGATIVE).getByTestId('mention-stage').innerText()).toBe('Findings published');
      await page.keyboard.press('Escape');

      // The stage filter finds it, and nothing is left unanswered.
      const filtered = apiCall(page, 'GET', new RegExp(`${ws}/mentions$`));
      await page.getByTestId('stage-filter').selectOption('not_started');
      expect(new URL((await filtered).url()).searchParams.get('stage')).toBe('not_started');
      await page.getByTestId('mention-feed').getByTestId('mention-card').first().waitFor({ state: 'detached' });
      await page.getByTestId('stage-filter').selectOption('findings_published');
      await card(NEGATIVE).waitFor();

      // 4. The report tab counts it: one negative mention, answered in public about 5 h after the post, findings out.
      await page.goto(`${baseUrl}/recovery/public`);
      await page.getByTestId('public-kpis').waitFor();
      expect(await page.getByTestId('kpi-negative-value').innerText()).toBe('1');
      expect(await page.getByTestId('kpi-answered-value').innerText()).toBe('100%');
      expect(await page.getByTestId('kpi-median-value').innerText()).toMatch(/^5(\.\d)? h$/);
      expect(await page.getByTestId('kpi-findings-value').innerText()).toBe('100%');
      expect(await page.getByTestId('public-weekly-chart').locator('canvas').isVisible()).toBe(true);
      expect(await page.getByTestId('public-csv').getAttribute('href')).toMatch(/\/mentions\/public-answers\/report\.csv\?from=/);
      expect(pageErrors).toEqual([]);
    } catch (error) {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'public-answers-failure.png'), fullPage: true }).catch(() => {});
      throw error;
    }
  });
});
