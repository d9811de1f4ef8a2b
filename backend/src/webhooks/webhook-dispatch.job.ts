import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AddressGuard } from './address-guard';
import { retryDelayMs } from './retry-schedule';
import { type ClaimedDelivery, WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { type SendResult, sendWebhook } from './webhook-sender';
import { webhookHeaders } from './webhook-signature';

/** Deliveries sent at once by one process; one hanging receiver takes one slot until its timeout. */
const CONCURRENCY = 8;

/**
 * Sends queued deliveries. The queue is the webhook_deliveries table itself (see the repository's
 * claim), so any number of processes can run this and a restart loses nothing. Deliberately not a
 * generic job queue: ordering per endpoint with retries in between is the one rule that matters here.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  private readonly guard: AddressGuard;
  private readonly inFlight = new Map<string, Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private ticking: Promise<void> | null = null;
  private tickAgain = false;

  constructor(
    private readonly deliveries: WebhookDeliveriesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.guard = new AddressGuard(config.webhookAllowedNetworks);
  }

  onApplicationBootstrap(): void {
    if (!this.config.backgroundJobs) return;
    this.running = true;
    this.wake(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    // A claim already under way finishes (its deliveries are not started) before the pool closes.
    await this.ticking;
    // Let sends in progress settle (bounded by their timeout); unsettled ones are re-sent after their lease.
    await Promise.allSettled([...this.inFlight.values()]);
  }

  /** Look for work soon (after `delayMs`), instead of at the next poll. */
  wake(delayMs = 0): void {
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delayMs);
  }

  private async tick(): Promise<void> {
    this.timer = null;
    if (!this.running) return;
    if (this.ticking) {
      this.tickAgain = true;
      return;
    }
    let finish = () => undefined as void;
    this.ticking = new Promise<void>((resolve) => (finish = resolve));
    try {
      const free = CONCURRENCY - this.inFlight.size;
      if (free > 0) {
        const leaseMs = this.config.webhookTimeoutMs + 30_000;
        const claimed = await this.deliveries.claim(free, leaseMs, [...this.inFlight.keys()]);
        // Claimed during shutdown: left to their lease, sent again by the next process.
        if (this.running) for (const delivery of claimed) this.start(delivery);
      }
    } catch (error) {
      // Database away (restart, failover): keep polling; the next tick retries.
      if (this.running) this.logger.warn(`could not claim deliveries: ${(error as Error).message}`);
    } finally {
      this.ticking = null;
      finish();
      if (this.running && !this.timer) this.timer = setTimeout(() => void this.tick(), this.tickAgain ? 0 : this.config.webhookPollMs);
      this.tickAgain = false;
    }
  }

  private start(delivery: ClaimedDelivery): void {
    const work = this.deliver(delivery).finally(() => {
      this.inFlight.delete(delivery.endpointId);
      this.wake(0);
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
      outcome = { ok: false, statusCode: null, durationMs: 0, error: `internal error: ${(error as Error).message}`.slice(0, 500), responseExcerpt: null };
    }
    const final = !outcome.ok && delivery.attempts >= this.config.webhookMaxAttempts;
    if (!outcome.ok) {
      this.logger.warn(`delivery ${delivery.id} attempt ${delivery.attempts} to ${delivery.url} failed: ${outcome.error}${final ? ' (giving up)' : ''}`);
    }
    try {
      await this.deliveries.settle(delivery, outcome, final, retryDelayMs(delivery.attempts, this.config.webhookRetryBaseMs));
    } catch (error) {
      // The lease runs out and the delivery is sent again: at least once, never silently dropped.
      this.logger.warn(`could not record delivery ${delivery.id}: ${(error as Error).message}`);
    }
  }
}
