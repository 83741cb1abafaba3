import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleMessages, startTestEngine, type AdClickMessage, type ClickMessage, type TestEngine } from '../testing/engine-fixture';
import { contractJson, shapeOf } from '../testing/fixtures';

let engine: TestEngine;
beforeAll(async () => { engine = await startTestEngine(); });
afterAll(() => engine.close());

const native = (query: Record<string, unknown>) => engine.call('POST', '/druid/v2', query);
const clicks = sampleMessages<ClickMessage>('seed000-clickstream');
const adClicks = sampleMessages<AdClickMessage>('seed001-adclicks');

function tally<T>(items: readonly T[], key: (t: T) => string, value: (t: T) => number = () => 1): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of items) out.set(key(t), (out.get(key(t)) ?? 0) + value(t));
  return out;
}

describe('topN', () => {
  it('ranks dimension values by a metric, highest first, cut at the threshold', async () => {
    const r = await native({
      queryType: 'topN', dataSource: 'mytopic-kafka', dimension: 'user', threshold: 3, metric: 'views', granularity: 'all',
      aggregations: [{ type: 'longSum', name: 'views', fieldName: 'views' }], intervals: ['2020-03-19/2020-03-20'],
    });
    const expected = [...tally(clicks, (m) => m.user)].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 3);
    const [bucket] = r.json() as Array<{ timestamp: string; result: Array<{ user: string; views: number }> }>;
    expect(bucket.timestamp).toBe('2020-03-19T09:00:00.000Z');
    expect(bucket.result.map((x) => x.views)).toEqual(expected.map(([, n]) => n));
    expect(shapeOf(r.json(), false)).toEqual(shapeOf(contractJson('broker.native.topN.social_media.response.json'), false));
  });

  it('orders by dimension, inverted metric and post-aggregator', async () => {
    const base = {
      queryType: 'topN', dataSource: 'kafkatest', dimension: { type: 'default', dimension: 'city', outputName: 'c' }, threshold: 10, granularity: 'all',
      aggregations: [{ type: 'longSum', name: 'pv', fieldName: 'count' }, { type: 'longSum', name: 'clicks', fieldName: 'click' }],
      postAggregations: [{ type: 'arithmetic', name: 'ctr', fn: '/', fields: [{ type: 'fieldAccess', fieldName: 'clicks' }, { type: 'fieldAccess', fieldName: 'pv' }] }],
      intervals: ['2019-06-05/2019-06-06'],
    };
    const values = async (metric: unknown) => ((await native({ ...base, metric })).json() as Array<{ result: Array<Record<string, unknown>> }>)[0].result;
    const cities = [...new Set(adClicks.map((m) => m.city))].sort();
    expect((await values({ type: 'dimension', ordering: 'lexicographic' })).map((x) => x.c)).toEqual(cities);
    expect((await values({ type: 'dimension', previousStop: 'chengdu' })).map((x) => x.c)).toEqual(cities.filter((c) => c > 'chengdu'));
    const pv = tally(adClicks, (m) => m.city);
    const ascending = (await values({ type: 'inverted', metric: 'pv' })).map((x) => x.pv);
    expect(ascending).toEqual([...pv.values()].sort((a, b) => a - b));
    const ctr = (await values('ctr')).map((x) => x.ctr as number);
    expect(ctr).toEqual([...ctr].sort((a, b) => b - a));
  });
});

describe('groupBy', () => {
  it('groups, post-aggregates, filters with having and orders by limitSpec', async () => {
    const r = await native({
      queryType: 'groupBy', dataSource: 'kafkatest', dimensions: ['city', { type: 'default', dimension: 'platform', outputName: 'device' }], granularity: 'all',
      aggregations: [{ type: 'longSum', name: 'clicks', fieldName: 'click' }, { type: 'longSum', name: 'pv', fieldName: 'count' }],
      postAggregations: [{ type: 'expression', name: 'ctr', expression: 'clicks * 1.0 / pv' }],
      having: { type: 'greaterThan', aggregation: 'pv', value: 3 },
      limitSpec: { type: 'default', limit: 4, offset: 1, columns: [{ dimension: 'pv', direction: 'descending' }, 'city', 'device'] },
      intervals: ['2019-06-05/2019-06-06'],
    });
    expect(r.status, r.text).toBe(200);
    const groups = new Map<string, { city: string; device: string; clicks: number; pv: number; ctr: number }>();
    for (const m of adClicks) {
      const key = `${m.city}|${m.platform}`;
      const g = groups.get(key) ?? { city: m.city, device: m.platform, clicks: 0, pv: 0, ctr: 0 };
      g.clicks += Number(m.click);
      g.pv += 1;
      g.ctr = g.clicks / g.pv;
      groups.set(key, g);
    }
    const expected = [...groups.values()].filter((g) => g.pv > 3)
      .sort((a, b) => b.pv - a.pv || a.city.localeCompare(b.city) || a.device.localeCompare(b.device)).slice(1, 5);
    expect(r.json()).toEqual(expected.map((event) => ({ version: 'v1', timestamp: '2019-06-05T00:00:00.000Z', event })));
  });

  it('sorts by time then dimensions without a limitSpec, one row per bucket and group', async () => {
    const r = (await native({
      queryType: 'groupBy', dataSource: 'mytopic-kafka', dimensions: ['url'], granularity: 'hour', intervals: ['2020-03-19T16:00/2020-03-19T18:00'],
      aggregations: [{ type: 'count', name: 'n' }],
    })).json() as Array<{ timestamp: string; event: { url: string; n: number } }>;
    const inRange = clicks.filter((m) => m.time >= '2020-03-19T16' && m.time < '2020-03-19T18');
    const expected = [...tally(inRange, (m) => `${m.time.slice(0, 13)}:00:00.000Z|${m.url}`)].sort(([a], [b]) => (a < b ? -1 : 1));
    expect(r.map((x) => `${x.timestamp}|${x.event.url}`)).toEqual(expected.map(([k]) => k));
    expect(r.map((x) => x.event.n)).toEqual(expected.map(([, n]) => n));
  });

  it('answers plain arrays with context.resultAsArray', async () => {
    const r = await native({
      queryType: 'groupBy', dataSource: 'kafkatest', dimensions: ['city'], granularity: 'all', intervals: ['2019-06-05/2019-06-06'],
      aggregations: [{ type: 'longSum', name: 'pv', fieldName: 'count' }], limitSpec: { type: 'default', limit: 1, columns: ['city'] },
      context: { resultAsArray: true },
    });
    const cities = [...new Set(adClicks.map((m) => m.city))].sort();
    expect(r.json()).toEqual([[Date.UTC(2019, 5, 5), cities[0], adClicks.filter((m) => m.city === cities[0]).length]]);
  });

  it('runs the documented social_media request shape and answers with v1 rows', async () => {
    const request = { ...(contractJson('broker.native.groupBy.social_media.request.json') as Record<string, unknown>), dataSource: 'kafkatest', dimensions: ['city'], intervals: ['2019-06-05/2019-06-06'] };
    const r = await native(request);
    expect(r.status, r.text).toBe(200);
    const documented = contractJson('broker.native.groupBy.social_media.response.json') as Array<{ event: Record<string, unknown> }>;
    const ours = r.json() as Array<{ event: Record<string, unknown> }>;
    expect(Object.keys(ours[0]).sort()).toEqual(Object.keys(documented[0]).sort());
    expect(Object.keys(ours[0].event).sort()).toEqual(Object.keys(documented[0].event).map((k) => (k === 'username' ? 'city' : k)).sort());
  });
});
