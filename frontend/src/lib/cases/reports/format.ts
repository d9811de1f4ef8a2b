import { formatNumber, formatPercent } from '$lib/format';
import { i18n } from '$lib/i18n/index.svelte';

/** SLA minutes as "45 min" under an hour, else hours with one decimal ("6.5 h"); a dash for none. */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return '—';
  const t = i18n.t.caseReports.units;
  return minutes < 60 ? t.minutes(formatNumber(minutes, 1)) : t.hours(formatNumber(minutes / 60, 1));
}

/** A percentage from the API (0–100, 1 decimal), a dash for none. */
export const pct = (value: number | null): string => (value === null ? '—' : formatPercent(value, 1));

/** A mean score (1–5), two decimals at most. */
export const score = (value: number | null): string => (value === null ? '—' : formatNumber(value, 2));
