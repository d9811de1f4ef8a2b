import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { ReasonTally } from '../../churn-metrics';
import type { CustomerEntity } from '../../customers/customer.entity';
import type { SegmentFilter } from '../../segments/segment-filter';
import type { CancellationFlowEntity } from '../cancellation-flow.entity';
import { CancellationEntity, type CancellationOutcome } from '../cancellation.entity';
import { reasonTallySql } from '../reason-tally.sql';

/** A cancelled flow with the customer's segment and plan and the flow (touchpoint). */
export type CancelledFlowRow = Pick<CancellationEntity, 'offeredReasonKeys' | 'flowId'> & {
  at: Date;
  reasonKey: string;
  segment: CustomerEntity['segment'];
  plan: string | null;
  flowName: CancellationFlowEntity['name'];
};

export interface CancellationFilters {
  segment?: string;
  plan?: string;
  /** Cancellation flow id. */
  touchpoint?: string;
  /** Only customers of this saved segment. */
  inSegment?: SegmentFilter;
}

export type CommentRow = Pick<CancellationEntity, 'id'> & {
  text: string;
  customerId: CancellationEntity['customerExternalId'];
  customerName: CustomerEntity['name'];
  at: Date;
  outcome: CancellationOutcome;
};

export type CustomerHistoryRow = Pick<CustomerEntity, 'externalId' | 'firstSeenAt' | 'lastSeenAt' | 'orderCount' | 'lifecycleStage'> & {
  /** The customer's first cancelled flow, if any. */
  cancelledAt: CancellationEntity['finishedAt'];
  cancelReason: CancellationEntity['reasonKey'];
};

/** Read-only queries of the churn analytics, each scoped by workspace: set-based joins of cancellations, flows and customers, kept as SQL. */
@Injectable()
export class ChurnAnalyticsRepository {
  constructor(@InjectRepository(CancellationEntity) private readonly cancellations: Repository<CancellationEntity>) {}

  /** Cancelled flows finished in [from, to), with the customer's segment and plan and the flow (touchpoint). */
  cancelledFlows(workspaceId: string, from: Date, to: Date, filters: CancellationFilters = {}): Promise<CancelledFlowRow[]> {
    const params: unknown[] = [workspaceId, from, to, filters.segment ?? null, filters.plan ?? null, filters.touchpoint ?? null];
    const inSegment = filters.inSegment ? ` AND ${filters.inSegment.forPositional('x.customer_external_id', params)}` : '';
    return this.cancellations.query(
      `SELECT x.finished_at AS at, x.reason_key AS "reasonKey", x.offered_reason_keys AS "offeredReasonKeys",
              c.segment, c.attributes->>'plan' AS plan, x.flow_id AS "flowId", f.name AS "flowName"
         FROM cancellations x
         JOIN cancellation_flows f ON f.workspace_id = x.workspace_id AND f.id = x.flow_id
         LEFT JOIN customers c ON c.workspace_id = x.workspace_id AND c.external_id = x.customer_external_id
        WHERE x.workspace_id = $1 AND x.outcome = 'cancelled' AND x.reason_key IS NOT NULL
          AND x.finished_at >= $2 AND x.finished_at < $3
          AND ($4::text IS NULL OR c.segment = $4::text)
          AND ($5::text IS NULL OR c.attributes->>'plan' = $5::text)
          AND ($6::uuid IS NULL OR x.flow_id = $6::uuid)${inSegment}`,
      params,
    );
  }

  /**
   * The same cancelled flows as cancelledFlows, tallied in SQL per bucket (starting at `starts`) and reason: what the
   * reasons-over-time report needs, without sending every flow to Node.
   */
  reasonTallies(workspaceId: string, from: Date, to: Date, starts: Date[], filters: CancellationFilters = {}): Promise<ReasonTally[]> {
    const params: unknown[] = [workspaceId, from, to, filters.segment ?? null, filters.plan ?? null, filters.touchpoint ?? null, starts];
    const inSegment = filters.inSegment ? ` AND ${filters.inSegment.forPositional('x.customer_external_id', params)}` : '';
    return this.cancellations.query(
      reasonTallySql(
        `SELECT x.finished_at, x.reason_key, x.offered_reason_keys
           FROM cancellations x
           JOIN cancellation_flows f ON f.workspace_id = x.workspace_id AND f.id = x.flow_id
           LEFT JOIN customers c ON c.workspace_id = x.workspace_id AND c.external_id = x.customer_external_id
          WHERE x.workspace_id = $1 AND x.outcome = 'cancelled' AND x.reason_key IS NOT NULL
            AND x.finished_at >= $2 AND x.finished_at < $3
            AND ($4::text IS NULL OR c.segment = $4::text)
            AND ($5::text IS NULL OR c.attributes->>'plan' = $5::text)
            AND ($6::uuid IS NULL OR x.flow_id = $6::uuid)${inSegment}`,
        '$7',
      ),
      params,
    );
  }

  /** Finished flows of one reason with a follow-up or "Other" text, latest first. */
  comments(workspaceId: string, reasonKey: string, from: Date, to: Date, limit: number, inSegment?: SegmentFilter): Promise<CommentRow[]> {
    const params: unknown[] = [workspaceId, reasonKey, from, to, limit];
    const segment = inSegment ? ` AND ${inSegment.forPositional('x.customer_external_id', params)}` : '';
    return this.cancellations.query(
      `SELECT x.id, COALESCE(NULLIF(btrim(x.follow_up), ''), btrim(x.other_text)) AS text,
              x.customer_external_id AS "customerId", c.name AS "customerName", x.finished_at AS at, x.outcome
         FROM cancellations x
         LEFT JOIN customers c ON c.workspace_id = x.workspace_id AND c.external_id = x.customer_external_id
        WHERE x.workspace_id = $1 AND x.reason_key = $2 AND x.outcome IS NOT NULL
          AND x.finished_at >= $3 AND x.finished_at < $4
          AND COALESCE(NULLIF(btrim(x.follow_up), ''), NULLIF(btrim(x.other_text), '')) IS NOT NULL${segment}
        ORDER BY x.finished_at DESC, x.id
        LIMIT $5`,
      params,
    );
  }

  /** Customers first seen before `before` (of a saved segment, if given), with their first cancellation (only the columns the analytics need). */
  customerHistory(workspaceId: string, before: Date, inSegment?: SegmentFilter): Promise<CustomerHistoryRow[]> {
    const params: unknown[] = [workspaceId, before];
    const segment = inSegment ? ` AND ${inSegment.forPositional('c.external_id', params)}` : '';
    return this.cancellations.query(
      `SELECT c.external_id AS "externalId", c.first_seen_at AS "firstSeenAt", c.last_seen_at AS "lastSeenAt",
              c.order_count AS "orderCount", c.lifecycle_stage AS "lifecycleStage",
              k.finished_at AS "cancelledAt", k.reason_key AS "cancelReason"
         FROM customers c
         LEFT JOIN LATERAL (
           SELECT x.finished_at, x.reason_key FROM cancellations x
            WHERE x.workspace_id = c.workspace_id AND x.customer_external_id = c.external_id AND x.outcome = 'cancelled'
            ORDER BY x.finished_at LIMIT 1
         ) k ON true
        WHERE c.workspace_id = $1 AND c.first_seen_at < $2${segment}`,
      params,
    );
  }
}
