import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { PromiseEntity } from './promise.entity';
import type { PromiseRow } from './promises.repository';

export type PromiseRef = Pick<PromiseEntity, 'workspaceId' | 'id'>;

const BATCH = 500;

/**
 * Reminders and escalations: which promises are due for one, and claiming each exactly once with a conditional
 * UPDATE on its own column (the row lock holds until the caller's transaction ends, so a rerun or another replica
 * finds nothing left). The scans say what the partial indexes promises_remind_idx / promises_due_idx say.
 */
@Injectable()
export class PromiseDeadlinesRepository {
  constructor(@InjectRepository(PromiseEntity) private readonly promises: Repository<PromiseEntity>) {}

  /** Open promises past their due time, not yet escalated (every workspace, or one), earliest first. */
  overdue(now: Date, workspaceId?: string): Promise<PromiseRef[]> {
    const q = this.promises
      .createQueryBuilder('p')
      .select(['p.workspaceId', 'p.id'])
      .where(`p.status = 'open' AND p.escalated_at IS NULL AND p.due_at <= :now`, { now });
    if (workspaceId) q.andWhere('p.workspace_id = :workspaceId', { workspaceId });
    return q.orderBy('p.due_at').limit(BATCH).getMany();
  }

  /** Open promises whose reminder time came, not yet reminded and not yet due. */
  toRemind(now: Date, workspaceId?: string): Promise<PromiseRef[]> {
    const q = this.promises
      .createQueryBuilder('p')
      .select(['p.workspaceId', 'p.id'])
      .where(`p.status = 'open' AND p.reminded_at IS NULL AND p.remind_at <= :now AND p.due_at > :now`, { now });
    if (workspaceId) q.andWhere('p.workspace_id = :workspaceId', { workspaceId });
    return q.orderBy('p.remind_at').limit(BATCH).getMany();
  }

  /** Claims the escalation (and the reminder, if it never went out): the promise, or null when taken or no longer open. */
  claimEscalation(manager: EntityManager, ref: PromiseRef, now: Date): Promise<PromiseRow | null> {
    return this.claim(
      manager,
      ref,
      { escalatedAt: now, remindedAt: () => 'coalesce(reminded_at, :now)' },
      'escalated_at IS NULL AND due_at <= :now',
      now,
    );
  }

  claimReminder(manager: EntityManager, ref: PromiseRef, now: Date): Promise<PromiseRow | null> {
    return this.claim(manager, ref, { remindedAt: now }, 'reminded_at IS NULL AND remind_at <= :now AND due_at > :now', now);
  }

  async setEscalatedTo(manager: EntityManager, ref: PromiseRef, userId: string | null): Promise<void> {
    await manager.getRepository(PromiseEntity).update({ workspaceId: ref.workspaceId, id: ref.id }, { escalatedTo: userId });
  }

  private async claim(
    manager: EntityManager,
    ref: PromiseRef,
    set: QueryDeepPartialEntity<PromiseEntity>,
    where: string,
    now: Date,
  ): Promise<PromiseRow | null> {
    const result = await manager
      .getRepository(PromiseEntity)
      .createQueryBuilder()
      .update()
      .set(set)
      .where(`workspace_id = :workspaceId AND id = :id AND status = 'open' AND ${where}`, { workspaceId: ref.workspaceId, id: ref.id, now })
      .returning('*')
      .execute();
    if (!result.affected) return null;
    return manager.getRepository(PromiseEntity).findOneBy({ workspaceId: ref.workspaceId, id: ref.id });
  }
}
