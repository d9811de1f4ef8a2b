import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface ClusterRow {
  id: string;
  label: string;
  name: string | null;
  keywords: string[];
  language: string;
  status: 'active' | 'merged' | 'retired';
  mergedInto: string | null;
  pinned: boolean;
  pinnedAt: Date | null;
  createdAt: Date;
}

export interface ClusterChanges {
  name?: string | null;
  pinned?: boolean;
  pinnedBy?: string | null;
}

export interface ClusterStatsRow extends ClusterRow {
  size: number;
  recent: number;
  previous: number;
  negative: number;
  neutral: number;
  positive: number;
}

export interface TextFilter {
  sources?: string[];
  touchpoints?: string[];
  languages?: string[];
  from?: Date;
  to?: Date;
}

export interface RunRow {
  id: string;
  status: 'running' | 'completed' | 'failed';
  trigger: 'manual' | 'schedule';
  progress: number;
  stage: string | null;
  texts: number | null;
  clusters: number | null;
  unclustered: number | null;
  continued: number | null;
  created: number | null;
  retired: number | null;
  seconds: number | null;
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

export interface ClusterTextRow {
  id: string;
  source: string;
  sourceId: string;
  text: string;
  language: string;
  sentiment: number | null;
  touchpoint: string | null;
  customerId: string | null;
  churnReasonKey: string | null;
  occurredAt: Date;
  clusterId: string | null;
  similarity: number | null;
  placedBy: string | null;
}

const CLUSTER_COLUMNS = `c.id, c.label, c.name, c.keywords, c.language, c.status, c.merged_into AS "mergedInto", c.pinned,
  c.pinned_at AS "pinnedAt", c.created_at AS "createdAt"`;
const RUN_COLUMNS = `id, status, trigger, progress, stage, texts, clusters, unclustered, continued, created, retired, seconds, error,
  started_at AS "startedAt", finished_at AS "finishedAt"`;
const TEXT_COLUMNS = `f.id, f.source, f.source_id AS "sourceId", f.text, f.language, f.sentiment, f.touchpoint,
  f.customer_external_id AS "customerId", f.churn_reason_key AS "churnReasonKey", f.occurred_at AS "occurredAt",
  f.cluster_id AS "clusterId", f.similarity, f.placed_by AS "placedBy"`;

/** Filter on feedback_texts `f`; params[0] is the workspace id. */
function textWhere(filter: TextFilter, params: unknown[]): string {
  const clauses: string[] = [];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    clauses.push(sql(`$${params.length}`));
  };
  if (filter.sources?.length) add((p) => `f.source = ANY (${p}::varchar[])`, filter.sources);
  if (filter.touchpoints?.length) add((p) => `f.touchpoint = ANY (${p}::varchar[])`, filter.touchpoints);
  if (filter.languages?.length) add((p) => `f.language = ANY (${p}::varchar[])`, filter.languages);
  if (filter.from) add((p) => `f.occurred_at >= ${p}`, filter.from);
  if (filter.to) add((p) => `f.occurred_at < ${p}`, filter.to);
  return clauses.length ? ` AND ${clauses.join(' AND ')}` : '';
}

