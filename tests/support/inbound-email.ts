import { randomUUID } from 'node:crypto';
import { signWebhook } from '@otklik/backend/src/webhooks/webhook-signature';

/** A raw MIME mail built by hand (CRLF lines), as a provider's inbound parse forwards it. */
export function rawMail(headers: Record<string, string>, body: string): string {
  const head = Object.entries({ 'MIME-Version': '1.0', 'Content-Type': 'text/plain; charset=utf-8', ...headers })
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n');
  return `${head}\r\n\r\n${body.replace(/\r?\n/g, '\r\n')}\r\n`;
}

/** A delivery status notification (RFC 3464) saying `address` refused the message `originalMessageId`. */
export function bounceReport(address: string, originalMessageId: string): string {
  return [
    'From: MAILER-DAEMON@mx.customer.test',
    'To: support@otklik.local',
    'Subject: Undelivered Mail Returned to Sender',
    `Message-ID: <${randomUUID()}@mx.customer.test>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="REPORT"',
    '',
    '--REPORT',
    'Content-Type: text/plain',
    '',
    'Your message could not be delivered to one or more recipients.',
    '--REPORT',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.customer.test',
    '',
    `Final-Recipient: rfc822; ${address}`,
    'Action: failed',
    'Status: 5.1.1',
    'Diagnostic-Code: smtp; 550 5.1.1 mailbox does not exist',
    '',
    '--REPORT',
    'Content-Type: text/rfc822-headers',
    '',
    `Message-ID: ${originalMessageId}`,
    'Subject: Re: Your feedback',
    '',
    '--REPORT--',
    '',
  ].join('\r\n');
}

/** Standard Webhooks headers for `body`, signed with the workspace's inbound secret at `at`. */
export function signedHeaders(secret: string, body: string | Buffer, at = new Date(), id = `msg_${randomUUID()}`) {
  const timestamp = Math.floor(at.getTime() / 1000);
  return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signWebhook(secret, id, timestamp, body) };
}
