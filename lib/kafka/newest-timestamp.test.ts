// The newest message time when last batches are larger than a fetch's limits, and when a
// transaction marker ends the partition, on an in-memory Kafka that obeys Kafka's size rules.
import { describe, expect, it } from 'vitest';
import { newestTimestamps } from './newest-timestamp';
import { InMemoryKafka, partitionWith, type StoredPartition } from './testing/in-memory-kafka';

const T0 = Date.parse('2026-03-01T00:00:00Z');
const offsets = (n: number) => Array.from({ length: n }, (_, i) => i);

function ask(kafka: InMemoryKafka, topic: string, partitions: readonly StoredPartition[]) {
  return newestTimestamps(
    kafka,
    partitions.map((p, partition) => ({ topic, partition, leader: 1, earliest: String(p.earliest), latest: String(p.end) })),
  );
}

describe('newestTimestamps', () => {
  it('reads the last message of a partition written in batches larger than a partition’s fetch size', async () => {
    // 4 KiB records, 1,000 to a batch: the last batches of partitions 1 and 2 are 2.4 and 4 MiB.
    const partitions = [partitionWith(offsets(10), T0), partitionWith(offsets(1600), T0 + 7), partitionWith(offsets(1999), T0 + 9)];
    const kafka = new InMemoryKafka({ clicks: partitions }, { honoursTimestamps: true, recordsPerBatch: 1000, recordBytes: 4096 });
    const newest = await ask(kafka, 'clicks', partitions);
    expect(Object.fromEntries(newest)).toEqual({
      'clicks/0': { timestamp: T0 + 9 * 1000 },
      'clicks/1': { timestamp: T0 + 7 + 1599 * 1000 },
      'clicks/2': { timestamp: T0 + 9 + 1998 * 1000 },
    });
  });

  it('reads every partition of a leader when their last batches together overflow one response', async () => {
    // One batch of about 1.2 MiB per partition: each over a partition's first limit, 9 MiB in all.
    const partitions = Array.from({ length: 8 }, (_, i) => partitionWith(offsets(400 + i), T0));
    const kafka = new InMemoryKafka({ clicks: partitions }, { honoursTimestamps: true, recordsPerBatch: 1000, recordBytes: 2900 });
    const newest = await ask(kafka, 'clicks', partitions);
    expect([...newest.values()]).toEqual(partitions.map((_, i) => ({ timestamp: T0 + (399 + i) * 1000 })));
    expect(kafka.fetches).toBeLessThanOrEqual(3);
  });

  it('reads a small last batch in one fetch', async () => {
    const partitions = [partitionWith(offsets(10), T0), partitionWith(offsets(3), T0)];
    const kafka = new InMemoryKafka({ clicks: partitions }, { honoursTimestamps: true, recordBytes: 100 });
    expect([...(await ask(kafka, 'clicks', partitions)).values()]).toEqual([{ timestamp: T0 + 9000 }, { timestamp: T0 + 2000 }]);
    expect(kafka.fetchRequests[0].map((r) => r.fetchOffset)).toEqual(['9', '2']);
    expect(kafka.fetches).toBe(1);
  });

  it('gives the last message’s time, not a transaction marker’s, when a commit marker ends the partition', async () => {
    const records = [...partitionWith(offsets(9), T0).records, { offset: 9n, timestamp: T0 + 60_000, value: '', control: true }];
    const partition = { records, earliest: 0n, end: 10n };
    const kafka = new InMemoryKafka({ payments: [partition] }, { honoursTimestamps: true, recordsPerBatch: 1 });
    expect(await ask(kafka, 'payments', [partition])).toEqual(new Map([['payments/0', { timestamp: T0 + 8000 }]]));
  });

  it('ignores messages that arrived after the end offsets were read', async () => {
    const partition = { ...partitionWith(offsets(6), T0), end: 4n };
    const kafka = new InMemoryKafka({ clicks: [partition] }, { honoursTimestamps: true, recordsPerBatch: 6 });
    expect(await ask(kafka, 'clicks', [partition])).toEqual(new Map([['clicks/0', { timestamp: T0 + 3000 }]]));
  });

  it('leaves out empty partitions and those without a leader', async () => {
    const kafka = new InMemoryKafka({ clicks: [partitionWith([])] }, { honoursTimestamps: true });
    const newest = await newestTimestamps(kafka, [
      { topic: 'clicks', partition: 0, leader: 1, earliest: '0', latest: '0' },
      { topic: 'clicks', partition: 1, leader: null, earliest: '0', latest: '5' },
    ]);
    expect(newest.size).toBe(0);
    expect(kafka.fetches).toBe(0);
  });
});
