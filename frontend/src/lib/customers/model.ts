import type { LifecycleStage } from '$lib/api/types';
import { i18n } from '$lib/i18n/index.svelte';

/** Lifecycle stages in the order a customer moves through them. */
export const STAGES = ['aware', 'considering', 'buying', 'repeat', 'left'] as const satisfies readonly LifecycleStage[];
// Fails svelte-check when the API gains a stage this list lacks.
const everyStageListed: Exclude<LifecycleStage, (typeof STAGES)[number]> extends never ? true : never = true;
void everyStageListed;

/** Rows per page of the customers table. */
export const PAGE_SIZE = 25;

export function stageLabel(stage: string): string {
  return (i18n.t.customers.stages as Record<string, string>)[stage] ?? stage;
}

/** MRR in the UI language: grouping and two decimals at most (the API has no currency). */
export function formatMrr(value: number): string {
  return new Intl.NumberFormat(i18n.intlTag, { minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(value);
}

/** An attribute value as text: strings as-is, everything else as JSON. */
export function attributeText(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The path of a customer's profile page. */
export function customerHref(externalId: string): string {
  return `/customers/${encodeURIComponent(externalId)}`;
}
