// The oldest unread message per partition, on an in-memory Kafka that obeys Kafka's size rules:
// batches holding earlier messages, batches too large for a first fetch, markers, deleted offsets.
import { describe, expect, it } from 'vitest';
import { messageAtOffsetKey, messagesAtOffsets } from './message-at-offset';
import { InMemoryKafka, partitionWith } from './testing/in-memory-kafka';

const T0 = Date.parse('2026-03-01T00:00:00Z');
const offsets = (n: number, from = 0) => Array.from({ length: n }, (_, i) => from + i);

describe('messagesAtOffsets', () => {
  it('gives the message at each offset, not the earlier ones its batch holds, in one fetch per leader', async () => {
    const partitions = [partitionWith(offsets(100), T0), partitionWith(offsets(50), T0 + 7)];
    const kafka = new InMemoryKafka({ clicks: partitions }, { honoursTimestamps: true, recordsPerBatch: 10, recordBytes: 200 });
    const found = await messagesAtOffsets(kafka, [
      { topic: 'clicks', partition: 0, leader: 1, offset: '37', end: '100' },
      { topic: 'clicks', partition: 1, leader: 1, offset: '49', end: '50' },
    ]);
    expect(found.get(messageAtOffsetKey('clicks', 0, '37'))).toEqual({ offset: '37', timestamp: T0 + 37_000 });
    expect(found.get(messageAtOffsetKey('clicks', 1, '49'))).toEqual({ offset: '49', timestamp: T0 + 7 + 49_000 });
    expect(kafka.fetches).toBe(1);
    // A first fetch allows each partition a small share: the oldest unread message is all that is wanted.
    expect(kafka.fetchRequests[0].every((r) => r.maxBytes <= 64 * 1024)).toBe(true);
  });

  it('reads partitions whose batches are larger than a first fetch allows', async () => {
    // 1,000 records of 2 KiB to a batch: about 2 MiB each, far over a partition's first share.
    const partitions = Array.from({ length: 3 }, () => partitionWith(offsets(3000), T0));
    const kafka = new InMemoryKafka({ big: partitions }, { honoursTimestamps: true, recordsPerBatch: 1000, recordBytes: 2048 });
    const found = await messagesAtOffsets(
      kafka,
      partitions.map((_, partition) => ({ topic: 'big', partition, leader: 1, offset: String(1500 + partition), end: '3000' })),
    );
    expect([...found.values()]).toEqual([0, 1, 2].map((p) => ({ offset: String(1500 + p), timestamp: T0 + (1500 + p) * 1000 })));
    expect(kafka.fetches).toBeLessThanOrEqual(4);
  });

  it('reads hundreds of lagging partitions of one leader in requests whose answers fit, never leaving some empty', async () => {
    // 600 partitions, each answering about 20 KiB from its offset: 12 MiB, more than one answer holds.
    const partitions = Array.from({ length: 600 }, () => partitionWith(offsets(100), T0));
    const kafka = new InMemoryKafka({ clicks: partitions }, { honoursTimestamps: true, recordsPerBatch: 10, recordBytes: 1024 });
    const found = await messagesAtOffsets(
      kafka,
      partitions.map((_, partition) => ({ topic: 'clicks', partition, leader: 1, offset: '50', end: '100' })),
    );
    expect([...found.values()].filter((m) => 'timestamp' in m && m.timestamp === T0 + 50_000)).toHaveLength(600);
    expect(kafka.fetchRequests.map((r) => r.length)).toEqual([256, 256, 88]);
  });

  it('steps over transaction markers, and finds nothing unread when only markers are left before the end', async () => {
    const records = [
      ...partitionWith(offsets(5), T0).records,
      { offset: 5n, timestamp: T0 + 5_000, value: '', control: true },
      { offset: 6n, timestamp: T0 + 6_000, value: '', control: true },
      { offset: 7n, timestamp: T0 + 7_000, value: 'v7' },
    ];
    const partition = { records, earliest: 0n, end: 8n };
    const kafka = new InMemoryKafka({ payments: [partition] }, { honoursTimestamps: true, recordsPerBatch: 1 });
    const found = await messagesAtOffsets(kafka, [
      { topic: 'payments', partition: 0, leader: 1, offset: '5', end: '8' },
      { topic: 'payments', partition: 0, leader: 1, offset: '6', end: '7' },
    ]);
    expect(found.get(messageAtOffsetKey('payments', 0, '5'))).toEqual({ offset: '7', timestamp: T0 + 7_000 });
    expect(found.get(messageAtOffsetKey('payments', 0, '6'))).toEqual({ none: true });
  });

  it('ignores messages that arrived after the end offset the lag was measured against', async () => {
    const kafka = new InMemoryKafka({ clicks: [partitionWith(offsets(10), T0)] }, { honoursTimestamps: true, recordsPerBatch: 1 });
    const found = await messagesAtOffsets(kafka, [{ topic: 'clicks', partition: 0, leader: 1, offset: '6', end: '6' }]);
    expect(found.get(messageAtOffsetKey('clicks', 0, '6'))).toEqual({ none: true });
    expect(kafka.fetches).toBe(0);
  });

  it('says which offset retention deleted, and which partition has no leader', async () => {
    const kafka = new InMemoryKafka({ clicks: [partitionWith(offsets(10, 100), T0)] }, { honoursTimestamps: true });
    const outOfRange: InMemoryKafka['fetch'] = async (_leader, requests) => requests.map((r) => ({ topic: r.topic, partition: r.partition, errorCode: 1, highWatermark: '110', messages: [] }));
    kafka.fetch = outOfRange;
    const found = await messagesAtOffsets(kafka, [
      { topic: 'clicks', partition: 0, leader: 1, offset: '40', end: '110' },
      { topic: 'clicks', partition: 1, leader: null, offset: '0', end: '5' },
    ]);
    expect(found.get(messageAtOffsetKey('clicks', 0, '40'))).toEqual({ error: 'offset 40 is no longer in Kafka (deleted by retention, or the topic was recreated)' });
    expect(found.get(messageAtOffsetKey('clicks', 1, '0'))).toEqual({ error: 'the partition has no leader' });
  });
});
