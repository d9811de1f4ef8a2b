import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { ApiError } from '../common/http/api-error';
import { afterCommit } from '../common/jobs/after-commit';
import { JobRunner } from '../common/jobs/job-runner';
import { EmailSuppressionsRepository } from './email-suppressions.repository';
import {
  MESSAGE_CHANNELS,
  MESSAGE_PURPOSES,
  type MessageChannel,
  type MessageStatus,
  type OutboundMessageInput,
  type QueuedMessage,
} from './message-types';
import { maskInvitationTokens } from './mask-links';
import { type MessageView, toMessageView } from './message-view';
import { MessagesRepository } from './messages.repository';
import { MESSAGING_DISPATCH_JOB } from './messaging-dispatch.names';
import { addressOf, MessagingSettingsService } from './messaging-settings.service';

/** An inbound message as the inbound endpoints store it (before the handlers look at it). */
export interface InboundRow {
  workspaceId: string;
  channel: MessageChannel;
  from: string;
  subject: string | null;
  text: string;
  /** The sender's Message-ID (email), if any. */
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  customerExternalId: string | null;
  caseId: string | null;
}

const TEXT_LIMIT = 100_000;

/**
 * The messaging core other modules call: queue a message in their own transaction (sent by the dispatch job after the
 * commit), read a case's thread or an invitation's delivery states, store inbound messages and mark bounced addresses.
 */
@Injectable()
export class MessagingService {
  constructor(
    private readonly messages: MessagesRepository,
    private readonly suppressions: EmailSuppressionsRepository,
    private readonly settings: MessagingSettingsService,
    private readonly jobs: JobRunner,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Queues a message inside the caller's transaction; the dispatch job is woken once it commits. */
  async enqueue(input: OutboundMessageInput, manager?: EntityManager): Promise<QueuedMessage> {
    checkInput(input);
    const settings = await this.settings.settingsOf(input.workspaceId);
    const fromAddress = settings.fromAddress ?? addressOf(this.settings.instanceFrom());
    const messageId = `<${randomUUID()}@${domainOf(fromAddress)}>`;
    const inReplyTo = input.inReplyTo?.trim() || null;
    const parentReferences = inReplyTo ? await this.messages.referencesOf(input.workspaceId, inReplyTo, manager) : null;
    // References: the parent's chain, then the parent (RFC 5322 §3.6.4), bounded so a long thread stays a header.
    const references = inReplyTo ? [...(parentReferences ?? []), inReplyTo].slice(-20) : [];
    // A public answer is a record of what was posted where: nothing to send.
    const status: MessageStatus = input.channel === 'public' ? 'sent' : 'queued';
    const id = await this.messages.insert(
      {
        workspaceId: input.workspaceId,
        direction: 'outbound',
        channel: input.channel,
        purpose: input.purpose,
        status,
        toAddress: input.to.trim(),
        fromAddress: input.channel === 'email' ? fromAddress : null,
        customerExternalId: input.customerExternalId ?? null,
        language: input.language,
        subject: input.subject ?? null,
        textBody: input.text,
        blocks: (input.blocks ?? null) as never,
        caseId: input.caseId ?? null,
        invitationRecipientId: input.invitationRecipientId ?? null,
        messageId,
        inReplyTo,
        references,
        unsubscribeUrl: input.unsubscribeUrl ?? null,
        sendAfter: input.sendAfter ?? null,
        nextAttemptAt: input.sendAfter ?? new Date(),
        sentAt: status === 'sent' ? new Date() : null,
        createdBy: input.createdBy ?? null,
      },
      manager,
    );
    if (status === 'queued') afterCommit(manager, () => this.jobs.wake(MESSAGING_DISPATCH_JOB));
    return { id, messageId, status };
  }

  /** Both directions, oldest first: the case's thread, as shown (invitation tokens in links masked). */
  async listForCase(workspaceId: string, caseId: string): Promise<MessageView[]> {
    return (await this.messages.forCase(workspaceId, caseId)).map((row) => {
      const view = toMessageView(row);
      return { ...view, text: maskInvitationTokens(view.text), unsubscribeUrl: maskInvitationTokens(view.unsubscribeUrl) };
    });
  }

  /** Each recipient's messages (invitation, reminder), oldest first. */
  async statusesForInvitationRecipients(
    workspaceId: string,
    recipientIds: string[],
  ): Promise<Map<string, { status: MessageStatus; sentAt: Date | null }[]>> {
    const result = new Map<string, { status: MessageStatus; sentAt: Date | null }[]>();
    for (const row of await this.messages.forInvitationRecipients(workspaceId, recipientIds)) {
      const list = result.get(row.invitationRecipientId!) ?? [];
      list.push({ status: row.status, sentAt: row.sentAt });
      result.set(row.invitationRecipientId!, list);
    }
    return result;
  }

  /** A bounced or complained address: the dispatch does not email it. */
  async isSuppressed(workspaceId: string, address: string): Promise<boolean> {
    return (await this.suppressions.find(workspaceId, addressOf(address))) !== null;
  }

  /** A permanent refusal (SMTP 5xx, a bounce report): suppresses the address and marks the message bounced. */
  async markBounced(workspaceId: string, address: string, detail: string, messageId?: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.suppressions.add(workspaceId, addressOf(address), 'bounced', detail, messageId ?? null, manager);
      if (messageId) await this.bounceMessage(workspaceId, messageId, detail, manager);
    });
  }

  /** Marks one of our messages bounced (a later bounce report of a sent or delivered message too). */
  async bounceMessage(workspaceId: string, id: string, detail: string, manager?: EntityManager): Promise<void> {
    const row = await this.messages.find(workspaceId, id, manager);
    if (!row || row.direction !== 'outbound' || row.status === 'bounced') return;
    await this.messages.settle(row, { status: 'bounced', bouncedAt: () => 'now()', lastError: detail.slice(0, 1000) }, manager);
  }

  /**
   * History told from elsewhere (the demo story): a queued gateway message was sent and the gateway confirmed it.
   * Forward only, like a delivery report.
   */
  async recordGatewayDelivery(workspaceId: string, id: string, sentAt: Date, deliveredAt: Date): Promise<void> {
    await this.messages.transition(workspaceId, id, ['queued', 'sent'], {
      status: 'delivered',
      sentAt,
      deliveredAt,
      attempts: 1,
      lastError: null,
    });
  }

  /** Stores an inbound message (status received); returns its id. */
  async recordInbound(row: InboundRow, manager?: EntityManager): Promise<string> {
    return this.messages.insert(
      {
        workspaceId: row.workspaceId,
        direction: 'inbound',
        channel: row.channel,
        purpose: 'service',
        status: 'received',
        fromAddress: row.from.slice(0, 500),
        customerExternalId: row.customerExternalId,
        subject: row.subject?.slice(0, 998) ?? null,
        textBody: row.text.slice(0, TEXT_LIMIT),
        messageId: row.messageId?.slice(0, 998) ?? null,
        inReplyTo: row.inReplyTo?.slice(0, 998) ?? null,
        references: row.references.slice(-20).map((reference) => reference.slice(0, 998)),
        caseId: row.caseId,
      },
      manager,
    );
  }

  /** The case an inbound message landed on (claimed by a handler after it was stored). */
  setInboundCase(workspaceId: string, id: string, caseId: string): Promise<void> {
    return this.messages.setCase(workspaceId, id, caseId);
  }

  /** One of our outbound messages by its id (a gateway's inbound message names the one it answers). */
  async outboundById(workspaceId: string, id: string): Promise<MessageView | null> {
    const row = await this.messages.find(workspaceId, id);
    return row && row.direction === 'outbound' ? toMessageView(row) : null;
  }

  /** The outbound message one of these Message-IDs names (In-Reply-To first, then References): threads an inbound reply. */
  async outboundByMessageIds(workspaceId: string, messageIds: string[]): Promise<MessageView | null> {
    const row = await this.messages.outboundByMessageIds(workspaceId, messageIds);
    return row && toMessageView(row);
  }
}

