// The read-only sampler: reads planned partition ranges with plain Fetch requests (no consumer group,
// no committed offset), streams records and progress as it goes, and ends as soon as every
// partition has reached its end, the limit, the byte budget, the deadline (which planning already
// spent part of), or the caller cancels.
import 'server-only';
import { allocateFairly } from './allocation';
import { describeCause, type KafkaClient } from './client';
import { recordBytes, toSampleRecord } from './records';
import type { PlannedPartition, SamplePlan } from './sample-plan';
import type { PartitionProgress, SampleEndReason, SampleEvent, SampleProgress, SampleRecord } from './schemas';

const FETCH_PARTITION_MIN_BYTES = 64 * 1024;
const FETCH_PARTITION_MAX_BYTES = 8 * 1024 * 1024;
const FETCH_MAX_BYTES = 50 * 1024 * 1024;
/** Until the sample has seen a record, guess this size to size the first fetch. */
const GUESSED_RECORD_BYTES = 512;
/** A partition that fails this many fetches in a row is given up, with its error in the summary. */
const MAX_PARTITION_FAILURES = 2;
const RECORDS_PER_EVENT = 1_000;
/** Kafka's OFFSET_OUT_OF_RANGE: retention removed the messages while the sample was reading. */
const OFFSET_OUT_OF_RANGE = 1;

interface Cursor {
  readonly plan: PlannedPartition;
  leader: number | null;
  position: bigint;
  records: number;
  quota: number;
  fetchBytes: number;
  failures: number;
  state: PartitionProgress['state'];
  error?: string;
}

export async function* runSample(client: KafkaClient, plan: SamplePlan, signal: AbortSignal, now: () => number = Date.now): AsyncGenerator<SampleEvent> {
  // The deadline counts from when planning began: the time connecting and looking up offsets took is spent.
  const started = plan.startedAt;
  const { limit, maxBytes, timeoutMs } = plan.request;
  const cursors: Cursor[] = plan.partitions.map((p) => ({
    plan: p,
    leader: p.leader,
    position: p.start,
    records: 0,
    quota: p.share,
    fetchBytes: FETCH_PARTITION_MIN_BYTES,
    failures: 0,
    state: p.error ? 'error' : p.start >= p.end ? 'end' : 'reading',
    error: p.error,
  }));
  const expected = Math.min(limit, cursors.reduce((n, c) => n + c.quota, 0));
  let total = 0;
  let bytes = 0;
  let averageBytes = GUESSED_RECORD_BYTES;
  const progress = (): SampleProgress => ({ records: total, bytes, elapsedMs: now() - started, expected, partitions: cursors.map(toProgress) });

  yield { type: 'start', topic: plan.topic, progress: progress(), timestampLookup: plan.timestampLookup, warnings: [...plan.warnings] };

  const deadline = started + timeoutMs;
  let reason: SampleEndReason | undefined;
  let budgetSpent = false;
  while (!reason) {
    const active = cursors.filter((c) => c.state === 'reading');
    if (signal.aborted) reason = 'cancelled';
    else if (active.length === 0) reason = 'complete';
    else if (total >= limit) reason = 'limit';
    else if (budgetSpent) reason = 'bytes';
    else if (now() >= deadline) reason = 'deadline';
    if (reason) break;

    // Partitions that ended short (compaction gaps, retention) leave their share to the others.
    const shares = allocateFairly(active.map((c) => c.plan.end - c.position), limit - total);
    active.forEach((c, i) => (c.quota = c.records + shares[i]));
    for (const c of active) if (c.quota <= c.records) c.state = 'limit';

    const round = readRound(client, plan.topic, cursors, averageBytes, maxBytes - bytes);
    const outcome = await raceWith(round, signal, deadline - now());
    if (outcome === 'cancelled' || outcome === 'deadline') {
      reason = outcome;
      break;
    }
    const batch: SampleRecord[] = [];
    for (const { cursor, records } of outcome) {
      for (const { record, size } of records) {
        if (total >= limit) break;
        if (bytes + size > maxBytes && total > 0) {
          budgetSpent = true;
          break;
        }
        batch.push(record);
        cursor.records++;
        cursor.position = BigInt(record.offset!) + 1n;
        total++;
        bytes += size;
      }
      if (cursor.state === 'reading' && cursor.position >= cursor.plan.end) cursor.state = 'end';
    }
    if (total > 0) averageBytes = Math.max(64, Math.ceil(bytes / total));
    for (let i = 0; i < batch.length || i === 0; i += RECORDS_PER_EVENT) {
      yield { type: 'records', records: batch.slice(i, i + RECORDS_PER_EVENT), progress: progress() };
    }
  }
  for (const c of cursors) if (c.state === 'reading') c.state = c.position >= c.plan.end ? 'end' : 'limit';
  yield { type: 'end', reason, message: endMessage(plan, reason, total, bytes, cursors), progress: progress(), timestampLookup: plan.timestampLookup, warnings: [...plan.warnings] };
}

