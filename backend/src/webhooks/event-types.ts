/**
 * Every event a webhook endpoint can subscribe to. Stable strings: receivers switch on them.
 * `ping` is only sent on request ("send test event") and cannot be subscribed to.
 */
export const WEBHOOK_EVENT_TYPES = [
  'response.created',
  'response.finished',
  'cancellation.finished',
  'customer.sleeping',
  'customer.moment',
  'customer.at_risk',
  'customer.status_changed',
  'customer.guard_started',
  'customer.guard_ended',
  'mention.created',
  'spike.alert',
  'cluster.alert',
  'case.warned',
  'case.breached',
  'case.closed',
  'promise.overdue',
  'message.requested',
  'problem.fixed',
  'customer.returned',
  'compensation.granted',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Subscribing to `*` means every event type, including ones added later. */
export const ALL_EVENTS = '*';

export const isWebhookEventType = (value: string): value is WebhookEventType => (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);

/** The JSON body of every delivery. */
export interface WebhookEnvelope<T = unknown> {
  id: string;
  type: WebhookEventType | 'ping';
  createdAt: string;
  workspaceId: string;
  data: T;
}
