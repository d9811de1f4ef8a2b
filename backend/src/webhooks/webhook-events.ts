import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { WebhookEnvelope, WebhookEventType } from './event-types';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookDispatcher } from './webhook-dispatcher';

/**
 * What other modules call to announce an event. Pass the transaction's EntityManager so the event is
 * queued atomically with the change it reports (nothing announced that did not happen, nothing lost).
 */
@Injectable()
export class WebhookEvents {
  constructor(
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly dispatcher: WebhookDispatcher,
  ) {}

  async publish<T>(workspaceId: string, type: WebhookEventType, data: T, manager?: EntityManager): Promise<WebhookEnvelope<T>> {
    const envelope: WebhookEnvelope<T> = { id: randomUUID(), type, createdAt: new Date().toISOString(), workspaceId, data };
    const queued = await this.deliveries.enqueue(envelope, manager);
    // Outside a transaction the rows are visible now; inside one they will be soon after commit.
    if (queued > 0) this.dispatcher.wake(manager ? 50 : 0);
    return envelope;
  }

  /** One event per item, all of one type and workspace, queued in one statement (nothing built when nobody listens). */
  async publishMany<T>(workspaceId: string, type: WebhookEventType, items: T[], manager?: EntityManager): Promise<number> {
    if (items.length === 0 || !(await this.deliveries.hasSubscribers(workspaceId, type, manager))) return 0;
    const createdAt = new Date().toISOString();
    const envelopes = items.map((data): WebhookEnvelope<T> => ({ id: randomUUID(), type, createdAt, workspaceId, data }));
    const queued = await this.deliveries.enqueueMany(workspaceId, envelopes, manager);
    if (queued > 0) this.dispatcher.wake(manager ? 50 : 0);
    return queued;
  }
}
