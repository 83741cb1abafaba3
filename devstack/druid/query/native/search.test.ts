import { afterAll, describe, expect, it } from 'vitest';
import { sampleMessages, startTestEngine, type ClickMessage, type TestEngine } from '../testing/engine-fixture';
import { contractJson, shapeOf } from '../testing/fixtures';

const engines: TestEngine[] = [];
afterAll(() => engines.forEach((e) => e.close()));

async function engineWith(clickMessages?: number): Promise<TestEngine> {
  const e = await startTestEngine({ clickMessages });
  engines.push(e);
  return e;
}

const SEED_QUERY = {
  queryType: 'search', dataSource: 'mytopic-kafka', intervals: ['2020-03-13T00:00:00.000/2020-03-20T00:00:00.000'],
  granularity: 'all', searchDimensions: ['url', 'user'], query: { type: 'insensitive_contains', value: 'roni' },
};

describe('search', () => {
  it('answers seed 000 exactly: its three messages give roni twice, stamped at the 16:00 hour segment', async () => {
    // The first match (16:57:59) lies in the hourly segment starting 16:00; the 09:00 segment has no match.
    const e = await engineWith(3);
    const r = await e.call('POST', '/druid/v2', SEED_QUERY);
    expect(r.status, r.text).toBe(200);
    expect(r.json()).toEqual([{ timestamp: '2020-03-19T16:00:00.000Z', result: [{ dimension: 'user', value: 'roni', count: 2 }] }]);
  });

  it('counts matching rows per dimension value over all the sample messages', async () => {
    const e = await engineWith();
    const messages = sampleMessages<ClickMessage>('seed000-clickstream');
    const r = await e.call('POST', '/druid/v2', { ...SEED_QUERY, query: { type: 'contains', value: 'O' } });
    const counts = new Map<string, number>();
    for (const m of messages) {
      for (const [dimension, value] of [['url', m.url], ['user', m.user]] as const) {
        if (value.toLowerCase().includes('o')) counts.set(`${dimension}|${value}`, (counts.get(`${dimension}|${value}`) ?? 0) + 1);
      }
    }
    const expected = [...counts.entries()].map(([k, count]) => {
      const [dimension, value] = k.split('|');
      return { dimension, value, count };
    }).sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : a.dimension < b.dimension ? -1 : 1));
    expect((r.json() as Array<{ result: unknown }>)[0].result).toEqual(expected);
  });

  it('honours case sensitivity, fragments, sort by length and the limit', async () => {
    const e = await engineWith();
    const call = (extra: Record<string, unknown>) => e.call('POST', '/druid/v2', { ...SEED_QUERY, ...extra }).then((r) => (r.json() as Array<{ result: Array<{ value: string }> }>)[0]?.result ?? []);
    expect(await call({ query: { type: 'contains', value: 'RONI', caseSensitive: true } })).toEqual([]);
    expect((await call({ query: { type: 'fragment', values: ['fo', 'ba'] } })).map((h) => h.value)).toEqual(['/foo/bar']);
    const byLength = await call({ query: { type: 'insensitive_contains', value: '/' }, sort: { type: 'strlen' }, limit: 2 });
    expect(byLength.map((h) => h.value)).toEqual(['/', '/docs']);
  });

  it('buckets by granularity and has the documented shape', async () => {
    const e = await engineWith();
    const r = await e.call('POST', '/druid/v2', { ...SEED_QUERY, granularity: 'hour' });
    const buckets = r.json() as Array<{ timestamp: string }>;
    expect(buckets.map((b) => b.timestamp)).toEqual(['2020-03-19T16:00:00.000Z', '2020-03-19T17:00:00.000Z', '2020-03-19T18:00:00.000Z', '2020-03-19T19:00:00.000Z']);
    expect(shapeOf(buckets)).toEqual(shapeOf(contractJson('broker.native.search.response.json')));
  });
});
