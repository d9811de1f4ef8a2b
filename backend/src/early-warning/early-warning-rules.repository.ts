import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { EarlyWarningRulesEntity } from './early-warning-rules.entity';

export type StoredRules = Omit<EarlyWarningRulesEntity, 'workspaceId' | 'updatedAt' | 'updatedBy'>;

@Injectable()
export class EarlyWarningRulesRepository {
  constructor(@InjectRepository(EarlyWarningRulesEntity) private readonly rules: Repository<EarlyWarningRulesEntity>) {}

  find(workspaceId: string): Promise<EarlyWarningRulesEntity | null> {
    return this.rules.findOneBy({ workspaceId });
  }

  /** Insert or replace the workspace's row in one statement (two admins saving at once: the last one wins whole). */
  async save(workspaceId: string, rules: StoredRules, userId: string | null): Promise<EarlyWarningRulesEntity> {
    await this.rules.upsert({ workspaceId, ...rules, updatedAt: () => 'now()', updatedBy: userId } as never, ['workspaceId']);
    return (await this.find(workspaceId))!;
  }
}
