// One freshness probe, with a Kafka that hands it the messages it waits for and a Druid that finds
// the row after a few queries, or never: what it measures, what it stores, and what it says when
// a message cannot be followed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DruidClient, SqlQueryRequest } from '@/lib/druid';
import type { FetchedPartition, KafkaClient } from '@/lib/kafka/client';
import { FreshnessResponseSchema } from '@/lib/operate/monitoring-schemas';

let dir: string;
let freshness: typeof import('./freshness');
let route: typeof import('@/app/api/supervisors/[id]/freshness/route');
let audit: typeof import('./audit');

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tributary-probe-'));
  Object.assign(process.env, { KAFKA_BROKERS: 'localhost:9092', DRUID_URL: 'http://127.0.0.1:1', TRIBUTARY_DB_FILE: path.join(dir, 'tributary.db') });
  freshness = await import('./freshness');
  route = await import('@/app/api/supervisors/[id]/freshness/route');
  audit = await import('./audit');
});

afterAll(async () => {
  await audit?.closeStore();
  rmSync(dir, { recursive: true, force: true });
});

const spec = (id: string, dataSchema: Record<string, unknown> = {}) => ({
  type: 'kafka',
  spec: {
    dataSchema: {
      dataSource: id,
      timestampSpec: { column: 'time', format: 'millis' },
      dimensionsSpec: { dimensions: ['url', 'kind'] },
      granularitySpec: { segmentGranularity: 'hour', queryGranularity: 'none', rollup: false },
      ...dataSchema,
    },
    ioConfig: { topic: id, inputFormat: { type: 'json' }, consumerProperties: { 'bootstrap.servers': 'localhost:9092' } },
  },
});

/** A Kafka of one broker whose topic gets `values` written right after the probe starts waiting. */
function fakeKafka(topic: string, values: readonly string[], writtenAt = Date.now()): KafkaClient {
  const fake: Partial<KafkaClient> = {
    metadata: async () => ({ brokers: [{ nodeId: 1, host: 'k', port: 9092 }], topicMetadata: [{ topicErrorCode: 0, topic, partitionMetadata: [0, 1].map((p) => ({ partitionErrorCode: 0, partitionId: p, leader: 1, replicas: [1], isr: [1] })) }] }),
    listOffsets: async (partitions) => partitions.map(() => ({ offset: '40' })),
    fetch: async (_leader, requests, { maxWaitMs }): Promise<FetchedPartition[]> => {
      if (values.length === 0) {
        await new Promise((resolve) => setTimeout(resolve, maxWaitMs));
        return requests.map((r) => ({ topic, partition: r.partition, errorCode: 0, highWatermark: '40', messages: [] }));
      }
      // The batch also holds offset 39, written before the probe began: it must not be followed.
      const before = { offset: '39', timestamp: String(writtenAt - 60_000), key: null, value: Buffer.from(message(writtenAt - 60_000, '/before', 'click')), headers: {} };
      const messages = values.map((value, i) => ({ offset: String(40 + i), timestamp: String(writtenAt + i), key: null, value: Buffer.from(value), headers: {} }));
      return [{ topic, partition: 1, errorCode: 0, highWatermark: String(40 + values.length), messages: [before, ...messages] }];
    },
  };
  return fake as KafkaClient;
}

/** A Druid whose SQL finds the row from the `foundFrom`-th query on (never when undefined). */
function fakeDruid(foundFrom?: number, error?: string) {
  const queries: SqlQueryRequest[] = [];
  const client = {
    sql: {
      query: async (request: SqlQueryRequest) => {
        queries.push(request);
        if (error) throw new Error(error);
        return { columns: [], rows: [[foundFrom !== undefined && queries.length >= foundFrom ? 1 : 0]], resultFormat: 'array' };
      },
    },
  };
  return { client: client as unknown as DruidClient, queries };
}

const readRoute = async (id: string) => FreshnessResponseSchema.parse(await (await route.GET(new Request(`http://app/api/supervisors/${id}/freshness`), { params: Promise.resolve({ id }) })).json());
const message = (time: number, url: string, kind: string) => JSON.stringify({ time, url, kind });

