import { describe, expect, it } from 'vitest';
import { parseInboundEmail } from './inbound-email.parser';

const mime = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'utf8');

describe('parseInboundEmail', () => {
  it('reads the sender, the thread ids and the new part of a reply', async () => {
    const parsed = await parseInboundEmail(
      mime([
        'From: "Anna Petrova" <Anna@Customer.test>',
        'To: support@acme.test',
        'Subject: Re: Your delivery',
        'Message-ID: <reply-1@customer.test>',
        'In-Reply-To: <ours-2@acme.test>',
        'References: <ours-1@acme.test> <ours-2@acme.test>',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'It arrived, thank you!',
        '',
        'On Mon, 7 Dec 2026 at 10:00, Acme <support@acme.test> wrote:',
        '> Your parcel is on its way',
      ]),
    );
    expect(parsed).toMatchObject({
      from: 'anna@customer.test',
      subject: 'Re: Your delivery',
      text: 'It arrived, thank you!',
      messageId: '<reply-1@customer.test>',
      inReplyTo: '<ours-2@acme.test>',
      replyTo: ['<ours-2@acme.test>', '<ours-1@acme.test>'],
      bounce: null,
    });
  });

  it('recognises a failed delivery report and the message it returns', async () => {
    const parsed = await parseInboundEmail(
      mime([
        'From: MAILER-DAEMON@mx.customer.test',
        'Subject: Undelivered Mail Returned to Sender',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="BB"',
        '',
        '--BB',
        'Content-Type: text/plain',
        '',
        'Your message could not be delivered.',
        '--BB',
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.customer.test',
        '',
        'Final-Recipient: rfc822; Gone@Customer.test',
        'Action: failed',
        'Status: 5.1.1',
        'Diagnostic-Code: smtp; 550 5.1.1 user unknown',
        '',
        '--BB',
        'Content-Type: text/rfc822-headers',
        '',
        'Message-ID: <ours-9@acme.test>',
        'Subject: Re: Your order',
        '',
        '--BB--',
        '',
      ]),
    );
    expect(parsed.bounce).toEqual({
      address: 'gone@customer.test',
      detail: '5.1.1 smtp; 550 5.1.1 user unknown',
      originalMessageId: '<ours-9@acme.test>',
    });
  });

  it('does not take a delayed (not failed) report for a bounce', async () => {
    const parsed = await parseInboundEmail(
      mime([
        'From: MAILER-DAEMON@mx.customer.test',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="BB"',
        '',
        '--BB',
        'Content-Type: message/delivery-status',
        '',
        'Final-Recipient: rfc822; slow@customer.test',
        'Action: delayed',
        '',
        '--BB--',
      ]),
    );
    expect(parsed.bounce).toBeNull();
  });
});
