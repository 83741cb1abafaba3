// Where a sample starts and stops in each partition, decided before any message is read:
// from earliest, the last N spread fairly over partitions, from a time, or from given offsets.
// The sample's deadline starts here: connecting, metadata and offset lookups all spend it, and a
// Kafka too slow to let planning finish within it is an error that says which step it was at.
import 'server-only';
import { allocateFairly } from './allocation';
import { EARLIEST, LATEST, type KafkaClient } from './client';
import { KafkaError, toKafkaError } from './errors';
import { topicNotFound } from './catalogue';
import { offsetsForTimestamp, type TimestampLookup } from './offsets-by-time';
import type { SampleRequest } from './schemas';
import type { RawMetadata } from 'kafkajs/src/cluster';

export interface PlannedPartition {
  readonly partition: number;
  readonly leader: number | null;
  readonly earliest: bigint;
  readonly start: bigint;
  /** The end offset when the sample started: a busy topic's sample still ends. */
  readonly end: bigint;
  /** Messages this partition is expected to give; the sampler rebalances when one gives fewer. */
  readonly share: number;
  readonly error?: string;
}

export interface SamplePlan {
  readonly topic: string;
  /** When planning began: the sample's deadline (request.timeoutMs) counts from here. */
  readonly startedAt: number;
  readonly request: SampleRequest;
  readonly partitions: readonly PlannedPartition[];
  readonly timestampLookup?: TimestampLookup;
  readonly warnings: readonly string[];
}

export async function planSample(client: KafkaClient, topic: string, request: SampleRequest, now: () => number = Date.now): Promise<SamplePlan> {
  const startedAt = now();
  const within = deadlineOf(client, request.timeoutMs, startedAt + request.timeoutMs, now);
  const METADATA = 'connecting to Kafka and reading topic metadata';
  const OFFSETS = `reading the offsets of "${topic}"`;
  // A second-old answer is fine for leaders; when a leader has moved since, the offsets are
  // asked again with fresh metadata. A topic missing from it may be brand new, so that case asks again too.
  let metadata = await within(client.metadata(), METADATA);
  if (!metadata.topicMetadata.some((t) => t.topic === topic)) metadata = await within(client.metadata({ fresh: true }), METADATA);
  let chosen = choosePartitions(metadata, topic, request);
  let [earliest, latest] = await within(readOffsetRange(client, topic, chosen), OFFSETS);
  if ([...earliest, ...latest].some((answer) => answer.error)) {
    chosen = choosePartitions(await within(client.metadata({ fresh: true }), METADATA), topic, request);
    [earliest, latest] = await within(readOffsetRange(client, topic, chosen), OFFSETS);
  }
  const from = request.from;
  const warnings: string[] = [];
  const ranges = chosen.map((p, i) => ({
    ...p,
    earliest: BigInt(earliest[i].offset ?? 0),
    latest: BigInt(latest[i].offset ?? 0),
    error: earliest[i].error ?? latest[i].error,
  }));
  if (ranges.every((r) => r.error)) {
    throw new KafkaError('kafka_unreachable', `No partition of "${topic}" could be read: ${ranges[0].error}.`, {
      partitions: ranges.map((r) => ({ partition: r.partition, error: r.error })),
    });
  }

  let starts: Map<number, bigint>;
  let timestampLookup: TimestampLookup | undefined;
  const readable = ranges.filter((r) => !r.error);
  if (from === 'earliest') {
    starts = new Map(readable.map((r) => [r.partition, r.earliest]));
  } else if (from === 'latest') {
    const shares = allocateFairly(readable.map((r) => r.latest - r.earliest), request.limit);
    starts = new Map(readable.map((r, i) => [r.partition, r.latest - BigInt(shares[i])]));
  } else if ('timestamp' in from) {
    const found = await within(offsetsForTimestamp(client, topic, readable, from.timestamp), `finding the offsets at ${new Date(from.timestamp).toISOString()}`);
    starts = found.offsets;
    timestampLookup = found.lookup;
    for (const r of ranges) if (found.errors.has(r.partition)) r.error = found.errors.get(r.partition);
  } else {
    starts = new Map();
    for (const r of readable) {
      const asked = BigInt(from.offsets[String(r.partition)]);
      const start = asked < r.earliest ? r.earliest : asked > r.latest ? r.latest : asked;
      if (asked < r.earliest) warnings.push(`Partition ${r.partition}: offset ${asked} is no longer retained (earliest is ${r.earliest}); reading from ${r.earliest}.`);
      if (asked > r.latest) warnings.push(`Partition ${r.partition}: offset ${asked} is past the end (${r.latest}); nothing to read there.`);
      starts.set(r.partition, start);
    }
  }

  const open = ranges.filter((r) => !r.error && starts.has(r.partition));
  const shares = allocateFairly(open.map((r) => r.latest - starts.get(r.partition)!), request.limit);
  return {
    topic,
    startedAt,
    request,
    timestampLookup,
    warnings,
    partitions: ranges.map((r) => {
      const i = open.indexOf(r);
      const start = starts.get(r.partition) ?? r.latest;
      return { partition: r.partition, leader: r.leader, earliest: r.earliest, start, end: r.latest, share: i >= 0 ? shares[i] : 0, ...(r.error ? { error: r.error } : {}) };
    }),
  };
}