describe('a freshness probe', () => {
  it("follows the newest message that becomes a row, counts from its Kafka timestamp to the query that found it, and stores it", async () => {
    const writtenAt = Date.now();
    const druid = fakeDruid(3);
    const values = [message(writtenAt, '/pricing', 'click'), message(writtenAt, '/health', 'ping')];
    const outcome = await freshness.recordFreshnessProbe({ id: 'clicks', spec: spec('clicks', { transformSpec: { filter: { type: 'selector', dimension: 'kind', value: 'click' } } }) }, { kafka: fakeKafka('clicks', values, writtenAt), druid: druid.client });

    // The newest message is filtered out by the spec: the one before it is followed.
    expect(outcome).toMatchObject({ kind: 'measured', seen: true, detail: { partition: 1, offset: '40', kafkaTimestamp: writtenAt, queries: 3, columns: ['url', 'kind'] } });
    expect(druid.queries[0]).toMatchObject({
      query: 'SELECT COUNT(*) AS "rows" FROM "clicks" WHERE __time = MILLIS_TO_TIMESTAMP(?) AND "url" = ? AND "kind" = ?',
      parameters: [
        { type: 'BIGINT', value: writtenAt },
        { type: 'VARCHAR', value: '/pricing' },
        { type: 'VARCHAR', value: 'click' },
      ],
    });
    if (outcome.kind !== 'measured') return;
    // Three queries, about 100 ms apart.
    expect(outcome.freshnessMs).toBeGreaterThanOrEqual(190);
    expect(outcome.freshnessMs).toBeLessThan(2_000);
    expect(await readRoute('clicks')).toMatchObject({ lastMs: outcome.freshnessMs, p50Ms: outcome.freshnessMs, samples: [{ time: outcome.at, freshnessMs: outcome.freshnessMs, seen: true }], note: null });
  });

  it('records a row still not queryable when it gives up as not seen, with what Druid last said', async () => {
    const druid = fakeDruid(undefined, 'Object \'fresh\' not found');
    const outcome = await freshness.recordFreshnessProbe({ id: 'fresh', spec: spec('fresh') }, { kafka: fakeKafka('fresh', [message(Date.now(), '/', 'click')]), druid: druid.client, giveUpMs: 600 });
    expect(outcome).toMatchObject({ kind: 'measured', seen: false, detail: { lastError: "Object 'fresh' not found" } });
    if (outcome.kind !== 'measured') return;
    expect(outcome.freshnessMs).toBeGreaterThanOrEqual(600);
    expect(druid.queries.length).toBeGreaterThanOrEqual(4);
    expect((await readRoute('fresh')).samples).toEqual([{ time: outcome.at, freshnessMs: outcome.freshnessMs, seen: false }]);
  });

  it("counts from a producer's old timestamp, and says so", async () => {
    const stamped = Date.now() - 60_000;
    const outcome = await freshness.recordFreshnessProbe({ id: 'replay', spec: spec('replay') }, { kafka: fakeKafka('replay', [message(stamped, '/', 'click')], stamped), druid: fakeDruid(1).client });
    expect(outcome).toMatchObject({ kind: 'measured', seen: true, detail: { note: expect.stringMatching(/^The probed message reached Kafka 60 s after its Kafka timestamp/) } });
    if (outcome.kind !== 'measured') return;
    expect(outcome.freshnessMs).toBeGreaterThanOrEqual(60_000);
    expect((await readRoute('replay')).note).toMatch(/freshness counts from that timestamp$/);
  });

  it('says why when no message becomes a row, and the route shows it', async () => {
    const druid = fakeDruid(1);
    const filtered = await freshness.recordFreshnessProbe(
      { id: 'pings', spec: spec('pings', { transformSpec: { filter: { type: 'selector', dimension: 'kind', value: 'click' } } }) },
      { kafka: fakeKafka('pings', [message(Date.now(), '/health', 'ping')]), druid: druid.client },
    );
    expect(filtered).toEqual({ kind: 'skipped', note: 'The newest message (partition 1, offset 40) does not become a row the probe can find: Row was filtered out by transformSpec.filter' });
    expect(await readRoute('pings')).toMatchObject({ lastMs: null, samples: [], note: `The latest probe measured nothing: ${filtered.kind === 'skipped' ? filtered.note : ''}` });

    const garbled = await freshness.recordFreshnessProbe({ id: 'garbled', spec: spec('garbled') }, { kafka: fakeKafka('garbled', ['{"time": 1, "url": ']), druid: druid.client });
    expect(garbled).toMatchObject({ kind: 'skipped', note: expect.stringContaining('Unable to parse row') });
    expect(druid.queries).toEqual([]);
  });

  it('says so when the topic is idle, the topic is missing, or the spec reads what the probe cannot', async () => {
    const druid = fakeDruid(1);
    expect(await freshness.probeFreshness({ id: 'idle', spec: spec('idle') }, { kafka: fakeKafka('idle', []), druid: druid.client, messageWaitMs: 50, messageWaitRounds: 2 })).toEqual({
      kind: 'skipped',
      note: 'No message was written to topic "idle" within 0.1 s, so there was none to follow',
    });
    expect(await freshness.probeFreshness({ id: 'gone', spec: spec('gone') }, { kafka: fakeKafka('other', []), druid: druid.client })).toEqual({ kind: 'skipped', note: 'Its topic "gone" does not exist on Tributary\'s Kafka cluster' });
    expect(await freshness.probeFreshness({ id: 'x', spec: { type: 'kinesis' } }, { kafka: fakeKafka('x', []), druid: druid.client })).toMatchObject({ kind: 'skipped', note: expect.stringContaining('Its spec could not be read') });
  });

  it('has no figure and says why before any probe ran', async () => {
    expect(await readRoute('never')).toEqual({ supervisorId: 'never', lastMs: null, p50Ms: null, p95Ms: null, samples: [], note: expect.stringContaining('No probe has measured this supervisor in the last hour') });
  });
});
