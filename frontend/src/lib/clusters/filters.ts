import type { ClusterQuery } from './types';

/** Where texts come from (the API's `source` values). */
export const SOURCES = ['response', 'cancellation', 'mention', 'complaint', 'import'] as const;
export const PERIODS = ['all', '7', '30', '90'] as const;
export type PeriodPreset = (typeof PERIODS)[number];

/** What the filter bar chooses; turned into the API's query by {@link toQuery}. */
export interface ClusterFilters {
  sources: string[];
  touchpoint: string;
  /** A survey question id (likes, dislikes, …): only its open answers; '' for any. */
  question: string;
  language: string;
  period: PeriodPreset;
}

export const defaultFilters = (): ClusterFilters => ({ sources: [], touchpoint: '', question: '', language: '', period: 'all' });

export function isFiltered(filters: ClusterFilters): boolean {
  return (
    filters.sources.length > 0 ||
    filters.touchpoint !== '' ||
    filters.question !== '' ||
    filters.language !== '' ||
    filters.period !== 'all'
  );
}

/** The filters as query parameters; a preset period reaches N days back from now. */
export function toQuery(filters: ClusterFilters, now = new Date()): ClusterQuery {
  const query: ClusterQuery = {};
  if (filters.sources.length) query.source = [...filters.sources];
  if (filters.touchpoint.trim()) query.touchpoint = [filters.touchpoint.trim()];
  if (filters.question) query.question = [filters.question];
  if (filters.language) query.language = [filters.language];
  if (filters.period !== 'all') query.from = new Date(now.getTime() - Number(filters.period) * 86_400_000).toISOString();
  return query;
}
