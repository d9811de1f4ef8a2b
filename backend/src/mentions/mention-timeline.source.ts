import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { MentionEventDto } from '../customers/timeline/timeline.dto';
import { TimelineRegistry } from '../customers/timeline/timeline.registry';
import { keysetPage, sortKeySql, type TimelineEvent, type TimelineFetch, type TimelineSource } from '../customers/timeline/timeline-source';

interface MentionEventRow {
  eventId: string;
  at: string;
  mentionId: string;
  source: string;
  author: string | null;
  text: string;
  url: string | null;
  sentiment: number;
  language: string;
  answered: boolean;
}

/** Mentions linked to the customer (by a person on the team), by when they were posted; copies left out. */
@Injectable()
export class MentionTimelineSource implements TimelineSource, OnModuleInit {
  readonly kind = 'mention';
  readonly scope = 'mentions:read' as const;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: TimelineRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async fetch(query: TimelineFetch): Promise<TimelineEvent<MentionEventDto>[]> {
    const { eventId, after, params } = keysetPage('mention', 'm', 'posted_at', query);
    const rows: MentionEventRow[] = await this.dataSource.query(
      `SELECT ${eventId} AS "eventId", ${sortKeySql('m.posted_at')} AS at, m.id AS "mentionId", m.source, m.author, m.text, m.url,
              m.sentiment, m.language, (m.answered_at IS NOT NULL) AS answered
         FROM mentions m
        WHERE m.workspace_id = $1 AND m.customer_external_id = $2 AND m.duplicate_of IS NULL ${after}
        ORDER BY m.posted_at DESC, ${eventId} DESC
        LIMIT $3`,
      params,
    );
    return rows.map((row) => ({
      id: row.eventId,
      kind: this.kind,
      at: row.at,
      title: row.source,
      details: {
        kind: 'mention', mentionId: row.mentionId, source: row.source, author: row.author, text: row.text, url: row.url,
        sentiment: row.sentiment, language: row.language, answered: row.answered,
      },
    }));
  }
}
