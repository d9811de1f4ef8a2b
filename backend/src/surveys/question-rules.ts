import type { FieldError } from '../common/http/api-error';
import { MATRIX_ROWS_MAX, MATRIX_ROWS_MIN, MATRIX_SCALES } from '@otklik/survey-model';
import type { LocalizedText, Question, SurveyKind } from '@otklik/survey-model';

/** The scale a built-in kind's score question must have. */
function expectedScore(kind: SurveyKind): { type: Question['type']; min: number; maxes: number[] } | null {
  switch (kind) {
    case 'nps':
      return { type: 'nps', min: 0, maxes: [10] };
    case 'csat':
      return { type: 'rating', min: 1, maxes: [5] };
    case 'ces':
      return { type: 'rating', min: 1, maxes: [5, 7] };
    default:
      return null;
  }
}

const isScored = (q: Question) => q.type === 'nps' || q.type === 'rating';

/**
 * Rules a question list must follow beyond field shapes (those are checked by the DTOs):
 * unique ids, scales that fit the kind, choice options, follow-up bands inside the score's scale,
 * and a text in the survey's default language for everything shown.
 */
export function checkQuestions(kind: SurveyKind, questions: Question[], defaultLanguage: string): FieldError[] {
  const errors: FieldError[] = [];
  const add = (index: number, field: string, message: string) => errors.push({ field: `questions.${index}.${field}`, message });
  const needsDefault = (index: number, field: string, text: LocalizedText | undefined) => {
    if (text && !text[defaultLanguage]) add(index, field, `needs a text in the default language "${defaultLanguage}"`);
  };

  const seen = new Set<string>();
  questions.forEach((q, i) => {
    if (seen.has(q.id)) add(i, 'id', `question id "${q.id}" is used twice`);
    seen.add(q.id);
    needsDefault(i, 'text', q.text);

    if (q.type === 'nps') {
      if (q.scale && (q.scale.min !== 0 || q.scale.max !== 10)) add(i, 'scale', 'an nps question always uses 0–10');
    } else if (q.type === 'rating') {
      if (!q.scale) add(i, 'scale', 'a rating question needs a scale, e.g. { min: 1, max: 5 }');
    } else if (q.type === 'matrix') {
      const scales = MATRIX_SCALES.map((m) => `${m.min}–${m.max}`).join(', ');
      if (!q.scale || !MATRIX_SCALES.some((m) => m.min === q.scale!.min && m.max === q.scale!.max)) {
        add(i, 'scale', `a matrix question rates on one of: ${scales}`);
      }
    } else if (q.scale) {
      add(i, 'scale', `a ${q.type} question has no scale`);
    }

    if (q.type === 'matrix') {
      // Only the custom widget bundle carries the matrix (survey-widgets/README.md: the size budgets).
      if (kind !== 'custom') add(i, 'type', 'a matrix question belongs to a custom survey');
      const rows = q.rows ?? [];
      if (rows.length < MATRIX_ROWS_MIN || rows.length > MATRIX_ROWS_MAX) {
        add(i, 'rows', `a matrix question needs ${MATRIX_ROWS_MIN}–${MATRIX_ROWS_MAX} rows (parameters)`);
      }
      if (new Set(rows.map((r) => r.id)).size !== rows.length) add(i, 'rows', 'row ids must be unique');
      rows.forEach((r, j) => needsDefault(i, `rows.${j}.label`, r.label));
    } else if (q.rows) {
      add(i, 'rows', `a ${q.type} question has no rows`);
    }
    if (q.scale) {
      needsDefault(i, 'scale.minLabel', q.scale.minLabel);
      needsDefault(i, 'scale.maxLabel', q.scale.maxLabel);
    }

    const hasChoices = q.type === 'single_choice' || q.type === 'multi_choice';
    if (hasChoices) {
      const ids = (q.options ?? []).map((o) => o.id);
      if (ids.length < 2) add(i, 'options', 'a choice question needs at least two options');
      if (new Set(ids).size !== ids.length) add(i, 'options', 'option ids must be unique');
      q.options?.forEach((o, j) => needsDefault(i, `options.${j}.label`, o.label));
    } else if (q.options) {
      add(i, 'options', `a ${q.type} question has no options`);
    }

    if (q.type !== 'text' && q.maxLength !== undefined) add(i, 'maxLength', 'only text questions have maxLength');

    if (q.textByScore) {
      if (q.type !== 'text') add(i, 'textByScore', 'only text questions can change wording by score');
      const scoreIndex = questions.findIndex((other) => other.id === q.textByScore!.scoreQuestionId);
      const score = questions[scoreIndex];
      if (!score || scoreIndex >= i || !isScored(score)) {
        add(i, 'textByScore.scoreQuestionId', 'must name an nps or rating question asked before this one');
      } else {
        const min = score.type === 'nps' ? 0 : (score.scale?.min ?? 1);
        const max = score.type === 'nps' ? 10 : (score.scale?.max ?? 5);
        q.textByScore.bands.forEach((band, j) => {
          if (band.min > band.max || band.min < min || band.max > max) {
            add(i, `textByScore.bands.${j}`, `must lie within the score's scale ${min}–${max}, min ≤ max`);
          }
          needsDefault(i, `textByScore.bands.${j}.text`, band.text);
        });
      }
    }
  });

  const expected = expectedScore(kind);
  if (expected) {
    const first = questions[0];
    const scaleMax = first?.type === 'nps' ? 10 : first?.scale?.max;
    const scaleMin = first?.type === 'nps' ? 0 : first?.scale?.min;
    if (!first || first.type !== expected.type || scaleMin !== expected.min || !expected.maxes.includes(scaleMax ?? -1)) {
      errors.push({
        field: 'questions.0',
        message: `a ${kind} survey starts with its score question: ${expected.type} ${expected.min}–${expected.maxes.join(' or ')}`,
      });
    } else if (!first.required) {
      errors.push({ field: 'questions.0.required', message: `the ${kind} score question must be required` });
    }
  }
  return errors;
}
