import { mkdirSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Locator } from 'playwright-core';
import { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import type { Actor } from '@otklik/backend/src/cases/cases.repository';
import { CasesService } from '@otklik/backend/src/cases/cases.service';
import { browserSuite } from '../support/browser-suite';

/**
 * The case reports page in a real browser. The touchpoints use a policy on the 24×7 clock (first response within
 * 60 minutes, resolution within 480), so the times below are plain hours whatever weekday the test runs on. Cases
 * open 10 days ago and later, inside the page's default period (the last 3 months):
 *
 *   Checkout: A1 reply 30 min ✓, closed at 240 ✓, follow-up 5; A2 reply 90 ✗, closed at 360 ✓, follow-up 3
 *   Delivery: B1 reply 20 ✓, closed at 600 ✗, follow-up 4; B2 (NPS 3 detractor) reply 45 ✓, closed at 120 ✓
 *
 * Tiles: first response 3 of 4 = 75 %, median of 20/30/45/90 = 37.5 min; resolution 3 of 4 = 75 %, median of
 * 120/240/360/600 = 300 min = 5 h; closed loop 1 of 1 = 100 %; follow-up CSAT (5 + 3 + 4) / 3 = 4; 2 breaches.
 * Trade-off: Checkout 5 h at CSAT 4, Delivery 10 h at CSAT 4.
 */

const ARTIFACTS = join(__dirname, '..', '.tmp');
const suite = browserSuite({ caseSyncMs: 3_600_000, publicLimitPerIpPerMinute: 100_000 });

const MINUTE = 60_000;

/** Non-transparent pixels of a canvas: the chart has drawn something. */
const painted = (canvas: Locator) =>
  canvas.evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let count = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) count++;
    return count;
  });

