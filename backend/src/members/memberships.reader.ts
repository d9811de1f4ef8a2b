import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Role } from '../common/auth/roles';
import type { MembershipEntity } from './membership.entity';
import { MembershipsRepository, type WorkspaceOfUser } from './memberships.repository';

export type { WorkspaceOfUser };

/**
 * What other modules (auth, workspaces, overview, demo) may read or add about memberships; the rules for changing
 * and removing members stay in MembersService.
 */
@Injectable()
export class MembershipsReader {
  constructor(private readonly memberships: MembershipsRepository) {}

  /** The user's role in the workspace, or null when they are not a member. */
  roleOf(workspaceId: string, userId: string, manager?: EntityManager): Promise<Role | null> {
    return this.memberships.findRole(workspaceId, userId, manager);
  }

  /** The membership with its user, or null. */
  member(workspaceId: string, userId: string): Promise<MembershipEntity | null> {
    return this.memberships.findMember(workspaceId, userId);
  }

  async isMember(workspaceId: string, userId: string, manager?: EntityManager): Promise<boolean> {
    return (await this.memberships.findRole(workspaceId, userId, manager)) !== null;
  }

  /** The workspace's admins' user ids, in id order. */
  adminIds(workspaceId: string, manager?: EntityManager): Promise<string[]> {
    return this.memberships.userIds(workspaceId, { role: 'admin' }, manager);
  }

  /** Which of these users are members of the workspace (in id order). */
  membersAmong(workspaceId: string, userIds: readonly string[], manager?: EntityManager): Promise<string[]> {
    if (userIds.length === 0) return Promise.resolve([]);
    return this.memberships.userIds(workspaceId, { among: userIds }, manager);
  }

  workspacesOfUser(userId: string): Promise<WorkspaceOfUser[]> {
    return this.memberships.workspacesOfUser(userId);
  }

  /** Every member with their user (name, email), oldest membership first. */
  members(workspaceId: string): Promise<MembershipEntity[]> {
    return this.memberships.listMembers(workspaceId);
  }

  async memberCount(workspaceId: string): Promise<number> {
    return this.memberships.count(workspaceId);
  }

  /** Adds a member (a new workspace's creator, seeded demo people), inside the caller's transaction when given. */
  add(workspaceId: string, userId: string, role: Role, manager?: EntityManager): Promise<void> {
    return this.memberships.insert(workspaceId, userId, role, manager);
  }
}
