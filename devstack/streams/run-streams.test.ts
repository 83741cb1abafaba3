import { afterAll, describe, expect, it } from 'vitest';
import { Kafka, logLevel } from 'kafkajs';
import { MockCluster } from '../kafka/mock-cluster';
import { readPartition } from '../kafka/read-partition';
import { selectStreamTopics } from './catalogue';
import { startStreams } from './run-streams';
import { sensorReadingsCsv } from './topics/sensor-readings-csv';

const TOPICS = ['web-clickstream', 'sensor-readings-csv', 'payments'];
const HOUR_MS = 3_600_000;

describe('startStreams', () => {
  const cluster = new MockCluster({ brokers: 3 });
  for (const topic of selectStreamTopics(TOPICS)) cluster.createTopic(topic);
  const kafka = new Kafka({ brokers: cluster.bootstrapServers.split(','), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  afterAll(async () => {
    await admin.disconnect();
    cluster.close();
  });

  const endOffsets = async (topic: string) =>
    (await admin.fetchTopicOffsets(topic)).map((partition) => BigInt(partition.high));
  const total = (offsets: bigint[]) => offsets.reduce((sum, offset) => sum + offset, 0n);

  it('writes the requested hours of history in time order, then keeps producing', async () => {
    const startedMs = Date.now();
    const logged: string[] = [];
    const streams = startStreams({ bootstrapServers: cluster.bootstrapServers, historyHours: 1, only: TOPICS, log: (line) => logged.push(line) });
    try {
      await streams.historyDone;
      const historyMs = Date.now() - startedMs;
      await admin.connect();
      const produced = streams.produced();
      for (const topic of TOPICS) {
        expect(total(await endOffsets(topic))).toBe(BigInt(produced[topic]));
      }
      // Keyed payments spread over all three partitions.
      expect((await endOffsets('payments')).every((offset) => offset > 0n)).toBe(true);

      for (const partition of [0, 5]) {
        const records = await readPartition({ brokers: cluster.bootstrapServers, topic: 'web-clickstream', partition });
        const times = records.map((record) => Number(record.timestamp));
        expect(times.every((time, i) => i === 0 || time >= times[i - 1])).toBe(true);
        expect(times[0]).toBeLessThan(startedMs - 0.95 * HOUR_MS);
        expect(times[times.length - 1]).toBeGreaterThan(startedMs - 60_000);
        expect(Object.keys(records[0].headers)).toEqual(['edge']);
      }
      for (const partition of [0, 1]) {
        const [first, second] = await readPartition({ brokers: cluster.bootstrapServers, topic: 'sensor-readings-csv', partition, limit: 2 });
        expect(first.value?.toString()).toBe(sensorReadingsCsv.partitionHeader);
        expect(second.value?.toString()).not.toBe(sensorReadingsCsv.partitionHeader);
      }

      const before = total(await endOffsets('web-clickstream'));
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(total(await endOffsets('web-clickstream'))).toBeGreaterThan(before);
      expect(historyMs).toBeLessThan(10_000);
      expect(logged).toEqual([]);
    } finally {
      await streams.stop();
    }
  });

  it('keeps producing through a broker outage, in order', async () => {
    const single = new MockCluster({ brokers: 1 });
    single.createTopic({ name: 'crypto-prices', partitions: 1 });
    const streams = startStreams({ bootstrapServers: single.bootstrapServers, historyHours: 0, rateScale: 5, only: ['crypto-prices'], log: () => undefined });
    try {
      await streams.historyDone;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      single.setBrokerDown(1);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      single.setBrokerUp(1);
      const deadline = Date.now() + 10_000;
      let records = await readPartition({ brokers: single.bootstrapServers, topic: 'crypto-prices', partition: 0 });
      // About 5 records a second for 2.5 s, and the outage's records arrive once it is over.
      while (records.length < 10 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 300));
        records = await readPartition({ brokers: single.bootstrapServers, topic: 'crypto-prices', partition: 0 });
      }
      const seconds = records.map((record) => JSON.parse(record.value!.toString()).timestamp as number);
      expect(records.length).toBeGreaterThanOrEqual(10);
      expect(seconds.every((second, i) => i === 0 || second >= seconds[i - 1])).toBe(true);
    } finally {
      await streams.stop();
      single.close();
    }
  });
});
