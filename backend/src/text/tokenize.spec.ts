import { describe, expect, it } from 'vitest';
import { analyze, guessLanguage, stem, tokenize } from './tokenize';

describe('tokenize', () => {
  it('splits on anything but letters and digits', () => {
    expect(tokenize('курьер-хам, не пришел!!! 4g')).toEqual(['курьер', 'хам', 'не', 'пришел', '4g']);
  });

  it('guesses the language from script and function words', () => {
    expect(guessLanguage(tokenize('где мой заказ я жду уже неделю'))).toBe('ru');
    expect(guessLanguage(tokenize('къде е моята поръчка, чакам вече седмица и това не е нормално'))).toBe('bg');
    expect(guessLanguage(tokenize('where is my order i have been waiting for a week'))).toBe('en');
    expect(guessLanguage(tokenize('meine bestellung ist nicht angekommen und ich warte seit einer woche'))).toBe('de');
    expect(guessLanguage(tokenize('123 456'))).toBe('other');
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
