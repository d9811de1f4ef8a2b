import { describe, expect, it } from 'vitest';
import { browserSuite } from '../support/browser-suite';
import { customerSigner } from '../support/identity';

/**
 * The hosted link survey `/s/{publicKey}`: a survey shared by email or QR code opens on Otklik's own page, shows
 * at once (its page trigger and sampling are for embedded surveys), even when the survey's allow-list names only
 * the customer's site, and the answer is stored with the customer id from the link (verified when the link carries
 * the host's customerHash).
 */
const suite = browserSuite();

describe('link survey page', () => {
  it('shows the survey at once, stores the answer with the customer, and explains closed or answered links', async () => {
    const { app, browser } = suite;
    const admin = await app.seedAdmin('Link Co');
    const ws = `/api/v1/workspaces/${admin.workspaceId}`;
    const api = await app.login(admin.email, admin.password);
    // Sampled at 1% after a 60 s delay on the customer's site: the link page ignores both.
    const survey = (
      await api
        .post(`${ws}/surveys`, {
          name: 'Email NPS',
          kind: 'nps',
          allowedOrigins: ['https://shop.example.com'],
          displayRules: { trigger: 'delay', delaySeconds: 60, samplePercent: 1, recontactDays: 30, stopAfterResponse: true },
        })
        .expect(201)
    ).body as { id: string; publicKey: string };
    await api.patch(`${ws}/surveys/${survey.id}`, { status: 'live' }).expect(200);
    const draft = (await api.post(`${ws}/surveys`, { name: 'Not yet', kind: 'csat' }).expect(201)).body as { publicKey: string };

    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const base = app.baseUrl.replace(/\/$/, '');

    const sign = await customerSigner(api, admin.workspaceId);
    await page.goto(`${base}/s/${survey.publicKey}?customerId=cust-link-1&customerHash=${sign('cust-link-1')}`);
    const widget = page.locator('otklik-survey-nps');
    await widget.getByRole('dialog').waitFor();
    await widget.getByRole('radio', { name: '9 out of 10', exact: true }).click();
    await widget.getByRole('textbox').waitFor();
    await widget.getByRole('textbox').fill('Quick delivery');
    await widget.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => page.getByTestId('link-survey').getAttribute('data-state')).toBe('finished');
    expect(await page.getByTestId('link-survey-message').innerText()).toBe('Thank you! Your answer is saved.');

    const responses = (await api.get(`${ws}/surveys/${survey.id}/responses?limit=10`).expect(200)).body;
    const items = responses.items as { customerId: string | null; customerVerified: boolean; answers: Record<string, unknown> }[];
    expect(items).toHaveLength(1);
    expect(items[0].customerId).toBe('cust-link-1');
    expect(items[0].customerVerified).toBe(true);
    expect(JSON.stringify(items[0].answers)).toContain('Quick delivery');

    // Opening the link again: already answered (stopAfterResponse), no second widget.
    await page.goto(`${base}/s/${survey.publicKey}?customerId=cust-link-1`);
    await expect.poll(() => page.getByTestId('link-survey').getAttribute('data-state')).toBe('answered');
    expect(await page.locator('otklik-survey-nps').count()).toBe(0);

    // A draft survey and an unknown key say the survey is closed.
    for (const key of [draft.publicKey, 'no-such-survey']) {
      await page.goto(`${base}/s/${key}`);
      await expect.poll(() => page.getByTestId('link-survey').getAttribute('data-state')).toBe('closed');
      expect(await page.getByTestId('link-survey-message').innerText()).toBe('This survey is closed or the link is wrong.');
    }
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 120_000);
});
