import { afterAll, describe, expect, it } from 'vitest';
import { Kafka, logLevel } from 'kafkajs';
import { MockCluster } from './mock-cluster';

describe('MockCluster', () => {
  const cluster = new MockCluster({ brokers: 3 });
  afterAll(() => cluster.close());

  it('serves topics created through the mock API to kafkajs', async () => {
    cluster.createTopic({ name: 'orders', partitions: 4 });
    const kafka = new Kafka({ brokers: cluster.bootstrapServers.split(','), logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    try {
      const metadata = await admin.fetchTopicMetadata({ topics: ['orders'] });
      expect(metadata.topics[0].partitions).toHaveLength(4);
      expect(metadata.topics[0].partitions[0].replicas).toHaveLength(3);
    } finally {
      await admin.disconnect();
    }
  });

  it('names the broker it cannot find', () => {
    expect(() => cluster.setBrokerDown(9)).toThrow('no broker 9; brokers are 1..3');
  });
});
