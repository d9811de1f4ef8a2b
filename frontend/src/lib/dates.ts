/** Local calendar dates as the dashboard's date inputs and period filters use them (yyyy-mm-dd, local midnight). */

/** A half-open range of instants [from, to). */
export interface DateRange {
  from: Date;
  to: Date;
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

/** Local midnight `days` days after (or before) the day of `date`. */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

/** Custom yyyy-mm-dd dates as whole local days [from, to + 1 day); null when one is missing or they are reversed. */
export function customRange(from: string, to: string): DateRange | null {
  const start = parseIsoDate(from);
  const end = parseIsoDate(to);
  if (!start || !end || start > end) return null;
  return { from: start, to: addDays(end, 1) };
}

/** The browser's IANA time zone, so days, weeks and months start at the person's midnight. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}
