// Streaming SQL against a local server that sends arrayLines in pieces.
import { afterEach, describe, expect, it } from 'vitest';
import { createDruidClient, type DruidClient } from '../client';
import type { DruidError } from '../errors';
import { startFakeDruid, type FakeDruid, type Reply } from '../testing/fake-druid';

const HEADER = '["page","views"]\n["STRING","LONG"]\n["VARCHAR","BIGINT"]\n';
let druid: FakeDruid | undefined;
let client: DruidClient | undefined;

afterEach(async () => {
  await client?.close();
  await druid?.close();
});

async function streamFrom(reply: Reply) {
  druid = await startFakeDruid(() => ({ headers: { 'content-type': 'text/plain', 'x-druid-sql-query-id': 'q-7' }, ...reply }));
  client = createDruidClient({
    overlordUrl: druid.url,
    brokerUrl: druid.url,
    coordinatorUrl: druid.url,
    layout: 'split',
    tls: { rejectUnauthorized: true },
    timeoutMs: 2000,
  });
  return client.sql.stream({ query: 'SELECT page, views FROM clicks' });
}

async function collect(rows: AsyncIterable<unknown[]>): Promise<unknown[][]> {
  const out: unknown[][] = [];
  for await (const row of rows) out.push(row);
  return out;
}

describe('sql.stream', () => {
  it('yields typed columns, then rows as they arrive, however the body is split', async () => {
    const stream = await streamFrom({
      chunks: [HEADER.slice(0, 20), HEADER.slice(20), '["Crème brûlée",', '9007199254740993]\n["b", 2', ']\n\n'],
      chunkDelayMs: 5,
    });
    expect(JSON.parse(druid!.requests[0].body)).toMatchObject({ resultFormat: 'arrayLines', header: true, typesHeader: true, sqlTypesHeader: true });
    expect(stream.sqlQueryId).toBe('q-7');
    expect(stream.columns).toEqual([
      { name: 'page', type: 'STRING', sqlType: 'VARCHAR' },
      { name: 'views', type: 'LONG', sqlType: 'BIGINT' },
    ]);
    expect(await collect(stream.rows)).toEqual([
      ['Crème brûlée', '9007199254740993'],
      ['b', 2],
    ]);
  });

  it('fails when the query breaks off mid-stream, after the rows that did arrive', async () => {
    const stream = await streamFrom({ chunks: [HEADER, '["a",1]\n["b",'], breakAfterChunks: false });
    const seen: unknown[][] = [];
    const error = await (async () => {
      for await (const row of stream.rows) seen.push(row);
    })().catch((e: DruidError) => e);
    expect(seen).toEqual([['a', 1]]);
    expect(error).toMatchObject({ kind: 'invalid-response' });
    expect((error as DruidError).message).toContain('the query probably failed after it started returning rows');
  });

  it('reports a dropped connection as Druid closing it', async () => {
    const stream = await streamFrom({ chunks: [HEADER, '["a",1]\n'], breakAfterChunks: true });
    const error = await collect(stream.rows).catch((e: DruidError) => e);
    expect(error).toMatchObject({ kind: 'unreachable', message: `Druid's Broker at ${druid!.url} closed the connection before the result was complete` });
  });

  it('hangs up when the reader stops early, or cancels without reading', async () => {
    const stream = await streamFrom({ chunks: [HEADER, '["a",1]\n', '["b",2]\n'], chunkDelayMs: 100 });
    for await (const row of stream.rows) {
      expect(row).toEqual(['a', 1]);
      break;
    }
    await expect.poll(() => druid!.hangUps()).toBe(1);
    const unread = await client!.sql.stream({ query: 'SELECT 1' });
    await unread.cancel();
    await expect.poll(() => druid!.hangUps()).toBe(2);
  });
});
