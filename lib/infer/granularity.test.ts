import { describe, expect, it } from 'vitest';
import { rowKeys, suggestGranularity, truncateToGranularity } from './granularity';

const T0 = Date.UTC(2026, 10, 21, 5, 0, 0);

describe('truncateToGranularity', () => {
  it('truncates to UTC buckets, weeks starting on Monday', () => {
    const t = Date.UTC(2026, 10, 21, 5, 47, 13, 250);
    expect(truncateToGranularity(t, 'minute')).toBe(Date.UTC(2026, 10, 21, 5, 47));
    expect(truncateToGranularity(t, 'fifteen_minute')).toBe(Date.UTC(2026, 10, 21, 5, 45));
    expect(truncateToGranularity(t, 'week')).toBe(Date.UTC(2026, 10, 16));
    expect(truncateToGranularity(t, 'month')).toBe(Date.UTC(2026, 10, 1));
  });
});

describe('suggestGranularity', () => {
  it('turns rollup on at the finest granularity that halves the rows', () => {
    const times = Array.from({ length: 600 }, (_, i) => T0 + i * 1000);
    const keys = times.map((_, i) => ['pc', 'mobile'][i % 2]);
    const choice = suggestGranularity(times, keys, times);
    expect(choice).toMatchObject({ rollup: true, queryGranularity: 'minute' });
    expect(choice.why).toMatch(/^rollup at minute keeps 3% of the sample's rows/);
  });

  it('turns rollup off when every row is unique', () => {
    const times = Array.from({ length: 100 }, (_, i) => T0 + i * 1000);
    const choice = suggestGranularity(times, times.map((_, i) => `user${i}`), times);
    expect(choice).toMatchObject({ rollup: false, queryGranularity: 'none' });
  });

  it('uses hourly segments for busy topics and daily ones for quiet topics', () => {
    const busy = Array.from({ length: 1000 }, (_, i) => T0 + i * 10);
    expect(suggestGranularity(busy, busy.map(() => ''), busy).segmentGranularity).toBe('hour');
    const quiet = Array.from({ length: 100 }, (_, i) => T0 + i * 60_000);
    expect(suggestGranularity(quiet, quiet.map(() => ''), quiet).segmentGranularity).toBe('day');
  });
});

describe('rowKeys', () => {
  it('gives rows with equal dimension values equal keys, and different rows different keys', () => {
    const keys = rowKeys([['a', 'a', 'b', 'a'], [1, 1, 1, 2], [{ x: 1 }, { x: 1 }, { x: 1 }, { x: 1 }]], 4);
    expect(keys[0]).toBe(keys[1]);
    expect(new Set(keys).size).toBe(3);
  });
});
