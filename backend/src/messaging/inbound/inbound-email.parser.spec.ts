import { describe, expect, it } from 'vitest';
import { InboundEmailParseError, parseInboundEmail } from './inbound-email.parser';

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

  it('keeps an encoded subject with line breaks on one line', async () => {
    const encoded = Buffer.from('Hello\r\nBcc: evil@x.test\tthere', 'utf8').toString('base64');
    const parsed = await parseInboundEmail(mime(['From: anna@customer.test', `Subject: =?utf-8?B?${encoded}?=`, '', 'hi']));
    expect(parsed.subject).toBe('Hello Bcc: evil@x.test there');
  });

  it('accepts exactly one valid sender address', async () => {
    const from = async (header: string) => (await parseInboundEmail(mime([`From: ${header}`, '', 'hi']))).from;
    expect(await from('Anna <Anna@Customer.test>')).toBe('anna@customer.test');
    expect(await from('<a@b.test,evil@x.test>')).toBeNull();
    expect(await from('a@b.test, evil@x.test')).toBeNull();
    expect(await from('friends: a@b.test;')).toBeNull();
    expect(await from('not an address')).toBeNull();
    const parsed = await parseInboundEmail(mime(['From: <a@b.test,evil@x.test>', '', 'hi']));
    expect(parsed.fromText).toBe('a@b.test,evil@x.test');
  });

  it("trusts only the provider's (topmost) Authentication-Results, and only a pass for the From domain", async () => {
    const verified = async (...results: string[]) =>
      (await parseInboundEmail(mime(['From: anna@customer.test', ...results.map((r) => `Authentication-Results: ${r}`), '', 'hi'])))
        .senderVerified;
    expect(await verified()).toBe(false);
    expect(await verified('mx.provider.test; dkim=pass header.d=customer.test header.s=s1')).toBe(true);
    expect(await verified('mx.provider.test; dkim=pass header.i=@mail.customer.test')).toBe(true);
    expect(await verified('mx.provider.test; spf=pass (sender ok) smtp.mailfrom=bounce@customer.test')).toBe(true);
    expect(await verified('mx.provider.test; dmarc=pass (p=none) header.from=customer.test')).toBe(true);
    expect(await verified('mx.provider.test; dkim=pass header.d=evil.test; spf=pass smtp.mailfrom=evil.test')).toBe(false);
    expect(await verified('mx.provider.test; dkim=fail header.d=customer.test; dmarc=none header.from=customer.test')).toBe(false);
    expect(await verified('mx.provider.test; dkim=pass header.d=notcustomer.test')).toBe(false);
    // A forged header below the provider's own does not count.
    expect(await verified('mx.provider.test; spf=softfail smtp.mailfrom=customer.test', 'forged; dkim=pass header.d=customer.test')).toBe(
      false,
    );
  });

  it('takes out-of-office headers and subjects for an automatic answer', async () => {
    const auto = async (...headers: string[]) =>
      (await parseInboundEmail(mime(['From: anna@customer.test', ...headers, '', 'I am away.']))).autoReply;
    expect(await auto('Subject: Re: order')).toBe(false);
    expect(await auto('Auto-Submitted: no', 'Subject: Re: order')).toBe(false);
    expect(await auto('Auto-Submitted: auto-replied')).toBe(true);
    expect(await auto('Auto-Submitted: auto-generated')).toBe(true);
    expect(await auto('X-Autoreply: yes')).toBe(true);
    expect(await auto('Precedence: bulk')).toBe(true);
    expect(await auto('Precedence: auto_reply')).toBe(true);
    expect(await auto('Subject: Out of Office: Re: order')).toBe(true);
    expect(await auto('Subject: Automatic reply: order')).toBe(true);
    expect(await auto('Subject: Автоответ: заказ')).toBe(true);
  });

  it('keeps a short note instead of converting a huge HTML-only part', async () => {
    const parsed = await parseInboundEmail(
      mime(['From: anna@customer.test', 'Content-Type: text/html', '', `<p>${'word '.repeat(200_000)}</p>`]),
    );
    expect(parsed.text).toMatch(/^\(The mail has only an HTML part of \d+ KB, too large to read here/);
    const small = await parseInboundEmail(mime(['From: anna@customer.test', 'Content-Type: text/html', '', '<p>Thanks!</p>']));
    expect(small.text).toBe('Thanks!');
  });

  it('reports a mail mailparser refuses as a parse error', async () => {
    await expect(parseInboundEmail(mime(['From: a@b.test', `X-Pad: ${'a'.repeat(1_200_000)}`, '', 'hi']))).rejects.toBeInstanceOf(
      InboundEmailParseError,
    );
  });
});
