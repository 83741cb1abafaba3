// Ingestion end to end: messages produced to the local Kafka cluster land in DuckDB as Druid
// would store them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MockCluster } from '@/devstack/kafka/mock-cluster';
import { startEngine, type Engine } from './server';
import { call, kafkaSpec, produce, sampleValues, waitFor } from './testing';

let cluster: MockCluster;
let engine: Engine;

beforeAll(async () => {
  cluster = new MockCluster({ brokers: 1 });
  engine = await startEngine({ port: 0, dataPath: ':memory:' });
});

afterAll(async () => {
  await engine?.close();
  cluster?.close();
});

async function submit(spec: Record<string, unknown>) {
  const response = await call(`${engine.url}/druid/indexer/v1/supervisor`, 'POST', spec);
  expect(response.status, response.text).toBe(200);
}

const rowsOf = (ds: string, count: number) => waitFor(`${count} rows in ${ds}`, async () => {
  const rows = engine.store.datasource(ds) ? await engine.store.readRows(ds) : [];
  return rows.length >= count ? rows : undefined;
});

describe('ingestion into DuckDB', () => {
  it('ingests the seed 000 clickstream with ISO times and string dimensions', async () => {
    cluster.createTopic({ name: 'clickstream', partitions: 2 });
    const values = sampleValues('seed000-clickstream');
    await produce(cluster.bootstrapServers, 'clickstream', values.map((value) => ({ value })));
    const startedAt = Date.now();
    await submit(kafkaSpec({
      dataSource: 'mytopic-kafka', topic: 'clickstream', bootstrapServers: cluster.bootstrapServers,
      timestampSpec: { column: 'time', format: 'auto' },
      dimensionsSpec: { dimensions: ['url', 'user'] },
      metricsSpec: [{ type: 'count', name: 'views' }, { name: 'latencyMs', type: 'doubleSum', fieldName: 'latencyMs' }],
      granularitySpec: { type: 'uniform', segmentGranularity: 'hour', queryGranularity: 'none', rollup: false },
    }));
    const rows = await rowsOf('mytopic-kafka', values.length);
    expect(Date.now() - startedAt).toBeLessThan(5000);
    expect(rows).toHaveLength(values.length);
    expect(rows).toContainEqual({ __time: Date.parse('2020-03-19T16:57:59Z'), url: '/', user: 'roni', views: 1, latencyMs: 15 });
    const info = engine.store.datasource('mytopic-kafka')!;
    expect(info.columns.map((c) => `${c.name}:${c.type}:${c.role}`)).toEqual(['__time:LONG:time', 'url:STRING:dimension', 'user:STRING:dimension', 'views:LONG:metric', 'latencyMs:DOUBLE:metric']);
  });

  it('rolls up seed 001 adclicks (millis and clicks as strings) by hour with longSum and count', async () => {
    cluster.createTopic({ name: 'adclicks', partitions: 1 });
    const values = sampleValues('seed001-adclicks');
    await produce(cluster.bootstrapServers, 'adclicks', values.map((value) => ({ value })));
    await submit(kafkaSpec({
      dataSource: 'kafkatest', topic: 'adclicks', bootstrapServers: cluster.bootstrapServers,
      timestampSpec: { column: 'timestamp', format: 'millis' },
      dimensionsSpec: { dimensions: ['city', 'platform'] },
      metricsSpec: [{ name: 'count', type: 'count' }, { name: 'click', type: 'longSum', fieldName: 'click' }],
      granularitySpec: { type: 'uniform', segmentGranularity: 'DAY', queryGranularity: 'HOUR', rollup: true },
    }));
    const status = await waitFor('all adclicks read', async () => {
      const { body } = await call(`${engine.url}/druid/indexer/v1/supervisor/kafkatest/status`);
      const payload = (body as { payload: { aggregateLag: number } }).payload;
      return payload.aggregateLag === 0 && (await engine.store.rowCount('kafkatest')) > 0 ? payload : undefined;
    });
    expect(status).toMatchObject({ latestOffsets: { 0: values.length }, minimumLag: { 0: 0 } });
    await new Promise((resolve) => setTimeout(resolve, 400));
    const rows = await engine.store.readRows('kafkatest');
    const parsed = values.map((value) => JSON.parse(value) as { timestamp: string; city: string; platform: string; click: string });
    expect(rows.reduce((sum, row) => sum + Number(row.count), 0)).toBe(values.length);
    expect(rows.reduce((sum, row) => sum + Number(row.click), 0)).toBe(parsed.reduce((sum, p) => sum + Number(p.click), 0));
    expect(rows.length).toBeLessThan(values.length);
    for (const row of rows) expect(Number(row.__time) % 3_600_000).toBe(0);
    const groups = new Set(parsed.map((p) => `${Math.floor(Number(p.timestamp) / 3_600_000)}|${p.city}|${p.platform}`));
    expect(rows).toHaveLength(groups.size);
  });

  it('takes the event time from the Kafka record with the kafka inputFormat (payments)', async () => {
    cluster.createTopic({ name: 'payments', partitions: 1 });
    const values = sampleValues('seed003-payments');
    const base = Date.parse('2024-03-01T10:00:00Z');
    await produce(cluster.bootstrapServers, 'payments', values.map((value, i) => ({ value, key: `k${i}`, timestamp: String(base + i * 1000), headers: { source: 'ksql' } })));
    await submit(kafkaSpec({
      dataSource: 'payments', topic: 'payments', bootstrapServers: cluster.bootstrapServers,
      inputFormat: { type: 'kafka', valueFormat: { type: 'json' }, headerFormat: { type: 'string' }, keyFormat: { type: 'csv', columns: ['k'] } },
      timestampSpec: { column: 'kafka.timestamp', format: 'millis' },
      dimensionsSpec: { dimensions: ['name', 'kafka.key', 'kafka.header.source'] },
      metricsSpec: [{ type: 'longSum', name: 'amount', fieldName: 'amount' }],
    }));
    const rows = await rowsOf('payments', values.length);
    expect(rows[0]).toEqual({ __time: base, name: 'Dave', 'kafka.key': 'k0', 'kafka.header.source': 'ksql', amount: 33 });
    expect(rows[values.length - 1].__time).toBe(base + (values.length - 1) * 1000);
  });

  it('reads epoch seconds (crypto, posix) and CSV, and counts unparseable rows', async () => {
    cluster.createTopic({ name: 'crypto', partitions: 1 });
    await produce(cluster.bootstrapServers, 'crypto', sampleValues('seed004-crypto').slice(0, 5).map((value) => ({ value })));
    await submit(kafkaSpec({ dataSource: 'crypto', topic: 'crypto', bootstrapServers: cluster.bootstrapServers, timestampSpec: { column: 'timestamp', format: 'posix' }, dimensionsSpec: { dimensions: ['name'] }, metricsSpec: [{ type: 'longSum', name: 'data_id', fieldName: 'data_id' }] }));
    const crypto = await rowsOf('crypto', 5);
    expect(crypto[0]).toEqual({ __time: 1666391360000, name: 'BTC', data_id: 150 });

    cluster.createTopic({ name: 'csv-orders', partitions: 1 });
    await produce(cluster.bootstrapServers, 'csv-orders', ['2024-01-30 21:21:41,Oslo,3', 'not,a,time', '2024-01-30 21:22:00,"Bergen, NO",4', '{"json": "in a csv topic"}', '2024-01-30 21:23:00,Tromsø,lots'].map((value) => ({ value })));
    await submit(kafkaSpec({
      dataSource: 'orders', topic: 'csv-orders', bootstrapServers: cluster.bootstrapServers,
      inputFormat: { type: 'csv', columns: ['ts', 'city', 'qty'] },
      timestampSpec: { column: 'ts', format: 'yyyy-MM-dd HH:mm:ss' },
      dimensionsSpec: { dimensions: ['city', { type: 'long', name: 'qty' }] },
    }));
    const orders = await rowsOf('orders', 3);
    expect(orders).toEqual([
      { __time: Date.parse('2024-01-30T21:21:41Z'), city: 'Oslo', qty: 3 },
      { __time: Date.parse('2024-01-30T21:22:00Z'), city: 'Bergen, NO', qty: 4 },
      { __time: Date.parse('2024-01-30T21:23:00Z'), city: 'Tromsø', qty: null },
    ]);
    const { body } = await call(`${engine.url}/druid/indexer/v1/supervisor/orders/stats`);
    const task = Object.values((body as Record<string, Record<string, { totals: { buildSegments: Record<string, number> } }>>)['0'])[0];
    expect(task.totals.buildSegments).toMatchObject({ processed: 2, processedWithError: 1, unparseable: 2, thrownAway: 0 });
    const status = await call(`${engine.url}/druid/indexer/v1/supervisor/orders/status`);
    const errors = (status.body as { payload: { recentErrors: { message: string; streamException: boolean }[] } }).payload.recentErrors;
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatchObject({ streamException: false, message: expect.stringContaining('Timestamp[not] is unparseable') });
  });

  it('drops rows by transformSpec filter and late-message rejection as thrownAway', async () => {
    cluster.createTopic({ name: 'events', partitions: 1 });
    const now = Date.now();
    const events = [
      { t: now, country: 'NO' },
      { t: now, country: 'XX' },
      { t: now - 3 * 3_600_000, country: 'SE' },
      { t: now, country: 'DK' },
    ];
    await produce(cluster.bootstrapServers, 'events', events.map((e) => ({ value: JSON.stringify(e) })));
    await submit(kafkaSpec({
      dataSource: 'events', topic: 'events', bootstrapServers: cluster.bootstrapServers,
      timestampSpec: { column: 't', format: 'millis' },
      dimensionsSpec: { dimensions: ['country'] },
      transformSpec: { filter: { type: 'not', field: { type: 'in', dimension: 'country', values: ['XX'] } } },
      ioConfig: { lateMessageRejectionPeriod: 'PT1H' },
    }));
    const rows = await rowsOf('events', 2);
    expect(rows.map((row) => row.country).sort()).toEqual(['DK', 'NO']);
    const stats = await waitFor('thrownAway counted', async () => {
      const { body } = await call(`${engine.url}/druid/indexer/v1/supervisor/events/stats`);
      const totals = Object.values((body as Record<string, Record<string, { totals: { buildSegments: Record<string, number> } }>>)['0'])[0].totals.buildSegments;
      return totals.processed + totals.thrownAway === 4 ? totals : undefined;
    });
    expect(stats).toMatchObject({ processed: 2, thrownAway: 2 });
  });

  it('starts at the end of the topic with useEarliestOffset false', async () => {
    cluster.createTopic({ name: 'late-start', partitions: 1 });
    await produce(cluster.bootstrapServers, 'late-start', [{ value: '{"t":1,"v":"old"}' }]);
    await submit(kafkaSpec({ dataSource: 'late-start', topic: 'late-start', bootstrapServers: cluster.bootstrapServers, timestampSpec: { column: 't', format: 'millis' }, ioConfig: { useEarliestOffset: false } }));
    await waitFor('supervisor running', async () => {
      const { body } = await call(`${engine.url}/druid/indexer/v1/supervisor/late-start/status`);
      return (body as { payload: { detailedState: string } }).payload.detailedState === 'RUNNING' || undefined;
    });
    await produce(cluster.bootstrapServers, 'late-start', [{ value: '{"t":2,"v":"new"}' }]);
    const rows = await rowsOf('late-start', 1);
    expect(rows).toEqual([{ __time: 2, v: 'new' }]);
  });

  it('flattens the Kafka Connect envelope (seed 002) with flattenSpec paths', async () => {
    cluster.createTopic({ name: 'connect', partitions: 1 });
    const values = sampleValues('seed002-connect-envelope').slice(0, 3);
    await produce(cluster.bootstrapServers, 'connect', values.map((value) => ({ value })));
    const field = (name: string) => ({ type: 'path', name, expr: `$.payload.${name}` });
    await submit(kafkaSpec({
      dataSource: 'connect', topic: 'connect', bootstrapServers: cluster.bootstrapServers,
      inputFormat: { type: 'json', flattenSpec: { useFieldDiscovery: false, fields: ['c1_int16', 'c5_double', 'c6_boolean', 'c7_string', 'c9_timestamp'].map(field) } },
      timestampSpec: { column: 'c9_timestamp', format: 'millis' },
      dimensionsSpec: { dimensions: [{ type: 'long', name: 'c1_int16' }, 'c6_boolean', 'c7_string'] },
      metricsSpec: [{ type: 'doubleSum', name: 'c5_double', fieldName: 'c5_double' }],
    }));
    const rows = await rowsOf('connect', 3);
    expect(rows[0]).toEqual({ __time: 1651051906000, c1_int16: 1, c6_boolean: 'true', c7_string: 'c77777', c5_double: 5.555 });
  });

  it('discovers typed columns with useSchemaDiscovery, adding columns as they appear', async () => {
    cluster.createTopic({ name: 'discovery', partitions: 1 });
    await produce(cluster.bootstrapServers, 'discovery', [
      { value: '{"ts":1700000000,"page":"/a","views":3}' },
      { value: '{"ts":1700000001,"page":"/b","views":4,"ratio":0.5,"tags":["x","y"],"geo":{"country":"NO"}}' },
      { value: '{"ts":1700000002,"page":"/c","views":9223372036854775807}' },
    ]);
    await submit(kafkaSpec({
      dataSource: 'discovery', topic: 'discovery', bootstrapServers: cluster.bootstrapServers,
      timestampSpec: { column: 'ts', format: 'posix' },
      dimensionsSpec: { useSchemaDiscovery: true },
    }));
    const rows = await rowsOf('discovery', 3);
    const exact = await engine.store.connection.runAndReadAll(`SELECT CAST(views AS VARCHAR) FROM druid."discovery" WHERE page = '/c'`);
    expect(exact.getRowsJson()).toEqual([['9223372036854775807']]);
    expect(rows[1]).toEqual({ __time: 1700000001000, page: '/b', views: 4, ratio: 0.5, tags: ['x', 'y'], geo: '{"country":"NO"}' });
    expect(engine.store.datasource('discovery')!.columns.map((c) => `${c.name}:${c.type}`)).toEqual([
      '__time:LONG', 'page:STRING', 'views:LONG', 'ratio:DOUBLE', 'tags:ARRAY<STRING>', 'geo:COMPLEX<json>',
    ]);
  });

  it('serves what it ingested through the Broker (Druid SQL and sys tables)', async () => {
    cluster.createTopic({ name: 'queried', partitions: 2 });
    await submit(kafkaSpec({
      dataSource: 'queried', topic: 'queried', bootstrapServers: cluster.bootstrapServers,
      timestampSpec: { column: 'timestamp', format: 'millis' }, dimensionsSpec: { dimensions: ['city'] },
      metricsSpec: [{ name: 'count', type: 'count' }, { name: 'click', type: 'longSum', fieldName: 'click' }],
      granularitySpec: { segmentGranularity: 'day', queryGranularity: 'hour', rollup: true },
      ioConfig: { useEarliestOffset: false },
    }));
    await waitFor('supervisor running', async () => ((await call(`${engine.url}/druid/indexer/v1/supervisor/queried/status`)).body as { payload: { detailedState: string } }).payload.detailedState === 'RUNNING');
    await produce(cluster.bootstrapServers, 'queried', sampleValues('seed001-adclicks').slice(0, 10).map((value) => ({ value })));
    const sql = (query: string) => call(`${engine.url}/druid/v2/sql`, 'POST', { query });
    const totals = await waitFor('all ten records queryable', async () => {
      const { body } = await sql('SELECT SUM("count") AS events, SUM(click) AS clicks FROM queried');
      const [row] = body as { events: number; clicks: number }[];
      return row?.events === 10 ? row : undefined;
    });
    const clicks = sampleValues('seed001-adclicks').slice(0, 10).reduce((sum, value) => sum + Number((JSON.parse(value) as { click: string }).click), 0);
    expect(totals).toEqual({ events: 10, clicks });
    expect((await sql("SELECT supervisor_id, detailed_state FROM sys.supervisors WHERE supervisor_id = 'queried'")).body).toEqual([{ supervisor_id: 'queried', detailed_state: 'RUNNING' }]);
  });
});
