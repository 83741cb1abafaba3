import { describe, expect, it } from 'vitest';
import type { MetricsRow } from '../store/schema';
import { bucketStartMs, downsampleRows, keepMsOf, metricPointOf, parseTimeBound, rowRates, stepForRange, type RowCounts } from './metrics-history';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.parse('2026-03-10T12:00:00Z');

const sample = (at: string, overrides: Partial<MetricsRow> = {}): MetricsRow => ({
  supervisorId: 'clicks',
  stepS: 0,
  at,
  state: 'RUNNING',
  healthy: 1,
  totalLag: '10',
  maxTimeLagMs: 1_000,
  processedPerSec: 100,
  unparseablePerSec: 0,
  thrownAwayPerSec: 0,
  withErrorPerSec: 0,
  producedPerSec: 100,
  consumedPerSec: 100,
  tasks: 1,
  failedTasks: 0,
  partitions: '[]',
  ...overrides,
});

describe('stepForRange', () => {
  it('reads every sample for the last hour, 1-minute points for a day, 10-minute points for a week', () => {
    expect(stepForRange(NOW - HOUR, NOW, NOW)).toBe(0);
    expect(stepForRange(NOW - DAY, NOW, NOW)).toBe(60);
    expect(stepForRange(NOW - 7 * DAY, NOW, NOW)).toBe(600);
  });

  it('reads a coarser resolution when the finer one no longer reaches back that far', () => {
    // One hour, but a week ago: samples and 1-minute points are gone by then.
    expect(stepForRange(NOW - 7 * DAY, NOW - 7 * DAY + HOUR, NOW)).toBe(600);
    // One hour ending 10 hours ago: samples are kept 6 hours, 1-minute points 2 days.
    expect(stepForRange(NOW - 11 * HOUR, NOW - 10 * HOUR, NOW)).toBe(60);
  });
});

describe('keepMsOf', () => {
  it('keeps samples 6 hours and 1-minute points 2 days, unless the retention is shorter', () => {
    expect(keepMsOf(0, 30)).toBe(6 * HOUR);
    expect(keepMsOf(60, 30)).toBe(2 * DAY);
    expect(keepMsOf(600, 30)).toBe(30 * DAY);
    expect(keepMsOf(60, 1)).toBe(DAY);
  });
});

describe('bucketStartMs', () => {
  it('aligns buckets to whole UTC minutes and ten minutes', () => {
    const at = Date.parse('2026-03-10T12:07:42.500Z');
    expect(new Date(bucketStartMs(at, 60)).toISOString()).toBe('2026-03-10T12:07:00.000Z');
    expect(new Date(bucketStartMs(at, 600)).toISOString()).toBe('2026-03-10T12:00:00.000Z');
    expect(bucketStartMs(at, 0)).toBe(at);
  });
});

describe('downsampleRows', () => {
  it('keeps the worst lag and time lag of a minute, the mean rates, the state at its end and the most tasks', () => {
    const rows = [
      sample('2026-03-10T12:07:45.000Z', { totalLag: '300', maxTimeLagMs: 9_000, processedPerSec: 50, state: 'UNHEALTHY_TASKS', healthy: 0, tasks: 2, failedTasks: 1 }),
      sample('2026-03-10T12:07:00.000Z', { totalLag: '900', maxTimeLagMs: 2_000, processedPerSec: 150, tasks: 1 }),
      sample('2026-03-10T12:07:30.000Z', { totalLag: '20', maxTimeLagMs: null, processedPerSec: null }),
    ];
    expect(downsampleRows(rows, 60)).toEqual([
      {
        ...sample('2026-03-10T12:07:00.000Z'),
        stepS: 60,
        totalLag: '900',
        maxTimeLagMs: 9_000,
        processedPerSec: 100,
        state: 'UNHEALTHY_TASKS',
        healthy: 0,
        tasks: 2,
        failedTasks: 1,
        partitions: null,
      },
    ]);
  });

  it('keeps one row per supervisor and bucket', () => {
    const rows = [
      sample('2026-03-10T12:01:10.000Z'),
      sample('2026-03-10T12:02:10.000Z'),
      sample('2026-03-10T12:01:20.000Z', { supervisorId: 'orders' }),
      sample('2026-03-10T12:11:20.000Z', { supervisorId: 'orders' }),
    ];
    const keys = downsampleRows(rows, 60).map((r) => `${r.supervisorId} ${r.at.slice(11, 16)}`);
    expect(keys.sort()).toEqual(['clicks 12:01', 'clicks 12:02', 'orders 12:01', 'orders 12:11']);
    expect(downsampleRows(rows, 600).map((r) => `${r.supervisorId} ${r.at.slice(11, 16)}`).sort()).toEqual(['clicks 12:00', 'orders 12:00', 'orders 12:10']);
  });

  it('compares lags past 2^53 exactly', () => {
    const rows = [sample('2026-03-10T12:00:01.000Z', { totalLag: '9007199254740993' }), sample('2026-03-10T12:00:02.000Z', { totalLag: '9007199254740992' })];
    expect(downsampleRows(rows, 60)[0].totalLag).toBe('9007199254740993');
  });

  it('leaves a figure unknown when no sample of the bucket knew it', () => {
    const [row] = downsampleRows([sample('2026-03-10T12:00:01.000Z', { totalLag: null, state: null, healthy: null, producedPerSec: null })], 60);
    expect(row).toMatchObject({ totalLag: null, state: null, healthy: null, producedPerSec: null });
  });
});

