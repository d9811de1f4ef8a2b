/**
 * Plural forms by the CLDR rules of Intl.PluralRules: English and Bulgarian have "one" and "other"
 * (1 answer, 2 answers; 1 отговор, 21 отговора), Russian "one", "few", "many" (1 ответ, 2 ответа, 5 ответов,
 * 21 ответ). Dictionaries name the forms; the rule picks one.
 */
const rules = new Map<string, Intl.PluralRules>();

function rule(locale: string): Intl.PluralRules {
  let r = rules.get(locale);
  if (!r) rules.set(locale, (r = new Intl.PluralRules(locale)));
  return r;
}

export interface PluralForms {
  one: string;
  /** Russian 2–4, 22–24… */
  few?: string;
  /** Russian 0, 5–20, 25… */
  many?: string;
  other: string;
}

/** The form of a word for the count `n` in `locale`. */
export function plural(locale: 'en' | 'ru' | 'bg', n: number, forms: PluralForms): string {
  const category = rule(locale).select(n);
  return (category === 'one' ? forms.one : category === 'few' ? forms.few : category === 'many' ? forms.many : undefined) ?? forms.other;
}

export const pluralEn = (n: number, one: string, other: string): string => plural('en', n, { one, other });
export const pluralRu = (n: number, one: string, few: string, many: string): string => plural('ru', n, { one, few, many, other: few });

/** The Bulgarian form of a word for the count `n`. */
export function pluralBg(n: number, one: string, other: string): string {
  return plural('bg', n, { one, other });
}
