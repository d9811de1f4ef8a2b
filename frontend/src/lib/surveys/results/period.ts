import type { MetricsInterval } from '$lib/api/types';

/** The period choices of the results page: the last 7, 30 or 90 days (today included), or custom dates. */
export const PERIOD_CHOICES = ['7', '30', '90', 'custom'] as const;
export type PeriodChoice = (typeof PERIOD_CHOICES)[number];
export const INTERVALS = ['day', 'week', 'month'] as const satisfies readonly MetricsInterval[];

export interface PeriodSelection {
	choice: PeriodChoice;
	/** yyyy-mm-dd, for 'custom'. */
	from: string;
	to: string;
	interval: MetricsInterval;
}

/** A half-open range of instants [from, to) in whole local days. */
export interface DateRange {
	from: Date;
	to: Date;
}

const DAY_MS = 86_400_000;

function startOfDay(date: Date): Date {
	return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

function addDays(date: Date, days: number): Date {
	return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

/** yyyy-mm-dd of a local date (for <input type="date">). */
export function isoDate(date: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Local midnight of a yyyy-mm-dd date, or null when it is not one. */
export function parseIsoDate(value: string): Date | null {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!match) return null;
	const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
	return Number.isNaN(date.getTime()) ? null : date;
}

/** The selection as instants; null for custom dates that are missing or reversed. */
export function periodRange(selection: PeriodSelection, now = new Date()): DateRange | null {
	if (selection.choice !== 'custom') {
		const tomorrow = addDays(startOfDay(now), 1);
		return { from: addDays(tomorrow, -Number(selection.choice)), to: tomorrow };
	}
	const from = parseIsoDate(selection.from);
	const to = parseIsoDate(selection.to);
	if (!from || !to || from > to) return null;
	return { from, to: addDays(to, 1) };
}

/** The last 30 days by day: the page's starting point. */
export function defaultSelection(now = new Date()): PeriodSelection {
	return { choice: '30', from: isoDate(addDays(now, -29)), to: isoDate(now), interval: 'day' };
}

/** A sensible grouping for a range: days up to ~3 months, then weeks, then months. */
export function suggestedInterval(range: DateRange): MetricsInterval {
	const days = (range.to.getTime() - range.from.getTime()) / DAY_MS;
	if (days <= 92) return 'day';
	if (days <= 366) return 'week';
	return 'month';
}

/** The browser's IANA time zone, so days and weeks start at the person's midnight. */
export function browserTimeZone(): string {
	try {
		return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
	} catch {
		return 'UTC';
	}
}
