import { type AddressObject, simpleParser } from 'mailparser';
import { stripQuotedHistory } from './quoted-history';

/** The most an inbound mail may weigh (the raw MIME); checked before any parsing. */
export const MAX_INBOUND_EMAIL_BYTES = 10 * 1024 * 1024;
/** Stored text is cut here: a reply is read by a person, not archived. */
const MAX_TEXT = 20_000;
const MAX_HEADER = 998;
/** References kept for matching: the newest ones (a long thread lists every message). */
const MAX_REFERENCES = 20;

/** A delivery status notification (RFC 3464) that says a message of ours could not be delivered. */
export interface Bounce {
  /** The address that refused it (Final-Recipient, else Original-Recipient). */
  address: string;
  /** Status and diagnostic, for the suppression's detail. */
  detail: string;
  /** The Message-ID of the message that bounced, when the report quotes its headers. */
  originalMessageId: string | null;
}

export interface ParsedInboundEmail {
  from: string | null;
  subject: string | null;
  /** The new part of the reply (quoted history cut off). */
  text: string;
  messageId: string | null;
  inReplyTo: string | null;
  /** In-Reply-To first, then References newest first, without repeats. */
  replyTo: string[];
  references: string[];
  bounce: Bounce | null;
  /** An automatic answer (out of office, autoresponder): kept, but it is not the customer writing back. */
  autoReply: boolean;
}

const firstAddress = (field: AddressObject | AddressObject[] | undefined): string | null => {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  for (const group of list) for (const a of group.value) if (a.address) return a.address.toLowerCase().slice(0, 320);
  return null;
};

const angleIds = (value: string | string[] | undefined): string[] => {
  const text = Array.isArray(value) ? value.join(' ') : (value ?? '');
  return (text.match(/<[^<>\s]{1,500}>/g) ?? []).map((id) => id.slice(0, MAX_HEADER));
};

/** "name: value" lines of a report or a quoted header block (folded lines joined), keys lower-cased; first one wins. */
function headerFields(block: string): Map<string, string> {
  const fields = new Map<string, string>();
  let last: string | null = null;
  for (const line of block.split(/\r?\n/)) {
    if ((line.startsWith(' ') || line.startsWith('\t')) && last) {
      fields.set(last, `${fields.get(last)} ${line.trim()}`.slice(0, MAX_HEADER));
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0 || colon > 60) {
      last = null;
      continue;
    }
    const key = line.slice(0, colon).trim().toLowerCase();
    last = fields.has(key) ? null : key;
    if (last)
      fields.set(
        key,
        line
          .slice(colon + 1)
          .trim()
          .slice(0, MAX_HEADER),
      );
  }
  return fields;
}

/** The address of a DSN field ("rfc822; anna@example.com"). */
const reportAddress = (value: string | undefined): string | null => {
  const address = value?.split(';').pop()?.trim().toLowerCase() ?? '';
  return address.includes('@') && address.length <= 320 ? address : null;
};

/**
 * A failed-delivery report: multipart/report with report-type=delivery-status and an "Action: failed" recipient.
 * mailparser folds the message/delivery-status part into the text and keeps the returned headers as an attachment.
 */
function bounceOf(
  contentType: { value?: string; params?: Record<string, string> } | undefined,
  text: string,
  parts: string[],
): Bounce | null {
  if (contentType?.value !== 'multipart/report' || contentType.params?.['report-type']?.toLowerCase() !== 'delivery-status') return null;
  const report = headerFields([text, ...parts].join('\n'));
  if (report.get('action')?.toLowerCase() !== 'failed') return null;
  const address = reportAddress(report.get('final-recipient')) ?? reportAddress(report.get('original-recipient'));
  if (!address) return null;
  const detail = [report.get('status'), report.get('diagnostic-code')].filter(Boolean).join(' ') || 'delivery failed';
  return { address, detail: detail.slice(0, 1000), originalMessageId: angleIds(report.get('message-id'))[0] ?? null };
}

/** RFC 3834 Auto-Submitted (anything but "no"), and the headers autoresponders set instead (X-Autoreply, Precedence). */
function isAutoReply(headers: Map<string, unknown>): boolean {
  const text = (name: string) =>
    String(headers.get(name) ?? '')
      .trim()
      .toLowerCase();
  const submitted = text('auto-submitted');
  if (submitted && submitted !== 'no') return true;
  if (headers.has('x-autoreply') || headers.has('x-autorespond')) return true;
  return ['auto_reply', 'auto-reply'].includes(text('precedence'));
}

/**
 * Parses a raw MIME mail (the caller has checked its size): sender, subject, the reply's new text, the thread's
 * Message-IDs, and a bounce when it is a delivery status notification.
 */
export async function parseInboundEmail(raw: Buffer): Promise<ParsedInboundEmail> {
  const mail = await simpleParser(raw, { skipHtmlToText: false, skipTextLinks: true, skipImageLinks: true });
  const text = (mail.text ?? '').slice(0, MAX_TEXT * 5);
  const reportParts = mail.attachments
    .filter((a) => ['message/delivery-status', 'text/rfc822-headers', 'message/rfc822'].includes(a.contentType))
    .map((a) => a.content.subarray(0, 64 * 1024).toString('utf8'));
  const inReplyTo = angleIds(mail.inReplyTo)[0] ?? null;
  const references = angleIds(mail.references).reverse().slice(0, MAX_REFERENCES);
  const messageId = angleIds(mail.messageId)[0] ?? null;
  return {
    from: firstAddress(mail.from),
    subject: mail.subject ? mail.subject.slice(0, MAX_HEADER) : null,
    text: stripQuotedHistory(text).slice(0, MAX_TEXT),
    messageId,
    inReplyTo,
    replyTo: [...new Set([...(inReplyTo ? [inReplyTo] : []), ...references])],
    references,
    autoReply: isAutoReply(mail.headers),
    bounce: bounceOf(
      mail.headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined,
      text,
      reportParts,
    ),
  };
}
