import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DruidStore } from './store';

const dir = mkdtempSync(path.join(tmpdir(), 'druid-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const settings = { rollup: false, queryGranularity: 'NONE', segmentGranularity: 'HOUR' };

describe('DruidStore', () => {
  it('stores typed columns, adds discovered ones, and keeps them across a reopen', async () => {
    const file = path.join(dir, 'druid.duckdb');
    const store = await DruidStore.open(file);
    await store.ensureDatasource('web "events"', settings);
    await store.append('web "events"', [{ __time: 1_700_000_000_123, page: '/a', n: 3 }], [
      { name: '__time', type: 'LONG', role: 'time' },
      { name: 'page', type: 'STRING', role: 'dimension' },
      { name: 'n', type: 'LONG', role: 'metric', aggregator: { type: 'longSum', name: 'n', fieldName: 'n' } },
    ]);
    await store.append('web "events"', [{ __time: 1_700_000_000_124, page: ['x', 'y'], n: 4, tags: ['p'], attrs: { a: 1 }, score: 1.5 }], [
      { name: 'tags', type: 'ARRAY<STRING>', role: 'dimension' },
      { name: 'attrs', type: 'COMPLEX<json>', role: 'dimension' },
      { name: 'score', type: 'DOUBLE', role: 'dimension' },
    ]);
    const types = await store.connection.runAndReadAll(`SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'druid' AND table_name = 'web "events"' ORDER BY ordinal_position`);
    expect(types.getRowsJson()).toEqual([['__time', 'TIMESTAMP'], ['page', 'VARCHAR'], ['n', 'BIGINT'], ['tags', 'VARCHAR[]'], ['attrs', 'JSON'], ['score', 'DOUBLE']]);
    expect(await store.readRows('web "events"')).toEqual([
      { __time: 1_700_000_000_123, page: '/a', n: 3, tags: null, attrs: null, score: null },
      { __time: 1_700_000_000_124, page: '["x","y"]', n: 4, tags: ['p'], attrs: '{"a":1}', score: 1.5 },
    ]);
    await store.saveOffsets('web', 'clicks', new Map([[0, 9_007_199_254_740_993n]]));
    await store.close();

    const reopened = await DruidStore.open(file);
    expect(reopened.datasource('web "events"')?.columns.map((column) => column.name)).toEqual(['__time', 'page', 'n', 'tags', 'attrs', 'score']);
    expect(await reopened.rowCount('web "events"')).toBe(2);
    expect(await reopened.loadOffsets('web', 'clicks')).toEqual(new Map([[0, 9_007_199_254_740_993n]]));
    expect(await reopened.loadOffsets('web', 'another-topic')).toEqual(new Map());
    await reopened.drop('web "events"');
    expect(reopened.datasources()).toEqual([]);
    await reopened.close();
  });
});
