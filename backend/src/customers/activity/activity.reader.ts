import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { CustomerEntity } from '../customer.entity';
import { DEFAULT_STATUS_RULES } from '../status/derive-colour-status';
import type { ActivityKind, RfmGroup } from './rfm-groups';
import { CustomerActivityEntity } from './customer-activity.entity';

/** Which activity counts: a kind, and for kind 'event' its name. */
export interface ActivitySelector {
  kind: ActivityKind;
  name: string | null;
}

/** A customer whose orders (or payments) stopped for longer than their own usual interval allows. */
export interface BrokenRhythm {
  externalId: string;
  events: number;
  /** Median days between their consecutive events. */
  usualDays: number;
  daysSince: number;
  lastAt: Date;
}

/** A customer's events in the 30 days before `asOf` and in the 30 before those. */
export interface UsageWindows {
  externalId: string;
  previous: number;
  current: number;
}

export interface RfmMember {
  externalId: string;
  group: RfmGroup;
  /** The group before the latest change (null until the group first changed). */
  previousGroup: RfmGroup | null;
}

/** What a warning about a customer needs to name and route them. */
export type CustomerWhoAndManager = Pick<CustomerEntity, 'externalId' | 'name' | 'email' | 'accountManagerId'>;

const DAY_SECONDS = 86_400;

/**
 * Behaviour other modules read (early warning): set-based questions over customer_activity "as of" a moment, so a scan
 * can be replayed over history using only the activity before it. Window functions, ordered-set aggregates and
 * FILTER are beyond the QueryBuilder, so these are SQL.
 */
@Injectable()
export class ActivityReader {
  constructor(@InjectRepository(CustomerActivityEntity) private readonly activity: Repository<CustomerActivityEntity>) {}

  /**
   * Customers with at least `minEvents` events of the kind before `asOf` whose last one is more than
   * factor × (median gap between their consecutive events, at least a day) + graceDays ago.
   */
  async brokenRhythms(
    workspaceId: string,
    opts: { selector: ActivitySelector; asOf: Date; minEvents: number; factor: number; graceDays: number },
  ): Promise<BrokenRhythm[]> {
    const rows: { externalId: string; events: number; usualDays: number; daysSince: number; lastAt: Date }[] = await this.activity.query(
      `WITH e AS (
         SELECT a.customer_external_id AS id, a.occurred_at,
                a.occurred_at - lag(a.occurred_at) OVER (PARTITION BY a.customer_external_id ORDER BY a.occurred_at) AS gap
           FROM customer_activity a
          WHERE a.workspace_id = $1 AND a.kind = $2 AND ($3::text IS NULL OR a.name = $3) AND a.occurred_at < $4
       ), s AS (
         SELECT id, count(*)::int AS events, max(occurred_at) AS last_at,
                greatest(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM gap)) / ${DAY_SECONDS}, 1) AS usual_days
           FROM e GROUP BY id HAVING count(*) >= $5
       )
       SELECT s.id AS "externalId", s.events, s.usual_days::float8 AS "usualDays",
              (extract(epoch FROM ($4::timestamptz - s.last_at)) / ${DAY_SECONDS})::float8 AS "daysSince", s.last_at AS "lastAt"
         FROM s
        WHERE extract(epoch FROM ($4::timestamptz - s.last_at)) / ${DAY_SECONDS} > $6 * s.usual_days + $7
        ORDER BY s.id`,
      [workspaceId, opts.selector.kind, opts.selector.name, opts.asOf, opts.minEvents, opts.factor, opts.graceDays],
    );
    return rows;
  }

  /**
   * Event counts in [asOf − 30 d, asOf) and [asOf − 60 d, asOf − 30 d). With `drop`: only customers whose previous
   * count is at least `minPrevious` and fell by `percent` % or more; with `externalIds`: only those customers.
   */
  usageWindows(
    workspaceId: string,
    opts: { selector: ActivitySelector; asOf: Date; drop?: { minPrevious: number; percent: number }; externalIds?: readonly string[] },
  ): Promise<UsageWindows[]> {
    return this.activity.query(
      `SELECT a.customer_external_id AS "externalId",
              count(*) FILTER (WHERE a.occurred_at < $4::timestamptz - interval '30 days')::int AS previous,
              count(*) FILTER (WHERE a.occurred_at >= $4::timestamptz - interval '30 days')::int AS current
         FROM customer_activity a
        WHERE a.workspace_id = $1 AND a.kind = $2 AND ($3::text IS NULL OR a.name = $3)
          AND a.occurred_at >= $4::timestamptz - interval '60 days' AND a.occurred_at < $4
          AND ($5::text[] IS NULL OR a.customer_external_id = ANY($5))
        GROUP BY a.customer_external_id
       HAVING $6::int IS NULL OR (
                count(*) FILTER (WHERE a.occurred_at < $4::timestamptz - interval '30 days') >= $6
                AND (count(*) FILTER (WHERE a.occurred_at < $4::timestamptz - interval '30 days')
                     - count(*) FILTER (WHERE a.occurred_at >= $4::timestamptz - interval '30 days')) * 100
                    >= $7 * count(*) FILTER (WHERE a.occurred_at < $4::timestamptz - interval '30 days'))
        ORDER BY 1`,
      [
        workspaceId,
        opts.selector.kind,
        opts.selector.name,
        opts.asOf,
        opts.externalIds ?? null,
        opts.drop?.minPrevious ?? null,
        opts.drop?.percent ?? null,
      ],
    );
  }

