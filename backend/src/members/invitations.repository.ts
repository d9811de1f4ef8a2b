import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, MoreThan, Repository } from 'typeorm';
import type { Role } from '../common/auth/roles';
import { InvitationEntity } from './invitation.entity';

export interface NewInvitation {
  workspaceId: string;
  email: string;
  role: Role;
  tokenHash: string;
  invitedBy: string;
  expiresAt: Date;
}

@Injectable()
export class InvitationsRepository {
  constructor(@InjectRepository(InvitationEntity) private readonly invitations: Repository<InvitationEntity>) {}

  private repo(manager?: EntityManager): Repository<InvitationEntity> {
    return manager ? manager.getRepository(InvitationEntity) : this.invitations;
  }

  async create(invitation: NewInvitation): Promise<InvitationEntity> {
    const saved = await this.repo().save(this.repo().create(invitation));
    return (await this.findPending(saved.workspaceId, saved.id)) ?? saved;
  }

  findPending(workspaceId: string, id: string): Promise<InvitationEntity | null> {
    return this.repo().findOne({
      where: { workspaceId, id, acceptedAt: IsNull() },
      relations: { inviter: true },
    });
  }

  listPending(workspaceId: string, now: Date): Promise<InvitationEntity[]> {
    return this.repo().find({
      where: { workspaceId, acceptedAt: IsNull(), expiresAt: MoreThan(now) },
      relations: { inviter: true },
      order: { createdAt: 'DESC' },
    });
  }

  /** Finds a usable invitation by its secret's hash, locking it when a transaction is given. */
  findUsableByTokenHash(tokenHash: string, now: Date, manager?: EntityManager): Promise<InvitationEntity | null> {
    const query = this.repo(manager)
      .createQueryBuilder('i')
      .addSelect('i.codeHash')
      .where('i.token_hash = :tokenHash', { tokenHash })
      .andWhere('i.accepted_at IS NULL')
      .andWhere('i.expires_at > :now', { now });
    return (manager ? query.setLock('pessimistic_write') : query).getOne();
  }

  /** Counts a mail sent for the invitation; a new code replaces the previous one (its attempts still count). */
  async recordCodeSent(
    workspaceId: string,
    id: string,
    code: { hash: string; expiresAt: Date } | null,
    manager: EntityManager,
  ): Promise<void> {
    await this.repo(manager)
      .createQueryBuilder()
      .update()
      .set({
        codesSent: () => 'codes_sent + 1',
        ...(code ? { codeHash: code.hash, codeExpiresAt: code.expiresAt } : {}),
      })
      .where('workspace_id = :workspaceId AND id = :id', { workspaceId, id })
      .execute();
  }

  /** Counts a wrong code; `invalidate` ends the invitation (it expires now). */
  async recordWrongCode(workspaceId: string, id: string, invalidate: boolean, manager: EntityManager): Promise<void> {
    await this.repo(manager)
      .createQueryBuilder()
      .update()
      .set({ codeAttempts: () => 'code_attempts + 1', ...(invalidate ? { expiresAt: () => 'now()', codeHash: null } : {}) })
      .where('workspace_id = :workspaceId AND id = :id', { workspaceId, id })
      .execute();
  }

  async markAccepted(workspaceId: string, id: string, manager: EntityManager): Promise<void> {
    await this.repo(manager).update({ workspaceId, id }, { acceptedAt: new Date() });
  }

  async delete(workspaceId: string, id: string): Promise<boolean> {
    const result = await this.repo().delete({ workspaceId, id, acceptedAt: IsNull() });
    return (result.affected ?? 0) > 0;
  }
}
