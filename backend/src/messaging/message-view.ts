import type { ContactRefusal } from '../common/contact/contact-gate.port';
import type { MessageEntity } from './message.entity';
import type { MessageChannel, MessageDirection, MessagePurpose, MessageStatus } from './message-types';

/** A message as the case thread, the outbox and other modules see it. */
export interface MessageView {
  id: string;
  direction: MessageDirection;
  channel: MessageChannel;
  purpose: MessagePurpose;
  status: MessageStatus;
  to: string | null;
  from: string | null;
  customerExternalId: string | null;
  language: string;
  subject: string | null;
  text: string;
  caseId: string | null;
  invitationRecipientId: string | null;
  messageId: string | null;
  inReplyTo: string | null;
  unsubscribeUrl: string | null;
  holdReasons: ContactRefusal[];
  attempts: number;
  lastError: string | null;
  sendAfter: Date | null;
  nextAttemptAt: Date;
  sentAt: Date | null;
  deliveredAt: Date | null;
  bouncedAt: Date | null;
  failedAt: Date | null;
  createdBy: string | null;
  createdAt: Date;
}

export function toMessageView(row: MessageEntity): MessageView {
  return {
    id: row.id,
    direction: row.direction,
    channel: row.channel,
    purpose: row.purpose,
    status: row.status,
    to: row.toAddress,
    from: row.fromAddress,
    customerExternalId: row.customerExternalId,
    language: row.language,
    subject: row.subject,
    text: row.textBody,
    caseId: row.caseId,
    invitationRecipientId: row.invitationRecipientId,
    messageId: row.messageId,
    inReplyTo: row.inReplyTo,
    unsubscribeUrl: row.unsubscribeUrl,
    holdReasons: row.holdReasons ?? [],
    attempts: row.attempts,
    lastError: row.lastError,
    sendAfter: row.sendAfter,
    nextAttemptAt: row.nextAttemptAt,
    sentAt: row.sentAt,
    deliveredAt: row.deliveredAt,
    bouncedAt: row.bouncedAt,
    failedAt: row.failedAt,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
  };
}
