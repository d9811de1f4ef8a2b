/**
 * Calendar dates without a time or zone ("2024-03-31"), for stepping through day/week/month buckets.
 * Arithmetic runs on Date.UTC, where every day is 24 h, so it is never disturbed by DST.
 */
export interface CivilDate {
  year: number;
  /** 1..12 */
  month: number;
  /** 1..31 */
  day: number;
}

const DAY_MS = 86_400_000;

function fromUtc(ms: number): CivilDate {
  const date = new Date(ms);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function toUtc(date: CivilDate): number {
  return Date.UTC(date.year, date.month - 1, date.day);
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** First day of the month `months` after the month of `date`. */
export function addMonthsToFirst(date: CivilDate, months: number): CivilDate {
  return fromUtc(Date.UTC(date.year, date.month - 1 + months, 1));
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function isoWeekday(date: CivilDate): number {
  return ((new Date(toUtc(date)).getUTCDay() + 6) % 7) + 1;
}

/** The Monday on or before `date` (ISO weeks start on Monday). */
export function startOfIsoWeek(date: CivilDate): CivilDate {
  return addDays(date, 1 - isoWeekday(date));
}

/**
 * ISO 8601 week-numbering year and week. The week belongs to the year of its Thursday, so
 * Monday 2024-12-30 is in 2025-W01 and Friday 2021-01-01 is in 2020-W53.
 */
export function isoWeek(date: CivilDate): { year: number; week: number } {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const dayOfYear = (toUtc(thursday) - Date.UTC(thursday.year, 0, 1)) / DAY_MS + 1;
  return { year: thursday.year, week: Math.floor((dayOfYear - 1) / 7) + 1 };
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** "2024-03-31" */
export function formatCivilDate(date: CivilDate): string {
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** "2024-03" */
export function formatCivilMonth(date: CivilDate): string {
  return `${pad(date.year, 4)}-${pad(date.month, 2)}`;
}

/** "2024-W13" */
export function formatIsoWeek(date: CivilDate): string {
  const { year, week } = isoWeek(date);
  return `${pad(year, 4)}-W${pad(week, 2)}`;
}

/** Negative, zero or positive as a is before, equal to or after b. */
export function compareCivilDates(a: CivilDate, b: CivilDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}
