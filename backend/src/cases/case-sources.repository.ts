import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ResponsesReader, type CaseCandidateResponse } from '../responses/responses.reader';
import { WorkspacesReader } from '../workspaces/workspaces.reader';

/** Feedback that should open a case and has none yet. */
export type ResponseCandidate = CaseCandidateResponse;

export interface CancellationCandidate {
  id: string;
  reasonKey: string | null;
  otherText: string | null;
  followUp: string | null;
  customerExternalId: string | null;
  finishedAt: Date;
}

export interface MentionCandidate {
  id: string;
  source: string;
  author: string | null;
  url: string | null;
  text: string;
  customerExternalId: string | null;
  postedAt: Date;
}

export interface ClusterCandidate {
  id: string;
  label: string;
  name: string | null;
  pinnedAt: Date;
  size: number;
  touchpointName: string | null;
}

/** Candidates per sync and source; the rest waits for the next tick. */
const BATCH = 200;
/** Feedback older than this is not turned into a case (a late sync must not page people about last month). */
const LOOKBACK = `interval '7 days'`;

const since = (alias: string, column: string) =>
  `${alias}.${column} >= coalesce((SELECT sync_since FROM case_settings cs WHERE cs.workspace_id = ${alias}.workspace_id), '-infinity')
   AND ${alias}.${column} >= now() - ${LOOKBACK}`;
const noCase = (source: string, alias: string) =>
  `NOT EXISTS (SELECT 1 FROM cases c WHERE c.workspace_id = ${alias}.workspace_id AND c.source = '${source}' AND c.source_id = ${alias}.id::text)`;

/** Finds feedback that should open cases: detractors/low scores, cancellations, negative mentions, pinned clusters. */
@Injectable()
export class CaseSourcesRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly responsesReader: ResponsesReader,
    private readonly workspacesReader: WorkspacesReader,
  ) {}

  /** Every workspace, in id order (read through the workspaces module). */
  workspaces(): Promise<string[]> {
    return this.workspacesReader.allIds();
  }

  /** Low scores read through the responses module (it owns the table). */
  responses(workspaceId: string): Promise<ResponseCandidate[]> {
    return this.responsesReader.caseCandidates(workspaceId, {
      lookback: '7 days', // as LOOKBACK
      // A partial response (score given, the rest not sent) counts once it stopped changing for this long.
      settled: '30 minutes',
      limit: BATCH,
    });
  }

  cancellations(workspaceId: string): Promise<CancellationCandidate[]> {
    return this.dataSource.query(
      `SELECT x.id, x.reason_key AS "reasonKey", x.other_text AS "otherText", x.follow_up AS "followUp",
              CASE WHEN x.customer_verified THEN x.customer_external_id END AS "customerExternalId", x.finished_at AS "finishedAt"
         FROM cancellations x
        WHERE x.workspace_id = $1 AND x.finished_at IS NOT NULL AND x.outcome = 'cancelled'
          AND ${since('x', 'finished_at')} AND ${noCase('cancellation', 'x')}
        ORDER BY x.finished_at, x.id LIMIT ${BATCH}`,
      [workspaceId],
    );
  }

  mentions(workspaceId: string): Promise<MentionCandidate[]> {
    return this.dataSource.query(
      `SELECT m.id, m.source, m.author, m.url, m.text, m.customer_external_id AS "customerExternalId", m.posted_at AS "postedAt"
         FROM mentions m
        WHERE m.workspace_id = $1 AND m.sentiment = -1 AND m.duplicate_of IS NULL
          AND ${since('m', 'created_at')} AND ${noCase('mention', 'm')}
        ORDER BY m.created_at, m.id LIMIT ${BATCH}`,
      [workspaceId],
    );
  }

  /** Pinned (known-issue) clusters, with their size and the touchpoint most of their texts came from. */
  clusters(workspaceId: string): Promise<ClusterCandidate[]> {
    return this.dataSource.query(
      `SELECT k.id, k.label, k.name, k.pinned_at AS "pinnedAt",
              (SELECT count(*)::int FROM feedback_texts f WHERE f.workspace_id = k.workspace_id AND f.cluster_id = k.id) AS size,
              (SELECT f.touchpoint FROM feedback_texts f WHERE f.workspace_id = k.workspace_id AND f.cluster_id = k.id AND f.touchpoint IS NOT NULL
                GROUP BY f.touchpoint ORDER BY count(*) DESC, f.touchpoint LIMIT 1) AS "touchpointName"
         FROM clusters k
        WHERE k.workspace_id = $1 AND k.pinned AND k.status = 'active' AND k.pinned_at IS NOT NULL
          AND ${since('k', 'pinned_at')} AND ${noCase('cluster', 'k')}
        ORDER BY k.pinned_at, k.id LIMIT ${BATCH}`,
      [workspaceId],
    );
  }
}
