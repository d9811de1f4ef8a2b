import { Injectable, OnModuleInit } from '@nestjs/common';
import type { CaseMilestoneDto, CaseTimelineEventDto } from '../customers/timeline/timeline.dto';
import { TimelineRegistry } from '../customers/timeline/timeline.registry';
import type { TimelineEvent, TimelineFetch, TimelineSource } from '../customers/timeline/timeline-source';
import { CaseTimelineRepository, type CaseTimelineRow } from './case-timeline.repository';

/**
 * One item per case of the customer, at its opened_at, carrying its current state and key events, rather than
 * an item per audit event: a customer's timeline reads as "they had a problem, this is where it stands", and
 * the case page (/cases/{id}) holds the full trail. Opening and the first reply are the case's own times (the
 * SLA clock's: opened_at may predate the row, e.g. a case imported from another system); closings and
 * reopenings, which may repeat, come from the audit trail. The cases module adds this kind to the timeline.
 */
@Injectable()
export class CaseTimelineSource implements TimelineSource, OnModuleInit {
  readonly kind = 'case';
  readonly scope = 'cases:read' as const;

  constructor(
    private readonly cases: CaseTimelineRepository,
    private readonly registry: TimelineRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async fetch(query: TimelineFetch): Promise<TimelineEvent<CaseTimelineEventDto>[]> {
    const rows = await this.cases.page(query);
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
function milestones(row: CaseTimelineRow): CaseMilestoneDto[] {
  const list: CaseMilestoneDto[] = [{ type: 'opened', at: row.openedAt.toISOString(), rootCause: null }];
  if (row.firstRespondedAt) list.push({ type: 'first_reply', at: row.firstRespondedAt.toISOString(), rootCause: null });
  for (const m of row.trail)
    list.push({ type: m.type, at: new Date(m.at).toISOString(), rootCause: m.type === 'closed' ? m.rootCause : null });
  // Stable: equal times keep the order above (a reply always follows the opening it answers).
  return list.sort((x, y) => Date.parse(x.at) - Date.parse(y.at));
}
