import { type ProportionEstimate, proportionEstimate } from '../metrics/proportion';
import { round2 } from '../metrics/rounding';
import { assertCount } from '../metrics/validate';
import { assertSafeCents, fromCents, toCents } from './money';

export interface SaveRate extends ProportionEstimate {
  /** saved / finishedFlows as a fraction (0..1), unrounded; null when no flow finished. */
  rate: number | null;
}

/**
 * Save rate = cancellation flows that ended with the customer staying (accepted an offer, paused,
 * changed their mind) / cancellation flows that finished (saved + cancelled). Abandoned flows are not
 * finished and belong in neither number. Reported with the 95 % Wilson interval of `proportionEstimate`.
 *
 * Worked example: 30 saved of 120 finished flows → 30 / 120 = 25 %, Wilson 95 % ≈ 18.1 %..33.4 %.
 */
export function saveRate(input: { saved: number; finishedFlows: number }): SaveRate {
  const { saved, finishedFlows } = input;
  assertCount(saved, 'saved');
  assertCount(finishedFlows, 'finishedFlows');
  const estimate = proportionEstimate(saved, finishedFlows);
  return { ...estimate, rate: finishedFlows === 0 ? null : saved / finishedFlows };
}

export interface RevenueSaved {
  /** Saved customers counted. */
  count: number;
  /** Sum of their MRR, integer cents. */
  totalCents: number;
  /** The sum with 2 decimals. */
  total: number;
  /** Mean MRR per saved customer, 2 decimals; null when nobody was saved. */
  average: number | null;
  exact: { average: number } | null;
}

/**
 * MRR kept by saved customers: the sum of each saved customer's MRR, added in integer cents.
 *
 * Worked example: [49.99, 19.99, 0.02] → 4999 + 1999 + 2 = 7000 cents = 70.00; average 70 / 3 = 23.333… → 23.33.
 */
export function revenueSaved(savedMrrs: readonly number[]): RevenueSaved {
  let totalCents = 0;
  savedMrrs.forEach((mrr, i) => {
    totalCents += toCents(mrr, `savedMrrs[${i}]`);
  });
  assertSafeCents(totalCents, 'revenue saved');
  const count = savedMrrs.length;
  if (count === 0) return { count, totalCents, total: 0, average: null, exact: null };
  const average = totalCents / (count * 100);
  return { count, totalCents, total: fromCents(totalCents), average: round2(average), exact: { average } };
}
