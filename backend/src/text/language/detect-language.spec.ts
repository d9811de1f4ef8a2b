import { describe, expect, it } from 'vitest';
import { detectLanguage, detectLanguageWithConfidence } from './detect-language';

describe('detectLanguage', () => {
  it('tells Russian from Bulgarian by letters only one of them writes', () => {
    expect(detectLanguage('Доставили быстро, спасибо')).toBe('ru'); // ы, ь
    expect(detectLanguage('Поръчах го вчера, дойде днес')).toBe('bg'); // ъ inside a word
    expect(detectLanguage('Объявление снято')).toBe('ru'); // ъ before я/е is Russian
    expect(detectLanguage('Шофьорът беше любезен')).toBe('bg'); // ьо, ъ
  });

  it('uses Bulgarian function words when letters are shared', () => {
    expect(detectLanguage('Това е много добре')).toBe('bg');
    expect(detectLanguage('Какво става с доставките?')).toBe('bg');
    expect(detectLanguage('Это очень хорошо')).toBe('ru');
  });

  it('does not call Ukrainian Russian', () => {
    expect(detectLanguage('Дякую за швидку доставку')).toBe('uk');
    expect(detectLanguage('Інтернет знову не працює')).toBe('uk');
    expect(detectLanguage("Кур'єр приїхав вчасно")).toBe('uk');
  });

  it('reads ё and capitals like the rest', () => {
    expect(detectLanguage('ВСЁ ПРИШЛО')).toBe('ru');
    expect(detectLanguage('Ещё жду')).toBe('ru');
  });

  it('tells English from German', () => {
    expect(detectLanguage('The delivery was late again')).toBe('en');
    expect(detectLanguage('Die Lieferung kam schon wieder zu spät')).toBe('de');
    expect(detectLanguage('Danke für die schnelle Hilfe')).toBe('de');
  });

  it('keeps a Cyrillic post Russian despite Latin brand names', () => {
    expect(detectLanguage('Заказал AirPods Pro на Ozon')).toBe('ru');
  });

  it('answers und when there is nothing to go on', () => {
    expect(detectLanguage('')).toBe('und');
    expect(detectLanguage('🔥🔥🔥')).toBe('und');
    expect(detectLanguage('https://t.co/abc123 @ozon_ru')).toBe('und');
    expect(detectLanguage('12345 !!!')).toBe('und');
    expect(detectLanguage('iPhone')).toBe('und');
  });

  it('reports more confidence for clearer text', () => {
    const clear = detectLanguageWithConfidence('Поръчах телефон, пристигна счупен и никой не отговаря');
    const vague = detectLanguageWithConfidence('Супер');
    expect(clear.language).toBe('bg');
    expect(clear.confidence).toBeGreaterThan(vague.confidence);
    expect(detectLanguageWithConfidence('').confidence).toBe(0);
  });
});
