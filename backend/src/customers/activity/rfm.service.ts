import { Injectable, Logger } from '@nestjs/common';
import { RfmOverviewDto } from './rfm.dto';
import { RFM_GROUPS } from './rfm-groups';
import { RfmRepository } from './rfm.repository';

/** RFM scores: computed per workspace in the database (daily and soon after new activity), read as a grid. */
@Injectable()
export class RfmService {
  private readonly log = new Logger(RfmService.name);

  constructor(private readonly rfm: RfmRepository) {}

  /** Re-scores one workspace now; returns the customers written. */
  score(workspaceId: string, asOf = new Date()): Promise<number> {
    return this.rfm.score(workspaceId, asOf);
  }

  /**
   * Scores the workspaces that need it: those that received activity since `since` (null: none asked) and, with
   * `staleBefore`, those not scored since then. One workspace at a time, each in its own statement.
   */
  async scoreDue(since: Date | null, staleBefore: Date | null): Promise<string[]> {
    const due = new Set<string>();
    if (since) for (const id of await this.rfm.workspacesWithActivitySince(since)) due.add(id);
    if (staleBefore) for (const id of await this.rfm.workspacesScoredBefore(staleBefore)) due.add(id);
    for (const workspaceId of due) {
      // One workspace failing must not keep the others unscored.
      try {
        await this.rfm.score(workspaceId, new Date());
      } catch (error) {
        this.log.error(`RFM scoring of workspace ${workspaceId} failed: ${(error as Error).message}`);
      }
    }
    return [...due];
  }

  async overview(workspaceId: string): Promise<RfmOverviewDto> {
    const scoredAt = await this.rfm.scoredAt(workspaceId);
    const counts = new Map((await this.rfm.groupCounts(workspaceId)).map((row) => [row.group, row.customers]));
    const grid = scoredAt ? await this.rfm.grid(workspaceId, scoredAt) : [];
    return {
      scoredAt: scoredAt?.toISOString() ?? null,
      scored: [...counts.values()].reduce((sum, n) => sum + n, 0),
      grid,
      groups: RFM_GROUPS.map((group) => ({ group, customers: counts.get(group) ?? 0 })),
    };
  }
}
