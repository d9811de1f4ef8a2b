// Business calendars: when the SLA clock runs. Plain JSON-friendly data (stored as jsonb on an SLA policy),
// validated into human-readable problems, and compiled once per object into a fast lookup.
import { instantOfWall, isKnownTimeZone } from './tz';

/** 'HH:MM', 24-hour local wall time; '24:00' is allowed as an end (midnight at the end of the day). */
export type WallTime = string;

/** Working time within one local day, [start, end). Overnight shifts are not supported: split them at midnight. */
export interface WorkingInterval {
  start: WallTime;
  end: WallTime;
}

/** 0 = Sunday … 6 = Saturday, as Date#getDay. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** A date whose hours replace the weekday's: a working Saturday moved by decree, or a shortened pre-holiday day. */
export interface ExtraWorkingDay {
  date: string; // local 'YYYY-MM-DD'
  hours: WorkingInterval[];
}

export interface BusinessCalendar {
  /** IANA zone, e.g. 'Europe/Moscow'. All hours and dates below are local to it. */
  timeZone: string;
  /** Weekday → working intervals; a missing or empty list is a day off. Several intervals make a split day (lunch). */
  workingHours: Partial<Record<Weekday, WorkingInterval[]>>;
  /** Local dates 'YYYY-MM-DD' that are off all day. */
  holidays: string[];
  /** Local dates that work with the given hours, whatever their weekday (overrides the weekly schedule). */
  extraWorkingDays?: ExtraWorkingDay[];
}

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

