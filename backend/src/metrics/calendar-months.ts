import { localDate, startOfLocalDay } from './zoned-time';

/** Months as 'YYYY-MM' text: they sort and compare as strings. */
export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + delta;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every month from `first` to `last`, both included. */
export function monthRange(first: string, last: string): string[] {
  const out: string[] = [];
  for (let m = first; m <= last; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** The month an instant falls in, in `timeZone`. */
export function monthOf(instant: Date, timeZone: string): string {
  const d = localDate(instant.getTime(), timeZone);
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}`;
}

/** The first instant of a month in `timeZone`. */
export function monthStart(month: string, timeZone: string): Date {
  const [year, m] = month.split('-').map(Number);
  return new Date(startOfLocalDay({ year, month: m, day: 1 }, timeZone));
}
