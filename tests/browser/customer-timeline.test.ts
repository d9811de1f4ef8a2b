import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite } from '../support/browser-suite';
import { customerSigner } from '../support/identity';

/**
 * The customer profile's timeline in a real browser: a survey response and a cancellation sent through the
 * public endpoints appear with score band, comment, reason and outcome; a case worked through the cases API
 * appears with its state, owner, key events and a link to its page; a comment carrying HTML stays text;
 * "Load more" fetches the next page by cursor; the kind chips filter.
 */

const ARTIFACTS = join(__dirname, '..', '.tmp');
const XSS = '<img src=x onerror="window.__xss=1"><b>bold</b> & slow';

// The case is opened by the test: the background sync (which would open one for the detractor) is slowed to an hour.
const suite = browserSuite({ publicLimitPerIpPerMinute: 100_000, caseSyncMs: 3_600_000 });
let context: BrowserContext | undefined;

describe('customer timeline', () => {
  it('shows responses, cancellations and cases on the profile, escapes comments, pages and filters', async () => {
    const { app, browser } = suite;
    const admin = await app.seedAdmin();
    const ws = `/api/v1/workspaces/${admin.workspaceId}`;
    const api = await app.login(admin.email, admin.password);
    const sign = await customerSigner(api, admin.workspaceId);
    await api.put(`${ws}/customers/crm-77`, { name: 'Пётр Соколов', firstSeenAt: '2026-01-05T10:00:00.000Z' }).expect(201);

    const survey = await api
      .post(`${ws}/surveys`, {
        name: 'Delivery NPS',
        kind: 'nps',
        displayRules: { trigger: 'page_load', samplePercent: 100, recontactDays: 0, stopAfterResponse: false },
      })
      .expect(201);
    await api.patch(`${ws}/surveys/${survey.body.id}`, { status: 'live' }).expect(200);
    const respond = (answers: object) =>
      app!
        .http()
        .post(`/api/v1/public/surveys/${survey.body.publicKey}/responses`)
        .send({ idempotencyKey: randomUUID(), respondentId: `r-${randomUUID()}`, customerId: 'crm-77', answers, finished: true })
        .expect(201);
    // 20 older responses so the timeline needs a second page (20 per page).
    for (let i = 0; i < 20; i++) await respond({ score: 9, comment: `Filler ${i}` });
    const flow = await api.post(`${ws}/churn/flows`, { name: 'Cancel subscription', languages: ['en', 'ru'] }).expect(201);
    await app
      .http()
      .post(`/api/v1/public/cancellation-flows/${flow.body.publicKey}/submissions`)
      .send({
        idempotencyKey: randomUUID(),
        customerId: 'crm-77',
        customerHash: sign('crm-77'),
        reasonKey: 'too_expensive',
        followUp: 'Price doubled',
        offerAccepted: true,
        finished: true,
      })
      .expect(201);
    await respond({ score: 3, comment: XSS });
    // A case opened the day after first seen, answered and closed with a root cause.
    const opened = await api
      .post(`${ws}/cases`, {
        title: 'Courier was rude',
        customerId: 'crm-77',
        ownerId: admin.userId,
        priority: 'high',
        openedAt: '2026-01-06T09:00:00.000Z',
      })
      .expect(201);
    const caseId = opened.body.id as string;
    await api.post(`${ws}/cases/${caseId}/replies`, { text: 'Sorry, we are looking into it' }).expect(201);
    await api
      .post(`${ws}/cases/${caseId}/close`, { rootCause: 'Courier <b>training</b> gap', actionTaken: 'Coached the courier' })
      .expect(200);
    // Newest first: the XSS response, the cancellation, 20 fillers, the case, first seen = 24 events.

    context = await browser.newContext({ viewport: { width: 390, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });

    try {
      await page.goto(`${app.baseUrl}/login`);
      await page.getByLabel('Email', { exact: true }).fill(admin.email);
      await page.getByLabel('Password', { exact: true }).fill(admin.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await page.goto(`${app.baseUrl}/customers/crm-77`);
      await page.getByRole('heading', { level: 1, name: 'Пётр Соколов' }).waitFor();

      const timeline = page.getByTestId('customer-timeline');
      await timeline.getByRole('heading', { name: 'Timeline' }).waitFor();
      const items = timeline.getByTestId('timeline-item');
      await expect.poll(() => items.count()).toBe(20);

      // The newest response: score, band colour and the comment as plain text.
      const latest = items.first();
      expect(await latest.getAttribute('data-kind')).toBe('response');
      const score = latest.getByTestId('timeline-score');
      expect(await score.innerText()).toContain('3 of 10');
      expect(await score.innerText()).toContain('Detractor');
      expect(await score.getAttribute('data-band')).toBe('negative');
      expect(await latest.getByTestId('timeline-comment').innerText()).toBe(XSS);
      expect(await timeline.locator('img').count()).toBe(0);
      expect(await timeline.locator('.comment b').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

      // The cancellation: reason in the UI language, follow-up and the "saved" outcome.
      const cancellation = items.nth(1);
      expect(await cancellation.getAttribute('data-kind')).toBe('cancellation');
      expect(await cancellation.getByTestId('timeline-reason').innerText()).toBe('Too expensive');
      expect(await cancellation.getByTestId('timeline-follow-up').innerText()).toBe('Price doubled');
      const outcome = cancellation.getByTestId('timeline-outcome');
      expect(await outcome.innerText()).toBe('Saved');
      expect(await outcome.getAttribute('data-outcome')).toBe('saved');
      expect(await cancellation.getByRole('img', { name: 'Cancellation' }).count()).toBe(1);

      // Load more: the remaining four events, no repeats, then the end.
      const nextPage = page.waitForResponse(
        (r) => /\/timeline$/.test(new URL(r.url()).pathname) && new URL(r.url()).searchParams.has('cursor'),
      );
      await timeline.getByTestId('timeline-load-more').click();
      expect((await nextPage).status()).toBe(200);
      await expect.poll(() => items.count()).toBe(24);
      const ids = await items.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id')));
      expect(new Set(ids).size).toBe(24);

      // The case, just before "first seen": state, owner, root cause as text, key events, a link to its page.
      const caseItem = items.nth(22);
      expect(await caseItem.getAttribute('data-kind')).toBe('case');
      expect(await caseItem.getAttribute('data-id')).toBe(`case:${caseId}`);
      expect(await caseItem.getByRole('img', { name: 'Case' }).count()).toBe(1);
      const link = caseItem.getByRole('link', { name: /Courier was rude/ });
      expect(await link.getAttribute('href')).toBe(`/cases/${caseId}`);
      expect(await link.innerText()).toMatch(/^Case #\d+ Courier was rude$/);
      const status = caseItem.getByTestId('timeline-case-status');
      expect(await status.innerText()).toBe('Closed');
      expect(await status.getAttribute('data-status')).toBe('closed');
      expect(await caseItem.innerText()).toContain('High priority');
      expect(await caseItem.getByTestId('timeline-case-owner').innerText()).toBe(admin.name);
      expect(await caseItem.getByTestId('timeline-case-root-cause').innerText()).toBe('Courier <b>training</b> gap');
      expect(await caseItem.locator('b').count()).toBe(0);
      expect(await caseItem.getByTestId('timeline-case-breach').count()).toBe(0);
      const milestones = caseItem.getByTestId('timeline-case-milestones').getByRole('listitem');
      expect(await milestones.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-type')))).toEqual([
        'opened',
        'first_reply',
        'closed',
      ]);
      expect(await milestones.first().innerText()).toContain('Opened');
      await timeline.getByTestId('timeline-end').waitFor();
      expect(await items.last().getAttribute('data-kind')).toBe('customer');
      expect(await items.last().innerText()).toContain('First seen');
      // One list per local day, newest first; the last is the first-seen day.
      const dayKeys = await timeline.locator('h3.day time').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('datetime')));
      const itemDays = await items
        .locator('time')
        .evaluateAll((nodes) =>
          nodes.map((n) =>
            new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(
              new Date(n.getAttribute('datetime')!),
            ),
          ),
        );
      expect(dayKeys).toEqual([...new Set(itemDays)]);
      expect(await timeline.getByTestId('timeline-day').count()).toBe(dayKeys.length);
      expect(await timeline.locator('h3.day').last().innerText()).toContain('January 2026');

      // Filter chips: cancellations only.
      const filter = timeline.getByTestId('timeline-filter');
      await filter.getByRole('button', { name: 'Responses' }).click();
      await filter.getByRole('button', { name: 'Customer record' }).click();
      await filter.getByRole('button', { name: 'Mentions' }).click();
      await filter.getByRole('button', { name: 'Moments' }).click();
      await filter.getByRole('button', { name: 'Colour status' }).click();
      await filter.getByRole('button', { name: 'Early warnings' }).click();
      await filter.getByRole('button', { name: 'Orders and payments' }).click();
      await filter.getByRole('button', { name: 'Promises' }).click();
      await filter.getByRole('button', { name: 'Win-back' }).click();
      // Cases on: the cancellation and the case.
      await expect.poll(() => items.count()).toBe(2);
      expect(await items.nth(1).getAttribute('data-kind')).toBe('case');
      await filter.getByRole('button', { name: 'Cases' }).click();
      await expect.poll(() => items.count()).toBe(1);
      expect(await items.first().getAttribute('data-kind')).toBe('cancellation');
      expect(await filter.getByRole('button', { name: 'Cancellations' }).getAttribute('aria-pressed')).toBe('true');
      expect(await filter.getByRole('button', { name: 'Cancellations' }).isDisabled()).toBe(true);

      // Russian UI: the reason label and outcome follow the UI language (the list reloads with ?language=ru).
      const reloaded = page.waitForResponse(
        (r) => /\/timeline$/.test(new URL(r.url()).pathname) && new URL(r.url()).searchParams.get('language') === 'ru',
      );
      await page.getByTestId('locale-switcher').first().selectOption('ru');
      expect((await reloaded).status()).toBe(200);
      await expect.poll(() => items.first().getByTestId('timeline-reason').innerText()).toBe('Слишком дорого');
      expect(await items.first().getByTestId('timeline-outcome').innerText()).toBe('Удержан');
      await timeline.getByRole('heading', { name: 'Хронология' }).waitFor();

      expect(dialogs).toEqual([]);
      expect(pageErrors).toEqual([]);
    } catch (error) {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'customer-timeline-failure.png'), fullPage: true }).catch(() => {});
      throw error;
    }
  }, 120_000);
});
