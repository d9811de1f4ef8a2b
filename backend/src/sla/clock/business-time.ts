// The SLA clock: deadlines and elapsed time counted only in working time of a business calendar, minus the
// periods the timer is paused (waiting on the customer). Both functions walk the same per-day working
// intervals (real UTC instants, so DST days simply have the real length of their wall-clock hours) and the
// same merged pauses, which is what makes them exact inverses of each other.
import { BusinessCalendar, compileCalendar } from './calendar';

/** A pause [from, to) in real time. `to: null` (or absent) is a pause still open: the clock is stopped from `from` on. */
export interface Pause {
  from: Date;
  to?: Date | null;
}

/** A finished pause. With only closed pauses the deadline is always defined. */
export interface ClosedPause extends Pause {
  to: Date;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * A day number (days since epoch) at or before the local day of instant `t` in any zone, and one at or after it.
 * UTC offsets stay within ±1 day, so the UTC day ± 1 brackets the local day without asking Intl (the costly part
 * of a short count); the loops below clip every interval to their range, so the extra days add nothing.
 */
const dayAtOrBefore = (t: number) => Math.floor(t / DAY_MS) - 1;
const dayAtOrAfter = (t: number) => Math.floor(t / DAY_MS) + 1;
/** A deadline more than ~100 years of calendar days away means a calendar with (almost) no working time. */
const MAX_DAYS = 36_600;

function ms(d: Date, what: string): number {
  const t = d instanceof Date ? d.getTime() : NaN;
  if (!Number.isFinite(t)) throw new RangeError(`${what} is not a valid date`);
  return t;
}

/** Sorted, merged pauses as flat [from0, to0, from1, to1, …]; an open pause runs to Infinity. */
function mergePauses(pauses: readonly Pause[] | undefined): number[] {
  if (!pauses?.length) return [];
  const list = pauses
    .map((p, i) => [ms(p.from, `pause ${i + 1} start`), p.to == null ? Infinity : ms(p.to, `pause ${i + 1} end`)] as [number, number])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const out: number[] = [];
  for (const [a, b] of list) {
    if (out.length && a <= out[out.length - 1]) out[out.length - 1] = Math.max(out[out.length - 1], b);
    else out.push(a, b);
  }
  return out;
}

/**
 * The moment `durationMinutes` of working time after `start`: starting outside working hours starts the clock
 * at the next working moment; weekends, holidays, non-working hours and pauses don't count. A deadline reached
 * exactly at the end of a working interval is that end (Friday 18:00, not Monday 09:00). Zero minutes → `start`.
 * Returns null when an open pause stops the clock before the duration is used up (the deadline is unknown
 * until the customer answers).
 */
export function addBusinessTime(start: Date, durationMinutes: number, calendar: BusinessCalendar, pauses?: readonly ClosedPause[]): Date;
export function addBusinessTime(start: Date, durationMinutes: number, calendar: BusinessCalendar, pauses?: readonly Pause[]): Date | null;
export function addBusinessTime(start: Date, durationMinutes: number, calendar: BusinessCalendar, pauses?: readonly Pause[]): Date | null {
  const t0 = ms(start, 'start');
  if (!Number.isFinite(durationMinutes) || durationMinutes < 0)
    throw new RangeError(`duration must be a non-negative number of minutes, got ${durationMinutes}`);
  let remaining = Math.round(durationMinutes * MINUTE_MS);
  if (remaining === 0) return new Date(t0);
  const cal = compileCalendar(calendar);
  const ps = mergePauses(pauses);
  let pi = 0;
  // Start a day early: cheap, and safe whatever the local date of `start` is.
  const first = dayAtOrBefore(t0) - 1;
  for (let day = first; day - first <= MAX_DAYS; day++) {
    const iv = cal.intervalsOn(day);
    for (let k = 0; k < iv.length; k += 2) {
      const end = iv[k + 1];
      if (end <= t0) continue;
      let s = Math.max(iv[k], t0);
      while (s < end) {
        while (pi < ps.length && ps[pi + 1] <= s) pi += 2;
        if (pi < ps.length && ps[pi] <= s) {
          if (ps[pi + 1] === Infinity) return null;
          s = ps[pi + 1];
          continue;
        }
        const e = pi < ps.length ? Math.min(end, ps[pi]) : end;
        if (e - s >= remaining) return new Date(s + remaining);
        remaining -= e - s;
        s = e;
      }
    }
  }
  throw new RangeError('no deadline within 100 years: the calendar has (almost) no working time');
}

/**
 * Working time in minutes between two moments (the same rules as addBusinessTime, so
 * businessMinutesBetween(s, addBusinessTime(s, d)) === d). 0 when `to` is not after `from`. An open pause stops
 * the count at its start. Fractional when the moments are not on whole minutes.
 */
export function businessMinutesBetween(from: Date, to: Date, calendar: BusinessCalendar, pauses?: readonly Pause[]): number {
  const a = ms(from, 'from');
  const b = ms(to, 'to');
  if (b <= a) return 0;
  const cal = compileCalendar(calendar);
  const ps = mergePauses(pauses);
  let pi = 0;
  let total = 0;
  const last = dayAtOrAfter(b);
  for (let day = dayAtOrBefore(a) - 1; day <= last; day++) {
    const iv = cal.intervalsOn(day);
    for (let k = 0; k < iv.length; k += 2) {
      let s = Math.max(iv[k], a);
      const end = Math.min(iv[k + 1], b);
      while (s < end) {
        while (pi < ps.length && ps[pi + 1] <= s) pi += 2;
        if (pi < ps.length && ps[pi] <= s) {
          s = ps[pi + 1];
          continue;
        }
        const e = pi < ps.length ? Math.min(end, ps[pi]) : end;
        total += e - s;
        s = e;
      }
    }
  }
  return total / MINUTE_MS;
}
