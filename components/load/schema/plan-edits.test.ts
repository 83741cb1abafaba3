import { describe, expect, it } from 'vitest';
import type { LoadPlan } from '@/lib/infer';
import { KAFKA_TIMESTAMP_COLUMN } from '@/lib/infer';
import { keepAsJson, nestedGroups, pickTimestamp, renameColumn, setAggregator, setRole, setType } from './plan-edits';

const plan: LoadPlan = {
  decode: { format: 'json' },
  timestamp: { column: 'ts', path: '$.ts', format: 'millis' },
  columns: [
    { name: 'ts', path: '$.ts', type: 'long', role: 'none', why: 'the event time' },
    { name: 'city', path: '$.city', type: 'string', role: 'dimension', why: 'text' },
    { name: 'bytes', path: '$.bytes', type: 'long', role: 'dimension', why: 'number' },
    { name: 'geo_lat', path: '$.geo.lat', type: 'double', role: 'metric', why: 'gauge', aggregator: { type: 'doubleMax', name: 'max_geo_lat', fieldName: 'geo_lat' } },
    { name: 'geo_lon', path: '$.geo.lon', type: 'double', role: 'dimension', why: 'gauge' },
  ],
  rollup: true,
  queryGranularity: 'minute',
  segmentGranularity: 'hour',
};

const column = (p: LoadPlan, name: string) => p.columns.find((c) => c.name === name);

describe('schema plan edits', () => {
  it('gives a column made a metric a fitting aggregator, and takes it away again', () => {
    const metric = setRole(plan, 'bytes', 'metric');
    expect(column(metric, 'bytes')?.aggregator).toEqual({ type: 'longSum', name: 'sum_bytes', fieldName: 'bytes' });
    expect(column(setRole(metric, 'bytes', 'dimension'), 'bytes')?.aggregator).toBeUndefined();
    expect(column(setAggregator(metric, 'bytes', 'longMax'), 'bytes')?.aggregator).toMatchObject({ type: 'longMax', name: 'max_bytes' });
  });

  it('keeps a numeric aggregator in step with the column type', () => {
    const asLong = setType(plan, 'geo_lat', 'long');
    expect(column(asLong, 'geo_lat')?.aggregator).toMatchObject({ type: 'longMax', fieldName: 'geo_lat' });
  });

  it('carries a rename into the aggregator, the timestamp and delimited column names', () => {
    const renamed = renameColumn(plan, 'geo_lat', 'latitude');
    expect(column(renamed, 'latitude')?.aggregator).toMatchObject({ name: 'max_latitude', fieldName: 'latitude' });
    expect(renameColumn(plan, 'ts', 'event_ts').timestamp.column).toBe('event_ts');
    const csv: LoadPlan = { ...plan, decode: { format: 'csv', columnNames: ['ts', 'city'] } };
    expect(renameColumn(csv, 'city', 'town').decode.columnNames).toEqual(['ts', 'town']);
  });

  it('stores the previous event time as a dimension when another time is picked', () => {
    const picked = pickTimestamp(plan, { column: KAFKA_TIMESTAMP_COLUMN, format: 'millis' });
    expect(picked.timestamp.column).toBe(KAFKA_TIMESTAMP_COLUMN);
    expect(column(picked, 'ts')?.role).toBe('dimension');
    const back = pickTimestamp(picked, { column: 'ts', path: '$.ts', format: 'millis' });
    expect(column(back, 'ts')?.role).toBe('none');
  });

  it('groups flattened fields by their nested object and keeps one whole as a json column', () => {
    expect([...nestedGroups(plan, '$').keys()]).toEqual(['$.geo']);
    const kept = keepAsJson(plan, '$.geo', 'geo');
    expect(kept.columns.map((c) => c.name)).toEqual(['ts', 'city', 'bytes', 'geo']);
    expect(column(kept, 'geo')).toMatchObject({ path: '$.geo', type: 'json', role: 'dimension' });
  });
});
