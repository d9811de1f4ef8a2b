import { Injectable, Logger } from '@nestjs/common';
import { conflict } from '../common/http/api-error';
import { ClustersRepository, type RunRow } from './clusters.repository';
import { runEngine } from './engine-runner';
import { FeedbackTextsRepository } from './feedback-texts.repository';
import { type EngineCluster, planRebuild } from './rebuild-plan';

/** Below this many texts a rebuild has nothing meaningful to find. */
export const MIN_TEXTS_FOR_CLUSTERING = 10;
/** A running rebuild renews its lease with each progress step; a lapsed lease means its process died. */
const LEASE_MS = 120_000;
const SEED = 42;

/**
 * Rebuilds a workspace's clusters from all its texts, then maps the new clusters onto the old ones
 * by shared members, so ids, human names, pins and merges survive; texts a person moved stay where
 * they were put while that cluster lives. The new model then places texts until the next rebuild.
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
    let lastReported = 0;
    const output = await runEngine({ texts: texts.map((t) => t.text), seed: SEED }, (fraction, stage) => {
      if (fraction - lastReported < 0.05 && fraction < 1) return;
      lastReported = fraction;
      void this.clusters.progress(workspaceId, runId, Math.min(0.95, fraction * 0.95), stage, LEASE_MS).catch(() => undefined);
    });

    await this.clusters.transaction(async (manager) => {
      // The engine ran on a snapshot; merges and moves made meanwhile are people's decisions and must bind. Lock
      // the clusters (merges and moves wait or have finished) and plan with the texts' placements as they are now.
      await this.clusters.lockActive(manager, workspaceId);
      const active = await this.clusters.active(workspaceId, manager);
      const current = await this.texts.placements(workspaceId, manager);
      const fresh = texts.map((text) => ({ ...text, ...current.get(text.id) }));
      const plan = planRebuild(fresh, active, output.assignments, output.clusters);
      for (const { id, cluster } of plan.refresh) await this.clusters.refresh(manager, workspaceId, id, fieldsOf(cluster));
      for (const { id, cluster } of plan.insert) await this.clusters.insert(manager, workspaceId, { id, ...fieldsOf(cluster) });
      for (const retired of plan.retire) {
        await this.clusters.retire(manager, workspaceId, retired.id, retired.absorbedBy);
        // A known issue stays known in the cluster that took most of its texts.
        if (retired.absorbedBy && retired.pinned)
          await this.clusters.update(workspaceId, retired.absorbedBy, { pinned: true }, { manager });
      }
      await this.texts.place(workspaceId, plan.placements, manager);
      await this.clusters.finishRun(manager, workspaceId, runId, {
        texts: texts.length,
        clusters: plan.refresh.length + plan.insert.length,
        unclustered: plan.placements.filter((p) => p.clusterId === null).length,
        continued: plan.refresh.length,
        created: plan.insert.length,
        retired: plan.retire.length,
        seconds: Math.round(((performance.now() - started) / 1000) * 100) / 100,
        model: output.model,
        modelClusterIds: plan.modelClusterIds,
      });
    });
  }
}

const fieldsOf = (cluster: EngineCluster) => ({ label: cluster.label, keywords: cluster.keywords, language: cluster.language });
