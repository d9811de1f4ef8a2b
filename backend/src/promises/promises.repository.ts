import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, type EntityManager, type Repository, type SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { PromiseSource, PromiseStatus } from './promise-rules';
import { PromiseEntity } from './promise.entity';

/** A promise as the service works with it. */
export type PromiseRow = Omit<PromiseEntity, 'workspaceId'>;

/** Who promised what to whom. */
export type PromiseParties = Pick<PromiseEntity, 'text' | 'promisedBy' | 'ownerId' | 'customerExternalId' | 'caseId'>;
/** Where it came from and when it is due. */
export type PromiseTerms = Pick<PromiseEntity, 'touchpointId' | 'source' | 'sourceRef' | 'dueAt' | 'remindAt'>;

export type PromiseEdit = Partial<Pick<PromiseEntity, 'text' | 'ownerId' | 'dueAt' | 'remindAt' | 'remindedAt'>>;

export type PromiseOutcome = { status: Exclude<PromiseStatus, 'open'>; at: Date; by: string | null; note: string | null };

export interface PromiseFilter {
  statuses?: PromiseStatus[];
  ownerId?: string;
  touchpointId?: string;
  source?: PromiseSource;
  caseId?: string;
  customerExternalId?: string;
  /** Open and past due at `now`. */
  overdue?: boolean;
  createdFrom?: Date;
  createdTo?: Date;
}

/** The promises table: writes, the register's pages and the audit's steps. */
@Injectable()
export class PromisesRepository {
  constructor(@InjectRepository(PromiseEntity) private readonly promises: Repository<PromiseEntity>) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.promises.manager.transaction(work);
  }

  /** Inserts the promise; null when a promise from the same case reply already exists (the unique index). */
  async insert(workspaceId: string, parties: PromiseParties, terms: PromiseTerms, manager?: EntityManager): Promise<string | null> {
    const result = await (manager?.getRepository(PromiseEntity) ?? this.promises)
      .createQueryBuilder()
      .insert()
      .values({ workspaceId, ...parties, ...terms } as QueryDeepPartialEntity<PromiseEntity>)
      .orIgnore()
      .returning(['id'])
      .execute();
    const row = result.raw as Array<{ id: string }>;
    return row[0]?.id ?? null;
  }

  async idByCaseReply(workspaceId: string, caseEventId: string): Promise<string | null> {
    const row = await this.promises
      .createQueryBuilder('p')
      .select(['p.workspaceId', 'p.id'])
      .where(`p.workspace_id = :workspaceId AND p.source = 'case_reply' AND p.source_ref->>'caseEventId' = :caseEventId`, {
        workspaceId,
        caseEventId,
      })
      .getOne();
    return row?.id ?? null;
  }

  async find(workspaceId: string, id: string, manager?: EntityManager, lock = false): Promise<PromiseRow | null> {
    const query = (manager?.getRepository(PromiseEntity) ?? this.promises)
      .createQueryBuilder('p')
      .where('p.workspace_id = :workspaceId AND p.id = :id', { workspaceId, id });
    if (lock) query.setLock('pessimistic_write');
    return query.getOne();
  }

  /** Applies an edit if the promise is still at `version` and open; false when someone changed it first. */
  async edit(workspaceId: string, id: string, version: number, edit: PromiseEdit): Promise<boolean> {
    const result = await this.promises
      .createQueryBuilder()
      .update()
      .set({ ...edit, version: () => 'version + 1', updatedAt: () => 'now()' } as QueryDeepPartialEntity<PromiseEntity>)
      .where(`workspace_id = :workspaceId AND id = :id AND version = :version AND status = 'open'`, { workspaceId, id, version })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /** Records the outcome of an open promise; false when it was no longer open (a second click, or another person). */
  async resolve(manager: EntityManager, workspaceId: string, id: string, outcome: PromiseOutcome): Promise<boolean> {
    const stamp = { kept: 'keptAt', broken: 'brokenAt', cancelled: 'cancelledAt' }[outcome.status];
    const result = await manager
      .getRepository(PromiseEntity)
      .createQueryBuilder()
      .update()
      .set({
        status: outcome.status,
        [stamp]: outcome.at,
        resolvedBy: outcome.by,
        resolutionNote: outcome.note,
        version: () => 'version + 1',
        updatedAt: () => 'now()',
      } as QueryDeepPartialEntity<PromiseEntity>)
      .where(`workspace_id = :workspaceId AND id = :id AND status = 'open'`, { workspaceId, id })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /** A page of the register, latest due time first, by (due_at, id) keyset. */
  page(workspaceId: string, filter: PromiseFilter, now: Date, limit: number, after?: { at: Date; id: string }): Promise<PromiseRow[]> {
    const query = this.ordered(workspaceId, filter, now).limit(limit);
    if (after)
      query.andWhere(
        new Brackets((w) =>
          w
            .where('p.due_at < :afterDue', { afterDue: after.at })
            .orWhere('p.due_at = :afterDue AND p.id < :afterId', { afterId: after.id }),
        ),
      );
    return query.getMany();
  }

  /** Every row of the filter (CSV export), in register order, at most `cap`. */
  all(workspaceId: string, filter: PromiseFilter, now: Date, cap: number): Promise<PromiseRow[]> {
    return this.ordered(workspaceId, filter, now).limit(cap).getMany();
  }

  count(workspaceId: string, filter: PromiseFilter, now: Date): Promise<number> {
    return this.filtered(workspaceId, filter, now).getCount();
  }

  /** Improvement steps of the traffic-light audit for these criteria. */
  byAuditCriteria(workspaceId: string, criterionIds: readonly string[]): Promise<PromiseRow[]> {
    return this.promises
      .createQueryBuilder('p')
      .where(`p.workspace_id = :workspaceId AND p.source = 'audit'`, { workspaceId })
      .andWhere(`p.source_ref->>'auditCriterionId' IN (:...criterionIds)`, { criterionIds })
      .orderBy('p.created_at', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .getMany();
  }

  private ordered(workspaceId: string, filter: PromiseFilter, now: Date): SelectQueryBuilder<PromiseEntity> {
    return this.filtered(workspaceId, filter, now).orderBy('p.due_at', 'DESC').addOrderBy('p.id', 'DESC');
  }

  private filtered(workspaceId: string, f: PromiseFilter, now: Date): SelectQueryBuilder<PromiseEntity> {
    const q = this.promises.createQueryBuilder('p').where('p.workspace_id = :workspaceId', { workspaceId });
    if (f.statuses?.length) q.andWhere('p.status IN (:...statuses)', { statuses: f.statuses });
    if (f.ownerId) q.andWhere('p.owner_id = :ownerId', { ownerId: f.ownerId });
    if (f.touchpointId) q.andWhere('p.touchpoint_id = :touchpointId', { touchpointId: f.touchpointId });
    if (f.source) q.andWhere('p.source = :source', { source: f.source });
    if (f.caseId) q.andWhere('p.case_id = :caseId', { caseId: f.caseId });
    if (f.customerExternalId) q.andWhere('p.customer_external_id = :customer', { customer: f.customerExternalId });
    if (f.overdue) q.andWhere(`p.status = 'open' AND p.due_at < :now`, { now });
    if (f.createdFrom) q.andWhere('p.created_at >= :createdFrom', { createdFrom: f.createdFrom });
    if (f.createdTo) q.andWhere('p.created_at < :createdTo', { createdTo: f.createdTo });
    return q;
  }
}
