import { Inject, Injectable, Logger } from '@nestjs/common';
import { conflict } from '../common/http/api-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { type EntityManager } from 'typeorm';
import { ClustersRepository, type RunRow } from './clusters.repository';
import { type EngineOutput, runEngine, startEngineSession } from './engine-runner';
import { FeedbackTextsRepository, type PageKey, type PoolSize, type TextPage } from './feedback-texts.repository';
import { encodePoolModels, type PoolModel } from './pool-models';
import { UNCLUSTERED } from '../text/engine';
import { FIT_SHARE, TO_PLACE } from '../text/sampled';
import { type EngineCluster, planRebuild, type PlanText } from './rebuild-plan';
import { forEachSliced, mapSliced } from './sliced';

/** Below this many texts a rebuild has nothing meaningful to find. */
export const MIN_TEXTS_FOR_CLUSTERING = 10;
/** A running rebuild renews its lease on a timer while its process lives; a lapsed lease means the process died. */
const LEASE_MS = 120_000;
/** How often the lease is renewed: several renewals fit in one lease, so a slow query or a busy loop does not lose it. */
const HEARTBEAT_MS = LEASE_MS / 4;
const SEED = 42;
/** Texts read and placed per step of a large pool: a page of text is a few hundred kilobytes. */
const PAGE_SIZE = 5_000;

/** One pool's texts (ids and current places, no text) and what the engine made of them. */
interface PoolResult {
  texts: PlanText[];
  output: EngineOutput | null;
}

type Report = (fraction: number, stage: string) => void;

/** The run was marked failed meanwhile (its lease lapsed and another rebuild may have started): it stops, writing nothing. */
class RunAbandoned extends Error {
  constructor() {
    super('the run was marked abandoned; its results were not written');
  }
}

/**
 * Rebuilds a workspace's clusters from all its texts, pool by pool (the main pool and each question clustered on its
 * own), then maps the new clusters onto the old ones by shared members, so ids, human names, pins and merges survive;
 * texts a person moved stay where they were put while that cluster lives. The new model then places texts until the next rebuild.
 * A pool above OTKLIK_CLUSTER_SAMPLE_SIZE texts is fitted on an evenly spread sample and then streamed from the
 * database page by page into the fitted clusters (issue 20), so neither time nor memory grows faster than its texts.
 */
@Injectable()
export class ClusterRebuildService {
  private readonly logger = new Logger('ClusterRebuild');
  private readonly sampleSize: number;

  constructor(
    private readonly clusters: ClustersRepository,
    private readonly texts: FeedbackTextsRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.sampleSize = config.clusterSampleSize;
  }

  /** Starts a rebuild in the background; 409 when one is running. Resolves with the run row at once. */
  async start(workspaceId: string, trigger: 'manual' | 'schedule'): Promise<{ run: RunRow; done: Promise<void> }> {
    const run = await this.clusters.startRun(workspaceId, trigger, LEASE_MS);
    if (!run) throw conflict('run_in_progress', 'A rebuild of the clusters is already running; wait for it to finish.');
    const done = this.execute(workspaceId, run.id).catch(async (error: Error) => {
      if (error instanceof RunAbandoned) return this.logger.warn(`cluster rebuild ${run.id}: ${error.message}`);
      this.logger.error(`cluster rebuild ${run.id} failed: ${error.stack ?? error.message}`);
      await this.clusters.failRun(workspaceId, run.id, error.message).catch(() => undefined);
    });
    return { run, done };
  }

  /** Renews the run's lease every HEARTBEAT_MS while it runs; `abandoned()` tells when the run is no longer running. */
  private heartbeat(workspaceId: string, runId: string): { abandoned: () => boolean; stop: () => void } {
    let abandoned = false;
    const timer = setInterval(() => {
      this.clusters
        .renewLease(workspaceId, runId, LEASE_MS)
        .then((running) => (abandoned ||= !running))
        .catch(() => undefined);
    }, HEARTBEAT_MS);
    timer.unref();
    return { abandoned: () => abandoned, stop: () => clearInterval(timer) };
  }

  private async execute(workspaceId: string, runId: string): Promise<void> {
    const beat = this.heartbeat(workspaceId, runId);
    try {
      await this.rebuild(workspaceId, runId, () => {
        if (beat.abandoned()) throw new RunAbandoned();
      });
    } finally {
      beat.stop();
    }
  }

