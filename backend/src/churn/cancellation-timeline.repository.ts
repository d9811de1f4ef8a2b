import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { keysetPage, sortKeySql, type TimelineFetch } from '../customers/timeline/timeline-source';
import type { CancellationFlowEntity } from './cancellation-flow.entity';
import { CancellationEntity } from './cancellation.entity';
import type { ChurnReasonEntity } from './churn-reason.entity';

/** One run on the timeline: the cancellation with its flow's name and language and the reason's current labels. */
export type CancellationTimelineRow = Pick<
  CancellationEntity,
  'reasonKey' | 'otherText' | 'followUp' | 'outcome' | 'language' | 'finishedAt'
> & {
  eventId: string;
  at: string;
  cancellationId: string;
  flowId: string;
  flowName: CancellationFlowEntity['name'];
  defaultLanguage: CancellationFlowEntity['defaultLanguage'];
  reasonLabels: ChurnReasonEntity['labels'] | null;
  offer: { type: string; amount?: number; plan?: string; text?: Record<string, string> } | null;
  /** numeric comes back as text */
  mrr: string | null;
};

/** The customer timeline's page of cancellation runs (keyset-paged SQL shared with the other timeline kinds). */
@Injectable()
export class CancellationTimelineRepository {
  constructor(@InjectRepository(CancellationEntity) private readonly cancellations: Repository<CancellationEntity>) {}

  page(query: TimelineFetch): Promise<CancellationTimelineRow[]> {
    const { eventId, after, params } = keysetPage('cancellation', 'c', 'created_at', query);
    return this.cancellations.query(
      `SELECT ${eventId} AS "eventId", ${sortKeySql('c.created_at')} AS at, c.id AS "cancellationId", c.flow_id AS "flowId",
              f.name AS "flowName", f.default_language AS "defaultLanguage", c.reason_key AS "reasonKey", cr.labels AS "reasonLabels",
              c.other_text AS "otherText", c.follow_up AS "followUp", c.offer, c.outcome, c.mrr, c.language, c.finished_at AS "finishedAt"
         FROM cancellations c
         JOIN cancellation_flows f ON f.workspace_id = c.workspace_id AND f.id = c.flow_id
         LEFT JOIN churn_reasons cr ON cr.workspace_id = c.workspace_id AND cr.key = c.reason_key
        WHERE c.workspace_id = $1 AND c.customer_external_id = $2 ${after}
        ORDER BY c.created_at DESC, ${eventId} DESC
        LIMIT $3`,
      params,
    );
  }
}
