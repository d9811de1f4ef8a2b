import { Injectable, OnModuleInit } from '@nestjs/common';
import type { ActivityTimelineEventDto } from '../timeline/timeline.dto';
import { TimelineRegistry } from '../timeline/timeline.registry';
import type { TimelineEvent, TimelineFetch, TimelineSource } from '../timeline/timeline-source';
import { ActivityRepository } from './activity.repository';

/** Orders and payments on the customer timeline, at the time they happened, with their amount and currency. */
@Injectable()
export class ActivityTimelineSource implements TimelineSource, OnModuleInit {
  readonly kind = 'activity';
  // The same scope as the customer's activity list (GET …/customers/{externalId}/activity).
  readonly scope = 'customers:read' as const;

  constructor(
    private readonly activity: ActivityRepository,
    private readonly registry: TimelineRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async fetch(query: TimelineFetch): Promise<TimelineEvent<ActivityTimelineEventDto>[]> {
    const rows = await this.activity.timeline(query);
    return rows.map((row) => ({
      id: `activity:${row.id}`,
      kind: this.kind,
      at: row.at,
      title: row.name,
      details: {
        kind: 'activity',
        activityId: row.id,
        eventId: row.eventId,
        activity: row.kind,
        name: row.name,
        amount: row.amount === null ? null : Number(row.amount),
        currency: row.currency,
      },
    }));
  }
}
