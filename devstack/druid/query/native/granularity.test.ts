import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleMessages, startTestEngine, type ClickMessage, type TestEngine } from '../testing/engine-fixture';

let engine: TestEngine;
beforeAll(async () => { engine = await startTestEngine(); });
afterAll(() => engine.close());

const clicks = sampleMessages<ClickMessage>('seed000-clickstream');

/** Bucket start -> rows, asking the engine to skip empty buckets so only data buckets show. */
async function buckets(granularity: unknown): Promise<Record<string, number>> {
  const r = await engine.call('POST', '/druid/v2', {
    queryType: 'timeseries', dataSource: 'mytopic-kafka', intervals: ['2020-03-01/2020-04-01'], granularity,
    aggregations: [{ type: 'count', name: 'n' }], context: { skipEmptyBuckets: true },
  });
  expect(r.status, r.text).toBe(200);
  return Object.fromEntries((r.json() as Array<{ timestamp: string; result: { n: number } }>).map((b) => [b.timestamp, b.result.n]));
}

/** The same bucketing computed in plain JS from the messages. */
function expected(floor: (ms: number) => number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of clicks) {
    const key = new Date(floor(Date.parse(m.time))).toISOString();
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

const every = (ms: number, origin = 0) => (t: number) => origin + Math.floor((t - origin) / ms) * ms;
const MIN = 60_000;

describe('granularities', () => {
  it.each([
    ['fifteen_minute', 15 * MIN],
    ['thirty_minute', 30 * MIN],
    ['six_hour', 360 * MIN],
    ['day', 1440 * MIN],
  ])('%s buckets on UTC boundaries', async (name, ms) => {
    expect(await buckets(name)).toEqual(expected(every(ms)));
  });

  it('week starts on Monday; month, quarter and year on calendar starts', async () => {
    expect(Object.keys(await buckets('week'))).toEqual(['2020-03-16T00:00:00.000Z']);
    expect(Object.keys(await buckets('month'))).toEqual(['2020-03-01T00:00:00.000Z']);
    expect(Object.keys(await buckets('quarter'))).toEqual(['2020-01-01T00:00:00.000Z']);
    expect(Object.keys(await buckets('year'))).toEqual(['2020-01-01T00:00:00.000Z']);
  });

  it('none keeps every distinct time', async () => {
    expect(await buckets('none')).toEqual(expected((t) => t));
  });

  it('duration buckets count from their origin', async () => {
    const origin = Date.UTC(2020, 2, 19, 0, 7);
    expect(await buckets({ type: 'duration', duration: 20 * MIN, origin: '2020-03-19T00:07:00Z' })).toEqual(expected(every(20 * MIN, origin)));
  });

  it('period buckets follow their time zone and origin', async () => {
    // Kathmandu is UTC+05:45, so its hours start at :15 UTC.
    expect(await buckets({ type: 'period', period: 'PT1H', timeZone: 'Asia/Kathmandu' })).toEqual(expected(every(60 * MIN, 15 * MIN)));
    const origin = Date.UTC(2020, 2, 19, 0, 10);
    expect(await buckets({ type: 'period', period: 'PT30M', origin: '2020-03-19T00:10:00Z' })).toEqual(expected(every(30 * MIN, origin)));
  });
});
