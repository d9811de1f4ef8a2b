import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { LocalizedText } from '@otklik/survey-model';
import type { CancellationEventDto } from '../timeline.dto';
import { keysetPage, sortKeySql, type TimelineEvent, type TimelineFetch, type TimelineSource } from '../timeline-source';

interface StoredOffer {
  type: string;
  amount?: number;
  plan?: string;
  text?: LocalizedText;
}

interface CancellationEventRow {
  eventId: string;
  at: string;
  cancellationId: string;
  flowId: string;
  flowName: string;
  defaultLanguage: string;
  reasonKey: string | null;
  reasonLabels: LocalizedText | null;
  otherText: string | null;
  followUp: string | null;
  offer: StoredOffer | null;
  outcome: 'saved' | 'cancelled' | null;
  mrr: string | null;
  language: string | null;
  finishedAt: Date | null;
}

/** The viewer's language, then the flow's default, then English, then whatever there is. */
function localize(text: LocalizedText | null | undefined, language: string, fallback: string): string | null {
  if (!text) return null;
  const base = language.split('-')[0];
  return text[language] ?? text[base] ?? text[fallback] ?? text.en ?? Object.values(text)[0] ?? null;
}

/**
 * Cancellation-flow runs of the customer, finished (saved / cancelled) or left unfinished, by when the run
 * began. Reason labels come from the current taxonomy (renames show), keyed by the stable reason key.
 */
@Injectable()
export class CancellationEventsRepository implements TimelineSource {
  readonly kind = 'cancellation';
  readonly scope = 'customers:read' as const;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async fetch(query: TimelineFetch): Promise<TimelineEvent<CancellationEventDto>[]> {
    const { eventId, after, params } = keysetPage('cancellation', 'c', 'created_at', query);
    const { language } = query;
    const rows: CancellationEventRow[] = await this.dataSource.query(
      `SELECT ${eventId} AS "eventId", ${sortKeySql('c.created_at')} AS at, c.id AS "cancellationId", c.flow_id AS "flowId",
              f.name AS "flowName", f.default_language AS "defaultLanguage", c.reason_key AS "reasonKey", cr.labels AS "reasonLabels",
              c.other_text AS "otherText", c.follow_up AS "followUp", c.offer, c.outcome, c.mrr, c.language, c.finished_at AS "finishedAt"
         FROM cancellations c
         JOIN cancellation_flows f ON f.workspace_id = c.workspace_id AND f.id = c.flow_id
         LEFT JOIN churn_reasons cr ON cr.workspace_id = c.workspace_id AND cr.key = c.reason_key
        WHERE c.workspace_id = $1 AND c.customer_external_id = $2 ${after}
        ORDER BY c.created_at DESC, ${eventId} DESC
        LIMIT $3`,
      params,
    );
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
