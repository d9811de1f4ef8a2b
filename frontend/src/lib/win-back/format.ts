import type { BadgeTone } from '$lib/components/Badge.svelte';
import type { CustomerState, Money } from './types';

/** Money per currency as "€1,250.00 · 3,000.00 RUB" in the reader's locale (decimal strings parsed only for display). */
export function formatMoneyList(totals: readonly Money[], locale: string, empty = '—'): string {
  if (totals.length === 0) return empty;
  return totals
    .map((m) => {
      try {
        const whole = /\.0*$/.test(m.amount) || !m.amount.includes('.');
        return new Intl.NumberFormat(locale, {
          style: 'currency',
          currency: m.currency,
          ...(whole ? { maximumFractionDigits: 0 } : {}),
        }).format(Number(m.amount));
      } catch {
        return `${m.amount} ${m.currency}`;
      }
    })
    .join(' · ');
}

export const STATE_TONES: Record<CustomerState, BadgeTone> = {
  not_told: 'plain',
  no_address: 'neutral',
  queued: 'neutral',
  held: 'warning',
  sent: 'brand',
  failed: 'danger',
  cancelled: 'danger',
  answered: 'brand',
  returned: 'success',
};
