// Compacted partitions (offset gaps), brokers that ignore ListOffsets by time, and a broker too slow
// for the deadline (while reading, and while planning), on an in-memory Kafka.
import { describe, expect, it } from 'vitest';
import type { KafkaError } from './errors';
import { planSample } from './sample-plan';
import { runSample } from './sampler';
import { SampleRequestSchema, type SampleEvent, type SampleRequestInput } from './schemas';
import { InMemoryKafka, partitionWith } from './testing/in-memory-kafka';

const compacted = [partitionWith([0, 3, 4, 9, 15, 16, 40]), partitionWith([2, 5, 6, 7, 30])];

async function sample(kafka: InMemoryKafka, input: SampleRequestInput) {
  const plan = await planSample(kafka, 'users', SampleRequestSchema.parse(input));
  const events: SampleEvent[] = [];
  for await (const event of runSample(kafka, plan, new AbortController().signal)) events.push(event);
  return { records: events.flatMap((e) => (e.type === 'records' ? e.records : [])), end: events[events.length - 1] as Extract<SampleEvent, { type: 'end' }> };
}

describe('a compacted topic with offset gaps', () => {
  it('reads every surviving message with its real offset and ends at the end, not the deadline', async () => {
    const kafka = new InMemoryKafka({ users: compacted }, { honoursTimestamps: true });
    const started = Date.now();
    const { records, end } = await sample(kafka, { from: 'earliest', timeoutMs: 30_000 });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(records.map((r) => `${r.partition}:${r.offset}`).sort()).toEqual(['0:0', '0:3', '0:4', '0:9', '0:15', '0:16', '0:40', '1:2', '1:5', '1:6', '1:7', '1:30'].sort());
    expect(end.reason).toBe('complete');
  });

  it('gives the share a gappy partition cannot fill to the other partitions', async () => {
    const kafka = new InMemoryKafka({ users: [partitionWith([0, 50, 99]), partitionWith(Array.from({ length: 100 }, (_, i) => i))] }, { honoursTimestamps: true });
    const { records, end } = await sample(kafka, { from: 'earliest', limit: 20 });
    expect(records.filter((r) => r.partition === 0).map((r) => r.offset)).toEqual(['0', '50', '99']);
    expect(records.filter((r) => r.partition === 1)).toHaveLength(17);
    expect(end.reason).toBe('limit');
  });

  it('ends a partition whose last offsets before the end were compacted away', async () => {
    // Offsets 3 and 4 are gone; 9 arrived after the sample took its end offsets (5).
    const kafka = new InMemoryKafka({ users: [{ ...partitionWith([0, 1, 2, 9]), end: 5n }] }, { honoursTimestamps: true });
    const { records, end } = await sample(kafka, { from: 'earliest' });
    expect(records.map((r) => r.offset)).toEqual(['0', '1', '2']);
    expect(end.message).toBe('Read 3 messages: every partition reached its end.');
  });
});

describe('offsets by time', () => {
  it('uses the broker answer when it checks out', async () => {
    const kafka = new InMemoryKafka({ users: compacted }, { honoursTimestamps: true });
    const { records, end } = await sample(kafka, { from: { timestamp: 1_000_000 + 5_000 } });
    expect(end.timestampLookup).toEqual({ timestamp: 1_005_000, method: 'list-offsets' });
    expect(records.filter((r) => r.partition === 0).map((r) => r.offset)).toEqual(['9', '15', '16', '40']);
    expect(records.filter((r) => r.partition === 1).map((r) => r.offset)).toEqual(['5', '6', '7', '30']);
  });

  it('falls back to binary search when the broker answers with the end offset, and finds the same offsets', async () => {
    const kafka = new InMemoryKafka({ users: compacted }, { honoursTimestamps: false });
    const { records, end } = await sample(kafka, { from: { timestamp: 1_000_000 + 5_000 } });
    expect(end.timestampLookup?.method).toBe('binary-search');
    expect(end.timestampLookup?.note).toContain('partitions 0, 1');
    expect(records.filter((r) => r.partition === 0).map((r) => r.offset)).toEqual(['9', '15', '16', '40']);
    expect(records.filter((r) => r.partition === 1).map((r) => r.offset)).toEqual(['5', '6', '7', '30']);
  });

  it('binary-searches a long partition in few fetches', async () => {
    const kafka = new InMemoryKafka({ users: [partitionWith(Array.from({ length: 100_000 }, (_, i) => i))] }, { honoursTimestamps: false });
    const plan = await planSample(kafka, 'users', SampleRequestSchema.parse({ from: { timestamp: 1_000_000 + 77_777 * 1000 }, limit: 1 }));
    expect(plan.partitions[0].start).toBe(77_777n);
    expect(kafka.fetches).toBeLessThan(40);
  });
});

describe('the deadline', () => {
  it('ends a sample at its deadline with what it read, when a broker is too slow', async () => {
    class SlowKafka extends InMemoryKafka {
      override async fetch(...args: Parameters<InMemoryKafka['fetch']>) {
        await new Promise((r) => setTimeout(r, this.fetches === 0 ? 0 : 2_000));
        return super.fetch(...args);
      }
    }
    const kafka = new SlowKafka({ users: [partitionWith(Array.from({ length: 50 }, (_, i) => i))] }, { honoursTimestamps: true });
    const started = Date.now();
    const { records, end } = await sample(kafka, { from: 'earliest', timeoutMs: 400 });
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(end.reason).toBe('deadline');
    expect(end.message).toBe(`Stopped at the deadline (0.4 s) after ${records.length} messages.`);
    expect(records.length).toBeGreaterThan(0);
  });

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('counts the time metadata took: a slow planning leaves less time to read, not more', async () => {
    class SlowMetadata extends InMemoryKafka {
      override async metadata() {
        await sleep(500);
        return super.metadata();
      }
      override async fetch(...args: Parameters<InMemoryKafka['fetch']>) {
        await sleep(this.fetches === 0 ? 0 : 2_000);
        return super.fetch(...args);
      }
    }
    const kafka = new SlowMetadata({ users: [partitionWith(Array.from({ length: 50 }, (_, i) => i))] }, { honoursTimestamps: true });
    const started = Date.now();
    const { end } = await sample(kafka, { from: 'earliest', timeoutMs: 800 });
    // Before, the 0.8 s started after planning's 0.5 s: 1.3 s in all.
    expect(Date.now() - started).toBeLessThan(1_150);
    expect(end.reason).toBe('deadline');
    expect(end.progress.elapsedMs).toBeGreaterThanOrEqual(790);
  });

  it('answers a timeout naming the step when Kafka is too slow for planning to finish in time', async () => {
    class SlowOffsets extends InMemoryKafka {
      override async listOffsets(...args: Parameters<InMemoryKafka['listOffsets']>) {
        await sleep(3_000);
        return super.listOffsets(...args);
      }
    }
    const kafka = new SlowOffsets({ users: compacted }, { honoursTimestamps: true });
    const started = Date.now();
    const error = (await planSample(kafka, 'users', SampleRequestSchema.parse({ from: 'earliest', timeoutMs: 400 })).catch((e: KafkaError) => e)) as KafkaError;
    expect(Date.now() - started).toBeLessThan(900);
    expect(error.toApiError()).toMatchObject({
      status: 504,
      code: 'kafka_timeout',
      message: 'Kafka at memory:9092 answered too slowly: the sample\'s 0.4 s deadline passed while reading the offsets of "users", before any message was read.',
    });
  });
});
