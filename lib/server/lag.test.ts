// Lag for many supervisors from one set of Kafka requests, rates between two looks, and lag when
// Kafka fails, on an in-memory Kafka.
import { describe, expect, it, vi } from 'vitest';
import { SupervisorStatusPayloadSchema } from '@/lib/druid';
import { InMemoryKafka, partitionWith } from '@/lib/kafka/testing/in-memory-kafka';
import { readLags } from './lag';

const T0 = Date.parse('2026-03-01T00:00:00Z');
const offsets = (n: number) => Array.from({ length: n }, (_, i) => i);
let unique = 0;

function suspendedOn(topic: string, latest: Record<string, number>, minimumLag: Record<string, number>) {
  return SupervisorStatusPayloadSchema.parse({
    dataSource: topic,
    stream: topic,
    suspended: true,
    healthy: true,
    state: 'SUSPENDED',
    detailedState: 'SUSPENDED',
    latestOffsets: latest,
    minimumLag,
  });
}

describe('readLags', () => {
  it('reads every supervisor’s lag with one ListOffsets and one Fetch per leader', async () => {
    // One message a second from T0: offset n was written at T0 + n s.
    const kafka = new InMemoryKafka({ clicks: [partitionWith(offsets(600), T0), partitionWith(offsets(400), T0)], prices: [partitionWith(offsets(90), T0)] }, { honoursTimestamps: true, recordsPerBatch: 10, recordBytes: 100 });
    const listOffsets = vi.spyOn(kafka, 'listOffsets');
    const now = T0 + 600_000;
    const [a, b] = [`clicks-${++unique}`, `prices-${++unique}`];
    const lags = await readLags(
      [
        { id: a, status: suspendedOn('clicks', { '0': 500, '1': 400 }, { '0': 0, '1': 0 }) },
        { id: b, status: suspendedOn('prices', { '0': 60 }, { '0': 30 }) },
      ],
      now,
      kafka,
    );
    expect(listOffsets).toHaveBeenCalledTimes(1);
    expect(kafka.fetches).toBe(1);
    expect(lags.get(a)).toMatchObject({
      supervisorId: a,
      topic: 'clicks',
      offsetSource: 'committed',
      partitions: [
        { partition: 0, currentOffset: '500', latestOffset: '600', lag: '100', timeLagMs: 100_000 },
        { partition: 1, currentOffset: '400', latestOffset: '400', lag: '0', timeLagMs: 0 },
      ],
      totalLag: '100',
      maxTimeLagMs: 100_000,
      direction: 'unknown',
      problems: [],
    });
    expect(lags.get(b)).toMatchObject({ totalLag: '60', maxTimeLagMs: 570_000 });
  });

  it('gives rates and a time to drain from an earlier look at the same supervisor', async () => {
    const id = `clicks-${++unique}`;
    const first = new InMemoryKafka({ clicks: [partitionWith(offsets(1_000), T0)] }, { honoursTimestamps: true });
    await readLags([{ id, status: suspendedOn('clicks', { '0': 100 }, { '0': 0 }) }], T0 + 1_000_000, first);
    // 60 s later: 60 more messages written, 600 read.
    const later = new InMemoryKafka({ clicks: [partitionWith(offsets(1_060), T0)] }, { honoursTimestamps: true });
    const lag = (await readLags([{ id, status: suspendedOn('clicks', { '0': 700 }, { '0': 0 }) }], T0 + 1_060_000, later)).get(id)!;
    expect(lag).toMatchObject({ totalLag: '360', producedPerSec: 1, consumedPerSec: 10, direction: 'draining', etaSeconds: 40 });
  });

  it('says which broker failed and keeps the lag it can still give when Kafka does not answer', async () => {
    const kafka = new InMemoryKafka({ clicks: [partitionWith(offsets(10), T0)] }, { honoursTimestamps: true });
    kafka.metadata = () => Promise.reject(Object.assign(new Error('Connection error: connect ECONNREFUSED 127.0.0.1:9092'), { name: 'KafkaJSConnectionError' }));
    const id = `clicks-${++unique}`;
    const running = SupervisorStatusPayloadSchema.parse({
      dataSource: 'clicks',
      stream: 'clicks',
      suspended: false,
      healthy: true,
      state: 'RUNNING',
      detailedState: 'RUNNING',
      activeTasks: [{ id: 't', currentOffsets: { '0': 7 } }],
      latestOffsets: { '0': 9 },
      minimumLag: { '0': 2 },
      offsetsLastUpdated: new Date(T0 + 20_000).toISOString(),
    });
    const lag = (await readLags([{ id, status: running }], T0 + 30_000, kafka)).get(id)!;
    expect(lag.partitions).toEqual([{ partition: 0, currentOffset: '7', latestOffset: '9', lag: '2', timeLagMs: null }]);
    expect(lag.problems).toEqual(['Kafka (memory:9092) could not be read: Connection error: connect ECONNREFUSED 127.0.0.1:9092.']);
  });

  it('names the leader that did not give a partition’s end offset, and a topic Kafka does not have', async () => {
    const kafka = new InMemoryKafka({ clicks: [partitionWith(offsets(10), T0)] }, { honoursTimestamps: true });
    kafka.listOffsets = async (partitions) => partitions.map(() => ({ error: 'its leader, broker 1, did not answer: Request timed out' }));
    const [a, b] = [`clicks-${++unique}`, `gone-${++unique}`];
    const lags = await readLags(
      [
        { id: a, status: suspendedOn('clicks', { '0': 8 }, { '0': 0 }) },
        { id: b, status: suspendedOn('gone', { '0': 8 }, { '0': 0 }) },
      ],
      T0,
      kafka,
    );
    expect(lags.get(a)).toMatchObject({ totalLag: null, partitions: [{ partition: 0, currentOffset: '8', latestOffset: null, lag: null, timeLagMs: null }] });
    expect(lags.get(a)!.problems).toEqual(["Partition 0: Kafka's end offset is unknown: its leader, broker 1, did not answer: Request timed out."]);
    expect(lags.get(b)!.problems).toEqual(['Kafka has no topic "gone".']);
  });
});
