const HOUR_MS = 3_600_000;

/** A half-open range of instants, epoch ms. */
export interface MsRange {
  from: number;
  to: number;
}

/** Where each part of a period's counts comes from: whole UTC hours from the rollups, the rest from the rows. */
export interface RollupPlan {
  /** Hours [from, to) to read from the rollups, minus `skipHours`; null when no whole hour is left. */
  rollup: (MsRange & { skipHours: number[] }) | null;
  /** Ranges to read from the raw rows, ascending and disjoint. */
  raw: MsRange[];
}

/**
 * Splits [from, to), cut into buckets at `boundaries`, so that every rollup hour lies inside one bucket: an hour that a
 * boundary cuts (the period's own ends when they are not on the hour, or a local midnight of a zone such as
 * Asia/Kolkata, +05:30) is read from the rows instead, clipped to the period. Together the two cover [from, to) once.
 */
export function rollupPlan(from: number, to: number, boundaries: readonly number[]): RollupPlan {
  const cutHours = new Set<number>();
  for (const point of [from, ...boundaries, to]) {
    if (point % HOUR_MS !== 0) cutHours.add(Math.floor(point / HOUR_MS) * HOUR_MS);
  }
  const hours = [...cutHours].sort((a, b) => a - b);
  const raw: MsRange[] = [];
  for (const hour of hours) {
    const range = { from: Math.max(hour, from), to: Math.min(hour + HOUR_MS, to) };
    if (range.from >= range.to) continue;
    const last = raw.at(-1);
    if (last && last.to === range.from) last.to = range.to;
    else raw.push(range);
  }
  const first = Math.ceil(from / HOUR_MS) * HOUR_MS;
  const end = Math.floor(to / HOUR_MS) * HOUR_MS;
  return {
    rollup: first < end ? { from: first, to: end, skipHours: hours.filter((h) => h >= first && h < end) } : null,
    raw,
  };
}
