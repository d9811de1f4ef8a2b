import { Injectable, Logger } from '@nestjs/common';
import { conflict } from '../common/http/api-error';
import { ClustersRepository, type RunRow } from './clusters.repository';
import { type EngineOutput, runEngine } from './engine-runner';
import { type FeedbackTextRow, FeedbackTextsRepository } from './feedback-texts.repository';
import { encodePoolModels, type PoolModel } from './pool-models';
import { UNCLUSTERED } from '../text/engine';
import { type EngineCluster, planRebuild } from './rebuild-plan';

/** Below this many texts a rebuild has nothing meaningful to find. */
export const MIN_TEXTS_FOR_CLUSTERING = 10;
/** A running rebuild renews its lease with each progress step; a lapsed lease means its process died. */
const LEASE_MS = 120_000;
const SEED = 42;

/**
 * Rebuilds a workspace's clusters from all its texts, pool by pool (the main pool and each question clustered on its
 * own), then maps the new clusters onto the old ones by shared members, so ids, human names, pins and merges survive;
 * texts a person moved stay where they were put while that cluster lives. The new model then places texts until the next rebuild.
 */
@Injectable()
export class ClusterRebuildService {
  private readonly logger = new Logger('ClusterRebuild');

  constructor(
    private readonly clusters: ClustersRepository,
    private readonly texts: FeedbackTextsRepository,
  ) {}

  /** Starts a rebuild in the background; 409 when one is running. Resolves with the run row at once. */
  async start(workspaceId: string, trigger: 'manual' | 'schedule'): Promise<{ run: RunRow; done: Promise<void> }> {
    const run = await this.clusters.startRun(workspaceId, trigger, LEASE_MS);
    if (!run) throw conflict('run_in_progress', 'A rebuild of the clusters is already running; wait for it to finish.');
    const done = this.execute(workspaceId, run.id).catch(async (error: Error) => {
      this.logger.error(`cluster rebuild ${run.id} failed: ${error.stack ?? error.message}`);
      await this.clusters.failRun(workspaceId, run.id, error.message).catch(() => undefined);
    });
    return { run, done };
  }

  private async execute(workspaceId: string, runId: string): Promise<void> {
    const started = performance.now();
    const texts = await this.texts.all(workspaceId);
    if (texts.length < MIN_TEXTS_FOR_CLUSTERING) {
      await this.clusters.transaction((manager) =>
        this.clusters.finishRun(manager, workspaceId, runId, {
          texts: texts.length,
          clusters: 0,
          unclustered: texts.length,
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
    const pools = poolsOf(texts);
    const trained = pools.filter((p) => p.texts.length >= MIN_TEXTS_FOR_CLUSTERING);
    const outputs = new Map<PoolTexts, EngineOutput>();
    const trainedTotal = trained.reduce((sum, p) => sum + p.texts.length, 0);
    let done = 0;
    let lastReported = 0;
    for (const pool of trained) {
      const share = pool.texts.length / trainedTotal;
      outputs.set(
        pool,
        await runEngine({ texts: pool.texts.map((t) => t.text), seed: SEED }, (fraction, stage) => {
          const overall = done + fraction * share;
          if (overall - lastReported < 0.05 && fraction < 1) return;
          lastReported = overall;
          void this.clusters.progress(workspaceId, runId, Math.min(0.95, overall * 0.95), stage, LEASE_MS).catch(() => undefined);
        }),
      );
      done += share;
    }

    await this.clusters.transaction(async (manager) => {
      // The engine ran on a snapshot; merges and moves made meanwhile are people's decisions and must bind. Lock
      // the clusters (merges and moves wait or have finished) and plan with the texts' placements as they are now.
      await this.clusters.lockActive(manager, workspaceId);
      const active = await this.clusters.active(workspaceId, manager);
      const current = await this.texts.placements(workspaceId, manager);
      const totals = { clusters: 0, unclustered: 0, continued: 0, created: 0, retired: 0 };
      const models: PoolModel[] = [];
      const modelClusterIds: (string | null)[] = [];
      for (const pool of pools) {
        const output = outputs.get(pool);
        const fresh = pool.texts.map((text) => ({ ...text, ...current.get(text.id) }));
        const plan = planRebuild(
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
        totals.unclustered += plan.placements.filter((p) => p.clusterId === null).length;
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
      await this.clusters.finishRun(manager, workspaceId, runId, {
        texts: texts.length,
        ...totals,
        seconds: Math.round(((performance.now() - started) / 1000) * 100) / 100,
        model: models.length > 0 ? encodePoolModels(models) : null,
        modelClusterIds,
      });
    });
  }
}

interface PoolTexts {
  pool: string | null;
  texts: FeedbackTextRow[];
}

/** The texts grouped by pool, the main pool first, then by question id (a stable order for the run's models). */
function poolsOf(texts: readonly FeedbackTextRow[]): PoolTexts[] {
  const byPool = new Map<string | null, FeedbackTextRow[]>();
  for (const text of texts) byPool.set(text.pool, [...(byPool.get(text.pool) ?? []), text]);
  return [...byPool.entries()]
    .map(([pool, members]) => ({ pool, texts: members }))
    .sort((a, b) => (a.pool === null ? -1 : b.pool === null ? 1 : a.pool < b.pool ? -1 : a.pool > b.pool ? 1 : 0));
}

const fieldsOf = (cluster: EngineCluster) => ({ label: cluster.label, keywords: cluster.keywords, language: cluster.language });
