import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ResponseEntity } from './response.entity';

export type ResponseRow = Pick<
  ResponseEntity,
  | 'id'
  | 'surveyVersion'
  | 'respondentId'
  | 'customerVerified'
  | 'answers'
  | 'score'
  | 'scoreScaleMax'
  | 'comment'
  | 'finished'
  | 'language'
  | 'hiddenFields'
  | 'meta'
  | 'createdAt'
  | 'finishedAt'
> & { customerId: ResponseEntity['customerExternalId'] };

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

const COLUMNS = [
  'r.id AS id',
  'r.survey_version AS "surveyVersion"',
  'r.respondent_id AS "respondentId"',
  'r.customer_external_id AS "customerId"',
  'r.customer_verified AS "customerVerified"',
  'r.answers AS answers',
  'r.score AS score',
  'r.score_scale_max AS "scoreScaleMax"',
  'r.comment AS comment',
  'r.finished AS finished',
  'r.language AS language',
  'r.hidden_fields AS "hiddenFields"',
  'r.meta AS meta',
  'r.created_at AS "createdAt"',
  'r.finished_at AS "finishedAt"',
];

@Injectable()
export class ResponsesRepository {
  constructor(@InjectRepository(ResponseEntity) private readonly responses: Repository<ResponseEntity>) {}

  /** One page, newest first, strictly after `cursor`. */
  page(filter: ResponseFilter, limit: number, cursor?: Cursor): Promise<ResponseRow[]> {
    const qb = this.responses
      .createQueryBuilder('r')
      .select(COLUMNS)
      .where('r.workspace_id = :workspaceId AND r.survey_id = :surveyId', { workspaceId: filter.workspaceId, surveyId: filter.surveyId });
    if (filter.finished !== undefined) qb.andWhere('r.finished = :finished', { finished: filter.finished });
    if (filter.from) qb.andWhere('r.created_at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('r.created_at < :to', { to: filter.to });
    if (cursor) qb.andWhere('(r.created_at, r.id) < (:cursorAt, :cursorId)', { cursorAt: cursor.createdAt, cursorId: cursor.id });
    return qb.orderBy('r.created_at', 'DESC').addOrderBy('r.id', 'DESC').limit(limit).getRawMany<ResponseRow>();
  }
}
