import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from '../common/jobs/job';
import { JobRunner } from '../common/jobs/job-runner';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AddressGuard } from './address-guard';
import { retryDelayMs } from './retry-schedule';
import { type ClaimedDelivery, WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { type SendResult, sendWebhook } from './webhook-sender';
import { webhookHeaders } from './webhook-signature';

export const WEBHOOK_DISPATCH_JOB = 'webhook-dispatch';

/** Deliveries sent at once by one process; one hanging receiver takes one slot until its timeout. */
const CONCURRENCY = 8;

/**
 * Sends queued deliveries: every OTKLIK_WEBHOOK_POLL_MS, and at once when woken (an event was queued and committed,
 * a send finished, an endpoint was switched on). The queue is the webhook_deliveries table itself (see the
 * repository's claim), so every replica runs this without a job lease and a restart loses nothing. A turn only
 * claims and starts sends; the sends run on (up to CONCURRENCY, one per endpoint) and are settled at shutdown.
 * Deliberately not a generic job queue: ordering per endpoint with retries in between is the one rule that matters.
 */
@Injectable()
export class WebhookDispatchJob implements Job, OnApplicationBootstrap {
  readonly name = WEBHOOK_DISPATCH_JOB;
  readonly runAtStart = true;
  readonly intervalMs: number;
  /** After a database outage, deliveries resume within seconds (wake-ups also cut the pause short). */
  readonly maxBackoffMs: number;
  private readonly logger = new Logger('Webhooks');
  private readonly guard: AddressGuard;
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly jobs: JobRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.guard = new AddressGuard(config.webhookAllowedNetworks);
    this.intervalMs = config.webhookPollMs;
    this.maxBackoffMs = Math.max(config.webhookPollMs, 10_000);
  }

  onApplicationBootstrap(): void {
    this.jobs.schedule(this);
  }

  async turn(signal: AbortSignal): Promise<void> {
    const free = CONCURRENCY - this.inFlight.size;
    if (free <= 0) return;
    const leaseMs = this.config.webhookTimeoutMs + 30_000;
    const claimed = await this.deliveries.claim(free, leaseMs, [...this.inFlight.keys()]);
    // Claimed during shutdown: left to their lease, sent again by the next process.
    if (!signal.aborted) for (const delivery of claimed) this.start(delivery);
  }

  /** Sends in progress settle (bounded by their timeout); unsettled ones are re-sent after their lease. */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.inFlight.values()]);
  }

  private start(delivery: ClaimedDelivery): void {
    const work = this.deliver(delivery).finally(() => {
      this.inFlight.delete(delivery.endpointId);
      this.jobs.wake(WEBHOOK_DISPATCH_JOB);
    });
    this.inFlight.set(delivery.endpointId, work);
  }

  private async deliver(delivery: ClaimedDelivery): Promise<void> {
    let outcome: SendResult;
    try {
      const body = JSON.stringify(delivery.payload);
      const headers = webhookHeaders(delivery.secret, delivery.eventId, body);
      outcome = await sendWebhook(delivery.url, body, { ...headers }, { guard: this.guard, timeoutMs: this.config.webhookTimeoutMs });
    } catch (error) {
      // A bug here must cost one attempt, not spin: record it like any failed attempt.
      outcome = {
        ok: false,
        statusCode: null,
        durationMs: 0,
        error: `internal error: ${(error as Error).message}`.slice(0, 500),
        responseExcerpt: null,
      };
    }
    const final = !outcome.ok && delivery.attempts >= this.config.webhookMaxAttempts;
    if (!outcome.ok) {
      this.logger.warn(
        `delivery ${delivery.id} attempt ${delivery.attempts} to ${delivery.url} failed: ${outcome.error}${final ? ' (giving up)' : ''}`,
      );
    }
    try {
      await this.deliveries.settle(delivery, outcome, final, retryDelayMs(delivery.attempts, this.config.webhookRetryBaseMs));
    } catch (error) {
      // The lease runs out and the delivery is sent again: at least once, never silently dropped.
      this.logger.warn(`could not record delivery ${delivery.id}: ${(error as Error).message}`);
    }
  }
}
