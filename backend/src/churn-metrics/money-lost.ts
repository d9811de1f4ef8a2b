import { assertCount } from '../metrics/validate';
import { assertSafeCents, fromCents, toCents } from './money';

export interface MoneyLost {
  /** Estimated revenue lost, integer cents. */
  cents: number;
  /** The same amount with 2 decimals. */
  amount: number;
}

/**
 * Revenue a business without subscriptions loses with its lost customers over one period:
 * customersLost × averageCheck × purchasesPerPeriod (purchases one customer makes per period).
 *
 * Worked example: 200 customers × 2,000.00 ₽ × 6 purchases a year = 2,400,000.00 ₽
 * (200 × 200 000 kopecks × 6 = 240 000 000 kopecks).
 *
 * purchasesPerPeriod may be fractional (0.5 a month); the product is then rounded half up to whole cents.
 */
export function moneyLostWithoutSubscriptions(input: {
  customersLost: number;
  averageCheck: number;
  purchasesPerPeriod: number;
}): MoneyLost {
  const { customersLost, purchasesPerPeriod } = input;
  assertCount(customersLost, 'customersLost');
  const checkCents = toCents(input.averageCheck, 'averageCheck');
  if (!Number.isFinite(purchasesPerPeriod) || purchasesPerPeriod < 0) {
    throw new RangeError(`purchasesPerPeriod is ${String(purchasesPerPeriod)}; expected a non-negative number`);
  }
  const perPeriodCents = customersLost * checkCents;
  assertSafeCents(perPeriodCents, 'customersLost × averageCheck');
  const cents = Number.isInteger(purchasesPerPeriod)
    ? perPeriodCents * purchasesPerPeriod
    : Math.round(perPeriodCents * purchasesPerPeriod);
  assertSafeCents(cents, 'money lost');
  return { cents, amount: fromCents(cents) };
}
