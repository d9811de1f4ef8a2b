/**
 * Guards for metric inputs. The API validates answers long before they reach these functions, so a bad
 * value here is a programming error: fail loudly with a RangeError instead of returning a wrong metric.
 */

/** Throws a RangeError unless every score is an integer in [min, max]. */
export function assertScores(scores: readonly number[], min: number, max: number, what: string): void {
  for (let i = 0; i < scores.length; i++) assertScore(scores[i], min, max, `${what}[${i}]`);
}

/** Throws a RangeError unless `score` is an integer in [min, max] (NaN, 8.5 and 11 all fail). */
export function assertScore(score: number, min: number, max: number, what: string): void {
  if (!Number.isInteger(score) || score < min || score > max) {
    throw new RangeError(`${what} is ${String(score)}; expected an integer from ${min} to ${max}`);
  }
}

/** Throws a RangeError unless `value` is a non-negative integer (a count). */
export function assertCount(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${what} is ${String(value)}; expected a non-negative integer`);
  }
}
