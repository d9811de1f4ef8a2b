import { Injectable } from '@nestjs/common';
import { ResponsesReader } from '../../../responses/responses.reader';
import { scoreBand } from '../score-band';
import type { ResponseEventDto } from '../timeline.dto';
import type { TimelineEvent, TimelineFetch, TimelineSource } from '../timeline-source';

/**
 * Survey responses the customer gave (finished and partial), by when they began: created_at never changes,
 * so a page boundary stays put while a partial response is finished later. Displays are left out (noise).
 */
@Injectable()
export class ResponseEventsRepository implements TimelineSource {
  readonly kind = 'response';
  readonly scope = 'responses:read' as const;

  constructor(private readonly responses: ResponsesReader) {}

  async fetch(query: TimelineFetch): Promise<TimelineEvent<ResponseEventDto>[]> {
    const rows = await this.responses.customerPage(query);
    return rows.map((row) => ({
      id: row.eventId,
      kind: this.kind,
      at: row.at,
      title: row.surveyName,
      details: {
        kind: 'response',
        responseId: row.responseId,
        surveyId: row.surveyId,
        surveyName: row.surveyName,
        surveyKind: row.surveyKind,
        score: row.score,
        scoreScaleMax: row.scoreScaleMax,
        band: scoreBand(row.surveyKind, row.score, row.scoreScaleMax),
        comment: row.comment,
        finished: row.finished,
        language: row.language,
        finishedAt: row.finishedAt?.toISOString() ?? null,
      },
    }));
  }
}
