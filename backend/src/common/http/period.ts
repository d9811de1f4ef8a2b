import { assertTimeZone } from '../../metrics';
import { validationError } from './validation.pipe';

const DAY_MS = 86_400_000;
/** Longest period a report may cover: three years. */
export const MAX_PERIOD_DAYS = 3 * 366;

export interface Period {
  from: Date;
  to: Date;
  timeZone: string;
}

/**
 * A report's period from optional ISO `from`/`to` (default: the `defaultDays` before now) and IANA
 * `timeZone` (default UTC), or a 400 naming the bad field.
 */
export function resolvePeriod(query: { from?: string; to?: string; timeZone?: string }, defaultDays: number): Period {
  const to = query.to ? new Date(query.to) : new Date();
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - defaultDays * DAY_MS);
  if (from >= to) throw validationError([{ field: 'from', message: 'from must be before to' }]);
  if (to.getTime() - from.getTime() > MAX_PERIOD_DAYS * DAY_MS) {
    throw validationError([{ field: 'from', message: `the period can be at most ${MAX_PERIOD_DAYS} days` }]);
  }
  return { from, to, timeZone: resolveTimeZone(query.timeZone) };
}

/** An IANA `timeZone` from a request (default UTC), or a 400 naming the field. */
export function resolveTimeZone(timeZone: string | undefined): string {
  const zone = timeZone ?? 'UTC';
  try {
    assertTimeZone(zone);
  } catch {
    throw validationError([{ field: 'timeZone', message: 'timeZone must be an IANA time zone such as Europe/Moscow' }]);
  }
  return zone;
}
