import type { FieldError } from '../../common/http/api-error';

/** Mention fields a column can fill; `ignore` skips the column. */
export const MENTION_CSV_FIELDS = [
  'source',
  'externalId',
  'url',
  'author',
  'text',
  'language',
  'postedAt',
  'reach',
  'parentExternalId',
] as const;
export type MentionCsvField = (typeof MENTION_CSV_FIELDS)[number];
export type MentionColumnTarget = MentionCsvField | 'ignore';

/** Header words in English and Russian, compared after normalising (lower case, letters and digits only, ё → е). */
const SYNONYMS: Record<MentionCsvField, string[]> = {
  source: [
    'source',
    'platform',
    'network',
    'socialnetwork',
    'site',
    'channel',
    'resource',
    'источник',
    'площадка',
    'соцсеть',
    'социальнаясеть',
    'ресурс',
    'сайт',
    'канал',
    'платформа',
  ],
  externalId: [
    'id',
    'externalid',
    'postid',
    'mentionid',
    'messageid',
    'ид',
    'idпоста',
    'idсообщения',
    'идентификатор',
    'номер',
    'idупоминания',
  ],
  url: ['url', 'link', 'href', 'permalink', 'posturl', 'ссылка', 'ссылканапост', 'ссылканапубликацию', 'адрес', 'урл'],
  author: ['author', 'user', 'username', 'nickname', 'name', 'profile', 'автор', 'пользователь', 'имяавтора', 'ник', 'профиль', 'имя'],
  text: [
    'text',
    'message',
    'content',
    'body',
    'post',
    'mention',
    'comment',
    'review',
    'текст',
    'сообщение',
    'содержание',
    'пост',
    'упоминание',
    'комментарий',
    'отзыв',
    'текстсообщения',
    'текстпубликации',
    'публикация',
  ],
  language: ['language', 'lang', 'locale', 'язык'],
  postedAt: [
    'date',
    'postedat',
    'published',
    'publishedat',
    'datetime',
    'time',
    'created',
    'createdat',
    'timestamp',
    'postdate',
    'дата',
    'время',
    'датаивремя',
    'датапубликации',
    'опубликовано',
    'датасоздания',
    'датавремя',
  ],
  reach: [
    'reach',
    'audience',
    'followers',
    'subscribers',
    'views',
    'охват',
    'аудитория',
    'подписчики',
    'подписчиков',
    'просмотры',
    'просмотров',
  ],
  parentExternalId: [
    'parentid',
    'parentexternalid',
    'replyto',
    'inreplyto',
    'parent',
    'родитель',
    'ответна',
    'idродителя',
    'родительскийid',
  ],
};

const normalise = (header: string) =>
  header
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, '');

const BY_WORD = new Map<string, MentionCsvField>(
  (Object.entries(SYNONYMS) as [MentionCsvField, string[]][]).flatMap(([field, words]) => words.map((w) => [w, field] as const)),
);

/** A target per column: known header names map to their field (the first column wins a field), the rest are ignored. */
export function suggestMentionMapping(headers: string[]): MentionColumnTarget[] {
  const taken = new Set<MentionCsvField>();
  return headers.map((header) => {
    const field = BY_WORD.get(normalise(header));
    if (!field || taken.has(field)) return 'ignore';
    taken.add(field);
    return field;
  });
}

/**
 * Checks a mapping against the file: one target per column, no field twice, text and postedAt mapped,
 * and a source either from a column or fixed for the whole file (not both).
 */
export function mentionMappingProblems(mapping: unknown, columnCount: number, fixedSource: string | undefined): FieldError[] {
  if (!Array.isArray(mapping)) return [{ field: 'mapping', message: 'mapping must be a list with one target per column' }];
  if (mapping.length !== columnCount) {
    return [{ field: 'mapping', message: `mapping must have ${columnCount} entries, one per column (it has ${mapping.length})` }];
  }
  const problems: FieldError[] = [];
  const used = new Map<string, number>();
  mapping.forEach((target, index) => {
    const field = `mapping[${index}]`;
    if (target === 'ignore') return;
    if (typeof target !== 'string' || !(MENTION_CSV_FIELDS as readonly string[]).includes(target)) {
      return problems.push({
        field,
        message: `unknown target "${String(target)}"; use one of: ${MENTION_CSV_FIELDS.join(', ')} or ignore`,
      });
    }
    if (used.has(target)) problems.push({ field, message: `${target} is already filled by column ${used.get(target)! + 1}` });
    else used.set(target, index);
  });
  if (problems.length > 0) return problems;
  for (const required of ['text', 'postedAt'] as const) {
    if (!used.has(required)) problems.push({ field: 'mapping', message: `one column must be mapped to ${required}` });
  }
  if (!used.has('source') && !fixedSource) {
    problems.push({ field: 'source', message: 'map a column to source, or give one source (e.g. vk) for the whole file' });
  }
  if (used.has('source') && fixedSource) {
    problems.push({ field: 'source', message: 'a column is mapped to source; leave the fixed source empty or map that column to ignore' });
  }
  return problems;
}
