import { createServer, Server } from 'node:http';
import { type Browser } from 'playwright-core';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoggedIn, startTestApp, TestApp } from '../support/app';
import { launchChromium } from '../support/browser';
import { freePort } from '../support/free-port';

/**
 * The widget speaks the visitor's language (issue 14, item 4): a Russian and a Bulgarian Chromium on a host page
 * of another origin embed the real loader from the real server. The loader sends data-language, <html lang> and
 * navigator.languages; the server picks the first the survey has; the answer is stored in the language shown.
 * Before, a ru-RU browser on <html lang="ru"> got the English survey and its answer was stored as "en".
 */
let t: TestApp;
let as: LoggedIn;
let workspaceId = '';
let hostOrigin = '';
let host: Server;
const browsers: Record<'ru' | 'bg', Browser | undefined> = { ru: undefined, bg: undefined };

function hostPage(key: string, htmlLang: string | null, dataLanguage: string | null): string {
  return `<!doctype html><html${htmlLang ? ` lang="${htmlLang}"` : ''}><head><meta charset="utf-8"><title>Shop</title></head>
<body><h1>Order</h1><script async src="${t.baseUrl}/widget/loader.js" data-survey="${key}"${dataLanguage ? ` data-language="${dataLanguage}"` : ''}></script></body></html>`;
}

/** A live NPS survey in en, ru and bg (built-in wording), English by default. */
async function liveSurvey(): Promise<{ id: string; key: string }> {
  const created = await as
    .post(`/api/v1/workspaces/${workspaceId}/surveys`, {
      name: 'Multilingual NPS',
      kind: 'nps',
      languages: ['en', 'ru', 'bg'],
      defaultLanguage: 'en',
      allowedOrigins: [hostOrigin],
    })
    .expect(201);
  await as.patch(`/api/v1/workspaces/${workspaceId}/surveys/${created.body.id}`, { status: 'live' }).expect(200);
  return { id: created.body.id, key: created.body.publicKey };
}

beforeAll(async () => {
  t = await startTestApp();
  const admin = await t.seedAdmin('Polyglot Shop');
  as = await t.login(admin.email, admin.password);
  workspaceId = admin.workspaceId;
  const port = await freePort();
  hostOrigin = `http://127.0.0.1:${port}`;
  host = createServer((req, res) => {
    const q = new URL(req.url ?? '/', hostOrigin).searchParams;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hostPage(q.get('key')!, q.get('lang'), q.get('dl')));
  });
  await new Promise<void>((resolve) => host.listen(port, '127.0.0.1', resolve));
  browsers.ru = await launchChromium(['--lang=ru-RU']);
  browsers.bg = await launchChromium(['--lang=bg-BG']);
}, 120_000);

afterAll(async () => {
  await browsers.ru?.close();
  await browsers.bg?.close();
  host?.closeAllConnections();
  await new Promise((resolve) => host?.close(resolve));
  await t?.close();
});

interface Case {
  browser: 'ru' | 'bg';
  htmlLang: string | null;
  dataLanguage: string | null;
  /** What the survey shows and the response stores. */
  shown: 'ru' | 'bg';
  question: string;
  score: string;
  submit: string;
  thanks: string;
}

const RU = {
  question: 'Насколько вероятно, что вы порекомендуете нас другу или коллеге?',
  score: '9 из 10',
  submit: 'Отправить',
  thanks: 'Спасибо за отзыв!',
};
const BG = {
  question: 'Колко вероятно е да ни препоръчате на приятел или колега?',
  score: '9 от 10',
  submit: 'Изпрати',
  thanks: 'Благодарим за отзива!',
};

async function answer(c: Case): Promise<{ stored: string; sent: string }> {
  const survey = await liveSurvey();
  const locale = c.browser === 'ru' ? 'ru-RU' : 'bg-BG';
  const context = await browsers[c.browser]!.newContext({ locale });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const config = page.waitForRequest((r) => r.url().includes(`/api/v1/public/surveys/${survey.key}?`));
    const params = new URLSearchParams({
      key: survey.key,
      ...(c.htmlLang ? { lang: c.htmlLang } : {}),
      ...(c.dataLanguage ? { dl: c.dataLanguage } : {}),
    });
    await page.goto(`${hostOrigin}/?${params}`);
    const sent = new URL((await config).url()).searchParams.get('language') ?? '';

    const widget = page.locator('otklik-survey-nps');
    await widget.getByRole('dialog', { name: c.question }).waitFor();
    expect(await widget.getByRole('dialog').getAttribute('lang')).toBe(c.shown);
    await widget.getByRole('radio', { name: c.score, exact: true }).click();
    await widget.getByRole('textbox').fill(c.shown === 'ru' ? 'Всё пришло вовремя' : 'Всичко пристигна навреме');
    await widget.getByRole('button', { name: c.submit }).click();
    await widget.getByText(c.thanks).waitFor();

    const db = t.app.get(DataSource);
    await expect
      .poll(async () => (await db.query(`SELECT count(*)::int AS n FROM responses WHERE survey_id = $1 AND finished`, [survey.id]))[0].n)
      .toBe(1);
    const [row] = await db.query(`SELECT language, score FROM responses WHERE survey_id = $1`, [survey.id]);
    expect(row.score).toBe(9);
    return { stored: row.language, sent };
  } finally {
    await context.close();
  }
}

describe("the widget in the visitor's language", () => {
  it('a ru-RU Chromium on <html lang="ru"> gets the Russian survey and the answer is stored as ru', async () => {
    const { stored, sent } = await answer({ browser: 'ru', htmlLang: 'ru', dataLanguage: null, shown: 'ru', ...RU });
    // No data-language: the page's language, then the browser's.
    expect(sent.split(',').slice(0, 3)).toEqual(['', 'ru', 'ru-RU']);
    expect(stored).toBe('ru');
  });

  it('a bg-BG Chromium on a page without a language gets the Bulgarian survey, stored as bg', async () => {
    const { stored, sent } = await answer({ browser: 'bg', htmlLang: null, dataLanguage: null, shown: 'bg', ...BG });
    expect(sent.split(',').slice(0, 3)).toEqual(['', '', 'bg-BG']);
    expect(stored).toBe('bg');
  });

  it('skips a page language the survey does not have and uses the browser language', async () => {
    const { stored } = await answer({ browser: 'bg', htmlLang: 'de', dataLanguage: null, shown: 'bg', ...BG });
    expect(stored).toBe('bg');
  });

  it('data-language overrides the page and the browser', async () => {
    const { stored, sent } = await answer({ browser: 'bg', htmlLang: 'bg', dataLanguage: 'ru', shown: 'ru', ...RU });
    expect(sent.split(',')[0]).toBe('ru');
    expect(stored).toBe('ru');
  });
});
