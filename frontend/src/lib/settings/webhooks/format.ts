import { formatNumber } from '$lib/format';
import { i18n } from '$lib/i18n/index.svelte';

/** Date and time to the second: deliveries a few seconds apart must read differently. */
export function formatMoment(value: string | null | undefined, fallback = '—'): string {
  if (!value) return fallback;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return fallback;
  return new Intl.DateTimeFormat(i18n.intlTag, { dateStyle: 'medium', timeStyle: 'medium' }).format(date);
}

/** "123 ms", or a dash when nothing was measured. */
export function formatMs(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : i18n.t.webhooks.log.ms(formatNumber(value));
}

/** Localised delivery status; an unknown one from a newer server is shown as-is. */
export function statusLabel(status: string): string {
  return (i18n.t.webhooks.statuses as Record<string, string>)[status] ?? status;
}
