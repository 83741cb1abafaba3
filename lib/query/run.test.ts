// Tributary's query deadline against a local server standing in for the Broker: Druid is told the
// deadline, a user's context.timeout never lengthens it, and a query still running when it passes
// is cancelled in Druid (DELETE /druid/v2/sql/{sqlQueryId}, DELETE /druid/v2/{queryId}).
import { afterEach, describe, expect, it } from 'vitest';
import { createDruidClient, type DruidClient } from '../druid/client';
import { startFakeDruid, type FakeDruid, type Handler, type RecordedRequest } from '../druid/testing/fake-druid';
import type { ApiError } from '../http/api-error';
import { runNative, runSql } from './run';
import { SqlStreamEventSchema } from './schemas';

const HEADER = '["page","views"]\n["STRING","LONG"]\n["VARCHAR","BIGINT"]\n';
const CANCELLED = { status: 202 };
const FAST = { answerGraceMs: 50 };

let druid: FakeDruid | undefined;
let client: DruidClient | undefined;
afterEach(async () => {
  await client?.close();
  await druid?.close();
});

async function broker(handler: Handler): Promise<DruidClient> {
  druid = await startFakeDruid(handler);
  client = createDruidClient(
    { overlordUrl: druid.url, brokerUrl: druid.url, coordinatorUrl: druid.url, layout: 'split', tls: { rejectUnauthorized: true }, timeoutMs: 30_000 },
    { warn: () => {} },
  );
  return client;
}

const bodyOf = (request: RecordedRequest) => JSON.parse(request.body) as { context: Record<string, unknown> };
const deletes = () => druid!.requests.filter((r) => r.method === 'DELETE').map((r) => r.url);
const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
};

describe('runSql', () => {
  it("tells Druid Tributary's deadline, whatever context.timeout the user sent", async () => {
    const druidClient = await broker(() => ({ headers: { 'content-type': 'text/plain' }, body: `${HEADER}["a",1]\n\n` }));
    const response = await runSql(druidClient, { query: 'SELECT 1', context: { timeout: 1e300, sqlTimeZone: 'UTC' }, timeoutMs: 5_000 }, new AbortController().signal);
    await response.text();
    expect(bodyOf(druid!.requests[0]).context).toMatchObject({ timeout: 5_000, sqlTimeZone: 'UTC', sqlQueryId: expect.any(String) });
    expect(deletes()).toEqual([]);
  });

  it('cancels in Druid, by the id it gave the query, a query that has not answered by the deadline', async () => {
    const druidClient = await broker((request) => (request.method === 'DELETE' ? CANCELLED : { delayMs: 20_000 }));
    const started = Date.now();
    const error = (await runSql(druidClient, { query: 'SELECT slow', timeoutMs: 300 }, new AbortController().signal, FAST).catch((e: ApiError) => e)) as ApiError;
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(error).toMatchObject({ status: 504, code: 'query_timeout' });
    const sqlQueryId = bodyOf(druid!.requests[0]).context.sqlQueryId as string;
    expect(error.message).toBe(`The query ran past its 0.3 s deadline; Tributary stopped waiting and cancelled it in Druid (query id ${sqlQueryId}).`);
    await until(() => deletes().length > 0);
    expect(deletes()).toEqual([`/druid/v2/sql/${sqlQueryId}`]);
  });

  it('stops a result still streaming at the deadline, ends with a timeout event and cancels it, keeping the caller\'s id', async () => {
    const druidClient = await broker((request) =>
      request.method === 'DELETE' ? CANCELLED : { headers: { 'content-type': 'text/plain' }, chunks: [HEADER, ...Array.from({ length: 100 }, (_, i) => `["p${i}",${i}]\n`)], chunkDelayMs: 50 },
    );
    const response = await runSql(druidClient, { query: 'SELECT page, views FROM clicks', context: { sqlQueryId: 'page-42' }, timeoutMs: 400 }, new AbortController().signal, FAST);
    const events = (await response.text()).trim().split('\n').map((line) => SqlStreamEventSchema.parse(JSON.parse(line)));
    expect(events[0]).toMatchObject({ type: 'header' });
    expect(events.some((e) => e.type === 'rows')).toBe(true);
    expect(events.at(-1)).toMatchObject({ type: 'error', error: { code: 'query_timeout' } });
    await until(() => deletes().length > 0);
    expect(deletes()).toEqual(['/druid/v2/sql/page-42']);
  });
});

describe('runNative', () => {
  it('caps context.timeout and cancels by queryId when the deadline passes', async () => {
    const druidClient = await broker((request) => (request.method === 'DELETE' ? CANCELLED : { delayMs: 20_000 }));
    const query = { queryType: 'timeseries', dataSource: 'clicks', intervals: ['2000/3000'], granularity: 'all', context: { timeout: 1e300, queryId: 'mine-1' } };
    const error = await runNative(druidClient, { query, timeoutMs: 300 }, new AbortController().signal, FAST).catch((e: ApiError) => e);
    expect(error).toMatchObject({ status: 504, code: 'query_timeout' });
    expect(bodyOf(druid!.requests[0]).context).toEqual({ timeout: 300, queryId: 'mine-1' });
    await until(() => deletes().length > 0);
    expect(deletes()).toEqual(['/druid/v2/mine-1']);
  });

  it('refuses a context.timeout that is not a number of milliseconds, without asking Druid', async () => {
    const druidClient = await broker(() => ({ status: 500 }));
    const query = { queryType: 'timeseries', dataSource: 'clicks', context: { timeout: 'later' } };
    const error = await runNative(druidClient, { query }, new AbortController().signal).catch((e: ApiError) => e);
    expect(error).toMatchObject({ status: 400, message: 'Invalid request body.query.context.timeout: must be a number of milliseconds (got "later").' });
    expect(druid!.requests).toEqual([]);
  });
});
