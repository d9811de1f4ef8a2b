import { timeSeries } from '../metrics/time-buckets';
import { avoidableSplit, type AvoidableSplit } from './avoidable';

export interface AvoidableMonth {
  /** "2024-03" */
  label: string;
  start: Date;
  end: Date;
  split: AvoidableSplit;
}

/**
 * The avoidable / unavoidable / unclassified split of cancellations per calendar month of `timeZone`
 * over [from, to), every month included (an empty month has total 0 and null percents).
 *
 * Worked example: March has price ×2 (avoidable) and moved ×1 (unavoidable) → 66.7 % / 33.3 %;
 * April has moved ×1 → 0 % / 100 %.
 */
export function avoidableByMonth(
  cancellations: readonly { at: Date; reasonKey: string }[],
  avoidableByKey: Readonly<Record<string, boolean>>,
  options: { from: Date; to: Date; timeZone: string; maxMonths?: number },
): AvoidableMonth[] {
  return timeSeries(
    cancellations,
    { from: options.from, to: options.to, interval: 'month', timeZone: options.timeZone, maxBuckets: options.maxMonths },
    (items) => avoidableSplit(items, avoidableByKey),
  ).map((point) => ({ label: point.label, start: point.start, end: point.end, split: point.value }));
}
