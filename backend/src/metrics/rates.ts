import { round1 } from './rounding';
import { assertCount } from './validate';

export interface ResponseRate {
  responses: number;
  displays: number;
  /** responses / displays as a fraction, unrounded; null when displays = 0. */
  rate: number | null;
  /** The rate in percent, 1 decimal; null when displays = 0. */
  percent: number | null;
}

/**
 * Response rate = responses / displays.
 *
 * Not clamped to 100 %: a rate above 1 is a data problem worth seeing (responses ingested through the
 * API without a display, displays lost by an ad blocker, a period boundary splitting a display from its
 * response), and clamping would hide it.
 */
export function responseRate(responses: number, displays: number): ResponseRate {
  assertCount(responses, 'responses');
  assertCount(displays, 'displays');
  if (displays === 0) return { responses, displays, rate: null, percent: null };
  const rate = responses / displays;
  return { responses, displays, rate, percent: round1((responses * 100) / displays) };
}
