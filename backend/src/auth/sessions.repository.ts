import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, LessThan, Not, Repository } from 'typeorm';
import { SessionEntity } from './session.entity';

@Injectable()
export class SessionsRepository {
  constructor(@InjectRepository(SessionEntity) private readonly repo: Repository<SessionEntity>) {}

  insert(session: Omit<SessionEntity, 'createdAt'>): Promise<unknown> {
    return this.repo.insert(session);
  }

  findById(id: string): Promise<SessionEntity | null> {
    return this.repo.findOneBy({ id });
  }

  async touch(id: string, lastSeenAt: Date, expiresAt: Date): Promise<void> {
    await this.repo.update({ id }, { lastSeenAt, expiresAt });
  }

  async delete(id: string): Promise<void> {
    await this.repo.delete({ id });
  }

  /** Every session of the user, or all but `keepId`. */
  async deleteByUser(userId: string, keepId?: string, manager?: EntityManager): Promise<void> {
    await (manager ? manager.getRepository(SessionEntity) : this.repo).delete(keepId ? { userId, id: Not(keepId) } : { userId });
  }

  async deleteExpired(now: Date): Promise<void> {
    await this.repo.delete({ expiresAt: LessThan(now) });
  }
}
