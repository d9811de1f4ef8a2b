import { Injectable } from '@nestjs/common';
import { CasesReader } from '../../cases/cases.reader';
import { ClustersReader } from '../../complaints/clusters.reader';
import { ResponsesReader } from '../../responses/responses.reader';
import { ChurnReader } from '../churn.reader';
import { type LossEvidence, type LossReason, lossReason } from './loss-reasons';

/** Looks up the loss reason of many customers at once: one set-based query per source, through each owner's reader. */
@Injectable()
export class LossReasonResolver {
  constructor(
    private readonly churn: ChurnReader,
    private readonly cases: CasesReader,
    private readonly responses: ResponsesReader,
    private readonly clusters: ClustersReader,
  ) {}

  /** namesFeedback: whether the caller may see which survey or cluster the feedback came from (responses:read). */
  async reasonsOf(workspaceId: string, externalIds: readonly string[], namesFeedback: boolean): Promise<Map<string, LossReason>> {
    const ids = [...new Set(externalIds)];
    const [cancellations, cases, feedback] = await Promise.all([
      this.churn.latestCancellationReasons(workspaceId, ids),
      this.cases.latestChurnReasons(workspaceId, ids),
      this.responses.latestNegativeFeedback(workspaceId, ids),
    ]);
    const clusters = namesFeedback
      ? await this.clusters.clustersOfResponses(
          workspaceId,
          feedback.map((f) => f.responseId),
        )
      : [];
    const clusterOf = new Map(clusters.map((c) => [c.responseId, { id: c.clusterId, name: c.name }]));
    const evidence = new Map<string, LossEvidence>(ids.map((id) => [id, {}]));
    for (const c of cancellations) evidence.get(c.customerExternalId)!.cancellationReason = c.reasonKey;
    for (const c of cases) evidence.get(c.customerExternalId)!.caseReason = c.reasonKey;
    for (const f of feedback) {
      if (!namesFeedback) {
        evidence.get(f.customerExternalId)!.hiddenFeedback = true;
        continue;
      }
      evidence.get(f.customerExternalId)!.feedback = {
        surveyId: f.surveyId,
        surveyName: f.surveyName,
        cluster: clusterOf.get(f.responseId),
      };
    }
    return new Map([...evidence].map(([id, e]) => [id, lossReason(e)]));
  }
}
