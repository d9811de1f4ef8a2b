/** The Churn page's period: the last 3, 6 or 12 calendar months (the current one included) or custom dates. */
export const CHURN_PERIODS = ['3', '6', '12', 'custom'] as const;
export type ChurnPeriodChoice = (typeof CHURN_PERIODS)[number];

export interface ChurnSelection {
	choice: ChurnPeriodChoice;
	/** yyyy-mm-dd, for 'custom'. */
	from: string;
	to: string;
	segment: string;
	plan: string;
}

/** A half-open range of instants [from, to). */
export interface ChurnRange {
	from: Date;
	to: Date;
}

/** yyyy-mm-dd of a local date (for <input type="date">). */
export function isoDate(date: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Local midnight of a yyyy-mm-dd date, or null. */
export function parseIsoDate(value: string): Date | null {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!match) return null;
	const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
	return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * The selection as instants: whole local months from the first of the month N − 1 months ago up to the
 * end of today, so the current month shows what happened so far. Null for missing or reversed dates.
 */
export function churnRange(selection: ChurnSelection, now = new Date()): ChurnRange | null {
	const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
	if (selection.choice !== 'custom') {
		return { from: new Date(now.getFullYear(), now.getMonth() - (Number(selection.choice) - 1), 1), to: tomorrow };
	}
	const from = parseIsoDate(selection.from);
	const to = parseIsoDate(selection.to);
	if (!from || !to || from > to) return null;
	return { from, to: new Date(to.getFullYear(), to.getMonth(), to.getDate() + 1) };
}

export function defaultChurnSelection(now = new Date()): ChurnSelection {
	return { choice: '6', from: isoDate(new Date(now.getFullYear(), now.getMonth() - 5, 1)), to: isoDate(now), segment: '', plan: '' };
}

/** The browser's IANA time zone, so months start at the person's midnight. */
export function browserTimeZone(): string {
	try {
		return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
	} catch {
		return 'UTC';
	}
}

/** Query string of a churn report (undefined values left out). */
export function churnQuery(values: Record<string, string | number | undefined>): string {
	const query = new URLSearchParams();
	for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== '') query.set(key, String(value));
	return query.toString();
}
