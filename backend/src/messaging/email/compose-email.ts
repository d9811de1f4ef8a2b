import type { MessageEntity } from '../message.entity';
import type { Sender } from '../messaging-settings.service';
import { renderEmail } from './email-template';

/** One email ready for nodemailer, and what the outbox preview shows of it. */
export interface ComposedEmail {
  from: { name: string; address: string };
  to: string;
  replyTo: string | undefined;
  subject: string;
  messageId: string;
  inReplyTo: string | undefined;
  references: string[] | undefined;
  /** List-Unsubscribe (RFC 2369) with one-click List-Unsubscribe-Post (RFC 8058) when the message has an unsubscribe URL. */
  headers: Record<string, string>;
  html: string;
  text: string;
}

export type EmailSource = Pick<
  MessageEntity,
  'toAddress' | 'subject' | 'textBody' | 'blocks' | 'language' | 'messageId' | 'inReplyTo' | 'references' | 'unsubscribeUrl'
>;

export function composeEmail(message: EmailSource, sender: Sender): ComposedEmail {
  const subject = message.subject?.trim() || sender.workspaceName;
  const { html, text } = renderEmail({
    workspaceName: sender.workspaceName,
    brandColour: sender.brandColour,
    language: message.language,
    subject,
    text: message.textBody,
    blocks: message.blocks,
    unsubscribeUrl: message.unsubscribeUrl,
  });
  const headers: Record<string, string> = {};
  if (message.unsubscribeUrl) {
    headers['List-Unsubscribe'] = `<${message.unsubscribeUrl}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  return {
    from: { name: sender.fromName, address: sender.fromAddress },
    to: message.toAddress ?? '',
    replyTo: sender.replyTo ?? undefined,
    subject,
    messageId: message.messageId ?? '',
    inReplyTo: message.inReplyTo ?? undefined,
    references: message.references.length > 0 ? message.references : undefined,
    headers,
    html,
    text,
  };
}
