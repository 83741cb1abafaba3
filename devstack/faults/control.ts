// An HTTP control API over the stack's fault proxies, for tests in another process (Playwright):
//   GET  /faults                → { proxies: [{ name, port, fault }] }
//   PUT  /faults/{name}         { kind: "latency", ms } | { kind: "refuse" } | { kind: "reset" } | { kind: "hang" } | { kind: "bandwidth", bytesPerSecond }
//   DELETE /faults/{name}       → back to forwarding untouched
import { createServer, type Server } from 'node:http';
import type { Fault, FaultProxy } from './proxy';

const KINDS = new Set(['latency', 'refuse', 'reset', 'hang', 'bandwidth']);

export async function startFaultControl(proxies: Readonly<Record<string, FaultProxy>>): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const answer = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    const url = new URL(request.url ?? '/', 'http://control');
    if (request.method === 'GET' && url.pathname === '/faults') {
      return answer(200, { proxies: Object.entries(proxies).map(([name, proxy]) => ({ name, port: proxy.port, fault: proxy.fault })) });
    }
    const match = /^\/faults\/([^/]+)$/.exec(url.pathname);
    const proxy = match ? proxies[decodeURIComponent(match[1])] : undefined;
    if (!proxy) return answer(404, { error: `no fault proxy at ${url.pathname}; GET /faults lists them` });
    if (request.method === 'DELETE') {
      proxy.setFault(null);
      return answer(200, { fault: null });
    }
    if (request.method !== 'PUT') return answer(405, { error: 'use PUT or DELETE' });
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      try {
        const fault = JSON.parse(body) as Fault;
        if (!KINDS.has(fault.kind)) return answer(400, { error: `kind must be one of ${[...KINDS].join(', ')}` });
        proxy.setFault(fault);
        answer(200, { fault });
      } catch {
        answer(400, { error: 'the body must be a JSON fault' });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
