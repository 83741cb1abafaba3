// How the client behaves when Druid, or the way to it, misbehaves; asserted on
// the messages an operator reads.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DruidConfig } from '@/lib/config';
import { formatSeconds } from './classify';
import { createDruidClient, type DruidClient } from './client';
import type { DruidError } from './errors';
import { json, startFakeDruid, type FakeDruid, type Handler } from './testing/fake-druid';
import type { DruidClientOptions } from './transport';

const S = '/druid/indexer/v1/supervisor';
const TLS_DIR = path.join(__dirname, 'testing/tls');

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((thing) => thing.close()));
});

async function fake(handler: Handler, tls?: { key: string; cert: string }): Promise<FakeDruid> {
  const druid = await startFakeDruid(handler, tls);
  open.push(druid);
  return druid;
}

function clientFor(url: string, config: Partial<DruidConfig> = {}, options: DruidClientOptions = {}): DruidClient {
  const client = createDruidClient(
    {
      overlordUrl: url,
      brokerUrl: url,
      coordinatorUrl: url,
      layout: 'split',
      tls: { rejectUnauthorized: true },
      timeoutMs: 2000,
      ...config,
    },
    { retry: { baseDelayMs: 5 }, warn: () => {}, ...options },
  );
  open.push(client);
  return client;
}

const failure = (promise: Promise<unknown>) => promise.then(
  () => {
    throw new Error('expected the call to fail');
  },
  (error: DruidError) => error,
);

async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

