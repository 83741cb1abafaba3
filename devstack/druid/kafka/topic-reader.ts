// Reads a topic partition by partition through kafkajs's protocol layer, without a consumer
// group: the engine tracks its own offsets, as Druid's Kafka indexing tasks do, and never
// commits anything to the user's cluster.
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);
const Cluster = load('kafkajs/src/cluster');
const { createLogger, LEVELS } = load('kafkajs/src/loggers');
const socketFactory = load('kafkajs/src/network/socketFactory');

export interface FetchedMessage {
  readonly offset: string;
  readonly timestamp: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  /** A header sent more than once keeps its last value. */
  readonly headers: Record<string, Buffer>;
}

interface RawMessage extends Omit<FetchedMessage, 'headers'> {
  readonly headers?: Record<string, Buffer | Buffer[] | undefined>;
}

function lastHeaderValues(headers: RawMessage['headers']): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  for (const [name, value] of Object.entries(headers ?? {})) if (value !== undefined) out[name] = Array.isArray(value) ? value[value.length - 1] : value;
  return out;
}

export interface PartitionFetch {
  readonly partition: number;
  readonly highWatermark: bigint;
  readonly messages: readonly FetchedMessage[];
  readonly errorCode: number;
}

export interface PartitionOffsets {
  readonly partition: number;
  readonly earliest: bigint;
  readonly latest: bigint;
}

interface KafkajsBroker {
  fetch(request: unknown): Promise<{ responses: { topicName: string; partitions: { partition: number; errorCode: number; highWatermark: string; messages: RawMessage[] }[] }[] }>;
}

interface KafkajsCluster {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  refreshMetadata(): Promise<void>;
  addTargetTopic(topic: string): Promise<void>;
  findTopicPartitionMetadata(topic: string): { partitionId: number; leader: number }[];
  findBroker(args: { nodeId: string }): Promise<KafkajsBroker>;
  fetchTopicsOffset(topics: unknown): Promise<{ topic: string; partitions: { partition: number; offset: string }[] }[]>;
}

const silent = createLogger({ level: LEVELS.NOTHING, logCreator: () => () => undefined });

/** How long a fetch waits on the broker for new data: short, so rows land within seconds. */
export const FETCH_MAX_WAIT_MS = 250;
const FETCH_MAX_BYTES = 4 * 1024 * 1024;
const PARTITION_MAX_BYTES = 1024 * 1024;

export class TopicReader {
  private readonly cluster: KafkajsCluster;
  private connected = false;

  constructor(
    bootstrapServers: string,
    readonly topic: string,
    private readonly requestTimeoutMs = 3000,
  ) {
    this.cluster = new Cluster({
      logger: silent,
      socketFactory: socketFactory(),
      brokers: bootstrapServers.split(',').map((server) => server.trim()).filter(Boolean),
      clientId: 'tributary-local-engine',
      connectionTimeout: Math.min(requestTimeoutMs, 1000),
      requestTimeout: requestTimeoutMs,
      enforceRequestTimeout: true,
      retry: { retries: 0 },
      metadataMaxAge: 30_000,
      allowAutoTopicCreation: false,
      isolationLevel: 1,
    });
  }

  async connect(): Promise<void> {
    if (!this.connected) {
      await this.cluster.connect();
      this.connected = true;
    }
    await this.cluster.addTargetTopic(this.topic);
  }

  async refreshMetadata(): Promise<void> {
    await this.cluster.refreshMetadata();
  }

  /** Partition ids of the topic; throws if the topic is unknown. */
  partitions(): number[] {
    const metadata = this.cluster.findTopicPartitionMetadata(this.topic);
    if (metadata.length === 0) throw new Error(`topic "${this.topic}" does not exist`);
    return metadata.map((p) => p.partitionId).sort((a, b) => a - b);
  }

  /** Earliest and latest offsets of every partition. */
  async offsets(): Promise<PartitionOffsets[]> {
    const partitions = this.partitions().map((partition) => ({ partition }));
    const [earliest, latest] = await Promise.all([
      this.cluster.fetchTopicsOffset([{ topic: this.topic, partitions, fromBeginning: true }]),
      this.cluster.fetchTopicsOffset([{ topic: this.topic, partitions, fromBeginning: false }]),
    ]);
    const low = new Map(earliest[0]?.partitions.map((p) => [p.partition, BigInt(p.offset)]) ?? []);
    return (latest[0]?.partitions ?? [])
      .map((p) => ({ partition: p.partition, earliest: low.get(p.partition) ?? 0n, latest: BigInt(p.offset) }))
      .sort((a, b) => a.partition - b.partition);
  }

  /** Fetches from each partition's position, one request per leader broker. */
  async fetch(positions: ReadonlyMap<number, bigint>, maxWaitMs = FETCH_MAX_WAIT_MS): Promise<PartitionFetch[]> {
    const metadata = this.cluster.findTopicPartitionMetadata(this.topic);
    const byLeader = new Map<number, number[]>();
    for (const { partitionId, leader } of metadata) {
      if (!positions.has(partitionId)) continue;
      byLeader.set(leader, [...(byLeader.get(leader) ?? []), partitionId]);
    }
    const results = await Promise.all(
      [...byLeader].map(async ([leader, partitions]) => {
        const broker = await this.cluster.findBroker({ nodeId: String(leader) });
        const response = await broker.fetch({
          maxWaitTime: maxWaitMs,
          minBytes: 1,
          maxBytes: FETCH_MAX_BYTES,
          isolationLevel: 1,
          topics: [{ topic: this.topic, partitions: partitions.map((partition) => ({ partition, fetchOffset: positions.get(partition)!.toString(), maxBytes: PARTITION_MAX_BYTES })) }],
        });
        // Brokers answer with whole record batches, which may start before the offset asked for.
        return response.responses.flatMap((topic) =>
          topic.partitions.map((p) => {
            const from = positions.get(p.partition)!;
            const messages = p.messages.filter((message) => BigInt(message.offset) >= from).map((message) => ({ ...message, headers: lastHeaderValues(message.headers) }));
            return { partition: p.partition, errorCode: p.errorCode, highWatermark: BigInt(p.highWatermark), messages };
          }),
        );
      }),
    );
    return results.flat();
  }

  async close(): Promise<void> {
    if (this.connected) await this.cluster.disconnect().catch(() => undefined);
    this.connected = false;
  }
}
