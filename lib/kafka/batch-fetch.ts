// Reading one message per partition near a given offset, for many partitions at once: one Fetch
// request per leader per round, no consumer group. Partitions whose batch does not fit are asked again.
import 'server-only';
import type { RawMessage } from 'kafkajs/src/cluster';
import { describeCause, type KafkaClient } from './client';

/**
 * Kafka sends a batch larger than a partition's limit only to the first partition with data in a
 * response (Fetch v3+, KIP-74); kafkajs drops a cut batch, so other such partitions come back empty.
 * Retried partitions go first in the next request, so every round settles at least one of them.
 */
export interface FetchLimits {
  readonly partitionBytes: number;
  readonly maxBytes: number;
  /** Limits for a partition that came back empty once. */
  readonly retryPartitionBytes: number;
  readonly retryMaxBytes: number;
  /** Each round settles at least one partition (the first in the request); a leader with many huge batches stops here. */
  readonly rounds: number;
  /**
   * Partitions read from their offset on return as much as their limit allows, so a request for more
   * than maxBytes ÷ partitionBytes of them fills up and leaves the rest empty. When set, a request holds
   * at most that many and the others wait for the next round (which then do not count against `rounds`).
   */
  readonly fillsPartitions?: boolean;
  /** What was looked for, for the message given when the rounds run out ("last message batch"). */
  readonly looksFor: string;
}

/** What the messages that arrived whole from a fetch say: the answer, a new offset to fetch from, or why there is none. */
export type LookupStep<T> = { readonly answer: T } | { readonly fetchFrom: bigint } | { readonly failed: string };

export interface BatchLookup<T> {
  /** Keys the result; usually `topic/partition`. */
  readonly key: string;
  readonly topic: string;
  readonly partition: number;
  readonly leader: number;
  readonly fetchOffset: bigint;
  /** Called with the whole messages of one fetch from `fetchOffset` (never none). */
  next(messages: readonly RawMessage[], fetchOffset: bigint): LookupStep<T>;
  /** A partition-level Kafka error; `Kafka error N` unless it says otherwise. */
  onError?(errorCode: number, fetchOffset: bigint): LookupStep<T>;
}

export type LookupResult<T> = { readonly answer: T } | { readonly error: string };

interface Pending<T> {
  readonly lookup: BatchLookup<T>;
  fetchOffset: bigint;
  retried: boolean;
}

export async function fetchLookups<T>(client: KafkaClient, lookups: readonly BatchLookup<T>[], limits: FetchLimits): Promise<Map<string, LookupResult<T>>> {
  const result = new Map<string, LookupResult<T>>();
  const byLeader = new Map<number, Pending<T>[]>();
  for (const lookup of lookups) byLeader.set(lookup.leader, [...(byLeader.get(lookup.leader) ?? []), { lookup, fetchOffset: lookup.fetchOffset, retried: false }]);
  await Promise.all([...byLeader].map(([leader, list]) => readLeader(client, leader, list, limits, result)));
  return result;
}

/** How many partitions one request may hold: all, unless their answers would fill the response. */
function requestSize(limits: FetchLimits, retried: boolean): number {
  if (!limits.fillsPartitions) return Infinity;
  return Math.max(1, Math.floor(retried ? limits.retryMaxBytes / limits.retryPartitionBytes : limits.maxBytes / limits.partitionBytes));
}

async function readLeader<T>(client: KafkaClient, leader: number, list: Pending<T>[], limits: FetchLimits, result: Map<string, LookupResult<T>>): Promise<void> {
  let pending = list;
  const rounds = limits.rounds + (limits.fillsPartitions ? Math.ceil(list.length / requestSize(limits, false)) - 1 : 0);
  for (let round = 0; round < rounds && pending.length > 0; round++) {
    const anyRetried = pending[0].retried;
    const asked = pending.slice(0, requestSize(limits, anyRetried));
    const waiting = pending.slice(asked.length);
    let fetched;
    try {
      fetched = await client.fetch(
        leader,
        asked.map((p) => ({ topic: p.lookup.topic, partition: p.lookup.partition, fetchOffset: String(p.fetchOffset), maxBytes: p.retried ? limits.retryPartitionBytes : limits.partitionBytes })),
        { maxBytes: anyRetried ? limits.retryMaxBytes : limits.maxBytes, maxWaitMs: 0 },
      );
    } catch (error) {
      const message = `leader broker ${leader} did not answer: ${describeCause(error)}`;
      for (const p of pending) result.set(p.lookup.key, { error: message });
      return;
    }
    const next: Pending<T>[] = [];
    for (const p of asked) {
      const answer = fetched.find((f) => f.topic === p.lookup.topic && f.partition === p.lookup.partition);
      let step: LookupStep<T>;
      if (answer?.errorCode) step = p.lookup.onError?.(answer.errorCode, p.fetchOffset) ?? { failed: `Kafka error ${answer.errorCode}` };
      else if (answer?.messages.length) step = p.lookup.next(answer.messages, p.fetchOffset);
      else {
        // Nothing whole came back: the batch is larger than this request allowed it, or the response was full.
        next.push(Object.assign(p, { retried: true }));
        continue;
      }
      if ('answer' in step) result.set(p.lookup.key, { answer: step.answer });
      else if ('failed' in step) result.set(p.lookup.key, { error: step.failed });
      else next.push(Object.assign(p, { fetchOffset: step.fetchFrom }));
    }
    pending = [...next.filter((p) => p.retried), ...waiting.filter((p) => p.retried), ...next.filter((p) => !p.retried), ...waiting.filter((p) => !p.retried)];
  }
  for (const p of pending) {
    result.set(p.lookup.key, { error: `its ${limits.looksFor} did not arrive whole within ${limits.rounds} fetches of up to ${formatBytes(limits.retryPartitionBytes)}` });
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MiB` : `${Math.round(bytes / 1024)} KiB`;
}
