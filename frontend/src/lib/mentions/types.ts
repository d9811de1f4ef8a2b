import type { paths } from '$lib/api/schema';

type JsonContent<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Responses<Op> = Op extends { responses: infer R } ? R : never;
type Success<Op> = JsonContent<Responses<Op>[Extract<keyof Responses<Op>, 200 | 201>]>;
type Query<Op> = Op extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

type W = '/api/v1/workspaces/{workspaceId}/mentions';
type M = paths;

export type MentionPage = Success<M[W]['get']>;
export type Mention = MentionPage['items'][number];
export type MentionQuery = Query<M[W]['get']>;
export type MentionDetail = Success<M[`${W}/{mentionId}`]['get']>;
export type MentionStats = Success<M[`${W}/stats`]['get']>;
export type SourceShare = MentionStats['bySource'][number];
export type SpikeSettings = Success<M[`${W}/settings`]['get']>;
export type SpikeAlert = Success<M[`${W}/alerts`]['get']>[number];
export type IngestKey = Success<M[`${W}/ingest-keys`]['get']>[number];
export type CreatedIngestKey = Success<M[`${W}/ingest-keys`]['post']>;
export type CsvPreview = Success<M[`${W}/csv/preview`]['post']>;
export type CsvImportResult = Success<M[`${W}/csv/import`]['post']>;
export type Interval = 'day' | 'week' | 'month';
