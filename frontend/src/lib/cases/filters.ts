import { PRIORITIES, SOURCES, STATUSES } from './model';
import type { CasePriority, CaseQuery, CaseSource, CaseStatus } from './types';

/** Which statuses the inbox shows: the working ones by default, one status, or all. */
export type StatusView = 'active' | CaseStatus | 'all';
export const STATUS_VIEWS = ['active', ...STATUSES, 'all'] as const satisfies readonly StatusView[];

/** The inbox filters. They live in the URL query, so a filtered view can be bookmarked and shared. */
export interface CaseFilters {
  status: StatusView;
  /** '' any, 'me', 'none' (unassigned) or a member's user id. */
  owner: string;
  /** '' any, or a touchpoint id. */
  touchpoint: string;
  /** Empty: any priority. */
  priorities: CasePriority[];
  source: CaseSource | '';
  /** Only cases past an SLA deadline. */
  breached: boolean;
}

export function defaultFilters(): CaseFilters {
  return { status: 'active', owner: '', touchpoint: '', priorities: [], source: '', breached: false };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const oneOf = <T extends string>(list: readonly T[], value: string | null): value is T =>
  value !== null && (list as readonly string[]).includes(value);

/** Filters from a URL query; anything unknown (a hand-edited link) falls back to the default instead of failing. */
export function filtersFromSearch(params: URLSearchParams): CaseFilters {
  const filters = defaultFilters();
  const status = params.get('status');
  if (oneOf(STATUS_VIEWS, status)) filters.status = status;
  const owner = params.get('owner') ?? '';
  if (owner === 'me' || owner === 'none' || UUID.test(owner)) filters.owner = owner;
  const touchpoint = params.get('touchpoint') ?? '';
  if (UUID.test(touchpoint)) filters.touchpoint = touchpoint;
  const priorities = (params.get('priority') ?? '').split(',').filter((p): p is CasePriority => oneOf(PRIORITIES, p));
  // Kept in the fixed order, so the same choice always gives the same URL.
  filters.priorities = PRIORITIES.filter((p) => priorities.includes(p));
  const source = params.get('source');
  if (oneOf(SOURCES, source)) filters.source = source;
  filters.breached = params.get('breached') === '1' || params.get('breached') === 'true';
  return filters;
}

/** The URL query of the filters ('' for the default view), in a stable key order. */
export function filtersToSearch(filters: CaseFilters): string {
  const params = new URLSearchParams();
  if (filters.status !== 'active') params.set('status', filters.status);
  if (filters.owner) params.set('owner', filters.owner);
  if (filters.touchpoint) params.set('touchpoint', filters.touchpoint);
  if (filters.priorities.length) params.set('priority', PRIORITIES.filter((p) => filters.priorities.includes(p)).join(','));
  if (filters.source) params.set('source', filters.source);
  if (filters.breached) params.set('breached', '1');
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Whether anything narrows the default view. */
export const isFiltered = (filters: CaseFilters): boolean => filtersToSearch(filters) !== '';

/** The list API query of the filters (without paging). */
export function filtersToQuery(filters: CaseFilters): CaseQuery {
  const query: CaseQuery = {};
  if (filters.status === 'active') query.status = ['open', 'waiting_customer'];
  else if (filters.status !== 'all') query.status = [filters.status];
  if (filters.owner) query.owner = filters.owner;
  if (filters.touchpoint) query.touchpoint = filters.touchpoint;
  if (filters.priorities.length) query.priority = [...filters.priorities];
  if (filters.source) query.source = [filters.source];
  if (filters.breached) query.breached = true;
  return query;
}
