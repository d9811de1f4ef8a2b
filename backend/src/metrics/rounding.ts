/**
 * Rounding for display values. Every summary keeps its unrounded numbers in `exact`, so rounding only
 * ever happens once, at the edge, and never feeds further arithmetic.
 */

/**
 * Rounds half away from zero (2.45 → 2.5, −0.25 → −0.3) to `decimals` places. The one-ulp nudge makes
 * values such as 1.005, stored as 1.00499999…, round the way they are written; −0 becomes 0 so JSON
 * and equality checks never see a signed zero.
 */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** decimals;
  const scaled = Math.abs(value) * factor;
  const rounded = (Math.sign(value) * Math.round(scaled * (1 + Number.EPSILON))) / factor;
  return rounded === 0 ? 0 : rounded;
}

/** One decimal: NPS points and percentages. */
export const round1 = (value: number): number => roundTo(value, 1);

/** Two decimals: mean scores on a 1–5 or 1–7 scale, where a tenth is too coarse. */
export const round2 = (value: number): number => roundTo(value, 2);
