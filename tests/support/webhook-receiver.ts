import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  json: { id: string; type: string; workspaceId: string; data: Record<string, unknown> };
  status: number;
}

/**
 * How the receiver answers the nth request (0-based): a status code, 'hang' to never answer, or 'reset' to
 * drop the connection without an answer.
 */
export type ReceiverAnswer = number | 'hang' | 'reset';
export type ReceiverBehaviour = (n: number, body: string) => ReceiverAnswer;

/** A real HTTP server on loopback that records every webhook it is sent. */
export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** How every request was answered, in arrival order, hangs and resets included (since the last `behave`). */
  answers: ReceiverAnswer[];
  /** Only the requests it answered with 2xx. */
  accepted(): ReceivedWebhook[];
  behave(behaviour: ReceiverBehaviour): void;
  /** Resolves once `count` accepted requests match, or rejects after `timeoutMs`. */
  waitFor(count: number, filter?: (w: ReceivedWebhook) => boolean, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(path = '/hooks'): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let behaviour: ReceiverBehaviour = () => 200;
  let seen = 0;
  const answers: ReceiverAnswer[] = [];
  const hanging = new Set<import('node:http').ServerResponse>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const answer = behaviour(seen++, body);
      answers.push(answer);
      if (answer === 'reset') {
        req.socket.destroy();
        return;
      }
      if (answer === 'hang') {
        hanging.add(res);
        return;
      }
      received.push({ headers: req.headers, body, json: JSON.parse(body), status: answer });
      res.writeHead(answer, { 'content-type': 'text/plain' }).end(answer < 300 ? 'ok' : 'receiver failure');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const accepted = () => received.filter((r) => r.status < 300);
  return {
    url: `http://127.0.0.1:${port}${path}`,
    received,
    answers,
    accepted,
    behave(next) {
      behaviour = next;
      seen = 0;
      answers.length = 0;
    },
    async waitFor(count, filter = () => true, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const matching = accepted().filter(filter);
        if (matching.length >= count) return matching;
        if (Date.now() > deadline)
          throw new Error(
            `expected ${count} webhooks, got ${matching.length}: ${JSON.stringify(received.map((r) => [r.json.type, r.status]))}`,
          );
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
