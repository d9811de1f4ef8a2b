import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { CaseCompensation, GrantStatus } from '../common/recovery/compensation-lookup.port';
import { CompensationGrantEntity } from './compensation-grant.entity';

export type NewGrant = Omit<CompensationGrantEntity, 'id' | 'createdAt'> & { createdAt?: Date };

export interface GrantFilter {
  statuses?: GrantStatus[];
  grantedBy?: string;
  caseId?: string;
  /** Grants counted in a period that contains this day (YYYY-MM-DD). */
  periodDay?: string;
}

/** A person's period to sum: grants whose period starts in [start, end). */
export interface PersonPeriod {
  userId: string;
  start: string;
  end: string;
}

/** One person's grants of a period in one currency, summed in SQL (decimal strings). */
export interface LedgerSums {
  userId: string;
  currency: string;
  spent: string;
  approvedOverBudget: string;
  selfApproved: string;
  pending: string;
  pendingCount: number;
  approvedCount: number;
  rejectedCount: number;
}

/** Spent and counted per value of a report dimension. */
export interface ReportGroupSums {
  dimension: 'total' | 'touchpoint' | 'kind';
  key: string | null;
  spent: string;
  grants: number;
  customers: number;
}

/** A customer's first approved grant in a report group: the 90 days after it are watched. */
export interface ReportCustomerStart {
  dimension: 'total' | 'touchpoint' | 'kind';
  key: string | null;
  customerExternalId: string;
  since: Date;
}

const MONEY_COLUMNS = `coalesce(sum(g.amount) FILTER (WHERE g.status = 'approved' AND g.within_budget), 0.00)::text`;

/** The compensation_grants table: the budget check's lock and sum, decisions, pages, the ledger and the report. */
@Injectable()
export class CompensationGrantsRepository {
  constructor(@InjectRepository(CompensationGrantEntity) private readonly grants: Repository<CompensationGrantEntity>) {}

  private repo(manager?: EntityManager): Repository<CompensationGrantEntity> {
    return manager ? manager.getRepository(CompensationGrantEntity) : this.grants;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.grants.manager.transaction(work);
  }

