import { describe, expect, it } from 'vitest';
import { bucketLabel, eventTimeHistogram } from './histogram';

const H = 3_600_000;
const now = Date.UTC(2026, 0, 1, 5, 30);

describe('eventTimeHistogram', () => {
  it('shows empty hours between events as gaps, marks now and counts what the late window drops', () => {
    const times = [Date.UTC(2026, 0, 1, 0, 10), Date.UTC(2026, 0, 1, 0, 20), Date.UTC(2026, 0, 1, 4, 5), Date.UTC(2026, 0, 1, 4, 6)];
    const histogram = eventTimeHistogram(times, 'hour', now, now - 2 * H);
    expect(histogram.granularity).toBe('hour');
    expect(histogram.buckets.map((b) => b.count)).toEqual([2, 0, 0, 0, 2, 0]);
    expect(histogram.buckets.map((b) => b.late)).toEqual([true, true, true, false, false, false]);
    expect(histogram.buckets.find((b) => b.now)?.start).toBe(Date.UTC(2026, 0, 1, 5));
    expect(histogram.late).toBe(2);
  });

  it('draws a few hours of data in daily segments by hour rather than as one bar', () => {
    const times = Array.from({ length: 240 }, (_, i) => now - i * 60_000);
    const histogram = eventTimeHistogram(times, 'day', now, null);
    expect(histogram.granularity).toBe('fifteen_minute');
    expect(histogram.buckets.length).toBeGreaterThanOrEqual(6);
    expect(histogram.buckets.reduce((n, b) => n + b.count, 0)).toBe(240);
  });

  it('labels buckets in the granularity\'s own precision', () => {
    expect(bucketLabel(Date.UTC(2026, 2, 1), 'month')).toBe('2026-03');
    expect(bucketLabel(Date.UTC(2026, 2, 1, 13, 15), 'fifteen_minute')).toBe('03-01 13:15');
  });
});
