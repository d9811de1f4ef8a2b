import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { notFound } from '../common/http/api-error';
import { WorkspaceSettingsRepository } from './workspace-settings.repository';

export interface MentionSpikeSettings {
  factor: number;
  minCount: number;
  baselineDays: number;
}

export interface ClusterGrowthSettings {
  factor: number;
  minCount: number;
}

/**
 * The per-workspace settings other modules keep on `workspaces` (churn, mention spikes, complaint clusters, the
 * complaints sync watermark). Exported by WorkspacesDataModule: those modules call this instead of querying the table.
 */
@Injectable()
export class WorkspaceSettingsService {
  constructor(private readonly settings: WorkspaceSettingsRepository) {}

  /** After how many days without activity a customer counts as lost. */
  async churnInactiveDays(workspaceId: string): Promise<number> {
    const row = await this.settings.find(workspaceId, ['churnInactiveDays']);
    if (!row) throw notFound('Workspace');
    return row.churnInactiveDays;
  }

  setChurnInactiveDays(workspaceId: string, days: number): Promise<void> {
    return this.settings.update(workspaceId, { churnInactiveDays: days });
  }

  async mentionSpikes(workspaceId: string): Promise<MentionSpikeSettings> {
    const row = await this.settings.find(workspaceId, ['mentionSpikeFactor', 'mentionSpikeMinCount', 'mentionSpikeBaselineDays']);
    if (!row) throw notFound('Workspace');
    return { factor: row.mentionSpikeFactor, minCount: row.mentionSpikeMinCount, baselineDays: row.mentionSpikeBaselineDays };
  }

  async setMentionSpikes(workspaceId: string, settings: MentionSpikeSettings): Promise<void> {
    await this.settings.update(workspaceId, {
      mentionSpikeFactor: settings.factor,
      mentionSpikeMinCount: settings.minCount,
      mentionSpikeBaselineDays: settings.baselineDays,
    });
  }

  async clusterGrowth(workspaceId: string): Promise<ClusterGrowthSettings> {
    const row = await this.settings.find(workspaceId, ['clusterGrowthFactor', 'clusterGrowthMinCount']);
    if (!row) throw notFound('Workspace');
    return { factor: row.clusterGrowthFactor, minCount: row.clusterGrowthMinCount };
  }

  async setClusterGrowth(workspaceId: string, settings: ClusterGrowthSettings): Promise<void> {
    await this.settings.update(workspaceId, { clusterGrowthFactor: settings.factor, clusterGrowthMinCount: settings.minCount });
  }

  /**
   * Complaints' sync watermark (source rows changed after it are not yet copied) with the database's now(), the
   * workspace row locked until `manager`'s transaction ends so two syncs of one workspace take turns.
   */
  lockFeedbackWatermark(workspaceId: string, manager: EntityManager): Promise<{ since: Date | null; now: Date } | undefined> {
    return this.settings.lockFeedbackWatermark(workspaceId, manager);
  }

  setFeedbackWatermark(workspaceId: string, at: Date, manager?: EntityManager): Promise<void> {
    return this.settings.update(workspaceId, { feedbackSyncedAt: at }, manager);
  }
}
