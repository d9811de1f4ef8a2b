import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Role } from '../common/auth/roles';
import { MembershipEntity } from './membership.entity';

export interface WorkspaceOfUser {
  id: string;
  name: string;
  slug: string;
  role: Role;
}

@Injectable()
export class MembershipsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(MembershipEntity);
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async findRole(workspaceId: string, userId: string, manager?: EntityManager): Promise<Role | null> {
    const row = await this.repo(manager).findOne({ select: { role: true }, where: { workspaceId, userId } });
    return row?.role ?? null;
  }

  listMembers(workspaceId: string): Promise<MembershipEntity[]> {
    return this.repo().find({ where: { workspaceId }, relations: { user: true }, order: { createdAt: 'ASC' } });
  }

  findMember(workspaceId: string, userId: string, manager?: EntityManager): Promise<MembershipEntity | null> {
    return this.repo(manager).findOne({ where: { workspaceId, userId }, relations: { user: true } });
  }

  async workspacesOfUser(userId: string): Promise<WorkspaceOfUser[]> {
    const rows = await this.repo()
      .createQueryBuilder('m')
      .innerJoin('m.workspace', 'w')
      .select(['w.id AS id', 'w.name AS name', 'w.slug AS slug', 'm.role AS role'])
      .where('m.user_id = :userId', { userId })
      .orderBy('w.name', 'ASC')
      .addOrderBy('w.id', 'ASC')
      .getRawMany<WorkspaceOfUser>();
    return rows;
  }

  async insert(workspaceId: string, userId: string, role: Role, manager?: EntityManager): Promise<void> {
    await this.repo(manager).insert({ workspaceId, userId, role });
  }

  /** Locks the workspace's admin rows so two concurrent demotions cannot both pass the last-admin check. */
  async lockAdminIds(workspaceId: string, manager: EntityManager): Promise<string[]> {
    const rows = await manager.query(
      `SELECT user_id FROM memberships WHERE workspace_id = $1 AND role = 'admin' FOR UPDATE`,
      [workspaceId],
    );
    return (rows as { user_id: string }[]).map((row) => row.user_id);
  }

  async updateRole(workspaceId: string, userId: string, role: Role, manager: EntityManager): Promise<void> {
    await this.repo(manager).update({ workspaceId, userId }, { role });
  }

  /** Removes the membership and, in the same transaction, revokes the API tokens that member created there. */
  async delete(workspaceId: string, userId: string, manager: EntityManager): Promise<void> {
    await this.repo(manager).delete({ workspaceId, userId });
    await manager.query(
      `UPDATE api_tokens SET revoked_at = now() WHERE workspace_id = $1 AND created_by = $2 AND revoked_at IS NULL`,
      [workspaceId, userId],
    );
  }
}
