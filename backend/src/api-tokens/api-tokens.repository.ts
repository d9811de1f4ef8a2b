import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import type { Role } from '../common/auth/roles';
import type { Scope } from '@otklik/survey-model';
import { ApiTokenEntity } from './api-token.entity';

export interface NewApiToken {
  workspaceId: string;
  name: string;
  prefix: string;
  tokenHash: string;
  scopes: Scope[];
  createdBy: string;
  expiresAt: Date | null;
}

@Injectable()
export class ApiTokensRepository {
  constructor(@InjectRepository(ApiTokenEntity) private readonly repo: Repository<ApiTokenEntity>) {}

  async create(token: NewApiToken): Promise<ApiTokenEntity> {
    const saved = await this.repo.save(this.repo.create(token));
    return (await this.repo.findOne({ where: { workspaceId: saved.workspaceId, id: saved.id }, relations: { creator: true } }))!;
  }

  listActive(workspaceId: string): Promise<ApiTokenEntity[]> {
    return this.repo.find({
      where: { workspaceId, revokedAt: IsNull() },
      relations: { creator: true },
      order: { createdAt: 'DESC' },
    });
  }

  /**
   * The token row with its hash, for authentication; global lookup by the public prefix. The creator's current
   * role comes in the same query (null when they are no longer a member), so re-checking it costs no round trip.
   */
  async findByPrefixWithHash(prefix: string): Promise<(ApiTokenEntity & { creatorRole: Role | null }) | null> {
    const { entities, raw } = await this.repo
      .createQueryBuilder('t')
      .addSelect('t.tokenHash')
      .leftJoin('memberships', 'm', 'm.workspace_id = t.workspace_id AND m.user_id = t.created_by')
      .addSelect('m.role', 'creator_role')
      .where('t.prefix = :prefix', { prefix })
      .getRawAndEntities<{ creator_role: Role | null }>();
    if (!entities[0]) return null;
    return Object.assign(entities[0], { creatorRole: raw[0]?.creator_role ?? null });
  }

  async markUsed(workspaceId: string, id: string, at: Date): Promise<void> {
    await this.repo.update({ workspaceId, id }, { lastUsedAt: at });
  }

  /** Revokes the live tokens a user created in a workspace, inside the caller's transaction. */
  async revokeCreatedBy(workspaceId: string, userId: string, manager: EntityManager): Promise<void> {
    await manager
      .getRepository(ApiTokenEntity)
      .update({ workspaceId, createdBy: userId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
  }

  async revoke(workspaceId: string, id: string): Promise<boolean> {
    const result = await this.repo.update({ workspaceId, id, revokedAt: IsNull() }, { revokedAt: new Date() });
    return (result.affected ?? 0) > 0;
  }
}
