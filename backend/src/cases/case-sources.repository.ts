import { Injectable } from '@nestjs/common';
import { type CancellationCaseCandidate, ChurnReader } from '../churn/churn.reader';
import { type ClusterCaseCandidate, ClustersReader } from '../complaints/clusters.reader';
import { type MentionCaseCandidate, MentionsReader } from '../mentions/mentions.reader';
import { ResponsesReader, type CaseCandidateResponse } from '../responses/responses.reader';
import { WorkspacesReader } from '../workspaces/workspaces.reader';

/** Feedback that should open a case and has none yet. */
export type ResponseCandidate = CaseCandidateResponse;
export type CancellationCandidate = CancellationCaseCandidate;
export type MentionCandidate = MentionCaseCandidate;
export type ClusterCandidate = ClusterCaseCandidate;

/** Candidates per sync and source; the rest waits for the next tick. */
const BATCH = 200;
/** Feedback older than this is not turned into a case (a late sync must not page people about last month). */
const LOOKBACK = '7 days';

/**
 * Finds feedback that should open cases: detractors/low scores, cancellations, negative mentions, pinned clusters,
 * each read through the module that owns it (each reader leaves out records that already have a case).
 */
@Injectable()
export class CaseSourcesRepository {
  constructor(
    private readonly responsesReader: ResponsesReader,
    private readonly churnReader: ChurnReader,
    private readonly mentionsReader: MentionsReader,
    private readonly clustersReader: ClustersReader,
    private readonly workspacesReader: WorkspacesReader,
  ) {}

  /** Every workspace, in id order (read through the workspaces module). */
  workspaces(): Promise<string[]> {
    return this.workspacesReader.allIds();
  }

  /** Low scores read through the responses module (it owns the table). */
  responses(workspaceId: string): Promise<ResponseCandidate[]> {
    return this.responsesReader.caseCandidates(workspaceId, {
      lookback: LOOKBACK,
      // A partial response (score given, the rest not sent) counts once it stopped changing for this long.
      settled: '30 minutes',
      limit: BATCH,
    });
  }

  /** Finished "cancelled" cancellations (churn module). */
  cancellations(workspaceId: string): Promise<CancellationCandidate[]> {
    return this.churnReader.caseCandidates(workspaceId, { lookback: LOOKBACK, limit: BATCH });
  }

  /** Negative original mentions (mentions module). */
  mentions(workspaceId: string): Promise<MentionCandidate[]> {
    return this.mentionsReader.caseCandidates(workspaceId, { lookback: LOOKBACK, limit: BATCH });
  }

  /** Pinned (known-issue) clusters (complaints module). */
  clusters(workspaceId: string): Promise<ClusterCandidate[]> {
    return this.clustersReader.caseCandidates(workspaceId, { lookback: LOOKBACK, limit: BATCH });
  }
}
