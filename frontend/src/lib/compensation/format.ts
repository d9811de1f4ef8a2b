import { i18n } from '$lib/i18n/index.svelte';

/** A decimal string ("1500.00") in its currency and the UI language; the number is only formatted, never summed. */
export function formatMoney(amount: string | null | undefined, currency: string | null | undefined): string {
  if (amount === null || amount === undefined) return '—';
  const value = Number(amount);
  if (!currency) return new Intl.NumberFormat(i18n.intlTag, { maximumFractionDigits: 2 }).format(value);
  try {
    return new Intl.NumberFormat(i18n.intlTag, { style: 'currency', currency, maximumFractionDigits: 2 }).format(value);
  } catch {
    return `${new Intl.NumberFormat(i18n.intlTag, { maximumFractionDigits: 2 }).format(value)} ${currency}`;
  }
}

/** Whole cents of a decimal string, to compare amounts exactly (an entered amount against the remaining budget). */
export function cents(amount: string): number | null {
  const match = /^(\d{1,12})(?:[.,](\d{1,2}))?$/.exec(amount.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** The entered amount as the API takes it: a comma becomes a point. */
export const apiAmount = (amount: string) => amount.trim().replace(',', '.');

/** The last day of a period given its exclusive end ("2027-01-01" → 31 Dec 2026), in the UI language. */
export function lastDayOf(periodEnd: string): string {
  const day = new Date(`${periodEnd}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return new Intl.DateTimeFormat(i18n.intlTag, { dateStyle: 'medium', timeZone: 'UTC' }).format(day);
}
