import { api, unwrap } from '$lib/api/client';
import type { components, operations } from '$lib/api/schema';

export type Message = components['schemas']['MessageDto'];
export type MessageDetail = components['schemas']['MessageDetailDto'];
export type MessagePage = components['schemas']['MessagePageDto'];
export type MessagingStatus = components['schemas']['MessagingStatusDto'];
export type MessagingSettings = components['schemas']['MessagingSettingsDto'];
export type MessagingSettingsInput = components['schemas']['MessagingSettingsInputDto'];
export type MessageQuery = NonNullable<operations['Messages_list']['parameters']['query']>;
export type MessageStatus = Message['status'];
export type MessageChannel = Message['channel'];

const W = '/api/v1/workspaces/{workspaceId}' as const;
const at = (workspaceId: string) => ({ path: { workspaceId } });
const one = (workspaceId: string, id: string) => ({ path: { workspaceId, id } });

export function listMessages(workspaceId: string, query: MessageQuery): Promise<MessagePage> {
  return unwrap(api.GET(`${W}/messages`, { params: { ...at(workspaceId), query } }));
}

export function getMessage(workspaceId: string, id: string): Promise<MessageDetail> {
  return unwrap(api.GET(`${W}/messages/{id}`, { params: one(workspaceId, id) }));
}

export function retryMessage(workspaceId: string, id: string): Promise<Message> {
  return unwrap(api.POST(`${W}/messages/{id}/retry`, { params: one(workspaceId, id) }));
}

export function cancelMessage(workspaceId: string, id: string): Promise<Message> {
  return unwrap(api.POST(`${W}/messages/{id}/cancel`, { params: one(workspaceId, id) }));
}

export function messagingStatus(workspaceId: string): Promise<MessagingStatus> {
  return unwrap(api.GET(`${W}/messaging/status`, { params: at(workspaceId) }));
}

export function messagingSettings(workspaceId: string): Promise<MessagingSettings> {
  return unwrap(api.GET(`${W}/messaging/settings`, { params: at(workspaceId) }));
}

export function saveMessagingSettings(workspaceId: string, body: MessagingSettingsInput): Promise<MessagingSettings> {
  return unwrap(api.PUT(`${W}/messaging/settings`, { params: at(workspaceId), body }));
}

export function revealInboundSecret(workspaceId: string): Promise<{ secret: string }> {
  return unwrap(api.GET(`${W}/messaging/inbound-secret`, { params: at(workspaceId) }));
}

export function rotateInboundSecret(workspaceId: string): Promise<{ secret: string }> {
  return unwrap(api.POST(`${W}/messaging/inbound-secret/rotate`, { params: at(workspaceId) }));
}

export type Suppression = components['schemas']['SuppressionDto'];
export type SuppressionPage = components['schemas']['SuppressionPageDto'];

export function listSuppressions(workspaceId: string, query: { cursor?: string; limit?: number }): Promise<SuppressionPage> {
  return unwrap(api.GET(`${W}/messaging/suppressions`, { params: { ...at(workspaceId), query } }));
}

/** Allow an address again (admins): the next message to it is sent. */
export async function liftSuppression(workspaceId: string, address: string): Promise<void> {
  await unwrap(api.DELETE(`${W}/messaging/suppressions/{address}`, { params: { path: { workspaceId, address } } }));
}
