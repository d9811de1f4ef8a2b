import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, MoreThan, Repository } from 'typeorm';
import { PasswordResetEntity } from './password-reset.entity';

export type NewPasswordReset = Pick<PasswordResetEntity, 'userId' | 'tokenHash' | 'expiresAt'> & {
  workspaceId: string;
  requestedBy: string;
};

@Injectable()
export class PasswordResetsRepository {
  constructor(@InjectRepository(PasswordResetEntity) private readonly resets: Repository<PasswordResetEntity>) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.resets.manager.transaction(work);
  }

  async insert(reset: NewPasswordReset): Promise<void> {
    await this.resets.insert(reset);
  }

  countSince(userId: string, since: Date): Promise<number> {
    return this.resets.countBy({ userId, createdAt: MoreThan(since) });
  }

  /** The user a usable (unused, unexpired) reset belongs to, locking the row. */
  async lockUsable(tokenHash: string, manager: EntityManager): Promise<string | null> {
    const row = await manager
      .getRepository(PasswordResetEntity)
      .createQueryBuilder('r')
      .select('r.user_id', 'userId')
      .where('r.token_hash = :tokenHash AND r.used_at IS NULL AND r.expires_at > now()', { tokenHash })
      .setLock('pessimistic_write')
      .getRawOne<Pick<PasswordResetEntity, 'userId'>>();
    return row?.userId ?? null;
  }

  /** Every open reset of the user is spent: one use, and a password change retires links already mailed. */
  async useAllOf(userId: string, manager?: EntityManager): Promise<void> {
    await (manager ? manager.getRepository(PasswordResetEntity) : this.resets).update(
      { userId, usedAt: IsNull() },
      { usedAt: () => 'now()' },
    );
  }
}
