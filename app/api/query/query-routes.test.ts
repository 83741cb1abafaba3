// The /api/query routes in-process against a scripted Broker: streaming, limits, errors, cancellation.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SqlStreamEventSchema, NativeQueryResponseSchema, type SqlStreamEvent } from '@/lib/query/schemas';
import { startFakeDruid, json, type FakeDruid, type Handler } from '@/lib/druid/testing/fake-druid';

let broker: FakeDruid;
let routes: {
  sql: typeof import('./sql/route');
  sqlCancel: typeof import('./sql/[queryId]/route');
  native: typeof import('./native/route');
  nativeCancel: typeof import('./native/[queryId]/route');
};

const HEADER = '["url","views"]\n["STRING","LONG"]\n["VARCHAR","BIGINT"]\n';
const rowsOf = (n: number) => Array.from({ length: n }, (_, i) => `["/p${i}",${i}]\n`).join('');
let reply: Handler = () => ({ body: '' });

beforeAll(async () => {
  broker = await startFakeDruid((request) => reply(request));
  process.env.KAFKA_BROKERS = '127.0.0.1:1';
  process.env.DRUID_URL = broker.url;
  routes = {
    sql: await import('./sql/route'),
    sqlCancel: await import('./sql/[queryId]/route'),
    native: await import('./native/route'),
    nativeCancel: await import('./native/[queryId]/route'),
  };
});
afterAll(() => broker.close());
beforeEach(() => {
  broker.requests.length = 0;
});

const postSql = (body: unknown, signal?: AbortSignal) =>
  routes.sql.POST(new Request('http://app/api/query/sql', { method: 'POST', body: JSON.stringify(body), signal }));

async function eventsOf(response: Response): Promise<SqlStreamEvent[]> {
  const text = await response.text();
  return text.trim().split('\n').map((line) => SqlStreamEventSchema.parse(JSON.parse(line)));
}

const until = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  if (!check()) throw new Error(`never saw ${what}`);
};