describe('metricPointOf', () => {
  it('reads health as a boolean and the error rate under its API name', () => {
    expect(metricPointOf(sample('2026-03-10T12:00:00.000Z', { healthy: 0, withErrorPerSec: 2.5 }))).toMatchObject({ time: '2026-03-10T12:00:00.000Z', healthy: false, processedWithErrorPerSec: 2.5 });
    expect(metricPointOf(sample('2026-03-10T12:00:00.000Z', { healthy: null })).healthy).toBeNull();
  });
});

describe('parseTimeBound', () => {
  it('reads now, times before now and ISO-8601 times', () => {
    expect(parseTimeBound('now', NOW)).toBe(NOW);
    expect(parseTimeBound('-1h', NOW)).toBe(NOW - HOUR);
    expect(parseTimeBound('-90m', NOW)).toBe(NOW - 90 * 60_000);
    expect(parseTimeBound('-7d', NOW)).toBe(NOW - 7 * DAY);
    expect(parseTimeBound('-2w', NOW)).toBe(NOW - 14 * DAY);
    expect(parseTimeBound('2026-03-01T12:00:00Z', NOW)).toBe(Date.parse('2026-03-01T12:00:00Z'));
    expect(parseTimeBound('2026-03-01T12:00:00.250+01:00', NOW)).toBe(Date.parse('2026-03-01T11:00:00.250Z'));
    expect(parseTimeBound('2026-03-01', NOW)).toBe(Date.parse('2026-03-01T00:00:00Z'));
  });

  it('refuses what it cannot read unambiguously', () => {
    for (const text of ['', 'yesterday', '1h', '-1y', '2026-03-01T12:00:00', '2026-13-01T00:00:00Z', '1700000000000']) {
      expect(parseTimeBound(text, NOW), text).toBeUndefined();
    }
  });
});

describe('rowRates', () => {
  const counts = (processed: number, unparseable = 0): RowCounts => ({ processed, processedWithError: 0, unparseable, thrownAway: 0 });
  const minute = counts(3, 0.5);

  it('divides the growth of Druid’s totals by the seconds between two readings of the same tasks', () => {
    const previous = { atMs: 0, taskIds: ['a', 'b'], totals: counts(1_000, 10) };
    expect(rowRates({ atMs: 15_000, taskIds: ['b', 'a'], totals: counts(2_500, 40) }, previous, minute)).toEqual(counts(100, 2));
  });

  it('falls back to Druid’s 1-minute averages on the first reading, after new tasks start, or when totals went back', () => {
    const previous = { atMs: 0, taskIds: ['a'], totals: counts(1_000) };
    expect(rowRates({ atMs: 15_000, taskIds: ['a'], totals: counts(2_000) }, undefined, minute)).toBe(minute);
    expect(rowRates({ atMs: 15_000, taskIds: ['c'], totals: counts(2_000) }, previous, minute)).toBe(minute);
    expect(rowRates({ atMs: 15_000, taskIds: ['a'], totals: counts(10) }, previous, minute)).toBe(minute);
  });
});
