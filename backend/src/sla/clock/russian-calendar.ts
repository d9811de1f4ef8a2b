// Russian production calendar ("производственный календарь"). The Labour Code (art. 112) fixes the
// non-working holidays; each year a government decree moves days off (a weekend holiday's day off goes to a
// weekday; bridge days) and may make a Saturday a working day. Pre-holiday days are one hour shorter (art. 95).
// The decree's dates change every year, so callers pass them in; only the statutory dates are built in.
import { BusinessCalendar, ExtraWorkingDay, formatLocalDate, parseLocalDate, parseWallTime, Weekday, WorkingInterval } from './calendar';

/** Statutory non-working holidays (month, day): New Year holidays 1–6 and 8 Jan, Christmas 7 Jan, 23 Feb, 8 Mar, 1 May, 9 May, 12 Jun, 4 Nov. */
const STATUTORY: Array<[number, number]> = [
  [1, 1],
  [1, 2],
  [1, 3],
  [1, 4],
  [1, 5],
  [1, 6],
  [1, 7],
  [1, 8],
  [2, 23],
  [3, 8],
  [5, 1],
  [5, 9],
  [6, 12],
  [11, 4],
];

export interface RussianDecree {
  /** Extra days off the decree names for the year (transferred and bridge days), 'YYYY-MM-DD'. */
  daysOff?: string[];
  /** Weekend days the decree makes working; they get `hours` or, by default, the calendar's Monday hours. */
  workingDays?: Array<string | ExtraWorkingDay>;
  /** Pre-holiday days shortened by one hour (art. 95): the last interval of the day ends 60 minutes earlier. */
  shortDays?: string[];
}

export function russianStatutoryHolidays(year: number): string[] {
  return STATUTORY.map(([m, d]) => formatLocalDate(Date.UTC(year, m - 1, d) / 86_400_000));
}

function shortened(hours: WorkingInterval[]): WorkingInterval[] {
  if (!hours.length) return [];
  const out = hours.map((h) => ({ ...h })).sort((a, b) => parseWallTime(a.start)! - parseWallTime(b.start)!);
  const last = out[out.length - 1];
  const end = parseWallTime(last.end)! - 60;
  if (end <= parseWallTime(last.start)!) out.pop();
  else last.end = `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`;
  return out;
}

/**
 * The calendar with one year's Russian holidays and transfers added: statutory holidays + decree days off go to
 * `holidays` (a statutory date the decree makes working is left out), decree working days and shortened
 * pre-holiday days go to `extraWorkingDays`. Returns a new object; the input is not changed.
 */
export function withRussianProductionCalendar(calendar: BusinessCalendar, year: number, decree: RussianDecree = {}): BusinessCalendar {
  const weekdayHours = (date: string): WorkingInterval[] => {
    const day = parseLocalDate(date);
    if (day === null) return [];
    return calendar.workingHours[((((day + 4) % 7) + 7) % 7) as Weekday] ?? [];
  };
  const extra = new Map<string, ExtraWorkingDay>();
  for (const x of calendar.extraWorkingDays ?? []) extra.set(x.date, x);
  for (const w of decree.workingDays ?? []) {
    const x = typeof w === 'string' ? { date: w, hours: (calendar.workingHours[1] ?? []).map((h) => ({ ...h })) } : w;
    extra.set(x.date, x);
  }
  for (const date of decree.shortDays ?? []) {
    extra.set(date, { date, hours: shortened(extra.get(date)?.hours ?? weekdayHours(date)) });
  }
  const holidays = new Set([...calendar.holidays, ...russianStatutoryHolidays(year), ...(decree.daysOff ?? [])]);
  for (const date of extra.keys()) holidays.delete(date);
  return {
    ...calendar,
    holidays: [...holidays].sort(),
    extraWorkingDays: [...extra.values()].sort((a, b) => a.date.localeCompare(b.date)),
  };
}
