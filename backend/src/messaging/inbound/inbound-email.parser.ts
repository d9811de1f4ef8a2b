import { type AddressObject, type ParsedMail, simpleParser } from 'mailparser';
import { stripQuotedHistory } from './quoted-history';

/** The most an inbound mail may weigh (the raw MIME); checked before any parsing. */
export const MAX_INBOUND_EMAIL_BYTES = 10 * 1024 * 1024;
/** Stored text is cut here: a reply is read by a person, not archived. */
const MAX_TEXT = 20_000;
const MAX_HEADER = 998;
/** References kept for matching: the newest ones (a long thread lists every message). */
const MAX_REFERENCES = 20;
/**
 * HTML longer than this is not converted to text (the conversion runs on the event loop: megabytes of HTML took
 * seconds). The text/plain part is always preferred; an HTML-only mail over this keeps a short note instead.
 */
export const MAX_HTML_TO_TEXT = 256 * 1024;

/** The mail could not be parsed (a mailparser limit, a broken structure): the caller answers 422, not 500. */
export class InboundEmailParseError extends Error {}

/** One line: CR, LF and tabs (from an encoded header) collapsed to a space, so a reply's subject stays one header line. */
export const oneLine = (value: string): string => value.replace(/[\r\n\t]+/g, ' ').trim();

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
  /** The sender: exactly one valid address, lower-cased; null when the From header is missing or names anything else. */
  from: string | null;
  /** The From header as written (one line, cut), kept to show who it claims to be when `from` is null. */
  fromText: string | null;
  /**
   * The sender's domain was authenticated by the receiving provider: the first (topmost, the provider's own)
   * Authentication-Results header says dkim=pass, dmarc=pass or spf=pass for the From domain.
   */
  senderVerified: boolean;
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

