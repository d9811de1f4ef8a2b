/**
 * Bulgarian has two plural categories (CLDR "one" and "other"): 1 казус, 2 казуса, 21 казуса.
 * Intl.PluralRules carries the rule, so dictionaries only name the two forms.
 */
const bulgarian = new Intl.PluralRules('bg');

/** The Bulgarian form of a word for the count `n`. */
export function pluralBg(n: number, one: string, other: string): string {
	return bulgarian.select(n) === 'one' ? one : other;
}
