import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { CaseEntity } from './case.entity';

/** The churn reason recorded on a customer's latest closed case that has one. */
export type CustomerCaseChurnReason = { customerExternalId: string; reasonKey: string; closedAt: Date };

/** How many of a customer's cases are still open (not resolved or closed). */
export type CustomerOpenCases = { customerExternalId: string; open: number };

/** The touchpoint of a customer's latest case (the part of the journey that handled them last). */
export type CustomerLastTouchpoint = { customerExternalId: string; touchpointId: string };

/**
 * A case that holds back marketing and surveys for its customer (contact policy): an open complaint, and/or an SLA
 * breach (the latest of its breached_* timestamps, null when none is within the asked window).
 */
export type CustomerGuardCase = { customerExternalId: string; caseId: string; openComplaint: boolean; breachedAt: Date | null };

/**
 * A case opened from a mention (source 'mention', source_id the mention's id) as the public-answer workflow shows it;
 * `rootCauseAt` is when its root cause was first recorded (the first close, which requires one).
 */
export type MentionCase = Pick<CaseEntity, 'number' | 'status' | 'rootCause'> & {
  caseId: string;
  mentionId: string;
  rootCauseAt: Date | null;
};

/** Which cases name a problem (win-back): a cluster's cases, a churn reason's, or the cases linked to a known issue. */
export type CaseProblemTarget = { clusterId: string } | { churnReasonKey: string } | { caseIds: readonly string[] };

function targetSql(target: CaseProblemTarget): string {
  if ('clusterId' in target) return `c.source = 'cluster' AND c.source_id = $2::text`;
  if ('churnReasonKey' in target) return `c.churn_reason_key = $2`;
  return `c.id = ANY($2::uuid[])`;
}
const targetParam = (target: CaseProblemTarget): unknown =>
  'clusterId' in target ? target.clusterId : 'churnReasonKey' in target ? target.churnReasonKey : [...target.caseIds];

/** How other modules (churn's red spectrum, the managers report) read cases (exported by CasesReaderModule). */
@Injectable()
export class CasesReader {
  constructor(@InjectRepository(CaseEntity) private readonly cases: Repository<CaseEntity>) {}

  /** Whether the workspace has this case. */
  exists(workspaceId: string, caseId: string): Promise<boolean> {
    return this.cases.existsBy({ workspaceId, id: caseId });
  }

  /** Identified customers (who exist) of the cases naming the problem, opened before `before` (win-back), one DISTINCT set. */
  async customersOfCases(workspaceId: string, target: CaseProblemTarget, before: Date, manager?: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await (manager ?? this.cases.manager).query(
      `SELECT DISTINCT c.customer_external_id AS id
         FROM cases c
        WHERE c.workspace_id = $1 AND ${targetSql(target)} AND c.customer_external_id IS NOT NULL AND c.opened_at < $3
          AND EXISTS (SELECT 1 FROM customers k WHERE k.workspace_id = c.workspace_id AND k.external_id = c.customer_external_id)`,
      [workspaceId, targetParam(target), before],
    );
    return rows.map((r) => r.id);
  }

  /** Cases naming the problem opened per week within `weeks` weeks either side of `at` (week 0 starts at `at`). */
  weeklyOpenedAround(workspaceId: string, target: CaseProblemTarget, at: Date, weeks: number): Promise<{ week: number; count: number }[]> {
    return this.cases.query(
      `SELECT floor(extract(epoch FROM (c.opened_at - $3::timestamptz)) / 604800)::int AS week, count(*)::int AS count
         FROM cases c
        WHERE c.workspace_id = $1 AND ${targetSql(target)}
          AND c.opened_at >= $3::timestamptz - make_interval(weeks => $4) AND c.opened_at < $3::timestamptz + make_interval(weeks => $4)
        GROUP BY 1 ORDER BY 1`,
      [workspaceId, targetParam(target), at, weeks],
    );
  }

  /** Per customer of `externalIds`: the churn reason of their latest closed case that records one. */
  async latestChurnReasons(workspaceId: string, externalIds: readonly string[]): Promise<CustomerCaseChurnReason[]> {
    if (externalIds.length === 0) return [];
    return this.cases
      .createQueryBuilder('c')
      .select('c.customer_external_id', 'customerExternalId')
      .addSelect('c.churn_reason_key', 'reasonKey')
      .addSelect('c.closed_at', 'closedAt')
      .distinctOn(['c.customer_external_id'])
      .where('c.workspace_id = :workspaceId AND c.customer_external_id = ANY(:externalIds)', { workspaceId, externalIds })
      .andWhere(`c.status = 'closed' AND c.churn_reason_key IS NOT NULL`)
      .orderBy('c.customer_external_id')
      .addOrderBy('c.closed_at', 'DESC', 'NULLS LAST')
      .addOrderBy('c.id', 'DESC')
      .getRawMany<CustomerCaseChurnReason>();
  }

