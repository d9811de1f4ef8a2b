import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Locator } from 'playwright-core';
import { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import type { Actor } from '@otklik/backend/src/cases/cases.repository';
import { CasesService } from '@otklik/backend/src/cases/cases.service';
import { apiCall, browserSuite } from '../support/browser-suite';

/**
 * Misrouting in a real browser. Touchpoints Chat (owner: the admin) and Billing (owner: Carl). Within the page's
 * default period (the last 6 months):
 *   A  Chat, 5 days ago; 2 h later moved to Billing as "wrong touchpoint"; closed      misrouted, 2 h lost
 *   B  Chat, 4 days ago; closed where it landed                                         first-contact resolution
 *   C  Billing, 3 days ago; closed where it landed                                      first-contact resolution
 *   D  Chat, 1 day ago, open with the admin
 * Tiles: misrouting 1 of 4 = 25 %, 1 move / 4 cases = 0.25, time lost 2 h, FCR 2 of 3 resolved = 66.7 %.
 * Then D is given to Carl on its page, which asks why first ("wrong owner"): a move within
 * Chat, so the journey map shows Chat 2 sent · 1 received and Billing 0 sent · 1 received.
 */

const suite = browserSuite({ caseSyncMs: 3_600_000 });
const HOUR = 3_600_000;

const painted = (canvas: Locator) =>
  canvas.evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let count = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) count++;
    return count;
  });

describe('misrouting', () => {
  it('shows the routing report, asks why a case moves, and marks the journey map', async () => {
    const { app, browser } = suite;
    const admin = await app.seedAdmin('Routing Browser');
    const carl = await app.createUser({ name: 'Carl' });
    await app.addMember(admin.workspaceId, carl.userId, 'analyst');
    const ws = `/api/v1/workspaces/${admin.workspaceId}`;
    const api = await app.login(admin.email, admin.password);
    const touchpoint = async (name: string, ownerId: string) =>
      (
        await app.app
          .get(DataSource)
          .query(
            `INSERT INTO touchpoints (workspace_id, name, stage, channel, owner_id) VALUES ($1, $2, 'buying', 'chat', $3) RETURNING id`,
            [admin.workspaceId, name, ownerId],
          )
      )[0].id as string;
    const chat = await touchpoint('Chat', admin.userId);
    const billing = await touchpoint('Billing', carl.userId);

    const service = app.app.get(CasesService);
    const actor: Actor = { kind: 'user', userId: admin.userId };
    const base = Math.floor(Date.now() / HOUR) * HOUR;
    const open = async (title: string, touchpointId: string, daysAgo: number) =>
      (await api.post(`${ws}/cases`, { title, touchpointId, openedAt: new Date(base - daysAgo * 24 * HOUR).toISOString() }).expect(201))
        .body.id as string;
    const close = (id: string, at: number) =>
      service.close(admin.workspaceId, id, { rootCause: 'Cause', actionTaken: 'Fixed' }, actor, new Date(at));
    const a = await open('A', chat, 5);
    await service.patch(
      admin.workspaceId,
      a,
      { touchpointId: billing, reassignReason: 'wrong_touchpoint' },
      actor,
      new Date(base - 5 * 24 * HOUR + 2 * HOUR),
    );
    await close(a, base - 5 * 24 * HOUR + 5 * HOUR);
    await close(await open('B', chat, 4), base - 4 * 24 * HOUR + HOUR);
    await close(await open('C', billing, 3), base - 3 * 24 * HOUR + HOUR);
    const d = await open('D', chat, 1);

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

      // The Routing tab of the cases reports.
      await page.goto(`${baseUrl}/cases/reports`);
      await page.getByTestId('routing-tab').click();
      await page.getByRole('heading', { level: 1, name: 'Misrouting' }).waitFor();
      const tile = (id: string) => page.getByTestId(id).locator('.value');
      await page.getByTestId('kpi-misrouting').waitFor();
      expect(await tile('kpi-misrouting').innerText()).toBe('25%');
      expect(await tile('kpi-hops').innerText()).toBe('0.25');
      expect(await tile('kpi-time-lost').innerText()).toBe('2 h');
      expect(await tile('kpi-fcr').innerText()).toBe('66.7%');
      expect(await page.getByTestId('kpi-hops').innerText()).toContain('0 moves: 3 · 1: 1 · 2: 0 · 3+: 0');

      const tpRow = (id: string) => page.locator(`[data-testid="routing-touchpoint-row"][data-id="${id}"]`);
      expect(await tpRow(chat).locator('td').allInnerTexts()).toEqual(['3', '1 (33.3%)', '1', '0']);
      expect(await tpRow(billing).locator('td').allInnerTexts()).toEqual(['1', '0 (0%)', '0', '1']);
      const rule = page.locator('[data-testid="routing-rules"] [data-testid="routing-group-row"][data-key="touchpoint_owner"]');
      expect(await rule.locator('th').innerText()).toBe('Touchpoint owner');
      await expect.poll(() => painted(page.getByTestId('routing-trend').locator('canvas'))).toBeGreaterThan(300);

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('routing-hops-csv').click()]);
      const rows: Record<string, string>[] = parse(readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, ''), {
        columns: true,
      });
      expect(rows.map((r) => [r.case_title, r.reason, r.from_touchpoint, r.to_touchpoint])).toEqual([
        ['A', 'wrong_touchpoint', 'Chat', 'Billing'],
      ]);

      // Moving a case asks why first.
      await page.goto(`${baseUrl}/cases/${d}`);
      await page.getByTestId('case-owner-select').selectOption(carl.userId);
      const save = page.getByTestId('reassign-save');
      expect(await save.isDisabled()).toBe(true);
      await page.getByTestId('reassign-reason').selectOption('wrong_owner');
      const patched = apiCall(page, 'PATCH', /\/cases\/[0-9a-f-]+$/);
      await save.click();
      expect((await patched).request().postDataJSON()).toEqual({ ownerId: carl.userId, reassignReason: 'wrong_owner' });
      await page.locator('[data-testid="case-hop"][data-reason="wrong_owner"]').waitFor();
      expect(await page.getByTestId('case-routing').innerText()).toContain('Wrong owner');
      expect(await page.locator('[data-testid="audit-event"][data-kind="assigned"]').innerText()).toContain('Reason: Wrong owner');

      // The journey map marks both touchpoints and links to the report.
      await page.goto(`${baseUrl}/touchpoints`);
      const badge = (name: string) =>
        page.locator('li', { has: page.locator(`[data-testid="touchpoint-card"][data-name="${name}"]`) }).getByTestId('misrouting-badge');
      await badge('Chat').waitFor();
      expect(await badge('Chat').innerText()).toBe('Misrouted: 2 sent · 1 received');
      expect(await badge('Billing').innerText()).toBe('Misrouted: 0 sent · 1 received');
      expect(await badge('Chat').getAttribute('href')).toBe('/cases/reports/routing');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