  /** Each of these customers' latest event of the kind before `asOf`. */
  async latest(workspaceId: string, selector: ActivitySelector, asOf: Date, externalIds: readonly string[]): Promise<Map<string, Date>> {
    if (externalIds.length === 0) return new Map();
    const rows: { externalId: string; lastAt: Date }[] = await this.activity
      .createQueryBuilder('a')
      .select('a.customer_external_id', 'externalId')
      .addSelect('max(a.occurred_at)', 'lastAt')
      .where('a.workspace_id = :workspaceId AND a.kind = :kind AND a.occurred_at < :asOf', { workspaceId, kind: selector.kind, asOf })
      .andWhere('(CAST(:name AS text) IS NULL OR a.name = :name)', { name: selector.name })
      .andWhere('a.customer_external_id = ANY(:externalIds)', { externalIds })
      .groupBy('a.customer_external_id')
      .getRawMany();
    return new Map(rows.map((r) => [r.externalId, new Date(r.lastAt)]));
  }

  /** Customers now in one of these RFM groups (or, with `externalIds`, those customers' current groups). */
  rfmMembers(workspaceId: string, opts: { groups?: readonly RfmGroup[]; externalIds?: readonly string[] }): Promise<RfmMember[]> {
    const query = this.activity.manager
      .createQueryBuilder()
      .select('c.external_id', 'externalId')
      .addSelect('c.rfm_group', 'group')
      .addSelect('c.rfm_previous_group', 'previousGroup')
      .from('customers', 'c')
      .where('c.workspace_id = :workspaceId AND c.rfm_group IS NOT NULL', { workspaceId });
    if (opts.groups) query.andWhere('c.rfm_group = ANY(:groups)', { groups: opts.groups });
    if (opts.externalIds) query.andWhere('c.external_id = ANY(:ids)', { ids: opts.externalIds });
    return query.orderBy('c.external_id').getRawMany();
  }

  /**
   * Customers known to have stopped or left at `asOf`. stopped_at is their last order, set once they have been quiet
   * for the workspace's stopped_after_days: a scan of the present (`current`) takes it and the stage 'left' as they
   * are; a replay of the past counts a customer as stopped only from stopped_at + stopped_after_days, when the status
   * rules could have known it (and cannot know when the stage was set).
   */
  async stopped(workspaceId: string, asOf: Date, current: boolean): Promise<Set<string>> {
    const query = this.activity.manager
      .createQueryBuilder()
      .select('c.external_id', 'externalId')
      .from('customers', 'c')
      .where('c.workspace_id = :workspaceId', { workspaceId });
    if (current) query.andWhere("(c.stopped_at IS NOT NULL OR c.lifecycle_stage = 'left')");
    else
      query.andWhere(
        `c.stopped_at + make_interval(days => coalesce(
           (SELECT r.stopped_after_days FROM customer_status_rules r WHERE r.workspace_id = c.workspace_id), ${DEFAULT_STATUS_RULES.stoppedAfterDays})) <= :asOf`,
        { asOf },
      );
    const rows: { externalId: string }[] = await query.getRawMany();
    return new Set(rows.map((r) => r.externalId));
  }

  /** Name, email and account manager of these customers. */
  whoAndManager(workspaceId: string, externalIds: readonly string[]): Promise<CustomerWhoAndManager[]> {
    if (externalIds.length === 0) return Promise.resolve([]);
    return this.activity.manager
      .createQueryBuilder()
      .select('c.external_id', 'externalId')
      .addSelect('c.name', 'name')
      .addSelect('c.email', 'email')
      .addSelect('c.account_manager_id', 'accountManagerId')
      .from('customers', 'c')
      .where('c.workspace_id = :workspaceId AND c.external_id = ANY(:externalIds)', { workspaceId, externalIds })
      .getRawMany();
  }

  /** External ids of the customers this member manages (their at-risk list). */
  async managedBy(workspaceId: string, userId: string): Promise<string[]> {
    const rows: { externalId: string }[] = await this.activity.manager
      .createQueryBuilder()
      .select('c.external_id', 'externalId')
      .from('customers', 'c')
      .where('c.workspace_id = :workspaceId AND c.account_manager_id = :userId', { workspaceId, userId })
      .getRawMany();
    return rows.map((r) => r.externalId);
  }

  /** Workspaces that have any activity: a loose index scan (one index probe per workspace, not a pass over every row). */
  async workspacesWithActivity(): Promise<string[]> {
    const rows: { workspaceId: string }[] = await this.activity.query(
      `WITH RECURSIVE w AS (
         (SELECT workspace_id FROM customer_activity ORDER BY workspace_id LIMIT 1)
         UNION ALL
         SELECT (SELECT a.workspace_id FROM customer_activity a WHERE a.workspace_id > w.workspace_id ORDER BY a.workspace_id LIMIT 1)
           FROM w WHERE w.workspace_id IS NOT NULL
       )
       SELECT workspace_id AS "workspaceId" FROM w WHERE workspace_id IS NOT NULL`,
    );
    return rows.map((r) => r.workspaceId);
  }

  /**
   * Whether anything arrived in the workspace since `since`, by received_at (on its index): a backfilled import of last
   * month's orders is new to the rules even though it happened earlier.
   */
  hasActivitySince(workspaceId: string, since: Date): Promise<boolean> {
    return this.activity
      .createQueryBuilder('a')
      .where('a.workspace_id = :workspaceId AND a.received_at >= :since', { workspaceId, since })
      .getExists();
  }
}
