// Proof at the protocol level, against real Kafka 4.4, that browsing and sampling never join a group,
// commit an offset or create a topic: a logging TCP proxy sits between the client and the broker and
// records each request's API key. The topic page reads consumer groups with the admin-level
// ListGroups, DescribeGroups and OffsetFetch only.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { deleteTopics, stackKafka } from '@/testing/app';
import { testStack } from '@/testing/real-stack';
import { parseConfig } from '@/lib/config';
import { closeKafkaClient, kafkaClient } from './client';
import { describeTopic, listTopics } from './catalogue';
import { planSample } from './sample-plan';
import { runSample } from './sampler';
import { SampleRequestSchema } from './schemas';
import { startRequestLog, type RequestLog } from './testing/request-log-proxy';

/** Kafka protocol API keys (Kafka's protocol guide). */
const API = { Fetch: 1, ListOffsets: 2, Metadata: 3, OffsetCommit: 8, OffsetFetch: 9, FindCoordinator: 10, JoinGroup: 11, Heartbeat: 12, LeaveGroup: 13, SyncGroup: 14, DescribeGroups: 15, ListGroups: 16, ApiVersions: 18, CreateTopics: 19, DescribeConfigs: 32 };
const GROUP_OR_WRITE = [API.OffsetCommit, API.FindCoordinator, API.JoinGroup, API.Heartbeat, API.LeaveGroup, API.SyncGroup, API.CreateTopics];
const READS = [API.Fetch, API.ListOffsets, API.Metadata, API.ApiVersions, API.DescribeConfigs, API.ListGroups, API.DescribeGroups, API.OffsetFetch];

const suffix = Date.now().toString(36);
const payments = `ro-${suffix}-payments`;
let log: RequestLog;

beforeAll(async () => {
  const kafka = stackKafka();
  const admin = kafka.admin();
  await admin.connect();
  try {
    // Timestamps of 2023: without retention.ms=-1, time-based retention would delete them.
    await admin.createTopics({ topics: [{ topic: payments, numPartitions: 3, configEntries: [{ name: 'retention.ms', value: '-1' }] }], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    await producer.send({ topic: payments, messages: Array.from({ length: 60 }, (_, i) => ({ value: `{"amount":${i}}`, partition: i % 3, timestamp: String(1_700_000_000_000 + i) })) });
  } finally {
    await producer.disconnect();
  }
  // The stack's single broker: every connection the client opens, bootstrap and leader alike, crosses the log.
  log = await startRequestLog(testStack().kafka.bootstrapServers);
});

afterAll(async () => {
  await log?.close();
  await deleteTopics(payments);
});

it('never finds a coordinator, joins a group, commits an offset or creates a topic', async () => {
  const config = parseConfig({ KAFKA_BROKERS: testStack().kafka.bootstrapServers, DRUID_URL: 'http://127.0.0.1:1' }).kafka;
  const client = kafkaClient(config, { socketFactory: log.socketFactory });
  try {
    await listTopics(client);
    await describeTopic(client, payments);
    for (const from of ['earliest', 'latest', { timestamp: 1_700_000_000_030 }] as const) {
      const plan = await planSample(client, payments, SampleRequestSchema.parse({ from }));
      let records = 0;
      for await (const event of runSample(client, plan, new AbortController().signal)) if (event.type === 'records') records += event.records.length;
      expect(records).toBeGreaterThan(0);
    }
    await planSample(client, `ro-${suffix}-does-not-exist`, SampleRequestSchema.parse({})).catch(() => undefined);
  } finally {
    await closeKafkaClient(client);
  }
  const seen = new Set(log.apiKeys);
  expect(seen.has(API.Fetch) && seen.has(API.ListOffsets) && seen.has(API.Metadata)).toBe(true);
  expect(log.apiKeys.filter((key) => GROUP_OR_WRITE.includes(key))).toEqual([]);
  expect([...seen].every((key) => READS.includes(key))).toBe(true);
  // The topic was not created by being asked for.
  const admin = stackKafka().admin();
  await admin.connect();
  try {
    expect(await admin.listTopics()).not.toContain(`ro-${suffix}-does-not-exist`);
  } finally {
    await admin.disconnect();
  }
});
