import { createServer, type Server } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHttpFaultProxy, type HttpFaultProxy } from './http-fault-proxy';

// A small server stands in for the Router: it answers with what it received, in two pieces.
let origin: Server;
let proxy: HttpFaultProxy;
const seen: string[] = [];

beforeAll(async () => {
  origin = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      seen.push(`${request.method} ${request.url}`);
      response.writeHead(200, { 'content-type': 'application/json', 'x-druid-sql-query-id': 'q-1' });
      response.write(`{"url":${JSON.stringify(request.url)},`);
      setTimeout(() => response.end(`"body":${JSON.stringify(body)},"auth":${JSON.stringify(request.headers.authorization ?? null)}}`), 20);
    });
  });
  await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', () => resolve()));
  proxy = await startHttpFaultProxy({ target: `http://127.0.0.1:${(origin.address() as { port: number }).port}` });
});

afterAll(async () => {
  await proxy.close();
  await new Promise<void>((resolve) => origin.close(() => resolve()));
});

afterEach(() => {
  proxy.setFault(null);
  proxy.requests.length = 0;
  seen.length = 0;
});

const call = (path: string, init: RequestInit = {}) => fetch(`${proxy.url}${path}`, { redirect: 'manual', signal: AbortSignal.timeout(2_000), ...init });

describe('HTTP fault proxy', () => {
  it('forwards method, path, body, headers and the streamed answer untouched, and records the request', async () => {
    const response = await call('/druid/v2/sql?x=1', { method: 'POST', body: '{"query":"SELECT 1"}', headers: { authorization: 'Basic YTpi' } });
    expect(response.headers.get('x-druid-sql-query-id')).toBe('q-1');
    expect(await response.json()).toEqual({ url: '/druid/v2/sql?x=1', body: '{"query":"SELECT 1"}', auth: 'Basic YTpi' });
    expect(proxy.requests).toEqual([{ method: 'POST', url: '/druid/v2/sql?x=1', body: '{"query":"SELECT 1"}', status: 200 }]);
  });

  it('answers a status fault itself, only under its path prefix', async () => {
    proxy.setFault({ kind: 'status', status: 502, body: '<html>Bad Gateway</html>', contentType: 'text/html', pathPrefix: '/druid/indexer/' });
    const failed = await call('/druid/indexer/v1/supervisor');
    expect([failed.status, failed.headers.get('content-type'), await failed.text()]).toEqual([502, 'text/html', '<html>Bad Gateway</html>']);
    expect((await call('/druid/v2/sql')).status).toBe(200);
    proxy.setFault({ kind: 'status', status: 400, method: 'POST' });
    expect((await call('/druid/indexer/v1/supervisor', { method: 'POST', body: '{}' })).status).toBe(400);
    expect((await call('/druid/indexer/v1/supervisor')).status).toBe(200);
    expect(seen).toEqual(['GET /druid/v2/sql', 'GET /druid/indexer/v1/supervisor']);
  });

  it('redirects to another origin with the same path and query', async () => {
    proxy.setFault({ kind: 'redirect', location: 'http://leader:8081' });
    const response = await call('/druid/indexer/v1/supervisor?state=true');
    expect([response.status, response.headers.get('location')]).toEqual([307, 'http://leader:8081/druid/indexer/v1/supervisor?state=true']);
  });

  it("answers with basic security's challenge and JSON error", async () => {
    proxy.setFault({ kind: 'basic-auth' });
    const response = await call('/status');
    expect([response.status, response.headers.get('www-authenticate')]).toEqual([401, 'Basic']);
    expect(await response.json()).toMatchObject({ error: 'Unauthorized' });
  });

  it('lets the request through at once and holds the answer back under latency', async () => {
    proxy.setFault({ kind: 'latency', ms: 300 });
    const started = Date.now();
    const pending = call('/druid/indexer/v1/supervisor/x/terminate', { method: 'POST' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen).toEqual(['POST /druid/indexer/v1/supervisor/x/terminate']);
    expect((await pending).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });

  it('cuts an answer off after the bytes it lets through', async () => {
    proxy.setFault({ kind: 'break', afterBytes: 10 });
    const response = await call('/druid/v2/sql');
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('{"url":"/d');
    await expect(reader.read()).rejects.toThrow(/terminated/);
  });

  it('hangs without forwarding, and drops the connection on reset', async () => {
    proxy.setFault({ kind: 'hang' });
    await expect(fetch(`${proxy.url}/status`, { signal: AbortSignal.timeout(300) })).rejects.toThrow(/aborted|timeout/i);
    expect(seen).toEqual([]);
    proxy.setFault({ kind: 'reset' });
    await expect(call('/status')).rejects.toThrow(/fetch failed/);
  });
});
