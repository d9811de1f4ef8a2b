import { addMonthsToFirst, type CivilDate, formatCivilMonth } from '../metrics/civil-date';
import { round1 } from '../metrics/rounding';
import { assertTimeZone, localDate, startOfLocalDay } from '../metrics/zoned-time';

export interface CohortCustomer {
  firstSeenAt: Date;
  /** When the customer was lost (cancelled or lost by inactivity); null while still a customer. */
  lostAt: Date | null;
}

export interface RetentionCell {
  /** Cohort members not lost before the end of month first + k (the month of asOf: not lost by asOf). */
  retained: number;
  /** retained / size as a fraction, unrounded. */
  share: number;
  /** The share in percent, 1 decimal. */
  percent: number;
  /** Month first + k is the month of asOf, not over yet: the cell says "so far". */
  partial: boolean;
}

export interface CohortRow {
  /** "2024-03": local month of firstSeenAt. */
  label: string;
  /** Local start of the cohort month. */
  start: Date;
  /** Customers first seen that month. */
  size: number;
  /**
   * retention[k] for k = 0..maxOffset (the same length on every row). Null when month first + k has
   * not begun by asOf, and on every offset of an empty cohort; partial for the month of asOf.
   */
  retention: (RetentionCell | null)[];
}

export interface CohortRetention {
  /** Largest offset: months from the oldest cohort to the month of asOf. */
  maxOffset: number;
  /** One row per month from the oldest cohort to the month of asOf, empty months included. */
  rows: CohortRow[];
}

/**
 * Monthly retention cohorts in the local calendar of `timeZone`.
 *
 * A customer belongs to the cohort of the local month of firstSeenAt. They are retained at offset k if
 * they were not lost before the end of month first + k: lostAt is null or lostAt ≥ the local start of
 * month first + k + 1. Offset 0 therefore already drops customers lost in their first month.
 *
 * The month containing asOf is reported so far (partial: retained = not lost by asOf), so a customer who
 * cancels stops counting as retained in their cancellation month at once, not only once it is over; a
 * table of 100 % after cancellations this month would contradict the churn figures beside it. Months
 * that begin at or after asOf are null, so the table is a triangle. Losses after asOf are ignored, customers first seen
 * after asOf are left out.
 *
 * Worked example, asOf 10 Apr: January cohort of 4, one lost 15 Jan, one lost 10 Feb, one lost 5 Apr,
 * one still there → offset 0 (end of Jan) 3/4 = 75 %, offset 1 (end of Feb) 2/4 = 50 %, offset 2 (end
 * of Mar) 50 %, offset 3 (April so far) 1/4 = 25 % partial.
 */
export function cohortRetention(
  customers: readonly CohortCustomer[],
  options: { asOf: Date; timeZone: string; maxMonths?: number },
): CohortRetention {
  const { timeZone } = options;
  const asOf = options.asOf instanceof Date ? options.asOf.getTime() : Number.NaN;
  if (Number.isNaN(asOf)) throw new RangeError('asOf must be a valid Date');
  assertTimeZone(timeZone);
  const maxMonths = options.maxMonths ?? 1200;

  const asOfDate = localDate(asOf, timeZone);
  const asOfIndex = monthIndex(asOfDate);
  const members = new Map<number, (number | null)[]>(); // month index → lostAt ms of each member
  let oldest = asOfIndex;
  customers.forEach((customer, i) => {
    const first = customer.firstSeenAt instanceof Date ? customer.firstSeenAt.getTime() : Number.NaN;
    if (Number.isNaN(first)) throw new RangeError(`customers[${i}].firstSeenAt is not a valid Date`);
    let lost: number | null = null;
    if (customer.lostAt !== null) {
      lost = customer.lostAt instanceof Date ? customer.lostAt.getTime() : Number.NaN;
      if (Number.isNaN(lost)) throw new RangeError(`customers[${i}].lostAt is not a valid Date`);
      if (lost < first) throw new RangeError(`customers[${i}].lostAt is before firstSeenAt`);
    }
    if (first > asOf) return;
    const index = monthIndex(localDate(first, timeZone));
    oldest = Math.min(oldest, index);
    const list = members.get(index);
    if (list) list.push(lost);
    else members.set(index, [lost]);
  });

  const maxOffset = asOfIndex - oldest;
  if (maxOffset + 1 > maxMonths) throw new RangeError(`the cohorts span more than ${maxMonths} months`);
  const oldestMonth: CivilDate = { year: Math.floor(oldest / 12), month: (oldest % 12) + 1, day: 1 };
  // monthStarts[j] = local start of month oldest + j, for j = 0..maxOffset + 1.
  const monthStarts: number[] = [];
  for (let j = 0; j <= maxOffset + 1; j++) monthStarts.push(startOfLocalDay(addMonthsToFirst(oldestMonth, j), timeZone));

  const rows: CohortRow[] = [];
  for (let row = 0; row <= maxOffset; row++) {
    const lostAts = members.get(oldest + row) ?? [];
    const size = lostAts.length;
    const retention: (RetentionCell | null)[] = [];
    for (let k = 0; k <= maxOffset; k++) {
      const start = monthStarts[row + k];
      const end = monthStarts[row + k + 1];
      if (size === 0 || start === undefined || end === undefined || start >= asOf) {
        retention.push(null);
        continue;
      }
      const partial = end > asOf;
      const retained = lostAts.filter((lost) => lost === null || (partial ? lost > asOf : lost >= end)).length;
      retention.push({ retained, share: retained / size, percent: round1((retained * 100) / size), partial });
    }
    rows.push({
      label: formatCivilMonth(addMonthsToFirst(oldestMonth, row)),
      start: new Date(monthStarts[row]),
      size,
      retention,
    });
  }
  return { maxOffset, rows };
}

function monthIndex(date: CivilDate): number {
  return date.year * 12 + (date.month - 1);
}
