// The /api/query routes in-process against real Druid 33, through an HTTP fault proxy in front of
// the stack's Router: streaming, limits, Druid's SQL errors, a result cut off, cancellation.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHttpFaultProxy, type HttpFaultProxy } from '@/testing/http-fault-proxy';
import { testStack } from '@/testing/real-stack';
import { NativeQueryResponseSchema, SqlStreamEventSchema, type SqlStreamEvent } from '@/lib/query/schemas';

// Written by the stack's demo streams since it started: thousands of rows.
const DATASOURCE = 'web-clickstream';

let proxy: HttpFaultProxy;
let routes: {
  sql: typeof import('./sql/route');
  sqlCancel: typeof import('./sql/[queryId]/route');
  native: typeof import('./native/route');
  nativeCancel: typeof import('./native/[queryId]/route');
};

beforeAll(async () => {
  const stack = testStack();
  proxy = await startHttpFaultProxy({ target: stack.druidUrl });
  Object.assign(process.env, { KAFKA_BROKERS: stack.kafka.bootstrapServers, DRUID_URL: proxy.url });
  routes = {
    sql: await import('./sql/route'),
    sqlCancel: await import('./sql/[queryId]/route'),
    native: await import('./native/route'),
    nativeCancel: await import('./native/[queryId]/route'),
  };
});
afterAll(() => proxy.close());
afterEach(() => {
  proxy.setFault(null);
  proxy.requests.length = 0;
});

