// The reason figures (reasonsByMonth, reasonTotals, avoidableSplit, avoidableByMonth) from counts that PostgreSQL
// tallied, instead of from every cancellation row: the same rules, so the same figures, at any number of flows.
import { round1 } from '../metrics/rounding';
import type { BucketEdge } from '../metrics/time-buckets';
import type { AvoidableSplit } from './avoidable';
import type { AvoidableMonth } from './avoidable-by-month';
import type { ReasonTotal } from './reason-totals';
import type { ReasonMonth, ReasonMonthCell } from './reasons-by-month';

/**
 * Cancellations of one bucket (index into the period's bucket edges) and one reason: `count` picked it, `offered`
 * picked it or had it in their offered list (each cancellation once). A row with reasonKey null carries the bucket's
 * number of cancellations in `count`.
 */
export interface ReasonTally {
  bucket: number;
  reasonKey: string | null;
  count: number;
  offered: number;
}

/** The tallies of one period, indexed for the figures below. */
export class ReasonTallies {
  /** Every reason picked or offered in the period, sorted as reasonsByMonth sorts them. */
  readonly reasonKeys: string[];
  private readonly cells = new Map<string, ReasonTally>();
  private readonly bucketTotals = new Map<number, number>();

  constructor(tallies: readonly ReasonTally[]) {
    const keys = new Set<string>();
    for (const t of tallies) {
      if (t.reasonKey === null) {
        this.bucketTotals.set(t.bucket, t.count);
      } else {
        keys.add(t.reasonKey);
        this.cells.set(`${t.bucket}\n${t.reasonKey}`, t);
      }
    }
    this.reasonKeys = [...keys].sort();
  }

  /** Cancellations in the period. */
  get total(): number {
    let total = 0;
    for (const n of this.bucketTotals.values()) total += n;
    return total;
  }

  private cell(bucket: number, reasonKey: string): { count: number; offered: number } {
    return this.cells.get(`${bucket}\n${reasonKey}`) ?? { count: 0, offered: 0 };
  }

  /** reasonsByMonth: one point per bucket edge, every reason in every month. */
  months(edges: readonly BucketEdge[]): ReasonMonth[] {
    return edges.map((edge, bucket) => ({
      key: edge.key,
      label: edge.label,
      start: new Date(edge.start),
      end: new Date(edge.end),
      total: this.bucketTotals.get(bucket) ?? 0,
      reasons: this.reasonKeys.map((reasonKey): ReasonMonthCell => {
        const { count, offered } = this.cell(bucket, reasonKey);
        if (offered === 0) return { reasonKey, count, offered, share: null, percent: null };
        return { reasonKey, count, offered, share: count / offered, percent: round1((count * 100) / offered) };
      }),
    }));
  }

  /** reasonTotals: per reason over the whole period, most picked first, then key. */
  totals(): ReasonTotal[] {
    const sums = new Map<string, { count: number; offered: number }>();
    for (const t of this.cells.values()) {
      const sum = sums.get(t.reasonKey!) ?? { count: 0, offered: 0 };
      sum.count += t.count;
      sum.offered += t.offered;
      sums.set(t.reasonKey!, sum);
    }
    return [...sums.entries()]
      .map(([reasonKey, { count, offered }]) => ({
        reasonKey,
        count,
        offered,
        percent: offered === 0 ? null : round1((count * 100) / offered),
      }))
      .sort((a, b) => b.count - a.count || (a.reasonKey < b.reasonKey ? -1 : a.reasonKey > b.reasonKey ? 1 : 0));
  }

  /** avoidableSplit over the whole period, or over one bucket. */
  avoidable(avoidableByKey: Readonly<Record<string, boolean>>, bucket?: number): AvoidableSplit {
    const picked = new Map<string, number>();
    for (const t of this.cells.values()) {
      if (t.count === 0 || (bucket !== undefined && t.bucket !== bucket)) continue;
      picked.set(t.reasonKey!, (picked.get(t.reasonKey!) ?? 0) + t.count);
    }
    const total = bucket === undefined ? this.total : (this.bucketTotals.get(bucket) ?? 0);
    return avoidableSplitOfCounts(picked, total, avoidableByKey);
  }

  /** avoidableByMonth: the split per bucket edge. */
  avoidableMonths(edges: readonly BucketEdge[], avoidableByKey: Readonly<Record<string, boolean>>): AvoidableMonth[] {
    return edges.map((edge, bucket) => ({
      label: edge.label,
      start: new Date(edge.start),
      end: new Date(edge.end),
      split: this.avoidable(avoidableByKey, bucket),
    }));
  }
}

/** avoidableSplit from the number of cancellations that picked each reason (`total` of them in all). */
export function avoidableSplitOfCounts(
  picked: ReadonlyMap<string, number>,
  total: number,
  avoidableByKey: Readonly<Record<string, boolean>>,
): AvoidableSplit {
  let avoidable = 0;
  let unavoidable = 0;
  let unknown = 0;
  const unknownKeys: string[] = [];
  for (const [reasonKey, count] of picked) {
    if (Object.prototype.hasOwnProperty.call(avoidableByKey, reasonKey)) {
      const flag = avoidableByKey[reasonKey];
      if (typeof flag !== 'boolean') throw new RangeError(`avoidableByKey.${reasonKey} is not a boolean`);
      if (flag) avoidable += count;
      else unavoidable += count;
    } else {
      unknown += count;
      unknownKeys.push(reasonKey);
    }
  }
  const share = (count: number) => ({ count, percent: total === 0 ? null : round1((count * 100) / total) });
  return {
    total,
    avoidable: share(avoidable),
    unavoidable: share(unavoidable),
    unknown: share(unknown),
    unknownKeys: unknownKeys.sort(),
    exact:
      total === 0
        ? null
        : { avoidable: (avoidable * 100) / total, unavoidable: (unavoidable * 100) / total, unknown: (unknown * 100) / total },
  };
}
