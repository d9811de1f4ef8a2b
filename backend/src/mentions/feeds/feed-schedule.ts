/** No feed waits longer than a day between polls, however often it failed. */
export const MAX_BACKOFF_MINUTES = 24 * 60;

/**
 * Minutes until the next poll: the feed's interval after a success, interval × 2^failures after the
 * n-th failure in a row (a broken feed is asked less and less often), capped at a day.
 */
export function nextPollMinutes(intervalMinutes: number, consecutiveFailures: number): number {
  if (consecutiveFailures <= 0) return intervalMinutes;
  return Math.min(intervalMinutes * 2 ** Math.min(consecutiveFailures, 20), Math.max(MAX_BACKOFF_MINUTES, intervalMinutes));
}