  /** `alive` throws once the run has been marked abandoned: checked between pools and pages. */
  private async rebuild(workspaceId: string, runId: string, alive: () => void): Promise<void> {
    const started = performance.now();
    const pools = await this.texts.poolSizes(workspaceId);
    const total = pools.reduce((sum, p) => sum + p.texts, 0);
    if (total < MIN_TEXTS_FOR_CLUSTERING) {
      await this.clusters.transaction(async (manager) =>
        this.finish(manager, workspaceId, runId, {
          texts: total,
          clusters: 0,
          unclustered: total,
          continued: 0,
          created: 0,
          retired: 0,
          seconds: (performance.now() - started) / 1000,
          model: null,
          modelClusterIds: [],
        }),
      );
      return;
    }
    // One engine run per pool: the main pool and each question clustered on its own (likes, dislikes, suggestions),
    // so no cluster mixes answers to different questions. A pool too small to cluster leaves its texts unclustered.
    const trainedTotal = pools.reduce((sum, p) => sum + (p.texts >= MIN_TEXTS_FOR_CLUSTERING ? p.texts : 0), 0);
    const results = new Map<PoolSize, PoolResult>();
    let done = 0;
    let lastReported = 0;
    for (const pool of pools) {
      alive();
      if (pool.texts < MIN_TEXTS_FOR_CLUSTERING) {
        results.set(pool, { texts: (await this.texts.poolTexts(workspaceId, pool.pool)).map(planText), output: null });
        continue;
      }
      const share = pool.texts / trainedTotal;
      const report: Report = (fraction, stage) => {
        const overall = done + Math.min(1, fraction) * share;
        if (overall - lastReported < 0.05 && fraction < 1) return;
        lastReported = overall;
        void this.clusters.progress(workspaceId, runId, Math.min(0.95, overall * 0.95), stage, LEASE_MS).catch(() => undefined);
      };
      results.set(
        pool,
        pool.texts <= this.sampleSize
          ? await this.clusterWhole(workspaceId, pool, report)
          : await this.clusterSampled(workspaceId, pool, report, alive),
      );
      done += share;
    }

    alive();
    await this.clusters.transaction(async (manager) => {
      // A run marked abandoned meanwhile writes nothing; a running one is locked so it cannot be marked so now.
      if (!(await this.clusters.claimRunning(manager, workspaceId, runId))) throw new RunAbandoned();
      // The engine ran on a snapshot; merges and moves made meanwhile are people's decisions and must bind. Lock
      // the clusters (merges and moves wait or have finished) and plan with the texts' placements as they are now.
      await this.clusters.lockActive(manager, workspaceId);
      const active = await this.clusters.active(workspaceId, manager);
      const current = await this.texts.placements(workspaceId, manager);
      const totals = { clusters: 0, unclustered: 0, continued: 0, created: 0, retired: 0 };
      const models: PoolModel[] = [];
      const modelClusterIds: (string | null)[] = [];
      for (const pool of pools) {
        const { texts, output } = results.get(pool)!;
        // Sliced, as the plan is: millions of texts must not block the event loop.
        const fresh = await mapSliced(texts, (text) => ({ ...text, ...current.get(text.id) }));
        const plan = await planRebuild(
          fresh,
          active.filter((c) => c.questionId === pool.pool),
          output?.assignments ?? new Int32Array(fresh.length).fill(UNCLUSTERED),
          output?.clusters ?? [],
        );
        for (const { id, cluster } of plan.refresh) await this.clusters.refresh(manager, workspaceId, id, fieldsOf(cluster));
        for (const { id, cluster } of plan.insert)
          await this.clusters.insert(manager, workspaceId, { id, questionId: pool.pool, ...fieldsOf(cluster) });
        for (const retired of plan.retire) {
          await this.clusters.retire(manager, workspaceId, retired.id, retired.absorbedBy);
          // A known issue stays known in the cluster that took most of its texts.
          if (retired.absorbedBy && retired.pinned)
            await this.clusters.update(workspaceId, retired.absorbedBy, { pinned: true }, { manager });
        }
        await this.texts.place(workspaceId, plan.placements, manager);
        totals.clusters += plan.refresh.length + plan.insert.length;
        await forEachSliced(plan.placements, (p) => p.clusterId === null && totals.unclustered++);
        totals.continued += plan.refresh.length;
        totals.created += plan.insert.length;
        totals.retired += plan.retire.length;
        if (output) {
          models.push({ pool: pool.pool, offset: modelClusterIds.length, model: output.model });
          modelClusterIds.push(...plan.modelClusterIds);
        }
      }
      // Clusters of a pool that has no texts any more (or made before pools) end too.
      const poolKeys = new Set(pools.map((p) => p.pool));
      for (const orphan of active.filter((c) => !poolKeys.has(c.questionId))) {
        await this.clusters.retire(manager, workspaceId, orphan.id, null);
        totals.retired += 1;
      }
      await this.finish(manager, workspaceId, runId, {
        texts: total,
        ...totals,
        seconds: Math.round(((performance.now() - started) / 1000) * 100) / 100,
        model: models.length > 0 ? encodePoolModels(models) : null,
        modelClusterIds,
      });
    });
  }

