import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Not, type ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ClusterAlertEntity } from './cluster-alert.entity';
import { ClusterRunEntity, type RunTrigger } from './cluster-run.entity';
import { ClusterEntity } from './cluster.entity';
import { FeedbackTextEntity } from './feedback-text.entity';
import type { SegmentFilter } from '../segments/segment-filter';

export type ClusterRow = Pick<
  ClusterEntity,
  'id' | 'label' | 'name' | 'keywords' | 'language' | 'questionId' | 'status' | 'mergedInto' | 'pinned' | 'pinnedAt' | 'createdAt'
>;

export interface ClusterChanges {
  name?: string | null;
  pinned?: boolean;
  pinnedBy?: string | null;
}

export type ClusterStatsRow = ClusterRow & {
  size: number;
  recent: number;
  previous: number;
  negative: number;
  neutral: number;
  positive: number;
};

export interface TextFilter {
  sources?: string[];
  /** Survey question ids: only open answers to these questions. */
  questions?: string[];
  touchpoints?: string[];
  languages?: string[];
  from?: Date;
  to?: Date;
  /** Only texts linked to a customer of this saved segment. */
  inSegment?: SegmentFilter;
}

export type RunRow = Pick<
  ClusterRunEntity,
  | 'id'
  | 'status'
  | 'trigger'
  | 'progress'
  | 'stage'
  | 'texts'
  | 'clusters'
  | 'unclustered'
  | 'continued'
  | 'created'
  | 'retired'
  | 'seconds'
  | 'error'
  | 'startedAt'
  | 'finishedAt'
>;

export type ClusterTextRow = Pick<
  FeedbackTextEntity,
  | 'id'
  | 'source'
  | 'sourceId'
  | 'text'
  | 'language'
  | 'sentiment'
  | 'touchpoint'
  | 'churnReasonKey'
  | 'occurredAt'
  | 'clusterId'
  | 'similarity'
  | 'placedBy'
  | 'questionId'
  | 'questionLabel'
> & { customerId: FeedbackTextEntity['customerExternalId'] };

export type ClusterAlertRow = Pick<
  ClusterAlertEntity,
  'id' | 'clusterId' | 'recentCount' | 'previousCount' | 'windowDays' | 'createdAt'
> & { name: string };

const CLUSTER_FIELDS = [
  'id',
  'label',
  'name',
  'keywords',
  'language',
  'questionId',
  'status',
  'mergedInto',
  'pinned',
  'pinnedAt',
  'createdAt',
] as const;
const toClusterRow = (c: ClusterEntity): ClusterRow => ({
  id: c.id,
  label: c.label,
  name: c.name,
  keywords: c.keywords,
  language: c.language,
  questionId: c.questionId,
  status: c.status,
  mergedInto: c.mergedInto,
  pinned: c.pinned,
  pinnedAt: c.pinnedAt,
  createdAt: c.createdAt,
});
/** The same columns for raw (aggregate) selects. */
const CLUSTER_COLUMNS = [
  'c.id AS id',
  'c.label AS label',
  'c.name AS name',
  'c.keywords AS keywords',
  'c.language AS language',
  'c.question_id AS "questionId"',
  'c.status AS status',
  'c.merged_into AS "mergedInto"',
  'c.pinned AS pinned',
  'c.pinned_at AS "pinnedAt"',
  'c.created_at AS "createdAt"',
];

const RUN_FIELDS = [
  'id',
  'status',
  'trigger',
  'progress',
  'stage',
  'texts',
  'clusters',
  'unclustered',
  'continued',
  'created',
  'retired',
  'seconds',
  'error',
  'startedAt',
  'finishedAt',
] as const;
const toRunRow = (r: ClusterRunEntity): RunRow => ({
  id: r.id,
  status: r.status,
  trigger: r.trigger,
  progress: r.progress,
  stage: r.stage,
  texts: r.texts,
  clusters: r.clusters,
  unclustered: r.unclustered,
  continued: r.continued,
  created: r.created,
  retired: r.retired,
  seconds: r.seconds,
  error: r.error,
  startedAt: r.startedAt,
  finishedAt: r.finishedAt,
});

