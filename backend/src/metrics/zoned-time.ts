import type { CivilDate } from './civil-date';
import { compareCivilDates } from './civil-date';

/**
 * Local wall-clock time in an IANA zone, from Intl.DateTimeFormat alone (no date library): the runtime's
 * ICU time-zone data decides offsets and DST, so results follow the tzdata Node ships with.
 */
export interface LocalDateTime extends CivilDate {
  hour: number;
  minute: number;
  second: number;
}

// Building a DateTimeFormat is far slower than using one; keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws a RangeError for an unknown zone, which is what callers should see.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23', // 'h24' would print midnight as 24
      era: 'short', // so years before 1 CE are not silently wrong
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Throws a RangeError unless `timeZone` is an IANA zone name the runtime knows. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

/** Wall-clock date and time at `instant` (epoch ms) in `timeZone`. */
export function localDateTime(instant: number, timeZone: string): LocalDateTime {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  const year = Number(parts.year);
  return {
    year: parts.era === 'BC' || parts.era === 'B' ? 1 - year : year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** Local date at `instant` in `timeZone`. */
export function localDate(instant: number, timeZone: string): CivilDate {
  const { year, month, day } = localDateTime(instant, timeZone);
  return { year, month, day };
}

/** UTC offset in ms (local − UTC) in effect at `instant`, to the second. */
export function offsetAt(instant: number, timeZone: string): number {
  const local = localDateTime(instant, timeZone);
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  return wall - Math.floor(instant / 1000) * 1000;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

// Dashboards ask for the same days on every request (a daily series of a year is 366 look-ups of ~5 formatToParts
// each); a zone's midnight never changes, so remember them. Bounded: cleared when full.
const MIDNIGHTS_MAX = 50_000;
const midnights = new Map<string, number>();

/**
 * The first instant (epoch ms) of local day `date` in `timeZone`.
 *
 * Usually local midnight: we try midnight with the offsets in force a day before and a day after (one
 * of them is the right one unless two transitions fall within two days) and keep the earliest that
 * reads 00:00:00 on that date, so a midnight that happens twice (America/Havana, first Sunday of
 * November) starts the day at its first occurrence. Where midnight does not exist (Africa/Cairo jumps
 * 00:00 → 01:00 on the last Friday of April), the day starts at the transition, found by bisection.
 */
export function startOfLocalDay(date: CivilDate, timeZone: string): number {
  const key = `${timeZone}|${date.year}-${date.month}-${date.day}`;
  let start = midnights.get(key);
  if (start === undefined) {
    start = findStartOfLocalDay(date, timeZone);
    if (midnights.size >= MIDNIGHTS_MAX) midnights.clear();
    midnights.set(key, start);
  }
  return start;
}

function findStartOfLocalDay(date: CivilDate, timeZone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day);
  const offsets = new Set([wall - DAY_MS, wall, wall + DAY_MS].map((t) => offsetAt(t, timeZone)));
  let best: number | undefined;
  for (const offset of offsets) {
    const candidate = wall - offset;
    const local = localDateTime(candidate, timeZone);
    const isMidnight = local.hour === 0 && local.minute === 0 && local.second === 0;
    if (isMidnight && compareCivilDates(local, date) === 0 && (best === undefined || candidate < best)) {
      best = candidate;
    }
  }
  if (best !== undefined) return best;
  // No midnight: a forward jump, so local time rises monotonically here. Offsets lie within −12 h..+14 h,
  // so `low` is still on an earlier date and `high` already on this date or later.
  let low = wall - 15 * HOUR_MS;
  let high = wall + 13 * HOUR_MS;
  while (high - low > 1000) {
    const mid = low + Math.floor((high - low) / 2000) * 1000;
    if (compareCivilDates(localDate(mid, timeZone), date) >= 0) high = mid;
    else low = mid;
  }
  return high;
}