export class InvalidCalendarError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid business calendar: ${problems.join('; ')}`);
    this.name = 'InvalidCalendarError';
  }
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const TIME_RE = /^([01]\d|2[0-4]):([0-5]\d)$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Minutes after local midnight, or null when not 'HH:MM' (00:00–24:00). */
export function parseWallTime(value: unknown): number | null {
  const m = typeof value === 'string' ? TIME_RE.exec(value) : null;
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes <= 1440 ? minutes : null;
}

/** Days since 1970-01-01 for a real calendar date 'YYYY-MM-DD', or null. */
export function parseLocalDate(value: unknown): number | null {
  const m = typeof value === 'string' ? DATE_RE.exec(value) : null;
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (y < 1970 || back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / DAY_MS;
}

export function formatLocalDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function intervalProblems(where: string, list: unknown): string[] {
  if (!Array.isArray(list)) return [`${where}: expected a list of {start, end} intervals`];
  const problems: string[] = [];
  const parsed: Array<[number, number, string]> = [];
  list.forEach((iv: Partial<WorkingInterval> | null, i) => {
    const label = `${where}, interval ${i + 1}`;
    const start = parseWallTime(iv?.start);
    const end = parseWallTime(iv?.end);
    if (start === null || start === 1440) problems.push(`${label}: start ${JSON.stringify(iv?.start)} is not a time from 00:00 to 23:59`);
    if (end === null) problems.push(`${label}: end ${JSON.stringify(iv?.end)} is not a time from 00:00 to 24:00`);
    if (start === null || end === null || start === 1440) return;
    if (end <= start) {
      problems.push(
        `${label} (${iv!.start}–${iv!.end}): end must be after start (overnight shifts are not supported; split them at midnight)`,
      );
      return;
    }
    parsed.push([start, end, `${iv!.start}–${iv!.end}`]);
  });
  parsed.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < parsed.length; i++) {
    if (parsed[i][0] < parsed[i - 1][1]) problems.push(`${where}: intervals ${parsed[i - 1][2]} and ${parsed[i][2]} overlap`);
  }
  return problems;
}

/** Every problem with a calendar, in words a settings page can show; empty when it is valid. */
export function validateCalendar(calendar: unknown): string[] {
  if (!calendar || typeof calendar !== 'object') return ['calendar must be an object'];
  const c = calendar as Partial<BusinessCalendar>;
  const problems: string[] = [];
  if (typeof c.timeZone !== 'string' || !c.timeZone) problems.push('timeZone is required (an IANA name such as Europe/Moscow)');
  else if (!isKnownTimeZone(c.timeZone))
    problems.push(`timeZone "${c.timeZone}" is not a known IANA time zone (e.g. Europe/Moscow, America/New_York)`);

  const weekly = c.workingHours;
  let anyWorking = false;
  if (!weekly || typeof weekly !== 'object' || Array.isArray(weekly)) {
    problems.push('workingHours must map weekdays 0 (Sunday) … 6 (Saturday) to lists of intervals');
  } else {
    for (const key of Object.keys(weekly)) {
      if (!/^[0-6]$/.test(key)) problems.push(`workingHours: "${key}" is not a weekday (use 0 = Sunday … 6 = Saturday)`);
    }
    for (let d = 0; d < 7; d++) {
      const list = weekly[d as Weekday];
      if (list === undefined || list === null) continue;
      problems.push(...intervalProblems(`workingHours ${WEEKDAY_NAMES[d]}`, list));
      if (Array.isArray(list) && list.length > 0) anyWorking = true;
    }
    if (!anyWorking) problems.push('workingHours has no working time on any weekday, so no deadline could ever be reached');
  }

  const holidays = new Set<number>();
  if (!Array.isArray(c.holidays)) problems.push('holidays must be a list of dates YYYY-MM-DD (may be empty)');
  else {
    for (const h of c.holidays) {
      const day = parseLocalDate(h);
      if (day === null) problems.push(`holidays: ${JSON.stringify(h)} is not a date YYYY-MM-DD`);
      else holidays.add(day);
    }
  }

  if (c.extraWorkingDays !== undefined) {
    if (!Array.isArray(c.extraWorkingDays)) problems.push('extraWorkingDays must be a list of {date, hours}');
    else {
      const seen = new Set<number>();
      for (const x of c.extraWorkingDays as Array<Partial<ExtraWorkingDay> | null>) {
        const day = parseLocalDate(x?.date);
        if (day === null) {
          problems.push(`extraWorkingDays: ${JSON.stringify(x?.date)} is not a date YYYY-MM-DD`);
          continue;
        }
        if (seen.has(day)) problems.push(`extraWorkingDays: ${x!.date} is listed twice`);
        if (holidays.has(day)) problems.push(`${x!.date} is both a holiday and an extra working day`);
        seen.add(day);
        problems.push(...intervalProblems(`extraWorkingDays ${x!.date}`, x!.hours));
      }
    }
  }
  return problems;
}

export function assertValidCalendar(calendar: BusinessCalendar): void {
  const problems = validateCalendar(calendar);
  if (problems.length) throw new InvalidCalendarError(problems);
}

function minutesOf(list: WorkingInterval[] | undefined): Array<[number, number]> {
  return (list ?? []).map((iv) => [parseWallTime(iv.start)!, parseWallTime(iv.end)!] as [number, number]).sort((a, b) => a[0] - b[0]);
}

/** A validated calendar with parsed hours and a per-day cache of working intervals as UTC instants. */
export interface CompiledCalendar {
  timeZone: string;
  /** Working instants [a0, b0, a1, b1, …] (epoch ms, ascending, disjoint) of one local day (days since epoch). */
  intervalsOn(day: number): readonly number[];
}

const MAX_CACHED_DAYS = 8192;
const MAX_CACHED_CALENDARS = 256;
const compiled = new WeakMap<BusinessCalendar, CompiledCalendar>();
const compiledByContent = new Map<string, CompiledCalendar>();

/**
 * Validates (throwing InvalidCalendarError) and compiles a calendar. Compiled results are cached per calendar
 * object (and by content), so treat calendars as immutable: build a new object to change one.
 */
export function compileCalendar(calendar: BusinessCalendar): CompiledCalendar {
  const hit = compiled.get(calendar);
  if (hit) return hit;
  // The same calendar parsed afresh (e.g. loaded per request) reuses the compiled one, cached by content.
  const key = JSON.stringify(calendar);
  const same = compiledByContent.get(key);
  if (same) {
    compiled.set(calendar, same);
    return same;
  }
  assertValidCalendar(calendar);
  const zone = calendar.timeZone;
  const weekly = Array.from({ length: 7 }, (_, d) => minutesOf(calendar.workingHours[d as Weekday]));
  const holidays = new Set(calendar.holidays.map((h) => parseLocalDate(h)!));
  const overrides = new Map((calendar.extraWorkingDays ?? []).map((x) => [parseLocalDate(x.date)!, minutesOf(x.hours)]));
  const cache = new Map<number, readonly number[]>();

  const intervalsOn = (day: number): readonly number[] => {
    let out = cache.get(day);
    if (out) return out;
    const minutes = overrides.get(day) ?? (holidays.has(day) ? [] : weekly[(((day + 4) % 7) + 7) % 7]);
    const flat: number[] = [];
    for (const [start, end] of minutes) {
      const a = instantOfWall(zone, day * DAY_MS + start * MINUTE_MS);
      const b = instantOfWall(zone, day * DAY_MS + end * MINUTE_MS);
      if (b <= a) continue; // wholly inside a skipped (DST) hour
      // Touching intervals (13:00–14:00 + 14:00–18:00) merge into one.
      if (flat.length && flat[flat.length - 1] >= a) flat[flat.length - 1] = Math.max(flat[flat.length - 1], b);
      else flat.push(a, b);
    }
    if (cache.size >= MAX_CACHED_DAYS) cache.clear();
    out = Object.freeze(flat);
    cache.set(day, out);
    return out;
  };
  const result: CompiledCalendar = { timeZone: zone, intervalsOn };
  compiled.set(calendar, result);
  if (compiledByContent.size >= MAX_CACHED_CALENDARS) compiledByContent.clear();
  compiledByContent.set(key, result);
  return result;
}

/** Length in minutes of the usual working day: the most common non-empty weekday length (longest on a tie). */
export function workingDayMinutes(calendar: BusinessCalendar): number {
  const counts = new Map<number, number>();
  for (let d = 0; d < 7; d++) {
    const len = minutesOf(calendar.workingHours[d as Weekday]).reduce((sum, [a, b]) => sum + (b - a), 0);
    if (len > 0) counts.set(len, (counts.get(len) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [len, n] of counts) if (n > bestCount || (n === bestCount && len > best)) [best, bestCount] = [len, n];
  return best;
}

const NINE_TO_SIX: WorkingInterval[] = [{ start: '09:00', end: '18:00' }];

/** Monday–Friday 09:00–18:00 in the given zone, no holidays: the usual office week. */
export function defaultBusinessCalendar(timeZone: string): BusinessCalendar {
  return {
    timeZone,
    workingHours: { 1: [...NINE_TO_SIX], 2: [...NINE_TO_SIX], 3: [...NINE_TO_SIX], 4: [...NINE_TO_SIX], 5: [...NINE_TO_SIX] },
    holidays: [],
  };
}

const ALL_DAY: WorkingInterval[] = [{ start: '00:00', end: '24:00' }];

/** Calendar hours: the clock always runs (UTC, so every day is 24 h). Frozen: safe to share. */
export const CALENDAR_24X7: BusinessCalendar = Object.freeze({
  timeZone: 'UTC',
  workingHours: Object.freeze({ 0: ALL_DAY, 1: ALL_DAY, 2: ALL_DAY, 3: ALL_DAY, 4: ALL_DAY, 5: ALL_DAY, 6: ALL_DAY }),
  holidays: Object.freeze([]) as unknown as string[],
}) as BusinessCalendar;