const TEXT_COLUMNS = [
  'f.id AS id',
  'f.source AS source',
  'f.source_id AS "sourceId"',
  'f.text AS text',
  'f.language AS language',
  'f.sentiment AS sentiment',
  'f.touchpoint AS touchpoint',
  'f.customer_external_id AS "customerId"',
  'f.churn_reason_key AS "churnReasonKey"',
  'f.occurred_at AS "occurredAt"',
  'f.cluster_id AS "clusterId"',
  'f.similarity AS similarity',
  'f.placed_by AS "placedBy"',
  'f.question_id AS "questionId"',
  'f.question_label AS "questionLabel"',
];
/** Most representative first. */
const TEXT_ORDER = 'f.similarity DESC NULLS LAST, f.occurred_at DESC, f.id';

/** The filter's conditions on feedback_texts `f` (each prefixed with AND), for a WHERE or a join's ON. */
function textConditions(filter: TextFilter): { sql: string; params: ObjectLiteral } {
  const clauses: string[] = [];
  const params: ObjectLiteral = {};
  const add = (sql: string, name: string, value: unknown) => {
    clauses.push(sql);
    params[name] = value;
  };
  if (filter.sources?.length) add('f.source = ANY (CAST(:sources AS varchar[]))', 'sources', filter.sources);
  if (filter.touchpoints?.length) add('f.touchpoint = ANY (CAST(:touchpoints AS varchar[]))', 'touchpoints', filter.touchpoints);
  if (filter.questions?.length) add('f.question_id = ANY (CAST(:questions AS varchar[]))', 'questions', filter.questions);
  if (filter.languages?.length) add('f.language = ANY (CAST(:languages AS varchar[]))', 'languages', filter.languages);
  if (filter.from) add('f.occurred_at >= :from', 'from', filter.from);
  if (filter.to) add('f.occurred_at < :to', 'to', filter.to);
  if (filter.inSegment) {
    const inSegment = filter.inSegment.forQueryBuilder('f.customer_external_id');
    clauses.push(inSegment.sql);
    Object.assign(params, inSegment.parameters);
  }
  return { sql: clauses.map((c) => ` AND ${c}`).join(''), params };
}

