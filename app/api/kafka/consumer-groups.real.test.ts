// Consumer groups on the topic page against real Kafka 4.4: a group that committed offsets at a known
// position is reported with its exact lag, a topic nobody reads reports no group, and the reading sends
// only ListGroups, DescribeGroups and OffsetFetch (never FindCoordinator, JoinGroup or OffsetCommit).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appJson, createTopicWith, deleteTopics, stackKafka } from '@/testing/app';
import { testStack } from '@/testing/real-stack';
import { parseConfig } from '@/lib/config';
import { describeTopic } from '@/lib/kafka/catalogue';
import { closeKafkaClient, kafkaClient } from '@/lib/kafka/client';
import type { TopicConsumerGroup, TopicDetail } from '@/lib/kafka/schemas';
import { startRequestLog } from '@/lib/kafka/testing/request-log-proxy';

const suffix = Date.now().toString(36);
const topic = `cg-${suffix}`;
const unread = `cg-${suffix}-unread`;
const group = `cg-${suffix}-reader`;
/** Kafka protocol API keys (Kafka's protocol guide). */
const API = { OffsetCommit: 8, OffsetFetch: 9, FindCoordinator: 10, JoinGroup: 11, Heartbeat: 12, LeaveGroup: 13, SyncGroup: 14, DescribeGroups: 15, ListGroups: 16 };

// Ten messages round-robin over two partitions: five in each, latest offset 5. The group committed
// 2 on partition 0 and 5 on partition 1: lag 3 and 0, 3 in total.
const expected: TopicConsumerGroup = {
  groupId: group,
  state: 'Empty',
  members: 0,
  totalLag: '3',
  partitions: [
    { partition: 0, committedOffset: '2', lag: '3' },
    { partition: 1, committedOffset: '5', lag: '0' },
  ],
};

describe('consumer groups on real Kafka', () => {
  beforeAll(async () => {
    await createTopicWith(topic, 2, Array.from({ length: 10 }, (_, i) => ({ value: `{"n":${i}}` })));
    await createTopicWith(unread, 1, [{ value: '{"n":0}' }]);
    const admin = stackKafka().admin();
    await admin.connect();
    try {
      await admin.setOffsets({ groupId: group, topic, partitions: [{ partition: 0, offset: '2' }, { partition: 1, offset: '5' }] });
    } finally {
      await admin.disconnect();
    }
  });

  afterAll(async () => {
    await closeKafkaClient();
    const admin = stackKafka().admin();
    await admin.connect();
    try {
      await admin.deleteGroups([group]).catch(() => undefined);
    } finally {
      await admin.disconnect();
    }
    await deleteTopics(topic, unread);
  });

  it('the topic route reports the group, its state and members, and its exact lag per partition and in total', async () => {
    const { status, body } = await appJson<TopicDetail>(`/api/kafka/topics/${topic}`);
    expect(status).toBe(200);
    expect(body.consumerGroups.groups.find((g) => g.groupId === group)).toEqual(expected);
    expect(body.consumerGroups.problems).toEqual([]);
  });

  it('the topic route reports no group on a topic nobody commits on', async () => {
    const { body } = await appJson<TopicDetail>(`/api/kafka/topics/${unread}`);
    expect(body.consumerGroups.groups).toEqual([]);
    expect(body.consumerGroups.problems).toEqual([]);
  });

  it('reads groups with ListGroups, DescribeGroups and OffsetFetch only', async () => {
    const { bootstrapServers } = testStack().kafka;
    const log = await startRequestLog(bootstrapServers);
    const client = kafkaClient(parseConfig({ KAFKA_BROKERS: bootstrapServers, DRUID_URL: 'http://127.0.0.1:1' }).kafka, { socketFactory: log.socketFactory });
    try {
      const detail = await describeTopic(client, topic);
      expect(detail.consumerGroups.groups.find((g) => g.groupId === group)).toEqual(expected);
    } finally {
      await closeKafkaClient(client);
      await log.close();
    }
    expect(log.apiKeys).toContain(API.ListGroups);
    expect(log.apiKeys).toContain(API.OffsetFetch);
    expect(log.apiKeys).toContain(API.DescribeGroups);
    const joinsOrWrites = [API.OffsetCommit, API.FindCoordinator, API.JoinGroup, API.Heartbeat, API.LeaveGroup, API.SyncGroup];
    expect(log.apiKeys.filter((key) => joinsOrWrites.includes(key))).toEqual([]);
  });
});
