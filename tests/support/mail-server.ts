import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  /** The body, quoted-printable undone. */
  text: string;
  /** The message exactly as the server received it (headers and MIME parts). */
  raw: string;
  /** The message parsed by mailparser: `parsed.headers.get('list-unsubscribe')`, `parsed.html`, `parsed.text`, `parsed.messageId`. */
  parsed: ParsedMail;
}

export interface MailServerOptions {
  /**
   * Refuse a recipient at RCPT TO with this SMTP reply, e.g. `{ code: 550, message: 'No such user' }` (a permanent
   * bounce) or `{ code: 451, message: 'Try again later' }` (temporary); null accepts it.
   */
  refuseRecipient?: (address: string) => { code: number; message: string } | null;
  /** Refuse the sender at MAIL FROM with this reply, e.g. `{ code: 553, message: 'Sender not allowed' }`; null accepts it. */
  refuseSender?: (address: string) => { code: number; message: string } | null;
  /** Refuse the message after DATA with this reply (e.g. 554 content rejected); null keeps it. */
  refuseData?: (mail: { subject: string; to: string[] }) => { code: number; message: string } | null;
}

export interface MailServer {
  /** Goes into SMTP_URL. */
  url: string;
  received: ReceivedMail[];
  /** The next mail to `to` that arrived after `since` mails, within a few seconds. */
  waitFor(to: string, since?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

function decode(raw: string): { subject: string; text: string } {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const subject = /^Subject: (.*)$/im.exec(head ?? '')?.[1]?.trim() ?? '';
  const body = rest.join('\n\n');
  const text = /quoted-printable/i.test(head ?? '')
    ? body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : body;
  return { subject, text: Buffer.from(text, 'latin1').toString('utf8') };
}

/** A real SMTP server on a free loopback port that keeps every message it is sent (tests read codes from it). */
export async function startMailServer(options: MailServerOptions = {}): Promise<MailServer> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onMailFrom(address, _session, callback) {
      const refusal = options.refuseSender?.(address.address.toLowerCase());
      if (!refusal) return callback();
      callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
    },
    onRcptTo(address, _session, callback) {
      const refusal = options.refuseRecipient?.(address.address.toLowerCase());
      if (!refusal) return callback();
      callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const bytes = Buffer.concat(chunks);
        // Parsed before it is listed, so a waiting test sees the whole mail at once.
        simpleParser(bytes)
          .then((parsed) => {
            const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
            const refusal = options.refuseData?.({ subject: parsed.subject ?? '', to });
            if (refusal) return callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
            received.push({
              to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
              ...decode(bytes.toString('latin1')),
              raw: bytes.toString('utf8'),
              parsed,
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    async waitFor(to, since = 0) {
      const deadline = Date.now() + 5_000;
      for (;;) {
        const mail = received.slice(since).find((m) => m.to.includes(to.toLowerCase()));
        if (mail) return mail;
        if (Date.now() > deadline) throw new Error(`no mail to ${to} arrived`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
