import { api, unwrap } from '$lib/api/client';
import type {
  ChurnReason,
  ClusterAlert,
  ClusterDetail,
  ClusterList,
  ClusterQuery,
  ClusterQuestion,
  ClusterRun,
  ClusterTextPage,
  TrendInterval,
} from './types';

const W = '/api/v1/workspaces/{workspaceId}/clusters' as const;
const at = (workspaceId: string) => ({ path: { workspaceId } });
const one = (workspaceId: string, clusterId: string) => ({ path: { workspaceId, clusterId } });

export function listClusters(
  workspaceId: string,
  query: ClusterQuery & { sort?: 'size' | 'growth'; pinned?: boolean },
): Promise<ClusterList> {
  return unwrap(api.GET(W, { params: { ...at(workspaceId), query } }));
}

/** Survey questions whose open answers are clustered (the question filter's choices), most texts first. */
export function clusterQuestions(workspaceId: string): Promise<ClusterQuestion[]> {
  return unwrap(api.GET(`${W}/questions`, { params: at(workspaceId) }));
}

export function getCluster(
  workspaceId: string,
  clusterId: string,
  query: ClusterQuery & { interval?: TrendInterval; timeZone?: string },
): Promise<ClusterDetail> {
  return unwrap(api.GET(`${W}/{clusterId}`, { params: { ...one(workspaceId, clusterId), query } }));
}

/** A cluster's texts, or (clusterId null) the texts that fit no cluster. */
export function clusterTexts(
  workspaceId: string,
  clusterId: string | null,
  query: ClusterQuery & { limit: number; offset: number },
): Promise<ClusterTextPage> {
  if (clusterId === null) return unwrap(api.GET(`${W}/unclustered/texts`, { params: { ...at(workspaceId), query } }));
  return unwrap(api.GET(`${W}/{clusterId}/texts`, { params: { ...one(workspaceId, clusterId), query } }));
}

export function updateCluster(
  workspaceId: string,
  clusterId: string,
  body: { name?: string | null; pinned?: boolean },
): Promise<ClusterDetail> {
  return unwrap(api.PATCH(`${W}/{clusterId}`, { params: one(workspaceId, clusterId), body }));
}

export function mergeCluster(workspaceId: string, clusterId: string, into: string): Promise<ClusterDetail> {
  return unwrap(api.POST(`${W}/{clusterId}/merge`, { params: one(workspaceId, clusterId), body: { into } }));
}

/** Moves texts to a cluster (`to`), out of every cluster (`to: null`) or into a new one (`newClusterName`). */
export function moveTexts(
  workspaceId: string,
  body: { textIds: string[]; to?: string | null; newClusterName?: string },
): Promise<{ moved: number; clusterId: string | null }> {
  return unwrap(api.POST(`${W}/move-texts`, { params: at(workspaceId), body }));
}

export function startRebuild(workspaceId: string): Promise<ClusterRun> {
  return unwrap(api.POST(`${W}/runs`, { params: at(workspaceId) }));
}

export function listRuns(workspaceId: string): Promise<ClusterRun[]> {
  return unwrap(api.GET(`${W}/runs`, { params: at(workspaceId) }));
}

export function getRun(workspaceId: string, runId: string): Promise<ClusterRun> {
  return unwrap(api.GET(`${W}/runs/{runId}`, { params: { path: { workspaceId, runId } } }));
}

export function listAlerts(workspaceId: string): Promise<ClusterAlert[]> {
  return unwrap(api.GET(`${W}/alerts`, { params: at(workspaceId) }));
}

export function churnReasons(workspaceId: string): Promise<ChurnReason[]> {
  return unwrap(api.GET('/api/v1/workspaces/{workspaceId}/churn/reasons', { params: at(workspaceId) }));
}
