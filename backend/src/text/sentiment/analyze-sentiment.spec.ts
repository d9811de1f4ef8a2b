import { describe, expect, it } from 'vitest';
import { analyzeSentiment, normalizeLanguageCode } from './analyze-sentiment';
import { emoticonScore } from './emoticons';
import { ENGLISH_LEXICON, ENGLISH_LEXICON_PROBLEMS } from './english-lexicon';
import { scoreTokens, StemTable, tokenize } from './lexicon-scorer';
import { RUSSIAN_LEXICON, RUSSIAN_LEXICON_PROBLEMS } from './russian-lexicon';

const ru = (text: string) => scoreTokens(tokenize(text), RUSSIAN_LEXICON);
const en = (text: string) => scoreTokens(tokenize(text), ENGLISH_LEXICON);

describe('Russian lexicon scoring', () => {
  it('matches stems as prefixes and reads ё as е', () => {
    expect(ru('хорошо')).toBe(2);
    expect(ru('хорошая')).toBe(2);
    expect(ru('всё пришло')).toBe(0);
    expect(ru('Ещё хуже')).toBe(-2);
  });

  it('flips the next polar word after a negator, mildly for negative words', () => {
    expect(ru('не хорошо')).toBeCloseTo(-1.8); // 2 × -0.9
    expect(ru('не плохо')).toBeCloseTo(0.8); // -2 × -0.4
    expect(ru('не очень понравилось')).toBeCloseTo(-1.08); // 2 × 0.6 (softened) × -0.9
  });

  it('scores failures that only show when negated', () => {
    expect(ru('работает')).toBe(0);
    expect(ru('не работает')).toBe(-1.5);
    expect(ru('нет связи')).toBe(-1.5);
    expect(ru('без проблем')).toBeCloseTo(0.6); // "без" negates "проблем" (-1.5)
  });

  it('ends negation at clause punctuation', () => {
    expect(ru('не знаю, хорошо')).toBe(2);
  });

  it('multiplies by intensifiers, even misspelt ones', () => {
    expect(ru('очень хорошо')).toBe(3);
    expect(ru('оч хорошо')).toBe(3);
    expect(ru('оооочень хорошо')).toBe(3);
    expect(ru('совсем не работает')).toBeCloseTo(-2.1); // -1.5 × 1.4
  });

  it('weighs what follows "но" over what precedes it', () => {
    expect(ru('хорошо, но дорого')).toBeCloseTo(2 * 0.5 - 1.5 * 1.3);
  });

  it('amplifies exclamations and capitals, damps questions', () => {
    expect(ru('хорошо!')).toBeCloseTo(2 * 1.12);
    expect(ru('УЖАС')).toBeCloseTo(-3 * 1.3);
    expect(ru('какой банк лучший?')).toBeCloseTo(2.5 * 0.3);
  });

  it('reads praise opening a complaint as irony', () => {
    // "браво" 2.5 opens, then "сбой" -1.5: 2.5 - 1.5 - 2.5 × 1.5
    expect(ru('Браво, Сбер, третий сбой')).toBeCloseTo(-2.75);
    expect(ru('Спасибо, всё пришло')).toBeCloseTo(1.8);
  });

  it('damps praise in requests', () => {
    expect(ru('подскажите хороший магазин')).toBeCloseTo(2 * 0.4);
    expect(ru('раньше был лучший банк')).toBeCloseTo(-2.25); // "раньше" puts it in the past
  });

  it('knows slang and phrases', () => {
    expect(ru('пицца огонь')).toBe(3);
    expect(ru('кидалово')).toBe(-2.5);
    expect(ru('так себе')).toBe(-1.5);
    expect(ru('ни разу не подвели')).toBe(2);
  });
});

describe('English scoring', () => {
  it('uses AFINN with scoped negation', () => {
    expect(en('great')).toBe(3);
    expect(en('not great')).toBeCloseTo(-2.7);
    expect(en("doesn't work")).toBe(-2); // our phrase
    expect(en("didn't respond")).toBe(-1.5);
    expect(en('not bad')).toBe(1);
  });

  it('corrects AFINN where customer posts read differently', () => {
    expect(en('customer support')).toBe(0);
    expect(en('the app is slow')).toBe(-1.5);
    expect(en('very slow')).toBeCloseTo(-2.25);
  });
});

