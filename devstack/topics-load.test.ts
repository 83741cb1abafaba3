// Every local topic loads end to end, the way the Load wizard does it: ~20 minutes of history
// in Kafka, a sample from earliest (limit 500), inference, the spec built and validated, the
// spec submitted to the local engine, and rows landing with the times and columns a user of
// that topic expects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, waitFor } from '@/devstack/druid/testing';
import { startEngine, type Engine } from '@/devstack/druid/server';
import { MockCluster, configFor } from '@/devstack/kafka/testing/local-kafka';
import { STREAM_TOPICS } from '@/devstack/streams/catalogue';
import { startStreams } from '@/devstack/streams/run-streams';
import { inferSchema, type InferResult } from '@/lib/infer';
import { toInferInput } from '@/lib/infer/request';
import { truncateToGranularity } from '@/lib/ingest';
import { closeKafkaClient, kafkaClient, type KafkaClient } from '@/lib/kafka/client';
import { planSample } from '@/lib/kafka/sample-plan';
import { runSample } from '@/lib/kafka/sampler';
import { SampleRequestSchema, type SampleRecord } from '@/lib/kafka/schemas';
import { buildSpec, loadPlanSchema, validateSpec, type SupervisorSpec } from '@/lib/spec';

const HISTORY_HOURS = 1 / 3;
/** Late events in the clickstream and ad clicks carry event times up to 4 hours back. */
const LATE_EVENTS_MAX_MS = 4 * 3_600_000;
const SLACK_MS = 60_000;

type Row = Record<string, unknown>;
type BuildSegments = { processed: number; processedWithError: number; unparseable: number; thrownAway: number };

interface Loaded {
  readonly records: readonly SampleRecord[];
  readonly inferred: InferResult;
  readonly spec: SupervisorSpec;
  readonly rows: readonly Row[];
  readonly columns: Readonly<Record<string, { type: string; role: string }>>;
  readonly totals: BuildSegments;
  readonly produced: number;
}

let cluster: MockCluster;
let engine: Engine;
let client: KafkaClient;
let produced: Record<string, number>;
let historyStart: number;
let historyEnd: number;

beforeAll(async () => {
  cluster = new MockCluster({ brokers: 1 });
  for (const topic of STREAM_TOPICS) cluster.createTopic({ name: topic.name, partitions: topic.partitions });
  historyStart = Date.now() - HISTORY_HOURS * 3_600_000;
  const streams = startStreams({ bootstrapServers: cluster.bootstrapServers, historyHours: HISTORY_HOURS, seed: 'topics-load', log: () => undefined });
  try {
    await streams.historyDone;
  } finally {
    await streams.stop();
  }
  historyEnd = Date.now();
  produced = streams.produced();
  engine = await startEngine({ port: 0, dataPath: ':memory:' });
  client = kafkaClient(configFor(cluster.bootstrapServers));
});

afterAll(async () => {
  await closeKafkaClient();
  await engine?.close();
  cluster?.close();
});

async function sample(topic: string): Promise<SampleRecord[]> {
  const plan = await planSample(client, topic, SampleRequestSchema.parse({ from: 'earliest', limit: 500 }));
  const records: SampleRecord[] = [];
  for await (const event of runSample(client, plan, new AbortController().signal)) {
    if (event.type === 'records') records.push(...event.records);
  }
  return records;
}

async function load(topic: string): Promise<Loaded> {
  const records = await sample(topic);
  expect(records).toHaveLength(500);
  const inferred = await inferSchema(toInferInput(records), { now: Date.now() });
  const plan = loadPlanSchema.parse({
    topic,
    datasource: topic,
    bootstrapServers: [cluster.bootstrapServers],
    inputFormat: inferred.inputFormat,
    timestampSpec: inferred.timestampSpec,
    dimensionsSpec: inferred.dimensionsSpec,
    metricsSpec: inferred.metricsSpec,
    granularitySpec: inferred.granularitySpec,
    transformSpec: inferred.transformSpec,
    useEarliestOffset: true,
  });
  const spec = buildSpec(plan);
  expect(validateSpec(spec).issues.filter((issue) => issue.severity === 'error')).toEqual([]);

  const submitted = await call(`${engine.url}/druid/indexer/v1/supervisor`, 'POST', spec);
  expect(submitted.status, submitted.text).toBe(200);
  const total = produced[topic];
  const totals = await waitFor(`${topic}: all ${total} records read`, async () => {
    const { body } = await call(`${engine.url}/druid/indexer/v1/supervisor/${encodeURIComponent(topic)}/stats`);
    const tasks = Object.values(body as Record<string, Record<string, { totals: { buildSegments: BuildSegments } }>>).flatMap((group) => Object.values(group));
    const sum = (key: keyof BuildSegments) => tasks.reduce((n, task) => n + task.totals.buildSegments[key], 0);
    const counts = { processed: sum('processed'), processedWithError: sum('processedWithError'), unparseable: sum('unparseable'), thrownAway: sum('thrownAway') };
    const seen = counts.processed + counts.processedWithError + counts.unparseable + counts.thrownAway;
    if (seen < total) return undefined;
    // Rows reach DuckDB in persist batches: wait until every ingested row is stored.
    const rows = engine.store.datasource(topic) ? await engine.store.readRows(topic) : [];
    const stored = rows.reduce((n, row) => n + Number(row.count), 0);
    return stored === counts.processed + counts.processedWithError ? counts : undefined;
  }, 20_000);
  const rows = await engine.store.readRows(topic);
  const columns = Object.fromEntries(engine.store.datasource(topic)!.columns.map((c) => [c.name, { type: c.type, role: c.role }]));
  return { records, inferred, spec, rows, columns, totals, produced: total };
}

