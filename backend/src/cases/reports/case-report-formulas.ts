// Pure figures of the case reports: compliance, percentiles, follow-up CSAT, the speed/quality trade-off and the
// closed-loop rate, over cases already measured (case-measurement.ts). No Nest, no database: unit-tested alone.
import { csatSummary, round1, round2 } from '../../metrics';

/**
 * The SLA outcome of one timer of one case:
 * - met / missed: the outcome is known (the timer stopped, or its deadline has passed without it stopping);
 * - pending: it has a target, is still running and is not late yet (not counted in compliance);
 * - no_target: the case's policy sets no target for it (never counted).
 */
export type TimerOutcome = 'met' | 'missed' | 'pending' | 'no_target';

export interface TimerMeasure {
  outcome: TimerOutcome;
  /** SLA minutes the timer took (see case-measurement.ts), once it stopped; null while running or when it never ran. */
  minutes: number | null;
}

/** One case as the reports see it. */
export interface MeasuredCase {
  openedAt: Date;
  firstResponse: TimerMeasure;
  resolution: TimerMeasure;
  /** The customer's follow-up CSAT (1–5), or null when there is none. */
  followUpCsat: number | null;
  /** Closed at least once, so a follow-up could have been asked. */
  closedOnce: boolean;
  /** Opened from an NPS detractor answer (0–6). */
  detractor: boolean;
}

export interface TimerFigures {
  /** Cases whose outcome is known: met + missed. */
  measured: number;
  met: number;
  /** Missed targets (breaches) of this timer. */
  missed: number;
  pending: number;
  noTarget: number;
  /** met / measured in percent, 1 decimal; null when nothing is measured. */
  compliance: number | null;
  /** Cases with a time (the timer stopped). */
  timed: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
}

export interface FollowUpFigures {
  /** Cases closed at least once (could have been asked). */
  closedCases: number;
  /** Of those, cases with a follow-up CSAT. */
  answered: number;
  /** answered / closedCases in percent, 1 decimal. */
  sharePercent: number | null;
  /** Mean of the 1–5 answers, 2 decimals. */
  average: number | null;
  median: number | null;
  /** CSAT: share of 4–5 answers in percent (the metrics module's definition). */
  csatPercent: number | null;
}

/** Speed next to quality on the same cases: resolved cases that also have a follow-up CSAT. */
export interface TradeOffFigures {
  cases: number;
  medianResolutionMinutes: number | null;
  averageCsat: number | null;
}

/** Detractors contacted within target: detractor cases whose first response met its target / those measured. */
export interface ClosedLoopFigures {
  detractorCases: number;
  measured: number;
  met: number;
  ratePercent: number | null;
}

export interface CaseFigures {
  cases: number;
  firstResponse: TimerFigures;
  resolution: TimerFigures;
  /** Missed targets, first response and resolution together (a case can breach both). */
  breaches: number;
  /** Cases that missed at least one target. */
  breachedCases: number;
  followUp: FollowUpFigures;
  tradeOff: TradeOffFigures;
  closedLoop: ClosedLoopFigures;
}

/**
 * The p-quantile (0 ≤ p ≤ 1) by linear interpolation between closest ranks — rank p·(n − 1) of the sorted values,
 * as PostgreSQL's percentile_cont and Excel's PERCENTILE.INC do; null for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be between 0 and 1, got ${p}`);
  if (values.length === 0) return null;
  return percentileOfSorted(
    [...values].sort((a, b) => a - b),
    p,
  );
}

/** percentile() over values already sorted ascending (sort once for several quantiles). */
function percentileOfSorted(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = p * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

export const median = (values: readonly number[]): number | null => percentile(values, 0.5);

/** part / whole in percent with 1 decimal; null when whole is 0. */
export function percentOf(part: number, whole: number): number | null {
  return whole > 0 ? round1((100 * part) / whole) : null;
}

const roundOrNull = (value: number | null, round: (v: number) => number) => (value === null ? null : round(value));

/** Compliance and times of one timer over cases; pending and no-target cases are left out of compliance. */
export function timerFigures(measures: readonly TimerMeasure[]): TimerFigures {
  // One pass and one sort: reports run this over tens of thousands of cases, per group and for the totals.
  const counts: Record<TimerOutcome, number> = { met: 0, missed: 0, pending: 0, no_target: 0 };
  const times: number[] = [];
  for (const m of measures) {
    counts[m.outcome]++;
    if (m.minutes !== null) times.push(m.minutes);
  }
  times.sort((a, b) => a - b);
  const { met, missed } = counts;
  return {
    measured: met + missed,
    met,
    missed,
    pending: counts.pending,
    noTarget: counts.no_target,
    compliance: percentOf(met, met + missed),
    timed: times.length,
    medianMinutes: roundOrNull(percentileOfSorted(times, 0.5), round1),
    p90Minutes: roundOrNull(percentileOfSorted(times, 0.9), round1),
  };
}

const mean = (values: readonly number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

export function followUpFigures(cases: readonly MeasuredCase[]): FollowUpFigures {
  const closed = cases.filter((c) => c.closedOnce || c.followUpCsat !== null);
  const scores = closed.map((c) => c.followUpCsat).filter((s): s is number => s !== null);
  return {
    closedCases: closed.length,
    answered: scores.length,
    sharePercent: percentOf(scores.length, closed.length),
    average: roundOrNull(mean(scores), round2),
    median: roundOrNull(median(scores), round2),
    csatPercent: scores.length ? csatSummary(scores).csat : null,
  };
}

export function tradeOffFigures(cases: readonly MeasuredCase[]): TradeOffFigures {
  const both = cases.filter((c) => c.resolution.minutes !== null && c.followUpCsat !== null);
  return {
    cases: both.length,
    medianResolutionMinutes: roundOrNull(median(both.map((c) => c.resolution.minutes!)), round1),
    averageCsat: roundOrNull(mean(both.map((c) => c.followUpCsat!)), round2),
  };
}

export function closedLoopFigures(cases: readonly MeasuredCase[]): ClosedLoopFigures {
  const detractors = cases.filter((c) => c.detractor);
  const met = detractors.filter((c) => c.firstResponse.outcome === 'met').length;
  const measured = met + detractors.filter((c) => c.firstResponse.outcome === 'missed').length;
  return { detractorCases: detractors.length, measured, met, ratePercent: percentOf(met, measured) };
}

/** Every figure of a group of cases (a touchpoint, an owner, a week…). */
export function caseFigures(cases: readonly MeasuredCase[]): CaseFigures {
  const firstResponse = timerFigures(cases.map((c) => c.firstResponse));
  const resolution = timerFigures(cases.map((c) => c.resolution));
  return {
    cases: cases.length,
    firstResponse,
    resolution,
    breaches: firstResponse.missed + resolution.missed,
    breachedCases: cases.filter((c) => c.firstResponse.outcome === 'missed' || c.resolution.outcome === 'missed').length,
    followUp: followUpFigures(cases),
    tradeOff: tradeOffFigures(cases),
    closedLoop: closedLoopFigures(cases),
  };
}
