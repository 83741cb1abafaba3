// Every demo topic loads end to end on real Kafka and Druid, the way the Load wizard does it:
// ~20 minutes of a generator's history in a topic of this test's own, a sample from earliest
// (limit 500) and inference through the app, the spec built and validated, submitted through
// the app, and rows landing in Druid with the times and columns a user of that topic expects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STREAM_TOPICS } from '@/devstack/streams/catalogue';
import { startStreams } from '@/devstack/streams/run-streams';
import { pollUntil, testStack } from '@/testing/real-stack';
import { appJson, deleteTopics, sampleThroughApp } from '@/testing/app';
import type { InferResult } from '@/lib/infer';
import { truncateToGranularity } from '@/lib/ingest';
import type { SubmitResult } from '@/lib/operate';
import { buildSpec, loadPlanSchema, validateSpec, type SupervisorSpec } from '@/lib/spec';

const stack = testStack();
const prefix = `load-${Date.now().toString(36)}-`;
const HISTORY_HOURS = 1 / 3;
/** Late events in the clickstream and ad clicks carry event times up to 4 hours back. */
const LATE_EVENTS_MAX_MS = 4 * 3_600_000;
const SLACK_MS = 60_000;
/** The shared indexer has 8 task slots and the demo supervisors hold 2. */
const CONCURRENT_LOADS = 4;
const INGEST_TIMEOUT_MS = 120_000;
const LOAD_TEST_TIMEOUT_MS = 170_000;

type Row = Record<string, unknown>;
type BuildSegments = { processed: number; processedWithError: number; unparseable: number; thrownAway: number };
type InferAnswer = Pick<InferResult, 'inputFormat' | 'timestampSpec' | 'dimensionsSpec' | 'metricsSpec' | 'granularitySpec' | 'transformSpec'>;
type SampledRecord = { timestamp: number | null };

interface Loaded {
  readonly records: readonly SampledRecord[];
  readonly inferred: InferAnswer;
  readonly spec: SupervisorSpec;
  readonly rows: readonly Row[];
  readonly columns: Readonly<Record<string, { type: string; role: string }>>;
  readonly totals: BuildSegments;
  readonly produced: number;
}

let produced: Record<string, number>;
let historyStart: number;
let historyEnd: number;

beforeAll(async () => {
  historyStart = Date.now() - HISTORY_HOURS * 3_600_000;
  const streams = startStreams({ bootstrapServers: stack.kafka.bootstrapServers, historyHours: HISTORY_HOURS, seed: 'topics-load', topicPrefix: prefix, log: () => undefined });
  try {
    await streams.historyDone;
  } finally {
    await streams.stop();
  }
  historyEnd = Date.now();
  produced = streams.produced();
});

afterAll(() => deleteTopics(...STREAM_TOPICS.map((topic) => prefix + topic.name)));

/** At most `limit` loads at once: each holds an indexer task slot while it runs. */
function bounded(limit: number): <T>(work: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (work) => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await work();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}
const slot = bounded(CONCURRENT_LOADS);

