// Connection settings against real Kafka 4.4: plaintext works, wrong SASL/TLS settings give a clear
// error naming the setting, and a client keeps answering past a broker that crashed.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kafka, logLevel } from 'kafkajs';
import { parseConfig } from '@/lib/config';
import { createTopicsWithLeaders, startKafkaCluster, type KafkaCluster } from '@/testing/kafka-cluster';
import { createTopicWith, deleteTopics } from '@/testing/app';
import { testStack } from '@/testing/real-stack';
import { closeKafkaClient, kafkaClient } from './client';
import { listTopics } from './catalogue';

const plain = `client-${Date.now().toString(36)}-plain`;

const configFor = (brokers: string, extra: Record<string, string> = {}) =>
  parseConfig({ KAFKA_BROKERS: brokers, DRUID_URL: 'http://127.0.0.1:1', KAFKA_CONNECTION_TIMEOUT_MS: '1000', KAFKA_REQUEST_TIMEOUT_MS: '5000', ...extra }).kafka;

afterAll(() => closeKafkaClient());

describe('the local stack\'s plaintext listener', () => {
  beforeAll(() => createTopicWith(plain, 1, [{ value: 'x' }]));
  afterAll(() => deleteTopics(plain));

  it('reads a plaintext cluster with the default settings', async () => {
    const list = await listTopics(kafkaClient(configFor(testStack().kafka.bootstrapServers)));
    expect(list.topics.find((t) => t.name === plain)).toMatchObject({ partitionCount: 1, messages: '1' });
  });

  it('says SASL was refused, naming the setting, when the listener does not speak SASL', async () => {
    const config = configFor(testStack().kafka.bootstrapServers, { KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'druid', KAFKA_SASL_PASSWORD: 'secret' });
    const error = await listTopics(kafkaClient(config)).catch((e) => e);
    expect(error.toApiError()).toMatchObject({ status: 502, code: 'kafka_auth' });
    expect(error.message).toContain('did not accept SASL SCRAM-SHA-512 authentication');
    expect(error.message).toContain('Check KAFKA_SASL_MECHANISM');
    expect(error.message).not.toContain('secret');
  });

  // A PLAINTEXT listener closes the connection on a TLS ClientHello: Node reports "Client network
  // socket disconnected before secure TLS connection was established".
  it('says the TLS connection failed, naming the setting, when the listener is not TLS', async () => {
    const error = await listTopics(kafkaClient(configFor(testStack().kafka.bootstrapServers, { KAFKA_SSL: 'true' }))).catch((e) => e);
    expect(error.message).toMatch(/^The TLS connection to Kafka at .+ failed while reading topic metadata: .+Check KAFKA_SSL/);
  });
});

describe('a three-node cluster losing a broker', () => {
  let cluster: KafkaCluster;
  beforeAll(async () => {
    cluster = await startKafkaCluster({ dir: path.resolve('.devstack', `client-cluster-${process.pid}`), portBase: 24000 });
    const admin = new Kafka({ brokers: cluster.bootstrapServers.split(','), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      // Three replicas: the topic keeps a leader when one broker goes.
      await createTopicsWithLeaders(admin, [{ topic: 'plain', numPartitions: 1, replicationFactor: 3 }]);
    } finally {
      await admin.disconnect();
    }
  });
  afterAll(() => cluster?.close());

  it('keeps answering while the other brokers are up, reconnecting past its connection to the broker that crashed', async () => {
    const client = kafkaClient(configFor(cluster.bootstrapServers));
    await listTopics(client);
    // kafkajs bootstraps through the first address listed: node 1.
    await cluster.stopNode(1, { crash: true });
    for (let i = 0; i < 3; i++) {
      const metadata = await client.metadata({ fresh: true });
      expect(metadata.topicMetadata.map((t) => t.topic)).toContain('plain');
    }
  });
});
