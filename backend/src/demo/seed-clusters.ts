import type { INestApplicationContext } from '@nestjs/common';
import { ApiError } from '../common/http/api-error';
import { ClusterRebuildService } from '../complaints/cluster-rebuild.service';
import { ComplaintsJobsService } from '../complaints/complaints-jobs.service';
import type { DemoHistoryRepository } from './demo-history.repository';
import type { Progress } from './progress';

/**
 * Copies the story's texts into the clustering service and starts the rebuild, as the scheduled sync would.
 * Resolves once the rebuild runs, with a promise of its end (the engine works in a worker thread, so the server can
 * start meanwhile; the Clusters page shows the run's progress).
 */
export async function seedClusters(
  app: INestApplicationContext,
  workspaceId: string,
  history: DemoHistoryRepository,
  progress: Progress,
): Promise<{ done: Promise<void> }> {
  await history.holdFeedbackSync(workspaceId, null);
  const outcome = await app.get(ComplaintsJobsService).sync(workspaceId, { autoRebuild: false });
  progress.note(`feedback texts ${outcome.copied.toLocaleString('en-US')}/${outcome.copied.toLocaleString('en-US')} copied for clustering`);
  const rebuild = app.get(ClusterRebuildService);
  for (let attempt = 0; ; attempt++) {
    try {
      const { done } = await rebuild.start(workspaceId, 'manual');
      progress.note('clusters are being built');
      // Wrapped: an async function returning a promise would wait for it.
      return { done: done.then(() => progress.note('clusters built')) };
    } catch (error) {
      // A scheduled rebuild got there first: let it finish, then build again with every text.
      if (!(error instanceof ApiError) || error.code !== 'run_in_progress' || attempt > 240) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
