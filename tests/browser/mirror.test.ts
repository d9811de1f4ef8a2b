import { randomUUID } from 'node:crypto';
import { type BrowserContext } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { browserSuite } from '../support/browser-suite';

/**
 * The mirror survey in a real browser: customers rated the courier 2 and 3; a viewer on the courier team opens
 * /mirror, finds the mirror waiting, rates 5 as she thinks customers would and saves; the report then shows staff
 * 5 (1) against customers 2.5 (2), a gap of +2.5 flagged as a blind spot, and the CSV link for that mirror.
 */

const suite = browserSuite({ backgroundJobs: false, publicLimitPerIpPerMinute: 100_000 });
let context: BrowserContext | undefined;

afterAll(async () => {
  await context?.close();
});

describe('the mirror survey page', () => {
  it('lets a touchpoint member answer and shows staff vs customers with the blind spot', async () => {
    const { app, browser } = suite;
    const admin = await app.seedAdmin('Mirror Foods');
    const ws = `/api/v1/workspaces/${admin.workspaceId}`;
    const api = await app.login(admin.email, admin.password);
    const vera = await app.createUser({ name: 'Vera Viewer' });
    await app.addMember(admin.workspaceId, vera.userId, 'viewer');
    const courier = (
      await api.post(`${ws}/touchpoints`, { name: 'Courier', stage: 'repeat', ownerId: admin.userId, teamIds: [vera.userId] }).expect(201)
    ).body;
    const survey = (
      await api
        .post(`${ws}/surveys`, {
          name: 'CSAT after delivery',
          kind: 'csat',
          touchpointName: 'Courier',
          displayRules: { trigger: 'page_load', samplePercent: 100, recontactDays: 0, stopAfterResponse: false },
        })
        .expect(201)
    ).body;
    await api.patch(`${ws}/surveys/${survey.id}`, { status: 'live' }).expect(200);
    for (const score of [2, 3]) {
      await app
        .http()
        .post(`/api/v1/public/surveys/${survey.publicKey}/responses`)
        .send({ idempotencyKey: randomUUID(), respondentId: `r-${randomUUID()}`, answers: { score }, finished: true })
        .expect(201);
    }
    const mirror = (
      await api.post(`${ws}/mirrors`, { surveyId: survey.id, name: 'Courier mirror', touchpoints: [{ id: courier.id }] }).expect(201)
    ).body;

    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const baseUrl = app.baseUrl.replace(/\/$/, '');
    await page.goto(`${baseUrl}/login?next=/mirror`);
    await page.getByLabel('Email', { exact: true }).fill(vera.email);
    await page.getByLabel('Password', { exact: true }).fill(vera.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/mirror');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Mirror survey');
    await expect.poll(() => page.getByTestId('mirror-pending').innerText()).toBe('1 mirror waiting for your answers');

    // Before answering: customers only, no gap yet.
    const row = page.locator('[data-testid="mirror-row"][data-touchpoint="Courier"]');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getAttribute('data-blind-spot')).toBe('false');

    const form = page.locator('[data-testid="mirror-answer-form"][data-touchpoint="Courier"]');
    await form.getByRole('button', { name: 'Save answers' }).click();
    expect(await form.getByRole('alert').innerText()).toContain('Answer every question first.');
    await form.getByTestId('mirror-point-score-5').check({ force: true });
    await form.getByRole('button', { name: 'Save answers' }).click();
    await expect.poll(() => form.getByTestId('status-message').innerText()).toContain('Saved.');
    await expect.poll(() => page.getByTestId('mirror-pending').count()).toBe(0);

    await expect.poll(() => row.getAttribute('data-blind-spot')).toBe('true');
    const cells = (await row.locator('td').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
    expect(cells.slice(1, 4)).toEqual(['2.5 (2)', '5 (1)', '+2.5']);
    expect(cells[4]).toContain('Blind spot');
    expect(cells[4]).toContain('Staff think it is better than customers say');
    expect(await page.getByTestId('mirror-csv').getAttribute('href')).toBe(`${ws}/mirrors/${mirror.id}/report.csv?`);
    await expect.poll(() => page.getByTestId('mirror-list').innerText()).toContain('50%');
    // A viewer sets nothing up.
    expect(await page.getByTestId('mirror-new').count()).toBe(0);
    expect(await page.getByTestId('mirror-edit').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('lets an admin create, edit and delete a mirror from the page, in Russian', async () => {
    const { app, browser } = suite;
    const admin = await app.seedAdmin('Mirror Setup');
    const ws = `/api/v1/workspaces/${admin.workspaceId}`;
    const api = await app.login(admin.email, admin.password);
    const olga = await app.createUser({ name: 'Olga Extra' });
    await app.addMember(admin.workspaceId, olga.userId, 'analyst');
    const courier = (await api.post(`${ws}/touchpoints`, { name: 'Courier', stage: 'repeat', ownerId: admin.userId }).expect(201)).body;
    await api.post(`${ws}/touchpoints`, { name: 'Support', stage: 'repeat' }).expect(201);
    const survey = (
      await api
        .post(`${ws}/surveys`, {
          name: 'NPS after delivery',
          kind: 'nps',
          displayRules: { trigger: 'page_load', samplePercent: 100, recontactDays: 0, stopAfterResponse: false },
        })
        .expect(201)
    ).body;

    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ru-RU' });
    try {
      const page = await ctx.newPage();
      page.setDefaultTimeout(15_000);
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.goto(`${app.baseUrl.replace(/\/$/, '')}/login?next=/mirror`);
      await page.locator('input[type=email]').fill(admin.email);
      await page.locator('input[type=password]').fill(admin.password);
      await page.locator('button[type=submit]').click();
      await page.waitForURL((url) => url.pathname === '/mirror');

      // Empty form: the survey and touchpoints are asked for, in Russian; nothing is created.
      await page.getByTestId('mirror-new').click();
      const editor = page.getByTestId('mirror-editor');
      await editor.getByTestId('mirror-editor-blind-nps').fill('12');
      await editor.getByTestId('mirror-editor-save').click();
      await expect.poll(() => editor.innerText()).toContain('Выберите клиентский опрос, который нужно отразить.');
      expect(await editor.innerText()).toContain('Выберите от 1 до 20 точек контакта.');
      expect(await editor.innerText()).toContain('Введите число от 0,1 до 10');
      expect((await api.get(`${ws}/mirrors`).expect(200)).body.items).toEqual([]);

      await editor.getByTestId('mirror-editor-survey').selectOption(survey.id);
      await editor.getByLabel('Courier').check();
      await editor.locator('summary').first().click();
      await editor.getByLabel('Olga Extra').check();
      await editor.getByTestId('mirror-editor-period').selectOption('quarter');
      await editor.getByTestId('mirror-editor-blind-nps').fill('1.5');
      await editor.getByTestId('mirror-editor-grace').fill('3');
      await editor.getByLabel('Русский').fill('Как ответил бы клиент:');
      await editor.getByTestId('mirror-editor-save').click();
      await expect
        .poll(() => page.getByTestId('mirror-mirrors').getByTestId('status-message').innerText())
        .toContain('Зеркальный опрос создан.');
      const [created] = (await api.get(`${ws}/mirrors`).expect(200)).body.items;
      expect(created).toMatchObject({
        name: 'Mirror: NPS after delivery',
        surveyId: survey.id,
        period: 'quarter',
        graceDays: 3,
        blindSpotNps: 1.5,
        blindSpotRating: 0.5,
        active: true,
        prefix: { ru: 'Как ответил бы клиент:' },
      });
      expect(created.touchpoints).toMatchObject([{ id: courier.id, extraStaffIds: [olga.userId] }]);

      // Someone else pauses it while the admin edits: the save is refused as stale and the page reloads.
      await page.getByTestId('mirror-edit').click();
      await api.patch(`${ws}/mirrors/${created.id}`, { active: false }).expect(200);
      await editor.getByTestId('mirror-editor-grace').fill('7');
      await editor.getByTestId('mirror-editor-save').click();
      await expect
        .poll(() => page.getByTestId('mirror-mirrors').getByTestId('status-message').innerText())
        .toContain('изменил кто-то другой');
      expect((await api.get(`${ws}/mirrors/${created.id}`).expect(200)).body).toMatchObject({ graceDays: 3, active: false });
      // The reload after the refusal shows the other person's pause.
      await expect.poll(() => page.getByTestId('mirror-list').innerText()).toContain('На паузе');

      // Edit again (fresh): back to active, 7 grace days.
      await page.getByTestId('mirror-edit').click();
      await editor.getByTestId('mirror-editor-active').check();
      await editor.getByTestId('mirror-editor-grace').fill('7');
      await editor.getByTestId('mirror-editor-save').click();
      await expect
        .poll(() => page.getByTestId('mirror-mirrors').getByTestId('status-message').innerText())
        .toContain('Изменения сохранены.');
      expect((await api.get(`${ws}/mirrors/${created.id}`).expect(200)).body).toMatchObject({ graceDays: 7, active: true });

      // Delete: confirmed first; cancelling keeps it.
      await page.getByTestId('mirror-edit').click();
      await editor.getByTestId('mirror-delete').click();
      const confirm = page.getByTestId('confirm-dialog');
      expect(await confirm.innerText()).toContain('все ответы сотрудников');
      await confirm.getByRole('button', { name: 'Отмена' }).click();
      await api.get(`${ws}/mirrors/${created.id}`).expect(200);
      await page.getByTestId('mirror-edit').click();
      await editor.getByTestId('mirror-delete').click();
      await confirm.getByRole('button', { name: 'Удалить опрос' }).click();
      await expect
        .poll(() => page.getByTestId('mirror-mirrors').getByTestId('status-message').innerText())
        .toContain('Зеркальный опрос удалён.');
      await api.get(`${ws}/mirrors/${created.id}`).expect(404);
      expect(pageErrors).toEqual([]);
    } finally {
      await ctx.close();
    }
  });
});
