import type { components } from '$lib/api/schema';

export type Journey = components['schemas']['JourneyDto'];
export type JourneyTouchpoint = components['schemas']['JourneyTouchpointDto'];
export type ScoreTrend = components['schemas']['ScoreTrendDto'];
export type SlaPolicy = components['schemas']['SlaPolicyDto'];
export type SlaPreview = components['schemas']['SlaPreviewDto'];

export const STAGES = ['aware', 'considering', 'buying', 'repeat', 'left'] as const;
export const KINDS = ['business', 'employee'] as const;
export const CHANNELS = ['social', 'chat', 'messenger', 'email', 'web_form', 'phone', 'survey', 'review', 'in_person', 'other'] as const;
export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;

/** Arrow for a trend; every score reads higher-is-better. */
export function arrow(trend: ScoreTrend['trend']): string {
  return trend === 'up' ? '▲' : trend === 'down' ? '▼' : trend === 'flat' ? '▶' : '';
}
