import type { Timestamped } from './time-buckets';

/** A half-open range of instants [from, to). */
export interface DateRange {
  from: Date;
  to: Date;
}

/**
 * The period of equal length that ends where `range` starts. "Equal length" is in elapsed time, so
 * the period before [1 Mar 2024, 1 Apr 2024) is 31 days long and starts on 30 Jan; a caller who
 * wants "March against February" passes both ranges explicitly instead.
 */
export function previousPeriod(range: DateRange): DateRange {
  const from = range.from.getTime();
  const to = range.to.getTime();
  if (Number.isNaN(from) || Number.isNaN(to)) throw new RangeError('from and to must be valid Dates');
  if (from > to) throw new RangeError('from must not be after to');
  return { from: new Date(from - (to - from)), to: new Date(from) };
}

/** Items of `range` and of the period before it, ready to summarise and compare. */
export function splitCurrentAndPrevious<T extends Timestamped>(
  items: readonly T[],
  range: DateRange,
): { current: T[]; previous: T[]; previousRange: DateRange } {
  const previousRange = previousPeriod(range);
  const start = previousRange.from.getTime();
  const middle = range.from.getTime();
  const end = range.to.getTime();
  const current: T[] = [];
  const previous: T[] = [];
  items.forEach((item, i) => {
    const at = item.at instanceof Date ? item.at.getTime() : Number.NaN;
    if (Number.isNaN(at)) throw new RangeError(`item[${i}].at is not a valid Date`);
    if (at >= middle && at < end) current.push(item);
    else if (at >= start && at < middle) previous.push(item);
  });
  return { current, previous, previousRange };
}
