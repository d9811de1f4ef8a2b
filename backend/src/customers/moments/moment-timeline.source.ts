import { Injectable, OnModuleInit } from '@nestjs/common';
import type { MomentEventDto } from '../timeline/timeline.dto';
import { TimelineRegistry } from '../timeline/timeline.registry';
import type { TimelineEvent, TimelineFetch, TimelineSource } from '../timeline/timeline-source';
import { MomentsRepository } from './moments.repository';

/** Reported moments on the customer timeline, by when they were recorded, with their current status. */
@Injectable()
export class MomentTimelineSource implements TimelineSource, OnModuleInit {
  readonly kind = 'moment';
  readonly scope = 'customers:read' as const;

  constructor(
    private readonly moments: MomentsRepository,
    private readonly registry: TimelineRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async fetch(query: TimelineFetch): Promise<TimelineEvent<MomentEventDto>[]> {
    const rows = await this.moments.list(query.workspaceId, query.customer.externalId, query.before, query.limit);
    return rows.map((row) => ({
      id: `moment:${row.id}`,
      kind: this.kind,
      at: row.at,
      title: row.moment,
      details: {
        kind: 'moment',
        momentId: row.id,
        moment: row.moment,
        status: row.status,
        expiresAt: row.expiresAt.toISOString(),
        answeredAt: row.answeredAt?.toISOString() ?? null,
        surveyName: row.surveyName,
      },
    }));
  }
}