describe('POST /api/query/sql', () => {
  it('streams typed columns, the rows with big integers exact, and the count', async () => {
    reply = () => ({ headers: { 'x-druid-sql-query-id': 'from-druid' }, chunks: [HEADER, '["/",9007199254740993]\n', '["/cart",2]\n'], chunkDelayMs: 5 });
    const response = await postSql({ query: 'SELECT url, SUM(views) FROM "web-clickstream" GROUP BY 1', context: { sqlQueryId: 'page-1' } });
    expect(response.headers.get('content-type')).toBe('application/x-ndjson');
    const events = await eventsOf(response);
    expect(events[0]).toEqual({
      type: 'header',
      sqlQueryId: 'from-druid',
      columns: [
        { name: 'url', type: 'STRING', sqlType: 'VARCHAR' },
        { name: 'views', type: 'LONG', sqlType: 'BIGINT' },
      ],
    });
    expect(events.flatMap((e) => (e.type === 'rows' ? e.rows : []))).toEqual([
      ['/', '9007199254740993'],
      ['/cart', 2],
    ]);
    expect(events.at(-1)).toMatchObject({ type: 'end', rowCount: 2, truncated: false, rowLimit: 10_000 });
    const sent = JSON.parse(broker.requests[0].body);
    expect(sent).toMatchObject({ resultFormat: 'arrayLines', context: { sqlQueryId: 'page-1', timeout: 60_000 } });
  });

  it('stops at the row limit the request asked for and says the result was truncated', async () => {
    reply = () => ({ body: HEADER + rowsOf(50) });
    const events = await eventsOf(await postSql({ query: 'SELECT * FROM t', rowLimit: 20 }));
    expect(events.flatMap((e) => (e.type === 'rows' ? e.rows : []))).toHaveLength(20);
    expect(events.at(-1)).toMatchObject({ type: 'end', rowCount: 20, truncated: true, rowLimit: 20 });
  });

  it('ends with an error event, after the rows that came, when Druid breaks off mid-result', async () => {
    reply = () => ({ chunks: [HEADER, '["/a",1]\n', '["/b",'], breakAfterChunks: true });
    const events = await eventsOf(await postSql({ query: 'SELECT * FROM t' }));
    expect(events.flatMap((e) => (e.type === 'rows' ? e.rows : []))).toEqual([['/a', 1]]);
    const last = events.at(-1);
    expect(last?.type).toBe('error');
    if (last?.type === 'error') expect(last.error.message).toMatch(/closed the connection before the result was complete|ends without its final newline/);
  });

  it("answers a SQL error with Druid's message and the position to underline", async () => {
    reply = () =>
      json(
        JSON.stringify({
          error: 'SQL parse failed',
          errorCode: 'invalidInput',
          persona: 'USER',
          category: 'INVALID_INPUT',
          errorMessage: 'Incorrect syntax near the keyword \'FORM\' (line [1], column [10])',
          context: { sourceType: 'sql', line: '1', column: '10', endLine: '1', endColumn: '13' },
        }),
        400,
      );
    const response = await postSql({ query: 'SELECT 1 FORM t' });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.message).toContain("Incorrect syntax near the keyword 'FORM' (line [1], column [10])");
    expect(error.details.context).toMatchObject({ line: '1', column: '10' });
  });

  it('names the field that is wrong in a bad request', async () => {
    const response = await postSql({ query: '   ', rowLimit: 1_000_000 });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.message).toContain('body.query: must not be empty');
    expect(error.message).toContain('body.rowLimit: must be at most 100,000 rows');
  });

  it('cancels the query in Druid when the browser stops reading mid-stream', async () => {
    reply = (request) => (request.method === 'DELETE' ? { status: 202 } : { chunks: [HEADER, rowsOf(3), rowsOf(3), rowsOf(3)], chunkDelayMs: 2_000 });
    const response = await postSql({ query: 'SELECT * FROM t', context: { sqlQueryId: 'slow-1' } });
    const reader = response.body!.getReader();
    await reader.read();
    await reader.cancel();
    await until(() => broker.requests.some((r) => r.method === 'DELETE'), 'the cancel');
    expect(broker.requests.find((r) => r.method === 'DELETE')!.url).toBe('/druid/v2/sql/slow-1');
  });

  it('cancels the query in Druid when the browser aborts before any answer', async () => {
    reply = (request) => (request.method === 'DELETE' ? { status: 202 } : { delayMs: 3_000, body: HEADER });
    const abort = new AbortController();
    const pending = postSql({ query: 'SELECT * FROM t', context: { sqlQueryId: 'slow-2' } }, abort.signal);
    await until(() => broker.requests.length > 0, 'the query');
    abort.abort();
    const response = await pending;
    expect(response.status).toBe(499);
    await until(() => broker.requests.some((r) => r.method === 'DELETE'), 'the cancel');
    expect(broker.requests.find((r) => r.method === 'DELETE')!.url).toBe('/druid/v2/sql/slow-2');
  });

  it('cancels by id on request, and says so when Druid no longer runs it', async () => {
    reply = (request) => (request.url.endsWith('/gone') ? { status: 404 } : { status: 202 });
    const ctx = (queryId: string) => ({ params: Promise.resolve({ queryId }) });
    const ok = await routes.sqlCancel.DELETE(new Request('http://app/api/query/sql/q-9', { method: 'DELETE' }), ctx('q-9'));
    expect(await ok.json()).toEqual({ cancelled: true, queryId: 'q-9' });
    const gone = await routes.sqlCancel.DELETE(new Request('http://app/api/query/sql/gone', { method: 'DELETE' }), ctx('gone'));
    expect(gone.status).toBe(404);
    expect((await gone.json()).error.message).toContain('may have finished already');
  });
});

describe('POST /api/query/native', () => {
  it("returns Druid's results as they are with a table beside them", async () => {
    const results = [{ timestamp: '2020-03-19T00:00:00.000+08:00', result: { views: 3 } }];
    reply = () => json(JSON.stringify(results));
    const response = await routes.native.POST(
      new Request('http://app/api/query/native', { method: 'POST', body: JSON.stringify({ query: { queryType: 'timeseries', dataSource: 'web-clickstream', intervals: ['2020/2021'], granularity: 'day' } }) }),
    );
    expect(response.status).toBe(200);
    const body = NativeQueryResponseSchema.parse(await response.json());
    expect(body.results).toEqual(results);
    expect(body.table.rows).toEqual([['2020-03-19T00:00:00.000+08:00', 3]]);
    expect(JSON.parse(broker.requests[0].body).context).toMatchObject({ queryId: body.queryId, timeout: 60_000 });
  });

  it('says which part of the query is missing', async () => {
    const response = await routes.native.POST(new Request('http://app/api/query/native', { method: 'POST', body: JSON.stringify({ query: { dataSource: 'x' } }) }));
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toContain('body.query.queryType: needs a "queryType"');
  });

  it('cancels a native query by id through DELETE /druid/v2/{queryId}', async () => {
    reply = () => ({ status: 202 });
    await routes.nativeCancel.DELETE(new Request('http://app/api/query/native/n-1', { method: 'DELETE' }), { params: Promise.resolve({ queryId: 'n-1' }) });
    expect(broker.requests.at(-1)).toMatchObject({ method: 'DELETE', url: '/druid/v2/n-1' });
  });
});