interface Fetched {
  readonly cursor: Cursor;
  readonly records: { record: SampleRecord; size: number }[];
}

/** One Fetch per leader for all its active partitions, in parallel; a failing leader fails only its partitions. */
async function readRound(client: KafkaClient, topic: string, cursors: Cursor[], averageBytes: number, bytesLeft: number): Promise<Fetched[]> {
  const byLeader = new Map<number, Cursor[]>();
  for (const c of cursors) {
    if (c.state !== 'reading') continue;
    if (c.leader === null) {
      fail(c, 'it has no leader (no in-sync replica is available)');
      continue;
    }
    byLeader.set(c.leader, [...(byLeader.get(c.leader) ?? []), c]);
  }
  const results = await Promise.all(
    [...byLeader].map(async ([leader, list]): Promise<Fetched[]> => {
      const requests = list.map((c) => {
        const wanted = Math.ceil((c.quota - c.records) * averageBytes * 1.25);
        const size = clampBytes(Math.max(wanted, c.fetchBytes), Math.max(bytesLeft, FETCH_PARTITION_MIN_BYTES));
        return { topic, partition: c.plan.partition, fetchOffset: String(c.position), maxBytes: size };
      });
      try {
        const fetched = await client.fetch(leader, requests, { maxBytes: Math.min(FETCH_MAX_BYTES, requests.reduce((n, r) => n + r.maxBytes, 0)) });
        return list.map((c) => {
          const answer = fetched.find((f) => f.partition === c.plan.partition);
          if (!answer) return { cursor: c, records: [] };
          if (answer.errorCode === OFFSET_OUT_OF_RANGE) {
            fail(c, `offset ${c.position} is no longer retained (retention removed it while sampling)`);
            return { cursor: c, records: [] };
          }
          if (answer.errorCode) {
            retryOrFail(c, `its leader, broker ${leader}, answered with Kafka error ${answer.errorCode}`);
            return { cursor: c, records: [] };
          }
          c.failures = 0;
          const records = answer.messages
            .filter((m) => BigInt(m.offset) >= c.position && BigInt(m.offset) < c.plan.end)
            .filter((m) => {
              // Transaction markers take an offset but are not messages.
              if (!m.isControlRecord) return true;
              c.position = BigInt(m.offset) + 1n;
              return false;
            })
            .slice(0, c.quota - c.records)
            .map((m) => ({ record: toSampleRecord(c.plan.partition, m), size: recordBytes(m) }));
          const last = answer.messages.at(-1);
          if (records.length === 0 && ((last && BigInt(last.offset) >= c.plan.end) || BigInt(answer.highWatermark) <= c.position)) {
            // Compaction left nothing between here and the end offset the sample started with.
            c.state = 'end';
          } else if (records.length === 0) {
            // Nothing whole came back: the next batch is larger than the partition's fetch size.
            if (c.fetchBytes >= FETCH_PARTITION_MAX_BYTES && c.position < c.plan.end) fail(c, `the next message batch at offset ${c.position} is larger than ${FETCH_PARTITION_MAX_BYTES / 1024 / 1024} MB`);
            c.fetchBytes = Math.min(FETCH_PARTITION_MAX_BYTES, c.fetchBytes * 4);
          }
          return { cursor: c, records };
        });
      } catch (error) {
        for (const c of list) retryOrFail(c, `its leader, broker ${leader}, could not be reached: ${describeCause(error)}`);
        // The leader may have moved: the next round asks fresh metadata where the partition lives now.
        await refreshLeaders(client, topic, list);
        return [];
      }
    }),
  );
  return results.flat();
}