const JSON_HEADERS = { 'content-type': 'application/json' };
const unique = (what: string) => `${what}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
const postSql = (body: unknown, signal?: AbortSignal) => routes.sql.POST(new Request('http://app/api/query/sql', { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(body), signal }));

async function eventsOf(response: Response): Promise<SqlStreamEvent[]> {
  const text = await response.text();
  return text.trim().split('\n').map((line) => SqlStreamEventSchema.parse(JSON.parse(line)));
}
const rowsOf = (events: readonly SqlStreamEvent[]) => events.flatMap((e) => (e.type === 'rows' ? e.rows : []));

const until = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 250 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  if (!check()) throw new Error(`never saw ${what}`);
};
const cancelsOf = (queryId: string) => proxy.requests.filter((r) => r.method === 'DELETE' && r.url === `/druid/v2/sql/${queryId}`);

describe('POST /api/query/sql', () => {
  it('streams typed columns, the rows with big integers exact, and the count', async () => {
    const sqlQueryId = unique('page');
    const response = await postSql({ query: "SELECT 'a' AS url, 9007199254740993 AS views UNION ALL SELECT 'b', 2", context: { sqlQueryId } });
    expect(response.headers.get('content-type')).toBe('application/x-ndjson');
    const events = await eventsOf(response);
    expect(events[0]).toEqual({
      type: 'header',
      sqlQueryId,
      columns: [
        { name: 'url', type: 'STRING', sqlType: 'CHAR' },
        { name: 'views', type: 'LONG', sqlType: 'BIGINT' },
      ],
    });
    expect(rowsOf(events)).toEqual([
      ['a', '9007199254740993'],
      ['b', 2],
    ]);
    expect(events.at(-1)).toMatchObject({ type: 'end', rowCount: 2, truncated: false, rowLimit: 10_000 });
    expect(JSON.parse(proxy.requests[0].body)).toMatchObject({ resultFormat: 'arrayLines', context: { sqlQueryId, timeout: 60_000 } });
  });

  it('stops at the row limit the request asked for and says the result was truncated', async () => {
    const events = await eventsOf(await postSql({ query: `SELECT __time, url FROM "${DATASOURCE}"`, rowLimit: 20 }));
    expect(rowsOf(events)).toHaveLength(20);
    expect(events.at(-1)).toMatchObject({ type: 'end', rowCount: 20, truncated: true, rowLimit: 20 });
  });

  it('ends with an error event, after the rows that came, when the connection breaks off mid-result', async () => {
    proxy.setFault({ kind: 'break', afterBytes: 2_000, pathPrefix: '/druid/v2/sql' });
    const events = await eventsOf(await postSql({ query: `SELECT __time, url, "user" FROM "${DATASOURCE}" LIMIT 1000` }));
    expect(rowsOf(events).length).toBeGreaterThan(0);
    expect(rowsOf(events).length).toBeLessThan(1000);
    const last = events.at(-1);
    expect(last?.type).toBe('error');
    if (last?.type === 'error') expect(last.error.message).toMatch(/closed the connection before the result was complete|ends without its final newline/);
  });

  it("answers a SQL error with Druid's message and the position to underline", async () => {
    const response = await postSql({ query: 'SELECT 1 FORM t' });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.message).toContain('Received an unexpected token [t] (line [1], column [15])');
    expect(error.details.context).toMatchObject({ line: '1', column: '15' });
  });

  it('says Druid failed, in words, when a load balancer answers 502 with a page', async () => {
    proxy.setFault({ kind: 'status', status: 502, contentType: 'text/html', body: '<html><body><h1>502 Bad Gateway</h1></body></html>', pathPrefix: '/druid/v2/sql' });
    const response = await postSql({ query: 'SELECT 1' });
    expect(response.status).toBe(502);
    const { error } = await response.json();
    expect(error.code).toBe('druid_error');
    expect(error.message).toMatch(/502/);
  });

  it('names the field that is wrong in a bad request', async () => {
    const response = await postSql({ query: '   ', rowLimit: 1_000_000 });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.message).toContain('body.query: must not be empty');
    expect(error.message).toContain('body.rowLimit: must be at most 100,000 rows');
    expect(proxy.requests).toEqual([]);
  });

  it('cancels the query in Druid when the browser stops reading mid-stream', async () => {
    const sqlQueryId = unique('slow');
    const response = await postSql({ query: `SELECT * FROM "${DATASOURCE}"`, context: { sqlQueryId } });
    const reader = response.body!.getReader();
    await reader.read();
    await reader.cancel();
    await until(() => cancelsOf(sqlQueryId).length > 0, 'the cancel');
  });

  it('cancels the query in Druid when the browser aborts before any answer', async () => {
    // Druid runs the query at once; its answer is held back, so the browser gives up first.
    proxy.setFault({ kind: 'latency', ms: 3_000, pathPrefix: '/druid/v2/sql' });
    const sqlQueryId = unique('slow');
    const abort = new AbortController();
    const pending = postSql({ query: `SELECT COUNT(*) FROM "${DATASOURCE}"`, context: { sqlQueryId } }, abort.signal);
    await until(() => proxy.requests.length > 0, 'the query');
    abort.abort();
    expect((await pending).status).toBe(499);
    await until(() => cancelsOf(sqlQueryId).length > 0, 'the cancel');
  });

  it("cancels in Druid a query still unanswered at Tributary's deadline, whatever context.timeout asked for", async () => {
    // Druid gets the query at once; its answer is held back past Tributary's deadline (1 s, and 5 s for Druid to answer).
    proxy.setFault({ kind: 'latency', ms: 20_000, pathPrefix: '/druid/v2/sql', method: 'POST' });
    const sqlQueryId = unique('deadline');
    const started = Date.now();
    const response = await postSql({ query: `SELECT COUNT(*) FROM "${DATASOURCE}"`, context: { sqlQueryId, timeout: 1e300 }, timeoutMs: 1_000 });
    expect(response.status).toBe(504);
    expect((await response.json()).error).toMatchObject({ code: 'query_timeout', details: { queryId: sqlQueryId, timeoutMs: 1_000 } });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(JSON.parse(proxy.requests[0].body).context).toMatchObject({ sqlQueryId, timeout: 1_000 });
    await until(() => cancelsOf(sqlQueryId).some((r) => r.status !== undefined), 'the cancel answered');
    // Real Druid answered the cancel (202 while it ran the query, 404 once done), and no longer runs it.
    expect([202, 404]).toContain(cancelsOf(sqlQueryId)[0].status);
    const again = await fetch(`${testStack().druidUrl}/druid/v2/sql/${sqlQueryId}`, { method: 'DELETE' });
    expect(again.status).toBe(404);
  });

  it('cancels by id on request, and says so when Druid no longer runs it', async () => {
    const ctx = (queryId: string) => ({ params: Promise.resolve({ queryId }) });
    // Druid answers 404 for a query it does not run, as for one that finished.
    const gone = await routes.sqlCancel.DELETE(new Request('http://app/api/query/sql/gone', { method: 'DELETE', headers: JSON_HEADERS }), ctx('gone'));
    expect(gone.status).toBe(404);
    expect((await gone.json()).error.message).toContain('may have finished already');
    // Queries on the stack finish in milliseconds: the proxy answers as Druid does for one still running.
    proxy.setFault({ kind: 'status', status: 202, body: '', pathPrefix: '/druid/v2/sql/q-9' });
    const ok = await routes.sqlCancel.DELETE(new Request('http://app/api/query/sql/q-9', { method: 'DELETE', headers: JSON_HEADERS }), ctx('q-9'));
    expect(await ok.json()).toEqual({ cancelled: true, queryId: 'q-9' });
  });
});

describe('POST /api/query/native', () => {
  it("returns Druid's results as they are with a table beside them", async () => {
    const query = { queryType: 'timeseries', dataSource: DATASOURCE, intervals: ['2000/3000'], granularity: 'all', aggregations: [{ type: 'count', name: 'rows' }] };
    const response = await routes.native.POST(new Request('http://app/api/query/native', { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ query }) }));
    expect(response.status).toBe(200);
    const body = NativeQueryResponseSchema.parse(await response.json());
    const [result] = body.results as { timestamp: string; result: { rows: number } }[];
    expect(result.result.rows).toBeGreaterThan(100);
    expect(body.table.rows).toEqual([[result.timestamp, result.result.rows]]);
    expect(JSON.parse(proxy.requests[0].body).context).toMatchObject({ queryId: body.queryId, timeout: 60_000 });
  });

  it('says which part of the query is missing', async () => {
    const response = await routes.native.POST(new Request('http://app/api/query/native', { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ query: { dataSource: 'x' } }) }));
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toContain('body.query.queryType: needs a "queryType"');
  });

  it("cancels in Druid a native query still unanswered at Tributary's deadline", async () => {
    proxy.setFault({ kind: 'latency', ms: 20_000, pathPrefix: '/druid/v2', method: 'POST' });
    const queryId = unique('native-deadline');
    // timeout 0 is Druid's "no timeout": Tributary's deadline still applies.
    const query = { queryType: 'timeseries', dataSource: DATASOURCE, intervals: ['2000/3000'], granularity: 'all', aggregations: [{ type: 'count', name: 'rows' }], context: { queryId, timeout: 0 } };
    const response = await routes.native.POST(new Request('http://app/api/query/native', { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ query, timeoutMs: 1_000 }) }));
    expect(response.status).toBe(504);
    expect((await response.json()).error.code).toBe('query_timeout');
    expect(JSON.parse(proxy.requests[0].body).context).toEqual({ queryId, timeout: 1_000 });
    const cancels = () => proxy.requests.filter((r) => r.method === 'DELETE' && r.url === `/druid/v2/${queryId}`);
    await until(() => cancels().some((r) => r.status !== undefined), 'the cancel answered');
    expect([202, 404]).toContain(cancels()[0].status);
  });

  it('cancels a native query by id through DELETE /druid/v2/{queryId}', async () => {
    const response = await routes.nativeCancel.DELETE(new Request('http://app/api/query/native/n-1', { method: 'DELETE', headers: JSON_HEADERS }), { params: Promise.resolve({ queryId: 'n-1' }) });
    expect(proxy.requests.at(-1)).toMatchObject({ method: 'DELETE', url: '/druid/v2/n-1', status: 202 });
    expect(await response.json()).toEqual({ cancelled: true, queryId: 'n-1' });
  });
});
