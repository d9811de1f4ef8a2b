/** The languages the default notice is written in; others fall back on English. */
export const NOTICE_LANGUAGES = ['en', 'ru', 'bg'] as const;
export type NoticeLanguage = (typeof NOTICE_LANGUAGES)[number];

export interface NoticeTemplate {
  subject: string;
  text: string;
}

/** The default "we fixed it" notice per language; {name} and {what_changed} are filled per customer. */
const DEFAULTS: Record<NoticeLanguage, NoticeTemplate> = {
  en: {
    subject: 'We fixed what let you down',
    text:
      'Hello, {name}!\n\nYou told us about a problem, and we have fixed it: {what_changed}\n\n' +
      'Thank you for telling us. We would be glad to see you again.',
  },
  ru: {
    subject: 'Мы исправили то, что вас подвело',
    text:
      'Здравствуйте, {name}!\n\nВы рассказали нам о проблеме, и мы её исправили: {what_changed}\n\n' +
      'Спасибо, что сообщили. Будем рады видеть вас снова.',
  },
  bg: {
    subject: 'Поправихме това, което ви разочарова',
    text:
      'Здравейте, {name}!\n\nРазказахте ни за проблем и ние го поправихме: {what_changed}\n\n' +
      'Благодарим, че ни казахте. Ще се радваме да ви видим отново.',
  },
};

export const noticeLanguageOf = (language: string | undefined): NoticeLanguage =>
  (NOTICE_LANGUAGES as readonly string[]).includes(language ?? '') ? (language as NoticeLanguage) : 'en';

export const defaultNotice = (language: string | undefined): NoticeTemplate => DEFAULTS[noticeLanguageOf(language)];

/**
 * Fills the placeholders (plain string replacement, no patterns). Without a name the greeting drops it with its
 * separator ("Hello, {name}!" → "Hello!").
 */
export function renderNotice(template: string, values: { name: string | null; whatChanged: string }): string {
  const name = values.name?.trim() ?? '';
  const withName = name ? template : template.split(', {name}').join('').split(' {name}').join('');
  return withName.split('{name}').join(name).split('{what_changed}').join(values.whatChanged);
}

/** A customer's name is at most 200 characters: the notice is checked with one that long before anyone is told. */
const LONGEST_NAME = 'N'.repeat(200);
/** An email subject is one header line (RFC 5322: 998); a notice is a short message, not a newsletter. */
export const NOTICE_SUBJECT_LIMIT = 998;
export const NOTICE_TEXT_LIMIT = 10_000;

/**
 * What is too long in the filled-in notice for the longest possible name, or null when it fits: checked before any
 * customer is claimed, so a notice that would fail for one customer fails for the request, naming the real cause.
 */
export function noticeTooLong(
  template: NoticeTemplate,
  whatChanged: string,
): { field: 'subject' | 'text'; length: number; limit: number } | null {
  const values = { name: LONGEST_NAME, whatChanged };
  const subject = renderNotice(template.subject, values).length;
  if (subject > NOTICE_SUBJECT_LIMIT) return { field: 'subject', length: subject, limit: NOTICE_SUBJECT_LIMIT };
  const text = renderNotice(template.text, values).length;
  if (text > NOTICE_TEXT_LIMIT) return { field: 'text', length: text, limit: NOTICE_TEXT_LIMIT };
  return null;
}