/** clusters, cluster_runs and cluster_alerts, and the cluster side of feedback_texts (members, moves, merges). */
@Injectable()
export class ClustersRepository {
  constructor(
    @InjectRepository(ClusterEntity) private readonly clusters: Repository<ClusterEntity>,
    @InjectRepository(FeedbackTextEntity) private readonly textRows: Repository<FeedbackTextEntity>,
    @InjectRepository(ClusterRunEntity) private readonly runRows: Repository<ClusterRunEntity>,
    @InjectRepository(ClusterAlertEntity) private readonly alertRows: Repository<ClusterAlertEntity>,
  ) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.clusters.manager.transaction(work);
  }

  private clustersOf(manager?: EntityManager): Repository<ClusterEntity> {
    return manager ? manager.getRepository(ClusterEntity) : this.clusters;
  }

  /** Active clusters with their size under the filter, the last 7 days against the 7 before, and sentiment (one grouped join). */
  stats(workspaceId: string, filter: TextFilter, now: Date): Promise<ClusterStatsRow[]> {
    const where = textConditions(filter);
    return this.clusters
      .createQueryBuilder('c')
      .select(CLUSTER_COLUMNS)
      .addSelect('count(f.id)::int', 'size')
      .addSelect(`count(f.id) FILTER (WHERE f.occurred_at >= CAST(:now AS timestamptz) - interval '7 days')::int`, 'recent')
      .addSelect(
        `count(f.id) FILTER (WHERE f.occurred_at >= CAST(:now AS timestamptz) - interval '14 days' AND f.occurred_at < CAST(:now AS timestamptz) - interval '7 days')::int`,
        'previous',
      )
      .addSelect('count(f.id) FILTER (WHERE f.sentiment = -1)::int', 'negative')
      .addSelect('count(f.id) FILTER (WHERE f.sentiment = 0)::int', 'neutral')
      .addSelect('count(f.id) FILTER (WHERE f.sentiment = 1)::int', 'positive')
      .leftJoin(FeedbackTextEntity, 'f', `f.workspace_id = c.workspace_id AND f.cluster_id = c.id${where.sql}`, where.params)
      .where(`c.workspace_id = :workspaceId AND c.status = 'active'`, { workspaceId, now })
      .groupBy('c.workspace_id')
      .addGroupBy('c.id')
      .getRawMany<ClusterStatsRow>();
  }

  async find(workspaceId: string, id: string, manager?: EntityManager): Promise<ClusterRow | null> {
    const row = await this.clustersOf(manager).findOne({ select: [...CLUSTER_FIELDS], where: { workspaceId, id } });
    return row ? toClusterRow(row) : null;
  }

  async active(workspaceId: string, manager?: EntityManager): Promise<ClusterRow[]> {
    const rows = await this.clustersOf(manager).find({
      select: [...CLUSTER_FIELDS],
      where: { workspaceId, status: 'active' },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return rows.map(toClusterRow);
  }

  async insert(
    manager: EntityManager,
    workspaceId: string,
    cluster: { id: string; label: string; name?: string | null; keywords: string[]; language: string; questionId: string | null },
  ): Promise<void> {
    await manager.getRepository(ClusterEntity).insert({
      workspaceId,
      id: cluster.id,
      questionId: cluster.questionId,
      label: cluster.label,
      name: cluster.name ?? null,
      keywords: cluster.keywords,
      language: cluster.language,
    });
  }

  async refresh(
    manager: EntityManager,
    workspaceId: string,
    id: string,
    fields: { label: string; keywords: string[]; language: string },
  ): Promise<void> {
    await manager.getRepository(ClusterEntity).update({ workspaceId, id }, { ...fields, status: 'active', mergedInto: null });
  }

  async retire(manager: EntityManager, workspaceId: string, id: string, absorbedBy: string | null): Promise<void> {
    await manager
      .getRepository(ClusterEntity)
      .update({ workspaceId, id }, { status: absorbedBy === null ? 'retired' : 'merged', mergedInto: absorbedBy });
  }

  /** Renames or pins a cluster only while it is active; false when it is not (or does not exist). */
  async updateActive(workspaceId: string, id: string, changes: ClusterChanges): Promise<boolean> {
    return (await this.update(workspaceId, id, changes, { onlyActive: true })) > 0;
  }

  /** Locks the clusters' rows in id order (one order for every writer, so no deadlocks) and returns them by id. */
  async lockForUpdate(manager: EntityManager, workspaceId: string, ids: string[]): Promise<Map<string, ClusterRow>> {
    return this.lock(manager, workspaceId, ids, 'pessimistic_write');
  }

  /** Like lockForUpdate, but lets other sharers through: blocks only merges and rebuilds of those clusters. */
  async lockForShare(manager: EntityManager, workspaceId: string, ids: string[]): Promise<Map<string, ClusterRow>> {
    return this.lock(manager, workspaceId, ids, 'pessimistic_read');
  }

  /** SELECT … ORDER BY id FOR UPDATE (pessimistic_write) or FOR SHARE (pessimistic_read). */
  private async lock(
    manager: EntityManager,
    workspaceId: string,
    ids: string[],
    mode: 'pessimistic_write' | 'pessimistic_read',
  ): Promise<Map<string, ClusterRow>> {
    const rows = await manager
      .getRepository(ClusterEntity)
      .createQueryBuilder('c')
      .select(CLUSTER_FIELDS.map((field) => `c.${field}`))
      .where('c.workspace_id = :workspaceId AND c.id = ANY (CAST(:ids AS uuid[]))', { workspaceId, ids })
      .orderBy('c.id')
      .setLock(mode)
      .getMany();
    return new Map(rows.map((row) => [row.id, toClusterRow(row)]));
  }

  /** Locks every active cluster of the workspace (id order), so no merge or move changes them under a rebuild. */
  async lockActive(manager: EntityManager, workspaceId: string): Promise<void> {
    await manager
      .getRepository(ClusterEntity)
      .createQueryBuilder('c')
      .select('c.id')
      .where(`c.workspace_id = :workspaceId AND c.status = 'active'`, { workspaceId })
      .orderBy('c.id')
      .setLock('pessimistic_write')
      .getMany();
  }

  /** Returns how many rows changed (1 when there was nothing to change). */
  async update(
    workspaceId: string,
    id: string,
    changes: ClusterChanges,
    options: { onlyActive?: boolean; manager?: EntityManager } = {},
  ): Promise<number> {
    const set: QueryDeepPartialEntity<ClusterEntity> = {};
    if (changes.name !== undefined) set.name = changes.name;
    if (changes.pinned !== undefined) {
      set.pinned = changes.pinned;
      // Pinning again keeps the first pin's time and person; unpinning forgets both.
      set.pinnedAt = changes.pinned ? () => 'COALESCE(pinned_at, now())' : null;
      set.pinnedBy = changes.pinned ? () => 'COALESCE(pinned_by, CAST(:pinnedBy AS uuid))' : null;
    }
    if (Object.keys(set).length === 0) return 1;
    const query = this.clustersOf(options.manager)
      .createQueryBuilder()
      .update()
      .set(set) // updated_at = now() comes with the entity's update-date column
      .where('workspace_id = :workspaceId AND id = :id', { workspaceId, id, pinnedBy: changes.pinnedBy ?? null });
    if (options.onlyActive) query.andWhere(`status = 'active'`);
    return (await query.execute()).affected ?? 0;
  }

  /**
   * Moves every text of `from` into `into` as a human decision and marks `from` merged; the caller holds both rows'
   * locks. The `clusters_merge_target_guard` trigger re-checks (share-locking) that `into` is active.
   */
  async merge(manager: EntityManager, workspaceId: string, from: string, into: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(FeedbackTextEntity)
      .set({ clusterId: into, placedBy: 'human', assignedAt: () => 'now()' })
      .where('workspace_id = :workspaceId AND cluster_id = :from', { workspaceId, from })
      .execute();
    await manager.getRepository(ClusterEntity).update({ workspaceId, id: from }, { status: 'merged', mergedInto: into });
    // Earlier merges into `from` now point at the surviving cluster (their updated_at stays: they did not change).
    await manager
      .getRepository(ClusterEntity)
      .update({ workspaceId, mergedInto: from }, { mergedInto: into, updatedAt: () => 'updated_at' });
  }

  /** Moves texts into a cluster (or out of all, with null) as a human decision; returns how many moved. */
  async moveTexts(workspaceId: string, textIds: string[], to: string | null, manager?: EntityManager): Promise<number> {
    const result = await (manager ?? this.textRows.manager)
      .createQueryBuilder()
      .update(FeedbackTextEntity)
      .set({ clusterId: to, placedBy: 'human', similarity: null, assignedAt: () => 'now()' })
      .where('workspace_id = :workspaceId AND id = ANY (CAST(:textIds AS uuid[]))', { workspaceId, textIds })
      .execute();
    return result.affected ?? 0;
  }

  async textsExist(workspaceId: string, ids: string[]): Promise<number> {
    return this.countOf(
      this.textRows
        .createQueryBuilder('f')
        .where('f.workspace_id = :workspaceId AND f.id = ANY (CAST(:ids AS uuid[]))', { workspaceId, ids }),
    );
  }

  /** Texts of a cluster (or the unclustered ones, with null) under the filter. */
  private textsOf(workspaceId: string, clusterId: string | null, filter: TextFilter): SelectQueryBuilder<FeedbackTextEntity> {
    const where = textConditions(filter);
    return this.textRows
      .createQueryBuilder('f')
      .where(`f.workspace_id = :workspaceId AND f.cluster_id IS NOT DISTINCT FROM CAST(:clusterId AS uuid)${where.sql}`, {
        workspaceId,
        clusterId,
        ...where.params,
      });
  }

  /** Texts of a cluster (or the unclustered ones, with null), most representative first, paged. */
  texts(workspaceId: string, clusterId: string | null, filter: TextFilter, limit: number, offset: number): Promise<ClusterTextRow[]> {
    return this.textsOf(workspaceId, clusterId, filter)
      .select(TEXT_COLUMNS)
      .orderBy('f.similarity', 'DESC', 'NULLS LAST')
      .addOrderBy('f.occurred_at', 'DESC')
      .addOrderBy('f.id')
      .limit(limit)
      .offset(offset)
      .getRawMany<ClusterTextRow>();
  }

  countTexts(workspaceId: string, clusterId: string | null, filter: TextFilter): Promise<number> {
    return this.countOf(this.textsOf(workspaceId, clusterId, filter));
  }

  /** count(*) of the query's rows (getCount would count distinct primary keys, a sort this table does not need). */
  private async countOf(query: SelectQueryBuilder<FeedbackTextEntity>): Promise<number> {
    return (await query.select('count(*)::int', 'n').getRawOne<{ n: number }>())!.n;
  }

  /** The `perCluster` most representative texts of each cluster, in one query (a window function over the filtered texts). */
  examples(workspaceId: string, clusterIds: string[], perCluster: number, filter: TextFilter): Promise<ClusterTextRow[]> {
    if (clusterIds.length === 0) return Promise.resolve([]);
    const where = textConditions(filter);
    const ranked = this.textRows
      .createQueryBuilder('f')
      .select(TEXT_COLUMNS)
      .addSelect(`row_number() OVER (PARTITION BY f.cluster_id ORDER BY ${TEXT_ORDER})`, 'rank')
      .where(`f.workspace_id = :workspaceId AND f.cluster_id = ANY (CAST(:clusterIds AS uuid[]))${where.sql}`);
    return this.textRows.manager
      .createQueryBuilder()
      .select('*')
      .from(`(${ranked.getQuery()})`, 'ranked')
      .where('rank <= :perCluster')
      .orderBy('rank')
      .setParameters({ workspaceId, clusterIds, perCluster, ...where.params })
      .getRawMany<ClusterTextRow>();
  }

  /** Counts per bucket for one cluster (empty buckets included). Analytics: generate_series + grouped counts. */
  trend(
    workspaceId: string,
    clusterId: string,
    from: Date,
    to: Date,
    interval: 'day' | 'week' | 'month',
    timeZone: string,
  ): Promise<{ start: Date; count: number }[]> {
    return this.textRows.query(
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

  /**
   * The survey questions whose open answers are among the texts (id, the latest label copied, how many texts), most
   * texts first: the clusters page's question filter. The same id in several surveys (e.g. "likes") is one choice.
   */
  questions(workspaceId: string): Promise<{ id: string; label: string | null; count: number }[]> {
    return this.textRows
      .createQueryBuilder('f')
      .select('f.question_id', 'id')
      .addSelect('(array_agg(f.question_label ORDER BY f.occurred_at DESC))[1]', 'label')
      .addSelect('count(*)::int', 'count')
      .where('f.workspace_id = :workspaceId AND f.question_id IS NOT NULL', { workspaceId })
      .groupBy('f.question_id')
      .orderBy('count', 'DESC')
      .addOrderBy('id')
      .limit(100)
      .getRawMany();
  }

  /** How a cluster's texts split by a column: churn reason, touchpoint or source. Analytics: a grouped count. */
  breakdown(
    workspaceId: string,
    clusterId: string,
    column: 'churn_reason_key' | 'touchpoint' | 'source',
  ): Promise<{ key: string; count: number }[]> {
    return this.textRows.query(
      `SELECT ${column} AS key, count(*)::int AS count FROM feedback_texts
        WHERE workspace_id = $1 AND cluster_id = $2 AND ${column} IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20`,
      [workspaceId, clusterId],
    );
  }

  // Runs

  /** Starts a run unless one is already running (then null: the partial unique index cluster_runs_one_running). */
  async startRun(workspaceId: string, trigger: RunTrigger, leaseMs: number): Promise<RunRow | null> {
    const result = await this.runRows
      .createQueryBuilder()
      .insert()
      .values({ workspaceId, trigger, leaseUntil: () => 'now() + make_interval(secs => CAST(:leaseMs AS double precision) / 1000)' })
      .orIgnore()
      .setParameter('leaseMs', leaseMs)
      .execute();
    const id = (result.raw as { id: string }[])[0]?.id;
    return id ? this.run(workspaceId, id) : null;
  }

  async progress(workspaceId: string, runId: string, progress: number, stage: string, leaseMs: number): Promise<void> {
    await this.runRows
      .createQueryBuilder()
      .update()
      .set({ progress, stage, leaseUntil: () => 'now() + make_interval(secs => CAST(:leaseMs AS double precision) / 1000)' })
      .where(`workspace_id = :workspaceId AND id = :runId AND status = 'running'`, { workspaceId, runId, leaseMs })
      .execute();
  }

  /**
   * Renews a running run's lease (a heartbeat while its process lives). False when the run is no longer running:
   * marked abandoned (failed) meanwhile, so its process must stop and write nothing.
   */
  async renewLease(workspaceId: string, runId: string, leaseMs: number): Promise<boolean> {
    const result = await this.runRows
      .createQueryBuilder()
      .update()
      .set({ leaseUntil: () => 'now() + make_interval(secs => CAST(:leaseMs AS double precision) / 1000)' })
      .where(`workspace_id = :workspaceId AND id = :runId AND status = 'running'`, { workspaceId, runId, leaseMs })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /**
   * Locks a run's row for the transaction that writes its results, if it is still running. failAbandonedRuns then
   * waits for that transaction, and a run it already marked failed gets false: its results must not be written.
   */
  async claimRunning(manager: EntityManager, workspaceId: string, runId: string): Promise<boolean> {
    const row = await manager
      .getRepository(ClusterRunEntity)
      .createQueryBuilder('run')
      .select('run.id')
      .where(`run.workspace_id = :workspaceId AND run.id = :runId AND run.status = 'running'`, { workspaceId, runId })
      .setLock('pessimistic_write')
      .getOne();
    return row !== null;
  }

  /** Marks a run completed; false (nothing written) when it is no longer running: the caller rolls back. */
  async finishRun(
    manager: EntityManager,
    workspaceId: string,
    runId: string,
    result: {
      texts: number;
      clusters: number;
      unclustered: number;
      continued: number;
      created: number;
      retired: number;
      seconds: number;
      model: Buffer | null;
      modelClusterIds: (string | null)[];
    },
  ): Promise<boolean> {
    const runs = manager.getRepository(ClusterRunEntity);
    const finished = await runs.update(
      { workspaceId, id: runId, status: 'running' },
      { ...result, status: 'completed', progress: 1, stage: 'done', leaseUntil: null, finishedAt: () => 'now()' },
    );
    if ((finished.affected ?? 0) === 0) return false;
    // Older models are never used again; keep the rows (history) without their weight.
    await runs.update({ workspaceId, id: Not(runId), model: Not(IsNull()) }, { model: null });
    return true;
  }

  async failRun(workspaceId: string, runId: string, error: string): Promise<void> {
    await this.runRows.update(
      { workspaceId, id: runId, status: 'running' },
      { status: 'failed', error: error.slice(0, 500), leaseUntil: null, finishedAt: () => 'now()' },
    );
  }

  /** Runs whose process stopped renewing the lease (a restart): failed, so a new run can start. */
  async failAbandonedRuns(): Promise<number> {
    const result = await this.runRows
      .createQueryBuilder()
      .update()
      .set({ status: 'failed', error: 'interrupted (the server stopped during the run)', finishedAt: () => 'now()' })
      .where(`status = 'running' AND lease_until < now()`)
      .execute();
    return result.affected ?? 0;
  }

  async runs(workspaceId: string, limit: number): Promise<RunRow[]> {
    const rows = await this.runRows.find({ select: [...RUN_FIELDS], where: { workspaceId }, order: { startedAt: 'DESC' }, take: limit });
    return rows.map(toRunRow);
  }

  async run(workspaceId: string, id: string): Promise<RunRow | null> {
    const row = await this.runRows.findOne({ select: [...RUN_FIELDS], where: { workspaceId, id } });
    return row ? toRunRow(row) : null;
  }

  /** The latest completed run's model and its cluster ids (index → id). */
  async latestModel(workspaceId: string): Promise<{ runId: string; model: Buffer; clusterIds: (string | null)[] } | null> {
    const row = await this.runRows.findOne({
      select: { id: true, model: true, modelClusterIds: true },
      where: { workspaceId, status: 'completed', model: Not(IsNull()) },
      order: { finishedAt: 'DESC' },
    });
    return row ? { runId: row.id, model: row.model!, clusterIds: row.modelClusterIds ?? [] } : null;
  }

  async latestRunId(workspaceId: string): Promise<string | null> {
    const row = await this.runRows.findOne({
      select: { id: true },
      where: { workspaceId, status: 'completed' },
      order: { finishedAt: 'DESC' },
    });
    return row?.id ?? null;
  }

  async lastFinishedAt(workspaceId: string): Promise<Date | null> {
    const row = await this.runRows
      .createQueryBuilder('r')
      .select('max(r.finished_at)', 'at')
      .where(`r.workspace_id = :workspaceId AND r.status = 'completed'`, { workspaceId })
      .getRawOne<{ at: Date | null }>();
    return row?.at ?? null;
  }

  // Growth alerts

  /** Records an alert unless the cluster had one in the last 7 days; the alert's id when recorded. */
  async recordAlert(
    manager: EntityManager,
    workspaceId: string,
    clusterId: string,
    recent: number,
    previous: number,
  ): Promise<string | null> {
    const claimed = await manager
      .createQueryBuilder()
      .update(ClusterEntity)
      .set({ lastAlertAt: () => 'now()', updatedAt: () => 'updated_at' }) // an alert is no edit of the cluster
      .where(`workspace_id = :workspaceId AND id = :clusterId AND (last_alert_at IS NULL OR last_alert_at < now() - interval '7 days')`, {
        workspaceId,
        clusterId,
      })
      .execute();
    if (!claimed.affected) return null;
    const { identifiers } = await manager
      .getRepository(ClusterAlertEntity)
      .insert({ workspaceId, clusterId, recentCount: recent, previousCount: previous, windowDays: 7 });
    return (identifiers[0] as { id: string }).id;
  }

  alerts(workspaceId: string, limit: number): Promise<ClusterAlertRow[]> {
    return this.alertRows
      .createQueryBuilder('a')
      .select([
        'a.id AS id',
        'a.cluster_id AS "clusterId"',
        `COALESCE(c.name, c.label, '') AS name`,
        'a.recent_count AS "recentCount"',
        'a.previous_count AS "previousCount"',
        'a.window_days AS "windowDays"',
        'a.created_at AS "createdAt"',
      ])
      .leftJoin(ClusterEntity, 'c', 'c.workspace_id = a.workspace_id AND c.id = a.cluster_id')
      .where('a.workspace_id = :workspaceId', { workspaceId })
      .orderBy('a.created_at', 'DESC')
      .limit(limit)
      .getRawMany<ClusterAlertRow>();
  }
}
