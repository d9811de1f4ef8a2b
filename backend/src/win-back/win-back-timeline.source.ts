import { Injectable, OnModuleInit } from '@nestjs/common';
import type { RecoveryTimelineEventDto } from '../customers/timeline/timeline.dto';
import { TimelineRegistry } from '../customers/timeline/timeline.registry';
import type { TimelineEvent, TimelineFetch, TimelineSource } from '../customers/timeline/timeline-source';
import { WinBackTimelineRepository } from './win-back-timeline.repository';

/** The customer timeline's "recovery" kind: affected by a problem that was fixed, told about the fix, came back. */
@Injectable()
export class WinBackTimelineSource implements TimelineSource, OnModuleInit {
  readonly kind = 'recovery';
  readonly scope = 'recovery:read' as const;

  constructor(
    private readonly rows: WinBackTimelineRepository,
    private readonly registry: TimelineRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async fetch(query: TimelineFetch): Promise<TimelineEvent<RecoveryTimelineEventDto>[]> {
    const rows = await this.rows.page(query);
    return rows.map((row) => ({
      id: row.eventId,
      kind: this.kind,
      at: row.at,
      title: row.title,
      details: {
        kind: 'recovery',
        event: row.event,
        problemId: row.problemId,
        title: row.title,
        whatChanged: row.whatChanged,
        returnKind: row.returnKind,
      },
    }));
  }
}
