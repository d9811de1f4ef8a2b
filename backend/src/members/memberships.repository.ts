import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { Role } from '../common/auth/roles';
import type { WorkspaceEntity } from '../workspaces/workspace.entity';
import { MembershipEntity } from './membership.entity';

export type WorkspaceOfUser = Pick<WorkspaceEntity, 'id' | 'name' | 'slug'> & Pick<MembershipEntity, 'role'>;

@Injectable()
export class MembershipsRepository {
  constructor(@InjectRepository(MembershipEntity) private readonly memberships: Repository<MembershipEntity>) {}

  private repo(manager?: EntityManager): Repository<MembershipEntity> {
    return manager ? manager.getRepository(MembershipEntity) : this.memberships;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.memberships.manager.transaction(work);
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

  async userIds(workspaceId: string, filter: { role?: Role; among?: readonly string[] }, manager?: EntityManager): Promise<string[]> {
    const query = this.repo(manager)
      .createQueryBuilder('m')
      .select('m.user_id', 'userId')
      .where('m.workspace_id = :workspaceId', { workspaceId });
    if (filter.role) query.andWhere('m.role = :role', { role: filter.role });
    if (filter.among) query.andWhere('m.user_id = ANY(:among)', { among: filter.among });
    const rows = await query.orderBy('m.user_id', 'ASC').getRawMany<Pick<MembershipEntity, 'userId'>>();
    return rows.map((row) => row.userId);
  }

  count(workspaceId: string): Promise<number> {
    return this.repo().countBy({ workspaceId });
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
    const rows = await this.repo(manager)
      .createQueryBuilder('m')
      .select('m.user_id', 'userId')
      .where('m.workspace_id = :workspaceId AND m.role = :role', { workspaceId, role: 'admin' })
      .setLock('pessimistic_write')
      .getRawMany<Pick<MembershipEntity, 'userId'>>();
    return rows.map((row) => row.userId);
  }

  async updateRole(workspaceId: string, userId: string, role: Role, manager: EntityManager): Promise<void> {
    await this.repo(manager).update({ workspaceId, userId }, { role });
  }

  async delete(workspaceId: string, userId: string, manager: EntityManager): Promise<void> {
    await this.repo(manager).delete({ workspaceId, userId });
  }
}
