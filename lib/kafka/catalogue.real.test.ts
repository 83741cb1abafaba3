// The topic catalogue against real Kafka 4.4 (a three-node cluster of this file's own): every topic
// with offsets, rate and newest message time; a partition whose leader cannot be reached is named
// while the rest still shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ITopicConfig, Kafka, Message } from 'kafkajs';
import type { KafkaCluster } from '@/testing/kafka-cluster';
import { pollUntil } from '@/testing/real-stack';
import type { KafkaClient } from './client';
import { startProxiedCluster, type ProxiedCluster } from '@/testing/proxied-kafka-cluster';
import { describeTopic, listTopics } from './catalogue';

const NEWEST = Date.parse('2026-03-01T12:00:00Z');

let cluster: KafkaCluster;
let kafka: Kafka;
let client: KafkaClient;
let proxied: ProxiedCluster;
const createTopics = (topics: ITopicConfig[]) => proxied.createTopics(topics);
const produce = (topic: string, messages: Message[]) => proxied.produce(topic, messages);
const proxyOf = (nodeId: number) => proxied.proxyOf(nodeId);

beforeAll(async () => {
  proxied = await startProxiedCluster('catalogue', 24200);
  ({ cluster, kafka, client } = proxied);
  await createTopics([
    // Old timestamps: without retention.ms=-1, time-based retention would delete them.
    { topic: 'orders', numPartitions: 4, replicationFactor: 3, configEntries: [{ name: 'retention.ms', value: '-1' }] },
    { topic: 'quiet', numPartitions: 2 },
    { topic: '_schemas', numPartitions: 1 },
  ]);
  const admin = kafka.admin();
  await admin.connect();
  try {
    // Finding a group's coordinator makes Kafka create __consumer_offsets.
    await admin.describeGroups(['catalogue-probe']);
  } finally {
    await admin.disconnect();
  }
  await produce('orders', Array.from({ length: 40 }, (_, i) => ({ value: `{"order":${i}}`, partition: i % 4, timestamp: String(NEWEST - (39 - i) * 1000) })));
});

afterAll(() => proxied?.close());

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
    await produce('quiet', Array.from({ length: 50 }, (_, i) => ({ value: `q${i}`, partition: i % 2 })));
    await new Promise((r) => setTimeout(r, 1_100));
    const quiet = (await listTopics(client, { includeInternal: true })).topics.find((t) => t.name === 'quiet')!;
    const seconds = (Date.now() - before) / 1000;
    // 50 messages between two looks at least 1.1 s and at most `seconds` apart.
    expect(quiet.ratePerSec).toBeGreaterThanOrEqual(50 / seconds);
    expect(quiet.ratePerSec).toBeLessThanOrEqual(50 / 1.1);
  });
});

describe('describeTopic', () => {
  it('gives leaders, replicas and offsets', async () => {
    const detail = await describeTopic(client, 'orders');
    expect(detail.partitions.map((p) => p.leader)).toEqual([expect.any(Number), expect.any(Number), expect.any(Number), expect.any(Number)]);
    expect(detail.partitions.every((p) => p.replicas.length === 3 && p.messages === '10')).toBe(true);
    expect(detail.problems).toEqual([]);
  });

  it('names a missing topic', async () => {
    await expect(describeTopic(client, 'order')).rejects.toThrow('Topic "order" does not exist on this Kafka cluster. Did you mean "orders"?');
  });

  it('reports a partition whose leader cannot be reached, still shows the rest, and recovers when it can be again', async () => {
    await createTopics([{ topic: 'halfway', replicaAssignment: [{ partition: 0, replicas: [1] }, { partition: 1, replicas: [3] }] }]);
    await client.metadata({ fresh: true });
    // Broker 3 stays in the cluster (it still leads partition 1) but Tributary cannot reach it.
    proxyOf(3).setFault({ kind: 'refuse' });
    try {
      const detail = await describeTopic(client, 'halfway');
      expect(detail.partitions[0]).toMatchObject({ earliestOffset: '0', latestOffset: '0' });
      expect(detail.partitions[1]).toMatchObject({ earliestOffset: null, latestOffset: null, messages: null });
      expect(detail.problems[0]).toMatch(/^Partition 1: its leader, broker 3, did not answer/);
    } finally {
      proxyOf(3).setFault(null);
    }
    const detail = await describeTopic(client, 'halfway');
    expect(detail.partitions[1]).toMatchObject({ earliestOffset: '0', latestOffset: '0', messages: '0' });
    expect(detail.problems).toEqual([]);
  });
});

describe('a broker that crashed', () => {
  // Once Kafka fences a crashed broker (about 9 s, broker.session.timeout.ms), a partition whose
  // only replica was on it has no leader. Last in the file: the cluster keeps it leaderless.
  it('still lists every topic and names the leaderless partition after Kafka fenced the broker', async () => {
    await createTopics([{ topic: 'stranded', replicaAssignment: [{ partition: 0, replicas: [1] }, { partition: 1, replicas: [2] }] }]);
    await cluster.stopNode(2, { crash: true });
    const admin = kafka.admin();
    await admin.connect();
    try {
      await pollUntil(
        'partition 1 of stranded leaderless',
        () => admin.fetchTopicMetadata({ topics: ['stranded'] }).then(() => '', (error: Error) => error.message),
        (message) => message.includes('There is no leader for this topic-partition'),
        60_000,
        500,
      );
    } finally {
      await admin.disconnect();
    }
    const list = await listTopics(client);
    expect(list.topics.map((t) => t.name)).toEqual(['halfway', 'orders', 'quiet', 'stranded']);
    const detail = await describeTopic(client, 'stranded');
    expect(detail.partitions[0]).toMatchObject({ leader: 1, latestOffset: '0' });
    expect(detail.partitions[1]).toMatchObject({ leader: null, latestOffset: null });
    expect(detail.problems[0]).toMatch(/^Partition 1: it has no leader/);
  });
});
