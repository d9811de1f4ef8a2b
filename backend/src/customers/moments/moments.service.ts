import { Injectable } from '@nestjs/common';
import { conflict, notFound } from '../../common/http/api-error';
import { validationError } from '../../common/http/validation.pipe';
import { SurveysReader } from '../../surveys/surveys.reader';
import { WebhookEvents } from '../../webhooks/webhook-events';
import { CustomersReader } from '../customers.reader';
import { decodeCursor, encodeCursor } from '../timeline/timeline-cursor';
import { resolveExpiry } from './moment-rules';
import type { ListMomentsQuery, MomentDto, MomentPageDto, RecordedMomentDto, RecordMomentDto } from './moments.dto';
import { type MomentRow, MomentsRepository } from './moments.repository';

const DEFAULT_LIMIT = 50;

/** The body of a `customer.moment` webhook. */
export interface CustomerMomentEvent {
  momentId: string;
  moment: string;
  customer: { externalId: string; name: string | null; email: string | null };
  recordedAt: string;
  expiresAt: string;
  /** Live surveys that will show at the customer's next page view (those waiting for this moment). */
  surveys: { id: string; name: string; publicKey: string }[];
}

export function toMomentDto(row: MomentRow): MomentDto {
  return {
    id: row.id,
    customerId: row.customerExternalId,
    moment: row.moment,
    status: row.status,
    idempotencyKey: row.idempotencyKey,
    recordedAt: row.recordedAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    answeredAt: row.answeredAt?.toISOString() ?? null,
    responseId: row.responseId,
    survey: row.surveyId && row.surveyName !== null ? { id: row.surveyId, name: row.surveyName } : null,
  };
}

/**
 * Risky moments a server reports for a customer. Recording one queues `customer.moment` in the same
 * transaction (so billing or CRM systems, or the host page's server, can open the cancellation offer) and
 * makes surveys waiting for that event show at the customer's next page view until it is answered or expires.
 */
@Injectable()
export class MomentsService {
  constructor(
    private readonly moments: MomentsRepository,
    private readonly customers: CustomersReader,
    private readonly webhooks: WebhookEvents,
    private readonly surveys: SurveysReader,
  ) {}

  async record(
    workspaceId: string,
    externalId: string,
    input: RecordMomentDto,
    now = new Date(),
  ): Promise<{ created: boolean; moment: RecordedMomentDto }> {
    const expiry = resolveExpiry(input.expiresAt, now);
    if ('problem' in expiry) throw validationError([expiry.problem]);
    const customer = await this.customers.contact(workspaceId, externalId);
    if (!customer) throw notFound('Customer');
    return this.moments.transaction(async (manager) => {
      const id = await this.moments.insert(manager, workspaceId, {
        customerExternalId: externalId,
        moment: input.moment,
        idempotencyKey: input.idempotencyKey ?? null,
        expiresAt: expiry.expiresAt,
      });
      const surveys = await this.surveys.liveOnEvent(workspaceId, input.moment, manager);
      const brief = surveys.map(({ id: surveyId, name }) => ({ id: surveyId, name }));
      if (!id) {
        // A retry: the same key answers with what it recorded, unless it now describes another moment.
        const existing = (await this.moments.findByKey(workspaceId, externalId, input.idempotencyKey!, manager))!;
        const otherExpiry = input.expiresAt !== undefined && existing.expiresAt.getTime() !== expiry.expiresAt.getTime();
        if (existing.moment !== input.moment || otherExpiry) {
          throw conflict('idempotency_key_reused', 'This idempotencyKey was already used for a different moment of this customer');
        }
        return { created: false, moment: { ...toMomentDto(existing), surveys: brief } };
      }
      const row = (await this.moments.find(workspaceId, id, manager))!;
      const event: CustomerMomentEvent = {
        momentId: row.id,
        moment: row.moment,
        customer: { externalId, name: customer.name, email: customer.email },
        recordedAt: row.recordedAt.toISOString(),
        expiresAt: row.expiresAt.toISOString(),
        surveys,
      };
      await this.webhooks.publish(workspaceId, 'customer.moment', event, manager);
      return { created: true, moment: { ...toMomentDto(row), surveys: brief } };
    });
  }

  async list(workspaceId: string, externalId: string, query: ListMomentsQuery): Promise<MomentPageDto> {
    const before = query.cursor ? decodeCursor(query.cursor) : null;
    if (!(await this.customers.exists(workspaceId, externalId))) throw notFound('Customer');
    const limit = query.limit ?? DEFAULT_LIMIT;
    const rows = await this.moments.list(workspaceId, externalId, before, limit + 1);
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map(toMomentDto),
      nextCursor: rows.length > limit && last ? encodeCursor({ at: last.at, id: `moment:${last.id}` }) : null,
    };
  }
}
