import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { WorkspaceEntity } from './workspace.entity';

/** Per-workspace settings columns of `workspaces`, read and written for the modules they belong to. */
export type WorkspaceSettingsRow = Pick<
  WorkspaceEntity,
  | 'churnInactiveDays'
  | 'mentionSpikeFactor'
  | 'mentionSpikeMinCount'
  | 'mentionSpikeBaselineDays'
  | 'clusterGrowthFactor'
  | 'clusterGrowthMinCount'
  | 'feedbackSyncedAt'
>;

@Injectable()
export class WorkspaceSettingsRepository {
  constructor(@InjectRepository(WorkspaceEntity) private readonly workspaces: Repository<WorkspaceEntity>) {}

  /** The chosen columns of one workspace (null when it does not exist). */
  find<K extends keyof WorkspaceSettingsRow>(workspaceId: string, columns: readonly K[]): Promise<Pick<WorkspaceEntity, K> | null> {
    const select = Object.fromEntries(columns.map((column) => [column, true]));
    return this.workspaces.findOne({ select, where: { id: workspaceId } });
  }

  async update(workspaceId: string, changes: Partial<WorkspaceSettingsRow>, manager?: EntityManager): Promise<void> {
    await (manager ? manager.getRepository(WorkspaceEntity) : this.workspaces).update({ id: workspaceId }, changes);
  }

  /** The feedback sync watermark and the database's now(), locking the workspace row until the transaction ends. */
  lockFeedbackWatermark(workspaceId: string, manager: EntityManager): Promise<{ since: Date | null; now: Date } | undefined> {
    return manager
      .getRepository(WorkspaceEntity)
      .createQueryBuilder('w')
      .select('w.feedback_synced_at', 'since')
      .addSelect('now()', 'now')
      .where('w.id = :workspaceId', { workspaceId })
      .setLock('pessimistic_write')
      .getRawOne<{ since: Date | null; now: Date }>();
  }
}
