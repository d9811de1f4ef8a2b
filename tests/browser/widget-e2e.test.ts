import { createServer, Server } from 'node:http';
import { type Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port';
import { LoggedIn, startTestApp, TestApp } from '../support/app';
import { customerSigner } from '../support/identity';

/**
 * The real thing end to end: a customer's page on another origin embeds the loader from the Otklik
 * server; Chromium answers the NPS widget; the response is in PostgreSQL; the recontact rule holds.
 */
let t: TestApp;
let browser: Browser;
let host: Server;
let hostOrigin: string;
let publicKey = '';
let surveyId = '';
let as: LoggedIn;
let workspaceId = '';

function hostPage(apiBase: string, key: string, customerHash?: string | null): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>
<style>button { color: red; }</style></head><body><h1>Thanks for your order</h1>
<script async src="${apiBase}/widget/loader.js" data-survey="${key}" data-customer-id="c-777"${customerHash ? ` data-customer-hash="${customerHash}"` : ''}></script></body></html>`;
}

beforeAll(async () => {
  t = await startTestApp();
  const admin = await t.seedAdmin('Shop');
  as = await t.login(admin.email, admin.password);
  workspaceId = admin.workspaceId;
  const port = await freePort();
  hostOrigin = `http://127.0.0.1:${port}`;
  const created = await as
    .post(`/api/v1/workspaces/${admin.workspaceId}/surveys`, { name: 'Post-purchase NPS', kind: 'nps', allowedOrigins: [hostOrigin] })
    .expect(201);
  publicKey = created.body.publicKey;
  surveyId = created.body.id;
  await as.patch(`/api/v1/workspaces/${admin.workspaceId}/surveys/${surveyId}`, { status: 'live' }).expect(200);

  host = createServer((req, res) => {
    const query = new URL(req.url ?? '/', hostOrigin).searchParams;
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(hostPage(t.baseUrl, query.get('key') ?? publicKey, query.get('hash')));
  });
  await new Promise<void>((resolve) => host.listen(port, '127.0.0.1', resolve));
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  host?.closeAllConnections();
  await new Promise((resolve) => host?.close(resolve));
  await t?.close();
});

