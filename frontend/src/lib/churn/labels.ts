import { i18n } from '$lib/i18n/index.svelte';

/** "2026-10" as "Oct 2026" in the UI language. */
export function monthLabel(label: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(label);
  if (!match) return label;
  return new Intl.DateTimeFormat(i18n.intlTag, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)),
  );
}

/** A reason's label, with the funnel's own keys ("inactive", "unknown") translated. */
export function reasonLabel(key: string, label: string): string {
  const t = i18n.t.churn.funnel;
  if (key === 'inactive' && label === key) return t.inactive;
  if (key === 'unknown' && label === key) return t.unknown;
  return label;
}
