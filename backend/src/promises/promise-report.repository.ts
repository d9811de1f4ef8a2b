import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { PromiseEntity } from './promise.entity';

/** Counts of one group: promises due in the period, by outcome. */
export interface PromiseCounts {
  total: number;
  keptOnTime: number;
  late: number;
  broken: number;
  open: number;
  overdue: number;
}

/** One row of the grouping sets: which dimension it belongs to, its key, and the counts. */
export type PromiseCountRow = PromiseCounts & { dimension: 'owner' | 'touchpoint' | 'month' | 'all'; key: string | null };

/**
 * The report's counts in one statement: GROUPING SETS over owner, touchpoint and month of the due time (UTC), plus
 * the total. Cancelled promises are left out (nobody is to blame for a promise withdrawn); late = kept after due.
 */
@Injectable()
export class PromiseReportRepository {
  constructor(@InjectRepository(PromiseEntity) private readonly promises: Repository<PromiseEntity>) {}

  async counts(workspaceId: string, from: Date, to: Date, now: Date): Promise<PromiseCountRow[]> {
    const rows = await this.promises
      .createQueryBuilder('p')
      .select(
        `CASE WHEN GROUPING(p.owner_id) = 0 THEN 'owner' WHEN GROUPING(p.touchpoint_id) = 0 THEN 'touchpoint'
              WHEN GROUPING(to_char(p.due_at AT TIME ZONE 'UTC', 'YYYY-MM')) = 0 THEN 'month' ELSE 'all' END`,
        'dimension',
      )
      .addSelect(
        `coalesce(CASE WHEN GROUPING(p.owner_id) = 0 THEN p.owner_id::text WHEN GROUPING(p.touchpoint_id) = 0 THEN p.touchpoint_id::text END,
                  CASE WHEN GROUPING(to_char(p.due_at AT TIME ZONE 'UTC', 'YYYY-MM')) = 0 THEN to_char(p.due_at AT TIME ZONE 'UTC', 'YYYY-MM') END)`,
        'key',
      )
      .addSelect('count(*)::int', 'total')
      .addSelect(`(count(*) FILTER (WHERE p.status = 'kept' AND p.kept_at <= p.due_at))::int`, 'keptOnTime')
      .addSelect(`(count(*) FILTER (WHERE p.status = 'kept' AND p.kept_at > p.due_at))::int`, 'late')
      .addSelect(`(count(*) FILTER (WHERE p.status = 'broken'))::int`, 'broken')
      .addSelect(`(count(*) FILTER (WHERE p.status = 'open'))::int`, 'open')
      .addSelect(`(count(*) FILTER (WHERE p.status = 'open' AND p.due_at < :now))::int`, 'overdue')
      .where(`p.workspace_id = :workspaceId AND p.status <> 'cancelled' AND p.due_at >= :from AND p.due_at < :to`, {
        workspaceId,
        from,
        to,
        now,
      })
      .groupBy(`GROUPING SETS ((p.owner_id), (p.touchpoint_id), (to_char(p.due_at AT TIME ZONE 'UTC', 'YYYY-MM')), ())`)
      .getRawMany<PromiseCountRow>();
    return rows;
  }
}
