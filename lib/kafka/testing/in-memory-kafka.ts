// An in-memory KafkaClient for cases the local cluster cannot produce: compacted partitions with
// offset gaps, brokers that do or do not honour ListOffsets by time.
import type { RawMetadata } from 'kafkajs/src/cluster';
import { RateTracker } from '../rate';
import type { FetchRequest, FetchedPartition, KafkaClient, OffsetAnswer, PartitionLeader } from '../client';

export interface StoredRecord {
  readonly offset: bigint;
  readonly timestamp: number;
  readonly value: string;
}

export interface StoredPartition {
  /** Records in offset order; gaps stand for compacted-away offsets. */
  readonly records: StoredRecord[];
  readonly earliest: bigint;
  readonly end: bigint;
}

export class InMemoryKafka implements KafkaClient {
  readonly brokers = ['memory:9092'];
  readonly rates = new RateTracker();
  fetches = 0;

  constructor(
    private readonly topics: Record<string, StoredPartition[]>,
    private readonly options: { honoursTimestamps: boolean },
  ) {}

  async metadata(): Promise<RawMetadata> {
    return {
      brokers: [{ nodeId: 1, host: 'memory', port: 9092 }],
      topicMetadata: Object.entries(this.topics).map(([topic, partitions]) => ({
        topicErrorCode: 0,
        topic,
        partitionMetadata: partitions.map((_, partitionId) => ({ partitionErrorCode: 0, partitionId, leader: 1, replicas: [1], isr: [1] })),
      })),
    };
  }

  async listOffsets(partitions: readonly PartitionLeader[], timestamp: number): Promise<OffsetAnswer[]> {
    return partitions.map(({ topic, partition }) => {
      const p = this.topics[topic][partition];
      if (timestamp === -2) return { offset: String(p.earliest) };
      if (timestamp === -1 || !this.options.honoursTimestamps) return { offset: String(p.end) };
      const found = p.records.find((r) => r.timestamp >= timestamp);
      return { offset: found ? String(found.offset) : '-1' };
    });
  }

  async fetch(_leader: number, requests: readonly FetchRequest[]): Promise<FetchedPartition[]> {
    this.fetches++;
    return requests.map((r) => {
      const p = this.topics[r.topic][r.partition];
      // Two records per "batch", whole batches only, like a broker.
      const batchStart = BigInt(r.fetchOffset) - (BigInt(r.fetchOffset) % 2n);
      const messages = p.records
        .filter((m) => m.offset >= batchStart)
        .slice(0, 4)
        .map((m) => ({ offset: String(m.offset), timestamp: String(m.timestamp), key: null, value: Buffer.from(m.value), headers: {} }));
      return { topic: r.topic, partition: r.partition, errorCode: 0, highWatermark: String(p.end), messages };
    });
  }

  async describeTopicConfigs(): Promise<Record<string, string | null>> {
    return { 'cleanup.policy': 'compact' };
  }
}

/** A partition holding the given offsets, one second apart from `t0`. */
export function partitionWith(offsets: number[], t0 = 1_000_000): StoredPartition {
  const records = offsets.map((o) => ({ offset: BigInt(o), timestamp: t0 + o * 1000, value: `v${o}` }));
  return { records, earliest: records.length ? records[0].offset : 0n, end: records.length ? records[records.length - 1].offset + 1n : 0n };
}
