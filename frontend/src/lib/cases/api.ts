import { api, unwrap } from '$lib/api/client';
import type { Customer, Member } from '$lib/api/types';
import type { ReassignReason } from './routing/types';
import type {
  BulkAssignResult,
  Case,
  CaseDetail,
  CasePage,
  CasePriority,
  CaseQuery,
  ChurnReason,
  CloseInput,
  NewCase,
  ReplyInput,
  ReplyResult,
  Touchpoint,
} from './types';

const W = '/api/v1/workspaces/{workspaceId}' as const;
const C = `${W}/cases/{caseId}` as const;
const at = (workspaceId: string) => ({ path: { workspaceId } });
const one = (workspaceId: string, caseId: string) => ({ path: { workspaceId, caseId } });

export function listCases(workspaceId: string, query: CaseQuery): Promise<CasePage> {
  return unwrap(api.GET(`${W}/cases`, { params: { ...at(workspaceId), query } }));
}

export function getCase(workspaceId: string, caseId: string): Promise<CaseDetail> {
  return unwrap(api.GET(C, { params: one(workspaceId, caseId) }));
}

export function createCase(workspaceId: string, body: NewCase): Promise<Case> {
  return unwrap(api.POST(`${W}/cases`, { params: at(workspaceId), body: { ...body, source: 'manual' } }));
}

export function updateCase(
  workspaceId: string,
  caseId: string,
  change: {
    ownerId?: string | null;
    touchpointId?: string;
    reassignReason?: ReassignReason;
    priority?: CasePriority;
    status?: 'open' | 'waiting_customer';
  },
): Promise<Case> {
  return unwrap(api.PATCH(C, { params: one(workspaceId, caseId), body: change }));
}

export function bulkAssign(workspaceId: string, ids: string[], ownerId: string | null): Promise<BulkAssignResult> {
  return unwrap(api.POST(`${W}/cases/bulk-assign`, { params: at(workspaceId), body: { ids, ownerId } }));
}

export function reply(workspaceId: string, caseId: string, input: ReplyInput): Promise<ReplyResult> {
  return unwrap(api.POST(`${C}/replies`, { params: one(workspaceId, caseId), body: input }));
}

export function closeCase(workspaceId: string, caseId: string, input: CloseInput): Promise<Case> {
  return unwrap(api.POST(`${C}/close`, { params: one(workspaceId, caseId), body: input }));
}

export function followUp(workspaceId: string, caseId: string, input: { score: number; comment?: string }): Promise<Case> {
  return unwrap(api.POST(`${C}/follow-up`, { params: one(workspaceId, caseId), body: input }));
}

export function listMembers(workspaceId: string): Promise<Member[]> {
  return unwrap(api.GET(`${W}/members`, { params: at(workspaceId) }));
}

export function listTouchpoints(workspaceId: string): Promise<Touchpoint[]> {
  return unwrap(api.GET(`${W}/touchpoints`, { params: at(workspaceId) }));
}

export function listChurnReasons(workspaceId: string): Promise<ChurnReason[]> {
  return unwrap(api.GET(`${W}/churn/reasons`, { params: at(workspaceId) }));
}

export function getCustomer(workspaceId: string, externalId: string): Promise<Customer> {
  return unwrap(api.GET(`${W}/customers/{externalId}`, { params: { path: { workspaceId, externalId } } }));
}
