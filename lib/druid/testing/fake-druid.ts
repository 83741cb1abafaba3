// A scripted HTTP server standing in for Druid in the client's tests.
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

export interface Reply {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  /** Wait this long before answering. */
  readonly delayMs?: number;
  /** Drop the connection without answering. */
  readonly destroy?: boolean;
  /** Send the body in these pieces, chunkDelayMs apart, instead of `body`. */
  readonly chunks?: readonly string[];
  readonly chunkDelayMs?: number;
  /** After the chunks, drop the connection instead of ending the body. */
  readonly breakAfterChunks?: boolean;
}

export type Handler = (request: RecordedRequest) => Reply;

export interface FakeDruid {
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** How many answers the client hung up on before they were complete. */
  readonly hangUps: () => number;
  /** Replaces the handler; requests are kept. */
  handle(handler: Handler): void;
  close(): Promise<void>;
}

export const json = (body: string, status = 200): Reply => ({ status, headers: { 'content-type': 'application/json' }, body });

export async function startFakeDruid(handler: Handler, tls?: { key: string; cert: string }): Promise<FakeDruid> {
  const requests: RecordedRequest[] = [];
  let current = handler;
  let hangUps = 0;
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    res.on('close', () => {
      if (!res.writableFinished) hangUps++;
    });
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(request);
      const reply = current(request);
      const send = () => {
        if (reply.destroy) return req.socket.destroy();
        res.writeHead(reply.status ?? 200, reply.headers ?? {});
        if (!reply.chunks) return res.end(reply.body ?? '');
        const pieces = [...reply.chunks];
        const next = () => {
          const piece = pieces.shift();
          if (res.destroyed) return;
          if (piece !== undefined) {
            res.write(piece);
            setTimeout(next, reply.chunkDelayMs ?? 0).unref();
          } else if (reply.breakAfterChunks) req.socket.destroy();
          else res.end();
        };
        next();
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs).unref();
      else send();
    });
  };
  const server: Server = tls ? createHttpsServer(tls, listener) : createHttpServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    hangUps: () => hangUps,
    handle: (next) => {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
