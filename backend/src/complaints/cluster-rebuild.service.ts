import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { conflict } from '../common/http/api-error';
import { matchClusters } from '../text/match';
import { UNCLUSTERED } from '../text/engine';
import { ClustersRepository, type RunRow } from './clusters.repository';
import { runEngine } from './engine-runner';
import { FeedbackTextsRepository, type Placement } from './feedback-texts.repository';

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
          texts: texts.length, clusters: 0, unclustered: texts.length, continued: 0, created: 0, retired: 0,
          seconds: (performance.now() - started) / 1000, model: null, modelClusterIds: [],
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
      const active = await this.clusters.active(workspaceId, manager);
      const activeIds = new Set(active.map((c) => c.id));
      const previous = active.map((c) => ({ id: c.id, memberIds: texts.filter((t) => t.clusterId === c.id).map((t) => t.id) }));
      const rebuilt = output.clusters.map((c) => ({ memberIds: texts.filter((_, i) => output.assignments[i] === c.index).map((t) => t.id) }));
      const mapping = matchClusters(previous, rebuilt);

      const ids = output.clusters.map((_, i) => mapping.continues[i] ?? randomUUID());
      for (const [i, summary] of output.clusters.entries()) {
        const fields = { label: summary.label, keywords: summary.keywords, language: summary.language };
        if (mapping.continues[i]) await this.clusters.refresh(manager, workspaceId, ids[i], fields);
        else await this.clusters.insert(manager, workspaceId, { id: ids[i], ...fields });
      }
      const byId = new Map(active.map((c) => [c.id, c]));
      for (const retired of mapping.retired) {
        const absorbedBy = retired.absorbedBy === null ? null : ids[retired.absorbedBy];
        await this.clusters.retire(manager, workspaceId, retired.id, absorbedBy);
        const old = byId.get(retired.id)!;
        // A known issue or a human name lives on in the cluster that took most of its texts.
        if (absorbedBy && old.pinned) await this.clusters.update(workspaceId, absorbedBy, { pinned: true });
        activeIds.delete(retired.id);
      }

      const representative = new Map<number, number>();
      for (const summary of output.clusters) summary.examples.forEach((textIndex, rank) => representative.set(textIndex, 1 - rank / 100));
      const placements: Placement[] = texts.map((t, i): Placement => {
        if (t.placedBy === 'human' && (t.clusterId === null || activeIds.has(t.clusterId))) {
          return { id: t.id, clusterId: t.clusterId, similarity: null, placedBy: 'human' };
        }
        const index = output.assignments[i];
        const clusterIndex = index === UNCLUSTERED ? -1 : output.clusters.findIndex((c) => c.index === index);
        return { id: t.id, clusterId: clusterIndex < 0 ? null : ids[clusterIndex], similarity: representative.get(i) ?? null, placedBy: 'run' };
      });
      await this.texts.place(workspaceId, placements, manager);

      const unclustered = placements.filter((p) => p.clusterId === null).length;
      await this.clusters.finishRun(manager, workspaceId, runId, {
        texts: texts.length,
        clusters: output.clusters.length,
        unclustered,
        continued: mapping.continues.filter((c) => c !== null).length,
        created: mapping.continues.filter((c) => c === null).length,
        retired: mapping.retired.length,
        seconds: Math.round(((performance.now() - started) / 1000) * 100) / 100,
        model: output.model,
        modelClusterIds: modelOrder(output.clusters.map((c) => c.index), ids),
      });
    });
  }
}

/** Cluster ids in the model's centroid order (by engine cluster index). */
function modelOrder(indexes: number[], ids: string[]): string[] {
  const ordered = new Array<string>(indexes.length);
  indexes.forEach((index, position) => (ordered[index] = ids[position]));
  return ordered;
}