describe('emoticons', () => {
  it('counts bracket smiles and frowns, not ordinary brackets', () => {
    expect(emoticonScore('спасибо)')).toBeCloseTo(1.1);
    expect(emoticonScore('ну вот(((')).toBeCloseTo(-2);
    expect(emoticonScore('заказ (номер 5) пришёл')).toBe(0);
    expect(emoticonScore(':(')).toBeCloseTo(-1.1);
  });

  it('weighs emoji, a repeated one a little more', () => {
    expect(emoticonScore('👍')).toBeCloseTo(1.6);
    expect(emoticonScore('👍👍👍')).toBeCloseTo(1.6 * 1.3);
    expect(emoticonScore('😡')).toBeCloseTo(-2.2);
    expect(emoticonScore('🤔')).toBeCloseTo(-0.3);
  });
});

describe('analyzeSentiment', () => {
  it('labels Russian posts', () => {
    expect(analyzeSentiment('Доставили быстро, курьер вежливый, спасибо!')).toMatchObject({ label: 1, language: 'ru' });
    expect(analyzeSentiment('Третий день не могу дозвониться в поддержку(((')).toMatchObject({ label: -1, language: 'ru' });
    expect(analyzeSentiment('Сбербанк меняет ставки по вкладам с понедельника')).toMatchObject({ label: 0, language: 'ru' });
  });

  it('labels English posts', () => {
    expect(analyzeSentiment('Great service, thanks!')).toMatchObject({ label: 1, language: 'en' });
    expect(analyzeSentiment('The app keeps crashing, useless')).toMatchObject({ label: -1, language: 'en' });
    expect(analyzeSentiment('Amazon opens a new warehouse in Ohio')).toMatchObject({ label: 0, language: 'en' });
  });

  it('falls back to emoji for other languages and for und', () => {
    expect(analyzeSentiment('Die Lieferung war schlecht')).toMatchObject({ label: 0, language: 'de' });
    expect(analyzeSentiment('Die Lieferung war schlecht 😡')).toMatchObject({ label: -1, language: 'de' });
    expect(analyzeSentiment('🔥🔥')).toMatchObject({ label: 1, language: 'und' });
    expect(analyzeSentiment('')).toEqual({ label: 0, score: 0, language: 'und' });
    expect(analyzeSentiment('   ', 'ru')).toEqual({ label: 0, score: 0, language: 'ru' });
  });

  it('uses a given language instead of detecting', () => {
    expect(analyzeSentiment('Супер', 'ru-RU')).toMatchObject({ label: 1, language: 'ru' });
    expect(analyzeSentiment('Супер', 'en')).toMatchObject({ label: 0, language: 'en' });
  });

  it('keeps the score in -1..1 with the label sign', () => {
    for (const text of ['УЖАС УЖАС УЖАС!!!', 'лучший лучший лучший 😍😍', 'ок']) {
      const { label, score } = analyzeSentiment(text);
      expect(Math.abs(score)).toBeLessThanOrEqual(1);
      if (label !== 0) expect(Math.sign(score)).toBe(label);
    }
  });

  it('normalizes language codes', () => {
    expect(normalizeLanguageCode('ru_RU')).toBe('ru');
    expect(normalizeLanguageCode('EN')).toBe('en');
    expect(normalizeLanguageCode('??')).toBe('und');
  });
});

describe('StemTable', () => {
  it('reports short stems and duplicates, and the shipped lexicons have none', () => {
    expect(new StemTable('1: abc').problems).toEqual(['Lexicon stem "abc" is shorter than 4 letters; list it as =abc']);
    expect(new StemTable('1: =ok\n2: =ok').problems).toEqual(['Lexicon lists "ok" twice']);
    expect(new StemTable('1: abc').lookup('abcd')).toBeUndefined();
    expect(RUSSIAN_LEXICON_PROBLEMS).toEqual([]);
    expect(ENGLISH_LEXICON_PROBLEMS).toEqual([]);
    const table = new StemTable('1: хорош =рад\n-2: =так_себе');
    expect(table.lookup('хорошенько')).toBe(1);
    expect(table.lookup('радуга')).toBeUndefined();
    expect(table.phrases().get('так себе')).toBe(-2);
  });
});
