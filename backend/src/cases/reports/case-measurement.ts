// Measures one case for the reports: the SLA outcome and time of its first response and resolution, on the clock
// its targets are counted in. Pure (the SLA clock and the metrics module only), so it is unit-tested on its own.
import { npsCategory } from '../../metrics';
import { BusinessCalendar, businessMinutesBetween, Pause, SlaPolicy, SlaTarget, targetFor } from '../../sla/clock';
import { clockOf, EffectivePolicy, toPauses } from '../case-timers';
import type { CaseEntity } from '../case.entity';
import type { MeasuredCase, TimerMeasure } from './case-report-formulas';

/**
 * What measuring needs from a case row. resolutionStartedAt is the start of the resolution clock: opened_at, or the
 * reopen time after a low follow-up.
 */
export type MeasurableCase = Pick<
  CaseEntity,
  | 'priority'
  | 'channel'
  | 'openedAt'
  | 'resolutionStartedAt'
  | 'pauses'
  | 'firstRespondedAt'
  | 'resolvedAt'
  | 'closedAt'
  | 'breachedFirstResponseAt'
  | 'breachedResolutionAt'
  | 'followUpCsat'
  | 'followUpAt'
> & {
  /** For cases opened from a survey answer: the survey's kind and the score given. */
  sourceSurveyKind: string | null;
  sourceScore: number | null;
};

/**
 * One timer. `stop` is when it stopped (null while running); `timed` says whether that stop is a time worth
 * reporting. The outcome is missed when the breach job flagged it, or when the SLA time to `stop` (or, while
 * running, to `now`) exceeds the target — so a reply that came late but before the job's next pass still counts
 * as missed. Pauses (waiting on the customer) never count.
 */
export function measureTimer(
  start: Date,
  stop: Date | null,
  timed: boolean,
  targetMinutes: number | null,
  flagged: boolean,
  calendar: BusinessCalendar,
  pauses: readonly Pause[],
  now: Date,
): TimerMeasure {
  const taken = stop ? businessMinutesBetween(start, stop, calendar, pauses) : null;
  const minutes = timed ? taken : null;
  if (targetMinutes === null) return { outcome: 'no_target', minutes };
  if (flagged) return { outcome: 'missed', minutes };
  if (taken !== null) return { outcome: taken <= targetMinutes ? 'met' : 'missed', minutes };
  return { outcome: businessMinutesBetween(start, now, calendar, pauses) > targetMinutes ? 'missed' : 'pending', minutes };
}

/** targetFor per policy object, priority and channel: a report measures thousands of cases against a few policies. */
const targets = new WeakMap<SlaPolicy, Map<string, SlaTarget>>();

function cachedTargetFor(policy: SlaPolicy, priority: string, channel: string): SlaTarget {
  let byKey = targets.get(policy);
  if (!byKey) targets.set(policy, (byKey = new Map()));
  const key = `${priority}\n${channel}`;
  let target = byKey.get(key);
  if (!target) byKey.set(key, (target = targetFor(policy, priority, channel)));
  return target;
}

/**
 * A case measured against the target its policy sets for its priority and channel:
 * - first response runs from opened_at to our first reply; a case closed without any reply stops it at the close
 *   (closing answers the customer, as the breach job also stops watching it) but gives no response time;
 * - resolution runs from resolution_started_at (the reopen time after a low follow-up) to resolved_at.
 */
export function measureCase(c: MeasurableCase, sla: EffectivePolicy, now: Date): MeasuredCase {
  const target = cachedTargetFor(sla.policy, c.priority, c.channel);
  const calendar = clockOf(target, sla);
  const pauses = toPauses(c.pauses);
  const answeredAt = c.firstRespondedAt ?? c.resolvedAt;
  return {
    openedAt: c.openedAt,
    firstResponse: measureTimer(
      c.openedAt,
      answeredAt,
      c.firstRespondedAt !== null,
      target.firstResponseMinutes,
      c.breachedFirstResponseAt !== null,
      calendar,
      pauses,
      now,
    ),
    resolution: measureTimer(
      c.resolutionStartedAt,
      c.resolvedAt,
      c.resolvedAt !== null,
      target.resolutionMinutes,
      c.breachedResolutionAt !== null,
      calendar,
      pauses,
      now,
    ),
    followUpCsat: c.followUpCsat,
    closedOnce: c.closedAt !== null || c.followUpAt !== null,
    detractor: isDetractor(c.sourceSurveyKind, c.sourceScore),
  };
}

/** An NPS answer of 0–6 (the metrics module's rule; a stored score off the 0–10 scale is not a detractor). */
function isDetractor(kind: string | null, score: number | null): boolean {
  if (kind !== 'nps' || score === null || !Number.isInteger(score) || score < 0 || score > 10) return false;
  return npsCategory(score) === 'detractor';
}
