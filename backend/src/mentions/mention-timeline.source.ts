import { Injectable, OnModuleInit } from '@nestjs/common';
import type { MentionEventDto } from '../customers/timeline/timeline.dto';
import { TimelineRegistry } from '../customers/timeline/timeline.registry';
import type { TimelineEvent, TimelineFetch, TimelineSource } from '../customers/timeline/timeline-source';
import { MentionsQueryRepository } from './mentions-query.repository';

/** Mentions linked to the customer (by a person on the team), by when they were posted; copies left out. */
@Injectable()
export class MentionTimelineSource implements TimelineSource, OnModuleInit {
  readonly kind = 'mention';
  readonly scope = 'mentions:read' as const;

  constructor(
    private readonly mentions: MentionsQueryRepository,
    private readonly registry: TimelineRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async fetch(query: TimelineFetch): Promise<TimelineEvent<MentionEventDto>[]> {
    const rows = await this.mentions.timelinePage(query);
    return rows.map((row) => ({
      id: row.eventId,
      kind: this.kind,
      at: row.at,
      title: row.source,
      details: {
        kind: 'mention',
        mentionId: row.mentionId,
        source: row.source,
        author: row.author,
        text: row.text,
        url: row.url,
        sentiment: row.sentiment,
        language: row.language,
        answered: row.answered,
      },
    }));
  }
}
