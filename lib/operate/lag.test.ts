// Lag from Druid's positions and Kafka's end offsets, in messages and in time, and the rates and time
// to drain between two looks: running tasks, a suspended supervisor, partitions only one side knows.
import { describe, expect, it } from 'vitest';
import { SupervisorStatusPayloadSchema } from '../druid/schemas/supervisor';
import { druidPositions, lagRates, lagReport, type KafkaEndOffsets, type LagMeasurement, type UnreadMessage } from './lag';

const NOW = Date.parse('2026-03-01T12:00:30Z');
const REFRESHED = '2026-03-01T12:00:10Z';
const REFRESHED_MS = Date.parse(REFRESHED);

/** A status as Druid 33 sends it, through the app's own schema (numbers past 2^53 arrive as strings). */
function status(fields: Record<string, unknown>) {
  return SupervisorStatusPayloadSchema.parse({ dataSource: 'clicks', stream: 'clicks', suspended: false, healthy: true, state: 'RUNNING', detailedState: 'RUNNING', ...fields });
}

function kafka(latest: Record<number, string>, errors: Record<number, string> = {}): KafkaEndOffsets {
  const partitions = new Map<number, { latest?: string; error?: string }>();
  for (const [p, offset] of Object.entries(latest)) partitions.set(Number(p), { latest: offset });
  for (const [p, error] of Object.entries(errors)) partitions.set(Number(p), { error });
  return { partitions };
}

function report(payload: ReturnType<typeof status>, ends: KafkaEndOffsets, unread: Record<number, UnreadMessage> = {}, previous?: LagMeasurement) {
  const positions = druidPositions(payload, NOW);
  return lagReport({ supervisorId: 'clicks', topic: 'clicks', positions, kafka: ends, unread: new Map(Object.entries(unread).map(([p, m]) => [Number(p), m])), previous });
}

