import { describe, expect, it, vi } from 'vitest';
import type { EntityManager } from 'typeorm';
import type { MembershipEntity } from './membership.entity';
import type { ApiTokensService } from '../api-tokens/api-tokens.service';
import type { MembershipsRepository } from './memberships.repository';
import { MembersService } from './members.service';

function fakeRepository(members: Pick<MembershipEntity, 'userId' | 'role'>[]) {
  const manager = {} as EntityManager;
  const rows = members.map((m) => ({ ...m, workspaceId: 'w', createdAt: new Date(0), user: undefined }));
  const repo = {
    transaction: vi.fn((work: (m: EntityManager) => Promise<unknown>) => work(manager)),
    lockAdminIds: vi.fn(async () => rows.filter((r) => r.role === 'admin').map((r) => r.userId)),
    findMember: vi.fn(async (_w: string, userId: string) => rows.find((r) => r.userId === userId) ?? null),
    updateRole: vi.fn(async () => undefined),
    delete: vi.fn(async () => undefined),
  };
  const tokens = { revokeCreatedBy: vi.fn(async () => undefined) };
  return { repo, service: new MembersService(repo as unknown as MembershipsRepository, tokens as unknown as ApiTokensService) };
}

describe('MembersService', () => {
  it('refuses to demote or remove the only admin', async () => {
    const { repo, service } = fakeRepository([
      { userId: 'a', role: 'admin' },
      { userId: 'v', role: 'viewer' },
    ]);
    await expect(service.changeRole('w', 'a', 'viewer')).rejects.toMatchObject({ code: 'last_admin' });
    await expect(service.remove('w', 'a', { userId: 'a', role: 'admin' })).rejects.toMatchObject({ code: 'last_admin' });
    expect(repo.updateRole).not.toHaveBeenCalled();
    expect(repo.delete).not.toHaveBeenCalled();
  });

  it('demotes an admin when another admin remains', async () => {
    const { repo, service } = fakeRepository([
      { userId: 'a', role: 'admin' },
      { userId: 'b', role: 'admin' },
    ]);
    const result = await service.changeRole('w', 'a', 'owner');
    expect(result.role).toBe('owner');
    expect(repo.updateRole).toHaveBeenCalledWith('w', 'a', 'owner', expect.anything());
  });

  it('lets members leave but not remove others', async () => {
    const { repo, service } = fakeRepository([
      { userId: 'a', role: 'admin' },
      { userId: 'v', role: 'viewer' },
      { userId: 'o', role: 'owner' },
    ]);
    await expect(service.remove('w', 'o', { userId: 'v', role: 'viewer' })).rejects.toMatchObject({ status: 403 });
    await service.remove('w', 'v', { userId: 'v', role: 'viewer' });
    expect(repo.delete).toHaveBeenCalledWith('w', 'v', expect.anything());
  });

  it('answers 404 for someone who is not a member', async () => {
    const { service } = fakeRepository([{ userId: 'a', role: 'admin' }]);
    await expect(service.changeRole('w', 'nobody', 'viewer')).rejects.toMatchObject({ status: 404 });
  });
});
