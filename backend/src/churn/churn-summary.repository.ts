import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { CustomerEntity } from '../customers/customer.entity';
import type { SegmentFilter } from '../segments/segment-filter';
import type { ReasonTally } from '../churn-metrics';
import { CancellationEntity } from './cancellation.entity';
import { reasonTallySql } from './reason-tally.sql';

/** Money columns are numeric: they arrive, and stay, as decimal strings. */
export interface ChurnBase {
  atStart: number;
  lost: number;
  mrrAtStart: CustomerEntity['mrr'];
  mrrLost: CustomerEntity['mrr'];
}

/** Finished flows of a period: how many, how many saved, and the saved flows' MRR (a decimal string; no MRR counts 0). */
export interface FlowCounts {
  finished: number;
  saved: number;
  savedMrr: CancellationEntity['mrr'];
}

/**
 * Each customer's loss: their first cancelled flow (its time and the MRR captured with it). Customers at the start of
 * a period are those first seen before it and not lost before it.
 */
const FIRST_LOSS = `SELECT DISTINCT ON (x.customer_external_id) x.customer_external_id, x.finished_at AS lost_at, x.mrr
                      FROM cancellations x
                     WHERE x.workspace_id = $1 AND x.outcome = 'cancelled'
                     ORDER BY x.customer_external_id, x.finished_at`;

@Injectable()
export class ChurnSummaryRepository {
  constructor(@InjectRepository(CancellationEntity) private readonly cancellations: Repository<CancellationEntity>) {}

  /**
   * Customers at `from`, how many of them were lost in [from, to), and their MRR (captured at cancellation; the
   * customer's own MRR when the flow has none). Set-based analytics over customers and cancellations: one pass over
   * each (index-only: customers_first_seen_idx, cancellations_first_loss_idx), kept as SQL.
   */
  async base(workspaceId: string, from: Date, to: Date, segment?: SegmentFilter): Promise<ChurnBase> {
    const params: unknown[] = [workspaceId, from, to];
    const inSegment = segment ? ` AND ${segment.forPositional('c.external_id', params)}` : '';
    const [row]: ChurnBase[] = await this.cancellations.query(
      `WITH first_loss AS (${FIRST_LOSS}),
       present AS (
         SELECT c.mrr, f.lost_at, f.mrr AS lost_mrr
           FROM customers c LEFT JOIN first_loss f ON f.customer_external_id = c.external_id
          WHERE c.workspace_id = $1 AND c.first_seen_at < $2 AND (f.lost_at IS NULL OR f.lost_at >= $2)${inSegment}
       )
       SELECT count(*)::int AS "atStart",
              (count(*) FILTER (WHERE lost_at < $3))::int AS lost,
              coalesce(sum(CASE WHEN lost_at < $3 AND lost_mrr IS NOT NULL THEN lost_mrr ELSE mrr END), 0)::text AS "mrrAtStart",
              coalesce(sum(lost_mrr) FILTER (WHERE lost_at < $3), 0)::text AS "mrrLost"
         FROM present`,
      params,
    );
    return row;
  }

  /** Flows finished in [from, to) with an outcome, counted in SQL (a sum of numeric: exact). */
  async flowCounts(workspaceId: string, from: Date, to: Date, segment?: SegmentFilter): Promise<FlowCounts> {
    const query = this.cancellations
      .createQueryBuilder('x')
      .select('count(*)::int', 'finished')
      .addSelect(`(count(*) FILTER (WHERE x.outcome = 'saved'))::int`, 'saved')
      .addSelect(`coalesce(sum(x.mrr) FILTER (WHERE x.outcome = 'saved'), 0)::text`, 'savedMrr')
      .where('x.workspace_id = :workspaceId AND x.finished_at >= :from AND x.finished_at < :to AND x.outcome IS NOT NULL', {
        workspaceId,
        from,
        to,
      });
    if (segment) {
      const inSegment = segment.forQueryBuilder('x.customer_external_id');
      query.andWhere(inSegment.sql, inSegment.parameters);
    }
    return (await query.getRawOne<FlowCounts>())!;
  }

  /** Cancelled flows finished in [from, to), tallied per bucket (starting at `starts`) and reason. */
  reasonTallies(workspaceId: string, from: Date, to: Date, starts: Date[], segment?: SegmentFilter): Promise<ReasonTally[]> {
    const params: unknown[] = [workspaceId, from, to, starts];
    const inSegment = segment ? ` AND ${segment.forPositional('x.customer_external_id', params)}` : '';
    return this.cancellations.query(
      reasonTallySql(
        `SELECT x.finished_at, x.reason_key, x.offered_reason_keys FROM cancellations x
          WHERE x.workspace_id = $1 AND x.outcome = 'cancelled' AND x.finished_at >= $2 AND x.finished_at < $3${inSegment}`,
        '$4',
      ),
      params,
    );
  }
}
