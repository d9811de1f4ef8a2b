import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { ResponseEntity } from '../../responses/response.entity';
import type { SurveyEntity } from '../../surveys/survey.entity';
import type { MomentStatus } from '../timeline/timeline.dto';
import type { TimelinePosition } from '../timeline/timeline-source';
import { keysetPage, sortKeySql } from '../timeline/timeline-source';
import { CustomerMomentEntity } from './customer-moment.entity';

/** A moment with its answer (read from the responses, see ANSWER_JOIN). */
export type MomentRow = Pick<
  CustomerMomentEntity,
  'id' | 'customerExternalId' | 'moment' | 'idempotencyKey' | 'recordedAt' | 'expiresAt'
> & {
  /** Sort key with microseconds (see timeline-source), for cursors. */
  at: string;
  status: MomentStatus;
  answeredAt: ResponseEntity['createdAt'] | null;
  responseId: ResponseEntity['id'] | null;
  surveyId: SurveyEntity['id'] | null;
  surveyName: SurveyEntity['name'] | null;
};

export type NewMoment = Pick<CustomerMomentEntity, 'customerExternalId' | 'moment' | 'idempotencyKey' | 'expiresAt'>;

/**
 * The one rule for "answered", joined to a moment row `m`: the customer's first response (partial or finished),
 * begun after the moment was recorded and before it expired, to a survey whose trigger waits for this moment.
 * Only a response whose customer id was proven (identity hash) counts: an unproven id never changes a customer.
 * Read from the responses themselves, so it holds for every ingest path and needs no write when one arrives.
 * A join into the responses and surveys modules' tables, kept here because every moment read (status, keyset pages,
 * "is one pending?") needs it row by row in one statement.
 */
const ANSWER_JOIN = `
  LEFT JOIN LATERAL (
    SELECT r.id, r.created_at, s.id AS survey_id, s.name AS survey_name
      FROM responses r
      JOIN surveys s ON s.workspace_id = r.workspace_id AND s.id = r.survey_id
     WHERE r.workspace_id = m.workspace_id AND r.customer_external_id = m.customer_external_id AND r.customer_verified
       AND r.created_at >= m.recorded_at AND r.created_at < m.expires_at
       AND s.display_rules->>'trigger' = 'event' AND s.display_rules->>'eventName' = m.moment
     ORDER BY r.created_at
     LIMIT 1) answer ON true`;

const STATUS = `CASE WHEN answer.id IS NOT NULL THEN 'answered' WHEN m.expires_at <= now() THEN 'expired' ELSE 'pending' END`;

const COLUMNS = `m.id, m.customer_external_id AS "customerExternalId", m.moment, m.idempotency_key AS "idempotencyKey",
  m.recorded_at AS "recordedAt", m.expires_at AS "expiresAt", ${sortKeySql('m.recorded_at')} AS at, ${STATUS} AS status,
  answer.created_at AS "answeredAt", answer.id AS "responseId", answer.survey_id AS "surveyId", answer.survey_name AS "surveyName"`;

@Injectable()
export class MomentsRepository {
  constructor(@InjectRepository(CustomerMomentEntity) private readonly moments: Repository<CustomerMomentEntity>) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.moments.manager.transaction(work);
  }

  /** Inserts a moment; null when the idempotency key was used before for this customer (nothing written). */
  async insert(manager: EntityManager, workspaceId: string, moment: NewMoment): Promise<string | null> {
    const result = await manager
      .getRepository(CustomerMomentEntity)
      .createQueryBuilder()
      .insert()
      .values({ workspaceId, ...moment })
      .orIgnore()
      .returning('id')
      .updateEntity(false)
      .execute();
    const rows = result.raw as Pick<CustomerMomentEntity, 'id'>[];
    return rows[0]?.id ?? null;
  }

  async find(workspaceId: string, id: string, manager: EntityManager = this.moments.manager): Promise<MomentRow | null> {
    const rows: MomentRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM customer_moments m ${ANSWER_JOIN} WHERE m.workspace_id = $1 AND m.id = $2`,
      [workspaceId, id],
    );
    return rows[0] ?? null;
  }

  async findByKey(
    workspaceId: string,
    customerExternalId: string,
    idempotencyKey: string,
    manager: EntityManager = this.moments.manager,
  ): Promise<MomentRow | null> {
    const rows: MomentRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM customer_moments m ${ANSWER_JOIN}
        WHERE m.workspace_id = $1 AND m.customer_external_id = $2 AND m.idempotency_key = $3`,
      [workspaceId, customerExternalId, idempotencyKey],
    );
    return rows[0] ?? null;
  }

  /** One customer's moments, newest first, strictly after `before` in that order; `limit` rows at most. */
  async list(workspaceId: string, customerExternalId: string, before: TimelinePosition | null, limit: number): Promise<MomentRow[]> {
    const { eventId, after, params } = keysetPage('moment', 'm', 'recorded_at', {
      workspaceId,
      customer: { externalId: customerExternalId },
      before,
      limit,
    });
    return this.moments.manager.query(
      `SELECT ${COLUMNS} FROM customer_moments m ${ANSWER_JOIN}
        WHERE m.workspace_id = $1 AND m.customer_external_id = $2 ${after}
        ORDER BY m.recorded_at DESC, ${eventId} DESC
        LIMIT $3`,
      params,
    );
  }

  /** Whether a moment of this name is pending for the customer (the widget config asks this). */
  async isPending(workspaceId: string, customerExternalId: string, moment: string): Promise<boolean> {
    const [row]: { pending: boolean }[] = await this.moments.manager.query(
      `SELECT EXISTS (
         SELECT 1 FROM customer_moments m ${ANSWER_JOIN}
          WHERE m.workspace_id = $1 AND m.customer_external_id = $2 AND m.moment = $3 AND m.expires_at > now() AND answer.id IS NULL
       ) AS pending`,
      [workspaceId, customerExternalId, moment],
    );
    return row.pending;
  }
}