async function druid<T>(route: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(`${stack.druidUrl}${route}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${route} answered ${response.status}: ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : null) as T;
}

/** The supervisor's row counts summed over its running tasks, as Druid reports them. */
async function rowStats(id: string): Promise<BuildSegments> {
  type TaskStats = { totals?: { buildSegments?: Partial<BuildSegments> } };
  const groups = await druid<Record<string, Record<string, TaskStats>>>(`/druid/indexer/v1/supervisor/${encodeURIComponent(id)}/stats`);
  const tasks = Object.values(groups).flatMap((group) => Object.values(group));
  const sum = (key: keyof BuildSegments) => tasks.reduce((n, task) => n + (task.totals?.buildSegments?.[key] ?? 0), 0);
  return { processed: sum('processed'), processedWithError: sum('processedWithError'), unparseable: sum('unparseable'), thrownAway: sum('thrownAway') };
}

const ALL_TIME = ['1000-01-01/3000-01-01'];

/** Every stored row, __time in epoch millis (a native scan sees the realtime tasks' rows at once). */
async function scanRows(datasource: string): Promise<Row[]> {
  const answer = await druid<{ events: Row[] }[]>('/druid/v2', { body: { queryType: 'scan', dataSource: datasource, intervals: ALL_TIME, resultFormat: 'list' } });
  return answer.flatMap((segment) => segment.events);
}

/** Each column's type, and whether it is a metric (it has an aggregator) or a dimension. */
async function describeColumns(datasource: string): Promise<Loaded['columns']> {
  type Analysis = { columns: Record<string, { type: string }>; aggregators: Record<string, unknown> | null };
  const [merged] = await druid<Analysis[]>('/druid/v2', { body: { queryType: 'segmentMetadata', dataSource: datasource, intervals: ALL_TIME, merge: true, analysisTypes: ['aggregators'] } });
  const metrics = new Set(Object.keys(merged.aggregators ?? {}));
  return Object.fromEntries(Object.entries(merged.columns).map(([name, column]) => [name, { type: column.type, role: metrics.has(name) ? 'metric' : 'dimension' }]));
}

/**
 * Terminates through the app, as a user would. A terminated supervisor's tasks publish and wait
 * for handoff, holding their slots for a minute or more: they are shut down instead, and the
 * datasource's segments marked unused, so the shared Druid keeps neither slots nor rows.
 */
async function removeSupervisor(id: string): Promise<void> {
  const terminated = await appJson(`/api/supervisors/${encodeURIComponent(id)}/terminate`, { body: {} });
  const running = async () => (await druid<{ id: string; status: string }[]>(`/druid/indexer/v1/tasks?datasource=${encodeURIComponent(id)}`)).filter((task) => task.status === 'RUNNING');
  for (const task of await running()) await druid(`/druid/indexer/v1/task/${encodeURIComponent(task.id)}/shutdown`, { method: 'POST' });
  // Marked unused only once no task is left that could still publish a segment.
  await pollUntil(`${id}: its tasks stopped`, running, (tasks) => tasks.length === 0, 60_000, 500);
  await druid(`/druid/coordinator/v1/datasources/${encodeURIComponent(id)}`, { method: 'DELETE' });
  expect(terminated.status, JSON.stringify(terminated.body)).toBe(200);
}

async function load(catalogueName: string): Promise<Loaded> {
  const topic = prefix + catalogueName;
  const records = await sampleThroughApp(topic, { from: 'earliest', limit: 500 });
  expect(records).toHaveLength(500);
  const inferredAnswer = await appJson<InferAnswer>('/api/infer', { body: { records } });
  expect(inferredAnswer.status, JSON.stringify(inferredAnswer.body)).toBe(200);
  const inferred = inferredAnswer.body;
  const defaults = await appJson<{ bootstrapServers: string[] }>('/api/load/defaults');
  const plan = loadPlanSchema.parse({
    topic,
    datasource: topic,
    bootstrapServers: defaults.body.bootstrapServers,
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

  const submitted = await appJson<SubmitResult>('/api/supervisors', { body: spec });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  expect(submitted.body.outcome).toBe('created');
  try {
    const total = produced[topic];
    const seen = (counts: BuildSegments) => counts.processed + counts.processedWithError + counts.unparseable + counts.thrownAway;
    const totals = await pollUntil(`${topic}: all ${total} records read`, () => rowStats(topic), (counts) => seen(counts) >= total, INGEST_TIMEOUT_MS);
    const stored = (rows: Row[]) => rows.reduce((n, row) => n + Number(row.count), 0);
    const rows = await pollUntil(`${topic}: every ingested row queryable`, () => scanRows(topic), (read) => stored(read) === totals.processed + totals.processedWithError, 30_000);
    return { records: records as SampledRecord[], inferred, spec, rows, columns: await describeColumns(topic), totals, produced: total };
  } finally {
    await removeSupervisor(topic);
  }
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
    for (const record of loaded.records) expect(times).toContain(truncateToGranularity(record.timestamp!, queryGranularity));
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

describe('every demo topic loads end to end on real Kafka and Druid', () => {
  it('has a check for every topic in the streams catalogue', () => {
    expect(Object.keys(CHECKS).sort()).toEqual(STREAM_TOPICS.map((topic) => topic.name).sort());
  });

  for (const topic of STREAM_TOPICS) {
    it.concurrent(
      `${topic.name}: sampled, inferred, submitted and ingested`,
      async () => {
        const loaded = await slot(() => load(topic.name));
        expect(loaded.rows.length).toBeGreaterThan(0);
        expect(loaded.totals.processed + loaded.totals.processedWithError).toBeGreaterThan(loaded.produced * 0.9);
        CHECKS[topic.name](loaded);
      },
      LOAD_TEST_TIMEOUT_MS,
    );
  }
});