  /** Marks the run completed, or rolls the transaction back when it is no longer running. */
  private async finish(manager: EntityManager, workspaceId: string, runId: string, result: RunResult): Promise<void> {
    if (!(await this.clusters.finishRun(manager, workspaceId, runId, result))) throw new RunAbandoned();
  }

  /** A pool up to the sample size: read whole and clustered in one engine run. */
  private async clusterWhole(workspaceId: string, pool: PoolSize, report: Report): Promise<PoolResult> {
    const rows = await this.texts.poolTexts(workspaceId, pool.pool);
    const output = await runEngine({ texts: rows.map((t) => t.text), seed: SEED }, report);
    return { texts: rows.map(planText), output };
  }

  /**
   * A pool above the sample size: the model is fitted on an evenly spread sample, then the pool is read page by page
   * (the next page is fetched while the worker places this one) and every text placed; sample texts keep the fit's place.
   */
  private async clusterSampled(workspaceId: string, pool: PoolSize, report: Report, alive: () => void): Promise<PoolResult> {
    report(0, 'sample');
    const sample = await this.texts.poolSample(workspaceId, pool.pool, this.sampleSize);
    const session = await startEngineSession({ texts: sample.map((t) => t.text), seed: SEED }, (fraction, stage) =>
      report(fraction * FIT_SHARE, stage === 'done' ? 'place' : stage),
    );
    try {
      const fittedById = new Map(sample.map((t, s) => [t.id, session.fit.assignments[s]]));
      sample.length = 0;
      const texts: PlanText[] = [];
      let assignments = new Int32Array(pool.texts);
      const fetch = (after: PageKey | null): Promise<TextPage> => this.texts.poolPage(workspaceId, pool.pool, after, PAGE_SIZE);
      let pending: Promise<TextPage> | null = fetch(null);
      while (pending) {
        const page: TextPage = await pending;
        alive();
        pending = page.next ? fetch(page.next) : null;
        if (page.rows.length === 0) break;
        const fitted = Int32Array.from(page.rows, (row) => fittedById.get(row.id) ?? TO_PLACE);
        const placed = await session.place(
          page.rows.map((row) => row.text),
          fitted,
        );
        // Texts added since the count was taken: room for them too.
        if (texts.length + placed.length > assignments.length) {
          const grown = new Int32Array(Math.max(assignments.length * 2, texts.length + placed.length));
          grown.set(assignments);
          assignments = grown;
        }
        assignments.set(placed, texts.length);
        for (const row of page.rows) texts.push(planText(row));
        report(FIT_SHARE + (1 - FIT_SHARE) * Math.min(1, texts.length / pool.texts), 'place');
      }
      const clusters = await session.finish();
      return { texts, output: { assignments: assignments.subarray(0, texts.length), clusters, model: session.fit.model } };
    } catch (error) {
      await session.close();
      throw error;
    }
  }
}

/** A text's id and current place: all a rebuild's plan needs once the engine has read the text. */
const planText = ({ id, clusterId, placedBy }: PlanText): PlanText => ({ id, clusterId, placedBy });

type RunResult = Parameters<ClustersRepository['finishRun']>[3];

const fieldsOf = (cluster: EngineCluster) => ({ label: cluster.label, keywords: cluster.keywords, language: cluster.language });
