/** A closed confidence interval [lower, upper], in the unit of the metric it belongs to. */
export interface Interval {
  lower: number;
  upper: number;
}

/** Clamps an interval to the range the metric can take (a normal approximation can overshoot it). */
export function clampInterval(lower: number, upper: number, min: number, max: number): Interval {
  return { lower: Math.max(min, lower), upper: Math.min(max, upper) };
}

/** Applies a rounding function to both ends. */
export function roundInterval(interval: Interval, round: (value: number) => number): Interval {
  return { lower: round(interval.lower), upper: round(interval.upper) };
}
