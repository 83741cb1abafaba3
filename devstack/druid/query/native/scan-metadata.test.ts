import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIG, sampleMessages, startTestEngine, type ClickMessage, type TestEngine } from '../testing/engine-fixture';
import { contractJson, shapeOf } from '../testing/fixtures';

let engine: TestEngine;
beforeAll(async () => { engine = await startTestEngine(); });
afterAll(() => engine.close());

const native = (query: Record<string, unknown>) => engine.call('POST', '/druid/v2', query);
const clicks = sampleMessages<ClickMessage>('seed000-clickstream');

interface SegmentAnalysis {
  readonly id: string;
  readonly numRows: number;
  readonly intervals: string[];
  readonly columns: Record<string, Record<string, unknown>>;
  readonly aggregators: Record<string, unknown>;
}

describe('scan', () => {
  it('answers rows per segment in the documented list shape, __time as epoch millis', async () => {
    const r = await native({ ...(contractJson('broker.native.scan.request.json') as object), dataSource: 'mytopic-kafka', intervals: ['2020-03-19/2020-03-20'] });
    expect(r.status, r.text).toBe(200);
    const batches = r.json() as Array<{ segmentId: string; columns: string[]; events: Array<Record<string, unknown>> }>;
    expect(shapeOf(batches, false)).toEqual(shapeOf(contractJson('broker.native.scan.response.list.json'), false));
    // Limit 3: the 09h row, then the 16h row, then the 17h row, each in its own hourly segment.
    expect(batches.map((b) => b.segmentId)).toEqual([
      'mytopic-kafka_2020-03-19T09:00:00.000Z_2020-03-19T10:00:00.000Z_2020-03-19T09:00:00.000Z',
      'mytopic-kafka_2020-03-19T16:00:00.000Z_2020-03-19T17:00:00.000Z_2020-03-19T16:00:00.000Z',
      'mytopic-kafka_2020-03-19T17:00:00.000Z_2020-03-19T18:00:00.000Z_2020-03-19T17:00:00.000Z',
    ]);
    expect(batches[0].columns).toEqual(['__time', 'url', 'user', 'views', 'latencyMs']);
    expect(batches[0].events).toEqual([{ __time: Date.parse(clicks[0].time), url: clicks[0].url, user: clicks[0].user, views: 1, latencyMs: clicks[0].latencyMs }]);
  });

  it('answers compactedList with chosen columns, offset, descending order and batches', async () => {
    const r = await native({
      queryType: 'scan', dataSource: 'mytopic-kafka', intervals: ['2020-03-19T18:00/2020-03-19T19:00'], resultFormat: 'compactedList',
      columns: ['user', '__time', 'missing'], order: 'descending', offset: 1, limit: 5, batchSize: 2,
    });
    const batches = r.json() as Array<{ columns: string[]; events: unknown[][]; rowSignature: unknown[] }>;
    const expected = clicks.filter((m) => m.time.startsWith('2020-03-19T18')).reverse().slice(1, 6).map((m) => [m.user, Date.parse(m.time), null]);
    expect(batches.map((b) => b.events.length)).toEqual([2, 2, 1]);
    expect(batches.flatMap((b) => b.events)).toEqual(expected);
    expect(batches[0].rowSignature).toEqual([{ name: 'user', type: 'STRING' }, { name: '__time', type: 'LONG' }, { name: 'missing', type: null }]);
  });

  it('keeps 64-bit integers exact and JSON columns as JSON', async () => {
    const r = await native({ queryType: 'scan', dataSource: 'oddities', intervals: ['2021-01-01/2021-01-02'], columns: ['big', 'payload', 'tags'], resultFormat: 'compactedList' });
    expect(r.text).toContain(`[${BIG},{"k":{"n":1}},["a","b"]]`);
  });
});

describe('timeBoundary, dataSourceMetadata and segmentMetadata', () => {
  it('answers the time boundary, or one bound', async () => {
    const first = clicks[0].time.replace('Z', '.000Z');
    const last = clicks[clicks.length - 1].time.replace('Z', '.000Z');
    expect((await native({ queryType: 'timeBoundary', dataSource: 'mytopic-kafka' })).json()).toEqual([{ timestamp: first, result: { minTime: first, maxTime: last } }]);
    expect((await native({ queryType: 'timeBoundary', dataSource: 'mytopic-kafka', bound: 'maxTime' })).json()).toEqual([{ timestamp: last, result: { maxTime: last } }]);
    const doc = contractJson('broker.native.timeBoundary.response.json');
    expect(shapeOf((await native({ queryType: 'timeBoundary', dataSource: 'mytopic-kafka' })).json())).toEqual(shapeOf(doc));
  });

  it('answers dataSourceMetadata with the newest event time', async () => {
    const r = await native({ queryType: 'dataSourceMetadata', dataSource: 'mytopic-kafka' });
    const last = clicks[clicks.length - 1].time.replace('Z', '.000Z');
    expect(r.json()).toEqual([{ timestamp: '2020-03-19T19:00:00.000Z', result: { maxIngestedEventTime: last } }]);
    expect(shapeOf(r.json())).toEqual(shapeOf(contractJson('broker.native.dataSourceMetadata.response.json')));
  });

  it('answers segmentMetadata per segment or merged, with the requested analyses', async () => {
    const perSegment = (await native({ queryType: 'segmentMetadata', dataSource: 'mytopic-kafka', intervals: ['2020-03-19/2020-03-20'] })).json() as Array<Record<string, unknown>>;
    expect(perSegment).toHaveLength(5);
    expect(perSegment.reduce((n, s) => n + (s.numRows as number), 0)).toBe(clicks.length);
    const merged = (await native({
      queryType: 'segmentMetadata', dataSource: 'mytopic-kafka', merge: true,
      analysisTypes: ['cardinality', 'minmax', 'interval', 'aggregators', 'rollup', 'queryGranularity'],
    })).json() as Array<SegmentAnalysis>;
    expect(merged).toHaveLength(1);
    const m = merged[0];
    const users = [...new Set(clicks.map((c) => c.user))].sort();
    expect(m).toMatchObject({ id: 'merged', numRows: clicks.length, rollup: true, queryGranularity: { type: 'none' } });
    expect(m.columns.user).toMatchObject({ type: 'STRING', cardinality: users.length, minValue: users[0], maxValue: users[users.length - 1], hasNulls: false, hasMultipleValues: false });
    expect(m.columns.__time).toMatchObject({ type: 'LONG', cardinality: null });
    expect(m.aggregators.views).toEqual({ type: 'count', name: 'views' });
    expect(m.intervals).toEqual(['2020-03-19T09:00:00.000Z/2020-03-19T10:00:00.000Z', '2020-03-19T16:00:00.000Z/2020-03-19T20:00:00.000Z']);
    const documented = (contractJson('broker.native.segmentMetadata.response.json') as Array<Record<string, unknown>>)[0];
    expect(Object.keys(m)).toEqual(expect.arrayContaining(Object.keys(documented)));
    expect(Object.keys(m.columns.user)).toEqual(expect.arrayContaining(Object.keys((documented.columns as Record<string, object>).dim1)));
  });
});
