import { createHash } from 'node:crypto';
import { matchLanguage, type Question } from '@otklik/survey-model';
import { TEXT_ANSWER_MAX } from '@otklik/survey-model';
import type { ResponseColumnTarget, ResponseImportField } from './response-columns';
import { parseHistoryDate } from './history-date';
import { RESPONSE_IMPORT_LIMITS } from './response-import-limits';

/** What a survey lets a history row be: the same rules as a live answer to its current version. */
export interface HistoryRules {
  surveyId: string;
  languages: string[];
  /** The first NPS/rating question (what live answers' score comes from), if any. */
  scoreQuestion: { id: string; min: number; max: number; required: boolean } | null;
  /** The first open-text question (what live answers' comment comes from), if any. */
  commentQuestion: { id: string; maxLength: number } | null;
  /** Answers after this are refused (the import's start: history is in the past). */
  now: Date;
}

/** Oldest date accepted: before it a date is a mistake (a day-month swap, a year typed as 24). */
const EARLIEST = Date.UTC(1990, 0, 1);
const RESPONDENT_MAX = 64;
const CUSTOMER_MAX = 200;

export function historyRules(surveyId: string, languages: string[], questions: Question[], now: Date): HistoryRules {
  const score = questions.find((q) => q.type === 'nps' || q.type === 'rating');
  const text = questions.find((q) => q.type === 'text');
  return {
    surveyId,
    languages,
    scoreQuestion: score
      ? {
          id: score.id,
          min: score.type === 'nps' ? 0 : (score.scale?.min ?? 1),
          max: score.type === 'nps' ? 10 : (score.scale?.max ?? 5),
          required: !!score.required,
        }
      : null,
    commentQuestion: text ? { id: text.id, maxLength: Math.min(text.maxLength ?? TEXT_ANSWER_MAX, TEXT_ANSWER_MAX) } : null,
    now,
  };
}

/** A row ready to be written as a finished response. */
export interface HistoryRow {
  idempotencyKey: string;
  respondentId: string;
  customerId: string | null;
  score: number | null;
  comment: string | null;
  language: string | null;
  createdAt: Date;
  /** The answers object, keyed by question id as a live response's. */
  answers: string;
}

/** One problem of a row: a code the dashboard words in the user's language, the cell, and an English message. */
export interface RowProblem {
  field: ResponseImportField | 'row';
  code: string;
  value: string | null;
  message: string;
}

/** Column index per mapped field. */
export type FieldColumns = Partial<Record<ResponseImportField, number>>;

