import { describe, expect, it } from 'vitest';
import { rollupRows } from './rollup';
import type { MetricSpec } from './types';

const metrics: MetricSpec[] = [
  { type: 'count', name: 'count' },
  { type: 'longSum', name: 'clicks', fieldName: 'click' },
  { type: 'doubleMax', name: 'maxPrice', fieldName: 'price' },
  { type: 'longMin', name: 'minPrice', fieldName: 'price' },
  { type: 'stringFirst', name: 'firstUser', fieldName: 'user' },
  { type: 'stringLast', name: 'lastUser', fieldName: 'user' },
];

describe('rollupRows', () => {
  it('combines rows of the same truncated time and dimensions with each aggregator', () => {
    const rows = [
      { __time: Date.parse('2024-01-01T10:05:00Z'), city: 'Oslo', count: 1, clicks: 2, maxPrice: 1.5, minPrice: 1, firstUser: 'a', lastUser: 'a' },
      { __time: Date.parse('2024-01-01T10:40:00Z'), city: 'Oslo', count: 1, clicks: null, maxPrice: 7.25, minPrice: 7, firstUser: 'b', lastUser: 'b' },
      { __time: Date.parse('2024-01-01T10:41:00Z'), city: 'Bergen', count: 1, clicks: 5, maxPrice: 3, minPrice: 3, firstUser: 'c', lastUser: 'c' },
      { __time: Date.parse('2024-01-01T11:00:00Z'), city: 'Oslo', count: 1, clicks: 1, maxPrice: 2, minPrice: 2, firstUser: 'd', lastUser: 'd' },
    ];
    expect(rollupRows(rows, metrics, 'hour')).toEqual([
      { __time: Date.parse('2024-01-01T10:00:00Z'), city: 'Oslo', count: 2, clicks: 2, maxPrice: 7.25, minPrice: 1, firstUser: 'a', lastUser: 'b' },
      { __time: Date.parse('2024-01-01T10:00:00Z'), city: 'Bergen', count: 1, clicks: 5, maxPrice: 3, minPrice: 3, firstUser: 'c', lastUser: 'c' },
      { __time: Date.parse('2024-01-01T11:00:00Z'), city: 'Oslo', count: 1, clicks: 1, maxPrice: 2, minPrice: 2, firstUser: 'd', lastUser: 'd' },
    ]);
  });

  it('treats a missing dimension like a null one and keeps distinct values apart', () => {
    const rows = [
      { __time: 0, a: 'x', count: 1 },
      { __time: 0, a: 'x', b: null, count: 1 },
      { __time: 0, a: 'y', count: 1 },
    ];
    expect(rollupRows(rows, [{ type: 'count', name: 'count' }], 'none').map((row) => row.count)).toEqual([2, 1]);
  });
});
