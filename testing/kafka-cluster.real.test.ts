// The three-node cluster tests use for broker failures: a node stopped is fenced from the
// cluster, the partition it led loses its leader, and it rejoins when started again.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kafka, logLevel } from 'kafkajs';
import { pollUntil } from './real-stack';
import { createTopicsWithLeaders, startKafkaCluster, type KafkaCluster } from './kafka-cluster';

let cluster: KafkaCluster;

beforeAll(async () => {
  cluster = await startKafkaCluster({ dir: path.resolve('.devstack', `kafka-cluster-${process.pid}`), portBase: 24300 });
});

afterAll(() => cluster?.close());

/** The brokers the cluster lists (kafkajs asks for every topic's metadata too, so only while all have leaders). */
async function liveBrokers(): Promise<number[]> {
  const admin = new Kafka({ brokers: cluster.bootstrapServers.split(','), logLevel: logLevel.NOTHING, retry: { retries: 1 } }).admin();
  await admin.connect();
  try {
    return (await admin.describeCluster()).brokers.map((broker) => broker.nodeId).sort();
  } finally {
    await admin.disconnect();
  }
}

describe('a three-node KRaft cluster', () => {
  it('fences a crashed broker, leaves its partition leaderless, and takes it back', async () => {
    expect(await liveBrokers()).toEqual([1, 2, 3]);
    const admin = new Kafka({ brokers: cluster.bootstrapServers.split(','), logLevel: logLevel.NOTHING, retry: { retries: 0 } }).admin();
    await admin.connect();
    try {
      // A cluster that has just started may first answer that it does not host the new partitions.
      await createTopicsWithLeaders(admin, [{ topic: 'spread', numPartitions: 3, replicationFactor: 1 }]);
      const [before] = (await admin.fetchTopicMetadata({ topics: ['spread'] })).topics;
      expect(before.partitions.map((partition) => partition.leader).sort()).toEqual([1, 2, 3]);

      await cluster.stopNode(2, { crash: true });
      // The controller fences the broker once its session lapses (broker.session.timeout.ms); its
      // partition (one replica) then has no leader, and kafkajs refuses the topic's metadata.
      const refusal = await pollUntil(
        'the partition of broker 2 leaderless',
        () => admin.fetchTopicMetadata({ topics: ['spread'] }).then(() => '', (error: Error) => error.message),
        (message) => message.includes('There is no leader for this topic-partition'),
        60_000,
        500,
      );
      expect(refusal).toContain('no leader');

      await cluster.startNode(2);
      expect(await liveBrokers()).toEqual([1, 2, 3]);
      const [after] = (await pollUntil('every partition led again', () => admin.fetchTopicMetadata({ topics: ['spread'] }), () => true, 60_000, 500)).topics;
      expect(after.partitions.every((partition) => partition.leader > 0)).toBe(true);
    } finally {
      await admin.disconnect();
    }
  });
});
