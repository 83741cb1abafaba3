// The first message at or after given offsets — for lag, the oldest message a consumer has not read —
// read for many partitions at once with small Fetch requests (one per leader per round), no consumer group.
import 'server-only';
import { fetchLookups, type BatchLookup, type FetchLimits } from './batch-fetch';
import type { KafkaClient } from './client';

/**
 * One message is wanted per partition, so a first fetch allows a partition a little more than a
 * producer's batch (the Java producer's batch.size is 16 KiB): 256 lagging partitions fill one 8 MiB
 * answer, and a leader of more is asked in several. A partition whose batch is larger comes back
 * empty and is asked again with room for a batch of up to Kafka's default max.message.bytes (1 MiB);
 * being first in its request, a larger one still comes whole (KIP-74).
 */
const AT_OFFSET_LIMITS: FetchLimits = {
  partitionBytes: 32 * 1024,
  maxBytes: 8 * 1024 * 1024,
  retryPartitionBytes: 1024 * 1024 + 12,
  retryMaxBytes: 16 * 1024 * 1024,
  rounds: 6,
  fillsPartitions: true,
  looksFor: 'message batch at that offset',
};
/** Batches of only transaction markers stepped over before giving up. */
const MARKER_STEPS = 3;
/** Kafka's OFFSET_OUT_OF_RANGE: the offset is below the log start (retention deleted it) or past the end. */
const OFFSET_OUT_OF_RANGE = 1;

export interface MessageAtOffsetRequest {
  readonly topic: string;
  readonly partition: number;
  readonly leader: number | null;
  readonly offset: string;
  /** Messages from here on arrived after the look; none before it means nothing is unread. */
  readonly end: string;
}

/** The first message (not a transaction marker) at or after the offset and before `end`; none when there is none. */
export type MessageAtOffset = { readonly offset: string; readonly timestamp: number } | { readonly none: true } | { readonly error: string };

export function messageAtOffsetKey(topic: string, partition: number, offset: string): string {
  return `${topic}/${partition}@${offset}`;
}

/** Keys are messageAtOffsetKey(topic, partition, offset); requests without a leader are answered with an error. */
export async function messagesAtOffsets(client: KafkaClient, requests: readonly MessageAtOffsetRequest[]): Promise<Map<string, MessageAtOffset>> {
  const result = new Map<string, MessageAtOffset>();
  const lookups = new Map<string, BatchLookup<MessageAtOffset>>();
  for (const r of requests) {
    const key = messageAtOffsetKey(r.topic, r.partition, r.offset);
    if (r.leader === null) result.set(key, { error: 'the partition has no leader' });
    else if (BigInt(r.offset) >= BigInt(r.end)) result.set(key, { none: true });
    else if (!lookups.has(key)) lookups.set(key, atOffsetLookup(key, r.topic, r.partition, r.leader, BigInt(r.offset), BigInt(r.end)));
  }
  for (const [key, r] of await fetchLookups(client, [...lookups.values()], AT_OFFSET_LIMITS)) result.set(key, 'answer' in r ? r.answer : { error: r.error });
  return result;
}

function atOffsetLookup(key: string, topic: string, partition: number, leader: number, offset: bigint, end: bigint): BatchLookup<MessageAtOffset> {
  let markerSteps = 0;
  return {
    key,
    topic,
    partition,
    leader,
    fetchOffset: offset,
    next(whole) {
      // A fetch answers with the whole batch holding the offset, so messages before it may come too.
      const first = whole.filter((m) => !m.isControlRecord && BigInt(m.offset) >= offset).reduce<(typeof whole)[number] | undefined>((min, m) => (!min || BigInt(m.offset) < BigInt(min.offset) ? m : min), undefined);
      if (first) {
        if (BigInt(first.offset) >= end) return { answer: { none: true } };
        const timestamp = Number(first.timestamp);
        return Number.isFinite(timestamp) && timestamp >= 0 ? { answer: { offset: first.offset, timestamp } } : { failed: `the message at offset ${first.offset} has no timestamp` };
      }
      // Only transaction markers (or messages before the offset): the next message comes after them.
      const after = whole.reduce((max, m) => (BigInt(m.offset) > max ? BigInt(m.offset) : max), offset) + 1n;
      if (after >= end) return { answer: { none: true } };
      if (++markerSteps > MARKER_STEPS) return { failed: `no message after ${MARKER_STEPS} batches of transaction markers from offset ${offset}` };
      return { fetchFrom: after };
    },
    onError(errorCode, fetchOffset) {
      if (errorCode === OFFSET_OUT_OF_RANGE) return { failed: `offset ${fetchOffset} is no longer in Kafka (deleted by retention, or the topic was recreated)` };
      return { failed: `Kafka error ${errorCode}` };
    },
  };
}
