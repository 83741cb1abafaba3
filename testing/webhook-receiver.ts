// A local webhook receiver for tests: a node:http server on a free loopback port that records
// every request it receives, and answers with the status a test asks for (to see retries).
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** The body parsed as JSON, or the text when it is not JSON. */
  readonly body: unknown;
}

export interface WebhookReceiver {
  /** http://127.0.0.1:<port>, to put in TRIBUTARY_WEBHOOK_ORIGINS. */
  readonly origin: string;
  readonly received: ReceivedRequest[];
  /** The statuses the next requests get, in order; 200 once they are used up. */
  answerWith(...statuses: number[]): void;
  /** Resolves once `count` requests have arrived in all. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedRequest[] = [];
  const statuses: number[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // kept as text
      }
      received.push({ method: request.method ?? '', path: request.url ?? '', headers: request.headers, body });
      const status = statuses.shift() ?? 200;
      response.writeHead(status, status >= 300 && status < 400 ? { location: 'http://127.0.0.1:1/elsewhere' } : { 'content-type': 'text/plain' });
      response.end(status < 300 ? 'ok' : 'no');
      for (const waiter of waiters.filter((w) => received.length >= w.count)) waiter.resolve();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    answerWith: (...next) => void statuses.push(...next),
    waitFor: (count, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        if (received.length >= count) return resolve(received);
        const timer = setTimeout(() => reject(new Error(`The webhook receiver got ${received.length} requests, not ${count}, within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve(received);
          },
        });
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
