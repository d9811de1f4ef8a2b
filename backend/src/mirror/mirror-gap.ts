import { round2, Z_95 } from '../metrics';

/** Count, sum and sum of squares of some scores: they add up across periods, so ranges pool exactly. */
export interface Sums {
  n: number;
  sum: number;
  sumSquares: number;
}

export const NO_SUMS: Sums = { n: 0, sum: 0, sumSquares: 0 };

export const addSums = (a: Sums, b: Sums): Sums => ({ n: a.n + b.n, sum: a.sum + b.sum, sumSquares: a.sumSquares + b.sumSquares });

export interface MeanFigures {
  n: number;
  mean: number | null;
  marginOfError: number | null;
}

const exactMean = (s: Sums): number | null => (s.n === 0 ? null : s.sum / s.n);

/** Mean (2 decimals) and its 95 % margin, 1.96 · s/√n with the sample (n − 1) variance, as the metrics module's CES means. */
export function meanOf(s: Sums): MeanFigures {
  const mean = exactMean(s);
  if (mean === null) return { n: 0, mean: null, marginOfError: null };
  if (s.n < 2) return { n: s.n, mean: round2(mean), marginOfError: null };
  const variance = Math.max(0, (s.sumSquares - (s.sum * s.sum) / s.n) / (s.n - 1));
  return { n: s.n, mean: round2(mean), marginOfError: round2((Z_95 * Math.sqrt(variance)) / Math.sqrt(s.n)) };
}

/** The blind-spot threshold on a question's scale: NPS points as set; rating points are set for 1–5 and scaled to the range. */
export function thresholdFor(
  type: 'nps' | 'rating',
  min: number,
  max: number,
  t: { blindSpotRating: number; blindSpotNps: number },
): number {
  return type === 'nps' ? t.blindSpotNps : round2((t.blindSpotRating * (max - min)) / 4);
}

export interface Gap {
  customers: MeanFigures;
  staff: MeanFigures;
  gap: number | null;
  direction: 'staff_higher' | 'staff_lower' | 'same' | null;
  blindSpot: boolean;
}

/** staff − customers from the exact means (rounded once at the end); a blind spot when |gap| exceeds the threshold. */
export function gapOf(customers: Sums, staff: Sums, threshold: number): Gap {
  const c = exactMean(customers);
  const s = exactMean(staff);
  const gap = c === null || s === null ? null : round2(s - c);
  return {
    customers: meanOf(customers),
    staff: meanOf(staff),
    gap,
    direction: gap === null ? null : gap > 0 ? 'staff_higher' : gap < 0 ? 'staff_lower' : 'same',
    blindSpot: gap !== null && Math.abs(gap) > threshold,
  };
}
