import { Injectable } from '@nestjs/common';
import { assignText, type ClusterModel, UNCLUSTERED } from '../text/engine';
import { featureKeys } from '../text/features';
import { analyze } from '../text/tokenize';
import { ClustersRepository } from './clusters.repository';
import { FeedbackTextsRepository, type Placement } from './feedback-texts.repository';
import { decodeModel } from '../text/model-codec';
import { decodePoolModels } from './pool-models';

interface LoadedModel {
  runId: string;
  /** Per pool (null: the main pool), its model and where its clusters start in clusterIds. */
  pools: Map<string | null, { model: ClusterModel; offset: number }>;
  clusterIds: (string | null)[];
}

const BATCH = 1000;

/**
 * Character n-grams alone can pull a text about something else entirely towards a cluster when the
 * model is small; a text shares at least one word (stem or stem pair) with the model's vocabulary
 * before it may join a cluster.
 */
export function sharesWords(model: ClusterModel, text: string): boolean {
  const { vocabulary } = model;
  return featureKeys(analyze(text), vocabulary.options).some((key) => {
    const column = vocabulary.index.get(key);
    return column !== undefined && vocabulary.isWord[column] === 1;
  });
}

/**
 * Places new texts between rebuilds: the latest run's frozen model of the text's pool picks the nearest cluster (or
 * none, when the text fits nowhere). A cluster merged by hand since then passes its texts on.
 */
@Injectable()
export class ClusterPlacementService {
  /** Decoded models by workspace; reloaded when a newer run completes. */
  private readonly models = new Map<string, LoadedModel>();

  constructor(
    private readonly clusters: ClustersRepository,
    private readonly texts: FeedbackTextsRepository,
  ) {}

  private async model(workspaceId: string): Promise<LoadedModel | null> {
    const latest = await this.clusters.latestRunId(workspaceId);
    if (!latest) return null;
    const cached = this.models.get(workspaceId);
    if (cached?.runId === latest) return cached;
    const stored = await this.clusters.latestModel(workspaceId);
    if (!stored) return null;
    const pools = new Map(decodePoolModels(stored.model).map((p) => [p.pool, { model: decodeModel(p.model), offset: p.offset }]));
    const loaded = { runId: stored.runId, pools, clusterIds: stored.clusterIds };
    this.models.set(workspaceId, loaded);
    return loaded;
  }

  /** Places every unplaced text of the workspace; returns how many were placed (0 without a model yet). */
  async placeUnplaced(workspaceId: string): Promise<number> {
    const loaded = await this.model(workspaceId);
    if (!loaded) return 0;
    const active = new Map((await this.clusters.active(workspaceId)).map((c) => [c.id, c]));
    const resolve = async (id: string | null): Promise<string | null> => {
      if (id === null) return null;
      if (active.has(id)) return id;
      const cluster = await this.clusters.find(workspaceId, id);
      return cluster?.status === 'merged' && cluster.mergedInto && active.has(cluster.mergedInto) ? cluster.mergedInto : null;
    };
    let placed = 0;
    for (;;) {
      const batch = await this.texts.unplaced(workspaceId, BATCH);
      if (batch.length === 0) return placed;
      const placements: Placement[] = [];
      for (const text of batch) {
        // Only its own pool's clusters: a like never joins a cluster of dislikes (no model yet: unclustered).
        const pool = loaded.pools.get(text.pool);
        const { cluster, similarity } =
          pool && sharesWords(pool.model, text.text) ? assignText(pool.model, text.text) : { cluster: UNCLUSTERED, similarity: 0 };
        const clusterId = cluster === UNCLUSTERED ? null : await resolve(loaded.clusterIds[pool!.offset + cluster]);
        placements.push({ id: text.id, clusterId, similarity: clusterId ? similarity : null, placedBy: 'model' });
      }
      await this.texts.place(workspaceId, placements);
      placed += placements.length;
      if (batch.length < BATCH) return placed;
    }
  }
}
