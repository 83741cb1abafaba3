// The generators against real Kafka: they create the topics a fresh cluster lacks, with the
// catalogue's partition counts, and refuse a topic whose partition count differs; they write
// hours of history in time order within seconds, keep producing in real time, and keep their
// records through a broker outage. Each test writes topics of its own, never the stack's.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Kafka, logLevel } from 'kafkajs';
import { parseConfig } from '@/lib/config';
import { closeKafkaClient, kafkaClient } from '@/lib/kafka/client';
import { planSample } from '@/lib/kafka/sample-plan';
import { runSample } from '@/lib/kafka/sampler';
import { SAMPLE_LIMIT_MAX, SampleRequestSchema, type SampleRecord } from '@/lib/kafka/schemas';
import { startKafkaCluster } from '@/testing/kafka-cluster';
import { pollUntil, testStack } from '@/testing/real-stack';
import { deleteTopics } from '@/testing/app';
import { ensureStreamTopics, startStreams } from './run-streams';
import type { StreamTopic } from './types';
import { cryptoPrices } from './topics/crypto-prices';
import { sensorReadingsCsv } from './topics/sensor-readings-csv';

const stack = testStack();
const kafka = new Kafka({ brokers: [stack.kafka.bootstrapServers], logLevel: logLevel.NOTHING });
const suffix = Date.now().toString(36);
const fresh: StreamTopic = { ...cryptoPrices, name: `streams-fresh-${suffix}`, partitions: 3 };
const prefix = `streams-${suffix}-`;
const TOPICS = ['web-clickstream', 'sensor-readings-csv', 'payments'];
const HOUR_MS = 3_600_000;
/** Ports of the private one-node cluster the outage test stops and starts (kafka-cluster.real.test.ts uses 46000). */
const OUTAGE_PORT_BASE = 24_500;

/** One partition's records from its start, read as the app's sampler reads them: no consumer group. */
async function readPartition(bootstrapServers: string, topic: string, partition: number, limit = SAMPLE_LIMIT_MAX): Promise<SampleRecord[]> {
  const client = kafkaClient(parseConfig({ KAFKA_BROKERS: bootstrapServers, DRUID_URL: 'http://127.0.0.1:1' }).kafka);
  const plan = await planSample(client, topic, SampleRequestSchema.parse({ from: 'earliest', limit, partitions: [partition] }));
  const records: SampleRecord[] = [];
  for await (const event of runSample(client, plan, new AbortController().signal)) {
    if (event.type === 'records') records.push(...event.records);
    if (event.type === 'end' && event.reason !== 'complete' && event.reason !== 'limit') throw new Error(`${topic}/${partition}: ${event.message}`);
  }
  return records;
}

describe('the stream generators on real Kafka', () => {
  const admin = kafka.admin();
  afterAll(async () => {
    await admin.disconnect();
    await deleteTopics(fresh.name, ...TOPICS.map((topic) => prefix + topic));
    await closeKafkaClient();
  });

  const endOffsets = async (topic: string) => (await admin.fetchTopicOffsets(topic)).map((partition) => BigInt(partition.high));
  const total = (offsets: bigint[]) => offsets.reduce((sum, offset) => sum + offset, 0n);

  it('creates a missing topic with its partition count, then leaves it as it is', async () => {
    await admin.connect();
    expect(await ensureStreamTopics(kafka, [fresh])).toEqual({ created: [fresh.name] });
    const [metadata] = (await admin.fetchTopicMetadata({ topics: [fresh.name] })).topics;
    expect(metadata.partitions).toHaveLength(3);
    expect(await ensureStreamTopics(kafka, [fresh])).toEqual({ created: [] });
  });

  it('refuses a topic that exists with another partition count, naming both counts', async () => {
    await expect(ensureStreamTopics(kafka, [{ ...fresh, partitions: 5 }])).rejects.toThrow(`topic ${fresh.name} has 3 partitions, the stream generators need 5`);
  });

  it('writes the requested hours of history in time order, then keeps producing', async () => {
    const startedMs = Date.now();
    const logged: string[] = [];
    const streams = startStreams({ bootstrapServers: stack.kafka.bootstrapServers, historyHours: 1, only: TOPICS, topicPrefix: prefix, log: (line) => logged.push(line) });
    try {
      await streams.historyDone;
      const historyMs = Date.now() - startedMs;
      await admin.connect();
      expect(streams.topics.map((topic) => topic.name)).toEqual(TOPICS.map((topic) => prefix + topic));
      const produced = streams.produced();
      for (const topic of TOPICS) {
        expect(total(await endOffsets(prefix + topic))).toBe(BigInt(produced[prefix + topic]));
      }
      // Keyed payments spread over all three partitions.
      expect((await endOffsets(`${prefix}payments`)).every((offset) => offset > 0n)).toBe(true);

      for (const partition of [0, 5]) {
        const records = await readPartition(stack.kafka.bootstrapServers, `${prefix}web-clickstream`, partition);
        const times = records.map((record) => record.timestamp!);
        expect(times.every((time, i) => i === 0 || time >= times[i - 1])).toBe(true);
        expect(times[0]).toBeLessThan(startedMs - 0.95 * HOUR_MS);
        expect(times[times.length - 1]).toBeGreaterThan(startedMs - 60_000);
        expect(records[0].headers.map((header) => header.key)).toEqual(['edge']);
      }
      for (const partition of [0, 1]) {
        const [first, second] = await readPartition(stack.kafka.bootstrapServers, `${prefix}sensor-readings-csv`, partition, 2);
        expect(first.value).toBe(sensorReadingsCsv.partitionHeader);
        expect(second.value).not.toBe(sensorReadingsCsv.partitionHeader);
      }

      const before = total(await endOffsets(`${prefix}web-clickstream`));
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(total(await endOffsets(`${prefix}web-clickstream`))).toBeGreaterThan(before);
      expect(historyMs).toBeLessThan(10_000);
      expect(logged).toEqual([]);
    } finally {
      await streams.stop();
    }
  });

  it('keeps producing through a broker outage, in order, the outage’s records arriving once it is over', async () => {
    const cluster = await startKafkaCluster({ dir: path.resolve('.devstack', `streams-outage-${process.pid}`), portBase: OUTAGE_PORT_BASE, size: 1 });
    const streams = startStreams({ bootstrapServers: cluster.bootstrapServers, historyHours: 0, rateScale: 5, only: ['crypto-prices'], log: () => undefined });
    try {
      await streams.historyDone;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const downMs = Date.now();
      await cluster.stopNode(1);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await cluster.startNode(1);
      const upMs = Date.now();
      // About 5 records a second: the ones due while the broker was away are written after it.
      const records = await pollUntil(
        'the outage’s records in Kafka',
        () => readPartition(cluster.bootstrapServers, 'crypto-prices', 0),
        (read) => read.some((record) => record.timestamp! > downMs + 500 && record.timestamp! < upMs - 500) && read.some((record) => record.timestamp! > upMs),
        60_000,
        500,
      );
      const seconds = records.map((record) => (JSON.parse(record.value!) as { timestamp: number }).timestamp);
      expect(records.length).toBeGreaterThanOrEqual(10);
      expect(seconds.every((second, i) => i === 0 || second >= seconds[i - 1])).toBe(true);
    } finally {
      await streams.stop();
      await cluster.close();
    }
  });
});
