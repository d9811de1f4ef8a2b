import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { keysetPage, sortKeySql, type KeysetQuery } from '../customers/timeline/timeline-source';
import type { SlaPriority } from '../sla/clock/policy';
import type { CaseEntity } from './case.entity';

/** Key events kept per case on the timeline; a case closed and reopened many times shows its latest ones. */
const MILESTONES_PER_CASE = 20;

/** One case of a customer as the timeline shows it. */
export type CaseTimelineRow = Pick<
  CaseEntity,
  | 'number'
  | 'title'
  | 'titleKey'
  | 'titleParams'
  | 'status'
  | 'source'
  | 'touchpointId'
  | 'ownerId'
  | 'reopened'
  | 'openedAt'
  | 'firstRespondedAt'
  | 'closedAt'
  | 'rootCause'
> & {
  eventId: string;
  /** Sort key (ISO instant with microseconds). */
  at: string;
  caseId: CaseEntity['id'];
  priority: SlaPriority;
  touchpointName: string | null;
  ownerName: string | null;
  firstResponseBreached: boolean;
  resolutionBreached: boolean;
  /** The latest closings and reopenings from the audit trail, oldest first (json_agg: times arrive as strings). */
  trail: { type: 'closed' | 'reopened'; at: string; rootCause: string | null }[];
};

/**
 * A customer's cases for the timeline, newest first by opened_at, each with its latest closings and reopenings.
 * SQL: a keyset page with a json_agg of each case's trail, and the touchpoint and owner names joined for display.
 */
@Injectable()
export class CaseTimelineRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  page(query: KeysetQuery): Promise<CaseTimelineRow[]> {
    const { eventId, after, params } = keysetPage('case', 'c', 'opened_at', query);
    return this.dataSource.query(
      `SELECT ${eventId} AS "eventId", ${sortKeySql('c.opened_at')} AS at, c.id AS "caseId", c.number, c.title, c.title_key AS "titleKey", c.title_params AS "titleParams", c.status, c.priority,
              c.source, c.touchpoint_id AS "touchpointId", t.name AS "touchpointName", c.owner_id AS "ownerId", u.name AS "ownerName",
              c.reopened, (c.breached_first_response_at IS NOT NULL) AS "firstResponseBreached",
              (c.breached_resolution_at IS NOT NULL) AS "resolutionBreached", c.opened_at AS "openedAt",
              c.first_responded_at AS "firstRespondedAt", c.closed_at AS "closedAt", c.root_cause AS "rootCause",
              (SELECT coalesce(json_agg(json_build_object('type', e.type, 'at', e.at, 'rootCause', e.root_cause) ORDER BY e.at), '[]')
                 FROM (SELECT e.kind AS type, e.created_at AS at, e.details->>'rootCause' AS root_cause
                         FROM case_events e
                        WHERE e.workspace_id = c.workspace_id AND e.case_id = c.id AND e.kind IN ('closed', 'reopened')
                        ORDER BY e.created_at DESC
                        LIMIT ${MILESTONES_PER_CASE - 2}) e) AS trail
         FROM cases c
         LEFT JOIN touchpoints t ON t.workspace_id = c.workspace_id AND t.id = c.touchpoint_id
         LEFT JOIN users u ON u.id = c.owner_id
        WHERE c.workspace_id = $1 AND c.customer_external_id = $2 ${after}
        ORDER BY c.opened_at DESC, ${eventId} DESC
        LIMIT $3`,
      params,
    );
  }
}
