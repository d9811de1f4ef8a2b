import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { MentionPublicAnswerEntity } from './mention-public-answer.entity';

export interface ReportTotalsRow {
  negative: number;
  answered: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
  investigated: number;
  findings: number;
}

export interface ReportWeekRow {
  start: Date;
  day: string;
  negative: number;
  answered: number;
  investigated: number;
  findings: number;
  medianMinutes: number | null;
}

export interface ReportCaseRow {
  caseId: string;
  start: Date;
}

/**
 * The period's negative original mentions with their steps: this module's table, the mention and its case (by source,
 * root cause recorded or not). Analytics in SQL (counts and percentiles over the set), one statement per figure group;
 * the cross-owner joins (mentions, cases) are listed in docs/ARCHITECTURE.md. $1 workspace, $2 from, $3 to, $4 zone.
 */
const NEGATIVE = `
  SELECT m.id, date_trunc('week', m.posted_at AT TIME ZONE $4) AS local_week, pa.answered_at, pa.findings_at, c.id AS case_id,
         (c.root_cause IS NOT NULL) AS investigated,
         CASE WHEN pa.answered_at IS NOT NULL THEN greatest(extract(epoch FROM pa.answered_at - m.posted_at) / 60, 0) END AS minutes
    FROM mentions m
    LEFT JOIN mention_public_answers pa ON pa.workspace_id = m.workspace_id AND pa.mention_id = m.id
    LEFT JOIN cases c ON c.workspace_id = m.workspace_id AND c.source = 'mention' AND c.source_id = m.id::text
   WHERE m.workspace_id = $1 AND m.sentiment = -1 AND m.duplicate_of IS NULL AND m.posted_at >= $2 AND m.posted_at < $3`;

@Injectable()
export class PublicAnswersReportRepository {
  constructor(@InjectRepository(MentionPublicAnswerEntity) private readonly answers: Repository<MentionPublicAnswerEntity>) {}

  async totals(workspaceId: string, from: Date, to: Date, timeZone: string): Promise<ReportTotalsRow> {
    const [row]: ReportTotalsRow[] = await this.answers.query(
      `WITH neg AS (${NEGATIVE})
       SELECT count(*)::int AS negative, count(answered_at)::int AS answered,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY minutes) AS "medianMinutes",
              percentile_cont(0.9) WITHIN GROUP (ORDER BY minutes) AS "p90Minutes",
              (count(*) FILTER (WHERE investigated))::int AS investigated, count(findings_at)::int AS findings
         FROM neg`,
      [workspaceId, from, to, timeZone],
    );
    return row;
  }

  /** Per week (Monday in the zone) of posting, empty weeks included. */
  weeks(workspaceId: string, from: Date, to: Date, timeZone: string): Promise<ReportWeekRow[]> {
    return this.answers.query(
      `WITH neg AS (${NEGATIVE}),
       weeks AS (
         SELECT generate_series(date_trunc('week', $2::timestamptz AT TIME ZONE $4),
                                date_trunc('week', ($3::timestamptz - interval '1 microsecond') AT TIME ZONE $4), interval '1 week') AS local_week
       ), counts AS (
         SELECT local_week, count(*)::int AS negative, count(answered_at)::int AS answered,
                (count(*) FILTER (WHERE investigated))::int AS investigated, count(findings_at)::int AS findings,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY minutes) AS median
           FROM neg GROUP BY local_week
       )
       SELECT w.local_week AT TIME ZONE $4 AS start, to_char(w.local_week, 'YYYY-MM-DD') AS day, COALESCE(c.negative, 0) AS negative, COALESCE(c.answered, 0) AS answered,
              COALESCE(c.investigated, 0) AS investigated, COALESCE(c.findings, 0) AS findings, c.median AS "medianMinutes"
         FROM weeks w LEFT JOIN counts c USING (local_week) ORDER BY w.local_week`,
      [workspaceId, from, to, timeZone],
    );
  }

  /** The period's mentions that have a case, with their week: compensation is read for these through its port. */
  casesOf(workspaceId: string, from: Date, to: Date, timeZone: string): Promise<ReportCaseRow[]> {
    return this.answers.query(
      `WITH neg AS (${NEGATIVE})
       SELECT case_id AS "caseId", local_week AT TIME ZONE $4 AS start FROM neg WHERE case_id IS NOT NULL ORDER BY case_id`,
      [workspaceId, from, to, timeZone],
    );
  }
}
