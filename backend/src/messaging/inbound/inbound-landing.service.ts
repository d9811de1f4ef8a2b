import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CustomersReader } from '../../customers/customers.reader';
import { InboundMessageHandlers } from '../inbound-message-handlers';
import type { MessageView } from '../message-view';
import type { MessageChannel } from '../message-types';
import { MessagingService } from '../messaging.service';
import type { InboundResultDto } from './inbound.dto';

export interface ArrivedMessage {
  workspaceId: string;
  channel: MessageChannel;
  from: string;
  subject: string | null;
  text: string;
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  /** Message-IDs it answers, In-Reply-To first (email threading). */
  replyTo: string[];
  /** The outbound message it answers, when the sender named it directly (a gateway's inReplyTo). */
  answers: MessageView | null;
  /** The customer the sender says they are (a gateway's customerExternalId), checked to exist. */
  customerExternalId: string | null;
  receivedAt: Date;
  /** An autoresponder's answer: stored, never landed on a case (it would resume one the customer did not answer). */
  autoReply?: boolean;
  /**
   * The sender's address is proven (an email's From authenticated by the provider: DKIM, DMARC or SPF pass; a gateway's
   * messages come with the workspace's token). Unproven, a mail lands only by its thread (our unguessable Message-IDs),
   * never by the address it claims: anyone can write any From. Default true.
   */
  senderVerified?: boolean;
  /** Kept in the inbox and never matched (a delivery report naming no message of ours, a From that is no one address). */
  noMatch?: boolean;
}

/**
 * Stores an inbound message and lands it: the thread (one of our Message-IDs → its case), else the sender's
 * customer (their address or the id the gateway gave). The handlers (cases) decide which case takes it; a message no
 * handler claims stays in the inbox, unmatched.
 */
@Injectable()
export class InboundLandingService {
  constructor(
    private readonly messaging: MessagingService,
    private readonly handlers: InboundMessageHandlers,
    private readonly customers: CustomersReader,
  ) {}

  /** The customer behind a sender: the id given, the answered message's customer, else their email or phone. */
  private async customerOf(message: ArrivedMessage, answers: MessageView | null): Promise<string | null> {
    if (message.noMatch) return null;
    if (message.senderVerified === false) return answers?.customerExternalId ?? null;
    if (message.customerExternalId && (await this.customers.exists(message.workspaceId, message.customerExternalId)))
      return message.customerExternalId;
    if (answers?.customerExternalId) return answers.customerExternalId;
    if (message.channel === 'email') return this.customers.externalIdByAddress(message.workspaceId, { email: message.from });
    if (message.channel === 'sms' || message.channel === 'whatsapp')
      return this.customers.externalIdByAddress(message.workspaceId, { phone: message.from });
    return null;
  }

  /**
   * Matches, stores (inside `store`'s transaction, where the caller also claims its replay nonce) and hands the
   * message to the handlers after the commit.
   */
  async land(
    message: ArrivedMessage,
    store: (work: (manager: EntityManager) => Promise<string>) => Promise<string>,
  ): Promise<InboundResultDto> {
    const answers = message.noMatch
      ? null
      : (message.answers ??
        (message.replyTo.length > 0 ? await this.messaging.outboundByMessageIds(message.workspaceId, message.replyTo) : null));
    const senderVerified = message.senderVerified !== false;
    const customerExternalId = await this.customerOf(message, answers);
    const id = await store((manager) =>
      this.messaging.recordInbound(
        {
          workspaceId: message.workspaceId,
          channel: message.channel,
          from: message.from,
          subject: message.subject,
          text: message.text,
          messageId: message.messageId,
          inReplyTo: message.inReplyTo,
          references: message.references,
          customerExternalId,
          caseId: null,
        },
        manager,
      ),
    );
    if (message.noMatch) return { id, outcome: 'unmatched', caseId: null, matchedBy: null, customerExternalId, senderVerified };
    if (message.autoReply) return { id, outcome: 'auto_reply', caseId: null, matchedBy: null, customerExternalId, senderVerified };
    // Unverified and not in one of our threads: nothing to land it on (customerOf gave no customer either).
    if (!senderVerified && !answers?.caseId)
      return { id, outcome: 'unmatched', caseId: null, matchedBy: null, customerExternalId, senderVerified };
    const claimed = await this.handlers.dispatch({
      workspaceId: message.workspaceId,
      id,
      channel: message.channel,
      from: message.from,
      subject: message.subject,
      text: message.text,
      replyTo: message.replyTo,
      answersMessageId: answers?.id ?? null,
      answersCaseId: answers?.caseId ?? null,
      customerExternalId,
      receivedAt: message.receivedAt,
    });
    if (claimed) await this.messaging.setInboundCase(message.workspaceId, id, claimed.caseId);
    return {
      id,
      outcome: claimed ? 'matched' : 'unmatched',
      caseId: claimed?.caseId ?? null,
      matchedBy: claimed ? (answers?.caseId === claimed.caseId ? 'thread' : 'customer') : null,
      customerExternalId,
      senderVerified,
    };
  }
}