  /** Holds one granter's budget until the transaction ends: their concurrent grants are checked one after another. */
  async lockGranter(manager: EntityManager, workspaceId: string, userId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('compensation-granter:' || $1 || ':' || $2, 0))`, [
      workspaceId,
      userId,
    ]);
  }

  /** What the granter has spent of the budget in this period and currency (approved within budget), as a decimal string. */
  async spentWithinBudget(
    manager: EntityManager,
    workspaceId: string,
    userId: string,
    period: { start: string; end: string },
    currency: string,
  ): Promise<string> {
    const row: { spent: string } | undefined = await this.repo(manager)
      .createQueryBuilder('g')
      .select(MONEY_COLUMNS, 'spent')
      .where('g.workspace_id = :workspaceId AND g.granted_by = :userId AND g.currency = :currency', { workspaceId, userId, currency })
      .andWhere('g.period_start >= :start AND g.period_start < :end', period)
      .getRawOne();
    return row?.spent ?? '0.00';
  }

  findByIdempotencyKey(manager: EntityManager, workspaceId: string, key: string): Promise<CompensationGrantEntity | null> {
    return this.repo(manager).findOne({ where: { workspaceId, idempotencyKey: key } });
  }

  async insert(manager: EntityManager, values: NewGrant): Promise<CompensationGrantEntity> {
    const result = await this.repo(manager).insert(values as QueryDeepPartialEntity<CompensationGrantEntity>);
    const id = (result.identifiers[0] as { id: string }).id;
    return (await this.get(values.workspaceId, id, manager)) as CompensationGrantEntity;
  }

  /**
   * Approves or rejects a pending grant in one statement: of two concurrent decisions the second finds it no longer
   * pending (the row lock makes it wait and re-check), so exactly one wins. Null when it was not pending (or absent).
   */
  async decide(
    manager: EntityManager,
    workspaceId: string,
    id: string,
    decision: { status: 'approved' | 'rejected'; decidedBy: string | null; note: string | null },
  ): Promise<CompensationGrantEntity | null> {
    const result = await this.repo(manager)
      .createQueryBuilder()
      .update(CompensationGrantEntity)
      .set({ status: decision.status, decidedBy: decision.decidedBy, decisionNote: decision.note, decidedAt: () => 'now()' })
      .where(`workspace_id = :workspaceId AND id = :id AND status = 'pending'`, { workspaceId, id })
      .execute();
    return result.affected ? this.get(workspaceId, id, manager) : null;
  }

  get(workspaceId: string, id: string, manager?: EntityManager): Promise<CompensationGrantEntity | null> {
    return this.repo(manager).findOne({ where: { workspaceId, id } });
  }

  /** A page, newest first, by (created_at, id) keyset; `limit + 1` rows tell whether there is more. */
  page(workspaceId: string, filter: GrantFilter, limit: number, after?: { at: Date; id: string }): Promise<CompensationGrantEntity[]> {
    const query = this.filtered(workspaceId, filter);
    if (after) query.andWhere('(g.created_at, g.id) < (:at, :afterId)', { at: after.at, afterId: after.id });
    return query
      .orderBy('g.created_at', 'DESC')
      .addOrderBy('g.id', 'DESC')
      .limit(limit + 1)
      .getMany();
  }

  count(workspaceId: string, filter: GrantFilter): Promise<number> {
    return this.filtered(workspaceId, filter).getCount();
  }

  private filtered(workspaceId: string, filter: GrantFilter) {
    const query = this.grants.createQueryBuilder('g').where('g.workspace_id = :workspaceId', { workspaceId });
    if (filter.statuses?.length) query.andWhere('g.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.grantedBy) query.andWhere('g.granted_by = :grantedBy', { grantedBy: filter.grantedBy });
    if (filter.caseId) query.andWhere('g.case_id = :caseId', { caseId: filter.caseId });
    if (filter.periodDay) query.andWhere('g.period_start <= :day AND g.period_end > :day', { day: filter.periodDay });
    return query;
  }

  /** Per person and currency: their grants counted in their period, summed in SQL. */
  ledgerSums(workspaceId: string, people: readonly PersonPeriod[]): Promise<LedgerSums[]> {
    if (people.length === 0) return Promise.resolve([]);
    return this.grants.query(
      `SELECT g.granted_by AS "userId", g.currency,
              ${MONEY_COLUMNS} AS spent,
              coalesce(sum(g.amount) FILTER (WHERE g.status = 'approved' AND NOT g.within_budget), 0.00)::text AS "approvedOverBudget",
              coalesce(sum(g.amount) FILTER (WHERE g.status = 'approved' AND g.decided_by = g.granted_by), 0.00)::text AS "selfApproved",
              coalesce(sum(g.amount) FILTER (WHERE g.status = 'pending'), 0.00)::text AS pending,
              count(*) FILTER (WHERE g.status = 'pending')::int AS "pendingCount",
              count(*) FILTER (WHERE g.status = 'approved')::int AS "approvedCount",
              count(*) FILTER (WHERE g.status = 'rejected')::int AS "rejectedCount"
         FROM unnest($2::uuid[], $3::date[], $4::date[]) AS p(user_id, start_day, end_day)
         JOIN compensation_grants g
           ON g.workspace_id = $1 AND g.granted_by = p.user_id AND g.period_start >= p.start_day AND g.period_start < p.end_day
        GROUP BY g.granted_by, g.currency
        ORDER BY g.granted_by, g.currency`,
      [workspaceId, people.map((p) => p.userId), people.map((p) => p.start), people.map((p) => p.end)],
    );
  }

  /** The lookup others read: per case, approved totals per currency, the first approval and the pending count. */
  async forCases(workspaceId: string, caseIds: readonly string[]): Promise<CaseCompensation[]> {
    if (caseIds.length === 0) return [];
    const rows: CaseCompensation[] = await this.grants.query(
      `SELECT g.case_id AS "caseId",
              min(g.decided_at) FILTER (WHERE g.status = 'approved') AS "firstApprovedAt",
              count(*) FILTER (WHERE g.status = 'pending')::int AS "pendingCount",
              coalesce((SELECT json_agg(json_build_object('currency', t.currency, 'amount', t.amount::text) ORDER BY t.currency)
                          FROM (SELECT a.currency, sum(a.amount) AS amount FROM compensation_grants a
                                 WHERE a.workspace_id = g.workspace_id AND a.case_id = g.case_id AND a.status = 'approved'
                                 GROUP BY a.currency) t), '[]'::json) AS "approvedTotals"
         FROM compensation_grants g
        WHERE g.workspace_id = $1 AND g.case_id = ANY($2::uuid[])
        GROUP BY g.workspace_id, g.case_id`,
      [workspaceId, caseIds],
    );
    return rows.map((r) => ({ ...r, firstApprovedAt: r.firstApprovedAt ? new Date(r.firstApprovedAt) : null }));
  }

  /** Currencies of approved grants in [from, to), most used first (the report offers them). */
  async reportCurrencies(workspaceId: string, from: Date, to: Date): Promise<string[]> {
    const rows: { currency: string }[] = await this.grants
      .createQueryBuilder('g')
      .select('g.currency', 'currency')
      .where(`g.workspace_id = :workspaceId AND g.status = 'approved' AND g.decided_at >= :from AND g.decided_at < :to`, {
        workspaceId,
        from,
        to,
      })
      .groupBy('g.currency')
      .orderBy('count(*)', 'DESC')
      .addOrderBy('g.currency')
      .getRawMany();
    return rows.map((r) => r.currency);
  }

  /** Spent, grants and customers of approved grants in one currency decided in [from, to): in total, per touchpoint, per kind. */
  reportSums(workspaceId: string, currency: string, from: Date, to: Date): Promise<ReportGroupSums[]> {
    return this.grants.query(
      `WITH g AS (
         SELECT * FROM compensation_grants
          WHERE workspace_id = $1 AND status = 'approved' AND currency = $2 AND decided_at >= $3 AND decided_at < $4
       )
       SELECT x.dimension, x.key, sum(x.amount)::text AS spent, count(*)::int AS grants,
              count(DISTINCT x.customer_external_id)::int AS customers
         FROM (SELECT 'total' AS dimension, NULL::text AS key, amount, customer_external_id FROM g
               UNION ALL SELECT 'touchpoint', touchpoint_id::text, amount, customer_external_id FROM g
               UNION ALL SELECT 'kind', kind::text, amount, customer_external_id FROM g) x
        GROUP BY x.dimension, x.key
        ORDER BY x.dimension, sum(x.amount) DESC, x.key`,
      [workspaceId, currency, from, to],
    );
  }

  /** Per report group and compensated customer: their first approved grant in the range (when the 90 days start). */
  async reportCustomerStarts(workspaceId: string, currency: string, from: Date, to: Date): Promise<ReportCustomerStart[]> {
    const rows: ReportCustomerStart[] = await this.grants.query(
      `WITH g AS (
         SELECT * FROM compensation_grants
          WHERE workspace_id = $1 AND status = 'approved' AND currency = $2 AND decided_at >= $3 AND decided_at < $4
            AND customer_external_id IS NOT NULL
       )
       SELECT x.dimension, x.key, x.customer_external_id AS "customerExternalId", min(x.decided_at) AS since
         FROM (SELECT 'total' AS dimension, NULL::text AS key, customer_external_id, decided_at FROM g
               UNION ALL SELECT 'touchpoint', touchpoint_id::text, customer_external_id, decided_at FROM g
               UNION ALL SELECT 'kind', kind::text, customer_external_id, decided_at FROM g) x
        GROUP BY x.dimension, x.key, x.customer_external_id`,
      [workspaceId, currency, from, to],
    );
    return rows.map((r) => ({ ...r, since: new Date(r.since) }));
  }
}