describe('embedded NPS widget against the real server', () => {
  it('is answered on another origin, stored once with score 3 and the comment, and not shown again', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${hostOrigin}/checkout/done`);

    const widget = page.locator('otklik-survey-nps');
    await widget.getByRole('dialog').waitFor();
    await widget.getByRole('radio', { name: '3 out of 10', exact: true }).click();
    // A detractor is asked what went wrong (the survey's built-in wording for 0–6).
    await widget.getByRole('dialog', { name: 'What went wrong? What should we fix first?' }).waitFor();
    await widget.getByRole('textbox').fill('Курьер опоздал на два дня');
    await widget.getByRole('button', { name: 'Send' }).click();
    await widget.getByText('Thank you for your feedback!').waitFor();

    const db = t.app.get(DataSource);
    await expect
      .poll(async () => (await db.query(`SELECT count(*)::int AS n FROM responses WHERE survey_id = $1 AND finished`, [surveyId]))[0].n)
      .toBe(1);
    const [row] = await db.query(
      `SELECT score, comment, answers, customer_external_id, display_id, meta FROM responses WHERE survey_id = $1`,
      [surveyId],
    );
    expect(row).toMatchObject({
      score: 3,
      comment: 'Курьер опоздал на два дня',
      answers: { score: 3, comment: 'Курьер опоздал на два дня' },
      customer_external_id: 'c-777',
    });
    expect(row.display_id).toBeTruthy();
    const [displays] = await db.query(`SELECT count(*)::int AS n FROM survey_displays WHERE survey_id = $1`, [surveyId]);
    expect(displays.n).toBe(1);

    // Second visit by the same browser within the recontact window: the server says no, nothing shows.
    const second = await context.newPage();
    const config = second.waitForResponse((r) => r.url().includes(`/api/v1/public/surveys/${publicKey}?`));
    await second.goto(`${hostOrigin}/account`);
    const answer = await (await config).json();
    expect(answer).toMatchObject({ eligible: false, ineligibleReason: 'already_responded' });
    await second.waitForTimeout(1500);
    expect(await second.locator('otklik-survey-nps').count()).toBe(0);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM survey_displays WHERE survey_id = $1`, [surveyId]);
    expect(n).toBe(1);
    await context.close();
  });

  it('stores a verified response when the page passes data-customer-hash (issue 13, item 5)', async () => {
    const created = await as
      .post(`/api/v1/workspaces/${workspaceId}/surveys`, {
        name: 'Verified NPS',
        kind: 'nps',
        allowedOrigins: [hostOrigin],
        requireVerifiedCustomer: true,
      })
      .expect(201);
    await as.patch(`/api/v1/workspaces/${workspaceId}/surveys/${created.body.id}`, { status: 'live' }).expect(200);
    const key = created.body.publicKey as string;
    const sign = await customerSigner(as, workspaceId);
    const db = t.app.get(DataSource);
    const context = await browser.newContext({ locale: 'en-US' });
    try {
      // Without the hash the survey that requires it does not show at all.
      const unsigned = await context.newPage();
      const config = unsigned.waitForResponse((r) => r.url().includes(`/api/v1/public/surveys/${key}?`));
      await unsigned.goto(`${hostOrigin}/?key=${key}`);
      expect(await (await config).json()).toMatchObject({ eligible: false, ineligibleReason: 'customer_not_verified' });
      await unsigned.waitForTimeout(1000);
      expect(await unsigned.locator('otklik-survey-nps').count()).toBe(0);

      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await page.goto(`${hostOrigin}/?key=${key}&hash=${sign('c-777')}`);
      const widget = page.locator('otklik-survey-nps');
      await widget.getByRole('radio', { name: '10 out of 10', exact: true }).click();
      await widget.getByRole('button', { name: 'Send' }).click();
      await widget.getByText('Thank you for your feedback!').waitFor();
      await expect
        .poll(
          async () =>
            (await db.query(`SELECT count(*)::int AS n FROM responses WHERE survey_id = $1 AND finished`, [created.body.id]))[0].n,
        )
        .toBe(1);
      const [row] = await db.query(`SELECT score, customer_external_id, customer_verified FROM responses WHERE survey_id = $1`, [
        created.body.id,
      ]);
      expect(row).toEqual({ score: 10, customer_external_id: 'c-777', customer_verified: true });
      const [display] = await db.query(`SELECT customer_external_id FROM survey_displays WHERE survey_id = $1`, [created.body.id]);
      expect(display.customer_external_id).toBe('c-777');
    } finally {
      await context.close();
    }
  });

  it('does not show on a site that is not an allowed origin', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const otherHost = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(hostPage(t.baseUrl, publicKey)));
    const port = await freePort();
    await new Promise<void>((resolve) => otherHost.listen(port, '127.0.0.2', resolve));
    const displays = async () =>
      (await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM survey_displays WHERE survey_id = $1`, [surveyId]))[0].n as number;
    const before = await displays();
    try {
      const failed = page.waitForEvent('requestfailed', (r) => r.url().includes(`/api/v1/public/surveys/${publicKey}`));
      // Another loopback address is another origin.
      await page.goto(`http://127.0.0.2:${port}/`);
      // The server answers 403 without CORS headers, so the browser refuses the config outright.
      expect((await failed).failure()?.errorText).toBe('net::ERR_FAILED');
      await page.waitForTimeout(1000);
      expect(await page.locator('otklik-survey-nps').count()).toBe(0);
      expect(await displays()).toBe(before);
    } finally {
      await context.close();
      otherHost.closeAllConnections();
      await new Promise((resolve) => otherHost.close(resolve));
    }
  });
});
