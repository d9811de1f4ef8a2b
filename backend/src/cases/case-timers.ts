// Due and warning times of a case from its SLA policy, counting pauses (waiting on the customer).
import { BusinessCalendar, businessMinutesBetween, CALENDAR_24X7, deadlines, Pause, SlaPolicy, SlaTarget, targetFor } from '../sla/clock';

/** How pauses are stored on a case (jsonb): ISO instants, `to: null` while still waiting. */
export interface StoredPause {
  from: string;
  to: string | null;
  /**
   * SLA minutes each timer had left when the wait began (null: no target), kept on the open pause so the inbox can
   * say "paused, 2h left" while the deadlines themselves are unknown. Pauses recorded before this was kept lack it.
   */
  firstResponseMinutesLeft?: number | null;
  resolutionMinutesLeft?: number | null;
}

export interface EffectivePolicy {
  id: string | null;
  policy: SlaPolicy;
  calendar: BusinessCalendar;
}

export interface CaseTimers {
  firstResponseDue: Date | null;
  firstResponseWarnAt: Date | null;
  resolutionDue: Date | null;
  resolutionWarnAt: Date | null;
}

/** The calendar a target counts in: the policy's business calendar, or every hour for 'calendar' targets. */
export const clockOf = (target: SlaTarget, sla: EffectivePolicy): BusinessCalendar =>
  target.clock === 'calendar' ? CALENDAR_24X7 : sla.calendar;

export const toPauses = (stored: readonly StoredPause[]): Pause[] =>
  stored.map((p) => ({ from: new Date(p.from), to: p.to === null ? null : new Date(p.to) }));

/**
 * Timers for a case. First response counts from `openedAt`, resolution from `resolutionStartedAt` (the reopen time
 * after a reopen); both skip pauses, and both are null (unknown) while an open pause stops the clock before the
 * target is used up.
 */
export function caseTimers(
  sla: EffectivePolicy,
  priority: string,
  channel: string,
  openedAt: Date,
  resolutionStartedAt: Date,
  pauses: readonly StoredPause[],
): CaseTimers {
  const target = targetFor(sla.policy, priority, channel);
  const ps = toPauses(pauses);
  const first = deadlines(openedAt, { ...target, resolutionMinutes: null }, sla.calendar, ps, sla.policy.warnAtShare);
  const resolution = deadlines(resolutionStartedAt, { ...target, firstResponseMinutes: null }, sla.calendar, ps, sla.policy.warnAtShare);
  return {
    firstResponseDue: first.firstResponseDue,
    firstResponseWarnAt: first.firstResponseWarnAt,
    resolutionDue: resolution.resolutionDue,
    resolutionWarnAt: resolution.resolutionWarnAt,
  };
}

/**
 * What each timer had left at `at` (the start of the open pause), in SLA minutes of its clock; negative when it was
 * already overdue by that much.
 * Earlier, closed pauses are not counted, as for the deadlines.
 */
export function minutesLeftAt(
  sla: EffectivePolicy,
  priority: string,
  channel: string,
  openedAt: Date,
  resolutionStartedAt: Date,
  pauses: readonly StoredPause[],
  at: Date,
): { firstResponseMinutesLeft: number | null; resolutionMinutesLeft: number | null } {
  const target = targetFor(sla.policy, priority, channel);
  const calendar = clockOf(target, sla);
  const closed = toPauses(pauses).filter((p) => p.to !== null);
  const left = (start: Date, minutes: number | null) =>
    minutes === null ? null : Math.round(minutes - businessMinutesBetween(start, at, calendar, closed));
  return {
    firstResponseMinutesLeft: left(openedAt, target.firstResponseMinutes),
    resolutionMinutesLeft: left(resolutionStartedAt, target.resolutionMinutes),
  };
}
