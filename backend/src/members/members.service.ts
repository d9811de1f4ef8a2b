import { Injectable } from '@nestjs/common';
import { ApiTokensService } from '../api-tokens/api-tokens.service';
import type { Role } from '../common/auth/roles';
import { conflict, forbidden, notFound } from '../common/http/api-error';
import { MembershipEntity } from './membership.entity';
import { MembershipsRepository } from './memberships.repository';
import type { MemberDto } from './members.dto';

const lastAdmin = () => conflict('last_admin', 'A workspace needs at least one admin: make someone else an admin first.');

export function toMemberDto(membership: MembershipEntity): MemberDto {
  return {
    userId: membership.userId,
    email: membership.user?.email ?? '',
    name: membership.user?.name ?? '',
    role: membership.role,
    joinedAt: membership.createdAt.toISOString(),
  };
}

@Injectable()
export class MembersService {
  constructor(
    private readonly memberships: MembershipsRepository,
    private readonly apiTokens: ApiTokensService,
  ) {}

  async list(workspaceId: string): Promise<MemberDto[]> {
    return (await this.memberships.listMembers(workspaceId)).map(toMemberDto);
  }

  async changeRole(workspaceId: string, userId: string, role: Role): Promise<MemberDto> {
    return this.memberships.transaction(async (manager) => {
      const admins = await this.memberships.lockAdminIds(workspaceId, manager);
      const member = await this.memberships.findMember(workspaceId, userId, manager);
      if (!member) throw notFound('Member');
      if (member.role === 'admin' && role !== 'admin' && admins.length <= 1) throw lastAdmin();
      await this.memberships.updateRole(workspaceId, userId, role, manager);
      return toMemberDto({ ...member, role });
    });
  }

  /** Admins remove anyone; any member may remove themselves (leave). Never the last admin. */
  async remove(workspaceId: string, userId: string, actor: { userId: string; role: Role }): Promise<void> {
    if (actor.role !== 'admin' && actor.userId !== userId) {
      throw forbidden('Only admins can remove other members.');
    }
    await this.memberships.transaction(async (manager) => {
      const admins = await this.memberships.lockAdminIds(workspaceId, manager);
      const member = await this.memberships.findMember(workspaceId, userId, manager);
      if (!member) throw notFound('Member');
      if (member.role === 'admin' && admins.length <= 1) throw lastAdmin();
      await this.memberships.delete(workspaceId, userId, manager);
      // In the same transaction: a former member's tokens must not outlive the membership.
      await this.apiTokens.revokeCreatedBy(workspaceId, userId, manager);
    });
  }
}
