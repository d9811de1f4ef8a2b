import { describe, expect, it } from 'vitest';
import { chooseLanguage, localizeQuestions } from './localize';
import { defaultQuestions } from './built-in-wording';

describe('chooseLanguage', () => {
  it('matches exact codes, then base languages, then falls back to the default', () => {
    expect(chooseLanguage('bg', ['en', 'bg'], 'en')).toBe('bg');
    expect(chooseLanguage('ru-RU', ['en', 'ru'], 'en')).toBe('ru');
    expect(chooseLanguage('ja', ['en', 'ru'], 'ru')).toBe('ru');
    expect(chooseLanguage(undefined, ['en'], 'en')).toBe('en');
    // A comma list in order of preference: the first candidate the survey has wins, empty ones are skipped.
    expect(chooseLanguage(',de,bg-BG,ru', ['en', 'ru', 'bg'], 'en')).toBe('bg');
    expect(chooseLanguage('ja,,zh-CN', ['en', 'ru'], 'ru')).toBe('ru');
  });
});

describe('localizeQuestions', () => {
  it('resolves every text of the NPS template to one language', () => {
    const [score, comment] = localizeQuestions(defaultQuestions('nps'), 'de', 'en');
    expect(score.text).toContain('empfehlen');
    expect(score.scale).toEqual({ min: 0, max: 10, minLabel: 'Überhaupt nicht wahrscheinlich', maxLabel: 'Äußerst wahrscheinlich' });
    expect(comment.textByScore?.bands[0]).toEqual({ min: 0, max: 6, text: 'Was ist schiefgelaufen? Was sollten wir zuerst verbessern?' });
    expect(comment.maxLength).toBe(5000);
  });

  it('falls back to the default language for a missing translation', () => {
    const [q] = localizeQuestions([{ id: 'q', type: 'text', required: false, text: { en: 'Why?' } }], 'ru', 'en');
    expect(q.text).toBe('Why?');
  });
});
