// The topic routes against real Kafka 4.4: retention and cleanup policy from DescribeConfigs,
// and the newest message time of partitions written in large batches.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appJson, deleteTopics, sampleThroughApp, stackKafka } from '@/testing/app';
import type { TopicDetail, TopicList } from '@/lib/kafka/schemas';

const suffix = Date.now().toString(36);
const compacted = `configs-${suffix}`;
const batched = `batched-${suffix}`;
const BATCH = 5_000;

describe('topics on real Kafka', () => {
  beforeAll(async () => {
    const kafka = stackKafka();
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: [
        { topic: compacted, numPartitions: 1, configEntries: [{ name: 'cleanup.policy', value: 'compact,delete' }, { name: 'retention.ms', value: String(3 * 86_400_000) }] },
        { topic: batched, numPartitions: 2 },
      ],
    });
    await admin.disconnect();
    // One produce request per partition: each partition's log is a few large record batches.
    const producer = kafka.producer();
    await producer.connect();
    const value = 'x'.repeat(200);
    await producer.send({ topic: batched, messages: Array.from({ length: BATCH }, (_, i) => ({ partition: i % 2, value: `${i}:${value}` })) });
    await producer.disconnect();
  });

  afterAll(() => deleteTopics(compacted, batched));

  it('shows retention and cleanup policy as the broker reports them', async () => {
    const { status, body } = await appJson<TopicDetail>(`/api/kafka/topics/${compacted}`);
    expect(status).toBe(200);
    expect(body.retention).toEqual({ time: '3 days', size: 'unlimited', cleanupPolicy: 'compact, delete' });
    expect(body.configs?.['retention.ms']).toBe(String(3 * 86_400_000));
    expect(body.configNote).toBeUndefined();
  });

  it('knows the newest message time of partitions written in large batches', async () => {
    const { body } = await appJson<TopicList>('/api/kafka/topics');
    const topic = body.topics.find((candidate) => candidate.name === batched);
    expect(topic?.messages).toBe(String(BATCH));
    for (const partition of topic!.partitions) {
      expect(partition.newestTimestamp, `partition ${partition.partition}`).toBeGreaterThan(Date.now() - 600_000);
    }
  });

  it('samples every message of a batched topic from the earliest offsets', async () => {
    const records = await sampleThroughApp(batched, { from: 'earliest', limit: 1_000 });
    expect(records).toHaveLength(1_000);
    expect(new Set(records.map((record) => record.partition))).toEqual(new Set([0, 1]));
  });
});
