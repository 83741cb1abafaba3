import { describe, expect, it } from 'vitest';
import { allWholeDays, chartPoints, chartTimeLabel, chartTimeTicks, issueWithChart, suggestChart } from './chart';
import type { ResultTable } from './schemas';

const hourly: ResultTable = {
  columns: [
    { name: 'hour', type: 'LONG', sqlType: 'TIMESTAMP' },
    { name: 'views', type: 'LONG', sqlType: 'BIGINT' },
    { name: 'p95', type: 'DOUBLE', sqlType: 'DOUBLE' },
  ],
  rows: [
    ['2026-01-01T01:00:00.000Z', 5, 30.5],
    ['2026-01-01T00:00:00.000Z', '9007199254740993', 12],
  ],
};

const byUrl: ResultTable = {
  columns: [
    { name: 'url', type: 'STRING', sqlType: 'VARCHAR' },
    { name: 'views', type: 'LONG', sqlType: 'BIGINT' },
  ],
  rows: [
    ['/', 4],
    ['/cart', 2],
  ],
};

describe('suggestChart', () => {
  it('draws a time column and numbers as lines over time', () => {
    expect(suggestChart(hourly)).toEqual({ kind: 'line', x: 'hour', y: ['views', 'p95'] });
  });
  it('draws a category and numbers as bars', () => {
    expect(suggestChart(byUrl)).toEqual({ kind: 'bar', x: 'url', y: ['views'] });
  });
  it('compares categories with bars when the whole result is one time bucket', () => {
    const search: ResultTable = {
      columns: [{ name: 'timestamp', type: 'TIMESTAMP' }, { name: 'value', type: 'STRING' }, { name: 'count', type: 'LONG' }],
      rows: [
        ['2020-03-19T16:00:00.000Z', 'roni', 2],
        ['2020-03-19T16:00:00.000Z', 'veronica', 1],
      ],
    };
    expect(suggestChart(search)).toEqual({ kind: 'bar', x: 'value', y: ['count'] });
  });
  it('draws nothing, and says why, when there is nothing to plot against', () => {
    const count: ResultTable = { columns: [{ name: 'EXPR$0', type: 'LONG', sqlType: 'BIGINT' }], rows: [[42]] };
    expect(suggestChart(count).kind).toBe('none');
    expect(issueWithChart(count, suggestChart(count))).toMatch(/no time or category column/);
    const text: ResultTable = { columns: [{ name: 'url', sqlType: 'VARCHAR' }], rows: [['/']] };
    expect(issueWithChart(text, suggestChart(text))).toMatch(/no numeric column/);
  });
});

describe('chartPoints', () => {
  it('draws one line per category over time, the largest categories only', () => {
    const perUrl: ResultTable = {
      columns: [
        { name: 'hour', sqlType: 'TIMESTAMP' },
        { name: 'url', sqlType: 'VARCHAR' },
        { name: 'views', sqlType: 'BIGINT' },
      ],
      rows: [
        ['2026-01-01T00:00:00.000Z', '/', 5],
        ['2026-01-01T00:00:00.000Z', '/cart', 1],
        ['2026-01-01T01:00:00.000Z', '/', 7],
        ...Array.from({ length: 6 }, (_, i) => ['2026-01-01T01:00:00.000Z', `/rare${i}`, 1]),
      ],
    };
    const spec = suggestChart(perUrl);
    expect(spec).toEqual({ kind: 'line', x: 'hour', y: ['views'], splitBy: 'url' });
    const { points, series, note } = chartPoints(perUrl, spec);
    expect(series.map((s) => s.label)).toEqual(['/', '/cart', '/rare0', '/rare1', '/rare2', '/rare3']);
    expect(points[0]).toEqual({ x: Date.parse('2026-01-01T00:00:00.000Z'), s0: 5, s1: 1 });
    expect(points[1]).toMatchObject({ s0: 7, s2: 1 });
    expect(note).toBe('Showing the 6 largest of 8 url values.');
  });

  it('orders time points and turns exact big integers into plottable numbers', () => {
    const { points, xKind } = chartPoints(hourly, suggestChart(hourly));
    expect(xKind).toBe('time');
    expect(points).toEqual([
      { x: Date.parse('2026-01-01T00:00:00.000Z'), s0: 9007199254740993, s1: 12 },
      { x: Date.parse('2026-01-01T01:00:00.000Z'), s0: 5, s1: 30.5 },
    ]);
  });
  it('follows a switch to bars and to another series', () => {
    const { points, series, xKind } = chartPoints(hourly, { kind: 'bar', x: 'hour', y: ['p95'] });
    expect(xKind).toBe('category');
    expect(series).toEqual([{ key: 's0', label: 'p95' }]);
    expect(points.map((p) => p.s0)).toEqual([30.5, 12]);
  });
  it('caps bars and says how many were left out', () => {
    const many: ResultTable = { columns: byUrl.columns, rows: Array.from({ length: 80 }, (_, i) => [`/p${i}`, i]) };
    const { points, note } = chartPoints(many, suggestChart(many));
    expect(points).toHaveLength(50);
    expect(note).toBe('Showing the first 50 of 80 bars.');
  });
});

