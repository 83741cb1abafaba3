// The sampler against real Kafka 4.4 (a three-node cluster of this file's own): what a user sees
// for each way of sampling, for awkward topics, a broker Tributary cannot reach, a moved leader,
// and brokers so slow that the sample's deadline passes before planning ends.
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ITopicConfig, Kafka, Message } from 'kafkajs';
import { pollUntil } from '@/testing/real-stack';
import { parseConfig } from '@/lib/config';
import { closeKafkaClient, kafkaClient, type KafkaClient } from './client';
import { startProxiedCluster, type ProxiedCluster } from '@/testing/proxied-kafka-cluster';
import { KafkaError } from './errors';
import { planSample } from './sample-plan';
import { runSample } from './sampler';
import { SampleRequestSchema, type SampleEvent, type SampleRecord, type SampleRequestInput } from './schemas';

const BASE = Date.parse('2026-01-01T00:00:00Z');
const lines = readFileSync('testdata/samples/seed000-clickstream/messages.jsonl', 'utf8').trim().split('\n');
// The messages carry old timestamps: without this, time-based retention would delete them.
const KEEP_FOREVER = [{ name: 'retention.ms', value: '-1' }];

let kafka: Kafka;
let client: KafkaClient;
let proxied: ProxiedCluster;
const createTopics = (topics: ITopicConfig[]) => proxied.createTopics(topics);
const produce = (topic: string, messages: Message[]) => proxied.produce(topic, messages);
const proxyOf = (nodeId: number) => proxied.proxyOf(nodeId);

beforeAll(async () => {
  proxied = await startProxiedCluster('sampler', 24100);
  ({ kafka, client } = proxied);
  await createTopics([
    { topic: 'clicks', numPartitions: 3, configEntries: KEEP_FOREVER },
    { topic: 'empty', numPartitions: 2 },
    { topic: 'binary', numPartitions: 1 },
  ]);
  await produce(
    'clicks',
    Array.from({ length: 300 }, (_, i) => ({ key: `k${i}`, value: lines[i % lines.length], partition: i % 3, timestamp: String(BASE + i * 1000), headers: { seq: String(i) } })),
  );
  await produce('binary', [{ value: Buffer.from([0x00, 0xff, 0xfe, 0x80]) }, { value: 'x'.repeat(300 * 1024) }, { value: 'plain text' }]);
});

afterAll(() => proxied?.close());

async function sample(topic: string, input: SampleRequestInput, signal = new AbortController().signal) {
  const plan = await planSample(client, topic, SampleRequestSchema.parse(input));
  const events: SampleEvent[] = [];
  for await (const event of runSample(client, plan, signal)) events.push(event);
  const records = events.flatMap((e) => (e.type === 'records' ? e.records : []));
  const end = events[events.length - 1] as Extract<SampleEvent, { type: 'end' }>;
  return { events, records, end };
}

const byPartition = (records: SampleRecord[], p: number) => records.filter((r) => r.partition === p).map((r) => r.offset);

