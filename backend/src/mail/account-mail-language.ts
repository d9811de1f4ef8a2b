/** The languages account mails are written in: the dashboard's three. */
export const ACCOUNT_MAIL_LANGUAGES = ['en', 'ru', 'bg'] as const;
export type AccountMailLanguage = (typeof ACCOUNT_MAIL_LANGUAGES)[number];

export const isAccountMailLanguage = (value: unknown): value is AccountMailLanguage =>
  typeof value === 'string' && (ACCOUNT_MAIL_LANGUAGES as readonly string[]).includes(value);

/**
 * The language of an Accept-Language header (the dashboard sends its UI language there): the first tag's primary
 * subtag when it is one of ours, else English. Only the first tag counts, as in the dashboard; split on commas only,
 * so the work is linear in the header's length.
 */
export function mailLanguageOf(acceptLanguage: string | undefined | null): AccountMailLanguage {
  const first = (acceptLanguage ?? '').split(',', 1)[0]?.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  const primary = first.split('-', 1)[0]?.split('_', 1)[0] ?? '';
  return isAccountMailLanguage(primary) ? primary : 'en';
}
