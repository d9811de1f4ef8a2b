import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { CustomerEntity } from '../customers/customer.entity';
import type { SegmentFilter } from '../segments/segment-filter';
import { CancellationEntity, type CancellationOutcome } from './cancellation.entity';

export type FinishedFlow = Pick<CancellationEntity, 'offeredReasonKeys' | 'mrr'> & {
  at: Date;
  outcome: CancellationOutcome;
  reasonKey: string;
  customerId: CancellationEntity['customerExternalId'];
};

/** Money columns are numeric: they arrive, and stay, as decimal strings. */
export interface ChurnBase {
  atStart: number;
  lost: number;
  mrrAtStart: CustomerEntity['mrr'];
  mrrLost: CustomerEntity['mrr'];
}

/**
 * A customer's loss time is their first cancelled flow. Customers at the start of a period are those
 * first seen before it and not lost before it.
 */
const LOST_AT = `(SELECT min(x.finished_at) FROM cancellations x
                   WHERE x.workspace_id = c.workspace_id AND x.customer_external_id = c.external_id AND x.outcome = 'cancelled')`;

@Injectable()
export class ChurnSummaryRepository {
  constructor(@InjectRepository(CancellationEntity) private readonly cancellations: Repository<CancellationEntity>) {}

  /**
   * Customers at `from`, how many of them were lost in [from, to), and their MRR (captured at cancellation).
   * Set-based analytics over customers and cancellations: kept as SQL.
   */
  async base(workspaceId: string, from: Date, to: Date, segment?: SegmentFilter): Promise<ChurnBase> {
    const params: unknown[] = [workspaceId, from, to];
    const inSegment = segment ? ` AND ${segment.forPositional('c.external_id', params)}` : '';
    const [row]: ChurnBase[] = await this.cancellations.query(
      `WITH present AS (
         SELECT c.external_id, c.mrr, ${LOST_AT} AS lost_at FROM customers c
          WHERE c.workspace_id = $1 AND c.first_seen_at < $2${inSegment}
       ), lost AS (
         SELECT p.external_id,
                (SELECT x.mrr FROM cancellations x WHERE x.workspace_id = $1 AND x.customer_external_id = p.external_id
                    AND x.outcome = 'cancelled' ORDER BY x.finished_at LIMIT 1) AS mrr
           FROM present p WHERE p.lost_at >= $2 AND p.lost_at < $3
       )
       SELECT (SELECT count(*)::int FROM present WHERE lost_at IS NULL OR lost_at >= $2) AS "atStart",
              (SELECT count(*)::int FROM lost) AS lost,
              (SELECT coalesce(sum(CASE WHEN l.mrr IS NOT NULL THEN l.mrr ELSE p.mrr END), 0)::text
                 FROM present p LEFT JOIN lost l ON l.external_id = p.external_id
                WHERE p.lost_at IS NULL OR p.lost_at >= $2) AS "mrrAtStart",
              (SELECT coalesce(sum(l.mrr), 0)::text FROM lost l) AS "mrrLost"`,
      params,
    );
    return row;
  }

  finishedFlows(workspaceId: string, from: Date, to: Date, segment?: SegmentFilter): Promise<FinishedFlow[]> {
    const query = this.cancellations
      .createQueryBuilder('x')
      .select('x.finished_at', 'at')
      .addSelect('x.outcome', 'outcome')
      .addSelect('x.reason_key', 'reasonKey')
      .addSelect('x.offered_reason_keys', 'offeredReasonKeys')
      .addSelect('x.mrr', 'mrr')
      .addSelect('x.customer_external_id', 'customerId')
      .where('x.workspace_id = :workspaceId AND x.finished_at >= :from AND x.finished_at < :to AND x.outcome IS NOT NULL', {
        workspaceId,
        from,
        to,
      });
    if (segment) {
      const inSegment = segment.forQueryBuilder('x.customer_external_id');
      query.andWhere(inSegment.sql, inSegment.parameters);
    }
    return query.getRawMany<FinishedFlow>();
  }
}
