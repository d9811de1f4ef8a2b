import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { SurveyKind } from '../../../surveys/survey-definition';
import { scoreBand } from '../score-band';
import type { ResponseEventDto } from '../timeline.dto';
import { keysetPage, sortKeySql, type TimelineEvent, type TimelineFetch, type TimelineSource } from '../timeline-source';

interface ResponseEventRow {
  eventId: string;
  at: string;
  responseId: string;
  surveyId: string;
  surveyName: string;
  surveyKind: SurveyKind;
  score: number | null;
  scoreScaleMax: number | null;
  comment: string | null;
  finished: boolean;
  language: string | null;
  finishedAt: Date | null;
}

/**
 * Survey responses the customer gave (finished and partial), by when they began: created_at never changes,
 * so a page boundary stays put while a partial response is finished later. Displays are left out (noise).
 */
@Injectable()
export class ResponseEventsRepository implements TimelineSource {
  readonly kind = 'response';
  readonly scope = 'responses:read' as const;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async fetch(query: TimelineFetch): Promise<TimelineEvent<ResponseEventDto>[]> {
    const { eventId, after, params } = keysetPage('response', 'r', 'created_at', query);
    const rows: ResponseEventRow[] = await this.dataSource.query(
      `SELECT ${eventId} AS "eventId", ${sortKeySql('r.created_at')} AS at, r.id AS "responseId", r.survey_id AS "surveyId",
              s.name AS "surveyName", s.kind AS "surveyKind", r.score, r.score_scale_max AS "scoreScaleMax", r.comment, r.finished,
              r.language, r.finished_at AS "finishedAt"
         FROM responses r
         JOIN surveys s ON s.workspace_id = r.workspace_id AND s.id = r.survey_id
        WHERE r.workspace_id = $1 AND r.customer_external_id = $2 ${after}
        ORDER BY r.created_at DESC, ${eventId} DESC
        LIMIT $3`,
      params,
    );
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
