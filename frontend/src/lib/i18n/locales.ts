/**
 * The UI languages and how a browser's language list picks one. Plain TypeScript (no runes, no $app),
 * so unit tests can import it directly.
 */
export const LOCALES = ['en', 'ru', 'bg'] as const;
export type Locale = (typeof LOCALES)[number];

/** BCP 47 tag for Intl number and date formatting in each UI language. */
export const INTL_TAGS: Record<Locale, string> = { en: 'en-GB', ru: 'ru-RU', bg: 'bg-BG' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** ru, ru-RU, ru-UA… → ru; bg, bg-BG → bg; anything else → en. Only the first preference counts. */
export function localeFromLanguages(languages: readonly string[]): Locale {
  const first = languages.find((l) => l.trim() !== '');
  const primary = first?.trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'ru' || primary === 'bg' ? primary : 'en';
}