  /** Open cases (open or waiting for the customer) per customer who has any. */
  openByCustomer(workspaceId: string): Promise<CustomerOpenCases[]> {
    return this.cases
      .createQueryBuilder('c')
      .select('c.customer_external_id', 'customerExternalId')
      .addSelect('count(*)::int', 'open')
      .where(`c.workspace_id = :workspaceId AND c.customer_external_id IS NOT NULL AND c.status IN ('open', 'waiting_customer')`, {
        workspaceId,
      })
      .groupBy('c.customer_external_id')
      .getRawMany<CustomerOpenCases>();
  }

  /**
   * Cases that guard their customer: open complaints (open or waiting for the customer, from any source but an early
   * warning, which the customer never raised) when `openComplaints`, and cases that breached an SLA target since
   * `breachedSince` (open or closed). One customer (`externalId`) or the whole workspace, in one statement.
   */
  guardCases(
    workspaceId: string,
    opts: { externalId?: string; openComplaints: boolean; breachedSince: Date | null },
  ): Promise<CustomerGuardCase[]> {
    const openComplaint = `c.status IN ('open', 'waiting_customer') AND c.source <> 'warning'`;
    const breachedAt = 'greatest(c.breached_first_response_at, c.breached_resolution_at)';
    const query = this.cases
      .createQueryBuilder('c')
      .select('c.customer_external_id', 'customerExternalId')
      .addSelect('c.id', 'caseId')
      .addSelect(`${opts.openComplaints ? `(${openComplaint})` : 'false'}`, 'openComplaint')
      .addSelect(
        opts.breachedSince ? `CASE WHEN ${breachedAt} >= :breachedSince THEN ${breachedAt} END` : 'NULL::timestamptz',
        'breachedAt',
      )
      .where('c.workspace_id = :workspaceId AND c.customer_external_id IS NOT NULL', { workspaceId });
    if (opts.externalId) query.andWhere('c.customer_external_id = :externalId', { externalId: opts.externalId });
    const conditions = [
      ...(opts.openComplaints ? [openComplaint] : []),
      ...(opts.breachedSince ? [`${breachedAt} >= :breachedSince`] : []),
    ];
    if (conditions.length === 0) return Promise.resolve([]);
    query.andWhere(`(${conditions.map((c) => `(${c})`).join(' OR ')})`, { breachedSince: opts.breachedSince });
    return query.orderBy('c.customer_external_id').addOrderBy('c.opened_at').addOrderBy('c.id').getRawMany<CustomerGuardCase>();
  }

  /** The cases opened from these mentions (at most one each), with when their root cause was first recorded. */
  async mentionCases(workspaceId: string, mentionIds: readonly string[]): Promise<MentionCase[]> {
    if (mentionIds.length === 0) return [];
    return this.cases
      .createQueryBuilder('c')
      .select('c.id', 'caseId')
      .addSelect('c.source_id', 'mentionId')
      .addSelect('c.number', 'number')
      .addSelect('c.status', 'status')
      .addSelect('c.root_cause', 'rootCause')
      .addSelect(
        `(SELECT min(e.created_at) FROM case_events e WHERE e.workspace_id = c.workspace_id AND e.case_id = c.id AND e.kind = 'closed')`,
        'rootCauseAt',
      )
      .where(`c.workspace_id = :workspaceId AND c.source = 'mention' AND c.source_id = ANY(:mentionIds)`, {
        workspaceId,
        mentionIds: [...mentionIds],
      })
      .getRawMany<MentionCase>();
  }

  /** Per customer with a case at a touchpoint: the touchpoint of their latest such case. */
  lastTouchpointByCustomer(workspaceId: string): Promise<CustomerLastTouchpoint[]> {
    return this.cases
      .createQueryBuilder('c')
      .select('c.customer_external_id', 'customerExternalId')
      .addSelect('c.touchpoint_id', 'touchpointId')
      .distinctOn(['c.customer_external_id'])
      .where('c.workspace_id = :workspaceId AND c.customer_external_id IS NOT NULL AND c.touchpoint_id IS NOT NULL', { workspaceId })
      .orderBy('c.customer_external_id')
      .addOrderBy('c.opened_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .getRawMany<CustomerLastTouchpoint>();
  }
}
