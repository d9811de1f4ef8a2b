import type { INestApplicationContext } from '@nestjs/common';
import { ApiError } from '../common/http/api-error';
import { ClusterRebuildService } from '../complaints/cluster-rebuild.service';
import { ComplaintsJobsService } from '../complaints/complaints-jobs.service';
import type { DemoHistoryRepository } from './demo-history.repository';
import type { Progress } from './progress';

/** Copies the story's texts into the clustering service and builds the clusters, as the scheduled sync would. */
export async function seedClusters(app: INestApplicationContext, workspaceId: string, history: DemoHistoryRepository, progress: Progress): Promise<void> {
  await history.holdFeedbackSync(workspaceId, null);
  const outcome = await app.get(ComplaintsJobsService).sync(workspaceId, { autoRebuild: false });
  progress.note(`feedback texts ${outcome.copied.toLocaleString('en-US')}/${outcome.copied.toLocaleString('en-US')} copied for clustering`);
  const rebuild = app.get(ClusterRebuildService);
  for (let attempt = 0; ; attempt++) {
    try {
      const { done } = await rebuild.start(workspaceId, 'manual');
      await done;
      break;
    } catch (error) {
      // A scheduled rebuild got there first: let it finish, then build again with every text.
      if (!(error instanceof ApiError) || error.code !== 'run_in_progress' || attempt > 240) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  progress.note('clusters built');
}
