import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { REVENUE_SQL } from './recovery-customers.repository';
import { REVENUE_WINDOW_DAYS } from './win-back-rules';

export interface ProblemCounts {
  problemId: string;
  affected: number;
  told: number;
  held: number;
  noAddress: number;
  answered: number;
  returned: number;
}

export interface ProblemRevenue {
  problemId: string;
  currency: string;
  amount: string;
}

/** Per fix: customers affected, told, answered, returned, and revenue recovered per currency (sums in SQL, numeric). */
@Injectable()
export class RecoveryReportRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  counts(workspaceId: string, problemIds: readonly string[]): Promise<ProblemCounts[]> {
    if (problemIds.length === 0) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT rc.problem_id AS "problemId", count(*)::int AS affected,
              count(*) FILTER (WHERE rc.message_id IS NOT NULL)::int AS told,
              count(*) FILTER (WHERE m.status = 'held')::int AS held,
              count(*) FILTER (WHERE rc.skip_reason = 'no_address')::int AS "noAddress",
              count(*) FILTER (WHERE rc.answered_at IS NOT NULL)::int AS answered,
              count(*) FILTER (WHERE rc.returned_at IS NOT NULL)::int AS returned
         FROM recovery_customers rc
         LEFT JOIN messages m ON m.workspace_id = rc.workspace_id AND m.id = rc.message_id
        WHERE rc.workspace_id = $1 AND rc.problem_id = ANY($2::uuid[])
        GROUP BY rc.problem_id`,
      [workspaceId, [...problemIds]],
    );
  }

  revenue(workspaceId: string, problemIds: readonly string[]): Promise<ProblemRevenue[]> {
    if (problemIds.length === 0) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT r.problem_id AS "problemId", r.currency, sum(r.amount)::text AS amount
         FROM (${REVENUE_SQL.replaceAll('$REVENUE_DAYS', '$3')}) r
        WHERE r.problem_id = ANY($2::uuid[])
        GROUP BY 1, 2 ORDER BY 1, 2`,
      [workspaceId, [...problemIds], REVENUE_WINDOW_DAYS],
    );
  }
}
