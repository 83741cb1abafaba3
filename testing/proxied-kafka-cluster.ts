// For lib/kafka's tests against real Kafka: a three-node cluster of the test file's own, which
// Tributary's client reaches through one fault proxy per broker, so a single broker can become
// unreachable (or slow) for Tributary while the cluster itself keeps it.
import net from 'node:net';
import path from 'node:path';
import { Kafka, logLevel, type ISocketFactory, type ITopicConfig, type Message } from 'kafkajs';
import { createTopicsWithLeaders, startKafkaCluster, type KafkaCluster } from './kafka-cluster';
import { startFaultProxy, type FaultProxy } from '@/devstack/faults/proxy';
import { parseConfig } from '@/lib/config';
import { closeKafkaClient, kafkaClient, type KafkaClient } from '@/lib/kafka/client';

export interface ProxiedCluster {
  readonly cluster: KafkaCluster;
  /** A plain kafkajs client straight to the cluster, for setting up topics and messages. */
  readonly kafka: Kafka;
  /** Tributary's client, every broker connection through that broker's proxy. */
  readonly client: KafkaClient;
  createTopics(topics: ITopicConfig[]): Promise<void>;
  produce(topic: string, messages: Message[]): Promise<void>;
  proxyOf(nodeId: number): FaultProxy;
  close(): Promise<void>;
}

/**
 * `name` names the cluster's folder; `portBase` must differ between files that run at once, and
 * stay below Linux's ephemeral ports (32768 and up), which an outgoing connection may hold.
 */
export async function startProxiedCluster(name: string, portBase: number): Promise<ProxiedCluster> {
  const cluster = await startKafkaCluster({ dir: path.resolve('.devstack', `${name}-cluster-${process.pid}`), portBase });
  const kafka = new Kafka({ brokers: cluster.bootstrapServers.split(','), logLevel: logLevel.NOTHING });
  const proxies = new Map<number, FaultProxy>();
  for (const node of cluster.nodes) proxies.set(node.port, await startFaultProxy({ target: { host: '127.0.0.1', port: node.port } }));
  const socketFactory: ISocketFactory = ({ port, onConnect }) => net.connect({ host: '127.0.0.1', port: proxies.get(port)!.port }, onConnect);
  const config = parseConfig({ KAFKA_BROKERS: cluster.bootstrapServers, DRUID_URL: 'http://127.0.0.1:1', KAFKA_CONNECTION_TIMEOUT_MS: '1000', KAFKA_REQUEST_TIMEOUT_MS: '5000' }).kafka;
  const client = kafkaClient(config, { socketFactory });
  return {
    cluster,
    kafka,
    client,
    async createTopics(topics) {
      const admin = kafka.admin();
      await admin.connect();
      try {
        await createTopicsWithLeaders(admin, topics);
      } finally {
        await admin.disconnect();
      }
    },
    async produce(topic, messages) {
      const producer = kafka.producer({ allowAutoTopicCreation: false });
      await producer.connect();
      try {
        await producer.send({ topic, messages, acks: -1 });
      } finally {
        await producer.disconnect();
      }
    },
    proxyOf: (nodeId) => proxies.get(cluster.nodes.find((node) => node.nodeId === nodeId)!.port)!,
    async close() {
      await closeKafkaClient(client);
      await Promise.all([...proxies.values()].map((proxy) => proxy.close()));
      await cluster.close();
    },
  };
}
