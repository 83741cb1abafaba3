import { afterAll, describe, expect, it } from 'vitest';
import { Kafka, logLevel } from 'kafkajs';
import { MockCluster } from '@/devstack/kafka/mock-cluster';
import { TopicReader } from './topic-reader';

describe('TopicReader', () => {
  const cluster = new MockCluster({ brokers: 2 });
  afterAll(() => cluster.close());

  it('reads every partition from given offsets without a consumer group', async () => {
    cluster.createTopic({ name: 'events', partitions: 3 });
    const producer = new Kafka({ brokers: cluster.bootstrapServers.split(','), logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    await producer.send({ topic: 'events', messages: [0, 1, 2, 3, 4, 5].map((i) => ({ partition: i % 3, key: `k${i}`, value: `v${i}`, timestamp: String(1_700_000_000_000 + i), headers: { h: 'x' } })) });
    await producer.disconnect();

    const reader = new TopicReader(cluster.bootstrapServers, 'events');
    try {
      await reader.connect();
      expect(reader.partitions()).toEqual([0, 1, 2]);
      expect(await reader.offsets()).toEqual([0, 1, 2].map((partition) => ({ partition, earliest: 0n, latest: 2n })));
      const fetched = await reader.fetch(new Map([[0, 0n], [1, 1n], [2, 2n]]), 50);
      const values = fetched.flatMap((p) => p.messages.map((m) => `${p.partition}:${m.offset}:${m.value?.toString()}:${m.timestamp}:${m.headers.h?.toString()}`)).sort();
      expect(values).toEqual(['0:0:v0:1700000000000:x', '0:1:v3:1700000000003:x', '1:1:v4:1700000000004:x']);
      expect(fetched.find((p) => p.partition === 2)?.highWatermark).toBe(2n);
    } finally {
      await reader.close();
    }
  });
});
