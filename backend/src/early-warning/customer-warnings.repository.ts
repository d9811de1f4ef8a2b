import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { keysetPage, sortKeySql, type KeysetQuery } from '../customers/timeline/timeline-source';
import { CustomerWarningEntity } from './customer-warning.entity';
import type { WarningRule } from './warning-rules';

export type WarningRow = Pick<CustomerWarningEntity, 'id' | 'customerExternalId' | 'rule' | 'detail' | 'raisedAt' | 'caseId' | 'clearedAt'>;

export interface NewWarning {
  customerExternalId: string;
  rule: WarningRule;
  detail: Record<string, unknown>;
  raisedAt: Date;
  clearedAt?: Date | null;
}

export interface WarningListFilter {
  open?: boolean;
  rule?: WarningRule;
  /** Only these customers (a manager's own). */
  customerIds?: readonly string[];
  customerId?: string;
  after?: { raisedAt: Date; id: string };
  limit: number;
}

export interface TimelineWarningRow {
  id: string;
  /** Sort key (ISO with microseconds). */
  at: string;
  rule: WarningRule;
  detail: Record<string, unknown>;
  caseId: string | null;
  clearedAt: Date | null;
}

const COLUMNS = ['id', 'customerExternalId', 'rule', 'detail', 'raisedAt', 'caseId', 'clearedAt'] as const;

const toRow = (workspaceId: string, w: NewWarning): QueryDeepPartialEntity<CustomerWarningEntity> => ({
  workspaceId,
  customerExternalId: w.customerExternalId,
  rule: w.rule,
  detail: w.detail as QueryDeepPartialEntity<Record<string, unknown>>,
  raisedAt: w.raisedAt,
  clearedAt: w.clearedAt ?? null,
});

@Injectable()
export class CustomerWarningsRepository {
  constructor(@InjectRepository(CustomerWarningEntity) private readonly warnings: Repository<CustomerWarningEntity>) {}

  /** One customer's warnings for the timeline: a keyset page newest first (keysetPage's SQL, as every timeline source). */
  timeline(query: KeysetQuery): Promise<TimelineWarningRow[]> {
    const { eventId, after, params } = keysetPage('warning', 'w', 'raised_at', query);
    return this.warnings.query(
      `SELECT w.id, ${sortKeySql('w.raised_at')} AS at, w.rule, w.detail, w.case_id AS "caseId", w.cleared_at AS "clearedAt"
         FROM customer_warnings w
        WHERE w.workspace_id = $1 AND w.customer_external_id = $2 ${after}
        ORDER BY w.raised_at DESC, ${eventId} DESC
        LIMIT $3`,
      params,
    );
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.warnings.manager.transaction(work);
  }

  /** The workspace's open warnings (a scan checks each for recovery). */
  open(workspaceId: string): Promise<WarningRow[]> {
    return this.warnings.find({ select: [...COLUMNS], where: { workspaceId, clearedAt: IsNull() }, order: { raisedAt: 'ASC' } });
  }

  /**
   * Raises a warning unless the customer already has one open for the rule: the partial unique index decides, so two
   * scans racing raise it once. Returns the new id, or null when it was already open.
   */
  async raise(manager: EntityManager, workspaceId: string, warning: NewWarning): Promise<string | null> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(CustomerWarningEntity)
      .values(toRow(workspaceId, warning))
      .orIgnore()
      .returning(['id'])
      .updateEntity(false)
      .execute();
    return (result.raw as { id: string }[])[0]?.id ?? null;
  }

  /** Stores warnings of the past as they were (a replayed history), several per statement. */
  async insertHistory(workspaceId: string, warnings: readonly NewWarning[]): Promise<void> {
    for (let i = 0; i < warnings.length; i += 500) {
      await this.warnings
        .createQueryBuilder()
        .insert()
        .values(warnings.slice(i, i + 500).map((w) => toRow(workspaceId, w)))
        .orIgnore()
        .updateEntity(false)
        .execute();
    }
  }

  async clear(workspaceId: string, ids: readonly string[], at: Date): Promise<number> {
    if (ids.length === 0) return 0;
    const result = await this.warnings
      .createQueryBuilder()
      .update()
      .set({ clearedAt: at })
      .where('workspace_id = :workspaceId AND id = ANY(:ids) AND cleared_at IS NULL', { workspaceId, ids })
      .execute();
    return result.affected ?? 0;
  }

  async setCase(workspaceId: string, id: string, caseId: string): Promise<void> {
    await this.warnings.update({ workspaceId, id }, { caseId });
  }

  /** Newest first by (raised_at, id), keyset-paged. */
  list(workspaceId: string, filter: WarningListFilter): Promise<WarningRow[]> {
    const query = this.warnings
      .createQueryBuilder('w')
      .select(COLUMNS.map((c) => `w.${c}`))
      .where('w.workspaceId = :workspaceId', { workspaceId });
    if (filter.open === true) query.andWhere('w.clearedAt IS NULL');
    if (filter.open === false) query.andWhere('w.clearedAt IS NOT NULL');
    if (filter.rule) query.andWhere('w.rule = :rule', { rule: filter.rule });
    if (filter.customerIds) query.andWhere('w.customerExternalId = ANY(:customerIds)', { customerIds: filter.customerIds });
    if (filter.customerId !== undefined) query.andWhere('w.customerExternalId = :customerId', { customerId: filter.customerId });
    if (filter.after) {
      query.andWhere('(w.raisedAt < :afterAt OR (w.raisedAt = :afterAt AND w.id < :afterId))', {
        afterAt: filter.after.raisedAt,
        afterId: filter.after.id,
      });
    }
    return query.orderBy('w.raisedAt', 'DESC').addOrderBy('w.id', 'DESC').limit(filter.limit).getMany();
  }

  /** Counts of open warnings per rule (the at-risk page's tabs). */
  async openCounts(workspaceId: string, customerIds?: readonly string[]): Promise<Record<string, number>> {
    const query = this.warnings
      .createQueryBuilder('w')
      .select('w.rule', 'rule')
      .addSelect('count(*)::int', 'count')
      .where('w.workspaceId = :workspaceId AND w.clearedAt IS NULL', { workspaceId })
      .groupBy('w.rule');
    if (customerIds) query.andWhere('w.customerExternalId = ANY(:customerIds)', { customerIds });
    const rows: { rule: string; count: number }[] = await query.getRawMany();
    return Object.fromEntries(rows.map((r) => [r.rule, r.count]));
  }
}
