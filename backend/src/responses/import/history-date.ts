/**
 * When an answer was given, from the date formats survey tools export: ISO 8601 (with or without time, "T" or a space,
 * offset "Z", "+03:00", "+0300" or "UTC"), Unix seconds or milliseconds, "31.12.2024 [23:59[:59]]" (day first, as in
 * Russia and Bulgaria) and "12/31/2024 [11:59[:59] PM]" (month first, as US exports write it). A time without an offset
 * is UTC. Null when the text is none of these or not a real calendar date (2024-02-30).
 */
export function parseHistoryDate(text: string): Date | null {
  const t = text.trim();
  if (/^\d{10}$/.test(t)) return new Date(Number(t) * 1000);
  if (/^\d{13}$/.test(t)) return new Date(Number(t));
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)? ?(Z|UTC|[+-]\d{2}:?\d{2})?$/i.exec(t);
  if (m) return build(+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), m[7] ?? '', m[8]);
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (m) return build(+m[3], +m[2], +m[1], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), '', undefined);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?([AP]M))?)?$/i.exec(t);
  if (m) {
    let hour = +(m[4] ?? 0);
    const half = m[7]?.toUpperCase();
    if (half && (hour < 1 || hour > 12)) return null;
    if (half === 'PM' && hour < 12) hour += 12;
    if (half === 'AM' && hour === 12) hour = 0;
    return build(+m[3], +m[1], +m[2], hour, +(m[5] ?? 0), +(m[6] ?? 0), '', undefined);
  }
  return null;
}

function build(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  fraction: string,
  zone?: string,
): Date | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const ms = fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0;
  const local = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // A real calendar day: 2024-02-30 would roll over into March.
  if (new Date(local).getUTCDate() !== day) return null;
  let offsetMinutes = 0;
  if (zone && !/^(Z|UTC)$/i.test(zone)) {
    const digits = zone.replace(':', '');
    const sign = digits[0] === '-' ? -1 : 1;
    const hours = Number(digits.slice(1, 3));
    const minutes = Number(digits.slice(3, 5));
    if (hours > 14 || minutes > 59) return null;
    offsetMinutes = sign * (hours * 60 + minutes);
  }
  return new Date(local - offsetMinutes * 60_000);
}
