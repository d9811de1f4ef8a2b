import { i18n } from './i18n/index.svelte';

function parse(value: string | null | undefined): Date | null {
	if (!value) return null;
	const date = new Date(value);
	return Number.isNaN(date.getTime()) ? null : date;
}

/** "12 Mar 2026" / "12 мар. 2026 г." in the UI language. */
export function formatDate(value: string | null | undefined, fallback = '—'): string {
	const date = parse(value);
	return date ? new Intl.DateTimeFormat(i18n.intlTag, { dateStyle: 'medium' }).format(date) : fallback;
}

/** Date and time in the UI language. */
export function formatDateTime(value: string | null | undefined, fallback = '—'): string {
	const date = parse(value);
	return date
		? new Intl.DateTimeFormat(i18n.intlTag, { dateStyle: 'medium', timeStyle: 'short' }).format(date)
		: fallback;
}

/** Localised role name; unknown roles from a newer server are shown as-is. */
export function roleLabel(role: string): string {
	const roles = i18n.t.roles as Record<string, string>;
	return roles[role] ?? role;
}
