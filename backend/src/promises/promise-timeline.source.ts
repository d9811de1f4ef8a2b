import { Injectable, OnModuleInit } from '@nestjs/common';
import type { PromiseTimelineEventDto } from '../customers/timeline/timeline.dto';
import { TimelineRegistry } from '../customers/timeline/timeline.registry';
import type { TimelineEvent, TimelineFetch, TimelineSource } from '../customers/timeline/timeline-source';
import { PromiseTimelineRepository } from './promise-timeline.repository';

/** The customer timeline's "promise" kind: one item per promise, at the time it was made, with where it stands now. */
@Injectable()
export class PromiseTimelineSource implements TimelineSource, OnModuleInit {
  readonly kind = 'promise';
  readonly scope = 'promises:read' as const;

  constructor(
    private readonly promises: PromiseTimelineRepository,
    private readonly registry: TimelineRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async fetch(query: TimelineFetch): Promise<TimelineEvent<PromiseTimelineEventDto>[]> {
    const now = Date.now();
    const rows = await this.promises.page(query);
    return rows.map((row) => ({
      id: row.eventId,
      kind: this.kind,
      at: row.at,
      title: row.text,
      details: {
        kind: 'promise',
        promiseId: row.promiseId,
        text: row.text,
        status: row.status,
        dueAt: new Date(row.dueAt).toISOString(),
        overdue: row.status === 'open' && new Date(row.dueAt).getTime() < now,
        late: row.status === 'kept' && !!row.keptAt && new Date(row.keptAt).getTime() > new Date(row.dueAt).getTime(),
        caseId: row.caseId,
        ownerName: row.ownerName,
      },
    }));
  }
}