function checkInput(input: OutboundMessageInput): void {
  // A programming error, not a caller's: marketing email must offer a way out (footer link, List-Unsubscribe).
  if (input.channel === 'email' && input.purpose === 'marketing' && !input.unsubscribeUrl?.trim())
    throw new Error('Marketing email needs an unsubscribeUrl');
  const problems: string[] = [];
  if (!(MESSAGE_CHANNELS as readonly string[]).includes(input.channel)) problems.push(`unknown channel ${input.channel}`);
  if (!(MESSAGE_PURPOSES as readonly string[]).includes(input.purpose)) problems.push(`unknown purpose ${input.purpose}`);
  if (!input.to?.trim() || input.to.length > 2048 || /[\r\n]/.test(input.to)) problems.push('to must be one address on one line');
  if (input.subject && (/[\r\n]/.test(input.subject) || input.subject.length > 998)) problems.push('subject must be one line');
  if (!input.text?.trim() || input.text.length > TEXT_LIMIT) problems.push(`text must have 1–${TEXT_LIMIT} characters`);
  if (input.inReplyTo && /[\r\n]/.test(input.inReplyTo)) problems.push('inReplyTo must be one line');
  if (problems.length > 0) throw new ApiError(HttpStatus.BAD_REQUEST, 'invalid_message', problems.join('; '));
}

/** The domain of an address, for our Message-IDs. */
export function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  const domain = at >= 0 ? address.slice(at + 1).replace(/[^A-Za-z0-9.-]/g, '') : '';
  return domain || 'otklik.local';
}
