import { addDays, addMonthsToFirst, type CivilDate, formatCivilDate, formatCivilMonth, formatIsoWeek, startOfIsoWeek } from './civil-date';
import { assertTimeZone, localDate, startOfLocalDay } from './zoned-time';

export type BucketInterval = 'day' | 'week' | 'month';

export interface TimeSeriesOptions {
  /** Inclusive start instant. */
  from: Date;
  /** Exclusive end instant. */
  to: Date;
  /** Calendar bucket; weeks are ISO weeks starting on Monday. */
  interval: BucketInterval;
  /** IANA zone whose local calendar defines the buckets, e.g. "Europe/Berlin". */
  timeZone: string;
  /** Guard against accidental huge ranges (a daily series since 1970); default 10 000. */
  maxBuckets?: number;
}

export interface TimeSeriesPoint<S> {
  /** Local date the calendar bucket starts on, "2024-03-25"; unique and sortable. */
  key: string;
  /** "2024-03-25" (day), "2024-W13" (ISO week-year and week), "2024-03" (month). */
  label: string;
  /** First instant covered: the bucket's local start, or `from` if that is later. */
  start: Date;
  /** Instant after the last one covered: the next bucket's local start, or `to` if that is earlier. */
  end: Date;
  /** Items that fell into the bucket. */
  count: number;
  /** summarise(items of the bucket); called with [] for empty buckets so each point has a value. */
  value: S;
}

/** Anything with a timestamp: an answer, a display, a cancellation. */
export interface Timestamped {
  at: Date;
}

/**
 * One point per local day / ISO week / month of `timeZone` that overlaps [from, to), empty buckets
 * included, in order. Items outside [from, to) are ignored, so the first and last buckets are partial
 * when from/to are not at bucket boundaries (their `start`/`end` say so).
 *
 * Bucket edges are computed as instants (local midnight → UTC with the zone's offset on that date), so a
 * week containing a DST change is 167 or 169 hours long, and an item is placed by comparing instants:
 * no per-item time-zone formatting.
 */
export function timeSeries<T extends Timestamped, S>(
  items: readonly T[],
  options: TimeSeriesOptions,
  summarise: (items: T[]) => S,
): TimeSeriesPoint<S>[] {
  const edges = bucketEdges(options);
  if (edges.length === 0) return [];
  const from = options.from.getTime();
  const to = options.to.getTime();
  const groups: T[][] = edges.map(() => []);
  items.forEach((item, i) => {
    const at = item.at instanceof Date ? item.at.getTime() : Number.NaN;
    if (Number.isNaN(at)) throw new RangeError(`item[${i}].at is not a valid Date`);
    if (at < from || at >= to) return;
    groups[findBucket(edges, at)].push(item);
  });
  return edges.map((edge, i) => ({
    key: edge.key,
    label: edge.label,
    start: new Date(edge.start),
    end: new Date(edge.end),
    count: groups[i].length,
    value: summarise(groups[i]),
  }));
}

/** A bucket's identity and the instants it covers within [from, to). */
export interface BucketEdge {
  key: string;
  label: string;
  /** Epoch ms, inclusive. */
  start: number;
  /** Epoch ms, exclusive. */
  end: number;
}

/** The buckets of `interval` in `timeZone` that overlap [from, to), clipped to it. */
export function bucketEdges(options: TimeSeriesOptions): BucketEdge[] {
  const { interval, timeZone } = options;
  const from = options.from instanceof Date ? options.from.getTime() : Number.NaN;
  const to = options.to instanceof Date ? options.to.getTime() : Number.NaN;
  if (Number.isNaN(from) || Number.isNaN(to)) throw new RangeError('from and to must be valid Dates');
  if (from > to) throw new RangeError('from must not be after to');
  if (interval !== 'day' && interval !== 'week' && interval !== 'month') {
    throw new RangeError(`interval is ${String(interval)}; expected day, week or month`);
  }
  assertTimeZone(timeZone);
  const maxBuckets = options.maxBuckets ?? 10_000;
  const edges: BucketEdge[] = [];
  if (from === to) return edges;

  let bucket = alignToBucket(localDate(from, timeZone), interval);
  let start = startOfLocalDay(bucket, timeZone);
  while (start < to) {
    if (edges.length >= maxBuckets) {
      throw new RangeError(`the range needs more than ${maxBuckets} ${interval} buckets`);
    }
    const next = nextBucket(bucket, interval);
    const nextStart = startOfLocalDay(next, timeZone);
    // A local day can be skipped outright (Pacific/Apia went from 29 to 31 December 2011): no point.
    if (nextStart > start) {
      edges.push({
        key: formatCivilDate(bucket),
        label: labelOf(bucket, interval),
        start: Math.max(start, from),
        end: Math.min(nextStart, to),
      });
    }
    bucket = next;
    start = nextStart;
  }
  return edges;
}

function alignToBucket(date: CivilDate, interval: BucketInterval): CivilDate {
  if (interval === 'week') return startOfIsoWeek(date);
  if (interval === 'month') return { year: date.year, month: date.month, day: 1 };
  return date;
}

function nextBucket(date: CivilDate, interval: BucketInterval): CivilDate {
  if (interval === 'week') return addDays(date, 7);
  if (interval === 'month') return addMonthsToFirst(date, 1);
  return addDays(date, 1);
}

function labelOf(date: CivilDate, interval: BucketInterval): string {
  if (interval === 'week') return formatIsoWeek(date);
  if (interval === 'month') return formatCivilMonth(date);
  return formatCivilDate(date);
}

/** Index of the bucket with start ≤ at < end; edges are contiguous and `at` is inside [from, to). */
function findBucket(edges: readonly BucketEdge[], at: number): number {
  let low = 0;
  let high = edges.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (edges[mid].start <= at) low = mid;
    else high = mid - 1;
  }
  return low;
}
