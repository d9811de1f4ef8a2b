import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CONTACT_GATE, type ContactGate, type ContactRefusal } from '../common/contact/contact-gate.port';
import type { Job } from '../common/jobs/job';
import { JobRunner } from '../common/jobs/job-runner';
import { optionalProvider } from '../common/nest/optional-provider';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { retryDelayMs } from '../webhooks/retry-schedule';
import { WebhookEvents } from '../webhooks/webhook-events';
import { composeEmail } from './email/compose-email';
import { EmailTransport } from './email/email-transport';
import { EmailSuppressionsRepository } from './email-suppressions.repository';
import type { MessageEntity } from './message.entity';
import { type ClaimedMessage, MessagesRepository } from './messages.repository';
import { MESSAGING_DISPATCH_JOB } from './messaging-dispatch.names';
import { MessagingSettingsService } from './messaging-settings.service';

/** Messages claimed per turn; a full batch wakes the job again at once. Few, so a slow batch stays inside its lease. */
const BATCH = 5;
/**
 * A claimed message is due again after this if the process dies mid-send (longer than the SMTP timeouts); each
 * message's lease is renewed right before it is sent, so one slow send never lets another replica send the next twice.
 */
const LEASE_MS = 2 * 60_000;
/** A survey or marketing message the contact policy has held this long is cancelled. */
const HOLD_LIMIT_MS = 30 * 24 * 3600_000;

/** What the workspace's gateway receives to send an SMS, Telegram or WhatsApp message (webhook `message.requested`). */
export interface MessageRequested {
  /** The message's id: report delivery to POST …/messages/{messageId}/delivery. */
  messageId: string;
  channel: string;
  to: string;
  text: string;
  language: string;
  customerExternalId: string | null;
  caseId: string | null;
}

/**
 * Sends due messages: emails over SMTP_URL (left queued without it: the outbox), gateway channels by the signed
 * `message.requested` webhook. Survey and marketing messages ask the contact policy first and are held while it
 * refuses. The queue is the messages table (claimed FOR UPDATE SKIP LOCKED), so replicas share it and a restart loses
 * nothing; woken after a message is queued and committed, otherwise every OTKLIK_MESSAGE_POLL_MS.
 */
@Injectable()
export class MessagingDispatchJob implements Job, OnApplicationBootstrap {
  readonly name = MESSAGING_DISPATCH_JOB;
  readonly runAtStart = true;
  readonly intervalMs: number;
  readonly maxBackoffMs: number;
  /** A held message is asked about again after this. */
  private readonly holdRecheckMs: number;
  private readonly logger = new Logger('Messaging');
  private gate: ContactGate | null | undefined;

  constructor(
    private readonly messages: MessagesRepository,
    private readonly suppressions: EmailSuppressionsRepository,
    private readonly settings: MessagingSettingsService,
    private readonly transport: EmailTransport,
    private readonly webhooks: WebhookEvents,
    private readonly jobs: JobRunner,
    private readonly moduleRef: ModuleRef,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.intervalMs = config.messagePollMs;
    this.maxBackoffMs = Math.max(config.messagePollMs, 10_000);
    this.holdRecheckMs = Math.max(config.messagePollMs * 60, 1_000);
  }

  onApplicationBootstrap(): void {
    this.jobs.schedule(this);
  }

  async turn(signal: AbortSignal): Promise<void> {
    const claimed = await this.messages.claim(BATCH, LEASE_MS, this.transport.configured);
    for (const message of claimed) {
      // Claimed during shutdown: left to their lease, sent by the next process.
      if (signal.aborted) return;
      await this.dispatch(message);
    }
    if (claimed.length === BATCH) this.jobs.wake(MESSAGING_DISPATCH_JOB);
  }

  private async dispatch(message: ClaimedMessage): Promise<void> {
    try {
      const refusals = await this.refusals(message);
      if (refusals.length > 0) {
        // A hold is not a send attempt: give back the one the claim counted.
        const attempts = message.status === 'queued' ? { attempts: message.attempts - 1 } : {};
        const cancelled = this.holdEnds(message, refusals);
        if (cancelled) {
          await this.messages.settle(message, { status: 'cancelled', holdReasons: refusals as never, lastError: cancelled, ...attempts });
          return;
        }
        await this.messages.retryLater(message, 'held', this.holdRecheckMs, {
          holdReasons: refusals as never,
          heldAt: () => 'coalesce(held_at, now())',
          ...attempts,
        });
        return;
      }
      // Another replica took it (this batch outlived the lease): it sends it, not us.
      if (!(await this.messages.renewLease(message, LEASE_MS))) return;
      if (message.channel === 'email') await this.sendEmail(message);
      else if (message.channel === 'public') await this.messages.settle(message, { status: 'sent', sentAt: () => 'now()' });
      else await this.requestFromGateway(message);
    } catch (error) {
      // A bug or a database hiccup costs one attempt, not a spin: the message is retried with backoff.
      this.logger.warn(`message ${message.id}: ${(error as Error).message}`);
      await this.retryOrFail(message, `internal error: ${(error as Error).message}`).catch(() => undefined);
    }
  }

