import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CustomerEntity } from '../customer.entity';
import type { ColourStatus } from './colour-status';
import { CustomerStatusChangeEntity } from './customer-status-change.entity';

export interface MonthStatusCount {
  month: string;
  status: ColourStatus;
  count: number;
}

export interface StatusMove {
  from: ColourStatus;
  to: ColourStatus;
  count: number;
}

/** The colour funnel over time, counted in SQL from the status history. */
@Injectable()
export class StatusReportRepository {
  constructor(
    @InjectRepository(CustomerStatusChangeEntity) private readonly changes: Repository<CustomerStatusChangeEntity>,
    @InjectRepository(CustomerEntity) private readonly customers: Repository<CustomerEntity>,
  ) {}

  /**
   * Customers per status at the end of each month from `first` to `last` (YYYY-MM, months of `timeZone`): each change
   * holds from its time until the customer's next change, and counts for every month end inside that span. Raw SQL: a
   * window over the history joined to a generated month series, which the QueryBuilder cannot express.
   */
  monthEndCounts(workspaceId: string, first: string, last: string, timeZone: string): Promise<MonthStatusCount[]> {
    return this.changes.manager.query(
      `WITH months AS (
         SELECT to_char(m, 'YYYY-MM') AS month, (m + interval '1 month') AT TIME ZONE $4 AS month_end
         FROM generate_series(($2 || '-01')::timestamp, ($3 || '-01')::timestamp, interval '1 month') AS m
       ),
       spans AS (
         SELECT to_status, changed_at AS since,
                lead(changed_at) OVER (PARTITION BY customer_external_id ORDER BY changed_at, id) AS until
         FROM customer_status_changes
         WHERE workspace_id = $1 AND changed_at < (($3 || '-01')::timestamp + interval '1 month') AT TIME ZONE $4
       )
       SELECT mo.month, s.to_status AS status, count(*)::int AS count
       FROM months mo JOIN spans s ON s.since < mo.month_end AND (s.until IS NULL OR s.until >= mo.month_end)
       GROUP BY mo.month, s.to_status`,
      [workspaceId, first, last, timeZone],
    );
  }

  /** Moves between statuses made in [start, end): first statuses (no from) are not moves. */
  async moves(workspaceId: string, start: Date, end: Date): Promise<StatusMove[]> {
    const rows = await this.changes
      .createQueryBuilder('h')
      .select('h.from_status', 'from')
      .addSelect('h.to_status', 'to')
      .addSelect('count(*)::int', 'count')
      .where('h.workspace_id = :workspaceId AND h.changed_at >= :start AND h.changed_at < :end', { workspaceId, start, end })
      .andWhere('h.from_status IS NOT NULL')
      .groupBy('h.from_status')
      .addGroupBy('h.to_status')
      .orderBy('count', 'DESC')
      .addOrderBy('h.from_status')
      .addOrderBy('h.to_status')
      .getRawMany<StatusMove>();
    return rows;
  }

  /** Customers per status now. */
  current(workspaceId: string): Promise<{ status: ColourStatus; count: number }[]> {
    return this.customers
      .createQueryBuilder('c')
      .select('c.colour_status', 'status')
      .addSelect('count(*)::int', 'count')
      .where('c.workspace_id = :workspaceId', { workspaceId })
      .groupBy('c.colour_status')
      .getRawMany();
  }
}
