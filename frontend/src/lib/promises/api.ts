import { api, unwrap } from '$lib/api/client';
import type { NewPromise, PromiseItem, PromisePage, PromiseQuery, PromiseReport } from './types';

const W = '/api/v1/workspaces/{workspaceId}' as const;
const at = (workspaceId: string) => ({ path: { workspaceId } });
const one = (workspaceId: string, id: string) => ({ path: { workspaceId, id } });

export function listPromises(workspaceId: string, query: PromiseQuery): Promise<PromisePage> {
  return unwrap(api.GET(`${W}/promises`, { params: { ...at(workspaceId), query } }));
}

export function createPromise(workspaceId: string, body: NewPromise): Promise<PromiseItem> {
  return unwrap(api.POST(`${W}/promises`, { params: at(workspaceId), body }));
}

export function resolvePromise(workspaceId: string, id: string, outcome: 'kept' | 'broken' | 'cancelled'): Promise<PromiseItem> {
  return unwrap(api.POST(`${W}/promises/{id}/outcome`, { params: one(workspaceId, id), body: { outcome } }));
}

export function promiseReport(workspaceId: string): Promise<PromiseReport> {
  return unwrap(api.GET(`${W}/promises/report`, { params: { ...at(workspaceId), query: {} } }));
}

/** The register's CSV with the list's filters (a plain link: the browser downloads it with the session cookie). */
export function promisesCsvHref(workspaceId: string, query: PromiseQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || key === 'cursor' || key === 'limit') continue;
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const search = params.toString();
  return `/api/v1/workspaces/${workspaceId}/promises/export.csv${search ? `?${search}` : ''}`;
}