/**
 * Races each planning step against what is left of the deadline. The step itself cannot be
 * called back (a kafkajs request runs to its own timeout), but nobody waits for it any more.
 */
function deadlineOf(client: KafkaClient, timeoutMs: number, deadlineAt: number, now: () => number) {
  return async function within<T>(step: Promise<T>, doing: string): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const seconds = timeoutMs % 1000 === 0 ? `${timeoutMs / 1000} s` : `${(timeoutMs / 1000).toFixed(1)} s`;
        reject(
          new KafkaError('kafka_timeout', `Kafka at ${client.brokers.join(', ')} answered too slowly: the sample's ${seconds} deadline passed while ${doing}, before any message was read.`, {
            timeoutMs,
            step: doing,
          }),
        );
      }, Math.max(0, deadlineAt - now()));
    });
    try {
      return await Promise.race([step, expired]);
    } finally {
      clearTimeout(timer);
    }
  };
}

function choosePartitions(metadata: RawMetadata, topic: string, request: SampleRequest) {
  const found = metadata.topicMetadata.find((t) => t.topic === topic);
  if (!found) throw topicNotFound(topic, metadata);
  const all = found.partitionMetadata.map((p) => ({ partition: p.partitionId, leader: p.leader !== null && p.leader >= 0 ? p.leader : null })).sort((a, b) => a.partition - b.partition);
  const from = request.from;
  const wanted = request.partitions ?? (typeof from === 'object' && 'offsets' in from ? Object.keys(from.offsets).map(Number) : undefined);
  const missing = (wanted ?? []).filter((p) => !all.some((a) => a.partition === p));
  if (missing.length) {
    throw new KafkaError(
      'partition_not_found',
      `Topic "${topic}" has partitions 0 to ${all.length - 1}; partition${missing.length > 1 ? 's' : ''} ${missing.join(', ')} do${missing.length > 1 ? '' : 'es'} not exist.`,
      { topic, partitions: missing },
    );
  }
  return wanted ? all.filter((a) => wanted.includes(a.partition)) : all;
}

async function readOffsetRange(client: KafkaClient, topic: string, chosen: readonly { partition: number; leader: number | null }[]) {
  try {
    const asked = chosen.map((p) => ({ topic, ...p }));
    return await Promise.all([client.listOffsets(asked, EARLIEST), client.listOffsets(asked, LATEST)]);
  } catch (error) {
    throw toKafkaError(error, client.brokers, `reading the offsets of "${topic}"`);
  }
}
