import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { CustomerEntity } from '../customer.entity';
import { CustomerActivityEntity } from './customer-activity.entity';
import type { RfmGroup } from './rfm-groups';
import { RFM_WINDOW_DAYS, rfmGroupSql } from './rfm-rules';

/** One workspace's orders in the window before $2, per customer (shared by scoring and the grid's mean money). */
const ORDERS_IN_WINDOW = `
  SELECT a.customer_external_id AS id,
         floor(extract(epoch FROM ($2::timestamptz - max(a.occurred_at))) / 86400)::int AS days,
         count(*)::int AS orders,
         coalesce(sum(a.amount), 0) AS money
    FROM customer_activity a
   WHERE a.workspace_id = $1 AND a.kind = 'order'
     AND a.occurred_at > $2::timestamptz - interval '${RFM_WINDOW_DAYS} days' AND a.occurred_at <= $2::timestamptz
   GROUP BY a.customer_external_id`;

/**
 * Scores a whole workspace in one statement (see rfm-rules.ts): quintiles by window functions, ties lifted to a shared
 * score, the group by the rules' CASE, and every customer of the workspace scored (no orders → nulls). Only rows whose
 * scores or group change are written (plus, once a day, those stamped more than a day ago, so the daily re-score and
 * `scoredAt` keep moving); a change of group keeps the one left in rfm_previous_group. Window functions and
 * UPDATE … FROM a LEFT JOIN are beyond the QueryBuilder.
 */
const SCORE_SQL = `
  WITH orders AS (${ORDERS_IN_WINDOW}),
  tiles AS (
    SELECT id, days, orders, money,
           ntile(5) OVER (ORDER BY days DESC) AS r_tile,
           ntile(5) OVER (ORDER BY orders) AS f_tile,
           ntile(5) OVER (ORDER BY money) AS m_tile
      FROM orders
  ),
  scores AS (
    SELECT id,
           min(r_tile) OVER (PARTITION BY days) AS r,
           min(f_tile) OVER (PARTITION BY orders) AS f,
           min(m_tile) OVER (PARTITION BY money) AS m
      FROM tiles
  ),
  everyone AS (
    SELECT c.id AS customer_id, s.r, s.f, s.m, ${rfmGroupSql('s.r', 's.f', 's.m')} AS g
      FROM customers c LEFT JOIN scores s ON s.id = c.external_id
     WHERE c.workspace_id = $1
  )
  UPDATE customers c
     SET rfm_recency = e.r, rfm_frequency = e.f, rfm_monetary = e.m, rfm_group = e.g,
         rfm_previous_group = CASE WHEN c.rfm_group IS DISTINCT FROM e.g THEN c.rfm_group ELSE c.rfm_previous_group END,
         rfm_scored_at = $2
    FROM everyone e
   WHERE c.workspace_id = $1 AND c.id = e.customer_id
     AND ((c.rfm_recency, c.rfm_frequency, c.rfm_monetary, c.rfm_group) IS DISTINCT FROM (e.r, e.f, e.m, e.g)
          OR c.rfm_scored_at IS NULL OR c.rfm_scored_at <= $2::timestamptz - interval '1 day')`;

export interface RfmCellRow {
  recency: number;
  frequency: number;
  customers: number;
  meanMonetary: number | null;
  group: RfmGroup;
}

export type RfmScores = Pick<CustomerEntity, 'rfmRecency' | 'rfmFrequency' | 'rfmMonetary' | 'rfmGroup' | 'rfmScoredAt'>;

@Injectable()
export class RfmRepository {
  constructor(@InjectRepository(CustomerActivityEntity) private readonly activity: Repository<CustomerActivityEntity>) {}

  /** Re-scores every customer of the workspace as of `asOf`; returns how many customer rows changed (were written). */
  async score(workspaceId: string, asOf: Date, manager?: EntityManager): Promise<number> {
    const [, affected] = (await (manager ?? this.activity.manager).query(SCORE_SQL, [workspaceId, asOf])) as [unknown, number];
    return affected;
  }

  /** Workspaces that received activity at or after `since` (an index probe on received_at). */
  async workspacesWithActivitySince(since: Date): Promise<string[]> {
    const rows: { workspaceId: string }[] = await this.activity
      .createQueryBuilder('a')
      .select('DISTINCT a.workspace_id', 'workspaceId')
      .where('a.received_at >= :since', { since })
      .getRawMany();
    return rows.map((row) => row.workspaceId);
  }

  /** Workspaces with customers whose scores are older than `before` (or were never computed): the daily re-score. */
  async workspacesScoredBefore(before: Date): Promise<string[]> {
    const rows: { workspaceId: string }[] = await this.activity.manager
      .createQueryBuilder()
      .select('c.workspace_id', 'workspaceId')
      .from('customers', 'c')
      .groupBy('c.workspace_id')
      .having('max(c.rfm_scored_at) IS NULL OR max(c.rfm_scored_at) < :before', { before })
      .getRawMany();
    return rows.map((row) => row.workspaceId);
  }

  /** When the workspace was last scored (null: never). */
  async scoredAt(workspaceId: string): Promise<Date | null> {
    const row: { at: Date | null } | undefined = await this.activity.manager
      .createQueryBuilder()
      .select('max(c.rfm_scored_at)', 'at')
      .from('customers', 'c')
      .where('c.workspace_id = :workspaceId', { workspaceId })
      .getRawOne();
    return row?.at ? new Date(row.at) : null;
  }

  /**
   * The 5×5 recency × frequency grid as scored at `scoredAt`: customers per cell, their mean order money in the window,
   * and the cell's group (the most common one among its customers; for an empty cell what the rules give with M = 1).
   */
  grid(workspaceId: string, scoredAt: Date): Promise<RfmCellRow[]> {
    return this.activity.query(
      `WITH orders AS (${ORDERS_IN_WINDOW}),
       members AS (
         SELECT c.rfm_recency AS r, c.rfm_frequency AS f, c.rfm_group AS g, o.money
           FROM customers c LEFT JOIN orders o ON o.id = c.external_id
          WHERE c.workspace_id = $1 AND c.rfm_group IS NOT NULL
       )
       SELECT cell.r AS recency, cell.f AS frequency, count(m.g)::int AS customers,
              round(avg(m.money), 2)::float8 AS "meanMonetary",
              coalesce(mode() WITHIN GROUP (ORDER BY m.g), ${rfmGroupSql('cell.r', 'cell.f', '1')}) AS "group"
         FROM generate_series(1, 5) AS cell_r(r) CROSS JOIN generate_series(1, 5) AS cell_f(f)
         CROSS JOIN LATERAL (SELECT cell_r.r, cell_f.f) AS cell
         LEFT JOIN members m ON m.r = cell.r AND m.f = cell.f
        GROUP BY cell.r, cell.f
        ORDER BY cell.r DESC, cell.f`,
      [workspaceId, scoredAt],
    );
  }

  /** Customers per RFM group (groups without customers are left out). */
  groupCounts(workspaceId: string): Promise<{ group: RfmGroup; customers: number }[]> {
    return this.activity.manager
      .createQueryBuilder()
      .select('c.rfm_group', 'group')
      .addSelect('count(*)::int', 'customers')
      .from('customers', 'c')
      .where('c.workspace_id = :workspaceId AND c.rfm_group IS NOT NULL', { workspaceId })
      .groupBy('c.rfm_group')
      .getRawMany();
  }
}
