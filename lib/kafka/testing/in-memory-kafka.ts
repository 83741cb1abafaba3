// An in-memory KafkaClient for cases the local cluster cannot produce: compacted partitions with
// offset gaps, brokers that do or do not honour ListOffsets by time, record batches larger than a
// fetch's size limits, transaction markers; consumer groups with committed offsets, and brokers that
// refuse or are slow to answer about them.
import type { RawMetadata } from 'kafkajs/src/cluster';
import { RateTracker } from '../rate';
import type { CommittedOffset, FetchRequest, FetchedPartition, GroupDescription, GroupListing, KafkaClient, OffsetAnswer, PartitionLeader } from '../client';

export interface StoredRecord {
  readonly offset: bigint;
  readonly timestamp: number;
  readonly value: string;
  /** A transaction marker: it takes an offset but is not a message. */
  readonly control?: boolean;
}

export interface StoredPartition {
  /** Records in offset order; gaps stand for compacted-away offsets. */
  readonly records: StoredRecord[];
  readonly earliest: bigint;
  readonly end: bigint;
}

export interface InMemoryKafkaOptions {
  readonly honoursTimestamps: boolean;
  /** Records per batch, batches aligned on multiples of it (2 unless set). */
  readonly recordsPerBatch?: number;
  /** Each record's size on the wire; with it, fetches obey Kafka's size limits (0 unless set). */
  readonly recordBytes?: number;
  /** What DescribeConfigs answers. */
  readonly configs?: Record<string, string | null>;
  /** Consumer groups, all coordinated by broker 1 unless they say otherwise. */
  readonly groups?: readonly StoredGroup[];
  /** ListGroups throws this (a kafkajs-like error, such as `{ type: 'CLUSTER_AUTHORIZATION_FAILED' }`). */
  readonly listGroupsError?: unknown;
  /** Other brokers, whose ListGroups failed so. */
  readonly listGroupsFailures?: readonly { readonly broker: number; readonly error: unknown }[];
  /** Each OffsetFetch and DescribeGroups answers after this long. */
  readonly groupRequestDelayMs?: number;
}

export interface StoredGroup {
  readonly groupId: string;
  readonly protocolType?: string;
  readonly state?: string;
  readonly members?: number;
  readonly coordinator?: number;
  /** Committed offsets by topic, then partition. */
  readonly offsets?: Record<string, Record<number, bigint>>;
  readonly offsetFetchError?: unknown;
  readonly describeError?: unknown;
}

export class InMemoryKafka implements KafkaClient {
  readonly brokers = ['memory:9092'];
  readonly rates = new RateTracker();
  fetches = 0;
  readonly fetchRequests: (readonly FetchRequest[])[] = [];
  /** Group ids in the order OffsetFetch asked for them; DescribeGroups likewise. */
  readonly offsetFetches: string[] = [];
  readonly describedGroups: string[] = [];
  /** The most group requests that were in flight at once. */
  maxGroupRequestsInFlight = 0;
  private groupRequestsInFlight = 0;

  constructor(
    private readonly topics: Record<string, StoredPartition[]>,
    private readonly options: InMemoryKafkaOptions,
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

  /**
   * Whole batches only, at most two, like a broker. With record sizes, Kafka's limits (Fetch v3+, KIP-74):
   * a partition gets the batches that fit its maxBytes and what is left of the request's maxBytes, except
   * that the first partition with data gets its first batch whatever its size. A batch cut by a limit
   * never arrives whole, and kafkajs drops the partial one: the partition comes back empty.
   */
  async fetch(_leader: number, requests: readonly FetchRequest[], { maxBytes }: { maxBytes: number }): Promise<FetchedPartition[]> {
    this.fetches++;
    this.fetchRequests.push(requests);
    const perBatch = BigInt(this.options.recordsPerBatch ?? 2);
    const recordBytes = this.options.recordBytes ?? 0;
    let responseLeft = maxBytes;
    let firstWithData = true;
    return requests.map((r) => {
      const p = this.topics[r.topic][r.partition];
      const batchStart = BigInt(r.fetchOffset) - (BigInt(r.fetchOffset) % perBatch);
      const batches = new Map<bigint, StoredRecord[]>();
      for (const m of p.records.filter((m) => m.offset >= batchStart)) {
        const base = m.offset - (m.offset % perBatch);
        if (batches.size === 2 && !batches.has(base)) break;
        batches.set(base, [...(batches.get(base) ?? []), m]);
      }
      let partitionLeft = Math.min(r.maxBytes, responseLeft);
      const sent: StoredRecord[] = [];
      for (const batch of batches.values()) {
        const size = batch.length * recordBytes;
        if (size > partitionLeft && !(firstWithData && sent.length === 0)) break;
        sent.push(...batch);
        partitionLeft -= size;
        responseLeft -= size;
      }
      if (sent.length) firstWithData = false;
      const messages = sent.map((m) => ({ offset: String(m.offset), timestamp: String(m.timestamp), key: null, value: Buffer.from(m.value), headers: {}, isControlRecord: Boolean(m.control) }));
      return { topic: r.topic, partition: r.partition, errorCode: 0, highWatermark: String(p.end), messages };
    });
  }

  async describeTopicConfigs(): Promise<Record<string, string | null>> {
    return this.options.configs ?? { 'cleanup.policy': 'compact' };
  }

  async listGroups(): Promise<GroupListing> {
    if (this.options.listGroupsError) throw this.options.listGroupsError;
    const groups = (this.options.groups ?? []).map((g) => ({ groupId: g.groupId, protocolType: g.protocolType ?? 'consumer', coordinator: g.coordinator ?? 1 }));
    const failures = this.options.listGroupsFailures ?? [];
    return { brokers: 1 + failures.length, groups, failures };
  }

  async describeGroup(_coordinator: number, groupId: string): Promise<GroupDescription> {
    this.describedGroups.push(groupId);
    const group = await this.groupRequest(groupId);
    if (group.describeError) throw group.describeError;
    return { state: group.state ?? 'Empty', protocolType: group.protocolType ?? 'consumer', members: group.members ?? 0 };
  }

  async fetchCommittedOffsets(_coordinator: number, groupId: string, topic: string, partitions: readonly number[]): Promise<CommittedOffset[]> {
    this.offsetFetches.push(groupId);
    const group = await this.groupRequest(groupId);
    if (group.offsetFetchError) throw group.offsetFetchError;
    return partitions.map((partition) => {
      const offset = group.offsets?.[topic]?.[partition];
      return { partition, offset: offset === undefined ? null : String(offset) };
    });
  }

  private async groupRequest(groupId: string): Promise<StoredGroup> {
    this.groupRequestsInFlight++;
    this.maxGroupRequestsInFlight = Math.max(this.maxGroupRequestsInFlight, this.groupRequestsInFlight);
    try {
      if (this.options.groupRequestDelayMs) await new Promise((r) => setTimeout(r, this.options.groupRequestDelayMs));
      const group = this.options.groups?.find((g) => g.groupId === groupId);
      if (!group) throw Object.assign(new Error('The group id does not exist'), { type: 'GROUP_ID_NOT_FOUND' });
      return group;
    } finally {
      this.groupRequestsInFlight--;
    }
  }
}

/** A partition holding the given offsets, one second apart from `t0`. */
export function partitionWith(offsets: number[], t0 = 1_000_000): StoredPartition {
  const records = offsets.map((o) => ({ offset: BigInt(o), timestamp: t0 + o * 1000, value: `v${o}` }));
  return { records, earliest: records.length ? records[0].offset : 0n, end: records.length ? records[records.length - 1].offset + 1n : 0n };
}
