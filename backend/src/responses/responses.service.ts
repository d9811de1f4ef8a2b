import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify';
import type { Writable } from 'node:stream';
import { notFound } from '../common/http/api-error';
import { decodeKeysetCursor, encodeKeysetCursor } from '../common/http/keyset-cursor';
import { SurveysReader } from '../surveys/surveys.reader';
import { spreadsheetSafe } from './csv-safety';
import type { ListResponsesQuery, ResponseDto, ResponsePageDto } from './responses.dto';
import { Cursor, ResponseFilter, ResponseRow, ResponsesRepository } from './responses.repository';

const EXPORT_BATCH = 1000;

function toDto(row: ResponseRow): ResponseDto {
  return {
    id: row.id,
    surveyVersion: row.surveyVersion,
    respondentId: row.respondentId,
    customerId: row.customerId,
    customerVerified: row.customerVerified,
    answers: row.answers,
    score: row.score,
    scoreScaleMax: row.scoreScaleMax,
    comment: row.comment,
    finished: row.finished,
    language: row.language,
    hiddenFields: row.hiddenFields,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

const encodeCursor = (row: ResponseRow) => encodeKeysetCursor({ at: row.createdAt, id: row.id });

function decodeCursor(cursor: string): Cursor {
  const { at, id } = decodeKeysetCursor(cursor);
  return { createdAt: at, id };
}

@Injectable()
export class ResponsesService {
  constructor(
    private readonly responses: ResponsesRepository,
    private readonly surveys: SurveysReader,
  ) {}

  private async filter(workspaceId: string, surveyId: string, query: ListResponsesQuery): Promise<ResponseFilter> {
    if (!(await this.surveys.findById(workspaceId, surveyId))) throw notFound('Survey');
    return {
      workspaceId,
      surveyId,
      finished: query.finished,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
    };
  }

  async list(workspaceId: string, surveyId: string, query: ListResponsesQuery): Promise<ResponsePageDto> {
    const filter = await this.filter(workspaceId, surveyId, query);
    const limit = query.limit ?? 50;
    const rows = await this.responses.page(filter, limit + 1, query.cursor ? decodeCursor(query.cursor) : undefined);
    const items = rows.slice(0, limit);
    return { items: items.map(toDto), nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]) : null };
  }

  /**
   * Streams every matching response as CSV in batches (memory stays flat for large surveys):
   * fixed columns, then one column per question of the current version, then hidden fields as JSON.
   */
  async exportCsv(workspaceId: string, surveyId: string, query: ListResponsesQuery, out: Writable): Promise<void> {
    const filter = await this.filter(workspaceId, surveyId, query);
    const survey = (await this.surveys.findById(workspaceId, surveyId))!;
    const questionIds = survey.questions.map((q) => q.id);
    const csv = stringify({
      header: true,
      bom: true, // Excel opens UTF-8 (Cyrillic) correctly only with a BOM
      columns: [
        'response_id',
        'created_at',
        'finished_at',
        'finished',
        'survey_version',
        'language',
        'customer_id',
        'customer_verified',
        'respondent_id',
        'score',
        'comment',
        ...questionIds.map((id) => `answer_${id}`),
        'hidden_fields',
      ],
    });
    csv.pipe(out);
    const text = (value: unknown) =>
      value === null || value === undefined ? '' : spreadsheetSafe(Array.isArray(value) ? value.join('; ') : String(value));
    let cursor: Cursor | undefined;
    for (;;) {
      const rows = await this.responses.page(filter, EXPORT_BATCH, cursor);
      for (const row of rows) {
        const ok = csv.write([
          row.id,
          row.createdAt.toISOString(),
          row.finishedAt?.toISOString() ?? '',
          row.finished,
          row.surveyVersion,
          row.language ?? '',
          text(row.customerId),
          row.customerId === null ? '' : row.customerVerified,
          row.respondentId,
          row.score ?? '',
          text(row.comment),
          ...questionIds.map((id) => text(row.answers[id])),
          text(Object.keys(row.hiddenFields).length ? JSON.stringify(row.hiddenFields) : ''),
        ]);
        if (!ok) await new Promise((resolve) => csv.once('drain', resolve));
      }
      if (rows.length < EXPORT_BATCH) break;
      cursor = { createdAt: rows[rows.length - 1].createdAt, id: rows[rows.length - 1].id };
    }
    csv.end();
    await new Promise((resolve) => out.once('finish', resolve));
  }
}
