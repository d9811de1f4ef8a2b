import type { components } from '$lib/api/schema';
import { i18n } from '$lib/i18n/index.svelte';

export type ColourStatus = components['schemas']['ColourStatus'];
export type StatusReport = components['schemas']['StatusReportDto'];
export type StatusChange = components['schemas']['StatusChangeDto'];
export type StatusRules = components['schemas']['StatusRulesDto'];

/** The funnel in order, then its red end (the API's order). */
export const COLOUR_STATUSES = [
  'white',
  'grey',
  'green',
  'yellow',
  'green_gold',
  'gold',
  'platinum',
  'red_green',
  'red_gold',
  'red_platinum',
] as const satisfies readonly ColourStatus[];
// Fails svelte-check when the API gains a status this list lacks.
const everyStatusListed: Exclude<ColourStatus, (typeof COLOUR_STATUSES)[number]> extends never ? true : never = true;
void everyStatusListed;

/**
 * A swatch per status: fills that read on white; white and platinum (both pale) carry a darker border so they stay
 * apart from the page and from each other. The red end matches the red spectrum report.
 */
export const STATUS_COLOURS: Record<ColourStatus, { fill: string; border: string }> = {
  white: { fill: '#ffffff', border: '#8a929b' },
  grey: { fill: '#9aa1a9', border: '#7b838c' },
  green: { fill: '#4caf6e', border: '#3a8f58' },
  yellow: { fill: '#f2c94c', border: '#c9a232' },
  green_gold: { fill: '#a3b833', border: '#83952a' },
  gold: { fill: '#d4a019', border: '#a97f12' },
  platinum: { fill: '#c9d3dc', border: '#5f6f7e' },
  red_green: { fill: '#e4826a', border: '#c0654f' },
  red_gold: { fill: '#c8442a', border: '#a03520' },
  red_platinum: { fill: '#8a1538', border: '#6b0f2b' },
};

export function statusLabel(status: string): string {
  return i18n.t.customerStatus.statuses[status] ?? status;
}

/** A change's detail in words: a rule key is translated; a person's reason is shown as written. */
export function changeDetail(change: { cause: string; detail: string | null }): string | null {
  if (change.detail === null) return null;
  return change.cause === 'override' ? change.detail : (i18n.t.customerStatus.rules[change.detail] ?? change.detail);
}

/** YYYY-MM → "Mar 2026" in the UI language. */
export function monthLabel(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(i18n.intlTag, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, m - 1, 1)),
  );
}
