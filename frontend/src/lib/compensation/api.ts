import { api, unwrap } from '$lib/api/client';
import type { BudgetInput, Budgets, Grant, GrantPage, GrantResult, Ledger, MyBudget, NewGrant, Report } from './types';

const W = '/api/v1/workspaces/{workspaceId}' as const;
const at = (workspaceId: string) => ({ path: { workspaceId } });

export function getBudgets(workspaceId: string): Promise<Budgets> {
  return unwrap(api.GET(`${W}/compensation/budgets`, { params: at(workspaceId) }));
}

export function saveBudgets(workspaceId: string, budgets: BudgetInput[]): Promise<Budgets> {
  return unwrap(api.PUT(`${W}/compensation/budgets`, { params: at(workspaceId), body: { budgets } }));
}

export function myBudget(workspaceId: string): Promise<MyBudget> {
  return unwrap(api.GET(`${W}/compensation/me`, { params: at(workspaceId) }));
}

export function caseGrants(workspaceId: string, caseId: string): Promise<Grant[]> {
  return unwrap(api.GET(`${W}/cases/{caseId}/compensations`, { params: { path: { workspaceId, caseId } } })).then((r) => r.items);
}

export function grant(workspaceId: string, caseId: string, body: NewGrant): Promise<GrantResult> {
  return unwrap(api.POST(`${W}/cases/{caseId}/compensations`, { params: { path: { workspaceId, caseId } }, body }));
}

/** How many admins the workspace has: with more than one, an admin's own grant needs another admin (four eyes). */
export async function adminCount(workspaceId: string): Promise<number> {
  const members = await unwrap(api.GET(`${W}/members`, { params: at(workspaceId) }));
  return members.filter((m) => m.role === 'admin').length;
}

export function pendingGrants(workspaceId: string): Promise<GrantPage> {
  return unwrap(api.GET(`${W}/compensation/grants`, { params: { ...at(workspaceId), query: { status: ['pending'], limit: 200 } } }));
}

export function decideGrant(workspaceId: string, id: string, decision: 'approve' | 'reject', note: string): Promise<Grant> {
  const params = { path: { workspaceId, id } };
  const body = note.trim() ? { note: note.trim() } : {};
  return decision === 'approve'
    ? unwrap(api.POST(`${W}/compensation/grants/{id}/approve`, { params, body }))
    : unwrap(api.POST(`${W}/compensation/grants/{id}/reject`, { params, body }));
}

export function ledger(workspaceId: string, period: string): Promise<Ledger> {
  return unwrap(api.GET(`${W}/compensation/ledger`, { params: { ...at(workspaceId), query: { period } } }));
}

export function report(workspaceId: string, query: { from?: string; to?: string; currency?: string }): Promise<Report> {
  return unwrap(api.GET(`${W}/compensation/report`, { params: { ...at(workspaceId), query } }));
}

/** The report's CSV (a plain link: the browser downloads it with the session cookie). */
export function reportCsvHref(workspaceId: string, query: { from?: string; to?: string; currency?: string }): string {
  const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => !!e[1]));
  const search = params.toString();
  return `/api/v1/workspaces/${workspaceId}/compensation/report.csv${search ? `?${search}` : ''}`;
}
