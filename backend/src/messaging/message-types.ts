// The contract of outbound and inbound customer messages, shared by the messaging module and the modules that send
// through it (case replies, survey invitations). Messages are queued in the caller's transaction and sent by the
// messaging dispatch job, so a message is never lost and never sent for a change that rolled back.

/** How a message reaches the customer: email over SMTP, a gateway's channel (the customer's own SMS/Telegram/WhatsApp
 * gateway, told by the signed `message.requested` webhook), or a public answer to a mention (recorded, not sent). */
export const MESSAGE_CHANNELS = ['email', 'sms', 'telegram', 'whatsapp', 'public'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/** Channels delivered by the workspace's own gateway through the `message.requested` webhook. */
export const GATEWAY_CHANNELS = ['sms', 'telegram', 'whatsapp'] as const;
export type GatewayChannel = (typeof GATEWAY_CHANNELS)[number];

/**
 * Why we write: the contact policy treats them differently. `service` (a case reply, a receipt) always goes;
 * `survey` obeys the contact frequency and the communication guard; `marketing` (offers, greetings) is held by the guard.
 */
export const MESSAGE_PURPOSES = ['service', 'survey', 'marketing'] as const;
export type MessagePurpose = (typeof MESSAGE_PURPOSES)[number];

/**
 * queued: waiting to be sent (also: email while SMTP_URL is unset — the outbox); held: the contact policy holds it;
 * sent: handed to the SMTP server or the gateway; delivered: the gateway confirmed; bounced: the address refused it;
 * failed: gave up after the retries; cancelled: withdrawn before sending; received: an inbound message.
 */
export const MESSAGE_STATUSES = ['queued', 'held', 'sent', 'delivered', 'bounced', 'failed', 'cancelled', 'received'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export type MessageDirection = 'outbound' | 'inbound';

/** One block of a templated email body (the renderer adds the workspace's name, colour, footer and unsubscribe link). */
export type EmailBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'button'; label: string; url: string }
  /** A row of score links (an NPS/CSAT question in the email itself): each choice a link. */
  | { kind: 'scale'; question: string; choices: { label: string; url: string }[]; lowLabel?: string; highLabel?: string }
  | { kind: 'quote'; text: string };

export interface OutboundMessageInput {
  workspaceId: string;
  channel: MessageChannel;
  purpose: MessagePurpose;
  /** The email address, or the gateway's recipient (phone number, chat id); for `public`, the mention's URL. */
  to: string;
  customerExternalId?: string | null;
  /** The language the text is written in (en, ru, bg, …): the email template's strings follow it. */
  language: string;
  /** Email subject; gateway and public messages ignore it. */
  subject?: string | null;
  /** The body as plain text (always; the email's text part and the gateway's text). */
  text: string;
  /** Email only: body blocks rendered into the workspace's HTML template; without them the text becomes paragraphs. */
  blocks?: EmailBlock[] | null;
  caseId?: string | null;
  /** A survey invitation recipient (survey_send_recipients.id) this message invites or reminds. */
  invitationRecipientId?: string | null;
  /** The Message-ID this message answers (email threading: In-Reply-To and References). */
  inReplyTo?: string | null;
  /** One-click unsubscribe URL (List-Unsubscribe / List-Unsubscribe-Post headers and the footer link). */
  unsubscribeUrl?: string | null;
  /** Not before this time (reminders); default now. */
  sendAfter?: Date | null;
  /** Who wrote it: a member's user id, or null for the system. */
  createdBy?: string | null;
}

/** What enqueue returns: the row id and the RFC 5322 Message-ID it will be sent with. */
export interface QueuedMessage {
  id: string;
  messageId: string;
  status: MessageStatus;
}

/** An inbound message after parsing (email reply or a gateway's inbound report), handed to the registered handlers. */
export interface InboundMessage {
  workspaceId: string;
  /** The stored inbound row's id. */
  id: string;
  channel: MessageChannel;
  from: string;
  subject: string | null;
  text: string;
  /** Message-IDs this message answers (In-Reply-To first, then References, newest first). */
  replyTo: string[];
  /** The outbound message it answers, when the thread matched one of ours. */
  answersMessageId: string | null;
  /** The case of that outbound message, when it had one. */
  answersCaseId: string | null;
  customerExternalId: string | null;
  receivedAt: Date;
}

/**
 * Modules that act on inbound messages (cases: a reply lands on its case) register a handler with
 * InboundMessageHandlers; the first handler that returns a case id claims the message (stored on the inbound row).
 */
export interface InboundMessageHandler {
  handle(message: InboundMessage): Promise<{ caseId: string } | null>;
}
