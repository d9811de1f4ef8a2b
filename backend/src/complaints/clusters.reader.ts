import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { ClusterEntity } from './cluster.entity';

/** A pinned (known-issue) cluster that should open a case, with its size and the touchpoint most of its texts came from. */
export type ClusterCaseCandidate = Pick<ClusterEntity, 'id' | 'label' | 'name'> & {
  pinnedAt: Date;
  size: number;
  touchpointName: string | null;
};

/** The complaint cluster a response's comment was placed in. */
export type ResponseCluster = { responseId: string; clusterId: string; name: string };

/** Texts of a cluster per week relative to a moment (week -1 is the 7 days before it, week 0 the 7 days from it). */
export type RelativeWeekCount = { week: number; count: number };

/** A cluster and the clusters merged into it, at any depth (their texts belong to it). */
const CLUSTER_FAMILY = `WITH RECURSIVE family AS (
    SELECT id FROM clusters WHERE workspace_id = $1 AND id = $2
    UNION SELECT k.id FROM clusters k JOIN family f ON k.merged_into = f.id WHERE k.workspace_id = $1
  )`;

/** How other modules (cases) read clusters and their texts (exported by ClustersReaderModule). */
@Injectable()
export class ClustersReader {
  constructor(@InjectRepository(ClusterEntity) private readonly clusters: Repository<ClusterEntity>) {}

  /**
   * Active pinned clusters with no case yet, oldest pin first: pinned since the cases module's sync start
   * (case_settings.sync_since) and within `lookback`. The anti-join on cases keeps LIMIT meaning "the next `limit`
   * without a case" in one statement (as ResponsesReader.caseCandidates).
   */
  caseCandidates(workspaceId: string, opts: { lookback: string; limit: number }): Promise<ClusterCaseCandidate[]> {
    return this.clusters.query(
      `SELECT k.id, k.label, k.name, k.pinned_at AS "pinnedAt",
              (SELECT count(*)::int FROM feedback_texts f WHERE f.workspace_id = k.workspace_id AND f.cluster_id = k.id) AS size,
              (SELECT f.touchpoint FROM feedback_texts f WHERE f.workspace_id = k.workspace_id AND f.cluster_id = k.id AND f.touchpoint IS NOT NULL
                GROUP BY f.touchpoint ORDER BY count(*) DESC, f.touchpoint LIMIT 1) AS "touchpointName"
         FROM clusters k
        WHERE k.workspace_id = $1 AND k.pinned AND k.status = 'active' AND k.pinned_at IS NOT NULL
          AND k.pinned_at >= coalesce((SELECT sync_since FROM case_settings cs WHERE cs.workspace_id = k.workspace_id), '-infinity')
          AND k.pinned_at >= now() - $2::interval
          AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.workspace_id = k.workspace_id AND c.source = 'cluster' AND c.source_id = k.id::text)
        ORDER BY k.pinned_at, k.id LIMIT $3`,
      [workspaceId, opts.lookback, opts.limit],
    );
  }

  /** The cluster's name (else its label), or null when the workspace has no such cluster. */
  async nameOf(workspaceId: string, clusterId: string): Promise<string | null> {
    const row = await this.clusters.findOne({ select: { id: true, name: true, label: true }, where: { workspaceId, id: clusterId } });
    return row ? (row.name ?? row.label) : null;
  }

  /**
   * Identified customers (who exist) with a text before `before` in this cluster or any cluster merged into it (the
   * win-back loop's affected customers), one DISTINCT set.
   */
  async customersWithTexts(workspaceId: string, clusterId: string, before: Date, manager?: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await (manager ?? this.clusters.manager).query(
      `${CLUSTER_FAMILY}
       SELECT DISTINCT f.customer_external_id AS id
         FROM feedback_texts f
        WHERE f.workspace_id = $1 AND f.cluster_id IN (SELECT id FROM family) AND f.customer_external_id IS NOT NULL
          AND f.occurred_at < $3
          AND EXISTS (SELECT 1 FROM customers c WHERE c.workspace_id = f.workspace_id AND c.external_id = f.customer_external_id)`,
      [workspaceId, clusterId, before],
    );
    return rows.map((r) => r.id);
  }

  /** The cluster's (and its merged clusters') texts per week within `weeks` weeks either side of `at`. */
  weeklyVolumeAround(workspaceId: string, clusterId: string, at: Date, weeks: number): Promise<RelativeWeekCount[]> {
    return this.clusters.query(
      `${CLUSTER_FAMILY}
       SELECT floor(extract(epoch FROM (f.occurred_at - $3::timestamptz)) / 604800)::int AS week, count(*)::int AS count
         FROM feedback_texts f
        WHERE f.workspace_id = $1 AND f.cluster_id IN (SELECT id FROM family)
          AND f.occurred_at >= $3::timestamptz - make_interval(weeks => $4) AND f.occurred_at < $3::timestamptz + make_interval(weeks => $4)
        GROUP BY 1 ORDER BY 1`,
      [workspaceId, clusterId, at, weeks],
    );
  }

  /** The active cluster (its name, else its label) each of these responses' comments sits in; unclustered responses are left out. */
  async clustersOfResponses(workspaceId: string, responseIds: readonly string[]): Promise<ResponseCluster[]> {
    if (responseIds.length === 0) return [];
    return this.clusters.query(
      `SELECT f.source_id AS "responseId", k.id AS "clusterId", coalesce(k.name, k.label) AS name
         FROM feedback_texts f JOIN clusters k ON k.workspace_id = f.workspace_id AND k.id = f.cluster_id AND k.status = 'active'
        WHERE f.workspace_id = $1 AND f.source = 'response' AND f.source_id = ANY($2::text[])`,
      [workspaceId, responseIds],
    );
  }
}