describe('time in the zone Druid answered in', () => {
  // A daily query with sqlTimeZone Asia/Shanghai: Druid labels each bucket with its local midnight.
  const shanghai: ResultTable = {
    columns: [
      { name: 'day', type: 'LONG', sqlType: 'TIMESTAMP' },
      { name: 'views', type: 'LONG', sqlType: 'BIGINT' },
    ],
    rows: [
      ['2026-11-19T00:00:00.000+08:00', 7],
      ['2026-11-20T00:00:00.000+08:00', 9],
    ],
  };

  it('places and labels a day bucket as that local day, not 16:00 UTC of the day before', () => {
    const { points, timeZone } = chartPoints(shanghai, suggestChart(shanghai));
    expect(timeZone).toBe('UTC+08:00');
    expect(allWholeDays(points)).toBe(true);
    expect(points.map((p) => chartTimeLabel(p.x as number, { days: true }))).toEqual(['2026-11-19', '2026-11-20']);
    expect(chartTimeTicks(points).map((x) => chartTimeLabel(x))).toEqual(['2026-11-19 00:00', '2026-11-20 00:00']);
  });

  it('says UTC for UTC answers and both offsets across a daylight-saving change', () => {
    expect(chartPoints(hourly, suggestChart(hourly)).timeZone).toBe('UTC');
    const newYork: ResultTable = {
      columns: shanghai.columns,
      rows: [
        ['2026-03-07T00:00:00.000-05:00', 1],
        ['2026-03-08T00:00:00.000-05:00', 2],
        ['2026-03-09T00:00:00.000-04:00', 3],
      ],
    };
    const { points, timeZone } = chartPoints(newYork, suggestChart(newYork));
    expect(timeZone).toBe('UTC-05:00 / UTC-04:00');
    // Local days stay evenly spaced though the day of the change had 23 hours.
    expect(points.map((p) => chartTimeLabel(p.x as number, { days: allWholeDays(points) }))).toEqual(['2026-03-07', '2026-03-08', '2026-03-09']);
  });

  it('puts at most eight ticks, each on a bucket', () => {
    const many: ResultTable = {
      columns: shanghai.columns,
      rows: Array.from({ length: 48 }, (_, h) => [new Date(Date.UTC(2026, 10, 19, h)).toISOString().replace('Z', '+08:00'), h]),
    };
    const { points } = chartPoints(many, suggestChart(many));
    const ticks = chartTimeTicks(points);
    expect(ticks).toHaveLength(8);
    expect(ticks.every((t) => points.some((p) => p.x === t))).toBe(true);
    expect(chartTimeLabel(ticks[0])).toBe('2026-11-19 00:00');
    expect(chartTimeLabel(ticks[7])).toBe('2026-11-20 23:00');
  });
});
