import { api, unwrap } from '$lib/api/client';
import type {
  CustomerPage,
  CustomerState,
  FixInput,
  NewProblem,
  NoticeTemplate,
  NotifyInput,
  NotifyResult,
  Problem,
  ProblemDetail,
  ProblemList,
  RecoveryReport,
} from './types';

const R = '/api/v1/workspaces/{workspaceId}/recovery' as const;
const at = (workspaceId: string) => ({ path: { workspaceId } });
const one = (workspaceId: string, id: string) => ({ path: { workspaceId, id } });

export function listProblems(workspaceId: string, query: { status?: 'open' | 'fixed'; kind?: Problem['kind'] } = {}): Promise<ProblemList> {
  return unwrap(api.GET(`${R}/problems`, { params: { ...at(workspaceId), query } }));
}

export function createProblem(workspaceId: string, body: NewProblem): Promise<Problem> {
  return unwrap(api.POST(`${R}/problems`, { params: at(workspaceId), body }));
}

export function getProblem(workspaceId: string, id: string): Promise<ProblemDetail> {
  return unwrap(api.GET(`${R}/problems/{id}`, { params: one(workspaceId, id) }));
}

/** A writer's "look for answers and returns now" (reading a problem never does it). */
export function refreshProblem(workspaceId: string, id: string): Promise<{ refreshed: boolean }> {
  return unwrap(api.POST(`${R}/problems/{id}/refresh`, { params: one(workspaceId, id) }));
}

export function fixProblem(workspaceId: string, id: string, body: FixInput): Promise<Problem> {
  return unwrap(api.POST(`${R}/problems/{id}/fix`, { params: one(workspaceId, id), body }));
}

export function problemCustomers(
  workspaceId: string,
  id: string,
  query: { state?: CustomerState; limit?: number; offset?: number },
): Promise<CustomerPage> {
  return unwrap(api.GET(`${R}/problems/{id}/customers`, { params: { ...one(workspaceId, id), query } }));
}

export function notifyCustomers(workspaceId: string, id: string, body: NotifyInput): Promise<NotifyResult> {
  return unwrap(api.POST(`${R}/problems/{id}/notify`, { params: one(workspaceId, id), body }));
}

export async function markReturned(
  workspaceId: string,
  id: string,
  externalId: string,
  body: { amount?: string; currency?: string },
): Promise<void> {
  await unwrap(api.POST(`${R}/problems/{id}/customers/{externalId}/returned`, { params: { path: { workspaceId, id, externalId } }, body }));
}

export type NoticeLanguage = 'en' | 'ru' | 'bg';

export function noticeTemplate(workspaceId: string, language: NoticeLanguage): Promise<NoticeTemplate> {
  return unwrap(api.GET(`${R}/notice-template`, { params: { ...at(workspaceId), query: { language } } }));
}

export function recoveryReport(workspaceId: string): Promise<RecoveryReport> {
  return unwrap(api.GET(`${R}/report`, { params: at(workspaceId) }));
}

export const reportCsvHref = (workspaceId: string) => `/api/v1/workspaces/${workspaceId}/recovery/report.csv`;

export async function rootCause(workspaceId: string, caseId: string): Promise<Problem | null> {
  return (await unwrap(api.GET(`${R}/cases/{caseId}/root-cause`, { params: { path: { workspaceId, caseId } } }))).problem;
}

export async function setRootCause(workspaceId: string, caseId: string, problemId: string): Promise<Problem | null> {
  return (await unwrap(api.PUT(`${R}/cases/{caseId}/root-cause`, { params: { path: { workspaceId, caseId } }, body: { problemId } })))
    .problem;
}

export async function clearRootCause(workspaceId: string, caseId: string): Promise<void> {
  await unwrap(api.DELETE(`${R}/cases/{caseId}/root-cause`, { params: { path: { workspaceId, caseId } } }));
}
