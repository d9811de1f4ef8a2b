export const MIRROR_PERIODS = ['month', 'quarter'] as const;
export type MirrorPeriod = (typeof MIRROR_PERIODS)[number];

const DAY_MS = 86_400_000;

/** First day (UTC, YYYY-MM-DD) of the month or quarter containing `at`. */
export function periodStartOf(period: MirrorPeriod, at: Date): string {
  const month = period === 'quarter' ? Math.floor(at.getUTCMonth() / 3) * 3 : at.getUTCMonth();
  return new Date(Date.UTC(at.getUTCFullYear(), month, 1)).toISOString().slice(0, 10);
}

/** The first day after the period that starts on `start` (YYYY-MM-DD). */
export function periodEndOf(period: MirrorPeriod, start: string): string {
  const d = new Date(`${start}T00:00:00Z`);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + (period === 'quarter' ? 3 : 1), 1)).toISOString().slice(0, 10);
}

/**
 * The periods staff may still answer at `now`: the current one, and the one before while its grace days last
 * (answers for last month can come in during the first days of this one).
 */
export function openPeriods(period: MirrorPeriod, graceDays: number, now: Date): string[] {
  const current = periodStartOf(period, now);
  const previous = periodStartOf(period, new Date(new Date(`${current}T00:00:00Z`).getTime() - DAY_MS));
  return now.getTime() < new Date(`${current}T00:00:00Z`).getTime() + graceDays * DAY_MS ? [current, previous] : [current];
}
