import type { paths } from '$lib/api/schema';

type JsonContent<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Responses<Op> = Op extends { responses: infer R } ? R : never;
type Success<Op> = JsonContent<Responses<Op>[Extract<keyof Responses<Op>, 200 | 201>]>;
type Body<Op> = Op extends { requestBody?: infer B } ? JsonContent<NonNullable<B>> : never;
type Query<Op> = Op extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

type List = paths['/api/v1/workspaces/{workspaceId}/promises'];

export type PromisePage = Success<List['get']>;
export type PromiseItem = PromisePage['items'][number];
export type PromiseStatus = PromiseItem['status'];
export type PromiseSource = PromiseItem['source'];
export type PromiseQuery = Query<List['get']>;
export type NewPromise = Body<List['post']>;
export type PromiseReport = Success<paths['/api/v1/workspaces/{workspaceId}/promises/report']['get']>;
export type PromiseGroup = PromiseReport['people'][number];
export type PromiseRates = PromiseReport['totals'];

/** The quick due choices of the form: business days on the case's SLA calendar, or a date and time. */
export type DueChoice = 'tomorrow' | 'fiveDays' | 'date';
