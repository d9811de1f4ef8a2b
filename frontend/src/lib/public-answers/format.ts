import { formatNumber } from '$lib/format';
import { i18n } from '$lib/i18n/index.svelte';
import type { BadgeTone } from '$lib/components/Badge.svelte';
import type { PublicStage } from './types';

/** Minutes as "45 min" under an hour, hours with one decimal under two days, else days; a dash for none. */
export function formatMinutesToAnswer(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined) return '—';
  const t = i18n.t.publicAnswers.duration;
  if (minutes < 60) return t.minutes(formatNumber(minutes, 0));
  if (minutes < 48 * 60) return t.hours(formatNumber(minutes / 60, 1));
  return t.days(formatNumber(minutes / 1440, 1));
}

/** Not answered stands out; every later stage is progress, compensated the end of the road. */
export const STAGE_TONES: Record<PublicStage, BadgeTone> = {
  not_started: 'danger',
  answered: 'warning',
  investigating: 'brand',
  findings_published: 'success',
  compensated: 'success',
};
