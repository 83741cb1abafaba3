// Offsets by time: ask the broker (ListOffsets with a timestamp), check its answer against the
// messages themselves, and where a broker does not honour the request, binary-search the offsets
// with small fetches. The result says which method found the offsets.
import 'server-only';
import { topicNotFound } from './catalogue';
import { describeCause, EARLIEST, LATEST, type KafkaClient } from './client';
import { KafkaError, toKafkaError } from './errors';

/** One probe reads about one batch; enough to compare timestamps, small enough to be quick. */
const PROBE_BYTES = 64 * 1024;

export interface PartitionRange {
  readonly partition: number;
  readonly leader: number | null;
  readonly earliest: bigint;
  readonly latest: bigint;
}

export interface TimestampLookup {
  readonly timestamp: number;
  readonly method: 'list-offsets' | 'binary-search';
  readonly note?: string;
}

export interface OffsetsForTimestamp {
  readonly offsets: Map<number, bigint>;
  readonly errors: Map<number, string>;
  readonly lookup: TimestampLookup;
}

interface Probe {
  readonly offset: bigint;
  readonly timestamp: number;
}

export async function offsetsForTimestamp(client: KafkaClient, topic: string, ranges: readonly PartitionRange[], timestamp: number): Promise<OffsetsForTimestamp> {
  const offsets = new Map<number, bigint>();
  const errors = new Map<number, string>();
  const answers = await client.listOffsets(ranges.map((r) => ({ topic, partition: r.partition, leader: r.leader })), timestamp);
  const searched: number[] = [];
  await Promise.all(
    ranges.map(async (range, i) => {
      try {
        const answer = answers[i];
        // -1 means "no message at or after this time": the end of the partition.
        const candidate = answer.offset !== undefined && answer.offset !== '-1' ? clamp(BigInt(answer.offset), range) : answer.offset === '-1' ? range.latest : undefined;
        if (candidate !== undefined && (await isFirstAtOrAfter(client, topic, range, candidate, timestamp))) {
          offsets.set(range.partition, candidate);
          return;
        }
        searched.push(range.partition);
        offsets.set(range.partition, await binarySearch(client, topic, range, timestamp));
      } catch (error) {
        errors.set(range.partition, `its leader, broker ${range.leader}, could not be read: ${describeCause(error)}`);
      }
    }),
  );
  searched.sort((a, b) => a - b);
  return {
    offsets,
    errors,
    lookup: searched.length
      ? {
          timestamp,
          method: 'binary-search',
          note: `The broker's answer to ListOffsets by time did not match the messages' timestamps for partition${searched.length > 1 ? 's' : ''} ${searched.join(', ')}, so the offsets were found by binary search over the messages' timestamps.`,
        }
      : { timestamp, method: 'list-offsets' },
  };
}

/** Every partition of a topic with its leader and the offsets Kafka keeps; a KafkaError when a partition cannot be read. */
export async function partitionRanges(client: KafkaClient, topic: string): Promise<PartitionRange[]> {
  const doing = `reading the offsets of "${topic}"`;
  try {
    let metadata = await client.metadata();
    if (!metadata.topicMetadata.some((t) => t.topic === topic)) metadata = await client.metadata({ fresh: true });
    const found = metadata.topicMetadata.find((t) => t.topic === topic);
    if (!found) throw topicNotFound(topic, metadata);
    const partitions = found.partitionMetadata
      .map((p) => ({ topic, partition: p.partitionId, leader: p.leader !== null && p.leader >= 0 ? p.leader : null }))
      .sort((a, b) => a.partition - b.partition);
    const [earliest, latest] = await Promise.all([client.listOffsets(partitions, EARLIEST), client.listOffsets(partitions, LATEST)]);
    const failed = partitions.flatMap((p, i) => (earliest[i].error || latest[i].error ? [`partition ${p.partition}: ${earliest[i].error ?? latest[i].error}`] : []));
    if (failed.length) throw new KafkaError('kafka_unreachable', `Kafka could not give the offsets of "${topic}" (${failed.join('; ')}).`, { topic });
    return partitions.map((p, i) => ({ partition: p.partition, leader: p.leader, earliest: BigInt(earliest[i].offset ?? 0), latest: BigInt(latest[i].offset ?? 0) }));
  } catch (error) {
    throw toKafkaError(error, client.brokers, doing);
  }
}

/** Each partition's offset at a time (the first message at or after it), or at its earliest or latest end. */
export async function offsetsAt(client: KafkaClient, topic: string, ranges: readonly PartitionRange[], time: number | 'earliest' | 'latest'): Promise<Map<number, bigint>> {
  if (time === 'earliest' || time === 'latest') return new Map(ranges.map((r) => [r.partition, r[time]]));
  const found = await offsetsForTimestamp(client, topic, ranges, time);
  if (found.errors.size) {
    const failed = [...found.errors].map(([partition, why]) => `partition ${partition}: ${why}`).join('; ');
    throw new KafkaError('kafka_unreachable', `The offsets of "${topic}" at ${new Date(time).toISOString()} could not be found (${failed}).`, { topic });
  }
  return found.offsets;
}

function clamp(offset: bigint, range: PartitionRange): bigint {
  return offset < range.earliest ? range.earliest : offset > range.latest ? range.latest : offset;
}

/** True when `offset` is the first message at or after `timestamp`: it is not earlier, and the one before is earlier. */
async function isFirstAtOrAfter(client: KafkaClient, topic: string, range: PartitionRange, offset: bigint, timestamp: number): Promise<boolean> {
  if (range.earliest === range.latest) return true;
  if (offset < range.latest) {
    const at = (await probe(client, topic, range, offset))[0];
    if (!at || at.timestamp < timestamp) return false;
  }
  if (offset > range.earliest) {
    const before = (await probe(client, topic, range, offset - 1n)).filter((p) => p.offset < offset);
    if (before.length && before[before.length - 1].timestamp >= timestamp) return false;
  }
  return true;
}

/**
 * The smallest offset whose message is at or after `timestamp`, assuming timestamps grow with offsets
 * (Kafka's time index makes the same assumption). Each probe narrows [low, high] with a whole batch.
 */
async function binarySearch(client: KafkaClient, topic: string, range: PartitionRange, timestamp: number): Promise<bigint> {
  let low = range.earliest;
  let high = range.latest;
  while (low < high) {
    const mid = low + (high - low) / 2n;
    const batch = (await probe(client, topic, range, mid)).filter((p) => p.offset < high);
    if (batch.length === 0) {
      high = mid;
      continue;
    }
    const first = batch.findIndex((p) => p.timestamp >= timestamp);
    if (first === -1) low = batch[batch.length - 1].offset + 1n;
    else if (first > 0 || batch[0].offset === low) return batch[first].offset;
    else high = batch[0].offset;
  }
  return high;
}

async function probe(client: KafkaClient, topic: string, range: PartitionRange, offset: bigint): Promise<Probe[]> {
  if (range.leader === null) throw new Error('the partition has no leader');
  const [fetched] = await client.fetch(range.leader, [{ topic, partition: range.partition, fetchOffset: String(offset), maxBytes: PROBE_BYTES }], {
    maxBytes: PROBE_BYTES,
    maxWaitMs: 0,
  });
  if (!fetched) return [];
  if (fetched.errorCode) throw new Error(`Kafka error ${fetched.errorCode} fetching offset ${offset}`);
  return fetched.messages
    .filter((m) => !m.isControlRecord && BigInt(m.offset) >= offset)
    .map((m) => ({ offset: BigInt(m.offset), timestamp: Number(m.timestamp) }));
}
