import { describe, expect, it } from 'vitest';
import { checkAnswers, deriveColumns } from './answer-rules';
import { defaultQuestions, type Question } from '@otklik/survey-model';

const custom: Question[] = [
  {
    id: 'plan',
    type: 'single_choice',
    required: true,
    text: { en: 'Plan?' },
    options: [
      { id: 'free', label: { en: 'Free' } },
      { id: 'pro', label: { en: 'Pro' } },
    ],
  },
  {
    id: 'tags',
    type: 'multi_choice',
    required: false,
    text: { en: 'Tags?' },
    options: [
      { id: 'a', label: { en: 'A' } },
      { id: 'b', label: { en: 'B' } },
    ],
  },
  { id: 'ease', type: 'rating', required: false, text: { en: 'Ease' }, scale: { min: 1, max: 7 } },
  { id: 'note', type: 'text', required: false, text: { en: 'Note' }, maxLength: 10 },
];

describe('checkAnswers', () => {
  it('accepts valid answers of every type', () => {
    expect(checkAnswers(custom, { plan: 'pro', tags: ['a', 'b'], ease: 7, note: 'ok' }, true)).toEqual([]);
  });

  it('names each bad answer', () => {
    const errors = checkAnswers(custom, { plan: 'gold', tags: ['a', 'a'], ease: 0, note: 'x'.repeat(11), extra: 1 }, false);
    expect(errors.map((e) => e.field)).toEqual(['answers.plan', 'answers.tags', 'answers.ease', 'answers.note', 'answers.extra']);
    expect(errors[3].message).toBe('answers.note must be at most 10 characters');
  });

  it('checks required questions only when finishing, over all answers so far', () => {
    expect(checkAnswers(custom, { ease: 3 }, false)).toEqual([]);
    expect(checkAnswers(custom, { ease: 3 }, true)).toEqual([{ field: 'answers.plan', message: 'answers.plan is required' }]);
    expect(checkAnswers(custom, { ease: 3 }, true, { plan: 'free', ease: 3 })).toEqual([]);
    expect(checkAnswers(custom, { plan: '   ' }, true).map((e) => e.field)).toContain('answers.plan');
  });
});

describe('deriveColumns', () => {
  it('takes the score and comment that metrics and clustering read', () => {
    expect(deriveColumns(defaultQuestions('nps'), { score: 6, comment: 'Slow' })).toEqual({ score: 6, scoreScaleMax: 10, comment: 'Slow' });
    expect(deriveColumns(defaultQuestions('ces', 5), { score: 2, comment: '  ' })).toEqual({ score: 2, scoreScaleMax: 5, comment: null });
    expect(deriveColumns(custom, { note: 'hi' })).toEqual({ score: null, scoreScaleMax: 7, comment: 'hi' });
  });
});
