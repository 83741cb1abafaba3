// The newest message time per partition: the timestamp of the last message before each partition's
// end offset, read with Fetch requests (one per leader at a time) and no consumer group.
import 'server-only';
import type { RawMessage } from 'kafkajs/src/cluster';
import { describeCause, type KafkaClient } from './client';

/**
 * Kafka's default max.message.bytes (1 MiB and a little): most last batches fit in one request per leader.
 * Kafka sends a batch larger than a partition's limit only to the first partition with data in a
 * response (Fetch v3+, KIP-74); kafkajs drops a cut batch, so such partitions come back empty.
 */
const NEWEST_FETCH_PARTITION_BYTES = 1024 * 1024 + 12;
const NEWEST_FETCH_MAX_BYTES = 8 * 1024 * 1024;
/** Asked again, a partition whose last batch did not fit is allowed this much; being first in its response, it gets the batch whatever its size. */
const NEWEST_RETRY_BYTES = 16 * 1024 * 1024;
/** Each round settles at least one partition (the first in the request); a leader with many huge batches stops here. */
const NEWEST_FETCH_ROUNDS = 6;
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

interface Pending {
  readonly key: string;
  readonly topic: string;
  readonly partition: number;
  readonly earliest: bigint;
  /** The last offset before the end offset ListOffsets gave: later messages arrived after the look. */
  readonly last: bigint;
  fetchOffset: bigint;
  markerSteps: number;
  retried: boolean;
}

/** Keys are `topic/partition`; partitions that are empty or have no leader are left out. */
export async function newestTimestamps(client: KafkaClient, partitions: readonly NewestTimestampRequest[]): Promise<Map<string, NewestTimestamp>> {
  const result = new Map<string, NewestTimestamp>();
  const byLeader = new Map<number, Pending[]>();
  for (const p of partitions) {
    if (p.leader === null || p.latest === undefined || p.earliest === undefined || BigInt(p.latest) <= BigInt(p.earliest)) continue;
    const last = BigInt(p.latest) - 1n;
    const pending: Pending = { key: `${p.topic}/${p.partition}`, topic: p.topic, partition: p.partition, earliest: BigInt(p.earliest), last, fetchOffset: last, markerSteps: 0, retried: false };
    byLeader.set(p.leader, [...(byLeader.get(p.leader) ?? []), pending]);
  }
  await Promise.all([...byLeader].map(([leader, list]) => readLeader(client, leader, list, result)));
  return result;
}

async function readLeader(client: KafkaClient, leader: number, list: Pending[], result: Map<string, NewestTimestamp>): Promise<void> {
  let pending = list;
  for (let round = 0; round < NEWEST_FETCH_ROUNDS && pending.length > 0; round++) {
    let fetched;
    try {
      fetched = await client.fetch(
        leader,
        pending.map((p) => ({ topic: p.topic, partition: p.partition, fetchOffset: String(p.fetchOffset), maxBytes: p.retried ? NEWEST_RETRY_BYTES : NEWEST_FETCH_PARTITION_BYTES })),
        { maxBytes: pending.some((p) => p.retried) ? NEWEST_RETRY_BYTES : NEWEST_FETCH_MAX_BYTES, maxWaitMs: 0 },
      );
    } catch (error) {
      const message = `leader broker ${leader} did not answer: ${describeCause(error)}`;
      for (const p of pending) result.set(p.key, { error: message });
      return;
    }
    const next: Pending[] = [];
    for (const p of pending) {
      const answer = fetched.find((f) => f.topic === p.topic && f.partition === p.partition);
      if (answer?.errorCode) {
        result.set(p.key, { error: `Kafka error ${answer.errorCode}` });
        continue;
      }
      const whole = answer?.messages ?? [];
      const newest = lastMessage(whole.filter((m) => BigInt(m.offset) <= p.last));
      if (newest) {
        const timestamp = Number(newest.timestamp);
        result.set(p.key, Number.isFinite(timestamp) && timestamp >= 0 ? { timestamp } : {});
      } else if (whole.length > 0) {
        // Only transaction markers (or offsets compacted away) at the end: the messages come before them.
        const before = whole.reduce((min, m) => (BigInt(m.offset) < min ? BigInt(m.offset) : min), p.fetchOffset) - 1n;
        if (before < p.earliest || ++p.markerSteps > NEWEST_MARKER_STEPS) result.set(p.key, {});
        else next.push(Object.assign(p, { fetchOffset: before }));
      } else {
        // Nothing whole came back: the batch is larger than this request allowed it, or the response was full.
        next.push(Object.assign(p, { retried: true }));
      }
    }
    // The retried ones go first: the first partition with data gets its batch whatever its size.
    pending = [...next.filter((p) => p.retried), ...next.filter((p) => !p.retried)];
  }
  for (const p of pending) result.set(p.key, { error: `its last message batch did not arrive whole within ${NEWEST_FETCH_ROUNDS} fetches of up to ${NEWEST_RETRY_BYTES / 1024 / 1024} MiB` });
}

/** The message with the highest offset, transaction markers aside. */
function lastMessage(messages: readonly RawMessage[]): RawMessage | undefined {
  let newest: RawMessage | undefined;
  for (const m of messages) if (!m.isControlRecord && (!newest || BigInt(m.offset) > BigInt(newest.offset))) newest = m;
  return newest;
}
