import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language/detect-language';
import { analyze, processingLanguage, stem, stopWordLanguage, tokenize } from './tokenize';

describe('tokenize', () => {
  it('splits on anything but letters and digits', () => {
    expect(tokenize('курьер-хам, не пришел!!! 4g')).toEqual(['курьер', 'хам', 'не', 'пришел', '4g']);
  });
});

describe('the language of a text', () => {
  const samples = [
    ['где мой заказ я жду уже неделю', 'ru'],
    ['къде е моята поръчка, чакам вече седмица и това не е нормално', 'bg'],
    ['де моє замовлення, чекаю вже тиждень', 'uk'],
    ['where is my order i have been waiting for a week', 'en'],
    ['meine bestellung ist nicht angekommen und ich warte seit einer woche', 'de'],
    ['123 456', 'und'],
  ] as const;

  it('is what the one detector says, the same that tags mentions and feedback texts', () => {
    for (const [text, language] of samples) {
      expect(analyze(text).language).toBe(language);
      expect(detectLanguage(text)).toBe(language);
    }
  });

  it('picks the stop words: Ukrainian the Russian list, an undecided text its script’s', () => {
    expect(stopWordLanguage('uk', tokenize('де моє замовлення'))).toBe('ru');
    expect(stopWordLanguage('und', tokenize('заказ 123'))).toBe('ru');
    expect(stopWordLanguage('und', tokenize('ok 123'))).toBe('en');
    expect(stopWordLanguage('und', tokenize('123 456'))).toBe('none');
    expect(stopWordLanguage('bg', [])).toBe('bg');
  });

  it('is processed as Russian when only barely Bulgarian (its words keep their stems), as Bulgarian otherwise', () => {
    expect(processingLanguage({ language: 'bg', confidence: 0.01 })).toBe('ru');
    expect(processingLanguage({ language: 'bg', confidence: 0.5 })).toBe('bg');
    expect(processingLanguage({ language: 'uk', confidence: 0.01 })).toBe('uk');
    const unsure = 'коробка с пиццей помята, начинка вся сбоку';
    expect(analyze(unsure).language).toBe('bg');
    expect(analyze(unsure).tokens.map((t) => t.stem)).toContain(stem('пиццей', 'ru'));
  });
});

describe('stem', () => {
  it('gives Russian word forms one stem', () => {
    const forms = ['доставка', 'доставки', 'доставкой', 'доставку', 'доставке'];
    expect(new Set(forms.map((f) => stem(f, 'ru')))).toEqual(new Set(['доставк']));
    expect(stem('курьеры', 'ru')).toBe(stem('курьер', 'ru'));
  });

  it('stems English and German words, leaves Bulgarian as written', () => {
    expect(stem('refunds', 'en')).toBe('refund');
    expect(stem('charged', 'en')).toBe(stem('charging', 'en'));
    expect(stem('zahlungen', 'de')).toBe('zahlung');
    expect(stem('поръчката', 'bg')).toBe('поръчката');
  });

  it('stems by the token’s own script inside a text of another language', () => {
    expect(stem('refunds', 'ru')).toBe('refund');
  });
});

describe('analyze', () => {
  it('treats ё and е spellings as the same word', () => {
    const a = analyze('Ещё не пришёл заказ');
    const b = analyze('еще не пришел заказ');
    expect(a.tokens.map((t) => t.stem)).toEqual(b.tokens.map((t) => t.stem));
  });

  it('drops stop words and keeps negations', () => {
    const { language, tokens } = analyze('Я не получил мой заказ и деньги');
    expect(language).toBe('ru');
    expect(tokens.map((t) => t.surface)).toEqual(['не', 'получил', 'заказ', 'деньги']);
    expect(analyze('The card did not arrive').tokens.map((t) => t.surface)).toEqual(['card', 'not', 'arrive']);
  });

  it('tokenizes German and Bulgarian texts', () => {
    expect(analyze('Die Lieferung ist nicht angekommen').tokens.map((t) => t.surface)).toEqual(['lieferung', 'nicht', 'angekommen']);
    expect(analyze('Поръчката ми не е пристигнала').tokens.map((t) => t.surface)).toEqual(['поръчката', 'не', 'пристигнала']);
  });
});
