import type { paths } from '$lib/api/schema';

type Ok<T> = T extends { responses: { 200: { content: { 'application/json': infer B } } } } ? B : never;

/** The workspace's contact policy as the API answers it. */
export type ContactPolicy = Ok<paths['/api/v1/workspaces/{workspaceId}/contact-policy']['get']>;
/** What the contact policy says about one customer (the profile's card). */
export type CustomerContactPolicy = Ok<paths['/api/v1/workspaces/{workspaceId}/customers/{externalId}/contact-policy']['get']>;
export type ContactDecision = CustomerContactPolicy['survey'];
export type ContactRefusal = ContactDecision['reasons'][number];
