import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LOW_SCORE_SQL } from './case-rules';

/** Feedback that should open a case and has none yet. */
export interface ResponseCandidate {
  id: string;
  score: number;
  scaleMax: number | null;
  comment: string | null;
  customerExternalId: string | null;
  createdAt: Date;
  kind: string;
  surveyName: string;
  touchpointName: string | null;
}

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
/** A partial response (score given, the rest not sent) counts once it stopped changing for this long. */
const PARTIAL_SETTLED = `interval '30 minutes'`;

const since = (alias: string, column: string) =>
  `${alias}.${column} >= coalesce((SELECT sync_since FROM case_settings cs WHERE cs.workspace_id = ${alias}.workspace_id), '-infinity')
   AND ${alias}.${column} >= now() - ${LOOKBACK}`;
const noCase = (source: string, alias: string) =>
  `NOT EXISTS (SELECT 1 FROM cases c WHERE c.workspace_id = ${alias}.workspace_id AND c.source = '${source}' AND c.source_id = ${alias}.id::text)`;

/** Finds feedback that should open cases: detractors/low scores, cancellations, negative mentions, pinned clusters. */
@Injectable()
export class CaseSourcesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async workspaces(): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM workspaces ORDER BY id`);
    return rows.map((r) => r.id);
  }

  responses(workspaceId: string): Promise<ResponseCandidate[]> {
    return this.dataSource.query(
      // An unproven customer id (no identity hash) must not pin a case, or its VIP priority, on a real customer.
      `SELECT r.id, r.score, r.score_scale_max AS "scaleMax", r.comment,
              CASE WHEN r.customer_verified THEN r.customer_external_id END AS "customerExternalId", r.created_at AS "createdAt",
              s.kind, s.name AS "surveyName", s.touchpoint_name AS "touchpointName"
         FROM responses r JOIN surveys s ON s.workspace_id = r.workspace_id AND s.id = r.survey_id
        WHERE r.workspace_id = $1 AND r.score IS NOT NULL AND ${LOW_SCORE_SQL}
          AND (r.finished OR r.updated_at < now() - ${PARTIAL_SETTLED})
          AND ${since('r', 'created_at')} AND ${noCase('response', 'r')}
        ORDER BY r.created_at, r.id LIMIT ${BATCH}`,
      [workspaceId],
    );
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