const ADDRESS = /^[^\s@,;:<>()[\]"\\]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;

/** The one sender: a From naming two addresses (`<a@b.c,evil@x.y>`), a group or an invalid address gives null. */
const soleAddress = (field: AddressObject | AddressObject[] | undefined): string | null => {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  const all = list.flatMap((group) => group.value);
  if (all.length !== 1 || all[0]!.group) return null;
  const address = (all[0]!.address ?? '').trim().toLowerCase();
  return address.length <= 320 && ADDRESS.test(address) ? address : null;
};

/**
 * The provider's verdict on the sender: only the topmost Authentication-Results header counts (the receiving
 * provider prepends its own; the ones below it came with the mail and may be forged). A pass counts only for the From
 * domain (or a subdomain of it): dmarc header.from, dkim header.d / header.i, spf smtp.mailfrom.
 */
/** Drops trailing semicolons and white space, by a loop: a regex anchored at the end retries from every position. */
function trimTrailingSeparators(value: string): string {
  let end = value.length;
  while (end > 0 && (value[end - 1] === ';' || value[end - 1]!.trim() === '')) end--;
  return value.slice(0, end);
}

/**
 * The `ptype.property=value` pairs of one Authentication-Results clause (header.d=example.com, smtp.mailfrom=…), keys
 * lower-cased, quotes dropped. Split on white space and glued back around `=` (RFC 8601 allows space there), so the work
 * is linear in the clause: a single regex for the pairs backtracks quadratically on a long run of letters.
 */
function propertiesOf(clause: string): Map<string, string> {
  const tokens = clause.split(/[\s;]+/).filter((t) => t !== '');
  const props = new Map<string, string>();
  for (let i = 0; i < tokens.length; i++) {
    let token = tokens[i]!;
    while (i + 1 < tokens.length && (token.endsWith('=') || tokens[i + 1]!.startsWith('='))) token += tokens[++i];
    const eq = token.indexOf('=');
    if (eq <= 0) continue;
    const key = token.slice(0, eq).toLowerCase();
    const dot = key.indexOf('.');
    if (dot <= 0 || dot === key.length - 1) continue;
    props.set(key, token.slice(eq + 1).replace(/"/g, ''));
  }
  return props;
}

function senderAuthenticated(headerLines: ParsedMail['headerLines'], from: string | null): boolean {
  if (!from) return false;
  const domain = from.split('@').pop()!;
  const line = headerLines.find((h) => h.key === 'authentication-results')?.line ?? '';
  const value = line.slice(line.indexOf(':') + 1).replace(/\([^()]*\)/g, ' ');
  const ours = (d: string | undefined) => {
    const name = trimTrailingSeparators((d ?? '').toLowerCase().replace(/^.*@/, ''));
    return name === domain || name.endsWith(`.${domain}`);
  };
  return value
    .split(';')
    .slice(1)
    .some((clause) => {
      const method = /^\s*(dkim|dmarc|spf)\s*=\s*(\w+)/i.exec(clause);
      if (!method || method[2]!.toLowerCase() !== 'pass') return false;
      const props = propertiesOf(clause);
      switch (method[1]!.toLowerCase()) {
        case 'dmarc':
          return ours(props.get('header.from'));
        case 'dkim':
          return ours(props.get('header.d') ?? props.get('header.i'));
        default:
          return ours(props.get('smtp.mailfrom') ?? props.get('smtp.helo'));
      }
    });
}

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

/** Subjects out-of-office answers use when they set no header (en, ru, bg, de). */
const AUTO_SUBJECT =
  /^\s*(auto(matic)?[ -]?(reply|response|answer)|out of (the )?office|autoreply|автоответ|автоматичен отговор|abwesenheit)/i;

/**
 * RFC 3834 Auto-Submitted (anything but "no"), the headers autoresponders set instead (X-Autoreply, X-Autorespond,
 * Precedence: auto_reply / bulk / junk), and out-of-office subjects.
 */
function isAutoReply(headers: Map<string, unknown>, subject: string | null): boolean {
  const text = (name: string) =>
    String(headers.get(name) ?? '')
      .trim()
      .toLowerCase();
  const submitted = text('auto-submitted');
  if (submitted && submitted !== 'no') return true;
  if (headers.has('x-autoreply') || headers.has('x-autorespond')) return true;
  if (['auto_reply', 'auto-reply', 'bulk', 'junk'].includes(text('precedence'))) return true;
  return AUTO_SUBJECT.test(subject ?? '');
}

/** mailparser with its limits; any failure (a limit, a broken structure) becomes an InboundEmailParseError. */
async function parseMime(raw: Buffer): Promise<ParsedMail> {
  try {
    return await simpleParser(raw, {
      skipHtmlToText: false,
      maxHtmlLengthToParse: MAX_HTML_TO_TEXT,
      skipTextLinks: true,
      skipImageLinks: true,
    });
  } catch (error) {
    throw new InboundEmailParseError((error as Error).message);
  }
}

/** The readable text: text/plain first; an HTML-only mail converted when small enough, else a short note. */
function textOf(mail: ParsedMail): string {
  const text = mail.text ?? '';
  if (text.trim() || !mail.textConversionError) return text;
  const kb = Math.ceil(Buffer.byteLength(typeof mail.html === 'string' ? mail.html : '', 'utf8') / 1024);
  return `(The mail has only an HTML part of ${kb} KB, too large to read here; its text was not kept.)`;
}

/**
 * Parses a raw MIME mail (the caller has checked its size): sender, subject, the reply's new text, the thread's
 * Message-IDs, and a bounce when it is a delivery status notification.
 */
export async function parseInboundEmail(raw: Buffer): Promise<ParsedInboundEmail> {
  const mail = await parseMime(raw);
  const text = textOf(mail).slice(0, MAX_TEXT * 5);
  const reportParts = mail.attachments
    .filter((a) => ['message/delivery-status', 'text/rfc822-headers', 'message/rfc822'].includes(a.contentType))
    .map((a) => a.content.subarray(0, 64 * 1024).toString('utf8'));
  const inReplyTo = angleIds(mail.inReplyTo)[0] ?? null;
  const references = angleIds(mail.references).reverse().slice(0, MAX_REFERENCES);
  const messageId = angleIds(mail.messageId)[0] ?? null;
  const from = soleAddress(mail.from);
  const subject = mail.subject ? oneLine(mail.subject).slice(0, MAX_HEADER) || null : null;
  return {
    from,
    fromText: mail.from?.text ? oneLine(mail.from.text).slice(0, 500) || null : null,
    senderVerified: senderAuthenticated(mail.headerLines, from),
    subject,
    text: stripQuotedHistory(text).slice(0, MAX_TEXT),
    messageId,
    inReplyTo,
    replyTo: [...new Set([...(inReplyTo ? [inReplyTo] : []), ...references])],
    references,
    autoReply: isAutoReply(mail.headers, subject),
    bounce: bounceOf(
      mail.headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined,
      text,
      reportParts,
    ),
  };
}
