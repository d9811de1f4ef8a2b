import { Injectable } from '@nestjs/common';
import { ClusterGrowthService } from './cluster-growth.service';
import { ClusterPlacementService } from './cluster-placement.service';
import { ClusterRebuildService, MIN_TEXTS_FOR_CLUSTERING } from './cluster-rebuild.service';
import { ClustersRepository } from './clusters.repository';
import { FeedbackTextsRepository } from './feedback-texts.repository';

/** Rebuild when the texts grew by this share since the last run (or there was none yet). */
const REBUILD_GROWTH_SHARE = 0.2;
/** … and not more often than this, unless asked. */
const MIN_REBUILD_INTERVAL_MS = 6 * 3600 * 1000;

export interface SyncOutcome {
  copied: number;
  placed: number;
  alerts: number;
  rebuildStarted: boolean;
}

/**
 * The background side of clustering, run by ClusterSyncJob (state lives in the database, so replicas can share
 * it): copy new texts from responses, cancellations and mentions, place them with the current model, raise growth
 * alerts, start a rebuild (in a worker thread, on its own lease) when the texts grew enough, and fail runs whose
 * process died.
 */
@Injectable()
export class ComplaintsJobsService {
  constructor(
    private readonly texts: FeedbackTextsRepository,
    private readonly clusters: ClustersRepository,
    private readonly placement: ClusterPlacementService,
    private readonly growth: ClusterGrowthService,
    private readonly rebuild: ClusterRebuildService,
  ) {}

  /** Every workspace with texts to sync; rebuilds started here run on their own lease after the turn. */
  async syncAll(): Promise<void> {
    await this.clusters.failAbandonedRuns();
    for (const workspaceId of await this.texts.workspacesToSync()) await this.sync(workspaceId, { autoRebuild: true });
  }

  /** One workspace's sync; also what the "refresh" endpoint runs. */
  async sync(workspaceId: string, options: { autoRebuild: boolean }): Promise<SyncOutcome> {
    const copied = await this.texts.syncFromSources(workspaceId);
    const placed = await this.placement.placeUnplaced(workspaceId);
    const alerts = await this.growth.check(workspaceId);
    const rebuildStarted = options.autoRebuild && (await this.maybeRebuild(workspaceId));
    return { copied, placed, alerts, rebuildStarted };
  }

  private async maybeRebuild(workspaceId: string): Promise<boolean> {
    const last = await this.clusters.lastFinishedAt(workspaceId);
    if (last && Date.now() - last.getTime() < MIN_REBUILD_INTERVAL_MS) return false;
    const total = await this.texts.countSince(workspaceId, null);
    const fresh = last ? await this.texts.countSince(workspaceId, last) : total;
    if (total < MIN_TEXTS_FOR_CLUSTERING || fresh < Math.max(1, REBUILD_GROWTH_SHARE * (total - fresh))) return false;
    try {
      await this.rebuild.start(workspaceId, 'schedule');
      return true;
    } catch {
      return false; // one is running already
    }
  }
}