describe('sampling from earliest', () => {
  it('reads every message with exact offsets, Kafka timestamps, keys and headers, then ends without waiting', async () => {
    const started = Date.now();
    const { records, end, events } = await sample('clicks', { from: 'earliest', timeoutMs: 20_000 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(end.reason).toBe('complete');
    expect(end.message).toBe('Read 300 messages: every partition reached its end.');
    expect(records).toHaveLength(300);
    expect(byPartition(records, 1).slice(0, 3)).toEqual(['0', '1', '2']);
    const first = records.find((r) => r.partition === 0 && r.offset === '1')!;
    expect(first).toMatchObject({ key: 'k3', value: lines[3], timestamp: BASE + 3000, valueEncoding: 'utf8', headers: [{ key: 'seq', value: '3', encoding: 'utf8' }] });
    expect(events[0]).toMatchObject({ type: 'start', progress: { expected: 300 } });
    expect(end.progress.partitions.map((p) => p.state)).toEqual(['end', 'end', 'end']);
  });

  it('spreads a small limit fairly over the partitions', async () => {
    const { records, end } = await sample('clicks', { from: 'earliest', limit: 30 });
    expect(end.reason).toBe('limit');
    expect([0, 1, 2].map((p) => byPartition(records, p).length)).toEqual([10, 10, 10]);
  });

  it('stops at the byte budget', async () => {
    const { records, end } = await sample('clicks', { from: 'earliest', maxBytes: 1024 });
    expect(end.reason).toBe('bytes');
    expect(records.length).toBeGreaterThan(0);
    expect(records.length).toBeLessThan(20);
  });
});

describe('sampling from latest', () => {
  it('returns the last N spread over partitions', async () => {
    const { records, end } = await sample('clicks', { from: 'latest', limit: 9 });
    expect(end.reason).toBe('complete');
    expect([0, 1, 2].map((p) => byPartition(records, p))).toEqual([['97', '98', '99'], ['97', '98', '99'], ['97', '98', '99']]);
  });
});

describe('sampling from a timestamp', () => {
  it('starts each partition at its first message at or after the time, saying how the offsets were found', async () => {
    const at = BASE + 150_000;
    const { records, end } = await sample('clicks', { from: { timestamp: at } });
    expect(records).toHaveLength(150);
    expect(records.every((r) => r.timestamp! >= at)).toBe(true);
    expect(byPartition(records, 0)[0]).toBe('50');
    // Real Kafka answers ListOffsets by time from its time index; the sampler checks the answer and keeps it.
    expect(end.timestampLookup).toEqual({ timestamp: at, method: 'list-offsets' });
  });

  it('says so when nothing is that recent', async () => {
    const { records, end } = await sample('clicks', { from: { timestamp: BASE + 10_000_000 } });
    expect(records).toHaveLength(0);
    expect(end.message).toBe('No message at or after 2026-01-01T02:46:40.000Z: every partition ends before that time.');
  });
});

describe('sampling from explicit offsets', () => {
  it('reads only the partitions named, from the offsets given, and warns about offsets past the end', async () => {
    const { records, end } = await sample('clicks', { from: { offsets: { '0': '95', '2': '5000' } } });
    expect(records.map((r) => `${r.partition}:${r.offset}`)).toEqual(['0:95', '0:96', '0:97', '0:98', '0:99']);
    expect(end.warnings).toEqual(['Partition 2: offset 5000 is past the end (100); nothing to read there.']);
  });

  it('rejects a partition the topic does not have', async () => {
    await expect(sample('clicks', { from: { offsets: { '7': '0' } } })).rejects.toThrow('Topic "clicks" has partitions 0 to 2; partition 7 does not exist.');
  });
});

describe('faults and awkward topics', () => {
  it('ends at once on an empty topic and says it is empty', async () => {
    const started = Date.now();
    const { records, end } = await sample('empty', { from: 'earliest', timeoutMs: 30_000 });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(records).toHaveLength(0);
    expect(end.message).toBe('Topic "empty" is empty: none of its 2 partitions holds a message.');
  });

  it('names a topic that does not exist, suggests similar ones, and does not create it', async () => {
    const error = await sample('click', { from: 'earliest' }).catch((e) => e);
    expect(error).toBeInstanceOf(KafkaError);
    expect(error.toApiError()).toMatchObject({ status: 404, code: 'topic_not_found', message: 'Topic "click" does not exist on this Kafka cluster. Did you mean "clicks"?' });
    const metadata = await client.metadata({ fresh: true });
    expect(metadata.topicMetadata.map((t) => t.topic)).not.toContain('click');
  });

  it('returns binary values as base64 and cuts huge values with their full size', async () => {
    const { records } = await sample('binary', { from: 'earliest' });
    expect(records.map((r) => r.valueEncoding)).toEqual(['base64', 'utf8', 'utf8']);
    expect(records[0].value).toBe(Buffer.from([0x00, 0xff, 0xfe, 0x80]).toString('base64'));
    expect(records[1]).toMatchObject({ valueTruncated: true, valueSize: 300 * 1024 });
    expect(records[2].value).toBe('plain text');
  });

  it('stops fetching when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const { records, end } = await sample('clicks', { from: 'earliest' }, controller.signal);
    expect(records).toHaveLength(0);
    expect(end.reason).toBe('cancelled');
  });

  it('reads the other partitions when one leader cannot be reached, and names the partitions it could not read', async () => {
    await createTopics([
      { topic: 'leaderless', replicaAssignment: [{ partition: 0, replicas: [1] }, { partition: 1, replicas: [2] }, { partition: 2, replicas: [2] }] },
    ]);
    await produce('leaderless', Array.from({ length: 30 }, (_, i) => ({ value: `m${i}`, partition: i % 3 })));
    const plan = await planSample(client, 'leaderless', SampleRequestSchema.parse({ from: 'earliest' }));
    // Broker 2 stays in the cluster (its partitions keep their leader) but Tributary cannot reach it.
    proxyOf(2).setFault({ kind: 'refuse' });
    try {
      const events: SampleEvent[] = [];
      const started = Date.now();
      for await (const event of runSample(client, plan, new AbortController().signal)) events.push(event);
      const end = events[events.length - 1] as Extract<SampleEvent, { type: 'end' }>;
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(events.flatMap((e) => (e.type === 'records' ? e.records : [])).map((r) => r.partition)).toEqual(Array(10).fill(0));
      expect(end.message).toMatch(/^Read 10 messages: every partition reached its end\. Partitions 1, 2 could not be read: its leader, broker 2, could not be reached/);
      expect(end.progress.partitions.map((p) => p.state)).toEqual(['end', 'error', 'error']);
    } finally {
      proxyOf(2).setFault(null);
    }
    // When the fault ends, the same partitions are read again.
    const { records, end } = await sample('leaderless', { from: 'earliest' });
    expect(end.reason).toBe('complete');
    expect(records).toHaveLength(30);
  });
});

describe('a leader that moved since the last look', () => {
  it('asks where the partitions live now instead of failing them', async () => {
    const plan = await planSample(client, 'clicks', SampleRequestSchema.parse({ from: 'earliest' }));
    const before = plan.partitions[0].leader!;
    const target = before === 3 ? 2 : 3;
    // A real move: the partition's only replica goes to another broker, which then leads it.
    const admin = kafka.admin();
    await admin.connect();
    try {
      await admin.alterPartitionReassignments({ topics: [{ topic: 'clicks', partitionAssignment: [{ partition: 0, replicas: [target] }] }] });
      await pollUntil(
        'partition 0 of clicks led by its new broker',
        () => admin.fetchTopicMetadata({ topics: ['clicks'] }),
        ({ topics: [topic] }) => topic.partitions.find((p) => p.partitionId === 0)?.leader === target && topic.partitions.find((p) => p.partitionId === 0)?.replicas.length === 1,
        60_000,
        250,
      );
    } finally {
      await admin.disconnect();
    }

    const events: SampleEvent[] = [];
    // The plan is as old as the move took; only the reading is timed here.
    for await (const event of runSample(client, { ...plan, startedAt: Date.now() }, new AbortController().signal)) events.push(event);
    const end = events[events.length - 1] as Extract<SampleEvent, { type: 'end' }>;
    expect(end.reason).toBe('complete');
    expect(events.flatMap((e) => (e.type === 'records' ? e.records : []))).toHaveLength(300);
  });
});

describe('brokers slow to answer', () => {
  it("keeps the sample's deadline: connecting, metadata and offset lookups spend it too", async () => {
    // A client of its own, through the same proxies: connecting is part of this sample, as it is of
    // the first one after Tributary starts. Each exchange with Kafka now costs two seconds.
    const proxyPorts = new Map(proxied.cluster.nodes.map((node) => [node.port, proxyOf(node.nodeId).port]));
    const config = parseConfig({ KAFKA_BROKERS: proxied.cluster.bootstrapServers, DRUID_URL: 'http://127.0.0.1:1', KAFKA_CONNECTION_TIMEOUT_MS: '10000', KAFKA_REQUEST_TIMEOUT_MS: '10000' }).kafka;
    const slow = kafkaClient(config, { socketFactory: ({ port, onConnect }) => net.connect({ host: '127.0.0.1', port: proxyPorts.get(port)! }, onConnect) });
    for (const node of proxied.cluster.nodes) proxyOf(node.nodeId).setFault({ kind: 'latency', ms: 1_000 });
    try {
      const started = Date.now();
      const error = (await planSample(slow, 'clicks', SampleRequestSchema.parse({ from: 'earliest', timeoutMs: 2_000 })).catch((e: KafkaError) => e)) as KafkaError;
      expect(Date.now() - started).toBeLessThan(2_600);
      expect(error).toBeInstanceOf(KafkaError);
      expect(error.toApiError()).toMatchObject({
        status: 504,
        code: 'kafka_timeout',
        message: expect.stringMatching(/answered too slowly: the sample's 2 s deadline passed while connecting to Kafka and reading topic metadata, before any message was read\.$/),
      });
    } finally {
      for (const node of proxied.cluster.nodes) proxyOf(node.nodeId).setFault(null);
      await closeKafkaClient(slow);
    }
  });
});
