import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEngine, type TestEngine } from '../testing/engine-fixture';
import { contractJson } from '../testing/fixtures';

let engine: TestEngine;
beforeAll(async () => { engine = await startTestEngine(); });
afterAll(() => engine.close());

const native = (query: unknown) => engine.call('POST', '/druid/v2', query);
const base = { queryType: 'timeseries', dataSource: 'kafkatest', intervals: ['2019-06-05/2019-06-06'], granularity: 'all' };
const messageOf = async (query: unknown) => {
  const r = await native(query);
  expect(r.status).toBe(400);
  return (r.json() as { errorMessage: string }).errorMessage;
};

describe('native query errors', () => {
  it('names an unsupported aggregator by its place in the query', async () => {
    const message = await messageOf({ ...base, aggregations: [{ type: 'count', name: 'n' }, { type: 'quantilesDoublesSketch', name: 'q', fieldName: 'click' }] });
    expect(message).toBe('aggregations[1].type "quantilesDoublesSketch" is not supported by the local engine');
  });

  it('never ignores a field it does not know', async () => {
    expect(await messageOf({ ...base, subtotalsSpec: [] })).toBe('subtotalsSpec is not supported by the local engine');
    expect(await messageOf({ ...base, aggregations: [{ type: 'longSum', name: 's', fieldName: 'click', expression: 'x' }] }))
      .toBe('aggregations[0].expression is not supported by the local engine');
    expect(await messageOf({ ...base, virtualColumns: [{ type: 'expression', name: 'v', expression: '1' }] })).toContain('virtualColumns');
  });

  it('explains bad query types, intervals, granularities and references', async () => {
    expect(await messageOf({ ...base, queryType: 'select' })).toContain('queryType "select" is not supported by the local engine');
    expect(await messageOf({ ...base, intervals: ['2019-06-05/tomorrow'] })).toContain('intervals[0]: "tomorrow" is not an ISO-8601 instant');
    expect(await messageOf({ ...base, granularity: 'fortnight' })).toContain('granularity "fortnight" is not a granularity');
    expect(await messageOf({ ...base, granularity: { type: 'period', period: 'P1D', timeZone: 'Mars/Olympus' } })).toContain('granularity.timeZone "Mars/Olympus"');
    expect(await messageOf({
      ...base, aggregations: [{ type: 'count', name: 'n' }],
      postAggregations: [{ type: 'arithmetic', name: 'x', fn: '/', fields: [{ type: 'fieldAccess', fieldName: 'n' }, { type: 'fieldAccess', fieldName: 'typo' }] }],
    })).toBe('postAggregations[0].fields[1].fieldName "typo" is not an aggregator or earlier post-aggregator');
    expect(await messageOf('{"queryType": ')).toContain('not valid JSON');
  });

  it('answers errors in the documented error shape, naming the local engine', async () => {
    const r = await native({ ...base, queryType: 'select' });
    const body = r.json() as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(expect.arrayContaining(Object.keys(contractJson('broker.native.error.shape.json') as object)));
    expect(body).toMatchObject({ error: 'druidException', errorCode: 'invalidInput', category: 'INVALID_INPUT', host: 'tributary-local-engine' });
  });
});

describe('native query plumbing', () => {
  it('answers an unknown datasource as Druid does: one empty bucket for timeseries "all", else no rows', async () => {
    const r = await native({ ...base, dataSource: 'nothing', aggregations: [{ type: 'count', name: 'n' }, { type: 'longSum', name: 's', fieldName: 'x' }] });
    expect(r.status).toBe(200);
    expect(r.json()).toEqual([{ timestamp: '2019-06-05T00:00:00.000Z', result: { n: 0, s: null } }]);
    const groupBy = await native({ ...base, queryType: 'groupBy', dataSource: 'nothing', dimensions: ['x'], aggregations: [{ type: 'count', name: 'n' }] });
    expect(groupBy.json()).toEqual([]);
  });

  it('answers timeseries "all" over an empty interval with one empty bucket unless skipEmptyBuckets', async () => {
    const q = { ...base, intervals: ['2000-01-01/2000-01-02'], aggregations: [{ type: 'count', name: 'n' }] };
    expect((await native(q)).json()).toEqual([{ timestamp: '2000-01-01T00:00:00.000Z', result: { n: 0 } }]);
    expect((await native({ ...q, context: { skipEmptyBuckets: true } })).json()).toEqual([]);
  });

  it('echoes context.queryId and pretty-prints on ?pretty', async () => {
    const r = await engine.call('POST', '/druid/v2?pretty', { ...base, dataSource: { type: 'table', name: 'kafkatest' }, aggregations: [{ type: 'count', name: 'n' }], context: { queryId: 'q-42' } });
    expect(r.headers['X-Druid-Query-Id']).toBe('q-42');
    expect(r.text).toContain('\n  {\n    "timestamp" : ');
  });

  it('reads start/period intervals and the intervals object form', async () => {
    const q = (intervals: unknown) => native({ ...base, intervals, aggregations: [{ type: 'count', name: 'n' }] }).then((r) => r.json());
    expect(await q(['2019-06-05T00:00:00Z/P1D'])).toEqual(await q({ type: 'intervals', intervals: ['P1D/2019-06-06'] }));
  });
});
