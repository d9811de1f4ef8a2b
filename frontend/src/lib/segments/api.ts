import { api, unwrap } from '$lib/api/client';
import type { paths } from '$lib/api/schema';

type P = paths;
const LIST = '/api/v1/workspaces/{workspaceId}/segments' as const;
const ONE = '/api/v1/workspaces/{workspaceId}/segments/{segmentId}' as const;

type Json<R> = R extends { content: { 'application/json': infer T } } ? T : never;
export type Segment = Json<P[typeof ONE]['get']['responses'][200]>;
export type SegmentCondition = Segment['rules'][number];
export type SegmentPreview = Json<P['/api/v1/workspaces/{workspaceId}/segments/preview']['post']['responses'][200]>;
export type SegmentBreakdown = Json<P['/api/v1/workspaces/{workspaceId}/segments/breakdown']['get']['responses'][200]>;
export type BreakdownMetric = SegmentBreakdown['metric'];

export const listSegments = async (workspaceId: string): Promise<Segment[]> =>
  (await unwrap(api.GET(LIST, { params: { path: { workspaceId } } }))).items;

export const createSegment = (workspaceId: string, body: { name: string; rules: SegmentCondition[] }) =>
  unwrap(api.POST(LIST, { params: { path: { workspaceId } }, body }));

export const updateSegment = (workspaceId: string, segmentId: string, body: { name: string; rules: SegmentCondition[] }) =>
  unwrap(api.PATCH(ONE, { params: { path: { workspaceId, segmentId } }, body }));

export const deleteSegment = async (workspaceId: string, segmentId: string): Promise<void> => {
  await unwrap(api.DELETE(ONE, { params: { path: { workspaceId, segmentId } } }));
};

export const previewSegment = (workspaceId: string, rules: SegmentCondition[], signal?: AbortSignal) =>
  unwrap(api.POST(`${LIST}/preview`, { params: { path: { workspaceId } }, body: { rules }, signal }));

export const segmentBreakdown = (workspaceId: string, query: { metric: BreakdownMetric; from: string; to: string }) =>
  unwrap(api.GET(`${LIST}/breakdown`, { params: { path: { workspaceId }, query } }));