async function refreshLeaders(client: KafkaClient, topic: string, cursors: Cursor[]): Promise<void> {
  try {
    const metadata = await client.metadata({ fresh: true });
    const partitions = metadata.topicMetadata.find((t) => t.topic === topic)?.partitionMetadata ?? [];
    for (const c of cursors) {
      const leader = partitions.find((p) => p.partitionId === c.plan.partition)?.leader;
      if (leader !== undefined) c.leader = leader !== null && leader >= 0 ? leader : null;
    }
  } catch {
    // Metadata unavailable too: the partitions keep their last leader and fail on their own.
  }
}

function retryOrFail(c: Cursor, error: string): void {
  c.failures++;
  if (c.failures >= MAX_PARTITION_FAILURES) fail(c, error);
}

function fail(c: Cursor, error: string): void {
  c.state = 'error';
  c.error = error;
}

function clampBytes(wanted: number, max: number): number {
  return Math.max(FETCH_PARTITION_MIN_BYTES, Math.min(wanted, FETCH_PARTITION_MAX_BYTES, max));
}

function raceWith<T>(work: Promise<T>, signal: AbortSignal, msLeft: number): Promise<T | 'cancelled' | 'deadline'> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish('deadline'), Math.max(0, msLeft));
    const onAbort = () => finish('cancelled');
    signal.addEventListener('abort', onAbort, { once: true });
    function finish(value: T | 'cancelled' | 'deadline') {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(value);
    }
    work.then(finish, (error) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      reject(error);
    });
  });
}

function toProgress(c: Cursor): PartitionProgress {
  return {
    partition: c.plan.partition,
    startOffset: String(c.plan.start),
    nextOffset: String(c.position),
    endOffset: String(c.plan.end),
    records: c.records,
    state: c.state,
    ...(c.error ? { error: c.error } : {}),
  };
}

function endMessage(plan: SamplePlan, reason: SampleEndReason, total: number, bytes: number, cursors: Cursor[]): string {
  const failed = cursors.filter((c) => c.state === 'error');
  const failures = failed.length
    ? ` ${failed.length === cursors.length ? 'No partition' : `Partition${failed.length > 1 ? 's' : ''} ${failed.map((c) => c.plan.partition).join(', ')}`} could not be read: ${failed[0].error}.`
    : '';
  const count = `${total.toLocaleString('en-US')} message${total === 1 ? '' : 's'}`;
  const from = plan.request.from;
  switch (reason) {
    case 'complete':
      if (total > 0) return `Read ${count}: every partition reached its end.${failures}`;
      if (failed.length === cursors.length) return `Nothing could be read.${failures}`;
      if (plan.partitions.every((p) => p.earliest === p.end)) return `Topic "${plan.topic}" is empty: none of its ${plan.partitions.length} partitions holds a message.${failures}`;
      if (typeof from === 'object' && 'timestamp' in from) return `No message at or after ${new Date(from.timestamp).toISOString()}: every partition ends before that time.${failures}`;
      return `No messages between the chosen offsets and the end of each partition.${failures}`;
    case 'limit':
      return `Read ${count}, the limit.${failures}`;
    case 'bytes':
      return `Stopped at the byte budget (${Math.round(plan.request.maxBytes / 1024)} KB) after ${count} (${Math.round(bytes / 1024)} KB).${failures}`;
    case 'deadline':
      return `Stopped at the deadline (${plan.request.timeoutMs / 1000} s) after ${count}.${failures}`;
    case 'cancelled':
      return `Cancelled after ${count}.${failures}`;
    case 'failed':
      return `The sample failed after ${count}.${failures}`;
  }
}
