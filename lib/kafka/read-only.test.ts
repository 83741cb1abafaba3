// Proof at the protocol level that browsing and sampling never join a group or commit an offset:
// a logging TCP proxy sits between the client and every broker and records each request's API key.
// The topic page reads consumer groups with the admin-level ListGroups, DescribeGroups and OffsetFetch only.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { closeKafkaClient, kafkaClient } from './client';
import { describeTopic, listTopics } from './catalogue';
import { planSample } from './sample-plan';
import { runSample } from './sampler';
import { SampleRequestSchema } from './schemas';
import { configFor, MockCluster, produce } from '@/devstack/kafka/testing/local-kafka';
import { startRequestLog, type RequestLog } from './testing/request-log-proxy';

/** Kafka protocol API keys (Kafka's protocol guide). */
const API = { Fetch: 1, ListOffsets: 2, Metadata: 3, OffsetCommit: 8, OffsetFetch: 9, FindCoordinator: 10, JoinGroup: 11, Heartbeat: 12, LeaveGroup: 13, SyncGroup: 14, DescribeGroups: 15, ListGroups: 16, ApiVersions: 18, CreateTopics: 19, DescribeConfigs: 32 };
const GROUP_OR_WRITE = [API.OffsetCommit, API.FindCoordinator, API.JoinGroup, API.Heartbeat, API.LeaveGroup, API.SyncGroup, API.CreateTopics];
const READS = [API.Fetch, API.ListOffsets, API.Metadata, API.ApiVersions, API.DescribeConfigs, API.ListGroups, API.DescribeGroups, API.OffsetFetch];

let cluster: MockCluster;
let log: RequestLog;

beforeAll(async () => {
  cluster = new MockCluster({ brokers: 3 });
  cluster.createTopic({ name: 'payments', partitions: 3 });
  await produce(cluster.bootstrapServers, 'payments', Array.from({ length: 60 }, (_, i) => ({ value: `{"amount":${i}}`, partition: i % 3, timestamp: String(1_700_000_000_000 + i) })));
  log = await startRequestLog(cluster.bootstrapServers);
});

afterAll(async () => {
  await closeKafkaClient();
  await log.close();
  cluster.close();
});

it('never finds a coordinator, joins a group, commits an offset or creates a topic', async () => {
  const client = kafkaClient(configFor(cluster.bootstrapServers), { socketFactory: log.socketFactory });
  try {
    await listTopics(client);
    await describeTopic(client, 'payments');
    for (const from of ['earliest', 'latest', { timestamp: 1_700_000_000_030 }] as const) {
      const plan = await planSample(client, 'payments', SampleRequestSchema.parse({ from }));
      let records = 0;
      for await (const event of runSample(client, plan, new AbortController().signal)) if (event.type === 'records') records += event.records.length;
      expect(records).toBeGreaterThan(0);
    }
    await planSample(client, 'does-not-exist', SampleRequestSchema.parse({})).catch(() => undefined);
  } finally {
    await closeKafkaClient(client);
  }
  const seen = new Set(log.apiKeys);
  expect(seen.has(API.Fetch) && seen.has(API.ListOffsets) && seen.has(API.Metadata)).toBe(true);
  expect(log.apiKeys.filter((key) => GROUP_OR_WRITE.includes(key))).toEqual([]);
  expect([...seen].every((key) => READS.includes(key))).toBe(true);
});
