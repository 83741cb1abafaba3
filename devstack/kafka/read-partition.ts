// Reads records straight from a partition leader, without joining a consumer group (which
// takes seconds against the mock and leaves a group behind). For devstack tests that check
// what was produced: record order, timestamps, keys and values.
import { createRequire } from 'node:module';
import { logLevel } from 'kafkajs';

export interface PartitionRecord {
  offset: string;
  timestamp: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, unknown>;
}

interface FetchPartition {
  partition: number;
  errorCode: number;
  highWatermark: string;
  messages: PartitionRecord[];
}

interface ProtocolBroker {
  fetch(request: {
    maxWaitTime: number;
    minBytes: number;
    maxBytes: number;
    isolationLevel: number;
    topics: { topic: string; partitions: { partition: number; fetchOffset: string; maxBytes: number }[] }[];
  }): Promise<{ responses: { partitions: FetchPartition[] }[] }>;
}

interface ProtocolCluster {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  addTargetTopic(topic: string): Promise<void>;
  findTopicPartitionMetadata(topic: string): { partitionId: number; leader: number }[];
  findBroker(query: { nodeId: number }): Promise<ProtocolBroker>;
}

// kafkajs's public consumer always joins a group; its protocol layer does not.
const requireKafkajs = createRequire(import.meta.url);
const Cluster = requireKafkajs('kafkajs/src/cluster') as new (options: object) => ProtocolCluster;
const { createLogger } = requireKafkajs('kafkajs/src/loggers') as { createLogger(options: object): unknown };
const socketFactory = requireKafkajs('kafkajs/src/network/socketFactory') as () => unknown;

const FETCH_MAX_BYTES = 4 * 1024 * 1024;
const READ_COMMITTED = 1;

export interface ReadPartitionOptions {
  brokers: string | readonly string[];
  topic: string;
  partition: number;
  fromOffset?: string;
  /** Stop after this many records (or at the end of the partition). */
  limit?: number;
}

/** Records of one partition from fromOffset (default "0") to its high watermark or limit. */
export async function readPartition(options: ReadPartitionOptions): Promise<PartitionRecord[]> {
  const brokers = typeof options.brokers === 'string' ? options.brokers.split(',') : [...options.brokers];
  const cluster = new Cluster({
    brokers,
    clientId: 'tributary-devstack-reader',
    logger: createLogger({ level: logLevel.NOTHING, logCreator: () => () => undefined }),
    socketFactory: socketFactory(),
    connectionTimeout: 3_000,
    requestTimeout: 10_000,
  });
  await cluster.connect();
  try {
    await cluster.addTargetTopic(options.topic);
    const metadata = cluster.findTopicPartitionMetadata(options.topic).find((p) => p.partitionId === options.partition);
    if (!metadata) throw new Error(`no partition ${options.partition} in topic ${options.topic}`);
    const leader = await cluster.findBroker({ nodeId: metadata.leader });
    const limit = options.limit ?? Infinity;
    const records: PartitionRecord[] = [];
    let offset = BigInt(options.fromOffset ?? '0');
    for (;;) {
      const response = await leader.fetch({
        maxWaitTime: 100,
        minBytes: 1,
        maxBytes: FETCH_MAX_BYTES,
        isolationLevel: READ_COMMITTED,
        topics: [{ topic: options.topic, partitions: [{ partition: options.partition, fetchOffset: offset.toString(), maxBytes: FETCH_MAX_BYTES }] }],
      });
      const result = response.responses[0].partitions[0];
      if (result.errorCode !== 0) throw new Error(`fetch ${options.topic}/${options.partition} failed with Kafka error ${result.errorCode}`);
      // A fetch may return records before fetchOffset when it starts mid-batch.
      const fresh = result.messages.filter((message) => BigInt(message.offset) >= offset);
      records.push(...fresh.slice(0, limit - records.length));
      if (fresh.length > 0) offset = BigInt(fresh[fresh.length - 1].offset) + 1n;
      if (records.length >= limit || offset >= BigInt(result.highWatermark) || fresh.length === 0) return records;
    }
  } finally {
    await cluster.disconnect();
  }
}
