import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { afterCommit } from '../common/jobs/after-commit';
import { JobRunner } from '../common/jobs/job-runner';
import type { WebhookEnvelope, WebhookEventType } from './event-types';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';
import { WEBHOOK_DISPATCH_JOB } from './webhook-dispatch.job';

/**
 * What other modules call to announce an event. Pass the transaction's EntityManager so the event is
 * queued atomically with the change it reports (nothing announced that did not happen, nothing lost).
 */
@Injectable()
export class WebhookEvents {
  constructor(
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly jobs: JobRunner,
  ) {}

  async publish<T>(workspaceId: string, type: WebhookEventType, data: T, manager?: EntityManager): Promise<WebhookEnvelope<T>> {
    const envelope: WebhookEnvelope<T> = { id: randomUUID(), type, createdAt: new Date().toISOString(), workspaceId, data };
    const queued = await this.deliveries.enqueue(envelope, manager);
    if (queued > 0) this.wakeDispatcher(manager);
    return envelope;
  }

  /** One event per item, all of one type and workspace, queued in one statement (nothing built when nobody listens). */
  async publishMany<T>(workspaceId: string, type: WebhookEventType, items: T[], manager?: EntityManager): Promise<number> {
    if (items.length === 0 || !(await this.deliveries.hasSubscribers(workspaceId, type, manager))) return 0;
    const createdAt = new Date().toISOString();
    const envelopes = items.map((data): WebhookEnvelope<T> => ({ id: randomUUID(), type, createdAt, workspaceId, data }));
    const queued = await this.deliveries.enqueueMany(workspaceId, envelopes, manager);
    if (queued > 0) this.wakeDispatcher(manager);
    return queued;
  }

  /** Whether an enabled endpoint of the workspace listens for this event type (lets a hot path skip building the event). */
  hasSubscribers(workspaceId: string, type: WebhookEventType, manager?: EntityManager): Promise<boolean> {
    return this.deliveries.hasSubscribers(workspaceId, type, manager);
  }

  /** Workspaces with an enabled endpoint listening for this event type (jobs that scan only where someone listens). */
  workspacesListeningTo(type: WebhookEventType): Promise<string[]> {
    return this.endpoints.workspacesListeningTo(type);
  }

  /** The dispatcher sends at once: outside a transaction now, inside one once it commits (not if it rolls back). */
  private wakeDispatcher(manager?: EntityManager): void {
    afterCommit(manager, () => this.jobs.wake(WEBHOOK_DISPATCH_JOB));
  }
}
