// An HTTP control API over the stack's faults, for tests in another process (Playwright):
//   GET  /faults                → { proxies: [{ name, port, fault }] }
//   PUT  /faults/{name}         { kind: "latency", ms } | { kind: "refuse" } | { kind: "reset" } | { kind: "hang" } | { kind: "bandwidth", bytesPerSecond }
//   DELETE /faults/{name}       → back to forwarding untouched
//   POST /processes/{name}/stop → stops a real process of the stack (a Druid broker, the overlord…)
//   POST /processes/{name}/start → starts it again and answers once it is ready
import { createServer, type Server } from 'node:http';
import type { Fault, FaultProxy } from './proxy';

const KINDS = new Set(['latency', 'refuse', 'reset', 'hang', 'bandwidth']);

export interface ProcessControl {
  readonly names: readonly string[];
  stop(name: string): Promise<void>;
  start(name: string): Promise<void>;
}

export async function startFaultControl(proxies: Readonly<Record<string, FaultProxy>>, processes?: ProcessControl): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(async (request, response) => {
    const answer = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    const url = new URL(request.url ?? '/', 'http://control');
    if (request.method === 'GET' && url.pathname === '/faults') {
      return answer(200, { proxies: Object.entries(proxies).map(([name, proxy]) => ({ name, port: proxy.port, fault: proxy.fault })) });
    }
    const process = /^\/processes\/([^/]+)\/(stop|start)$/.exec(url.pathname);
    if (process && request.method === 'POST') {
      const name = decodeURIComponent(process[1]);
      if (!processes?.names.includes(name)) return answer(404, { error: `no process "${name}"; one of ${processes?.names.join(', ') ?? 'none'}` });
      try {
        await (process[2] === 'stop' ? processes.stop(name) : processes.start(name));
        return answer(200, { process: name, [process[2] === 'stop' ? 'stopped' : 'ready']: true });
      } catch (error) {
        return answer(500, { error: (error as Error).message });
      }
    }
    const match = /^\/faults\/([^/]+)$/.exec(url.pathname);
    const proxy = match ? proxies[decodeURIComponent(match[1])] : undefined;
    if (!proxy) return answer(404, { error: `no fault proxy at ${url.pathname}; GET /faults lists them` });
    if (request.method === 'DELETE') {
      proxy.setFault(null);
      return answer(200, { fault: null });
    }
    if (request.method !== 'PUT') return answer(405, { error: 'use PUT or DELETE' });
    try {
      let body = '';
      for await (const chunk of request) body += chunk;
      const fault = JSON.parse(body) as Fault;
      if (!KINDS.has(fault.kind)) return answer(400, { error: `kind must be one of ${[...KINDS].join(', ')}` });
      proxy.setFault(fault);
      answer(200, { fault });
    } catch {
      answer(400, { error: 'the body must be a JSON fault' });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
