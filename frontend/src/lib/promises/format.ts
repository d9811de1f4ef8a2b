import { formatPercent } from '$lib/format';

/** A 0–1 share as a whole percent, or a dash when nothing was decided. */
export const share = (value: number | null | undefined): string =>
  value === null || value === undefined ? '—' : formatPercent(value * 100);

/** Colour-blind-safe (Okabe–Ito), as the case reports: kept, late, broken. */
export const OUTCOME_COLORS = { kept: '#009e73', late: '#e69f00', broken: '#d55e00' } as const;

/** "2026-11" → "Nov 2026" in the reader's language. */
export function monthLabel(month: string, locale: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, 1));
}
