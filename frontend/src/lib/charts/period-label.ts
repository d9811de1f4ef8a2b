import { i18n } from '$lib/i18n/index.svelte';

/** A bucket's start as a chart label: month and year for monthly buckets, day and month otherwise. */
export function periodLabel(start: string, interval: string, year: 'numeric' | '2-digit' = 'numeric'): string {
  const options: Intl.DateTimeFormatOptions = interval === 'month' ? { month: 'short', year } : { day: 'numeric', month: 'short' };
  return new Intl.DateTimeFormat(i18n.intlTag, options).format(new Date(start));
}
