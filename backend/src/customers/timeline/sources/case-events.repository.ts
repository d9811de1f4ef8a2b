import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CaseSource, CaseStatus } from '../../../cases/case-rules';
import type { SlaPriority } from '../../../sla/clock/policy';
import type { CaseMilestoneDto, CaseTimelineEventDto } from '../timeline.dto';
import { keysetPage, sortKeySql, type TimelineEvent, type TimelineFetch, type TimelineSource } from '../timeline-source';

/** Key events kept per case on the timeline; a case closed and reopened many times shows its latest ones. */
const MILESTONES_PER_CASE = 20;

interface CaseEventRow {
  eventId: string;
  at: string;
  caseId: string;
  number: number;
  title: string;
  titleKey: string | null;
  titleParams: Record<string, unknown>;
  status: CaseStatus;
  priority: SlaPriority;
  source: CaseSource;
  touchpointId: string | null;
  touchpointName: string | null;
  ownerId: string | null;
  ownerName: string | null;
  reopened: boolean;
  firstResponseBreached: boolean;
  resolutionBreached: boolean;
  openedAt: Date;
  firstRespondedAt: Date | null;
  closedAt: Date | null;
  rootCause: string | null;
  /** The latest closings and reopenings from the audit trail, oldest first (json_agg: times arrive as strings). */
  trail: { type: 'closed' | 'reopened'; at: string; rootCause: string | null }[];
}

/**
 * One item per case of the customer, at its opened_at, carrying its current state and key events, rather than
 * an item per audit event: a customer's timeline reads as "they had a problem, this is where it stands", and
 * the case page (/cases/{id}) holds the full trail. Opening and the first reply are the case's own times (the
 * SLA clock's: opened_at may predate the row, e.g. a case imported from another system); closings and
 * reopenings, which may repeat, come from the audit trail.
 */
@Injectable()
export class CaseEventsRepository implements TimelineSource {
  readonly kind = 'case';
  readonly scope = 'cases:read' as const;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async fetch(query: TimelineFetch): Promise<TimelineEvent<CaseTimelineEventDto>[]> {
    const { eventId, after, params } = keysetPage('case', 'c', 'opened_at', query);
    const rows: CaseEventRow[] = await this.dataSource.query(
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
    return rows.map((row) => ({
      id: row.eventId,
      kind: this.kind,
      at: row.at,
      title: row.title,
      details: {
        kind: 'case',
        caseId: row.caseId,
        number: row.number,
        title: row.title,
        titleKey: row.titleKey,
        titleParams: row.titleParams ?? {},
        status: row.status,
        priority: row.priority,
        source: row.source,
        touchpointId: row.touchpointId,
        touchpointName: row.touchpointName,
        ownerId: row.ownerId,
        ownerName: row.ownerName,
        reopened: row.reopened,
        firstResponseBreached: row.firstResponseBreached,
        resolutionBreached: row.resolutionBreached,
        openedAt: row.openedAt.toISOString(),
        firstRespondedAt: row.firstRespondedAt?.toISOString() ?? null,
        closedAt: row.closedAt?.toISOString() ?? null,
        rootCause: row.rootCause,
        milestones: milestones(row),
      },
    }));
  }
}

/** Oldest first: opening, the first reply, then closings and reopenings. */
function milestones(row: CaseEventRow): CaseMilestoneDto[] {
  const list: CaseMilestoneDto[] = [{ type: 'opened', at: row.openedAt.toISOString(), rootCause: null }];
  if (row.firstRespondedAt) list.push({ type: 'first_reply', at: row.firstRespondedAt.toISOString(), rootCause: null });
  for (const m of row.trail) list.push({ type: m.type, at: new Date(m.at).toISOString(), rootCause: m.type === 'closed' ? m.rootCause : null });
  // Stable: equal times keep the order above (a reply always follows the opening it answers).
  return list.sort((x, y) => Date.parse(x.at) - Date.parse(y.at));
}
