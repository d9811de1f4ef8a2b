import { Injectable, OnModuleInit } from '@nestjs/common';
import type { LocalizedText } from '@otklik/survey-model';
import type { CancellationEventDto } from '../customers/timeline/timeline.dto';
import { TimelineRegistry } from '../customers/timeline/timeline.registry';
import type { TimelineEvent, TimelineFetch, TimelineSource } from '../customers/timeline/timeline-source';
import { CancellationTimelineRepository } from './cancellation-timeline.repository';

/** The viewer's language, then the flow's default, then English, then whatever there is. */
function localize(text: LocalizedText | null | undefined, language: string, fallback: string): string | null {
  if (!text) return null;
  const base = language.split('-')[0];
  return text[language] ?? text[base] ?? text[fallback] ?? text.en ?? Object.values(text)[0] ?? null;
}

/**
 * Cancellation-flow runs of the customer, finished (saved / cancelled) or left unfinished, by when the run
 * began. Reason labels come from the current taxonomy (renames show), keyed by the stable reason key. The churn
 * module owns these tables, so it adds this kind to the timeline.
 */
@Injectable()
export class CancellationTimelineSource implements TimelineSource, OnModuleInit {
  readonly kind = 'cancellation';
  readonly scope = 'customers:read' as const;

  constructor(
    private readonly cancellations: CancellationTimelineRepository,
    private readonly registry: TimelineRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async fetch(query: TimelineFetch): Promise<TimelineEvent<CancellationEventDto>[]> {
    const { language } = query;
    const rows = await this.cancellations.page(query);
    return rows.map((row) => ({
      id: row.eventId,
      kind: this.kind,
      at: row.at,
      title: row.flowName,
      details: {
        kind: 'cancellation',
        cancellationId: row.cancellationId,
        flowId: row.flowId,
        flowName: row.flowName,
        reasonKey: row.reasonKey,
        reasonLabel: localize(row.reasonLabels, language, row.defaultLanguage) ?? row.reasonKey,
        otherText: row.otherText,
        followUp: row.followUp,
        offer: row.offer
          ? {
              type: row.offer.type,
              amount: row.offer.amount ?? null,
              plan: row.offer.plan ?? null,
              text: localize(row.offer.text, language, row.defaultLanguage),
            }
          : null,
        outcome: row.outcome,
        mrr: row.mrr === null ? null : Number(row.mrr),
        language: row.language,
        finishedAt: row.finishedAt?.toISOString() ?? null,
      },
    }));
  }
}
