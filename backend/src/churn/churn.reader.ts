import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CancellationEntity } from './cancellation.entity';
import { ChurnReasonEntity } from './churn-reason.entity';

/** A finished cancellation that should open a case; the customer id only when it was proven. */
export type CancellationCaseCandidate = Pick<CancellationEntity, 'id' | 'reasonKey' | 'otherText' | 'followUp' | 'customerExternalId'> & {
  finishedAt: Date;
};

/** How other modules (cases) read churn reasons and cancellations (exported by ChurnReaderModule). */
@Injectable()
export class ChurnReader {
  constructor(
    @InjectRepository(ChurnReasonEntity) private readonly reasons: Repository<ChurnReasonEntity>,
    @InjectRepository(CancellationEntity) private readonly cancellations: Repository<CancellationEntity>,
  ) {}

  /** Whether the workspace has a churn reason with this key (archived ones too). */
  reasonExists(workspaceId: string, key: string): Promise<boolean> {
    return this.reasons.existsBy({ workspaceId, key });
  }

  /**
   * Cancellations that ended in "cancelled" and have no case yet, oldest first: finished since the cases module's sync
   * start (case_settings.sync_since) and within `lookback`. The anti-join on cases keeps LIMIT meaning "the next
   * `limit` without a case" in one statement (as ResponsesReader.caseCandidates).
   */
  caseCandidates(workspaceId: string, opts: { lookback: string; limit: number }): Promise<CancellationCaseCandidate[]> {
    return this.cancellations.query(
      `SELECT x.id, x.reason_key AS "reasonKey", x.other_text AS "otherText", x.follow_up AS "followUp",
              CASE WHEN x.customer_verified THEN x.customer_external_id END AS "customerExternalId", x.finished_at AS "finishedAt"
         FROM cancellations x
        WHERE x.workspace_id = $1 AND x.finished_at IS NOT NULL AND x.outcome = 'cancelled'
          AND x.finished_at >= coalesce((SELECT sync_since FROM case_settings cs WHERE cs.workspace_id = x.workspace_id), '-infinity')
          AND x.finished_at >= now() - $2::interval
          AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.workspace_id = x.workspace_id AND c.source = 'cancellation' AND c.source_id = x.id::text)
        ORDER BY x.finished_at, x.id LIMIT $3`,
      [workspaceId, opts.lookback, opts.limit],
    );
  }
}
