/**
 * Standard normal distribution helpers for margins of error and z-tests.
 *
 * Φ uses Hart's double-precision rational approximation (Hart 1968, algorithm 5666, as published by
 * G. West, "Better approximations to cumulative normal functions", 2005): absolute error below 1e-14,
 * far better than Abramowitz–Stegun 7.1.26 (1.5e-7), and it computes the far tail directly instead of
 * as 1 − Φ, so tiny p-values keep their relative precision.
 */

/** z for a two-sided 95 % interval. The conventional rounded quantile (exact: 1.959964…), as the
 * metric definitions state "MoE = 1.96·√Var"; the difference is 0.002 % of the margin. */
export const Z_95 = 1.96;

/** Significance level of the period comparisons (95 % confidence). */
export const ALPHA = 0.05;

const SQRT_2PI = 2.506628274631;

/** Lower tail Q(x) = 1 − Φ(x) for x ≥ 0, computed without cancellation. */
function upperTail(x: number): number {
  if (x > 37) return 0; // below the smallest double
  const e = Math.exp((-x * x) / 2);
  if (x < 7.07106781186547) {
    let num = 3.52624965998911e-2 * x + 0.700383064443688;
    num = num * x + 6.37396220353165;
    num = num * x + 33.912866078383;
    num = num * x + 112.079291497871;
    num = num * x + 221.213596169931;
    num = num * x + 220.206867912376;
    let den = 8.83883476483184e-2 * x + 1.75566716318264;
    den = den * x + 16.064177579207;
    den = den * x + 86.7807322029461;
    den = den * x + 296.564248779674;
    den = den * x + 637.333633378831;
    den = den * x + 793.826512519948;
    den = den * x + 440.413735824752;
    return (e * num) / den;
  }
  // Continued fraction for the far tail.
  let b = x + 0.65;
  b = x + 4 / b;
  b = x + 3 / b;
  b = x + 2 / b;
  b = x + 1 / b;
  return e / b / SQRT_2PI;
}

/** Φ(z): probability that a standard normal variable is ≤ z. */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  if (z === Infinity) return 1;
  if (z === -Infinity) return 0;
  return z >= 0 ? 1 - upperTail(z) : upperTail(-z);
}

/** Two-sided p-value of a z statistic: P(|Z| ≥ |z|) = 2·Q(|z|), taken from the tail directly. */
export function twoSidedPValue(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  const abs = Math.abs(z);
  if (abs === Infinity) return 0;
  return Math.min(1, 2 * upperTail(abs));
}
