import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, browserSuite } from '../support/browser-suite';
import { MailServer, startMailServer } from '../support/mail-server';

/**
 * Email invitations in the dashboard and on a phone: the Invitations tab previews the email, sends a test to the
 * signed-in member, sends to a pasted list after confirming the count and lists the send with its figures; the
 * customer's score link (390 px) leads to the link page, which records the score (a button when its POST is lost), and the link page asks the follow-up and finishes that response.
 */
let mail: MailServer;
beforeAll(async () => {
  mail = await startMailServer();
});
afterAll(async () => mail?.close());
const suite = browserSuite({
  get smtpUrl() {
    return mail.url;
  },
  messagePollMs: 50,
});

describe('survey invitations', () => {
  it('previews, sends a test, sends to a list, and the score link finishes the response on a phone', async () => {
    const { app, browser } = suite;
    const admin = await app.seedAdmin('Ужинбокс');
    const ws = `/api/v1/workspaces/${admin.workspaceId}`;
    const api = await app.login(admin.email, admin.password);
    const survey = (await api.post(`${ws}/surveys`, { name: 'Relationship NPS', kind: 'nps', languages: ['en', 'ru'] }).expect(201))
      .body as {
      id: string;
      publicKey: string;
    };
    await api.patch(`${ws}/surveys/${survey.id}`, { status: 'live' }).expect(200);
    await api.put(`${ws}/customers/anna`, { name: 'Anna', email: 'anna@example.test' }).expect(201);

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const base = app.baseUrl.replace(/\/$/, '');
    await page.goto(`${base}/login?next=/surveys/${survey.id}/invitations`);
    await page.getByLabel('Email', { exact: true }).fill(admin.email);
    await page.getByLabel('Password', { exact: true }).fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === `/surveys/${survey.id}/invitations`);
    expect(await page.getByTestId('survey-nav-invitations').getAttribute('aria-current')).toBe('page');

    // The preview: the email in a sandboxed frame, in English, then in Russian.
    const frame = page.getByTestId('invitation-preview-frame');
    await frame.waitFor();
    expect(await frame.getAttribute('sandbox')).toBe('');
    await expect
      .poll(() => page.frameLocator('[data-testid="invitation-preview-frame"]').locator('body').innerText())
      .toContain('How likely are you to recommend us to a friend or colleague?');
    await page.getByTestId('invitation-preview-language').selectOption('ru');
    await expect.poll(() => page.getByTestId('invitation-preview-subject').innerText()).toBe('Один короткий вопрос');

    // A test to me, in the preview's language.
    await page.getByTestId('invitation-test').click();
    const test = await mail.waitFor(admin.email);
    expect(test.parsed.subject).toBe('[Тест] Один короткий вопрос');

    // A pasted list: three distinct rows (anna twice), confirmed with the count, then the report and the send.
    await page.getByTestId('invitation-audience-list').check();
    await page.getByTestId('invitation-list').fill('anna\nanna\nwalkin@example.test\nnot-an-email@\n');
    await page.getByTestId('invitation-send').click();
    const dialog = page.getByRole('dialog', { name: 'Send the invitation?' });
    await expect.poll(() => dialog.innerText()).toContain('The survey goes to up to 3 recipients now');
    const created = apiCall(page, 'POST', /\/sends$/);
    await dialog.getByRole('button', { name: 'Send', exact: true }).click();
    expect((await created).status()).toBe(201);
    const report = page.getByTestId('invitation-report');
    await expect.poll(() => report.locator('p').innerText()).toBe('2 recipients; 1 duplicate, 1 unusable, 0 unknown ids left out.');
    await report.getByText('Rows left out').click();
    expect(await report.locator('li').innerText()).toBe('Row 4: not-an-email@ — not a valid email address');
    const row = page.getByTestId('invitation-send-row');
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 20_000 }).toBe('sent');
    expect(await row.getByTestId('invitation-invited').innerText()).toBe('2');
    expect(pageErrors).toEqual([]);
    await context.close();

    // On a phone: the score link leads to the link page with 8, which records it at once (a POST; the link itself
    // records nothing, as mail scanners fetch it) and asks the follow-up in the same response. The first POST is lost
    // on the way: the page offers "Send my score".
    const invitation = await mail.waitFor('anna@example.test');
    const link = /https?:\/\/\S+\/api\/v1\/public\/invitations\/[\w-]+\/score\/8/.exec(invitation.parsed.text ?? '')![0];
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US', isMobile: true, hasTouch: true });
    const mobile = await phone.newPage();
    mobile.setDefaultTimeout(15_000);
    mobile.on('pageerror', (error) => pageErrors.push(error.message));
    let lost = 0;
    await mobile.route('**/score/8', (route) =>
      route.request().method() === 'POST' && lost++ === 0 ? route.abort('connectionreset') : route.continue(),
    );
    await mobile.goto(`${base}${new URL(link).pathname}`);
    await mobile.waitForURL((url) => url.pathname === `/s/${survey.publicKey}` && url.searchParams.has('invitation'));
    const db = app.app.get(DataSource);
    const stored = () => db.query(`SELECT score, finished, customer_external_id, answers FROM responses WHERE survey_id = $1`, [survey.id]);
    const sendScore = mobile.getByTestId('link-survey-send-score');
    await sendScore.waitFor();
    expect(await sendScore.innerText()).toBe('Send my score');
    expect(await stored()).toEqual([]);
    await sendScore.click();
    await expect.poll(stored).toEqual([{ score: 8, finished: false, customer_external_id: 'anna', answers: { score: 8 } }]);
    // Recorded: the address no longer carries the score, so a reload does not send it again.
    await expect.poll(() => new URL(mobile.url()).searchParams.has('score')).toBe(false);
    const widget = mobile.locator('otklik-survey-nps');
    const comment = widget.getByRole('textbox');
    await comment.waitFor();
    const width = await mobile.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await comment.fill('More vegetarian recipes, please');
    await widget.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => mobile.getByTestId('link-survey').getAttribute('data-state')).toBe('finished');
    await expect
      .poll(stored)
      .toEqual([
        { score: 8, finished: true, customer_external_id: 'anna', answers: { score: 8, comment: 'More vegetarian recipes, please' } },
      ]);
    // The same link again: the response is finished, nothing asked twice.
    await mobile.goto(`${base}/s/${survey.publicKey}?invitation=${new URL(link).pathname.split('/')[5]}`);
    await expect.poll(() => mobile.getByTestId('link-survey').getAttribute('data-state')).toBe('finished');
    await mobile.goto(`${base}/s/${survey.publicKey}?invitation=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`);
    await expect.poll(() => mobile.getByTestId('link-survey').getAttribute('data-state')).toBe('expired');
    expect(pageErrors).toEqual([]);
    await phone.close();
  }, 180_000);
});