describe('reaching Druid', () => {
  it('sends each call to its own service when Overlord, Broker and Coordinator are separate', async () => {
    const overlord = await fake(() => json('["clicks"]'));
    const broker = await fake(() => json('[["n"],[1]]'));
    const coordinator = await fake(() => json('["clicks"]'));
    const client = clientFor(overlord.url, { brokerUrl: broker.url, coordinatorUrl: coordinator.url });
    await client.supervisors.list();
    await client.sql.query({ query: 'SELECT 1 AS n', header: true, typesHeader: false, sqlTypesHeader: false });
    await client.datasources.list();
    expect([overlord, broker, coordinator].map((service) => service.requests.map((r) => r.url))).toEqual([
      [S],
      ['/druid/v2/sql'],
      ['/druid/coordinator/v1/datasources'],
    ]);
  });

  it('names the service and address that refused the connection', async () => {
    const url = await closedPortUrl();
    const error = await failure(clientFor(url).supervisors.list());
    expect(error).toMatchObject({ kind: 'unreachable', service: 'Overlord', path: S });
    expect(error.message).toBe(`Druid's Overlord at ${url} refused the connection`);
  });

  it('says when a host name does not resolve', async () => {
    // A failed lookup as undici reports it, so the test does not depend on this machine's resolver.
    const lookupFailure = Object.assign(new Error('getaddrinfo ENOTFOUND druid-broker.example'), { code: 'ENOTFOUND', hostname: 'druid-broker.example' });
    const fetch = () => Promise.reject(new TypeError('fetch failed', { cause: lookupFailure }));
    const client = clientFor('http://druid-broker.example:8082', {}, { fetch, retry: { attempts: 1 } });
    const error = await failure(client.sql.query({ query: 'SELECT 1' }));
    expect(error.kind).toBe('unreachable');
    expect(error.message).toBe(
      "Druid's Broker at http://druid-broker.example:8082 could not be found: the host name druid-broker.example does not resolve",
    );
  });

  it('calls the service a Router when one URL serves every API', async () => {
    const url = await closedPortUrl();
    const error = await failure(clientFor(url, { layout: 'router' }, { retry: { attempts: 1 } }).sql.query({ query: 'SELECT 1' }));
    expect(error.message).toBe(`Druid's Router at ${url} refused the connection`);
  });

  it('gives up on a slow answer at the timeout, which a call may shorten', async () => {
    const druid = await fake(() => ({ ...json('[]'), delayMs: 1500 }));
    const started = Date.now();
    const error = await failure(clientFor(druid.url, { timeoutMs: 15_000 }).supervisors.list({ timeoutMs: 200 }));
    expect(Date.now() - started).toBeLessThan(1400);
    expect(error).toMatchObject({ kind: 'timeout', message: `Druid's Overlord at ${druid.url} did not answer within 0.2 s` });
    expect(druid.requests).toHaveLength(1);
    expect(formatSeconds(15_000)).toBe('15 s');
  });

  it('reports a call the caller cancelled', async () => {
    const druid = await fake(() => ({ ...json('[]'), delayMs: 1000 }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await failure(clientFor(druid.url).supervisors.list({ signal: controller.signal }));
    expect(error.kind).toBe('cancelled');
  });
});

describe('retries', () => {
  it('retries a read that a restarting Druid answered with 503', async () => {
    let calls = 0;
    const druid = await fake(() => (++calls < 3 ? { status: 503, body: '' } : json('["clicks"]')));
    expect(await clientFor(druid.url).supervisors.list()).toEqual(['clicks']);
    expect(druid.requests.map((r) => r.method)).toEqual(['GET', 'GET', 'GET']);
  });

  it('never retries a POST or a DELETE', async () => {
    const druid = await fake(() => ({ status: 503, body: '' }));
    const client = clientFor(druid.url);
    const error = await failure(client.supervisors.suspend('clicks'));
    expect(error.message).toBe(`Druid's Overlord at ${druid.url} answered HTTP 503 to POST ${S}/clicks/suspend with no explanation`);
    await failure(client.sql.cancel('q-1'));
    expect(druid.requests.map((r) => r.method)).toEqual(['POST', 'DELETE']);
  });

  it('does not retry what Druid refused on purpose', async () => {
    const druid = await fake(() => json('{"error":"Plan validation failed","errorMessage":"Object \'nope\' not found","errorClass":"org.apache.calcite.runtime.CalciteContextException","host":null}', 400));
    const error = await failure(clientFor(druid.url).supervisors.list());
    expect(error).toMatchObject({ kind: 'http', status: 400, druidCode: 'Plan validation failed', message: "Plan validation failed: Object 'nope' not found" });
    expect(druid.requests).toHaveLength(1);
  });
});

describe('the Overlord leader', () => {
  it('follows a redirect to a leader the admin listed, re-sending the method, body and credentials', async () => {
    const leader = await fake(() => json('{"id":"clicks"}'));
    const follower = await fake((request) => ({ status: 307, headers: { location: `${leader.url}${request.url}` } }));
    const client = clientFor(follower.url, { auth: { username: 'admin', password: 'secret' }, allowedOrigins: [leader.url] });
    expect(await client.supervisors.submit({ type: 'kafka', spec: {} })).toEqual({ id: 'clicks' });
    expect(leader.requests).toHaveLength(1);
    expect(leader.requests[0]).toMatchObject({ method: 'POST', url: S, body: '{"type":"kafka","spec":{}}' });
    expect(leader.requests[0].headers.authorization).toBe(`Basic ${Buffer.from('admin:secret').toString('base64')}`);
  });

  it('names the leader in errors that happen there', async () => {
    const leader = await fake(() => json('{"error":"Supervisor clicks is already suspended"}', 400));
    const follower = await fake((request) => ({ status: 307, headers: { location: `${leader.url}${request.url}` } }));
    const error = await failure(clientFor(follower.url, { allowedOrigins: [leader.url] }).supervisors.suspend('clicks'));
    expect(error).toMatchObject({ url: leader.url, message: 'Supervisor clicks is already suspended' });
  });

  it('follows a redirect to another configured Druid service without listing it again', async () => {
    const coordinator = await fake(() => json('["clicks"]'));
    const overlord = await fake((request) => ({ status: 307, headers: { location: `${coordinator.url}${request.url}` } }));
    expect(await clientFor(overlord.url, { coordinatorUrl: coordinator.url }).supervisors.list()).toEqual(['clicks']);
    expect(coordinator.requests).toHaveLength(1);
  });

  it('refuses a redirect to a host outside the configuration, naming it, and sends it nothing', async () => {
    const elsewhere = await fake(() => json('{"id":"clicks"}'));
    const follower = await fake((request) => ({ status: 307, headers: { location: `${elsewhere.url}${request.url}` } }));
    const client = clientFor(follower.url, { auth: { username: 'admin', password: 'secret' } });
    const error = await failure(client.supervisors.submit({ type: 'kafka', spec: {} }));
    expect(error).toMatchObject({ kind: 'invalid-response', status: 307, url: follower.url });
    expect(error.message).toBe(
      `Druid's Overlord at ${follower.url} answered POST ${S} with a redirect to ${elsewhere.url}, a host outside Tributary's configuration; ` +
        'Tributary did not follow it. If that is the leader, add its origin to DRUID_ALLOWED_ORIGINS',
    );
    expect(elsewhere.requests).toEqual([]);
    // A read is not retried into the same refusal either.
    await failure(client.supervisors.list());
    expect(elsewhere.requests).toEqual([]);
    expect(follower.requests).toHaveLength(2);
  });

  it('tells origins apart by scheme and port, and refuses a location that is not http(s)', async () => {
    const druid = await fake((request) => {
      if (request.url.includes('/https/')) return { status: 307, headers: { location: `${druid.url.replace('http:', 'https:')}${request.url}` } };
      return { status: 308, headers: { location: 'file:///etc/passwd' } };
    });
    const client = clientFor(druid.url, {}, { retry: { attempts: 1 } });
    expect((await failure(client.supervisors.status('https'))).message).toContain(`a redirect to ${druid.url.replace('http:', 'https:')}, a host outside`);
    expect((await failure(client.supervisors.status('file'))).message).toContain('a redirect to "file:///etc/passwd", a host outside');
  });
});

describe('redirect loops', () => {
  it('stops following redirects that never reach a leader', async () => {
    const druid = await fake((request) => ({ status: 307, headers: { location: request.url } }));
    const error = await failure(clientFor(druid.url).supervisors.terminateAll());
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toBe(`Druid's Overlord at ${druid.url} answered POST ${S}/terminateAll with more than 3 redirects (last to ${S}/terminateAll)`);
    expect(druid.requests).toHaveLength(4);
  });
});

describe('what Druid answers', () => {
  it("tells an unhealthy supervisor from an Overlord that is down, and an unknown path from an unknown supervisor", async () => {
    const druid = await fake((request) => {
      if (request.url.includes('/sick/')) return json('{"healthy":false}', 503);
      if (request.url.includes('/down/')) return { status: 503, headers: { 'content-type': 'text/html' }, body: '<title>503 Service Unavailable</title>' };
      if (request.url.includes('/gone/')) return json('{"error":"[gone] does not exist"}', 404);
      return { status: 404, headers: { 'content-type': 'text/html' }, body: '<html><title>Error 404 Not Found</title></html>' };
    });
    const client = clientFor(druid.url, {}, { retry: { attempts: 1 } });
    expect(await client.supervisors.health('sick')).toEqual({ healthy: false });
    expect((await failure(client.supervisors.health('down'))).message).toBe(
      `Druid's Overlord at ${druid.url} answered HTTP 503 with an error page: "503 Service Unavailable"`,
    );
    expect((await failure(client.supervisors.health('gone'))).message).toBe('Druid has no supervisor named "gone"');
    expect((await failure(client.supervisors.health('old'))).message).toBe(
      `Druid's Overlord at ${druid.url} has nothing at ${S}/old/health (HTTP 404): Error 404 Not Found`,
    );
  });

  it("shows a proxy's HTML error page as its title", async () => {
    const druid = await fake(() => ({
      status: 502,
      headers: { 'content-type': 'text/html' },
      body: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>',
    }));
    const error = await failure(clientFor(druid.url, {}, { retry: { attempts: 1 } }).supervisors.list());
    expect(error.message).toBe(`Druid's Overlord at ${druid.url} answered HTTP 502 with an error page: "502 Bad Gateway"`);
    expect(error.message).not.toContain('<');
  });

  it('says whose credentials were refused, or that none are configured', async () => {
    const druid = await fake(() => ({ status: 401, headers: { 'content-type': 'text/html' }, body: '<html><title>Error 401 Unauthorized</title></html>' }));
    const withUser = await failure(clientFor(druid.url, { auth: { username: 'ops', password: 'wrong' } }).supervisors.list());
    expect(withUser).toMatchObject({ kind: 'auth', status: 401 });
    expect(withUser.message).toBe(`Druid's Overlord at ${druid.url} rejected the credentials of Druid user "ops" (HTTP 401)`);
    const anonymous = await failure(clientFor(druid.url).supervisors.list());
    expect(anonymous.message).toBe(`Druid's Overlord at ${druid.url} requires a login (HTTP 401), and Tributary has no Druid user configured`);
  });

  it("puts each error answer in the server's log: method, path, status and the start of the body, never credentials", async () => {
    const refusal = `{"error":"Cannot construct instance of \`KafkaSamplerSpec\`, problem: missing type id property 'type' (for POJO property 'spec') password=s3cret-pw${'x'.repeat(600)}"}`;
    const druid = await fake((request) => (request.url.endsWith('/status') ? json('{"error":"down"}', 503) : json(refusal, 400)));
    const logged: string[] = [];
    const client = clientFor(druid.url, { auth: { username: 'ops', password: 's3cret-pw' } }, { warn: (line) => logged.push(line) });
    await failure(client.sampler.sample({ type: 'kafka', spec: { type: 'kafka' } }));
    await failure(client.supervisors.status('clicks'));
    expect(logged[0]).toMatch(new RegExp(`^Druid's Overlord at ${druid.url} answered POST /druid/indexer/v1/sampler with HTTP 400: \\{"error":"Cannot construct`));
    expect(logged[0]).toContain("missing type id property 'type'");
    expect(logged[0].length).toBeLessThan(700);
    // A read that Druid answers 503 is retried: each answer is logged.
    expect(logged.slice(1)).toEqual(Array(3).fill(`Druid's Overlord at ${druid.url} answered GET ${S}/clicks/status with HTTP 503: {"error":"down"}`));
    const all = logged.join('\n');
    expect(all).not.toContain('s3cret-pw');
    expect(all).not.toContain(Buffer.from('ops:s3cret-pw').toString('base64'));
    expect(all).not.toContain('Basic');
  });

  it('says which action a Druid user may not take', async () => {
    const druid = await fake(() => json('{"Access-Check-Result":"Unauthorized"}', 403));
    const error = await failure(clientFor(druid.url, { auth: { username: 'viewer', password: 'p' } }).supervisors.terminate('clicks'));
    expect(error.message).toBe(`Druid user "viewer" is not allowed to POST ${S}/clicks/terminate on the Overlord (HTTP 403): Access-Check-Result: Unauthorized`);
  });

  it('reads the SQL parse error of the newer error envelope with its position', async () => {
    const druid = await fake(() =>
      json(
        JSON.stringify({
          error: 'druidException',
          errorCode: 'invalidInput',
          persona: 'USER',
          category: 'INVALID_INPUT',
          errorMessage: 'Incorrect syntax near the keyword FROM',
          context: { sourceType: 'sql', line: '1', column: '8', endLine: '1', endColumn: '11' },
        }),
        400,
      ),
    );
    const error = await failure(clientFor(druid.url).sql.query({ query: 'SELECT FROM x' }));
    expect(error).toMatchObject({ kind: 'http', status: 400, druidCode: 'invalidInput', category: 'INVALID_INPUT', service: 'Broker', path: '/druid/v2/sql' });
    expect(error.message).toBe('Incorrect syntax near the keyword FROM at line 1, column 8');
  });

  it('rejects a 200 whose body is not JSON, or not the expected shape', async () => {
    const druid = await fake((request) => (request.url.endsWith('status') ? json('{"id":"clicks","payload":{"dataSource":"clicks"}}') : { body: '<html>hello</html>' }));
    const client = clientFor(druid.url);
    const notJson = await failure(client.supervisors.list());
    expect(notJson.kind).toBe('invalid-response');
    expect(notJson.message).toMatch(new RegExp(`^Druid's Overlord at ${druid.url} answered GET ${S} with a body that is not valid JSON`));
    const wrongShape = await failure(client.supervisors.status('clicks'));
    expect(wrongShape.message).toContain('payload.suspended');
  });

  it('reports a SQL result cut off mid-stream', async () => {
    const druid = await fake(() => json('[["user"],["STRING"],["VARCHAR"],["BlueMo'));
    const error = await failure(clientFor(druid.url).sql.query({ query: 'SELECT "user" FROM w' }));
    expect(error.kind).toBe('invalid-response');
    expect(error.message).toContain('the query probably failed after it started returning rows');
  });

  it('returns a lag beyond 2^53 exactly', async () => {
    const druid = await fake(() =>
      json(`{"id":"clicks","payload":{"dataSource":"clicks","state":"RUNNING","detailedState":"RUNNING","healthy":true,"suspended":false,
        "latestOffsets":{"0":18014398509481990},"minimumLag":{"0":18014398509481985},"aggregateLag":18014398509481985}}`),
    );
    const status = await clientFor(druid.url).supervisors.status('clicks');
    expect(status.payload.aggregateLag).toBe('18014398509481985');
    expect(status.payload.latestOffsets).toEqual({ '0': '18014398509481990' });
  });
});

describe('TLS', () => {
  const tls = { key: readFileSync(path.join(TLS_DIR, 'server.key'), 'utf8'), cert: readFileSync(path.join(TLS_DIR, 'server.crt'), 'utf8') };

  it('refuses a certificate it cannot verify, and trusts it given its CA', async () => {
    const druid = await fake(() => json('true'), tls);
    const untrusted = await failure(clientFor(druid.url).status.health());
    expect(untrusted.kind).toBe('tls');
    expect(untrusted.message).toMatch(new RegExp(`^Druid's Broker at ${druid.url} presented a TLS certificate Tributary does not trust`));
    expect(await clientFor(druid.url, { tls: { caFile: path.join(TLS_DIR, 'ca.crt'), rejectUnauthorized: true } }).status.health()).toBe(true);
    expect(await clientFor(druid.url, { tls: { rejectUnauthorized: false } }).status.health()).toBe(true);
  });

  it('says when an https URL points at a plain HTTP port', async () => {
    const druid = await fake(() => json('true'));
    const url = druid.url.replace('http://', 'https://');
    const error = await failure(clientFor(url, {}, { retry: { attempts: 1 } }).status.health());
    expect(error.kind).toBe('tls');
    expect(error.message).toMatch(new RegExp(`^The TLS handshake with Druid's Broker at ${url} failed \\(.+\\): is that port serving HTTPS\\?$`));
  });

  it('says when the CA file cannot be read', async () => {
    const druid = await fake(() => json('true'), tls);
    const error = await failure(clientFor(druid.url, { tls: { caFile: '/nonexistent/ca.pem', rejectUnauthorized: true } }).status.health());
    expect(error.kind).toBe('tls');
    expect(error.message).toContain('Tributary cannot read the CA certificate file for Druid (/nonexistent/ca.pem)');
  });
});
