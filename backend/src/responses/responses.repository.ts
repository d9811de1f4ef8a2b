import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Answers } from '../surveys/survey-definition';

export interface ResponseRow {
  id: string;
  surveyVersion: number;
  respondentId: string;
  customerId: string | null;
  customerVerified: boolean;
  answers: Answers;
  score: number | null;
  scoreScaleMax: number | null;
  comment: string | null;
  finished: boolean;
  language: string | null;
  hiddenFields: Record<string, string>;
  meta: Record<string, string>;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface ResponseFilter {
  workspaceId: string;
  surveyId: string;
  finished?: boolean;
  from?: Date;
  to?: Date;
}

/** Keyset position: newest first by (created_at, id). */
export interface Cursor {
  createdAt: Date;
  id: string;
}

const COLUMNS = `id, survey_version AS "surveyVersion", respondent_id AS "respondentId", customer_external_id AS "customerId", customer_verified AS "customerVerified",
  answers, score, score_scale_max AS "scoreScaleMax", comment, finished, language, hidden_fields AS "hiddenFields", meta,
  created_at AS "createdAt", finished_at AS "finishedAt"`;

@Injectable()
export class ResponsesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One page, newest first, strictly after `cursor`. */
  async page(filter: ResponseFilter, limit: number, cursor?: Cursor): Promise<ResponseRow[]> {
    const params: unknown[] = [filter.workspaceId, filter.surveyId];
    const where = ['workspace_id = $1', 'survey_id = $2'];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.finished !== undefined) add('finished = ?', filter.finished);
    if (filter.from) add('created_at >= ?', filter.from);
    if (filter.to) add('created_at < ?', filter.to);
    if (cursor) {
      params.push(cursor.createdAt, cursor.id);
      where.push(`(created_at, id) < ($${params.length - 1}, $${params.length})`);
    }
    params.push(limit);
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM responses WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
  }
}
