import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleMessages, startTestEngine, type AdClickMessage, type ClickMessage, type TestEngine } from '../testing/engine-fixture';
import { contractJson, elementKeys } from '../testing/fixtures';

let engine: TestEngine;
beforeAll(async () => { engine = await startTestEngine(); });
afterAll(() => engine.close());

const native = (query: Record<string, unknown>) => engine.call('POST', '/druid/v2', query);
type Bucket = { timestamp: string | null; result: Record<string, unknown> };

/** The Asia/Shanghai calendar day of an instant, computed without the engine. */
function shanghaiDay(ms: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ms));
}

describe('timeseries', () => {
  it('answers seed 001: daily buckets at Shanghai midnight, summing click and the stored count', async () => {
    const seedQuery = {
      queryType: 'timeseries', dataSource: 'kafkatest',
      granularity: { type: 'period', period: 'P1D', timeZone: 'Asia/Shanghai' },
      aggregations: [{ type: 'longSum', name: 'click', fieldName: 'click' }, { type: 'longSum', name: 'pv', fieldName: 'count' }],
      intervals: ['2018-06-02/2019-06-06'],
    };
    const r = await native(seedQuery);
    expect(r.status, r.text).toBe(200);
    const expected = new Map<string, { click: number; pv: number }>();
    for (const m of sampleMessages<AdClickMessage>('seed001-adclicks')) {
      const day = shanghaiDay(Number(m.timestamp));
      const e = expected.get(day) ?? { click: 0, pv: 0 };
      e.click += Number(m.click);
      e.pv += 1;
      expected.set(day, e);
    }
    const buckets = r.json() as Bucket[];
    const withData = buckets.filter((b) => b.result.pv !== null);
    expect(withData.map((b) => [shanghaiDay(Date.parse(b.timestamp!)), b.result])).toEqual([...expected.entries()]);
    for (const b of buckets) {
      // Every bucket starts at a Shanghai midnight: 16:00 UTC the day before.
      expect(b.timestamp).toMatch(/T16:00:00\.000Z$/);
    }
    // The day segment 2019-06-05 (UTC) also covers the start of the next Shanghai day, which
    // Druid fills as an empty bucket.
    expect(buckets.map((b) => b.timestamp)).toEqual(['2019-06-04T16:00:00.000Z', '2019-06-05T16:00:00.000Z']);
    expect(buckets[1].result).toEqual({ click: null, pv: null });
  });

  it('skips empty buckets when asked, descends, and limits', async () => {
    const base = {
      queryType: 'timeseries', dataSource: 'mytopic-kafka', granularity: 'hour', intervals: ['2020-03-19/2020-03-20'],
      aggregations: [{ type: 'count', name: 'rows' }],
    };
    const filled = (await native(base)).json() as Bucket[];
    // Hourly segments exist for 09, 16, 17, 18 and 19h: no bucket is empty inside them.
    const hours = [...new Set(sampleMessages<ClickMessage>('seed000-clickstream').map((m) => m.time.slice(0, 13)))];
    expect(filled.map((b) => b.timestamp!.slice(0, 13))).toEqual(hours);
    const filtered = { ...base, filter: { type: 'selector', dimension: 'user', value: 'brozo' } };
    const withEmpty = (await native(filtered)).json() as Bucket[];
    expect(withEmpty).toHaveLength(hours.length);
    expect(withEmpty.some((b) => b.result.rows === 0)).toBe(true);
    const skipped = (await native({ ...filtered, context: { skipEmptyBuckets: 'true' } })).json() as Bucket[];
    expect(skipped.every((b) => (b.result.rows as number) > 0)).toBe(true);
    const desc = (await native({ ...base, descending: 'true', limit: 2 })).json() as Bucket[];
    expect(desc.map((b) => b.timestamp)).toEqual(filled.slice(-2).reverse().map((b) => b.timestamp));
  });

  it('adds a grand total row with a null timestamp, and post-aggregates every row', async () => {
    const r = (await native({
      queryType: 'timeseries', dataSource: 'mytopic-kafka', granularity: 'day', intervals: ['2020-03-19/2020-03-20'],
      aggregations: [{ type: 'count', name: 'rows' }, { type: 'doubleSum', name: 'latency', fieldName: 'latencyMs' }],
      postAggregations: [{ type: 'arithmetic', name: 'mean', fn: '/', fields: [{ type: 'fieldAccess', fieldName: 'latency' }, { type: 'fieldAccess', fieldName: 'rows' }] }],
      context: { grandTotal: true },
    })).json() as Bucket[];
    const messages = sampleMessages<ClickMessage>('seed000-clickstream');
    const total = messages.reduce((n, m) => n + m.latencyMs, 0);
    expect(r).toEqual([
      { timestamp: '2020-03-19T00:00:00.000Z', result: { rows: messages.length, latency: total, mean: total / messages.length } },
      { timestamp: null, result: { rows: messages.length, latency: total, mean: total / messages.length } },
    ]);
  });

  it('stamps a granularity-all answer with the start of its first segment inside the interval', async () => {
    const r = (await native({
      queryType: 'timeseries', dataSource: 'mytopic-kafka', granularity: 'all', intervals: ['2020-03-19T17:30:00Z/2020-03-20'],
      aggregations: [{ type: 'count', name: 'rows' }],
    })).json() as Bucket[];
    // The 17h segment starts before the interval, so the interval start wins.
    expect(r.map((b) => b.timestamp)).toEqual(['2020-03-19T17:30:00.000Z']);
  });

  it('has the documented response shape', async () => {
    const documented = contractJson('broker.native.timeseries.response.shape.json');
    const r = await native({ ...(contractJson('broker.native.timeseries.request.json') as object), dataSource: 'kafkatest', intervals: ['2019-06-05/2019-06-06'] });
    expect(r.status, r.text).toBe(200);
    const ours = r.json() as Bucket[];
    expect(elementKeys(ours)).toEqual(elementKeys(documented));
    expect(Object.keys(ours[0].result)).toEqual(Object.keys((documented as Bucket[])[0].result));
  });

  it('divides by zero as Druid does: 0 for "/" in arithmetic post-aggregators', async () => {
    const [b] = (await native({
      queryType: 'timeseries', dataSource: 'kafkatest', granularity: 'all', intervals: ['2019-06-05/2019-06-06'],
      aggregations: [{ type: 'count', name: 'rows' }, { type: 'filtered', filter: { type: 'false' }, aggregator: { type: 'count', name: 'none' } }],
      postAggregations: [
        { type: 'arithmetic', name: 'ratio', fn: '/', fields: [{ type: 'fieldAccess', fieldName: 'rows' }, { type: 'fieldAccess', fieldName: 'none' }] },
        { type: 'arithmetic', name: 'q', fn: 'quotient', fields: [{ type: 'fieldAccess', fieldName: 'rows' }, { type: 'constant', value: 2 }] },
      ],
    })).json() as Bucket[];
    expect(b.result.ratio).toBe(0);
    expect(b.result.q).toBe((b.result.rows as number) / 2);
  });
});
