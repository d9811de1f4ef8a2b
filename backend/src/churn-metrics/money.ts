/**
 * Money for churn metrics. Amounts arrive as numbers with at most 2 decimals (12.5, 2000, 49.99) and
 * are converted to integer cents (kopecks) before any arithmetic, so 0.1 + 0.2 never becomes
 * 0.30000000000000004 in a revenue total.
 */

/** Integer cents of `amount`; RangeError for NaN, ±Infinity, negatives, more than 2 decimals or unsafe sizes. */
export function toCents(amount: number, what: string): number {
  if (!Number.isFinite(amount) || amount < 0) {
    throw new RangeError(`${what} is ${String(amount)}; expected a non-negative amount`);
  }
  const scaled = amount * 100;
  const cents = Math.round(scaled);
  // 49.99 * 100 = 4998.999999999999: accept float noise, reject a third decimal (49.995).
  if (Math.abs(scaled - cents) > 1e-6 * Math.max(1, Math.abs(scaled))) {
    throw new RangeError(`${what} is ${String(amount)}; expected at most 2 decimals`);
  }
  if (!Number.isSafeInteger(cents)) throw new RangeError(`${what} is ${String(amount)}; too large`);
  return cents;
}

/** Cents back to an amount with 2 decimals (240000000 → 2400000). */
export function fromCents(cents: number): number {
  return cents / 100;
}

/** Throws unless the cents total is still exactly representable. */
export function assertSafeCents(cents: number, what: string): void {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`${what} overflows safe integer cents`);
}
