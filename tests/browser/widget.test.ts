import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerValue, PublicSurveyConfig } from '@otklik/survey-model';

/**
 * The embeddable widgets in a real browser, against a stub of the public API (docs/survey-widgets.md):
 * a host page on one origin embeds /widget/loader.js from the stub on another origin. Covers the NPS flow by
 * keyboard with the detractor follow-up wording, what the widget sends (display, then one response updated
 * per answer and finished at the end, all CORS simple requests), offline queueing and the retry once back
 * online and on the next page load, style isolation both ways, an event-triggered RTL CSAT bottom sheet on a
 * phone closed with Escape, exit intent, sampling and `force`, and a centred custom survey with choices.
 * The tests run in order and share the first browser profile (the second relies on the first having finished).
 */

const DIST = join(__dirname, '..', '..', 'survey-widgets', 'dist');
const ARTIFACTS = join(__dirname, '..', '.tmp');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const UI_EN = {
  next: 'Next',
  submit: 'Send',
  close: 'Close',
  thanks: 'Thank you for your feedback!',
  required: 'Please answer this question.',
  placeholder: 'Your answer',
};

const NPS: PublicSurveyConfig = {
  publicKey: 'nps-key',
  kind: 'nps',
  version: 3,
  language: 'en',
  direction: 'ltr',
  questions: [
    {
      id: 'score',
      type: 'nps',
      required: true,
      text: 'How likely are you to recommend Acme to a friend?',
      scale: { min: 0, max: 10, minLabel: 'Not at all likely', maxLabel: 'Extremely likely' },
      maxLength: 5000,
    },
    {
      id: 'comment',
      type: 'text',
      required: false,
      text: 'Anything else you would like to tell us?',
      textByScore: {
        scoreQuestionId: 'score',
        bands: [
          { min: 0, max: 6, text: 'Sorry to hear that. What went wrong?' },
          { min: 7, max: 8, text: 'What would make it a 10?' },
          { min: 9, max: 10, text: 'What do you like most?' },
        ],
      },
      maxLength: 500,
    },
  ],
  displayRules: { trigger: 'page_load', samplePercent: 100, recontactDays: 30, stopAfterResponse: true },
  theme: { primaryColor: '#3d5afe', position: 'bottom-right' },
  eligible: true,
  ui: UI_EN,
};

/** Only in Hebrew: asked for English, the server answers in the survey's default language. */
const CSAT: PublicSurveyConfig = {
  publicKey: 'csat-key',
  kind: 'csat',
  version: 1,
  language: 'he',
  direction: 'rtl',
  questions: [
    {
      id: 'rating',
      type: 'rating',
      required: true,
      text: 'כמה היית מרוצה מהקנייה?',
      scale: { min: 1, max: 5, minLabel: 'בכלל לא', maxLabel: 'מאוד' },
      maxLength: 5000,
    },
  ],
  displayRules: { trigger: 'event', eventName: 'checkout', samplePercent: 100, recontactDays: 30, stopAfterResponse: true },
  theme: { primaryColor: '#ffd600', position: 'bottom-left' },
  eligible: true,
  ui: { next: 'הבא', submit: 'שליחה', close: 'סגירה', thanks: 'תודה!', required: 'נא לענות', placeholder: 'תשובתך' },
};

/** A cancellation flow: sampled out unless forced, centred (modal), choice questions. */
const CUSTOM: PublicSurveyConfig = {
  publicKey: 'custom-key',
  kind: 'custom',
  version: 1,
  language: 'en',
  direction: 'ltr',
  questions: [
    {
      id: 'reason',
      type: 'single_choice',
      required: true,
      text: 'Why are you cancelling?',
      options: [
        { id: 'price', label: 'Too expensive' },
        { id: 'features', label: 'Missing features' },
        { id: 'other', label: 'Something else' },
      ],
      maxLength: 5000,
    },
    {
      id: 'alternatives',
      type: 'multi_choice',
      required: false,
      text: 'What will you use instead?',
      options: [
        { id: 'competitor', label: 'Another product' },
        { id: 'inhouse', label: 'Our own tool' },
        { id: 'nothing', label: 'Nothing' },
      ],
      maxLength: 5000,
    },
  ],
  displayRules: { trigger: 'page_load', samplePercent: 0, recontactDays: 0, stopAfterResponse: false },
  theme: { primaryColor: '#c62828', position: 'center' },
  eligible: true,
  ui: UI_EN,
};