export function fieldColumns(mapping: readonly ResponseColumnTarget[]): FieldColumns {
  const columns: FieldColumns = {};
  mapping.forEach((target, index) => {
    if (target !== 'ignore') columns[target] = index;
  });
  return columns;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** PostgreSQL refuses U+0000 in text and jsonb: a shown or stored value carries U+FFFD in its place. */
export const withoutNul = (value: string) => value.replaceAll('\u0000', '\uFFFD');
const cut = (value: string) => withoutNul(value.slice(0, 200));

/**
 * A file row → a finished response, or its problems. The idempotency key hashes the survey, respondent, time, score and
 * comment, so importing the same file (or an overlapping export) again adds nothing: the responses' unique key
 * (workspace, survey, idempotency key) refuses the repeat.
 */
export function mapHistoryRow(values: readonly string[], columns: FieldColumns, rules: HistoryRules): HistoryRow | RowProblem[] {
  const cell = (field: ResponseImportField) => (columns[field] === undefined ? '' : (values[columns[field]] ?? '').trim());
  const problems: RowProblem[] = [];
  const problem = (field: RowProblem['field'], code: string, value: string | null, message: string) =>
    problems.push({ field, code, value: value === null ? null : cut(value), message });

  if (values.length > RESPONSE_IMPORT_LIMITS.maxColumns) {
    problem('row', 'too_many_cells', null, `the row has ${values.length} cells; at most ${RESPONSE_IMPORT_LIMITS.maxColumns} can be read`);
    return problems;
  }
  // A NUL anywhere in a mapped cell (anywhere in the file: the upload only checks its first 64 KB) is this row's error,
  // never a batch PostgreSQL refuses whole.
  for (const [field, index] of Object.entries(columns) as [ResponseImportField, number][]) {
    if (values[index]?.includes('\u0000')) {
      problem(field, 'invalid_character', values[index], 'the cell contains a NUL character (a binary byte, not text)');
    }
  }
  if (problems.length > 0) return problems;

  const dateText = cell('createdAt');
  const createdAt = dateText === '' ? null : parseHistoryDate(dateText);
  if (dateText === '') problem('createdAt', 'date_missing', null, 'the date is empty');
  else if (!createdAt) {
    problem(
      'createdAt',
      'date_invalid',
      dateText,
      `"${cut(dateText)}" is not a date (use 2024-03-31, 2024-03-31 14:05, 31.03.2024 or 03/31/2024)`,
    );
  } else if (createdAt.getTime() > rules.now.getTime()) problem('createdAt', 'date_future', dateText, 'the date is in the future');
  else if (createdAt.getTime() < EARLIEST) problem('createdAt', 'date_too_old', dateText, 'the date is before 1990');

  const scoreText = cell('score');
  let score: number | null = null;
  const sq = rules.scoreQuestion;
  if (scoreText !== '' && sq) {
    const n = /^-?\d{1,3}(?:[.,]0+)?$/.test(scoreText) ? Number.parseInt(scoreText, 10) : Number.NaN;
    if (Number.isNaN(n)) problem('score', 'score_invalid', scoreText, `"${cut(scoreText)}" is not a whole number`);
    else if (n < sq.min || n > sq.max) problem('score', 'score_out_of_range', scoreText, `the score must be from ${sq.min} to ${sq.max}`);
    else score = n;
  } else if (sq?.required && columns.score !== undefined) {
    problem('score', 'score_missing', null, 'the score is empty (the survey requires one)');
  }

  const commentText = cell('comment');
  const cq = rules.commentQuestion;
  const comment = commentText === '' || !cq ? null : commentText;
  if (comment !== null && cq && comment.length > cq.maxLength) {
    problem('comment', 'comment_too_long', null, `the comment is longer than ${cq.maxLength} characters`);
  }
  if (score === null && comment === null && !problems.some((p) => p.field === 'score')) {
    problem('row', 'nothing_to_import', null, 'the row has neither a score nor a comment');
  }

  const customerId = cell('customerId') || null;
  if (customerId && customerId.length > CUSTOMER_MAX) {
    problem('customerId', 'customer_too_long', customerId, `the customer id is longer than ${CUSTOMER_MAX} characters`);
  }
  const respondentText = cell('respondentId');
  if (respondentText.length > RESPONDENT_MAX) {
    problem('respondentId', 'respondent_too_long', respondentText, `the respondent id is longer than ${RESPONDENT_MAX} characters`);
  }
  const languageText = cell('language');
  const language = languageText === '' ? null : (matchLanguage(languageText, rules.languages) ?? null);
  if (languageText !== '' && !language) {
    problem(
      'language',
      'language_unknown',
      languageText,
      `"${cut(languageText)}" is not one of the survey's languages (${rules.languages.join(', ')})`,
    );
  }
  if (problems.length > 0 || !createdAt) return problems;

  const at = createdAt.toISOString();
  // Without a respondent column, the customer is the respondent; without either, the answer itself is.
  const respondentId =
    respondentText ||
    (customerId && customerId.length <= RESPONDENT_MAX ? customerId : null) ||
    `import:${sha256(`${customerId ?? ''}\u0000${at}\u0000${score ?? ''}\u0000${comment ?? ''}`).slice(0, 40)}`;
  // "import:" is refused by the public edge's key pattern (^[\w-]{8,64}$), so nobody can pre-empt a history row's key
  // there; the hash is cut to fit the column (varchar 64).
  const idempotencyKey = `import:${sha256([rules.surveyId, respondentId, at, score ?? '', comment ?? ''].join('\u0000')).slice(0, 57)}`;
  const answers: Record<string, string | number> = {};
  if (score !== null && sq) answers[sq.id] = score;
  if (comment !== null && cq) answers[cq.id] = comment;
  return { idempotencyKey, respondentId, customerId, score, comment, language, createdAt, answers: JSON.stringify(answers) };
}
