import { describe, expect, it } from 'vitest';
import { bg } from '@otklik/frontend/src/lib/i18n/bg';
import { en } from '@otklik/frontend/src/lib/i18n/en';
import { INTL_TAGS, LOCALES, localeFromLanguages, type Locale } from '@otklik/frontend/src/lib/i18n/locales';
import { ru } from '@otklik/frontend/src/lib/i18n/ru';

/**
 * The dashboard's dictionaries, checked as data: svelte-check already rejects a dictionary whose typed keys
 * differ from English, but `as Record<string, string>` maps, arrays and empty strings slip past the types.
 */

const dictionaries: Record<Locale, unknown> = { en, ru, bg };

type Leaf = string | ((...args: unknown[]) => unknown);

/** Every leaf (string or message function) by its dotted path; array items by index. */
function leaves(value: unknown, path = '', out = new Map<string, Leaf>()): Map<string, Leaf> {
  if (typeof value === 'string' || typeof value === 'function') {
    out.set(path, value as Leaf);
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) leaves(child, path ? `${path}.${key}` : key, out);
  } else {
    out.set(path, value as Leaf); // numbers, null…: reported as not a string below
  }
  return out;
}

/** What a message function says for small and larger counts; string arguments when numbers do not fit. */
function renderings(fn: (...args: unknown[]) => unknown): unknown[] {
  return [1, 7].map((sample) => {
    const withStrings = () => fn(...Array.from({ length: fn.length }, () => String(sample)));
    try {
      const text = fn(...Array.from({ length: fn.length }, () => sample));
      return typeof text === 'string' ? text : withStrings();
    } catch {
      return withStrings();
    }
  });
}

/** Texts that read the same in every language: acronyms, numbers and product names. */
const NEUTRAL = /^[\sA-Z0-9%×·→,.:;()/+–—-]*$/;
const PRODUCT_NAMES = new Set(['Otklik', 'JavaScript', 'JavaScript API', 'Telegram', 'WhatsApp']);
const isNeutral = (text: string) => NEUTRAL.test(text) || PRODUCT_NAMES.has(text);
const CYRILLIC = /[\u0400-\u04FF]/;

describe('dashboard dictionaries', () => {
  const english = leaves(en);

  it('cover every UI language', () => {
    expect(Object.keys(dictionaries).sort()).toEqual([...LOCALES].sort());
    expect(english.size).toBeGreaterThan(1000);
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s has exactly the keys of English', (locale) => {
    const keys = [...leaves(dictionaries[locale]).keys()].sort();
    expect(keys).toEqual([...english.keys()].sort());
  });

  it.each(LOCALES)('%s has no empty text, and each message function returns text', (locale) => {
    const problems: string[] = [];
    for (const [path, leaf] of leaves(dictionaries[locale])) {
      if (typeof leaf === 'string') {
        if (leaf.trim() === '') problems.push(`${path} is empty`);
      } else if (typeof leaf === 'function') {
        if (typeof english.get(path) !== 'function' || (english.get(path) as Leaf & { length: number }).length !== leaf.length)
          problems.push(`${path} takes other arguments than in English`);
        for (const text of renderings(leaf)) {
          if (typeof text !== 'string' || text.trim() === '' || /undefined|NaN|\[object/.test(text))
            problems.push(`${path} renders ${JSON.stringify(text)}`);
        }
      } else {
        problems.push(`${path} is a ${typeof leaf}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('Bulgarian is translated: every text is Cyrillic unless it reads the same in any language', () => {
    const untranslated: string[] = [];
    for (const [path, leaf] of leaves(bg)) {
      const texts = typeof leaf === 'function' ? renderings(leaf) : [leaf];
      for (const text of texts) {
        if (typeof text === 'string' && !CYRILLIC.test(text) && !isNeutral(text)) untranslated.push(`${path}: ${text}`);
      }
    }
    expect(untranslated).toEqual([]);
  });

  it('Bulgarian counts take the one/other forms (1 казус, 2 казуса, 21 казуса)', () => {
    expect(bg.cases.list.shown(1, false)).toBe('1 казус');
    expect(bg.cases.list.shown(2, false)).toBe('2 казуса');
    expect(bg.cases.list.shown(21, false)).toBe('21 казуса');
    expect(bg.cases.bulk.assigned(1, 'Мария')).toBe('1 казус е възложен на Мария.');
    expect(bg.cases.bulk.assigned(3, 'Мария')).toBe('3 казуса са възложени на Мария.');
    expect(bg.mentions.feed.newItems(1)).toBe('1 ново споменаване');
    expect(bg.mentions.feed.newItems(4)).toBe('4 нови споменавания');
    expect(bg.touchpoints.surveys(1)).toBe('1 анкета');
    expect(bg.touchpoints.surveys(0)).toBe('0 анкети');
    // Russian keeps its three forms.
    expect([1, 3, 5].map((n) => ru.cases.list.shown(n, false))).toEqual(['1 обращение', '3 обращения', '5 обращений']);
  });
});

describe('localeFromLanguages', () => {
  it.each([
    [['bg'], 'bg'],
    [['bg-BG'], 'bg'],
    [['BG-bg', 'en'], 'bg'],
    [['bg_BG'], 'bg'],
    [['', ' ', 'bg-BG'], 'bg'],
    [['ru'], 'ru'],
    [['ru-RU', 'bg-BG'], 'ru'],
    [['ru-UA'], 'ru'],
    [['en-US', 'bg-BG'], 'en'],
    [['de-DE', 'ru'], 'en'],
    [['uk-UA'], 'en'],
    [['be-BY'], 'en'],
    [[], 'en'],
  ] as [string[], Locale][])('%j → %s', (languages, expected) => {
    expect(localeFromLanguages(languages)).toBe(expected);
  });

  it('formats numbers and dates with the Bulgarian tag', () => {
    expect(INTL_TAGS.bg).toBe('bg-BG');
    expect(new Intl.NumberFormat(INTL_TAGS.bg, { maximumFractionDigits: 1 }).format(12345.6)).toBe('12\u00a0345,6');
    const march = new Intl.DateTimeFormat(INTL_TAGS.bg, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 2, 12)));
    expect(march).toBe('март');
  });
});

describe('counts with a noun', () => {
  it('use each language’s plural rules ("1 answer", not "1 answers")', () => {
    const answers = (d: typeof en, n: number) => d.results.answers(n, String(n));
    expect([1, 2].map((n) => answers(en, n))).toEqual(['1 answer', '2 answers']);
    expect([1, 3, 5, 11, 21, 22].map((n) => answers(ru, n))).toEqual([
      '1 ответ',
      '3 ответа',
      '5 ответов',
      '11 ответов',
      '21 ответ',
      '22 ответа',
    ]);
    expect([1, 2, 21].map((n) => answers(bg, n))).toEqual(['1 отговор', '2 отговора', '21 отговора']);
    expect(en.churn.kpi.churnDetail('1', '1', 1)).toBe('1 of 1 customer at the start');
    expect(ru.churn.kpi.churnDetail('1', '21', 21)).toBe('1 из 21 клиента на начало периода');
  });
});
