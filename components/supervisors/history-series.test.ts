import { describe, expect, it } from 'vitest';
import type { MetricPoint } from '@/lib/operate';
import { historyRows } from './history-series';

const point = (time: string, totalLag: string | null, extra: Partial<MetricPoint> = {}): MetricPoint => ({
  time,
  state: 'RUNNING',
  healthy: true,
  totalLag,
  maxTimeLagMs: 1500,
  processedPerSec: 10,
  unparseablePerSec: 1,
  thrownAwayPerSec: null,
  processedWithErrorPerSec: 0.5,
  producedPerSec: 12,
  consumedPerSec: 11,
  tasks: 1,
  failedTasks: 0,
  ...extra,
});

describe('historyRows', () => {
  it('turns samples into chart rows, keeping the exact lag for the tooltip', () => {
    const rows = historyRows([point('2026-12-07T10:00:00Z', '9007199254740993')], 15_000);
    expect(rows).toEqual([
      expect.objectContaining({ t: Date.parse('2026-12-07T10:00:00Z'), exactLag: '9007199254740993', timeLagS: 1.5, errorsPerSec: 1.5, producedPerSec: 12 }),
    ]);
  });

  it('breaks the line where samples are missing, and not between regular ones', () => {
    const rows = historyRows([point('2026-12-07T10:00:00Z', '5'), point('2026-12-07T10:00:15Z', '6'), point('2026-12-07T10:10:00Z', '7')], 15_000);
    expect(rows.map((r) => r.lag)).toEqual([5, 6, null, 7]);
    expect(rows[2].t).toBe(Date.parse('2026-12-07T10:00:30Z'));
  });
});
