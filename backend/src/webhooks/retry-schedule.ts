/** Longest wait between two attempts, however many have failed. */
export const MAX_RETRY_DELAY_MS = 6 * 60 * 60 * 1000;

/**
 * Exponential backoff: base, 2×base, 4×base… capped at six hours, with up to 10% random jitter so
 * many deliveries failing together do not all retry in the same instant.
 */
export function retryDelayMs(failedAttempts: number, baseMs: number, random: () => number = Math.random): number {
  const exponential = Math.min(baseMs * 2 ** Math.max(0, failedAttempts - 1), MAX_RETRY_DELAY_MS);
  return Math.round(exponential * (1 + 0.1 * random()));
}
