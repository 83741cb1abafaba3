// An HTTP proxy that tests put in front of Druid's Router: without a fault it forwards every
// request untouched (streamed both ways); with one it answers as a failing Druid, or as what
// stands in front of one, would: an error status, a redirect, Druid's basic-security challenge, a
// late answer, no answer, a dropped connection. A fault may apply only to paths under a prefix.
import { createServer, request as forward, type IncomingMessage, type Server } from 'node:http';
import type { Socket } from 'node:net';

export type HttpFault = (
  | { readonly kind: 'status'; readonly status: number; readonly body?: string; readonly contentType?: string }
  /** To `location` (an origin) plus the request's path and query, as an Overlord that is not the leader redirects. */
  | { readonly kind: 'redirect'; readonly location: string; readonly status?: number }
  /** What Druid's basic-security extension answers a request without valid credentials. */
  | { readonly kind: 'basic-auth' }
  /** The request reaches Druid at once; its answer comes `ms` late (so Druid acts, the caller may give up). */
  | { readonly kind: 'latency'; readonly ms: number }
  /** The answer starts, and the connection drops after this many bytes of its body (a stream cut off mid-result). */
  | { readonly kind: 'break'; readonly afterBytes: number }
  /** The request goes nowhere and nothing comes back. */
  | { readonly kind: 'hang' }
  /** The connection drops without an answer, as when the Router's process dies. */
  | { readonly kind: 'reset' }
) & {
  /** Only requests whose path starts with this are affected; the rest pass untouched. */
  readonly pathPrefix?: string;
  /** Only requests with this method (POST for a submit, not the reads around it). */
  readonly method?: string;
};

export interface ProxiedRequest {
  readonly method: string;
  /** Path and query string. */
  readonly url: string;
  readonly body: string;
  /** The status the caller got; absent until answered, and for a hang or reset. */
  status?: number;
}

export interface HttpFaultProxy {
  readonly url: string;
  readonly fault: HttpFault | null;
  /** Every request that reached the proxy, in order of arrival; tests may empty it. */
  readonly requests: ProxiedRequest[];
  setFault(fault: HttpFault | null): void;
  close(): Promise<void>;
}

// Druid's PreResponseAuthorizationCheckFilter: the challenge of each authenticator (the basic one
// says "Basic") and a QueryInterruptedException with the code "Unauthorized" as JSON.
const BASIC_AUTH_CHALLENGE = 'Basic';
const BASIC_AUTH_BODY = JSON.stringify({ error: 'Unauthorized', errorMessage: null, errorClass: null, host: null });

export async function startHttpFaultProxy(options: { target: string; port?: number }): Promise<HttpFaultProxy> {
  const target = new URL(options.target);
  const requests: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();
  let fault: HttpFault | null = null;

  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const recorded: ProxiedRequest = { method: request.method ?? 'GET', url: request.url ?? '/', body: body.toString('utf8') };
      requests.push(recorded);
      const applies = (f: HttpFault) => (!f.pathPrefix || recorded.url.startsWith(f.pathPrefix)) && (!f.method || f.method === recorded.method);
      const active = fault && applies(fault) ? fault : null;
      const answer = (status: number, headers: Record<string, string>, text = '') => {
        recorded.status = status;
        response.writeHead(status, headers).end(text);
      };
      switch (active?.kind) {
        case 'status':
          return answer(active.status, { 'content-type': active.contentType ?? 'application/json' }, active.body ?? '');
        case 'redirect':
          return answer(active.status ?? 307, { location: new URL(recorded.url, active.location).toString() });
        case 'basic-auth':
          return answer(401, { 'www-authenticate': BASIC_AUTH_CHALLENGE, 'content-type': 'application/json' }, BASIC_AUTH_BODY);
        case 'hang':
          return;
        case 'reset':
          return request.socket.resetAndDestroy();
      }
      const upstream = forward(
        { host: target.hostname, port: target.port, method: recorded.method, path: recorded.url, headers: { ...request.headers, host: target.host } },
        (answered: IncomingMessage) => {
          const pass = () => {
            recorded.status = answered.statusCode;
            response.writeHead(answered.statusCode ?? 502, answered.headers);
            if (active?.kind !== 'break') return answered.pipe(response);
            let left = active.afterBytes;
            answered.on('data', (chunk: Buffer) => {
              if (left <= 0) return;
              response.write(chunk.subarray(0, left));
              left -= chunk.length;
              if (left > 0) return;
              answered.destroy();
              // A moment for the bytes written to leave before the connection goes.
              setTimeout(() => request.socket.destroy(), 50).unref();
            });
            answered.on('end', () => response.end());
          };
          if (active?.kind === 'latency') setTimeout(pass, active.ms).unref();
          else pass();
        },
      );
      upstream.on('error', () => request.socket.destroy());
      // The caller hung up (a cancelled query): Druid sees its connection close too.
      response.on('close', () => {
        if (!response.writableFinished) upstream.destroy();
      });
      upstream.end(body);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as { port: number };

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get fault() {
      return fault;
    },
    setFault(next) {
      fault = next;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