describe('case reports page', () => {
  it('shows the computed tiles, the group table, both charts and a CSV export', async () => {
    const { app, browser } = suite;
    const admin = await app.seedAdmin('Report Browser');
    const ws = `/api/v1/workspaces/${admin.workspaceId}`;
    const api = await app.login(admin.email, admin.password);
    const policy = (
      await api
        .post(`${ws}/sla-policies`, {
          name: 'Around the clock',
          clock: 'calendar',
          rules: { '*': { '*': { firstResponseMinutes: 60, resolutionMinutes: 480 } } },
        })
        .expect(201)
    ).body.id as string;
    const touchpoint = async (name: string, channel: string) =>
      (
        await app.app
          .get(DataSource)
          .query(
            `INSERT INTO touchpoints (workspace_id, name, stage, channel, owner_id, sla_policy_id) VALUES ($1, $2, 'buying', $3, $4, $5) RETURNING id`,
            [admin.workspaceId, name, channel, admin.userId, policy],
          )
      )[0].id as string;
    const checkout = await touchpoint('Checkout', 'chat');
    const delivery = await touchpoint('Delivery', 'email');
    const survey = (
      await api
        .post(`${ws}/surveys`, {
          name: 'NPS',
          kind: 'nps',
          displayRules: { trigger: 'page_load', samplePercent: 100, recontactDays: 0, stopAfterResponse: false },
        })
        .expect(201)
    ).body;
    await api.patch(`${ws}/surveys/${survey.id}`, { status: 'live' }).expect(200);
    const detractorAnswer = (
      await app
        .http()
        .post(`/api/v1/public/surveys/${survey.publicKey}/responses`)
        .send({ idempotencyKey: randomUUID(), respondentId: `r-${randomUUID()}`, answers: { score: 3 }, finished: true })
        .expect(201)
    ).body.responseId as string;

    const service = app.app.get(CasesService);
    const actor: Actor = { kind: 'user', userId: admin.userId };
    const base = Math.floor((Date.now() - 10 * 24 * 60 * MINUTE) / MINUTE) * MINUTE;
    const at = (dayOffset: number, minutes: number) => new Date(base + dayOffset * 24 * 60 * MINUTE + minutes * MINUTE);
    async function handle(
      touchpointId: string,
      day: number,
      replyAfter: number,
      closeAfter: number,
      followUp: number | null,
      sourceId?: string,
    ) {
      const id = sourceId
        ? (await service.open(
            admin.workspaceId,
            { title: 'Detractor', source: 'response', sourceId, touchpointId, openedAt: at(day, 0) },
            actor,
          ))!
        : (
            await api
              .post(`${ws}/cases`, { title: 'Case', touchpointId, priority: 'normal', openedAt: at(day, 0).toISOString() })
              .expect(201)
          ).body.id;
      await service.reply(admin.workspaceId, id, { text: 'Hello' }, actor, at(day, replyAfter));
      await service.close(admin.workspaceId, id, { rootCause: 'Cause', actionTaken: 'Fixed' }, actor, at(day, closeAfter));
      if (followUp !== null) await service.followUp(admin.workspaceId, id, { score: followUp }, actor, at(day, closeAfter + 60));
    }
    await handle(checkout, 0, 30, 240, 5);
    await handle(checkout, 1, 90, 360, 3);
    await handle(delivery, 2, 20, 600, 4);
    await handle(delivery, 3, 45, 120, null, detractorAnswer);

    const context = await browser.newContext({
      viewport: { width: 1280, height: 1100 },
      locale: 'en-US',
      timezoneId: 'UTC',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const baseUrl = app.baseUrl.replace(/\/$/, '');

    try {
      await page.goto(`${baseUrl}/login`);
      await page.getByLabel('Email', { exact: true }).fill(admin.email);
      await page.getByLabel('Password', { exact: true }).fill(admin.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await page.goto(`${baseUrl}/cases/reports`);
      await page.getByRole('heading', { level: 1, name: 'Case reports' }).waitFor();
      expect(await page.getByTestId('inbox-tab').getAttribute('href')).toBe('/cases');

      // The tiles show the figures worked out above.
      const tile = (id: string) => page.getByTestId(id).locator('.value');
      await page.getByTestId('kpi-first-response').waitFor();
      expect(await tile('kpi-first-response').innerText()).toBe('75%');
      expect(await tile('kpi-resolution').innerText()).toBe('75%');
      expect(await tile('kpi-first-response-time').innerText()).toBe('37.5 min');
      expect(await tile('kpi-resolution-time').innerText()).toBe('5 h');
      expect(await tile('kpi-closed-loop').innerText()).toBe('100%');
      expect(await tile('kpi-follow-up').innerText()).toBe('4');
      expect(await tile('kpi-breaches').innerText()).toBe('2');
      expect(await page.getByTestId('kpi-first-response').innerText()).toContain('3 of 4 measured');

      // One row per touchpoint, then the totals.
      const row = (key: string) => page.locator(`[data-testid="report-row"][data-key="${key}"]`);
      const cells = async (key: string) => row(key).locator('td').allInnerTexts();
      expect(await row(checkout).locator('th').innerText()).toBe('Checkout');
      expect(await cells(checkout)).toEqual(['2', '50% (1/2)', '1 h / 1.4 h', '100% (2/2)', '5 h / 5.8 h', '1', '4 (2 answers)', '—']);
      expect(await cells(delivery)).toEqual([
        '2',
        '100% (2/2)',
        '32.5 min / 42.5 min',
        '50% (1/2)',
        '6 h / 9.2 h',
        '1',
        '4 (1 answer)',
        '100%',
      ]);
      expect((await page.getByTestId('report-total').locator('td').allInnerTexts())[0]).toBe('4');

      // Both charts have drawn; the trade-off has one dot per touchpoint, the breaches chart both breaches.
      const tradeOff = page.getByTestId('trade-off-canvas');
      expect(await tradeOff.getAttribute('data-points')).toBe('2');
      await expect.poll(() => painted(tradeOff)).toBeGreaterThan(500);
      const breaches = page.getByTestId('breaches-canvas');
      expect(await breaches.getAttribute('data-breaches')).toBe('2');
      await expect.poll(() => painted(breaches)).toBeGreaterThan(500);

      // The CSV export downloads the same figures.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('case-report-csv').click()]);
      expect(download.suggestedFilename()).toBe('case-report-by-touchpoint.csv');
      const text = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
      const rows: Record<string, string>[] = parse(text, { columns: true });
      expect(
        rows.map((r) => [
          r.group_label,
          r.cases,
          r.first_response_compliance_percent,
          r.tradeoff_median_resolution_minutes,
          r.tradeoff_average_csat,
        ]),
      ).toEqual([
        ['Checkout', '2', '50', '300', '4'],
        ['Delivery', '2', '100', '600', '4'],
        ['(all cases)', '4', '75', '360', '4'],
      ]);

      // Grouping by channel reloads the table: chat (Checkout) and email (Delivery).
      const reloaded = page.waitForResponse(
        (r) => new URL(r.url()).pathname.endsWith('/case-reports') && new URL(r.url()).searchParams.get('groupBy') === 'channel',
      );
      await page.getByLabel('Group by').selectOption('channel');
      await reloaded;
      await expect
        .poll(() => page.getByTestId('report-row').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-key'))))
        .toEqual(['chat', 'email']);
      expect(await page.getByRole('heading', { name: 'By channel' }).count()).toBe(1);

      expect(pageErrors).toEqual([]);
    } catch (error) {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'case-reports-failure.png'), fullPage: true }).catch(() => {});
      throw error;
    }
  }, 120_000);
});
