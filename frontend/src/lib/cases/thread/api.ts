import { api, unwrap } from '$lib/api/client';
import type { components } from '$lib/api/schema';

/** One message of a case's conversation, ours (outbound) or the customer's (inbound). */
export type CaseMessage = components['schemas']['CaseMessageDto'];
/** Where a reply would go now: channel, address (or why not), language, subject. */
export type ReplyPlan = components['schemas']['ReplyPlanDto'];
/** Where a sent reply went. */
export type ReplyDelivery = components['schemas']['ReplyDeliveryDto'];
/** The channels a reply may go by. */
export type ReplyChannel = NonNullable<components['schemas']['ReplyDto']['via']>;

export const REPLY_CHANNELS: readonly ReplyChannel[] = ['email', 'sms', 'telegram', 'whatsapp', 'public'];

const C = '/api/v1/workspaces/{workspaceId}/cases/{caseId}' as const;

export function listCaseMessages(workspaceId: string, caseId: string): Promise<CaseMessage[]> {
  return unwrap(api.GET(`${C}/messages`, { params: { path: { workspaceId, caseId } } }));
}

export function getReplyPlan(workspaceId: string, caseId: string, query: { via?: ReplyChannel; publicUrl?: string }): Promise<ReplyPlan> {
  return unwrap(api.GET(`${C}/reply-plan`, { params: { path: { workspaceId, caseId }, query } }));
}
