import { describe, expect, it } from 'vitest';
import { nativeResultTable } from './native-table';

describe('nativeResultTable', () => {
  it('lays out a timeseries as one row per time bucket, timestamp first', () => {
    const table = nativeResultTable('timeseries', [
      { timestamp: '2020-03-19T00:00:00.000+08:00', result: { views: 3, latencyMs: 102 } },
      { timestamp: '2020-03-20T00:00:00.000+08:00', result: { views: 1, latencyMs: 2.5 } },
    ]);
    expect(table.columns).toEqual([
      { name: 'timestamp', type: 'TIMESTAMP' },
      { name: 'views', type: 'LONG' },
      { name: 'latencyMs', type: 'DOUBLE' },
    ]);
    expect(table.rows).toEqual([
      ['2020-03-19T00:00:00.000+08:00', 3, 102],
      ['2020-03-20T00:00:00.000+08:00', 1, 2.5],
    ]);
  });

  it('flattens search hits and topN entries under their bucket timestamp', () => {
    const search = nativeResultTable('search', [{ timestamp: '2020-03-19T16:00:00.000Z', result: [{ dimension: 'user', value: 'roni', count: 2 }] }]);
    expect(search.columns.map((c) => c.name)).toEqual(['timestamp', 'dimension', 'value', 'count']);
    expect(search.rows).toEqual([['2020-03-19T16:00:00.000Z', 'user', 'roni', 2]]);
    const topN = nativeResultTable('topN', [{ timestamp: 't', result: [{ url: '/a', views: 9 }, { url: '/b', views: 4 }] }]);
    expect(topN.rows).toEqual([
      ['t', '/a', 9],
      ['t', '/b', 4],
    ]);
  });

  it('reads groupBy events, and scan batches in both list and compactedList forms', () => {
    expect(nativeResultTable('groupBy', [{ version: 'v1', timestamp: 't', event: { user: 'roni', views: 2 } }]).rows).toEqual([['t', 'roni', 2]]);
    const scan = nativeResultTable('scan', [
      { segmentId: 's1', columns: ['__time', 'user'], events: [[1584637079000, 'roni']], rowSignature: [{ name: '__time', type: 'LONG' }] },
      { segmentId: 's2', columns: ['__time', 'user'], events: [{ __time: 1584640200000, user: 'brozo' }] },
    ]);
    expect(scan.columns).toEqual([{ name: '__time', type: 'LONG' }, { name: 'user' }]);
    expect(scan.rows).toEqual([
      [1584637079000, 'roni'],
      [1584640200000, 'brozo'],
    ]);
  });

  it('keeps a missing value as an empty cell rather than dropping the column', () => {
    const table = nativeResultTable('timeseries', [{ timestamp: 'a', result: { x: 1 } }, { timestamp: 'b', result: { y: 'z' } }]);
    expect(table.rows).toEqual([
      ['a', 1, null],
      ['b', null, 'z'],
    ]);
  });
});
