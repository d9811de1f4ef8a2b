import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicSurveyConfig } from '@otklik/survey-model';
import { launchChromium } from '../support/browser';

/**
 * The rating matrix (issue 17) in the real custom widget bundle, rendered in preview mode (no network): one native
 * radio group per parameter named by its legend, keyboard use (arrows within a row, Tab to the next), the required
 * check naming the unrated rows, the answer the widget hands on, and the phone layout (name above the scale).
 */
const BUNDLE = readFileSync(join(__dirname, '..', '..', 'survey-widgets', 'dist', 'custom.js'), 'utf8');
const ROWS = ['price', 'assortment', 'delivery', 'payment', 'service', 'extras'];
const LABELS = ['Price', 'Assortment', 'Delivery', 'Payment', 'Customer service', 'Extras and gifts'];

const CONFIG: PublicSurveyConfig = {
  publicKey: 'matrix-key',
  kind: 'custom',
  version: 1,
  language: 'en',
  direction: 'ltr',
  questions: [
    { id: 'score', type: 'rating', required: true, text: 'Overall, how satisfied are you?', scale: { min: 1, max: 5 }, maxLength: 5000 },
    {
      id: 'parameters',
      type: 'matrix',
      required: true,
      text: 'How satisfied are you with each of these?',
      scale: { min: 1, max: 5 },
      rows: ROWS.map((id, i) => ({ id, label: LABELS[i] })),
      maxLength: 5000,
    },
    { id: 'likes', type: 'text', required: false, text: 'What do you like?', maxLength: 2000 },
  ],
  displayRules: { trigger: 'page_load', samplePercent: 100, recontactDays: 30, stopAfterResponse: true },
  theme: { primaryColor: '#3451d1', position: 'bottom-right' },
  eligible: true,
  ui: {
    next: 'Next',
    submit: 'Send',
    close: 'Close',
    thanks: 'Thank you!',
    required: 'Please answer this question',
    placeholder: 'Your answer',
    scoreLabel: '{score} out of {max}',
  },
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

async function open(width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.setContent('<!doctype html><html lang="en"><body><main><h1>Shop</h1></main></body></html>');
  await page.addScriptTag({ content: BUNDLE });
  await page.evaluate((config) => {
    const element = document.createElement('otklik-survey-custom') as HTMLElement & { config: unknown; context: unknown };
    element.config = config;
    element.context = { apiBase: '', respondentId: 'r-test-0001', preview: true };
    (window as unknown as { finished: unknown }).finished = null;
    element.addEventListener('otklik:finish', (e) => ((window as unknown as { finished: unknown }).finished = (e as CustomEvent).detail));
    document.body.append(element);
  }, CONFIG);
  const widget = page.locator('otklik-survey-custom');
  await widget.getByRole('radio', { name: '4 out of 5' }).click();
  await expect.poll(() => widget.locator('fieldset').count()).toBe(ROWS.length);
  return page;
}

describe('the rating matrix widget', () => {
  it('is one named radio group per parameter, used by keyboard, and refuses to go on until every row is rated', async () => {
    const page = await open(1440);
    const widget = page.locator('otklik-survey-custom');
    // Each parameter is a group named by its legend, with one radio per score named "n out of 5".
    for (const label of LABELS) {
      const group = widget.getByRole('group', { name: label });
      await expect.poll(() => group.getByRole('radio').count()).toBe(5);
    }
    // Keyboard: into the first row, arrows move and choose within it, Tab goes on to the next row.
    await widget.getByRole('group', { name: 'Price' }).getByRole('radio', { name: '1 out of 5' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await widget.getByRole('group', { name: 'Price' }).getByRole('radio', { name: '4 out of 5' }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const active = document.querySelector('otklik-survey-custom')!.shadowRoot!.activeElement as HTMLInputElement;
      return { name: active.name, label: active.getAttribute('aria-label') };
    });
    expect(focused).toEqual({ name: 'assortment', label: '1 out of 5' });
    await page.keyboard.press('Space');
    // Two of six rated: Next says the question needs an answer, and the widget stays on it.
    await widget.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => widget.getByRole('alert').textContent()).toBe('Please answer this question');
    expect(await widget.locator('fieldset.miss, fieldset[class*="miss"]').count()).toBe(4);
    for (const [row, score] of [
      ['Delivery', 2],
      ['Payment', 5],
      ['Customer service', 4],
      ['Extras and gifts', 3],
    ] as const) {
      await widget.getByRole('group', { name: row }).getByText(String(score), { exact: true }).click();
    }
    await widget.getByRole('button', { name: 'Next' }).click();
    await widget.getByRole('textbox').fill('Fresh vegetables');
    await widget.getByRole('button', { name: 'Send' }).click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { finished: { answers: unknown } | null }).finished?.answers))
      .toEqual({
        score: 4,
        parameters: { price: 4, assortment: 1, delivery: 2, payment: 5, service: 4, extras: 3 },
        likes: 'Fresh vegetables',
      });
    await page.close();
  });

  it('puts each name above its scale on a 390 px phone, with 44 px targets inside the screen', async () => {
    const page = await open(390);
    const boxes = await page.evaluate(() => {
      const root = document.querySelector('otklik-survey-custom')!.shadowRoot!;
      return [...root.querySelectorAll('fieldset')].map((fieldset) => {
        const legend = fieldset.querySelector('legend')!.getBoundingClientRect();
        const spans = [...fieldset.querySelectorAll('label span')].map((s) => s.getBoundingClientRect());
        return {
          legendBottom: legend.bottom,
          scaleTop: Math.min(...spans.map((s) => s.top)),
          minHeight: Math.min(...spans.map((s) => s.height)),
          right: Math.max(...spans.map((s) => s.right)),
          rows: new Set(spans.map((s) => Math.round(s.top))).size,
        };
      });
    });
    expect(boxes).toHaveLength(6);
    for (const box of boxes) {
      expect(box.legendBottom).toBeLessThanOrEqual(box.scaleTop);
      expect(box.minHeight).toBeGreaterThanOrEqual(44);
      expect(box.right).toBeLessThanOrEqual(390);
      expect(box.rows).toBe(1);
    }
    await page.close();
  });
});
