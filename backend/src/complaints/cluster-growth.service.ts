import { Injectable } from '@nestjs/common';
import { WebhookEvents } from '../webhooks/webhook-events';
import { type ClusterGrowthSettings, WorkspaceSettingsService } from '../workspaces/workspace-settings.service';
import { ClustersRepository } from './clusters.repository';

/**
 * A cluster is growing unusually fast when its last 7 days hold at least `minCount` texts and more
 * than `factor` times the 7 days before (at least one a week assumed). Alerted at most weekly per
 * cluster; recorded and sent to webhooks (`cluster.alert`).
 */
export function isGrowing(recent: number, previous: number, settings: { factor: number; minCount: number }): boolean {
  return recent >= settings.minCount && recent > settings.factor * Math.max(previous, 1);
}

@Injectable()
export class ClusterGrowthService {
  constructor(
    private readonly clusters: ClustersRepository,
    private readonly events: WebhookEvents,
    private readonly workspaceSettings: WorkspaceSettingsService,
  ) {}

  settings(workspaceId: string): Promise<ClusterGrowthSettings> {
    return this.workspaceSettings.clusterGrowth(workspaceId);
  }

  async updateSettings(workspaceId: string, settings: ClusterGrowthSettings): Promise<ClusterGrowthSettings> {
    await this.workspaceSettings.setClusterGrowth(workspaceId, settings);
    return settings;
  }

  async check(workspaceId: string, now = new Date()): Promise<number> {
    const settings = await this.settings(workspaceId);
    const growing = (await this.clusters.stats(workspaceId, {}, now)).filter((c) => isGrowing(c.recent, c.previous, settings));
    let raised = 0;
    for (const cluster of growing) {
      await this.clusters.transaction(async (manager) => {
        const alertId = await this.clusters.recordAlert(manager, workspaceId, cluster.id, cluster.recent, cluster.previous);
        if (!alertId) return;
        raised += 1;
        await this.events.publish(
          workspaceId,
          'cluster.alert',
          {
            alertId,
            clusterId: cluster.id,
            name: cluster.name ?? cluster.label,
            keywords: cluster.keywords,
            pinned: cluster.pinned,
            lastSevenDays: cluster.recent,
            previousSevenDays: cluster.previous,
            factor: settings.factor,
          },
          manager,
        );
      });
    }
    return raised;
  }
}