  /**
   * Why a held message is cancelled instead of asked about again: the customer withdrew consent (that does not pass),
   * or it has been held for over 30 days (a survey or offer that late is no longer wanted). Null: keep holding.
   */
  private holdEnds(message: MessageEntity, refusals: ContactRefusal[]): string | null {
    if (refusals.some((refusal) => refusal.code === 'consent_withdrawn'))
      return 'cancelled: the customer withdrew consent to these messages';
    if (message.heldAt && Date.now() - message.heldAt.getTime() > HOLD_LIMIT_MS)
      return 'cancelled: held too long (over 30 days) by the contact policy';
    return null;
  }

  /** Why the contact policy refuses a survey or marketing message now (service messages always go). */
  private async refusals(message: MessageEntity): Promise<ContactRefusal[]> {
    if (message.purpose === 'service' || !message.customerExternalId) return [];
    if (this.gate === undefined) this.gate = optionalProvider<ContactGate>(this.moduleRef, CONTACT_GATE);
    if (!this.gate) return [];
    const decision = await this.gate.check(message.workspaceId, message.customerExternalId, message.purpose);
    if (decision.allowed) return [];
    // An invitation's recipients were chosen under the frequency cap (and the contact recorded) by the send itself.
    return message.invitationRecipientId ? decision.reasons.filter((reason) => reason.code !== 'contacted_recently') : decision.reasons;
  }

  private async sendEmail(message: MessageEntity): Promise<void> {
    const suppressed = await this.suppressions.find(message.workspaceId, message.toAddress ?? '');
    if (suppressed) {
      const since = suppressed.createdAt.toISOString().slice(0, 10);
      await this.messages.settle(message, {
        status: 'bounced',
        bouncedAt: () => 'now()',
        holdReasons: null,
        lastError:
          `not sent: ${suppressed.address} is suppressed since ${since} (${suppressed.reason}: ${suppressed.detail ?? 'no detail'})`.slice(
            0,
            1000,
          ),
      });
      return;
    }
    const sender = await this.settings.senderOf(message.workspaceId);
    const outcome = await this.transport.send(composeEmail(message, sender));
    if (outcome.kind === 'sent') {
      await this.messages.settle(message, { status: 'sent', sentAt: () => 'now()', lastError: null, holdReasons: null });
    } else if (outcome.kind === 'bounced') {
      await this.dataSource.transaction(async (manager) => {
        if (await this.messages.settle(message, { status: 'bounced', bouncedAt: () => 'now()', lastError: outcome.detail }, manager))
          await this.suppressions.add(message.workspaceId, message.toAddress ?? '', 'bounced', outcome.detail, message.id, manager);
      });
    } else {
      await this.retryOrFail(message, outcome.detail);
    }
  }

  /**
   * The gateway is told in the same transaction that marks the message sent: told once, never for nothing. With no
   * endpoint listening for message.requested the message waits (like email without SMTP_URL), re-checked now and then.
   */
  private async requestFromGateway(message: MessageEntity): Promise<void> {
    if (!(await this.webhooks.hasSubscribers(message.workspaceId, 'message.requested'))) {
      await this.messages.retryLater(message, 'queued', this.holdRecheckMs, {
        attempts: message.attempts - (message.status === 'queued' ? 1 : 0),
        lastError: `waiting for a gateway: no webhook endpoint of the workspace listens for message.requested`,
      });
      return;
    }
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.messages.settle(message, { status: 'sent', sentAt: () => 'now()', lastError: null, holdReasons: null }, manager)))
        return;
      const data: MessageRequested = {
        messageId: message.id,
        channel: message.channel,
        to: message.toAddress ?? '',
        text: message.textBody,
        language: message.language,
        customerExternalId: message.customerExternalId,
        caseId: message.caseId,
      };
      await this.webhooks.publish(message.workspaceId, 'message.requested', data, manager);
    });
  }

  private async retryOrFail(message: MessageEntity, detail: string): Promise<void> {
    if (message.attempts >= this.config.messageMaxAttempts) {
      this.logger.warn(`message ${message.id} failed after ${message.attempts} attempts: ${detail}`);
      await this.messages.settle(message, { status: 'failed', failedAt: () => 'now()', lastError: detail.slice(0, 1000) });
      return;
    }
    const delay = retryDelayMs(message.attempts, this.config.messageRetryBaseMs);
    await this.messages.retryLater(message, 'queued', delay, { lastError: detail.slice(0, 1000) });
  }
}