/** __time is an event time from the history window (late events may be older), never 1970 or one constant. */
function expectPlausibleTimes(loaded: Loaded, { late = false } = {}): void {
  const times = loaded.rows.map((row) => Number(row.__time));
  const earliest = historyStart - (late ? LATE_EVENTS_MAX_MS : 0) - SLACK_MS;
  const outside = times.filter((time) => time < earliest || time > historyEnd + SLACK_MS).map((time) => new Date(time).toISOString());
  expect(outside).toEqual([]);
  // Rolled-up rows stand for `count` events each: most events happened within the window.
  const events = sumOf(loaded, 'count');
  const inWindow = loaded.rows.filter((row) => Number(row.__time) >= historyStart - SLACK_MS).reduce((n, row) => n + Number(row.count), 0);
  expect(inWindow / events).toBeGreaterThan(0.9);
  expect(new Set(times).size).toBeGreaterThan(10);
}

function expectColumns(loaded: Loaded, expected: Readonly<Record<string, string>>): void {
  for (const [name, typeAndRole] of Object.entries(expected)) expect(`${name}:${loaded.columns[name]?.type}:${loaded.columns[name]?.role}`).toBe(`${name}:${typeAndRole}`);
}

const valuesOf = (loaded: Loaded, column: string) => new Set(loaded.rows.map((row) => row[column]));
const sumOf = (loaded: Loaded, column: string) => loaded.rows.reduce((n, row) => n + Number(row[column] ?? 0), 0);