describe('lag while tasks read', () => {
  const running = status({
    activeTasks: [{ id: 'index_kafka_clicks_b', currentOffsets: { '0': 1_200_000, '1': 980_500 } }],
    publishingTasks: [{ id: 'index_kafka_clicks_a', currentOffsets: { '0': 1_150_000, '1': 990_000 } }],
    latestOffsets: { '0': 1_200_400, '1': 990_000 },
    minimumLag: { '0': 400, '1': 0 },
    offsetsLastUpdated: REFRESHED,
  });

  it('takes the furthest task position per partition and compares it with the end offsets Druid read at the same moment', () => {
    // Kafka has moved on by 20 s of traffic since Druid looked: that is not lag.
    const { report: r } = report(running, kafka({ 0: '1240000', 1: '1030000' }), { 0: { offset: '1200000', timestamp: REFRESHED_MS - 1_500 } });
    expect(r.offsetSource).toBe('tasks');
    expect(r.measuredAt).toBe('2026-03-01T12:00:10.000Z');
    expect(r.partitions).toEqual([
      { partition: 0, currentOffset: '1200000', latestOffset: '1200400', lag: '400', timeLagMs: 1_500 },
      { partition: 1, currentOffset: '990000', latestOffset: '990000', lag: '0', timeLagMs: 0 },
    ]);
    expect(r.totalLag).toBe('400');
    expect(r.maxTimeLagMs).toBe(1_500);
    expect(r.problems).toEqual([]);
  });

  it('uses Kafka’s end offset where Druid’s predates its task’s position', () => {
    const ahead = status({ activeTasks: [{ id: 't', currentOffsets: { '0': 5_000 } }], latestOffsets: { '0': 4_000 }, offsetsLastUpdated: REFRESHED });
    const { report: r } = report(ahead, kafka({ 0: '5600' }), { 0: { offset: '5000', timestamp: REFRESHED_MS - 30_000 } });
    expect(r.partitions[0]).toMatchObject({ currentOffset: '5000', latestOffset: '5600', lag: '600', timeLagMs: 30_000 });
  });

  it('compares tasks that only publish (just suspended) with Kafka’s end offset now, as they read no further', () => {
    const publishing = status({
      suspended: true,
      state: 'SUSPENDED',
      detailedState: 'SUSPENDED',
      activeTasks: [],
      publishingTasks: [{ id: 'index_kafka_clicks_a', currentOffsets: { '0': 20, '1': 20 } }],
      latestOffsets: { '0': 20, '1': 20 },
      minimumLag: { '0': 0, '1': 0 },
      offsetsLastUpdated: REFRESHED,
    });
    const { report: r } = report(publishing, kafka({ 0: '170', 1: '170' }), { 0: { offset: '20', timestamp: NOW - 600_000 }, 1: { offset: '20', timestamp: NOW - 599_999 } });
    expect(r.offsetSource).toBe('tasks');
    expect(r.measuredAt).toBe(new Date(NOW).toISOString());
    expect(r.partitions.map((p) => [p.lag, p.timeLagMs])).toEqual([
      ['150', 600_000],
      ['150', 599_999],
    ]);
  });

  it('keeps offsets past 2^53 exact', () => {
    const big = status({
      activeTasks: [{ id: 't', currentOffsets: { '0': '9007199254740993' } }],
      latestOffsets: { '0': '9007199254741003' },
      minimumLag: { '0': 10 },
      offsetsLastUpdated: REFRESHED,
    });
    const { report: r, measurement } = report(big, kafka({ 0: '9007199254745000' }), { 0: { offset: '9007199254740993', timestamp: REFRESHED_MS - 250 } });
    expect(r.partitions[0]).toEqual({ partition: 0, currentOffset: '9007199254740993', latestOffset: '9007199254741003', lag: '10', timeLagMs: 250 });
    expect(r.totalLag).toBe('10');
    expect(measurement.partitions.get(0)).toEqual({ current: 9007199254740993n, end: 9007199254741003n });
  });

  it('still gives lag in messages from Druid’s own end offsets when Kafka cannot be read', () => {
    const down: KafkaEndOffsets = { partitions: new Map(), problem: 'Kafka could not be read: Connection error: connect ECONNREFUSED 127.0.0.1:9092.' };
    const { report: r } = report(running, down, { 0: { error: 'leader broker 1 did not answer: Connection error' } });
    expect(r.partitions.map((p) => p.lag)).toEqual(['400', '0']);
    expect(r.partitions[0].timeLagMs).toBeNull();
    expect(r.problems).toEqual([down.problem, 'Partition 0: time lag unknown: leader broker 1 did not answer: Connection error.']);
  });
});

