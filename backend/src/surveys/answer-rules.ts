import type { FieldError } from '../common/http/api-error';
import { Answers, AnswerValue, MATRIX_ROWS_MAX, Question, TEXT_ANSWER_MAX } from '@otklik/survey-model';

export interface DerivedAnswerColumns {
  /** The first nps/rating answer: what NPS/CSAT/CES are computed from. */
  score: number | null;
  scoreScaleMax: number | null;
  /** The first open-text answer: what complaint clustering reads. */
  comment: string | null;
}

function checkValue(q: Question, value: AnswerValue): string | null {
  switch (q.type) {
    case 'nps':
    case 'rating': {
      const min = q.type === 'nps' ? 0 : (q.scale?.min ?? 1);
      const max = q.type === 'nps' ? 10 : (q.scale?.max ?? 5);
      return Number.isInteger(value) && (value as number) >= min && (value as number) <= max
        ? null
        : `must be a whole number from ${min} to ${max}`;
    }
    case 'text': {
      const limit = Math.min(q.maxLength ?? TEXT_ANSWER_MAX, TEXT_ANSWER_MAX);
      if (typeof value !== 'string') return 'must be text';
      return value.length <= limit ? null : `must be at most ${limit} characters`;
    }
    case 'single_choice':
      return typeof value === 'string' && (q.options ?? []).some((o) => o.id === value)
        ? null
        : `must be one of: ${(q.options ?? []).map((o) => o.id).join(', ')}`;
    case 'multi_choice': {
      const ids = new Set((q.options ?? []).map((o) => o.id));
      return Array.isArray(value) &&
        value.length <= ids.size &&
        new Set(value).size === value.length &&
        value.every((v) => typeof v === 'string' && ids.has(v))
        ? null
        : `must be a list of distinct option ids from: ${[...ids].join(', ')}`;
    }
    case 'matrix':
      return checkMatrix(q, value);
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A matrix answer: an object of known row ids, each a whole number on the question's scale. */
function checkMatrix(q: Question, value: AnswerValue): string | null {
  const rows = (q.rows ?? []).map((r) => r.id);
  const min = q.scale?.min ?? 1;
  const max = q.scale?.max ?? 5;
  if (!isPlainObject(value)) return `must be an object of row id → whole number from ${min} to ${max} (rows: ${rows.join(', ')})`;
  const entries = Object.entries(value);
  if (entries.length > MATRIX_ROWS_MAX) return `has more rows than the question (rows: ${rows.join(', ')})`;
  const unknown = entries.find(([row]) => !rows.includes(row));
  if (unknown) return `row "${unknown[0].slice(0, 40)}" is not a row of this question (rows: ${rows.join(', ')})`;
  const bad = entries.find(([, v]) => !Number.isInteger(v) || (v as number) < min || (v as number) > max);
  if (bad) return `row ${bad[0]} must be a whole number from ${min} to ${max}`;
  return null;
}

const isBlank = (value: AnswerValue | undefined) =>
  value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);

/** A required matrix needs every row; other questions need a non-blank value. */
const isUnanswered = (q: Question, value: AnswerValue | undefined) =>
  q.type === 'matrix' ? !isPlainObject(value) || (q.rows ?? []).some((r) => value[r.id] === undefined) : isBlank(value);

/**
 * Checks answers against one survey version: known question ids, values in range, and — when the
 * response is being finished — every required question answered (in `merged`, all answers so far).
 */
export function checkAnswers(questions: Question[], answers: Answers, finished: boolean, merged: Answers = answers): FieldError[] {
  const errors: FieldError[] = [];
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const [id, value] of Object.entries(answers)) {
    const q = byId.get(id);
    const problem = q ? checkValue(q, value) : `is not a question of this survey (known: ${[...byId.keys()].join(', ')})`;
    if (problem) errors.push({ field: `answers.${id}`, message: `answers.${id} ${problem}` });
  }
  if (finished) {
    for (const q of questions) {
      if (!q.required || !isUnanswered(q, merged[q.id])) continue;
      const message = q.type === 'matrix' ? `answers.${q.id} is required: rate every row` : `answers.${q.id} is required`;
      errors.push({ field: `answers.${q.id}`, message });
    }
  }
  return errors;
}

export function deriveColumns(questions: Question[], answers: Answers): DerivedAnswerColumns {
  const scoreQuestion = questions.find((q) => q.type === 'nps' || q.type === 'rating');
  const textQuestion = questions.find((q) => q.type === 'text');
  const score = scoreQuestion ? answers[scoreQuestion.id] : undefined;
  const comment = textQuestion ? answers[textQuestion.id] : undefined;
  return {
    score: typeof score === 'number' ? score : null,
    scoreScaleMax: scoreQuestion ? (scoreQuestion.type === 'nps' ? 10 : (scoreQuestion.scale?.max ?? 5)) : null,
    comment: typeof comment === 'string' && comment.trim() !== '' ? comment : null,
  };
}
