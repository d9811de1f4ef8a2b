import type { paths } from '$lib/api/schema';

/*
 * Webhook types derived from the operations (as in $lib/api/types), so they follow the backend's DTOs
 * when schema.d.ts is regenerated.
 */
type JsonContent<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Responses<Op> = Op extends { responses: infer R } ? R : never;
type Success<Op> = JsonContent<Responses<Op>[Extract<keyof Responses<Op>, 200 | 201 | 202>]>;
type Body<Op> = Op extends { requestBody?: infer B } ? JsonContent<NonNullable<B>> : never;

type Base = '/api/v1/workspaces/{workspaceId}/webhooks';
type P = paths;

export type Webhook = Success<P[`${Base}/{webhookId}`]['get']>;
export type CreatedWebhook = Success<P[Base]['post']>;
export type CreateWebhookBody = Body<P[Base]['post']>;
export type UpdateWebhookBody = Body<P[`${Base}/{webhookId}`]['patch']>;
export type EventChoice = CreateWebhookBody['events'][number];
export type EventType = Success<P[`${Base}/event-types`]['get']>[number];
export type DeliveryPage = Success<P[`${Base}/{webhookId}/deliveries`]['get']>;
export type Delivery = DeliveryPage['items'][number];
export type DeliveryStatus = Delivery['status'];
export type DeliveryDetail = Success<P[`${Base}/{webhookId}/deliveries/{deliveryId}`]['get']>;
export type Attempt = DeliveryDetail['attemptLog'][number];

/** Subscribing to "*" means every event, including ones Otklik adds later. */
export const ALL_EVENTS = '*' satisfies EventChoice;

export const DELIVERY_STATUSES = ['pending', 'sending', 'succeeded', 'failed'] as const satisfies readonly DeliveryStatus[];

/** Deliveries that will still change on their own (the log polls while any is shown). */
export const isInFlight = (status: string | null | undefined): boolean => status === 'pending' || status === 'sending';

/** Page size of the delivery log, and the server's largest page. */
export const DELIVERY_PAGE = 25;
export const MAX_DELIVERY_PAGE = 100;

/** How often an in-flight log or delivery is read again. */
export const REFRESH_MS = 3000;

/** The delivered JSON body as indented text (rendered as text, never as HTML). */
export const prettyJson = (value: unknown): string => JSON.stringify(value, null, 2);
