/**
 * When is a day's negative volume a spike? When it reaches `minCount` and exceeds `factor` times its
 * baseline: the mean daily count over the `baselineDays` before it (days without mentions count as 0).
 * A floor of one mention a day keeps a quiet brand's first bad morning from dividing by zero.
 */
export interface SpikeSettings {
  factor: number;
  minCount: number;
  baselineDays: number;
}

export interface SpikeVerdict {
  spike: boolean;
  count: number;
  baseline: number;
  threshold: number;
}

export function judgeSpike(count: number, previousDays: readonly number[], settings: SpikeSettings): SpikeVerdict {
  const baseline = previousDays.length === 0 ? 0 : previousDays.reduce((a, b) => a + b, 0) / previousDays.length;
  const threshold = Math.max(settings.minCount, settings.factor * Math.max(baseline, 1));
  return {
    spike: count >= settings.minCount && count > settings.factor * Math.max(baseline, 1),
    count,
    baseline: round2(baseline),
    threshold: round2(threshold),
  };
}

/** The `days` UTC dates before `day` (YYYY-MM-DD), oldest first. */
export function daysBefore(day: string, days: number): string[] {
  const start = Date.parse(`${day}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) => new Date(start - (days - i) * 86_400_000).toISOString().slice(0, 10));
}

const round2 = (n: number) => Math.round(n * 100) / 100;
