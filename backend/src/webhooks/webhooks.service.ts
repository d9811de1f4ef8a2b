import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { conflict, notFound } from '../common/http/api-error';
import { JobRunner } from '../common/jobs/job-runner';
import { decodeKeysetCursor, encodeKeysetCursor } from '../common/http/keyset-cursor';
import { validationError } from '../common/http/validation.pipe';
import { AddressGuard } from './address-guard';
import { WEBHOOK_EVENT_TYPES, type WebhookEnvelope, type WebhookEventType } from './event-types';
import { type DeliveryRow, WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WEBHOOK_DISPATCH_JOB } from './webhook-dispatch.job';
import { type EndpointRow, type EndpointStats, WebhookEndpointsRepository } from './webhook-endpoints.repository';
import { newWebhookSecret } from './webhook-signature';
import { webhookUrlProblem } from './webhook-url';
import type {
  CreatedWebhookDto,
  CreateWebhookDto,
  DeliveryDetailDto,
  DeliveryDto,
  DeliveryPageDto,
  EventTypeDto,
  ListDeliveriesQuery,
  UpdateWebhookDto,
  WebhookDto,
} from './webhooks.dto';

const MAX_ENDPOINTS_PER_WORKSPACE = 20;

const EVENT_DESCRIPTIONS: Record<WebhookEventType, { description: string; live: boolean }> = {
  'response.created': { description: 'A survey response was started (first answer received)', live: true },
  'response.finished': { description: 'A survey response was completed', live: true },
  'cancellation.finished': { description: 'A cancellation flow ended: saved (with the accepted offer) or cancelled', live: true },
  'customer.sleeping': { description: 'A customer went quiet for half the inactive period: reactivate them', live: true },
  'customer.moment': {
    description:
      'A risky moment was reported for a customer (trial ending, renewal due, payment failed…): offer help or the cancellation flow',
    live: true,
  },
  'customer.at_risk': {
    description:
      'An early warning: a customer broke their own order rhythm, stopped paying, used the product much less or moved into an at-risk RFM group',
    live: true,
  },
  'customer.status_changed': {
    description: "A customer's colour status changed (by the rules, an override or its clearing): from, to, cause",
    live: true,
  },
  'customer.guard_started': {
    description:
      'The communication guard started for a customer (open complaint, recent cancellation or SLA breach): hold marketing and surveys',
    live: true,
  },
  'customer.guard_ended': { description: 'The communication guard ended for a customer: marketing and surveys may go again', live: true },
  'mention.created': { description: 'A new social mention arrived', live: true },
  'spike.alert': { description: 'Negative mentions spiked above their baseline', live: true },
  'cluster.alert': { description: 'A complaint cluster is growing unusually fast', live: true },
  'case.warned': { description: 'A case reached 80% of its SLA target', live: true },
  'case.breached': { description: 'A case breached its SLA target', live: true },
  'case.closed': { description: 'A case was closed', live: true },
  'promise.overdue': {
    description: "A promise to a customer passed its due time unkept: escalated to the owner's lead",
    live: true,
  },
  'message.requested': {
    description:
      'Send a message through your own gateway (SMS, Telegram, WhatsApp): channel, to, text, language; report delivery to POST …/messages/{messageId}/delivery',
    live: true,
  },
  'problem.fixed': {
    description: 'A cluster, churn reason or known issue was marked fixed: what changed, when, and how many customers it hurt',
    live: true,
  },
  'customer.returned': {
    description: 'A customer told about a fix came back (order, payment, activity, resumed, or marked by hand)',
    live: true,
  },
  'compensation.granted': {
    description:
      "Compensation was approved (within the granter's budget or by an admin): case, customer, kind, amount, currency, reason — apply it in billing",
    live: true,
  },
};

const iso = (d: Date | null) => d?.toISOString() ?? null;

const deliveryDto = (row: DeliveryRow): DeliveryDto => ({
  id: row.id,
  eventId: row.eventId,
  eventType: row.eventType,
  status: row.status,
  attempts: row.attempts,
  nextAttemptAt: row.status === 'pending' ? row.nextAttemptAt.toISOString() : null,
  lastStatusCode: row.lastStatusCode,
  lastError: row.lastError,
  lastDurationMs: row.lastDurationMs,
  replayOf: row.replayOf,
  createdAt: row.createdAt.toISOString(),
  completedAt: iso(row.completedAt),
});

/** Managing endpoints and reading their delivery log; sending is WebhookDispatchJob's. */
@Injectable()
export class WebhooksService {
  private readonly guard: AddressGuard;

  constructor(
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly jobs: JobRunner,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.guard = new AddressGuard(config.webhookAllowedNetworks);
  }

  eventTypes(): EventTypeDto[] {
    return WEBHOOK_EVENT_TYPES.map((type) => ({ type, ...EVENT_DESCRIPTIONS[type] }));
  }

  async list(workspaceId: string): Promise<WebhookDto[]> {
    const [rows, stats] = await Promise.all([this.endpoints.list(workspaceId), this.endpoints.stats(workspaceId)]);
    const byId = new Map(stats.map((s) => [s.endpointId, s]));
    return rows.map((row) => this.toDto(row, byId.get(row.id)));
  }

  async get(workspaceId: string, id: string): Promise<WebhookDto> {
    const row = await this.endpoint(workspaceId, id);
    const stats = (await this.endpoints.stats(workspaceId)).find((s) => s.endpointId === id);
    return this.toDto(row, stats);
  }

