// The newest message time per partition: the timestamp of the last message before each partition's
// end offset, read with Fetch requests (one per leader at a time) and no consumer group.
import 'server-only';
import type { RawMessage } from 'kafkajs/src/cluster';
import { fetchLookups, type BatchLookup, type FetchLimits } from './batch-fetch';
import type { KafkaClient } from './client';

/**
 * Kafka's default max.message.bytes (1 MiB and a little): most last batches fit in one request per
 * leader. Asked again, a partition whose last batch did not fit is allowed 16 MiB; being first in its
 * response, it gets the batch whatever its size.
 */
const NEWEST_FETCH_LIMITS: FetchLimits = {
  partitionBytes: 1024 * 1024 + 12,
  maxBytes: 8 * 1024 * 1024,
  retryPartitionBytes: 16 * 1024 * 1024,
  retryMaxBytes: 16 * 1024 * 1024,
  rounds: 6,
  looksFor: 'last message batch',
};
/** Transaction markers stepped over, per partition, before giving up on finding a message. */
const NEWEST_MARKER_STEPS = 3;

export interface NewestTimestampRequest {
  readonly topic: string;
  readonly partition: number;
  readonly leader: number | null;
  readonly earliest?: string;
  readonly latest?: string;
}

export interface NewestTimestamp {
  readonly timestamp?: number;
  readonly error?: string;
}

/** Keys are `topic/partition`; partitions that are empty or have no leader are left out. */
export async function newestTimestamps(client: KafkaClient, partitions: readonly NewestTimestampRequest[]): Promise<Map<string, NewestTimestamp>> {
  const lookups: BatchLookup<NewestTimestamp>[] = [];
  for (const p of partitions) {
    if (p.leader === null || p.latest === undefined || p.earliest === undefined || BigInt(p.latest) <= BigInt(p.earliest)) continue;
    lookups.push(newestLookup(p.topic, p.partition, p.leader, BigInt(p.earliest), BigInt(p.latest) - 1n));
  }
  const found = await fetchLookups(client, lookups, NEWEST_FETCH_LIMITS);
  return new Map([...found].map(([key, r]) => [key, 'answer' in r ? r.answer : { error: r.error }]));
}

/** `last` is the offset before the end offset ListOffsets gave: later messages arrived after the look. */
function newestLookup(topic: string, partition: number, leader: number, earliest: bigint, last: bigint): BatchLookup<NewestTimestamp> {
  let markerSteps = 0;
  return {
    key: `${topic}/${partition}`,
    topic,
    partition,
    leader,
    fetchOffset: last,
    next(whole, fetchOffset) {
      const newest = lastMessage(whole.filter((m) => BigInt(m.offset) <= last));
      if (newest) {
        const timestamp = Number(newest.timestamp);
        return { answer: Number.isFinite(timestamp) && timestamp >= 0 ? { timestamp } : {} };
      }
      // Only transaction markers (or offsets compacted away) at the end: the messages come before them.
      const before = whole.reduce((min, m) => (BigInt(m.offset) < min ? BigInt(m.offset) : min), fetchOffset) - 1n;
      if (before < earliest || ++markerSteps > NEWEST_MARKER_STEPS) return { answer: {} };
      return { fetchFrom: before };
    },
  };
}

/** The message with the highest offset, transaction markers aside. */
function lastMessage(messages: readonly RawMessage[]): RawMessage | undefined {
  let newest: RawMessage | undefined;
  for (const m of messages) if (!m.isControlRecord && (!newest || BigInt(m.offset) > BigInt(newest.offset))) newest = m;
  return newest;
}
