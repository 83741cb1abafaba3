// The topic catalogue against a real-protocol local cluster.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeKafkaClient, kafkaClient, type KafkaClient } from './client';
import { describeTopic, listTopics } from './catalogue';
import { configFor, MockCluster, produce } from '@/devstack/kafka/testing/local-kafka';

const NEWEST = Date.parse('2026-03-01T12:00:00Z');
let cluster: MockCluster;
let client: KafkaClient;

beforeAll(async () => {
  cluster = new MockCluster({ brokers: 3 });
  cluster.createTopic({ name: 'orders', partitions: 4 });
  cluster.createTopic({ name: 'quiet', partitions: 2 });
  cluster.createTopic({ name: '__consumer_offsets', partitions: 1 });
  cluster.createTopic({ name: '_schemas', partitions: 1 });
  await produce(
    cluster.bootstrapServers,
    'orders',
    Array.from({ length: 40 }, (_, i) => ({ value: `{"order":${i}}`, partition: i % 4, timestamp: String(NEWEST - (39 - i) * 1000) })),
  );
  client = kafkaClient(configFor(cluster.bootstrapServers));
});

afterAll(async () => {
  await closeKafkaClient();
  cluster.close();
});

describe('listTopics', () => {
  it('lists topics with partitions, offsets, messages and newest message time, hiding internal ones', async () => {
    const list = await listTopics(client);
    expect(list.topics.map((t) => t.name)).toEqual(['orders', 'quiet']);
    expect(list.hiddenInternal).toBe(2);
    const orders = list.topics[0];
    expect(orders).toMatchObject({ partitionCount: 4, replicationFactor: 3, messages: '40', newestTimestamp: NEWEST, problems: [] });
    expect(orders.partitions[3]).toMatchObject({ partition: 3, earliestOffset: '0', latestOffset: '10', messages: '10', newestTimestamp: NEWEST });
    expect(orders.partitions[0].replicas).toHaveLength(3);
    expect(list.topics[1]).toMatchObject({ name: 'quiet', messages: '0', newestTimestamp: null });
  });

  it('shows internal topics on request', async () => {
    const list = await listTopics(client, { includeInternal: true });
    expect(list.topics.filter((t) => t.internal).map((t) => t.name)).toEqual(['__consumer_offsets', '_schemas']);
  });

  it('reports the recent rate from the change in end offsets between looks', async () => {
    await new Promise((r) => setTimeout(r, 1_100));
    const before = Date.now();
    await listTopics(client, { includeInternal: true });
    await produce(cluster.bootstrapServers, 'quiet', Array.from({ length: 50 }, (_, i) => ({ value: `q${i}`, partition: i % 2 })));
    await new Promise((r) => setTimeout(r, 1_100));
    const quiet = (await listTopics(client, { includeInternal: true })).topics.find((t) => t.name === 'quiet')!;
    const seconds = (Date.now() - before) / 1000;
    // 50 messages between two looks at least 1.1 s and at most `seconds` apart.
    expect(quiet.ratePerSec).toBeGreaterThanOrEqual(50 / seconds);
    expect(quiet.ratePerSec).toBeLessThanOrEqual(50 / 1.1);
  });
});

describe('describeTopic', () => {
  it('gives leaders, replicas and offsets, and says why configs are unknown when the broker lacks DescribeConfigs', async () => {
    const detail = await describeTopic(client, 'orders');
    expect(detail.partitions.map((p) => p.leader)).toEqual(expect.arrayContaining([expect.any(Number)]));
    expect(detail.configs).toBeNull();
    expect(detail.configNote).toMatch(/^The broker did not answer DescribeConfigs \(.+\), so retention and cleanup policy are unknown/);
  });

  it('names a missing topic', async () => {
    await expect(describeTopic(client, 'order')).rejects.toThrow('Topic "order" does not exist on this Kafka cluster. Did you mean "orders"?');
  });

  it('reports a partition whose leader is down and still shows the rest', async () => {
    cluster.createTopic({ name: 'halfway', partitions: 2 });
    cluster.setPartitionLeader('halfway', 0, 1);
    cluster.setPartitionLeader('halfway', 1, 3);
    await client.metadata({ fresh: true });
    cluster.setBrokerDown(3);
    try {
      const detail = await describeTopic(client, 'halfway');
      expect(detail.partitions[0]).toMatchObject({ earliestOffset: '0', latestOffset: '0' });
      expect(detail.partitions[1]).toMatchObject({ earliestOffset: null, latestOffset: null, messages: null });
      expect(detail.problems[0]).toMatch(/^Partition 1: its leader, broker 3, did not answer/);
    } finally {
      cluster.setBrokerUp(3);
    }
  });
});

describe('describeTopic', () => {
  it('says why consumer groups are unknown when the brokers do not serve ListGroups (librdkafka\'s mock)', async () => {
    const detail = await describeTopic(client, 'orders');
    expect(detail.consumerGroups).toEqual({
      groups: [],
      listed: 0,
      checked: 0,
      leftOut: 0,
      problems: ['Consumer groups are unknown: Kafka did not list them (the broker does not serve ListGroups).'],
    });
  });
});