  async create(workspaceId: string, input: CreateWebhookDto): Promise<CreatedWebhookDto> {
    await this.assertUrl(input.url);
    if ((await this.endpoints.count(workspaceId)) >= MAX_ENDPOINTS_PER_WORKSPACE) {
      throw conflict('limit_reached', `A workspace can have at most ${MAX_ENDPOINTS_PER_WORKSPACE} webhook endpoints; delete one first.`);
    }
    const row = await this.endpoints.create({
      workspaceId,
      url: input.url,
      description: input.description ?? '',
      events: normaliseEvents(input.events),
      secret: newWebhookSecret(),
      enabled: input.enabled ?? true,
    });
    return { ...this.toDto(row), secret: row.secret };
  }

  async update(workspaceId: string, id: string, input: UpdateWebhookDto): Promise<WebhookDto> {
    await this.endpoint(workspaceId, id);
    if (input.url !== undefined) await this.assertUrl(input.url);
    await this.endpoints.update(workspaceId, id, { ...input, events: input.events && normaliseEvents(input.events) });
    if (input.enabled) this.jobs.wake(WEBHOOK_DISPATCH_JOB);
    return this.get(workspaceId, id);
  }

  async remove(workspaceId: string, id: string): Promise<void> {
    if (!(await this.endpoints.remove(workspaceId, id))) throw notFound('Webhook endpoint');
  }

  async secret(workspaceId: string, id: string): Promise<{ secret: string }> {
    return { secret: (await this.endpoint(workspaceId, id)).secret };
  }

  /** New secret at once; deliveries already queued are signed with it when they are sent. */
  async rotateSecret(workspaceId: string, id: string): Promise<{ secret: string }> {
    await this.endpoint(workspaceId, id);
    const secret = newWebhookSecret();
    await this.endpoints.update(workspaceId, id, { secret });
    return { secret };
  }

  /** Queues a `ping` event to this endpoint only, to check the receiver and its signature check. */
  async sendTest(workspaceId: string, id: string): Promise<DeliveryDto> {
    await this.endpoint(workspaceId, id);
    const envelope: WebhookEnvelope = {
      id: randomUUID(),
      type: 'ping',
      createdAt: new Date().toISOString(),
      workspaceId,
      data: { message: 'Test event from Otklik. Verify the webhook-signature header with your endpoint secret.' },
    };
    const row = await this.deliveries.enqueueTo(id, envelope);
    this.jobs.wake(WEBHOOK_DISPATCH_JOB);
    return deliveryDto(row);
  }

  async deliveriesPage(workspaceId: string, endpointId: string, query: ListDeliveriesQuery): Promise<DeliveryPageDto> {
    await this.endpoint(workspaceId, endpointId);
    const limit = query.limit ?? 25;
    const before = query.cursor ? decodeKeysetCursor(query.cursor) : undefined;
    const rows = await this.deliveries.list(workspaceId, endpointId, {
      status: query.status,
      limit: limit + 1,
      before: before && { createdAt: before.at, id: before.id },
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(deliveryDto),
      nextCursor: rows.length > limit && last ? encodeKeysetCursor({ at: last.createdAt, id: last.id }) : null,
    };
  }

  async delivery(workspaceId: string, endpointId: string, deliveryId: string): Promise<DeliveryDetailDto> {
    const row = await this.deliveries.find(workspaceId, endpointId, deliveryId);
    if (!row) throw notFound('Delivery');
    const attempts = await this.deliveries.attempts(workspaceId, deliveryId);
    return {
      ...deliveryDto(row),
      payload: row.payload as unknown as Record<string, unknown>,
      attemptLog: attempts.map((a) => ({ ...a, attemptedAt: a.attemptedAt.toISOString() })),
    };
  }

  /** Sends the same event again (same webhook-id, so receivers can still de-duplicate) as a new delivery. */
  async replay(workspaceId: string, endpointId: string, deliveryId: string): Promise<DeliveryDto> {
    const original = await this.deliveries.find(workspaceId, endpointId, deliveryId);
    if (!original) throw notFound('Delivery');
    const row = await this.deliveries.enqueueTo(endpointId, original.payload, original.id);
    this.jobs.wake(WEBHOOK_DISPATCH_JOB);
    return deliveryDto(row);
  }

  private async endpoint(workspaceId: string, id: string): Promise<EndpointRow> {
    const row = await this.endpoints.find(workspaceId, id);
    if (!row) throw notFound('Webhook endpoint');
    return row;
  }

  private async assertUrl(url: string): Promise<void> {
    const problem = await webhookUrlProblem(url, this.guard);
    if (problem) throw validationError([{ field: 'url', message: problem }]);
  }

  private toDto(row: EndpointRow, stats?: EndpointStats): WebhookDto {
    return {
      id: row.id,
      url: row.url,
      description: row.description,
      events: row.events,
      enabled: row.enabled,
      pending: stats?.pending ?? 0,
      failed: stats?.failed ?? 0,
      lastDeliveryAt: iso(stats?.lastDeliveryAt ?? null),
      lastStatus: stats?.lastStatus ?? null,
      createdAt: row.createdAt.toISOString(),
    };
  }
}

/** "*" alone when present; otherwise the distinct types in catalogue order. */
function normaliseEvents(events: string[]): string[] {
  if (events.includes('*')) return ['*'];
  return WEBHOOK_EVENT_TYPES.filter((t) => events.includes(t));
}
