import { describe, expect, it } from 'vitest';
import { RowStats } from './row-stats';

describe('RowStats', () => {
  it('keeps totals and averages rates over the time the task has run', () => {
    let now = 1_000_000;
    const stats = new RowStats(now, () => now);
    now += 10_000;
    for (let i = 0; i < 50; i++) stats.add('processed');
    stats.add('processedBytes', 5000);
    stats.add('unparseable', 2);
    const report = stats.report();
    expect(report.totals.buildSegments).toEqual({ processed: 50, processedBytes: 5000, processedWithError: 0, thrownAway: 0, unparseable: 2 });
    expect(report.movingAverages.buildSegments['1m'].processed).toBeCloseTo(5);
    now += 120_000;
    const later = stats.movingAverages();
    expect(later['1m'].processed).toBe(0);
    expect(later['5m'].processed).toBeCloseTo(50 / 130);
  });
});
