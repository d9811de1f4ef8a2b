import type { components } from '$lib/api/schema';
import { i18n } from '$lib/i18n/index.svelte';

export type RfmGroup = components['schemas']['RfmGroup'];
export type RfmOverview = components['schemas']['RfmOverviewDto'];
export type RfmCell = components['schemas']['RfmCellDto'];
export type StoredActivity = components['schemas']['StoredActivityDto'];
export type ActivityKind = components['schemas']['ActivityKind'];

/** Best to worst, the order of the API's group counts. */
export const RFM_GROUPS = [
  'champions',
  'loyal',
  'potential',
  'new',
  'at_risk',
  'cant_lose',
  'hibernating',
  'lost',
] as const satisfies readonly RfmGroup[];
// Fails svelte-check when the API gains a group this list lacks.
const everyGroupListed: Exclude<RfmGroup, (typeof RFM_GROUPS)[number]> extends never ? true : never = true;
void everyGroupListed;

/** A fill per group (good → greens and blues, slipping → ambers, gone → reds and greys); text on it is dark or light. */
export const RFM_COLOURS: Record<RfmGroup, { fill: string; text: string }> = {
  champions: { fill: '#1f7a4d', text: '#ffffff' },
  loyal: { fill: '#4caf6e', text: '#0b2a18' },
  potential: { fill: '#8fd0a8', text: '#0b2a18' },
  new: { fill: '#6fa8dc', text: '#0b1f33' },
  at_risk: { fill: '#f2b84b', text: '#3a2600' },
  cant_lose: { fill: '#d9534f', text: '#ffffff' },
  hibernating: { fill: '#b9c0c8', text: '#1d2329' },
  lost: { fill: '#6b7480', text: '#ffffff' },
};

export const rfmGroupLabel = (group: RfmGroup): string => i18n.t.customerActivity.groups[group];