describe('lag without tasks', () => {
  // Druid 33 keeps reporting latestOffsets (refreshed every 30 s) and minimumLag for a suspended supervisor.
  const suspended = status({
    suspended: true,
    state: 'SUSPENDED',
    detailedState: 'SUSPENDED',
    activeTasks: [],
    publishingTasks: [],
    latestOffsets: { '0': '3296635', '1': '3296002', '2': '3295990' },
    minimumLag: { '0': '35', '1': '2', '2': '0' },
    offsetsLastUpdated: REFRESHED,
  });

  it('compares the offsets Druid committed with Kafka’s end offsets now, as measured now', () => {
    const { report: r } = report(suspended, kafka({ 0: '3300600', 1: '3296000', 2: '3295990' }), {
      0: { offset: '3296600', timestamp: NOW - 95_000 },
      1: { offset: '3296000', timestamp: NOW - 1_000 },
    });
    expect(r.offsetSource).toBe('committed');
    expect(r.measuredAt).toBe(new Date(NOW).toISOString());
    expect(r.partitions).toEqual([
      { partition: 0, currentOffset: '3296600', latestOffset: '3300600', lag: '4000', timeLagMs: 95_000 },
      { partition: 1, currentOffset: '3296000', latestOffset: '3296000', lag: '0', timeLagMs: 0 },
      { partition: 2, currentOffset: '3295990', latestOffset: '3295990', lag: '0', timeLagMs: 0 },
    ]);
    expect(r.totalLag).toBe('4000');
    expect(r.maxTimeLagMs).toBe(95_000);
  });

  it('names the partitions whose end offset Kafka could not give, and sums the others', () => {
    const { report: r } = report(suspended, kafka({ 0: '3300600' }, { 1: 'its leader, broker 2, did not answer: timeout', 2: 'its leader, broker 2, did not answer: timeout' }), {
      0: { offset: '3296600', timestamp: NOW - 95_000 },
    });
    expect(r.partitions.map((p) => [p.lag, p.latestOffset, p.timeLagMs])).toEqual([
      ['4000', '3300600', 95_000],
      [null, null, null],
      [null, null, null],
    ]);
    expect(r.totalLag).toBe('4000');
    expect(r.problems).toEqual(["Partitions 1 and 2: Kafka's end offset is unknown: its leader, broker 2, did not answer: timeout."]);
  });

  it('shows a partition added to the topic that Druid has not read yet, and one Kafka no longer lists', () => {
    const { report: r } = report(suspended, kafka({ 0: '3296600', 1: '3296000', 3: '120' }));
    expect(r.partitions.map((p) => p.partition)).toEqual([0, 1, 2, 3]);
    expect(r.partitions[2]).toEqual({ partition: 2, currentOffset: '3295990', latestOffset: null, lag: null, timeLagMs: null });
    expect(r.partitions[3]).toEqual({ partition: 3, currentOffset: null, latestOffset: '120', lag: null, timeLagMs: null });
    expect(r.problems).toEqual(['Partition 2: Druid reads it but Kafka does not list it.', 'Partition 3: Druid has no offset for it yet.']);
    expect(r.totalLag).toBe('0');
  });

  it('says when Druid has no offsets at all, and gives no lag', () => {
    const fresh = status({ state: 'PENDING', detailedState: 'PENDING', activeTasks: [], latestOffsets: null, minimumLag: null });
    const { report: r } = report(fresh, kafka({ 0: '500', 1: '20' }));
    expect(r.offsetSource).toBe('none');
    expect(r.partitions).toEqual([
      { partition: 0, currentOffset: null, latestOffset: '500', lag: null, timeLagMs: null },
      { partition: 1, currentOffset: null, latestOffset: '20', lag: null, timeLagMs: null },
    ]);
    expect(r.totalLag).toBeNull();
    expect(r.direction).toBe('unknown');
    expect(r.problems).toEqual(['Druid lists no offsets for this supervisor now: no task reads or publishes, and its status names no committed offsets (none yet, or not again since a suspend or a restart of the Overlord).']);
  });

  it('reads zero time lag when only transaction markers were unread, and flags offsets past the end', () => {
    const { report: r } = report(suspended, kafka({ 0: '3296601', 1: '3295000', 2: '3295990' }), { 0: { none: true } });
    expect(r.partitions[0]).toMatchObject({ lag: '1', timeLagMs: 0 });
    expect(r.partitions[1]).toMatchObject({ currentOffset: '3296000', latestOffset: '3295000', lag: null });
    expect(r.problems).toEqual(["Partition 1: Druid's offset 3296000 is past Kafka's end offset 3295000 (was the topic recreated?)."]);
  });
});

