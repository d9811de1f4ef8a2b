import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, LessThan, Not } from 'typeorm';
import { SessionEntity } from './session.entity';

@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(SessionEntity);
  }

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
  async deleteByUser(userId: string, keepId?: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.getRepository(SessionEntity).delete(keepId ? { userId, id: Not(keepId) } : { userId });
  }

  async deleteExpired(now: Date): Promise<void> {
    await this.repo.delete({ expiresAt: LessThan(now) });
  }
}
