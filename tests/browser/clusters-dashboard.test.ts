import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext } from 'playwright-core';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { startTestApp } from '../support/app';
import { COMPLAINT_TOPICS as TOPICS } from '../support/complaint-topics';

/**
 * The Clusters pages in a real browser, on complaints imported through the API: four well-separated
 * problems of 12 texts each (the same as tests/api/clusters.test.ts) plus one complaint carrying an XSS
 * payload. The background sync is slowed to an hour so that only the button starts rebuilds.
 */

const ARTIFACTS = join(__dirname, '..', '.tmp');
type TestApp = Awaited<ReturnType<typeof startTestApp>>;

const XSS = '<img src=x onerror="window.__xss=1">Support never answers <script>window.__xss=2</script>';

let app: TestApp | undefined;
let browser: Browser | undefined;
let context: BrowserContext | undefined;

beforeAll(async () => {
  app = await startTestApp({ clusterSyncMs: 3_600_000 });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.close();
}, 60_000);

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

describe('clusters dashboard', () => {
  it('rebuilds with progress, ranks clusters, and keeps a rename, pin, split and merge across a rebuild', async () => {
    if (!app || !browser) throw new Error('test app or browser did not start');
    const admin = await app.seedAdmin();
    const ws = `/api/v1/workspaces/${admin.workspaceId}`;
    const api = await app.login(admin.email, admin.password);
    const complaints = Object.entries(TOPICS).flatMap(([topic, texts]) =>
      texts.map((text, i) => ({
        externalId: `${topic}-${i}`,
        text,
        occurredAt: daysAgo(20 - (i % 10)),
        touchpoint: topic === 'late' ? 'Delivery' : undefined,
      })),
    );
    complaints.push({ externalId: 'xss', text: XSS, occurredAt: daysAgo(3), touchpoint: undefined });
    expect((await api.post(`${ws}/feedback-texts/bulk`, { complaints }).expect(200)).body).toMatchObject({
      created: 49,
      existing: 0,
      errors: [],
    });

    context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'en-US', timezoneId: 'UTC' });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const baseUrl = app.baseUrl.replace(/\/$/, '');

    try {
      await page.goto(`${baseUrl}/`);
      await page.waitForURL((url) => url.pathname === '/login');
      await page.getByLabel('Email', { exact: true }).fill(admin.email);
      await page.getByLabel('Password', { exact: true }).fill(admin.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await page.getByTestId('main-nav').getByRole('link', { name: 'Clusters' }).click();
      await page.waitForURL((url) => url.pathname === '/clusters');
      await page.getByRole('heading', { level: 1, name: 'Clusters' }).waitFor();

      // Nothing clustered yet: the empty state explains where texts come from.
      await page.getByTestId('empty-state').getByText('A rebuild groups them').waitFor();
      expect(await page.getByTestId('last-rebuild').innerText()).toBe('Never');

      // Rebuild: the progress bar follows the run to the end, then the clusters appear.
      await page.getByTestId('rebuild-button').click();
      await page.locator('[data-testid="rebuild-progress"][data-status="completed"]').waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('rebuild-bar').evaluate((el) => (el as HTMLProgressElement).value)).toBe(1);
      const [run] = (await api.get(`${ws}/clusters/runs`).expect(200)).body as { clusters: number; texts: number }[];
      expect(run).toMatchObject({ texts: 49 });
      expect(run.clusters).toBeGreaterThanOrEqual(4);
      expect(await page.getByTestId('rebuild-stage').innerText()).toMatch(new RegExp(`^Done: ${run.clusters} clusters from 49 texts in `));
      await expect.poll(() => page.getByTestId('cluster-card').count()).toBe(run.clusters);

      // Ranked by size, in the same order as the API.
      const list = (await api.get(`${ws}/clusters`).expect(200)).body as { items: { id: string; size: number; name: string }[] };
      const sizes = (await page.getByTestId('cluster-size').allInnerTexts()).map(Number);
      expect(sizes).toEqual(list.items.map((c) => c.size));
      expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
      expect(sizes.reduce((a, b) => a + b, 0) + Number(await page.getByTestId('texts-unclustered').innerText())).toBe(49);
      const ids = await page.getByTestId('cluster-card').evaluateAll((els) => els.map((el) => el.getAttribute('data-cluster-id')!));
      expect(ids).toEqual(list.items.map((c) => c.id));
      const [mainId, otherId] = ids;
      const mainSize = list.items[0].size;
      const otherSize = list.items[1].size;

      // Open the largest cluster and rename it.
      await page.locator(`[data-testid="cluster-card"][data-cluster-id="${mainId}"]`).getByTestId('cluster-name').click();
      await page.waitForURL((url) => url.pathname === `/clusters/${mainId}`);
      await page.getByTestId('rename-button').click();
      await page.getByTestId('rename-input').fill('Top problem');
      await page.getByTestId('rename-save').click();
      await page.getByRole('heading', { level: 1, name: 'Top problem' }).waitFor();
      await page.getByText(`Generated label: ${list.items[0].name}`).waitFor();

      // Pin it as a known issue.
      await page.getByTestId('pin-button').click();
      await page.getByTestId('pin-button').getByText('Unpin').waitFor();
      await page.getByTestId('cluster-detail').getByTestId('pinned-badge').waitFor();

      // Split two of its texts into a new cluster.
      const texts = page.getByTestId('cluster-texts');
      await texts.getByTestId('cluster-text').first().waitFor();
      const movedIds = await texts
        .getByTestId('cluster-text')
        .evaluateAll((rows) => rows.slice(0, 2).map((r) => r.getAttribute('data-text-id')!));
      await texts.getByTestId('text-checkbox').nth(0).check();
      await texts.getByTestId('text-checkbox').nth(1).check();
      expect(await texts.getByTestId('selected-count').innerText()).toBe('2 selected');
      await texts.getByTestId('move-target').selectOption({ label: 'A new cluster…' });
      await texts.getByTestId('move-new-name').fill('Split pair');
      await texts.getByTestId('move-submit').click();
      await texts.getByText('2 texts moved.').waitFor();
      await expect.poll(() => page.getByTestId('detail-size').innerText()).toBe(String(mainSize - 2));

      // Merge the second-largest cluster into the renamed one.
      await page.goto(`${baseUrl}/clusters/${otherId}`);
      await page.getByTestId('merge-button').click();
      await page.getByTestId('merge-target').selectOption(mainId);
      expect(await page.getByTestId('merge-message').innerText()).toContain('move to “Top problem”');
      await page.getByTestId('merge-confirm').click();
      await page.waitForURL((url) => url.pathname === `/clusters/${mainId}`);
      await expect.poll(() => page.getByTestId('detail-size').innerText()).toBe(String(mainSize - 2 + otherSize));

      // The API agrees with what the page showed.
      const main = (await api.get(`${ws}/clusters/${mainId}`).expect(200)).body;
      expect(main).toMatchObject({ name: 'Top problem', customName: 'Top problem', pinned: true, size: mainSize - 2 + otherSize });
      await api.get(`${ws}/clusters/${otherId}`).expect(404);
      const db = app.app.get(DataSource);
      const moved: { cluster_id: string; placed_by: string }[] = await db.query(
        `SELECT cluster_id, placed_by FROM feedback_texts WHERE id = ANY ($1::uuid[])`,
        [movedIds],
      );
      expect(new Set(moved.map((m) => m.cluster_id)).size).toBe(1);
      expect(moved.map((m) => m.placed_by)).toEqual(['human', 'human']);
      const split = (await api.get(`${ws}/clusters/${moved[0].cluster_id}`).expect(200)).body;
      expect(split).toMatchObject({ name: 'Split pair', size: 2 });

      // Rebuild again from the list: the name, the pin and the split survive.
      await page.getByRole('link', { name: 'All clusters' }).click();
      await page.waitForURL((url) => url.pathname === '/clusters');
      await page.getByTestId('rebuild-button').click();
      await page.locator('[data-testid="rebuild-progress"][data-status="completed"]').waitFor({ timeout: 60_000 });
      const mainCard = page.locator(`[data-testid="cluster-card"][data-cluster-id="${mainId}"]`);
      await expect.poll(() => mainCard.getByTestId('cluster-name').innerText()).toBe('Top problem');
      await mainCard.getByTestId('pinned-badge').waitFor();
      await page
        .locator(`[data-testid="cluster-card"][data-cluster-id="${split.id}"]`)
        .getByTestId('cluster-name')
        .getByText('Split pair')
        .waitFor();
      expect(await page.locator(`[data-testid="cluster-card"][data-cluster-id="${otherId}"]`).count()).toBe(0);

      // "Known issues only" leaves the pinned cluster alone.
      await page.getByTestId('pinned-only').check();
      await expect.poll(() => page.getByTestId('cluster-card').count()).toBe(1);
      expect(await page.getByTestId('cluster-card').getAttribute('data-cluster-id')).toBe(mainId);
      await page.getByTestId('pinned-only').uncheck();

      // The complaint with markup shows as text wherever it landed, and runs nothing.
      const [xss] = await db.query(`SELECT cluster_id FROM feedback_texts WHERE workspace_id = $1 AND source_id = 'xss'`, [
        admin.workspaceId,
      ]);
      await page.goto(`${baseUrl}/clusters/${xss.cluster_id ?? 'unclustered'}`);
      const body = page.getByTestId('text-body').filter({ hasText: 'onerror=' });
      await body.first().waitFor();
      expect(await body.first().innerText()).toBe(XSS);
      expect(await page.locator('[data-testid="cluster-texts"] img, [data-testid="cluster-texts"] script').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

      if (process.env.CLUSTERS_SCREENSHOTS) await page.screenshot({ path: join(ARTIFACTS, 'clusters-desktop.png'), fullPage: true });
      // On a phone the list and a cluster fit the screen width.
      await page.setViewportSize({ width: 390, height: 844 });
      for (const path of ['/clusters', `/clusters/${mainId}`]) {
        await page.goto(`${baseUrl}${path}`);
        await page
          .getByTestId(path === '/clusters' ? 'cluster-card' : 'cluster-text')
          .first()
          .waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        if (process.env.CLUSTERS_SCREENSHOTS) {
          mkdirSync(ARTIFACTS, { recursive: true });
          await page.screenshot({ path: join(ARTIFACTS, `clusters-mobile${path === '/clusters' ? '' : '-detail'}.png`), fullPage: true });
        }
      }

      expect(pageErrors).toEqual([]);
    } catch (error) {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'clusters-dashboard-failure.png'), fullPage: true }).catch(() => {});
      throw error;
    }
  }, 180_000);

  it('shows each question its own clusters: the filter, the question on the cards and merge targets of that question only', async () => {
    if (!app || !browser) throw new Error('test app or browser did not start');
    const admin = await app.seedAdmin();
    const ws = `/api/v1/workspaces/${admin.workspaceId}`;
    const api = await app.login(admin.email, admin.password);
    const en = (text: string) => ({ en: text });
    const survey = (
      await api
        .post(`${ws}/surveys`, {
          name: 'Parameters',
          kind: 'custom',
          questions: [
            { id: 'score', type: 'rating', required: true, text: en('Overall?'), scale: { min: 1, max: 5 } },
            { id: 'likes', type: 'text', required: false, text: en('What do you like?') },
            { id: 'dislikes', type: 'text', required: false, text: en("What don't you like?") },
          ],
        })
        .expect(201)
    ).body;
    await api.patch(`${ws}/surveys/${survey.id}`, { status: 'live' }).expect(200);
    const likes = ['fast', 'quick', 'speedy'].flatMap((w) => [
      `Delivery is ${w}`,
      `${w} delivery every time`,
      `The courier is ${w} and polite`,
      `I like the ${w} delivery`,
    ]);
    const dislikes = ['late', 'slow', 'delayed'].flatMap((w) => [
      `Delivery is ${w}`,
      `${w} delivery every time`,
      `The courier is ${w} and rude`,
      `I hate the ${w} delivery`,
    ]);
    for (let i = 0; i < 12; i++)
      await app
        .http()
        .post(`/api/v1/public/surveys/${survey.publicKey}/responses`)
        .send({
          idempotencyKey: randomUUID(),
          respondentId: `r-${randomUUID()}`,
          answers: { score: 3, likes: likes[i], dislikes: dislikes[i] },
          finished: true,
        })
        .expect(201);
    await api.post(`${ws}/clusters/sync`).expect(200);
    const started = (await api.post(`${ws}/clusters/runs`).expect(202)).body;
    await expect
      .poll(async () => (await api.get(`${ws}/clusters/runs/${started.id}`).expect(200)).body.status, { timeout: 60_000 })
      .toBe('completed');
    const own = async (question: string) =>
      ((await api.get(`${ws}/clusters?question=${question}`).expect(200)).body.items as { id: string; questionId: string }[]).map(
        (c) => c.id,
      );
    const dislikeIds = await own('dislikes');
    const likeIds = await own('likes');
    expect(dislikeIds.length).toBeGreaterThan(0);
    expect(likeIds.length).toBeGreaterThan(0);

    const ctx = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'en-US', timezoneId: 'UTC' });
    const page = await ctx.newPage();
    page.setDefaultTimeout(20_000);
    try {
      const baseUrl = app.baseUrl.replace(/\/$/, '');
      await page.goto(`${baseUrl}/login`);
      await page.getByLabel('Email', { exact: true }).fill(admin.email);
      await page.getByLabel('Password', { exact: true }).fill(admin.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await page.goto(`${baseUrl}/clusters`);
      await page.locator('#cf-question').selectOption('dislikes');
      const cardIds = () => page.getByTestId('cluster-card').evaluateAll((els) => els.map((el) => el.getAttribute('data-cluster-id')!));
      await expect.poll(cardIds).toEqual(dislikeIds);
      expect(new Set(await page.getByTestId('cluster-question').allInnerTexts())).toEqual(new Set(["Answers to “What don't you like?”"]));

      // A dislikes cluster merges only into another dislikes cluster: no likes cluster is offered.
      await page.goto(`${baseUrl}/clusters/${dislikeIds[0]}`);
      await page.getByTestId('cluster-detail').getByTestId('cluster-question').getByText("Answers to “What don't you like?”").waitFor();
      await page.getByTestId('merge-button').click();
      const offered = await page
        .getByTestId('merge-target')
        .locator('option:not([disabled])')
        .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
      expect(offered).toEqual(dislikeIds.slice(1));
      for (const id of likeIds) expect(offered).not.toContain(id);
    } catch (error) {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'clusters-questions-failure.png'), fullPage: true }).catch(() => {});
      throw error;
    } finally {
      await ctx.close();
    }
  }, 180_000);
});