describe('rates, direction and time to drain', () => {
  const at = (seconds: number, partitions: Record<number, [bigint, bigint]>): LagMeasurement => ({
    at: NOW + seconds * 1000,
    partitions: new Map(Object.entries(partitions).map(([p, [current, end]]) => [Number(p), { current, end }])),
  });

  it('drains when Druid reads faster than the topic is written, with the time left at those rates', () => {
    // 30 s: 3,000 written a second, 9,000 read a second; 720,000 behind still.
    const before = at(0, { 0: [1_000_000n, 1_900_000n] });
    const now = at(30, { 0: [1_270_000n, 1_990_000n] });
    expect(lagRates(before, now, 720_000n)).toEqual({ producedPerSec: 3_000, consumedPerSec: 9_000, direction: 'draining', etaSeconds: 120 });
  });

  it('reads a flat lag as steady, never rising, even on a busy topic', () => {
    const before = at(0, { 0: [5_000_000n, 5_050_000n], 1: [4_000_000n, 4_050_000n] });
    const now = at(30, { 0: [5_300_000n, 5_350_400n], 1: [4_300_000n, 4_349_900n] });
    const rates = lagRates(before, now, 100_300n);
    expect(rates.direction).toBe('steady');
    expect(rates.etaSeconds).toBeNull();
    expect(rates.producedPerSec).toBeCloseTo(20_010);
  });

  it('rises when the topic is written faster than Druid reads it', () => {
    const rates = lagRates(at(0, { 0: [100n, 100n] }), at(10, { 0: [100n, 5_100n] }), 5_000n);
    expect(rates).toEqual({ producedPerSec: 500, consumedPerSec: 0, direction: 'rising', etaSeconds: null });
  });

  it('is caught up at zero lag, and unknown without an earlier look', () => {
    expect(lagRates(undefined, at(0, { 0: [10n, 10n] }), 0n).direction).toBe('caught-up');
    expect(lagRates(undefined, at(0, { 0: [10n, 20n] }), 10n)).toEqual({ producedPerSec: null, consumedPerSec: null, direction: 'unknown', etaSeconds: null });
  });

  it('counts only partitions both looks measured, so an added partition is not a burst', () => {
    const before = at(0, { 0: [1_000n, 1_000n] });
    const now = at(10, { 0: [2_000n, 2_000n], 1: [0n, 800_000n] });
    expect(lagRates(before, now, 800_000n)).toMatchObject({ producedPerSec: 100, consumedPerSec: 100, direction: 'steady' });
  });

  it('gives no rates across a reset that moved offsets back', () => {
    const rates = lagRates(at(0, { 0: [9_000n, 9_500n] }), at(10, { 0: [0n, 9_600n] }), 9_600n);
    expect(rates).toEqual({ producedPerSec: null, consumedPerSec: null, direction: 'unknown', etaSeconds: null });
  });

  it('gives the report the rates and ETA from the previous measurement', () => {
    const payload = status({ activeTasks: [], latestOffsets: { '0': 1_000 }, minimumLag: { '0': 0 } });
    const previous = { at: NOW - 60_000, partitions: new Map([[0, { current: 400n, end: 2_200n }]]) };
    const { report: r } = report(payload, kafka({ 0: '2500' }), { 0: { offset: '1000', timestamp: NOW - 40_000 } }, previous);
    expect(r).toMatchObject({ totalLag: '1500', producedPerSec: 5, consumedPerSec: 10, direction: 'draining', etaSeconds: 300 });
  });
});

describe('a supervisor of several topics', () => {
  it('says lag from Kafka is for one topic only, instead of reading its pattern as a topic', () => {
    const pattern = status({ stream: 'clicks-.*', activeTasks: [{ id: 't', currentOffsets: { 'clicks-eu:0': 10, 'clicks-us:0': 12 } }], latestOffsets: { 'clicks-eu:0': 10, 'clicks-us:0': 15 }, offsetsLastUpdated: REFRESHED });
    const positions = druidPositions(pattern, NOW);
    const { report: r } = lagReport({ supervisorId: 'clicks', topic: 'clicks-.*', positions, kafka: { partitions: new Map() }, unread: new Map() });
    expect(r.partitions).toEqual([]);
    expect(r.totalLag).toBeNull();
    expect(r.problems).toEqual(['This supervisor reads every topic matching "clicks-.*": lag from Kafka is given for supervisors of one topic only.']);
  });
});
