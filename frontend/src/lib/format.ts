import { i18n } from './i18n/index.svelte';

function parse(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "12 Mar 2026" / "12 мар. 2026 г." in the UI language. */
export function formatDate(value: string | null | undefined, fallback = '—'): string {
  const date = parse(value);
  return date ? new Intl.DateTimeFormat(i18n.intlTag, { dateStyle: 'medium' }).format(date) : fallback;
}

/** Date and time in the UI language. */
export function formatDateTime(value: string | null | undefined, fallback = '—'): string {
  const date = parse(value);
  return date ? new Intl.DateTimeFormat(i18n.intlTag, { dateStyle: 'medium', timeStyle: 'short' }).format(date) : fallback;
}

/** Localised role name; unknown roles from a newer server are shown as-is. */
export function roleLabel(role: string): string {
  const roles = i18n.t.roles as Record<string, string>;
  return roles[role] ?? role;
}

/** A number in the UI language, with at most `digits` decimals. */
export function formatNumber(value: number, digits = 0): string {
  return new Intl.NumberFormat(i18n.intlTag, { maximumFractionDigits: digits }).format(value);
}

/** A percentage given in percent (42.5 → "42.5%"), with at most `digits` decimals. */
export function formatPercent(value: number, digits = 0): string {
  return new Intl.NumberFormat(i18n.intlTag, { style: 'percent', maximumFractionDigits: digits }).format(value / 100);
}

/** A change with its sign: "+3.2", "−1", "0". */
export function formatSigned(value: number, digits = 1): string {
  return new Intl.NumberFormat(i18n.intlTag, { maximumFractionDigits: digits, signDisplay: 'exceptZero' }).format(value);
}
