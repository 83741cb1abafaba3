// The generators against real Kafka: they create the topics a fresh cluster lacks, with the
// catalogue's partition counts, and refuse a topic whose partition count differs.
import { afterAll, describe, expect, it } from 'vitest';
import { Kafka, logLevel } from 'kafkajs';
import { testStack } from '../real/testing';
import { ensureStreamTopics } from './run-streams';
import type { StreamTopic } from './types';
import { cryptoPrices } from './topics/crypto-prices';

const stack = testStack();
const kafka = new Kafka({ brokers: [stack.kafka.bootstrapServers], logLevel: logLevel.NOTHING });
const suffix = Date.now().toString(36);
const fresh: StreamTopic = { ...cryptoPrices, name: `streams-fresh-${suffix}`, partitions: 3 };

describe('ensureStreamTopics on real Kafka', () => {
  const admin = kafka.admin();
  afterAll(async () => {
    await admin.deleteTopics({ topics: [fresh.name] }).catch(() => undefined);
    await admin.disconnect();
  });

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
});
