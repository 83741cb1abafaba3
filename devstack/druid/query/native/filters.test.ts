import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleMessages, startTestEngine, type ClickMessage, type TestEngine } from '../testing/engine-fixture';

let engine: TestEngine;
beforeAll(async () => { engine = await startTestEngine(); });
afterAll(() => engine.close());

const clicks = sampleMessages<ClickMessage>('seed000-clickstream');

async function countWhere(filter: unknown, dataSource = 'mytopic-kafka'): Promise<number> {
  const r = await engine.call('POST', '/druid/v2', {
    queryType: 'timeseries', dataSource, granularity: 'all', intervals: ['2000/2030'], filter, aggregations: [{ type: 'count', name: 'n' }],
  });
  expect(r.status, r.text).toBe(200);
  return ((r.json() as Array<{ result: { n: number } }>)[0]?.result.n) ?? 0;
}

const expectCount = (predicate: (m: ClickMessage) => boolean) => clicks.filter(predicate).length;

describe('native filters', () => {
  it.each([
    ['selector', { type: 'selector', dimension: 'user', value: 'roni' }, (m: ClickMessage) => m.user === 'roni'],
    ['in', { type: 'in', dimension: 'url', values: ['/', '/docs'] }, (m: ClickMessage) => ['/', '/docs'].includes(m.url)],
    ['equals', { type: 'equals', column: 'url', matchValueType: 'STRING', matchValue: '/login' }, (m: ClickMessage) => m.url === '/login'],
    ['numeric bound', { type: 'bound', dimension: 'latencyMs', lower: '100', upper: '500', upperStrict: true, ordering: 'numeric' }, (m: ClickMessage) => m.latencyMs >= 100 && m.latencyMs < 500],
    ['lexicographic bound', { type: 'bound', dimension: 'user', lower: 'kim', lowerStrict: true }, (m: ClickMessage) => m.user > 'kim'],
    ['range', { type: 'range', column: 'latencyMs', matchValueType: 'LONG', lower: 600, lowerOpen: true }, (m: ClickMessage) => m.latencyMs > 600],
    ['like', { type: 'like', dimension: 'url', pattern: '/foo%' }, (m: ClickMessage) => m.url.startsWith('/foo')],
    ['regex', { type: 'regex', dimension: 'user', pattern: '^b' }, (m: ClickMessage) => m.user.startsWith('b')],
    ['search', { type: 'search', dimension: 'url', query: { type: 'insensitive_contains', value: 'PRIC' } }, (m: ClickMessage) => m.url.includes('pric')],
    ['interval', { type: 'interval', dimension: '__time', intervals: ['2020-03-19T18:00/PT30M'] }, (m: ClickMessage) => m.time >= '2020-03-19T18:00' && m.time < '2020-03-19T18:30'],
    ['and/or/not', { type: 'and', fields: [{ type: 'or', fields: [{ type: 'selector', dimension: 'user', value: 'kim' }, { type: 'selector', dimension: 'user', value: 'li' }] }, { type: 'not', field: { type: 'selector', dimension: 'url', value: '/' } }] },
      (m: ClickMessage) => (m.user === 'kim' || m.user === 'li') && m.url !== '/'],
    ['true', { type: 'true' }, () => true],
  ])('%s', async (_, filter, predicate) => {
    expect(await countWhere(filter)).toBe(expectCount(predicate));
  });

  it('treats a column the datasource lacks as null', async () => {
    expect(await countWhere({ type: 'selector', dimension: 'nothing', value: null })).toBe(clicks.length);
    expect(await countWhere({ type: 'null', column: 'nothing' })).toBe(clicks.length);
    expect(await countWhere({ type: 'selector', dimension: 'nothing', value: 'x' })).toBe(0);
  });

  it('matches nulls and array elements', async () => {
    expect(await countWhere({ type: 'null', column: 'name' }, 'oddities')).toBe(1);
    expect(await countWhere({ type: 'selector', dimension: 'tags', value: 'b' }, 'oddities')).toBe(2);
    expect(await countWhere({ type: 'not', field: { type: 'selector', dimension: 'name', value: "o'brien" } }, 'oddities')).toBe(2);
  });

  it('rejects filters it does not support, naming them', async () => {
    const r = await engine.call('POST', '/druid/v2', {
      queryType: 'timeseries', dataSource: 'mytopic-kafka', intervals: ['2000/2030'],
      filter: { type: 'and', fields: [{ type: 'javascript', dimension: 'user', function: 'x' }] },
    });
    expect(r.status).toBe(400);
    expect((r.json() as { errorMessage: string }).errorMessage).toBe('filter.fields[0].type "javascript" is not supported by the local engine');
  });
});
