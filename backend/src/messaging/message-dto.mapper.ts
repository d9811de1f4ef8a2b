import { maskInvitationTokens } from './mask-links';
import type { MessageEntity } from './message.entity';
import type { MessageDto } from './messaging.dto';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The API's view of a message: invitation tokens in its links are masked. */
export function toMessageDto(row: MessageEntity): MessageDto {
  const waiting = row.status === 'queued' || row.status === 'held';
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
    text: maskInvitationTokens(row.textBody),
    caseId: row.caseId,
    invitationRecipientId: row.invitationRecipientId,
    messageId: row.messageId,
    inReplyTo: row.inReplyTo,
    holdReasons: row.holdReasons ?? [],
    attempts: row.attempts,
    lastError: row.lastError,
    nextAttemptAt: waiting ? row.nextAttemptAt.toISOString() : null,
    sendAfter: iso(row.sendAfter),
    sentAt: iso(row.sentAt),
    deliveredAt: iso(row.deliveredAt),
    bouncedAt: iso(row.bouncedAt),
    failedAt: iso(row.failedAt),
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}