/** Shown on exit intent (desktop only). */
const CES: PublicSurveyConfig = {
  ...NPS,
  publicKey: 'ces-key',
  kind: 'ces',
  questions: [
    {
      id: 'effort',
      type: 'rating',
      required: true,
      text: 'How easy was it to find what you needed?',
      scale: { min: 1, max: 7 },
      maxLength: 5000,
    },
  ],
  displayRules: { trigger: 'exit_intent', samplePercent: 100, recontactDays: 30, stopAfterResponse: true },
};

interface Recorded {
  method: string;
  path: string;
  query: Record<string, string>;
  origin?: string;
  contentType?: string;
  status: number;
  body?: any;
}

/**
 * A stub of the public API and the /widget/ files: enough of the contract to be honest about what the widget
 * sends (CORS to one allowed origin, idempotent displays, responses merged per idempotencyKey and validated,
 * already_responded once finished), recording every request.
 */
function startStubApi(allowedOrigin: () => string) {
  const requests: Recorded[] = [];
  const displays = new Map<string, string>();
  const responses = new Map<string, { responseId: string; answers: Record<string, AnswerValue>; finished: boolean }>();
  const finishedBy = new Set<string>();
  const surveys: Record<string, PublicSurveyConfig> = Object.fromEntries([NPS, CSAT, CUSTOM, CES].map((s) => [s.publicKey, s]));
  let seq = 0;

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://stub');
    const origin = req.headers.origin;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');

    const widget = /^\/widget\/([a-z]+\.js)$/.exec(url.pathname);
    if (widget && req.method === 'GET') {
      requests.push({ method: 'GET', path: url.pathname, query: {}, status: 200 });
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      res.end(readFileSync(join(DIST, widget[1])));
      return;
    }

    const send = (status: number, body?: unknown) => {
      let parsed: unknown;
      try {
        parsed = raw ? JSON.parse(raw) : undefined;
      } catch {
        parsed = raw;
      }
      requests.push({
        method: req.method ?? '',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        origin,
        contentType: req.headers['content-type'],
        status,
        body: parsed,
      });
      const headers: Record<string, string> = { vary: 'Origin' };
      if (origin === allowedOrigin()) {
        headers['access-control-allow-origin'] = origin;
        headers['access-control-allow-methods'] = 'GET, POST';
        headers['access-control-allow-headers'] = 'content-type';
      }
      if (body === undefined) {
        res.writeHead(status, headers).end();
        return;
      }
      res.writeHead(status, { ...headers, 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    const error = (status: number, code: string, details?: { field: string; message: string }[]) =>
      send(status, { error: { status, code, message: code, details, requestId: `req-${++seq}` } });

    const route = /^\/api\/v1\/public\/surveys\/([^/]+)(?:\/(displays|responses))?$/.exec(url.pathname);
    if (!route) return error(404, 'not_found');
    if (origin && origin !== allowedOrigin()) return error(403, 'origin_not_allowed');
    if (req.method === 'OPTIONS') return send(204);
    const survey = surveys[decodeURIComponent(route[1])];
    if (!survey) return error(404, 'not_found');

    if (!route[2] && req.method === 'GET') {
      const respondentId = url.searchParams.get('respondentId') ?? '';
      const done = finishedBy.has(`${survey.publicKey}:${respondentId}`) && survey.displayRules.stopAfterResponse;
      return send(200, done ? { ...survey, eligible: false, ineligibleReason: 'already_responded' } : survey);
    }
    if (req.method !== 'POST') return error(405, 'method_not_allowed');
    // Like the real public edge: JSON as application/json or as text/plain (which spares widgets a preflight).
    let body: any;
    try {
      body = JSON.parse(raw);
    } catch {
      return error(400, 'invalid_json');
    }
    if (typeof body?.idempotencyKey !== 'string' || typeof body?.respondentId !== 'string')
      return error(400, 'validation_failed', [{ field: 'idempotencyKey', message: 'required' }]);

    if (route[2] === 'displays') {
      const known = displays.get(body.idempotencyKey);
      if (known) return send(200, { displayId: known });
      const displayId = `display-${++seq}`;
      displays.set(body.idempotencyKey, displayId);
      return send(201, { displayId });
    }

    // responses
    const answers = body.answers;
    if (!answers || typeof answers !== 'object' || typeof body.finished !== 'boolean')
      return error(400, 'validation_failed', [{ field: 'answers', message: 'required' }]);
    const details: { field: string; message: string }[] = [];
    for (const [id, value] of Object.entries(answers as Record<string, AnswerValue>)) {
      const question = survey.questions.find((q) => q.id === id);
      const field = `answers.${id}`;
      if (!question) details.push({ field, message: 'unknown question' });
      else if (question.type === 'nps' || question.type === 'rating') {
        const min = question.scale?.min ?? 0;
        const max = question.scale?.max ?? 10;
        if (!Number.isInteger(value) || (value as number) < min || (value as number) > max)
          details.push({ field, message: 'out of scale' });
      } else if (question.type === 'text') {
        if (typeof value !== 'string' || value.length > question.maxLength) details.push({ field, message: 'too long' });
      } else {
        const ids = new Set(question.options?.map((o) => o.id));
        const chosen = question.type === 'multi_choice' && Array.isArray(value) ? value : [value];
        if ((question.type === 'single_choice') === Array.isArray(value) || !chosen.every((id) => ids.has(id as string)))
          details.push({ field, message: 'unknown option' });
      }
    }
    if (details.length) return error(400, 'validation_failed', details);
    const existing = responses.get(body.idempotencyKey);
    const merged = { ...existing?.answers, ...answers };
    const finished = !!existing?.finished || body.finished;
    if (finished) {
      const missing = survey.questions.filter((q) => q.required && merged[q.id] === undefined);
      if (missing.length)
        return error(
          400,
          'validation_failed',
          missing.map((q) => ({ field: `answers.${q.id}`, message: 'required' })),
        );
      finishedBy.add(`${survey.publicKey}:${body.respondentId}`);
    }
    const responseId = existing?.responseId ?? `response-${++seq}`;
    responses.set(body.idempotencyKey, { responseId, answers: merged, finished });
    return send(existing ? 200 : 201, { responseId, finished });
  });
  return { server, requests, responses };
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

function hostPage(apiBase: string): string {
  // The host page styles bare elements and uses the widget's own class names, to catch leaks either way.
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Acme shop</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  body { font-family: serif; color: rgb(0, 128, 0); }
  button { color: rgb(255, 0, 0); background: rgb(255, 255, 0); font-size: 30px; }
  h2 { text-transform: uppercase; }
  * { letter-spacing: 3px; }
</style>
<script>
  window.Otklik = window.Otklik || { q: [] };
  ['show', 'track', 'onFinish'].forEach(function (m) {
    Otklik[m] = Otklik[m] || function () { Otklik.q.push([m].concat([].slice.call(arguments))); };
  });
  Otklik.onFinish(function (detail) { (window.finished = window.finished || []).push(detail); });
</script>
<script async src="${apiBase}/widget/loader.js" data-survey="nps-key" data-customer-id="c-42" data-language="en"></script>
</head><body>
<h1>Acme shop</h1>
<div class="card bottom-right opt" id="host-card">Host content that shares the widget's class names</div>
<button id="buy">Buy</button>
</body></html>`;
}

let api: ReturnType<typeof startStubApi> | undefined;
let host: Server | undefined;
let apiBase = '';
let hostBase = '';
let browser: Browser | undefined;
let context: BrowserContext | undefined;

beforeAll(async () => {
  api = startStubApi(() => hostBase);
  apiBase = await listen(api.server);
  host = createServer((req, res) => {
    if (req.url === '/' || req.url?.startsWith('/?')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hostPage(apiBase));
    } else res.writeHead(404).end();
  });
  hostBase = await listen(host);
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await new Promise((resolve) => host?.close(resolve));
  await new Promise((resolve) => api?.server.close(resolve));
});

/** The public-API calls the stub received, by kind. */
function calls(kind: 'config' | 'displays' | 'responses', publicKey = 'nps-key'): Recorded[] {
  const base = `/api/v1/public/surveys/${publicKey}`;
  const path = kind === 'config' ? base : `${base}/${kind}`;
  return api!.requests.filter((r) => r.path === path && r.method === (kind === 'config' ? 'GET' : 'POST'));
}

/** Accessible name (or tag) of the focused element inside the widget's shadow root. */
function focusedInWidget(page: Page, tag: string): Promise<string | null> {
  return page.evaluate((t) => {
    const active = document.querySelector(t)?.shadowRoot?.activeElement as HTMLElement | null | undefined;
    if (!active || document.activeElement?.tagName.toLowerCase() !== t) return null;
    const tagName = active.tagName.toLowerCase();
    return active.getAttribute('aria-label') || (tagName === 'textarea' ? tagName : active.textContent?.trim() || tagName);
  }, tag);
}

describe('survey widgets', () => {
  it('NPS by keyboard: display, one response updated per answer, detractor follow-up, offline queue, no style leaks', async () => {
    context = await browser!.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    try {
      await page.goto(`${hostBase}/`);

      // The loader fetched the config for this respondent and showed the NPS element (one bundle, loaded once).
      const widget = page.locator('otklik-survey-nps');
      const dialog = widget.getByRole('dialog', { name: NPS.questions[0].text });
      await dialog.waitFor();
      const respondentId = await page.evaluate(() => localStorage.getItem('otklik.rid'));
      expect(respondentId).toMatch(UUID);
      expect(calls('config')).toHaveLength(1);
      // The language candidates in order: data-language, <html lang>, then the browser's languages (the server picks).
      const candidates = await page.evaluate(() => ['en', document.documentElement.lang, ...navigator.languages].join(','));
      expect(candidates).toMatch(/^en,[^,]*,en-US/);
      expect(calls('config')[0].query).toEqual({ respondentId, language: candidates, customerId: 'c-42' });
      expect(api!.requests.filter((r) => r.path === '/widget/nps.js')).toHaveLength(1);
      expect(
        api!.requests.filter((r) => r.path.startsWith('/widget/') && r.path !== '/widget/loader.js' && r.path !== '/widget/nps.js'),
      ).toEqual([]);
      expect(await dialog.getAttribute('dir')).toBe('ltr');
      expect(await widget.evaluate((el) => el.shadowRoot !== null)).toBe(true);

      // …and recorded one display from the host page's origin.
      await expect.poll(() => calls('displays').length).toBe(1);
      const display = calls('displays')[0];
      expect(display.origin).toBe(hostBase);
      expect(display.status).toBe(201);
      expect(display.body).toMatchObject({ respondentId, customerId: 'c-42', url: `${hostBase}/` });
      expect(display.body.idempotencyKey).toMatch(UUID);

      // Isolation: the page's `button { color: red; background: yellow }` and inherited body font and colour do
      // not reach the widget, and the widget's styles (.card, .opt, …) do not touch the page.
      const score0 = widget.getByRole('radio', { name: '0 out of 10', exact: true });
      const widgetButton = await score0.evaluate((el) => {
        const s = getComputedStyle(el);
        return { color: s.color, background: s.backgroundColor, fontSize: s.fontSize };
      });
      expect(widgetButton.color).not.toBe('rgb(255, 0, 0)');
      expect(widgetButton.background).not.toBe('rgb(255, 255, 0)');
      expect(widgetButton.fontSize).not.toBe('30px');
      const heading = await widget.locator('h2').evaluate((el) => {
        const s = getComputedStyle(el);
        return { color: s.color, font: s.fontFamily, transform: s.textTransform, spacing: s.letterSpacing };
      });
      expect(heading.color).not.toBe('rgb(0, 128, 0)');
      // (`* { letter-spacing }` does reach the host element itself; the card starts from initial values.)
      expect(await widget.evaluate((el) => getComputedStyle(el).letterSpacing)).toBe('3px');
      expect(heading.spacing).toBe('normal');
      expect(heading.font).not.toBe('serif');
      expect(heading.transform).toBe('none');
      const hostCard = await page.locator('#host-card').evaluate((el) => {
        const s = getComputedStyle(el);
        return { position: s.position, background: s.backgroundColor, padding: s.paddingTop, border: s.borderTopWidth };
      });
      expect(hostCard).toEqual({ position: 'static', background: 'rgba(0, 0, 0, 0)', padding: '0px', border: '0px' });
      expect(await page.locator('#buy').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(255, 0, 0)');
      expect(await page.evaluate(() => document.head.querySelectorAll('style').length)).toBe(1);

      // Keyboard: from the page's last control, Tab enters the card (the close button, then the scale).
      await page.locator('#buy').focus();
      await page.keyboard.press('Tab');
      expect(await focusedInWidget(page, 'otklik-survey-nps')).toBe('Close');
      await page.keyboard.press('Tab');
      expect(await focusedInWidget(page, 'otklik-survey-nps')).toBe('0 out of 10');
      // Radio-group semantics: arrows move the selection; the end labels describe the ends.
      expect(await widget.getByRole('radiogroup').count()).toBe(1);
      expect(await widget.getByRole('radio').count()).toBe(11);
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
      expect(await focusedInWidget(page, 'otklik-survey-nps')).toBe('3 out of 10');
      expect(await widget.getByRole('radio', { name: '3 out of 10', exact: true }).getAttribute('aria-checked')).toBe('true');
      expect(await widget.locator('[role=radio][aria-checked=true]').count()).toBe(1);
      expect(calls('responses')).toHaveLength(0);
      // Enter confirms the score: one response with finished:false.
      await page.keyboard.press('Enter');
      await expect.poll(() => calls('responses').length).toBe(1);
      const first = calls('responses')[0];
      expect(first.status).toBe(201);
      expect(first.origin).toBe(hostBase);
      expect(first.body).toMatchObject({
        respondentId,
        customerId: 'c-42',
        displayId: 'display-1',
        language: 'en',
        answers: { score: 3 },
        finished: false,
      });
      expect(first.body.idempotencyKey).toMatch(UUID);
      expect(first.body.idempotencyKey).not.toBe(display.body.idempotencyKey);

      // The follow-up uses the detractor wording for a 3, and focus moved into it.
      await widget.getByRole('dialog', { name: 'Sorry to hear that. What went wrong?' }).waitFor();
      expect(await widget.getByText(NPS.questions[1].text).count()).toBe(0);
      expect(await focusedInWidget(page, 'otklik-survey-nps')).toBe('textarea');
      const comment = 'The delivery was two days late.';
      await page.keyboard.type(comment);
      // Focus stays in the card: Tab from the last control wraps to the first, Shift+Tab back.
      await page.keyboard.press('Tab');
      expect(await focusedInWidget(page, 'otklik-survey-nps')).toBe('Send');
      await page.keyboard.press('Tab');
      expect(await focusedInWidget(page, 'otklik-survey-nps')).toBe('Close');
      await page.keyboard.press('Shift+Tab');
      expect(await focusedInWidget(page, 'otklik-survey-nps')).toBe('Send');

      // Offline: submitting shows the thanks screen and queues the final call in localStorage.
      await context.setOffline(true);
      await page.keyboard.press('Enter');
      await widget.getByText(NPS.ui.thanks).waitFor();
      expect(await page.evaluate(() => (window as any).finished)).toEqual([{ publicKey: 'nps-key', answers: { score: 3, comment } }]);
      await expect
        .poll(async () => {
          const queue = JSON.parse((await page.evaluate(() => localStorage.getItem('otklik.queue'))) ?? '[]');
          return queue.map((item: any) => ({ url: item.u, finished: item.b.finished, tried: item.a > 0 }));
        })
        .toEqual([{ url: `${apiBase}/api/v1/public/surveys/nps-key/responses`, finished: true, tried: true }]);
      expect(calls('responses')).toHaveLength(1);

      // Back online: it goes out, with the same idempotency key and all answers, and the queue empties.
      await context.setOffline(false);
      await expect.poll(() => calls('responses').length, { timeout: 15_000 }).toBe(2);
      const last = calls('responses')[1];
      expect(last.status).toBe(200);
      expect(last.body).toMatchObject({
        idempotencyKey: first.body.idempotencyKey,
        respondentId,
        displayId: 'display-1',
        answers: { score: 3, comment },
        finished: true,
      });
      expect(api!.responses.get(first.body.idempotencyKey)).toMatchObject({ answers: { score: 3, comment }, finished: true });
      await expect.poll(() => page.evaluate(() => localStorage.getItem('otklik.queue'))).toBeNull();
      expect(calls('displays')).toHaveLength(1);
      // Every call was a CORS simple request: JSON as text/plain, no preflight.
      expect(api!.requests.filter((r) => r.method === 'OPTIONS')).toEqual([]);
      expect(new Set(api!.requests.filter((r) => r.method === 'POST').map((r) => r.contentType))).toEqual(
        new Set(['text/plain;charset=UTF-8']),
      );
      expect(pageErrors).toEqual([]);
    } catch (error) {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'widget-nps-failure.png'), fullPage: true }).catch(() => {});
      throw error;
    }
  }, 60_000);

  it('next page load: left-over queue sent, finished survey not offered; event-triggered RTL CSAT as a bottom sheet on a phone, reduced motion: not shown before track(), Escape closes it', async () => {
    // Same browser profile: the respondent has finished the NPS survey, so it is no longer offered.
    const page = await context!.newPage();
    page.setDefaultTimeout(10_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    try {
      await page.setViewportSize({ width: 360, height: 740 });
      await page.emulateMedia({ reducedMotion: 'reduce' });
      const configCalls = calls('config').length;
      // A call a previous page could not deliver (its retry time long past) goes out when the loader starts.
      const leftOver = { idempotencyKey: 'left-over-display-1', respondentId: 'left-over-respondent' };
      await page.addInitScript(
        ([url, body]) => {
          if (!sessionStorage.getItem('seeded')) {
            sessionStorage.setItem('seeded', '1');
            localStorage.setItem(
              'otklik.queue',
              JSON.stringify([{ i: 'old', u: url, b: body, a: 3, t: Date.now() - 1000, c: Date.now() - 60_000 }]),
            );
          }
        },
        [`${apiBase}/api/v1/public/surveys/nps-key/displays`, leftOver] as const,
      );
      await page.goto(`${hostBase}/`);
      await expect.poll(() => calls('displays').filter((r) => r.body?.idempotencyKey === leftOver.idempotencyKey).length).toBe(1);
      await expect.poll(() => page.evaluate(() => localStorage.getItem('otklik.queue'))).toBeNull();
      await expect.poll(() => calls('config').length).toBe(configCalls + 1);
      expect(calls('config').at(-1)!.status).toBe(200);
      await page.waitForFunction(() => (window as any).Otklik?.v === 1);

      // Event trigger: show() alone fetches the config but waits for the event.
      await page.evaluate(() => (window as any).Otklik.show('csat-key'));
      await expect.poll(() => calls('config', 'csat-key').length).toBe(1);
      await page.waitForTimeout(300);
      expect(await page.locator('otklik-survey-csat').count()).toBe(0);
      expect(calls('displays', 'csat-key')).toHaveLength(0);
      await page.evaluate(() => (window as any).Otklik.track('checkout'));

      const widget = page.locator('otklik-survey-csat');
      const dialog = widget.getByRole('dialog', { name: CSAT.questions[0].text });
      await dialog.waitFor();
      expect(await page.locator('otklik-survey-nps').count()).toBe(0);
      expect(await dialog.getAttribute('dir')).toBe('rtl');
      expect(await dialog.getAttribute('lang')).toBe('he');
      await expect.poll(() => calls('displays', 'csat-key').length).toBe(1);

      // prefers-reduced-motion: no entrance animation.
      expect(await dialog.evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
      // Mobile first: a full-width sheet at the bottom, touch targets at least 44px.
      const box = (await dialog.boundingBox())!;
      expect(box.x).toBe(0);
      expect(box.width).toBe(360);
      expect(Math.round(box.y + box.height)).toBe(740);
      const radios = widget.getByRole('radio');
      expect(await radios.count()).toBe(5);
      for (const radio of await radios.all()) {
        const b = (await radio.boundingBox())!;
        expect(b.width).toBeGreaterThanOrEqual(44);
        expect(b.height).toBeGreaterThanOrEqual(44);
      }
      const close = (await widget.getByRole('button', { name: CSAT.ui.close }).boundingBox())!;
      expect(Math.min(close.width, close.height)).toBeGreaterThanOrEqual(44);

      // Escape closes it (the loader removes the element) and focus goes back to the page.
      await page.locator('#buy').focus();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      expect(await focusedInWidget(page, 'otklik-survey-csat')).toBe('1 / 5');
      await page.keyboard.press('Escape');
      await widget.waitFor({ state: 'detached' });
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('buy');
      expect(calls('responses', 'csat-key')).toHaveLength(0);
      expect(pageErrors).toEqual([]);
    } catch (error) {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'widget-csat-failure.png'), fullPage: true }).catch(() => {});
      throw error;
    }
  }, 60_000);

  it('sampling, force, exit intent; a centred cancellation flow with choices takes focus and sends hidden fields', async () => {
    const fresh = await browser!.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await fresh.newPage();
    page.setDefaultTimeout(10_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    try {
      await page.goto(`${hostBase}/`);
      await page.locator('otklik-survey-nps').getByRole('dialog').waitFor();
      await page.locator('otklik-survey-nps').getByRole('button', { name: 'Close' }).click();
      await page.locator('otklik-survey-nps').waitFor({ state: 'detached' });

      // Exit intent: the pointer leaving through the top of the window.
      await page.evaluate(() => (window as any).Otklik.show('ces-key'));
      await expect.poll(() => calls('config', 'ces-key').length).toBe(1);
      await page.waitForTimeout(200);
      expect(await page.locator('otklik-survey-ces').count()).toBe(0);
      await page.evaluate(() => document.dispatchEvent(new MouseEvent('mouseout', { clientX: 400, clientY: -1, relatedTarget: null })));
      await page.locator('otklik-survey-ces').getByRole('dialog', { name: CES.questions[0].text }).waitFor();
      expect(await page.locator('otklik-survey-ces').getByRole('radio').count()).toBe(7);
      await page.keyboard.press('Escape'); // focus is still on the page: a corner card does not take it
      expect(await page.locator('otklik-survey-ces').count()).toBe(1);
      await page.locator('otklik-survey-ces').getByRole('button', { name: 'Close' }).click();

      // samplePercent 0: not shown…
      await page.evaluate(() => (window as any).Otklik.show('custom-key'));
      await expect.poll(() => calls('config', 'custom-key').length).toBe(1);
      await page.waitForTimeout(200);
      expect(await page.locator('otklik-survey-custom').count()).toBe(0);
      // …unless forced.
      await page.evaluate(() => (window as any).Otklik.show('custom-key', { force: true, hiddenFields: { plan: 'pro' } }));
      const widget = page.locator('otklik-survey-custom');
      const dialog = widget.getByRole('dialog', { name: 'Why are you cancelling?' });
      await dialog.waitFor();
      expect(await dialog.getAttribute('aria-modal')).toBe('true');
      // A centred (modal) card takes focus: the first option.
      await expect.poll(() => focusedInWidget(page, 'otklik-survey-custom')).toBe('input');
      // Required: Next without an answer shows the message and sends nothing.
      await widget.getByRole('button', { name: 'Next' }).click();
      await widget.getByRole('alert').getByText(UI_EN.required).waitFor();
      expect(calls('responses', 'custom-key')).toHaveLength(0);
      await widget.getByRole('radio', { name: 'Missing features' }).check();
      await widget.getByRole('button', { name: 'Next' }).click();
      await widget.getByRole('dialog', { name: 'What will you use instead?' }).waitFor();
      await widget.getByRole('checkbox', { name: 'Another product' }).check();
      await widget.getByRole('checkbox', { name: 'Our own tool' }).check();
      await widget.getByRole('button', { name: 'Send' }).click();
      await widget.getByText(UI_EN.thanks).waitFor();
      await expect.poll(() => calls('responses', 'custom-key').length).toBe(2);
      const [first, last] = calls('responses', 'custom-key');
      expect(first.body).toMatchObject({ answers: { reason: 'features' }, finished: false, hiddenFields: { plan: 'pro' } });
      expect(last.body).toMatchObject({
        idempotencyKey: first.body.idempotencyKey,
        answers: { reason: 'features', alternatives: ['competitor', 'inhouse'] },
        finished: true,
        hiddenFields: { plan: 'pro' },
      });
      expect(last.status).toBe(200);
      expect(pageErrors).toEqual([]);
    } catch (error) {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'widget-custom-failure.png'), fullPage: true }).catch(() => {});
      throw error;
    } finally {
      await fresh.close();
    }
  }, 60_000);
});