@Injectable()
export class ClustersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Active clusters with their size under the filter, the last 7 days against the 7 before, and sentiment. */
  stats(workspaceId: string, filter: TextFilter, now: Date): Promise<ClusterStatsRow[]> {
    const params: unknown[] = [workspaceId, now];
    const where = textWhere(filter, params);
    return this.dataSource.query(
      `SELECT ${CLUSTER_COLUMNS}, count(f.id)::int AS size,
              count(f.id) FILTER (WHERE f.occurred_at >= $2::timestamptz - interval '7 days')::int AS recent,
              count(f.id) FILTER (WHERE f.occurred_at >= $2::timestamptz - interval '14 days' AND f.occurred_at < $2::timestamptz - interval '7 days')::int AS previous,
              count(f.id) FILTER (WHERE f.sentiment = -1)::int AS negative, count(f.id) FILTER (WHERE f.sentiment = 0)::int AS neutral,
              count(f.id) FILTER (WHERE f.sentiment = 1)::int AS positive
         FROM clusters c
         LEFT JOIN feedback_texts f ON f.workspace_id = c.workspace_id AND f.cluster_id = c.id${where}
        WHERE c.workspace_id = $1 AND c.status = 'active'
        GROUP BY c.workspace_id, c.id`,
      params,
    );
  }

  async find(workspaceId: string, id: string, manager?: EntityManager): Promise<ClusterRow | null> {
    const rows = await (manager ?? this.dataSource).query(`SELECT ${CLUSTER_COLUMNS} FROM clusters c WHERE c.workspace_id = $1 AND c.id = $2`, [workspaceId, id]);
    return rows[0] ?? null;
  }

  active(workspaceId: string, manager?: EntityManager): Promise<ClusterRow[]> {
    return (manager ?? this.dataSource).query(`SELECT ${CLUSTER_COLUMNS} FROM clusters c WHERE c.workspace_id = $1 AND c.status = 'active' ORDER BY c.created_at, c.id`, [workspaceId]);
  }

  async insert(manager: EntityManager, workspaceId: string, cluster: { id: string; label: string; name?: string | null; keywords: string[]; language: string }): Promise<void> {
    await manager.query(
      `INSERT INTO clusters (workspace_id, id, label, name, keywords, language) VALUES ($1, $2, $3, $4, $5, $6)`,
      [workspaceId, cluster.id, cluster.label, cluster.name ?? null, cluster.keywords, cluster.language],
    );
  }

  async refresh(manager: EntityManager, workspaceId: string, id: string, fields: { label: string; keywords: string[]; language: string }): Promise<void> {
    await manager.query(
      `UPDATE clusters SET label = $3, keywords = $4, language = $5, status = 'active', merged_into = NULL, updated_at = now() WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, id, fields.label, fields.keywords, fields.language],
    );
  }

  async retire(manager: EntityManager, workspaceId: string, id: string, absorbedBy: string | null): Promise<void> {
    await manager.query(
      `UPDATE clusters SET status = CASE WHEN $3::uuid IS NULL THEN 'retired' ELSE 'merged' END, merged_into = $3, updated_at = now()
        WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, id, absorbedBy],
    );
  }

  /** Renames or pins a cluster only while it is active; false when it is not (or does not exist). */
  async updateActive(workspaceId: string, id: string, changes: ClusterChanges): Promise<boolean> {
    return (await this.update(workspaceId, id, changes, { onlyActive: true })) > 0;
  }

  /** Locks the clusters' rows in id order (one order for every writer, so no deadlocks) and returns them by id. */
  async lockForUpdate(manager: EntityManager, workspaceId: string, ids: string[]): Promise<Map<string, ClusterRow>> {
    return this.lock(manager, workspaceId, ids, 'UPDATE');
  }

  /** Like lockForUpdate, but lets other sharers through: blocks only merges and rebuilds of those clusters. */
  async lockForShare(manager: EntityManager, workspaceId: string, ids: string[]): Promise<Map<string, ClusterRow>> {
    return this.lock(manager, workspaceId, ids, 'SHARE');
  }

  private async lock(manager: EntityManager, workspaceId: string, ids: string[], mode: 'UPDATE' | 'SHARE'): Promise<Map<string, ClusterRow>> {
    const rows: ClusterRow[] = await manager.query(
      `SELECT ${CLUSTER_COLUMNS} FROM clusters c WHERE c.workspace_id = $1 AND c.id = ANY ($2::uuid[]) ORDER BY c.id FOR ${mode}`,
      [workspaceId, ids],
    );
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** Locks every active cluster of the workspace (id order), so no merge or move changes them under a rebuild. */
  async lockActive(manager: EntityManager, workspaceId: string): Promise<void> {
    await manager.query(`SELECT id FROM clusters WHERE workspace_id = $1 AND status = 'active' ORDER BY id FOR UPDATE`, [workspaceId]);
  }

  /** Returns how many rows changed (1 when there was nothing to change). */
  async update(workspaceId: string, id: string, changes: ClusterChanges, options: { onlyActive?: boolean; manager?: EntityManager } = {}): Promise<number> {
    const sets: string[] = [];
    const params: unknown[] = [workspaceId, id];
    if (changes.name !== undefined) {
      params.push(changes.name);
      sets.push(`name = $${params.length}`);
    }
    if (changes.pinned !== undefined) {
      params.push(changes.pinned, changes.pinnedBy ?? null);
      sets.push(`pinned = $${params.length - 1}, pinned_at = CASE WHEN $${params.length - 1} THEN COALESCE(pinned_at, now()) END,
                 pinned_by = CASE WHEN $${params.length - 1} THEN COALESCE(pinned_by, $${params.length}::uuid) END`);
    }
    if (sets.length === 0) return 1;
    const onlyActive = options.onlyActive ? ` AND status = 'active'` : '';
    const [, affected] = await (options.manager ?? this.dataSource).query(`UPDATE clusters SET ${sets.join(', ')}, updated_at = now() WHERE workspace_id = $1 AND id = $2${onlyActive}`, params);
    return affected;
  }

  /** Moves every text of `from` into `into` as a human decision and marks `from` merged; the caller holds both rows' locks. */
  async merge(manager: EntityManager, workspaceId: string, from: string, into: string): Promise<void> {
    {
      await manager.query(
        `UPDATE feedback_texts SET cluster_id = $3, placed_by = 'human', assigned_at = now() WHERE workspace_id = $1 AND cluster_id = $2`,
        [workspaceId, from, into],
      );
      await manager.query(
        `UPDATE clusters SET status = 'merged', merged_into = $3, updated_at = now() WHERE workspace_id = $1 AND id = $2`,
        [workspaceId, from, into],
      );
      // Earlier merges into `from` now point at the surviving cluster.
      await manager.query(`UPDATE clusters SET merged_into = $3 WHERE workspace_id = $1 AND merged_into = $2`, [workspaceId, from, into]);
    }
  }

  /** Moves texts into a cluster (or out of all, with null) as a human decision; returns how many moved. */
  async moveTexts(workspaceId: string, textIds: string[], to: string | null, manager?: EntityManager): Promise<number> {
    const [, affected] = await (manager ?? this.dataSource).query(
      `UPDATE feedback_texts SET cluster_id = $3, placed_by = 'human', similarity = NULL, assigned_at = now()
        WHERE workspace_id = $1 AND id = ANY ($2::uuid[])`,
      [workspaceId, textIds, to],
    );
    return affected;
  }

  async textsExist(workspaceId: string, ids: string[]): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM feedback_texts WHERE workspace_id = $1 AND id = ANY ($2::uuid[])`, [workspaceId, ids]);
    return row.n;
  }

  /** Texts of a cluster (or the unclustered ones, with null), most representative first, keyset-paged. */
  texts(workspaceId: string, clusterId: string | null, filter: TextFilter, limit: number, offset: number): Promise<ClusterTextRow[]> {
    const params: unknown[] = [workspaceId];
    const where = textWhere(filter, params);
    params.push(clusterId, limit, offset);
    const n = params.length;
    return this.dataSource.query(
      `SELECT ${TEXT_COLUMNS} FROM feedback_texts f
        WHERE f.workspace_id = $1 AND f.cluster_id IS NOT DISTINCT FROM $${n - 2}::uuid${where}
        ORDER BY f.similarity DESC NULLS LAST, f.occurred_at DESC, f.id LIMIT $${n - 1} OFFSET $${n}`,
      params,
    );
  }

  countTexts(workspaceId: string, clusterId: string | null, filter: TextFilter): Promise<number> {
    const params: unknown[] = [workspaceId];
    const where = textWhere(filter, params);
    params.push(clusterId);
    return this.dataSource
      .query(`SELECT count(*)::int AS n FROM feedback_texts f WHERE f.workspace_id = $1 AND f.cluster_id IS NOT DISTINCT FROM $${params.length}::uuid${where}`, params)
      .then(([row]: { n: number }[]) => row.n);
  }

  /** The `perCluster` most representative texts of each cluster, in one query. */
  examples(workspaceId: string, clusterIds: string[], perCluster: number, filter: TextFilter): Promise<ClusterTextRow[]> {
    if (clusterIds.length === 0) return Promise.resolve([]);
    const params: unknown[] = [workspaceId];
    const where = textWhere(filter, params);
    params.push(clusterIds, perCluster);
    return this.dataSource.query(
      `SELECT * FROM (
         SELECT ${TEXT_COLUMNS}, row_number() OVER (PARTITION BY f.cluster_id ORDER BY f.similarity DESC NULLS LAST, f.occurred_at DESC, f.id) AS rank
           FROM feedback_texts f WHERE f.workspace_id = $1 AND f.cluster_id = ANY ($${params.length - 1}::uuid[])${where}
       ) ranked WHERE rank <= $${params.length} ORDER BY rank`,
      params,
    );
  }

  /** Counts per bucket for one cluster (empty buckets included). */
  trend(workspaceId: string, clusterId: string, from: Date, to: Date, interval: 'day' | 'week' | 'month', timeZone: string): Promise<{ start: Date; count: number }[]> {
    return this.dataSource.query(
      `WITH buckets AS (
         SELECT generate_series(date_trunc($4, $2::timestamptz AT TIME ZONE $5), date_trunc($4, ($3::timestamptz - interval '1 microsecond') AT TIME ZONE $5), ('1 ' || $4)::interval) AS local_start
       ), counts AS (
         SELECT date_trunc($4, occurred_at AT TIME ZONE $5) AS local_start, count(*)::int AS n
           FROM feedback_texts WHERE workspace_id = $1 AND cluster_id = $6 AND occurred_at >= $2 AND occurred_at < $3 GROUP BY 1
       )
       SELECT b.local_start AT TIME ZONE $5 AS start, COALESCE(c.n, 0) AS count FROM buckets b LEFT JOIN counts c USING (local_start) ORDER BY 1`,
      [workspaceId, from, to, interval, timeZone, clusterId],
    );
  }

  /** How a cluster's texts split by a column: churn reason, touchpoint or source. */
  breakdown(workspaceId: string, clusterId: string, column: 'churn_reason_key' | 'touchpoint' | 'source'): Promise<{ key: string; count: number }[]> {
    return this.dataSource.query(
      `SELECT ${column} AS key, count(*)::int AS count FROM feedback_texts
        WHERE workspace_id = $1 AND cluster_id = $2 AND ${column} IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20`,
      [workspaceId, clusterId],
    );
  }

  // Runs

  /** Starts a run unless one is already running (then null). */
  async startRun(workspaceId: string, trigger: 'manual' | 'schedule', leaseMs: number): Promise<RunRow | null> {
    const rows = await this.dataSource.query(
      `INSERT INTO cluster_runs (workspace_id, trigger, lease_until) VALUES ($1, $2, now() + make_interval(secs => $3::double precision / 1000))
       ON CONFLICT (workspace_id) WHERE status = 'running' DO NOTHING RETURNING ${RUN_COLUMNS}`,
      [workspaceId, trigger, leaseMs],
    );
    return rows[0] ?? null;
  }

  async progress(workspaceId: string, runId: string, progress: number, stage: string, leaseMs: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE cluster_runs SET progress = $3, stage = $4, lease_until = now() + make_interval(secs => $5::double precision / 1000)
        WHERE workspace_id = $1 AND id = $2 AND status = 'running'`,
      [workspaceId, runId, progress, stage, leaseMs],
    );
  }

  async finishRun(manager: EntityManager, workspaceId: string, runId: string, result: {
    texts: number; clusters: number; unclustered: number; continued: number; created: number; retired: number; seconds: number;
    model: Buffer | null; modelClusterIds: (string | null)[];
  }): Promise<void> {
    await manager.query(
      `UPDATE cluster_runs SET status = 'completed', progress = 1, stage = 'done', texts = $3, clusters = $4, unclustered = $5, continued = $6,
              created = $7, retired = $8, seconds = $9, model = $10, model_cluster_ids = $11, lease_until = NULL, finished_at = now()
        WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, runId, result.texts, result.clusters, result.unclustered, result.continued, result.created, result.retired, result.seconds, result.model, result.modelClusterIds],
    );
    // Older models are never used again; keep the rows (history) without their weight.
    await manager.query(`UPDATE cluster_runs SET model = NULL WHERE workspace_id = $1 AND id <> $2 AND model IS NOT NULL`, [workspaceId, runId]);
  }

  async failRun(workspaceId: string, runId: string, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE cluster_runs SET status = 'failed', error = $3, lease_until = NULL, finished_at = now() WHERE workspace_id = $1 AND id = $2 AND status = 'running'`,
      [workspaceId, runId, error.slice(0, 500)],
    );
  }

  /** Runs whose process stopped renewing the lease (a restart): failed, so a new run can start. */
  async failAbandonedRuns(): Promise<number> {
    const [, affected] = await this.dataSource.query(
      `UPDATE cluster_runs SET status = 'failed', error = 'interrupted (the server stopped during the run)', finished_at = now()
        WHERE status = 'running' AND lease_until < now()`,
    );
    return affected;
  }

  runs(workspaceId: string, limit: number): Promise<RunRow[]> {
    return this.dataSource.query(`SELECT ${RUN_COLUMNS} FROM cluster_runs WHERE workspace_id = $1 ORDER BY started_at DESC LIMIT $2`, [workspaceId, limit]);
  }

  async run(workspaceId: string, id: string): Promise<RunRow | null> {
    const rows = await this.dataSource.query(`SELECT ${RUN_COLUMNS} FROM cluster_runs WHERE workspace_id = $1 AND id = $2`, [workspaceId, id]);
    return rows[0] ?? null;
  }

  /** The latest completed run's model and its cluster ids (index → id). */
  async latestModel(workspaceId: string): Promise<{ runId: string; model: Buffer; clusterIds: (string | null)[] } | null> {
    const rows = await this.dataSource.query(
      `SELECT id AS "runId", model, model_cluster_ids AS "clusterIds" FROM cluster_runs
        WHERE workspace_id = $1 AND status = 'completed' AND model IS NOT NULL ORDER BY finished_at DESC LIMIT 1`,
      [workspaceId],
    );
    return rows[0] ?? null;
  }

  async latestRunId(workspaceId: string): Promise<string | null> {
    const rows = await this.dataSource.query(
      `SELECT id FROM cluster_runs WHERE workspace_id = $1 AND status = 'completed' ORDER BY finished_at DESC LIMIT 1`,
      [workspaceId],
    );
    return rows[0]?.id ?? null;
  }

  async lastFinishedAt(workspaceId: string): Promise<Date | null> {
    const [row] = await this.dataSource.query(
      `SELECT max(finished_at) AS at FROM cluster_runs WHERE workspace_id = $1 AND status = 'completed'`,
      [workspaceId],
    );
    return row.at;
  }

  // Growth alerts

  async growthSettings(workspaceId: string): Promise<{ factor: number; minCount: number }> {
    const [row] = await this.dataSource.query(
      `SELECT cluster_growth_factor AS factor, cluster_growth_min_count AS "minCount" FROM workspaces WHERE id = $1`,
      [workspaceId],
    );
    return row;
  }

  async setGrowthSettings(workspaceId: string, settings: { factor: number; minCount: number }): Promise<void> {
    await this.dataSource.query(`UPDATE workspaces SET cluster_growth_factor = $2, cluster_growth_min_count = $3 WHERE id = $1`, [workspaceId, settings.factor, settings.minCount]);
  }

  /** Records an alert unless the cluster had one in the last 7 days; true when recorded. */
  async recordAlert(manager: EntityManager, workspaceId: string, clusterId: string, recent: number, previous: number): Promise<string | null> {
    const [, affected] = await manager.query(
      `UPDATE clusters SET last_alert_at = now() WHERE workspace_id = $1 AND id = $2 AND (last_alert_at IS NULL OR last_alert_at < now() - interval '7 days')`,
      [workspaceId, clusterId],
    );
    if (!affected) return null;
    const [row] = await manager.query(
      `INSERT INTO cluster_alerts (workspace_id, cluster_id, recent_count, previous_count, window_days) VALUES ($1, $2, $3, $4, 7) RETURNING id`,
      [workspaceId, clusterId, recent, previous],
    );
    return row.id;
  }

  alerts(workspaceId: string, limit: number): Promise<{ id: string; clusterId: string; name: string; recentCount: number; previousCount: number; windowDays: number; createdAt: Date }[]> {
    return this.dataSource.query(
      `SELECT a.id, a.cluster_id AS "clusterId", COALESCE(c.name, c.label, '') AS name, a.recent_count AS "recentCount",
              a.previous_count AS "previousCount", a.window_days AS "windowDays", a.created_at AS "createdAt"
         FROM cluster_alerts a LEFT JOIN clusters c ON c.workspace_id = a.workspace_id AND c.id = a.cluster_id
        WHERE a.workspace_id = $1 ORDER BY a.created_at DESC LIMIT $2`,
      [workspaceId, limit],
    );
  }
}
