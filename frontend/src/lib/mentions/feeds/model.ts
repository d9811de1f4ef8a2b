import type { paths } from '$lib/api/schema';

/* Feed types derived from the operations, so they follow the backend's DTOs when schema.d.ts is regenerated. */
type JsonContent<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Responses<Op> = Op extends { responses: infer R } ? R : never;
type Success<Op> = JsonContent<Responses<Op>[Extract<keyof Responses<Op>, 200 | 201>]>;

type Base = '/api/v1/workspaces/{workspaceId}/mentions/feeds';

export type MentionFeed = Success<paths[`${Base}/{feedId}`]['get']>;
export type FeedPollResult = Success<paths[`${Base}/{feedId}/poll`]['post']>;
export type FeedStatus = NonNullable<MentionFeed['lastStatus']>;

export const MIN_INTERVAL = 5;
export const MAX_INTERVAL = 1440;
export const DEFAULT_INTERVAL = 15;
