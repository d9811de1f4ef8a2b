import { addBusinessTime, businessMinutesBetween, defaultBusinessCalendar, workingDayMinutes, type BusinessCalendar } from '../sla/clock';

/** Used when a workspace has no SLA policy row yet, as for cases. */
export const FALLBACK_CALENDAR = defaultBusinessCalendar('Europe/Moscow');

export type DueIn = { amount: number; unit: 'hours' | 'days' };

/**
 * "In N business hours/days" on the calendar's clock. A business day is the calendar's usual working day
 * (workingDayMinutes), as in the SLA policies, so "in 5 business days" from Friday 15:00 is the next Friday 15:00
 * when the week has no holiday, and later by each holiday in between.
 */
export function dueFrom(start: Date, dueIn: DueIn, calendar: BusinessCalendar): Date {
  const minutes = dueIn.unit === 'hours' ? dueIn.amount * 60 : dueIn.amount * workingDayMinutes(calendar);
  return addBusinessTime(start, minutes, calendar);
}

/**
 * The reminder: `beforeMinutes` business minutes before the due time, counted forward from `from` (the clock only
 * runs forward). Null when less business time than that is left: the owner has just made the promise.
 */
export function remindAtFor(from: Date, dueAt: Date, beforeMinutes: number, calendar: BusinessCalendar): Date | null {
  if (beforeMinutes <= 0) return null;
  const left = businessMinutesBetween(from, dueAt, calendar);
  if (left <= beforeMinutes) return null;
  return addBusinessTime(from, left - beforeMinutes, calendar);
}
