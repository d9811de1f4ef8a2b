import { offsetAt } from '../../metrics/zoned-time';

/**
 * Dates as monitoring exports write them → an ISO instant, or null when unreadable:
 * - ISO 8601 with a zone ("2026-11-30T09:15:00Z", "+03:00") is taken as written;
 * - wall-clock forms without a zone are read in `timeZone` (the caller's choice, default UTC):
 *   "2026-11-30", "2026-11-30 09:15", "2026-11-30T09:15:00", "30.11.2026", "30.11.2026 09:15[:00]".
 * A day or month out of range (31.02) is null, not rolled over.
 */
export function parseMentionDate(text: string, timeZone: string): string | null {
  const value = text.trim();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/i.test(value)) {
    const instant = Date.parse(value);
    return Number.isNaN(instant) ? null : new Date(instant).toISOString();
  }
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(value);
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(value);
  const parts = iso
    ? { y: +iso[1], m: +iso[2], d: +iso[3], hh: +(iso[4] ?? 0), mm: +(iso[5] ?? 0), ss: +(iso[6] ?? 0) }
    : dotted
      ? { y: +dotted[3], m: +dotted[2], d: +dotted[1], hh: +(dotted[4] ?? 0), mm: +(dotted[5] ?? 0), ss: +(dotted[6] ?? 0) }
      : null;
  if (!parts || parts.hh > 23 || parts.mm > 59 || parts.ss > 59) return null;
  const wall = Date.UTC(parts.y, parts.m - 1, parts.d, parts.hh, parts.mm, parts.ss);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== parts.y || check.getUTCMonth() !== parts.m - 1 || check.getUTCDate() !== parts.d) return null;
  return new Date(wallToInstant(wall, timeZone)).toISOString();
}

/** The instant whose local wall clock in `timeZone` reads `wall` (two passes settle the offset around DST changes). */
function wallToInstant(wall: number, timeZone: string): number {
  if (timeZone === 'UTC') return wall;
  const first = wall - offsetAt(wall, timeZone);
  return wall - offsetAt(first, timeZone);
}
