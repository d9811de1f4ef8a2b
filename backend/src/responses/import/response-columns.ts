import type { FieldError } from '../../common/http/api-error';

/** What a column of a history file can fill; `ignore` skips it. */
export const RESPONSE_IMPORT_FIELDS = ['createdAt', 'score', 'comment', 'respondentId', 'customerId', 'language'] as const;
export type ResponseImportField = (typeof RESPONSE_IMPORT_FIELDS)[number];
export type ResponseColumnTarget = ResponseImportField | 'ignore';

/**
 * Header words per field, best first, compared after normalising (lower case, letters and digits only, ё → е): our own
 * export's names, then those of Delighted, Formbricks, Typeform and Qualtrics exports, then Russian and Bulgarian.
 */
const SYNONYMS: Record<ResponseImportField, string[]> = {
  createdAt: [
    'createdat',
    'created',
    'date',
    'timestamp',
    'responsetimestamp',
    'responsedate',
    'submittedat',
    'submitdate',
    'submitdateutc',
    'submitted',
    'recordeddate',
    'enddate',
    'startdate',
    'time',
    'дата',
    'датаответа',
    'датаивремя',
    'время',
    'датанаотговор',
  ],
  score: ['score', 'npsscore', 'nps', 'rating', 'csat', 'ces', 'value', 'оценка', 'балл', 'баллы', 'оценкаnps'],
  comment: [
    'comment',
    'comments',
    'feedback',
    'reason',
    'text',
    'answer',
    'openended',
    'комментарий',
    'отзыв',
    'ответ',
    'коментар',
    'отговор',
  ],
  respondentId: ['respondentid', 'respondent', 'userid', 'visitorid', 'personid', 'networkid', 'idреспондента', 'респондент'],
  customerId: [
    'customerid',
    'externalid',
    'customer',
    'clientid',
    'contactid',
    'email',
    'emailaddress',
    'personemail',
    'recipientemail',
    'idклиента',
    'клиент',
    'почта',
    'имейл',
  ],
  language: ['language', 'lang', 'locale', 'userlanguage', 'язык', 'език'],
};

const normalise = (header: string) =>
  header
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, '');

const RANK = new Map<string, { field: ResponseImportField; rank: number }>(
  (Object.entries(SYNONYMS) as [ResponseImportField, string[]][]).flatMap(([field, words]) =>
    words.map((word, rank) => [word, { field, rank }] as const),
  ),
);

/** A target per column: each field goes to the column whose header names it best (first such column on a tie); the rest are ignored. */
export function suggestResponseMapping(headers: string[]): ResponseColumnTarget[] {
  const best = new Map<ResponseImportField, { column: number; rank: number }>();
  headers.forEach((header, column) => {
    const hit = RANK.get(normalise(header));
    if (!hit) return;
    const current = best.get(hit.field);
    if (!current || hit.rank < current.rank) best.set(hit.field, { column, rank: hit.rank });
  });
  const mapping: ResponseColumnTarget[] = headers.map(() => 'ignore');
  for (const [field, { column }] of best) mapping[column] = field;
  return mapping;
}

/** What the survey offers to import into: without a score question a score column has nowhere to go. */
export interface SurveyShape {
  hasScore: boolean;
  hasComment: boolean;
}

/** Checks a mapping: one target per column, no field twice, a date column, and a score or a comment column. */
export function responseMappingProblems(mapping: unknown, columnCount: number, survey: SurveyShape): FieldError[] {
  if (!Array.isArray(mapping)) return [{ field: 'mapping', message: 'mapping must be a list with one target per column' }];
  if (mapping.length !== columnCount) {
    return [{ field: 'mapping', message: `mapping must have ${columnCount} entries, one per column (it has ${mapping.length})` }];
  }
  const problems: FieldError[] = [];
  const used = new Map<string, number>();
  mapping.forEach((target: unknown, index) => {
    const field = `mapping[${index}]`;
    if (typeof target !== 'string') return problems.push({ field, message: 'each target must be a string' });
    if (target === 'ignore') return;
    if (!(RESPONSE_IMPORT_FIELDS as readonly string[]).includes(target)) {
      return problems.push({
        field,
        message: `unknown target "${target.slice(0, 40)}"; use one of: ${RESPONSE_IMPORT_FIELDS.join(', ')} or ignore`,
      });
    }
    if (target === 'score' && !survey.hasScore) {
      return problems.push({ field, message: 'this survey has no score question (NPS or rating), so no column can be its score' });
    }
    if (target === 'comment' && !survey.hasComment) {
      return problems.push({ field, message: 'this survey has no open-text question, so no column can be its comment' });
    }
    if (used.has(target)) problems.push({ field, message: `${target} is already filled by column ${used.get(target)! + 1}` });
    else used.set(target, index);
  });
  if (problems.length > 0) return problems;
  if (!used.has('createdAt'))
    problems.push({ field: 'mapping', message: 'one column must be mapped to createdAt: when each answer was given' });
  if (!used.has('score') && !used.has('comment')) {
    problems.push({ field: 'mapping', message: 'map a column to score or to comment: a row needs something to import' });
  }
  return problems;
}