/** What a user of each topic checks once it is loaded. */
const CHECKS: Readonly<Record<string, (loaded: Loaded) => void>> = {
  'web-clickstream': (loaded) => {
    expect(loaded.spec.spec.dataSchema.timestampSpec).toMatchObject({ column: 'time' });
    expectPlausibleTimes(loaded, { late: true });
    expectColumns(loaded, { url: 'STRING:dimension', user: 'STRING:dimension', sum_latencyMs: 'LONG:metric' });
    expect(sumOf(loaded, 'sum_latencyMs')).toBeGreaterThan(0);
  },
  'ad-clicks': (loaded) => {
    expect(loaded.spec.spec.dataSchema.timestampSpec).toEqual({ column: 'timestamp', format: 'millis' });
    expectPlausibleTimes(loaded, { late: true });
    expectColumns(loaded, { city: 'STRING:dimension', platform: 'STRING:dimension' });
    const clickMetric = loaded.spec.spec.dataSchema.metricsSpec?.find((m) => m.fieldName === 'click');
    expect(clickMetric).toMatchObject({ type: 'longSum' });
    expect(loaded.columns[clickMetric!.name]).toEqual({ type: 'LONG', role: 'metric' });
    // Clicks arrive as "0"/"1" strings: summed as longs, at most one per event.
    const clicks = sumOf(loaded, clickMetric!.name);
    expect(clicks).toBeGreaterThan(0);
    expect(clicks).toBeLessThan(sumOf(loaded, 'count'));
  },
  'crypto-prices': (loaded) => {
    expect(loaded.spec.spec.dataSchema.timestampSpec).toEqual({ column: 'timestamp', format: 'posix' });
    expectPlausibleTimes(loaded);
    // Epoch seconds: every time is a whole second.
    for (const row of loaded.rows) expect(Number(row.__time) % 1000).toBe(0);
    expectColumns(loaded, { name: 'STRING:dimension' });
    expect(valuesOf(loaded, 'name')).toContain('BTC');
  },
  payments: (loaded) => {
    expect(loaded.spec.spec.ioConfig.inputFormat).toMatchObject({ type: 'kafka', valueFormat: { type: 'json' } });
    expect(loaded.spec.spec.dataSchema.timestampSpec).toEqual({ column: 'kafka.timestamp', format: 'millis' });
    expectPlausibleTimes(loaded);
    // The value has no time of its own: each sampled record's Kafka time is a row's __time.
    const times = valuesOf(loaded, '__time');
    const queryGranularity = loaded.inferred.granularitySpec.queryGranularity;
    for (const record of loaded.records) expect(times).toContain(truncateToGranularity(record.timestamp as number, queryGranularity));
    expectColumns(loaded, { name: 'STRING:dimension', sum_amount: 'LONG:metric' });
  },
  'connect-envelopes': (loaded) => {
    expect(loaded.spec.spec.dataSchema.timestampSpec).toMatchObject({ column: 'c9_timestamp' });
    expectPlausibleTimes(loaded);
    expectColumns(loaded, { c7_string: 'STRING:dimension', c1_int16: 'LONG:dimension' });
    // The payload's fields, not the envelope's schema.
    expect(loaded.columns).not.toHaveProperty('schema');
    expect(loaded.columns).not.toHaveProperty('payload');
    expect(loaded.rows.every((row) => typeof row.c7_string === 'string')).toBe(true);
  },
  'sensor-readings-csv': (loaded) => {
    expect(loaded.spec.spec.ioConfig.inputFormat).toMatchObject({ type: 'csv' });
    expectPlausibleTimes(loaded);
    expectColumns(loaded, { sensor_id: 'STRING:dimension', site: 'STRING:dimension', note: 'STRING:dimension' });
    // The header line starts each partition; it is never a row.
    expect(valuesOf(loaded, 'sensor_id')).not.toContain('sensor_id');
    expect(loaded.totals.unparseable + loaded.totals.thrownAway).toBe(2);
    expect(sumOf(loaded, 'count')).toBe(loaded.produced - 2);
    // Quoted fields keep their commas.
    expect(valuesOf(loaded, 'site')).toContain('Berlin, Plant 2');
  },
  'app-events-dirty': (loaded) => {
    expectPlausibleTimes(loaded);
    expectColumns(loaded, { device_id: 'STRING:dimension', os: 'STRING:dimension', event: 'STRING:dimension' });
    // About 2% of the messages are broken: counted unparseable, every other one ingested.
    const share = loaded.totals.unparseable / loaded.produced;
    expect(share).toBeGreaterThan(0.005);
    expect(share).toBeLessThan(0.05);
    expect(sumOf(loaded, 'count')).toBe(loaded.produced - loaded.totals.unparseable - loaded.totals.thrownAway);
  },
  'dbserver1.inventory.customers': (loaded) => {
    expect(loaded.spec.spec.dataSchema.timestampSpec).toMatchObject({ column: 'source_ts_ms', format: 'millis' });
    expectPlausibleTimes(loaded);
    expectColumns(loaded, { id: 'LONG:dimension', email: 'STRING:dimension', tier: 'STRING:dimension', op: 'STRING:dimension' });
    expect(loaded.columns).not.toHaveProperty('after');
    expect(loaded.columns).not.toHaveProperty('before');
    expect([...valuesOf(loaded, 'op')].sort()).toEqual(['c', 'd', 'u']);
    // Creates and updates carry the after image; a delete has none.
    const created = loaded.rows.filter((row) => row.op === 'c');
    expect(created.every((row) => typeof row.email === 'string' && Number(row.id) >= 1001)).toBe(true);
  },
  'web-access-log': (loaded) => {
    expect(loaded.spec.spec.ioConfig.inputFormat).toMatchObject({ type: 'regex' });
    expect(loaded.spec.spec.dataSchema.timestampSpec).toMatchObject({ column: 'time_local' });
    expectPlausibleTimes(loaded);
    expectColumns(loaded, { status: 'LONG:dimension', method: 'STRING:dimension', path: 'STRING:dimension', sum_bytes: 'LONG:metric' });
    for (const status of valuesOf(loaded, 'status')) expect(Number(status)).toSatisfy((s: number) => s >= 100 && s <= 599);
    expect(valuesOf(loaded, 'method')).toContain('GET');
    expect(sumOf(loaded, 'sum_bytes')).toBeGreaterThan(0);
    expect(loaded.totals.unparseable).toBe(0);
  },
};

describe('every local topic loads end to end', () => {
  it('has a check for every topic in the streams catalogue', () => {
    expect(Object.keys(CHECKS).sort()).toEqual(STREAM_TOPICS.map((topic) => topic.name).sort());
  });

  for (const topic of STREAM_TOPICS) {
    it(`${topic.name}: sampled, inferred, submitted and ingested`, async () => {
      const loaded = await load(topic.name);
      expect(loaded.rows.length).toBeGreaterThan(0);
      expect(loaded.totals.processed + loaded.totals.processedWithError).toBeGreaterThan(loaded.produced * 0.9);
      CHECKS[topic.name](loaded);
    });
  }
});
