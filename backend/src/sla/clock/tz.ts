// Time-zone arithmetic on top of Intl.DateTimeFormat (the ICU tz database bundled with Node), so the SLA
// clock needs no tz package. Instants are epoch milliseconds; "wall" times are the local clock reading
// encoded as if it were UTC (Date.UTC(y, m - 1, d, h, mi)), which makes day and minute arithmetic plain
// integer arithmetic.

const DAY_MS = 86_400_000;
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    // h23: some ICU versions print midnight as "24" with hour12: false.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, f);
  }
  return f;
}

/** True when Intl knows the zone (IANA names such as "Europe/Moscow", plus "UTC"). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

const EN_US = /^(\d+)\/(\d+)\/(\d+), (\d+):(\d+):(\d+)$/;

/** The local wall-clock reading at an instant, as a UTC-encoded millisecond count (whole seconds). */
export function wallAt(timeZone: string, instantMs: number): number {
  const f = formatFor(timeZone);
  // format() + a regex is several times cheaper than formatToParts(); the parts are the fallback.
  const m = EN_US.exec(f.format(instantMs));
  if (m) return Date.UTC(Number(m[3]), Number(m[1]) - 1, Number(m[2]), Number(m[4]), Number(m[5]), Number(m[6]));
  const v: Record<string, number> = {};
  for (const p of f.formatToParts(instantMs)) if (p.type !== 'literal') v[p.type] = Number(p.value);
  return Date.UTC(v.year, v.month - 1, v.day, v.hour, v.minute, v.second);
}

/** UTC offset in ms (local minus UTC) in force at an instant. */
export function offsetAt(timeZone: string, instantMs: number): number {
  const whole = Math.floor(instantMs / 1000) * 1000;
  return wallAt(timeZone, whole) - whole;
}

/** Local calendar day of an instant as days since 1970-01-01 (weekday = (day + 4) mod 7, 0 = Sunday). */
export function localDayOf(timeZone: string, instantMs: number): number {
  return Math.floor(wallAt(timeZone, instantMs) / DAY_MS);
}

/**
 * The instant at which the local clock shows `wallMs`. Wall times that occur twice (the repeated hour when
 * clocks go back) resolve to the earlier occurrence; wall times that never occur (the hour skipped when
 * clocks go forward) resolve to the moment of the jump, i.e. the first existing moment after them. A working
 * interval is therefore never stretched into the gap, and back-to-back intervals never overlap.
 */
export function instantOfWall(timeZone: string, wallMs: number): number {
  let memo = instants.get(timeZone);
  if (!memo) instants.set(timeZone, (memo = new Map()));
  let t = memo.get(wallMs);
  if (t === undefined) {
    if (memo.size >= MAX_MEMO) memo.clear();
    t = resolveWall(timeZone, wallMs);
    memo.set(wallMs, t);
  }
  return t;
}

// Calendars loaded afresh per request share the same few wall times (09:00, 18:00 of each day) per zone.
const MAX_MEMO = 50_000;
const instants = new Map<string, Map<number, number>>();

function resolveWall(timeZone: string, wallMs: number): number {
  // Offsets a day either side bracket any single transition near this wall time.
  const before = offsetAt(timeZone, wallMs - DAY_MS);
  const after = offsetAt(timeZone, wallMs + DAY_MS);
  const candidates: number[] = [];
  for (const off of before === after ? [before] : [before, after]) {
    const t = wallMs - off;
    if (offsetAt(timeZone, t) === off) candidates.push(t);
  }
  if (candidates.length > 0) return Math.min(...candidates);
  // A gap: the clock jumps over this wall time. Find the jump, which lies between the instants this wall time
  // would have under the later and the earlier offset.
  let lo = wallMs - Math.max(before, after);
  let hi = wallMs - Math.min(before, after);
  const loOffset = offsetAt(timeZone, lo);
  // Binary search, to the second, for the first instant whose offset differs from lo's.
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (offsetAt(timeZone, mid) === loOffset) lo = mid;
    else hi = mid;
  }
  return hi;
}
