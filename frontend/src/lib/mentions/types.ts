import type { paths } from '$lib/api/schema';

type JsonContent<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Responses<Op> = Op extends { responses: infer R } ? R : never;
type Success<Op> = JsonContent<Responses<Op>[Extract<keyof Responses<Op>, 200 | 201>]>;
type Query<Op> = Op extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

const W = '/api/v1/workspaces/{workspaceId}/mentions' as const;
type M = paths;

export type MentionPage = Success<M[typeof W]['get']>;
export type Mention = MentionPage['items'][number];
export type MentionQuery = Query<M[typeof W]['get']>;
export type MentionDetail = Success<M[`${typeof W}/{mentionId}`]['get']>;
export type MentionStats = Success<M[`${typeof W}/stats`]['get']>;
export type SourceShare = MentionStats['bySource'][number];
export type SpikeSettings = Success<M[`${typeof W}/settings`]['get']>;
export type SpikeAlert = Success<M[`${typeof W}/alerts`]['get']>[number];
export type IngestKey = Success<M[`${typeof W}/ingest-keys`]['get']>[number];
export type CreatedIngestKey = Success<M[`${typeof W}/ingest-keys`]['post']>;
export type CsvPreview = Success<M[`${typeof W}/csv/preview`]['post']>;
export type CsvImportResult = Success<M[`${typeof W}/csv/import`]['post']>;
export type Interval = 'day' | 'week' | 'month';
