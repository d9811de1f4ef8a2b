import type { components, paths } from '$lib/api/schema';

type JsonContent<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Responses<Op> = Op extends { responses: infer R } ? R : never;
type Success<Op> = JsonContent<Responses<Op>[Extract<keyof Responses<Op>, 200 | 201>]>;
type Query<Op> = Op extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

type W = '/api/v1/workspaces/{workspaceId}/cases';
type P = paths;

export type CasePage = Success<P[W]['get']>;
export type Case = CasePage['items'][number];
export type CaseQuery = Query<P[W]['get']>;
export type CaseDetail = Success<P[`${W}/{caseId}`]['get']>;
/** What logging or sending a reply answers: the case, and where our reply went (null for the customer's). */
export type ReplyResult = Success<P[`${W}/{caseId}/replies`]['post']>;
export type CaseEvent = CaseDetail['events'][number];
export type BulkAssignResult = Success<P[`${W}/bulk-assign`]['post']>;
export type CaseStatus = Case['status'];
export type CasePriority = Case['priority'];
export type CaseSource = Case['source'];
export type CaseChannel = NonNullable<components['schemas']['CreateCaseDto']['channel']>;
export type Touchpoint = components['schemas']['TouchpointDto'];
export type ChurnReason = components['schemas']['ReasonDto'];

/** What "New case" sends; ownerId/priority/touchpoint left out are chosen by the server's routing and rules. */
export interface NewCase {
  title: string;
  description?: string;
  touchpointId?: string;
  customerId?: string;
  channel?: CaseChannel;
  priority?: CasePriority;
  ownerId?: string;
}

export interface ReplyInput {
  text: string;
  from: 'agent' | 'customer';
  waitForCustomer?: boolean;
  /** Our reply: send it to the customer (the API's default) or only log it. */
  send?: boolean;
  /** Another channel than the customer's own. */
  via?: 'email' | 'sms' | 'telegram' | 'whatsapp' | 'public';
  /** The link of a public answer (mentions, reviews). */
  publicUrl?: string;
}

export interface CloseInput {
  rootCause: string;
  actionTaken: string;
  churnReasonKey?: string;
}
