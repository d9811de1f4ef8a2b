import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { SegmentFilter } from '../../segments/segment-filter';
import type { CaseEntity } from '../case.entity';
import type { MeasurableCase } from './case-measurement';

/** A case as the reports load it: what measuring needs, plus what it is grouped by. */
export type ReportCaseRow = MeasurableCase &
  Pick<CaseEntity, 'slaPolicyId' | 'touchpointId' | 'ownerId' | 'reopened'> & {
    touchpointName: string | null;
    ownerName: string | null;
  };

export interface ReportCaseFilter {
  from: Date;
  to: Date;
  touchpointId?: string;
  /** A user id, or 'none' for unassigned cases. */
  owner?: string;
  channel?: string;
  priority?: string;
  /** Only cases of customers in this saved segment. */
  inSegment?: SegmentFilter;
}

const UUID_TEXT = `'^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'`;

/**
 * Reads the cases of a report period (the cases module owns the table). Analytics SQL, measured: one statement over
 * up to 50,000 cases, joining the touchpoint and owner names and, for cases opened from an answer, its survey kind and
 * score (responses and surveys: a set-based join the responses reader has no batch form of).
 */
@Injectable()
export class CaseReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Cases opened in [from, to) with their touchpoint and owner names and, for cases opened from a survey answer,
   * the survey kind and score (to tell NPS detractors). Scoped to the workspace, in no particular order (every
   * figure is order-free; sorting 50,000 wide rows cost PostgreSQL more than the rest of the query).
   */
  async cases(workspaceId: string, filter: ReportCaseFilter): Promise<ReportCaseRow[]> {
    const params: unknown[] = [workspaceId, filter.from, filter.to];
    const clauses: string[] = [];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      clauses.push(sql(`$${params.length}`));
    };
    if (filter.touchpointId) add((p) => `c.touchpoint_id = ${p}`, filter.touchpointId);
    if (filter.owner === 'none') clauses.push('c.owner_id IS NULL');
    else if (filter.owner) add((p) => `c.owner_id = ${p}`, filter.owner);
    if (filter.channel) add((p) => `c.channel = ${p}`, filter.channel);
    if (filter.priority) add((p) => `c.priority = ${p}`, filter.priority);
    if (filter.inSegment) clauses.push(filter.inSegment.forPositional('c.customer_external_id', params));
    // source_id is free text for manual/api cases: cast it only when it is a response's uuid (CASE keeps the order).
    const rows: RawReportCaseRow[] = await this.dataSource.query(
      `SELECT c.priority, c.channel, ${epochMs('c.opened_at')} AS "openedAt", ${epochMs('c.resolution_started_at')} AS "resolutionStartedAt", c.pauses,
              ${epochMs('c.first_responded_at')} AS "firstRespondedAt", ${epochMs('c.resolved_at')} AS "resolvedAt", ${epochMs('c.closed_at')} AS "closedAt",
              ${epochMs('c.breached_first_response_at')} AS "breachedFirstResponseAt", ${epochMs('c.breached_resolution_at')} AS "breachedResolutionAt",
              c.follow_up_csat AS "followUpCsat", ${epochMs('c.follow_up_at')} AS "followUpAt", c.sla_policy_id AS "slaPolicyId",
              c.touchpoint_id AS "touchpointId", t.name AS "touchpointName", c.reopened, c.owner_id AS "ownerId", u.name AS "ownerName",
              s.kind AS "sourceSurveyKind", r.score AS "sourceScore"
         FROM cases c
         LEFT JOIN touchpoints t ON t.workspace_id = c.workspace_id AND t.id = c.touchpoint_id
         LEFT JOIN users u ON u.id = c.owner_id
         LEFT JOIN responses r ON r.workspace_id = c.workspace_id
              AND r.id = CASE WHEN c.source = 'response' AND c.source_id ~ ${UUID_TEXT} THEN c.source_id::uuid END
         LEFT JOIN surveys s ON s.workspace_id = r.workspace_id AND s.id = r.survey_id
        WHERE c.workspace_id = $1 AND c.opened_at >= $2 AND c.opened_at < $3${clauses.map((s) => ` AND ${s}`).join('')}`,
      params,
    );
    for (const row of rows) {
      for (const key of DATE_KEYS) row[key] = toDate(row[key] as number | null);
    }
    return rows as ReportCaseRow[];
  }
}

/**
 * A timestamp as epoch milliseconds (float8): parsing 50,000 rows of timestamp text was the costliest step of a
 * report. floor keeps the whole milliseconds of a microsecond timestamp, as the driver's own Date parsing does.
 */
const epochMs = (column: string) => `floor(extract(epoch FROM ${column}) * 1000)::float8`;

const DATE_KEYS = [
  'openedAt',
  'resolutionStartedAt',
  'firstRespondedAt',
  'resolvedAt',
  'closedAt',
  'breachedFirstResponseAt',
  'breachedResolutionAt',
  'followUpAt',
] as const;

type RawReportCaseRow = Omit<ReportCaseRow, (typeof DATE_KEYS)[number]> & Record<(typeof DATE_KEYS)[number], number | Date | null>;

const toDate = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));
