import { i18n } from '$lib/i18n/index.svelte';
import type { ChurnReason, Cluster } from './types';

/** Sentiment colours (colour-blind-friendly), the same as on the Mentions page. */
export const SENTIMENT_COLORS = { negative: '#d55e00', neutral: '#9a9486', positive: '#009e73' } as const;

/** Change of the last 7 days over the 7 before, in percent; null when there were none before. */
export function growthPercent(cluster: Pick<Cluster, 'lastSevenDays' | 'previousSevenDays'>): number | null {
  if (cluster.previousSevenDays === 0) return null;
  return Math.round((cluster.lastSevenDays / cluster.previousSevenDays - 1) * 100);
}

/** A source key in the UI language; unknown keys from a newer server as they are. */
export function sourceLabel(source: string): string {
  return (i18n.t.clusters.sources as Record<string, string>)[source] ?? source;
}

/** A rebuild stage in the UI language. */
export function stageLabel(stage: string | null): string {
  if (!stage) return i18n.t.clusters.rebuild.stages.starting;
  return (i18n.t.clusters.rebuild.stages as Record<string, string>)[stage] ?? stage;
}

/** A churn reason's label in the UI language, else English, else any, else its key. */
export function reasonLabel(key: string, reasons: ChurnReason[]): string {
  const reason = reasons.find((r) => r.key === key);
  if (!reason) return key;
  return reason.labels[i18n.current] ?? reason.labels.en ?? Object.values(reason.labels)[0] ?? key;
}
