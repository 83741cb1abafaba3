// Stored samples as chart rows: numbers for the lines, exact lags for the tooltips, and a break
// wherever samples are missing (the app was down, Druid did not answer), so a line never bridges a gap.
import type { MetricPoint } from '@/lib/operate';

export interface HistoryRow {
  readonly t: number;
  readonly lag: number | null;
  readonly exactLag: string | null;
  readonly timeLagS: number | null;
  readonly producedPerSec: number | null;
  readonly consumedPerSec: number | null;
  readonly processedPerSec: number | null;
  readonly errorsPerSec: number | null;
  readonly state: string | null;
}

const EMPTY = { lag: null, exactLag: null, timeLagS: null, producedPerSec: null, consumedPerSec: null, processedPerSec: null, errorsPerSec: null, state: null };

/** A gap longer than this many sampling periods breaks the lines. */
const GAP_PERIODS = 3;

function sum(...values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? known.reduce((a, b) => a + b, 0) : null;
}

export function historyRows(points: readonly MetricPoint[], periodMs: number): HistoryRow[] {
  const rows: HistoryRow[] = [];
  let previous: number | undefined;
  for (const point of points) {
    const t = Date.parse(point.time);
    if (previous !== undefined && t - previous > GAP_PERIODS * periodMs) rows.push({ t: previous + periodMs, ...EMPTY });
    rows.push({
      t,
      lag: point.totalLag === null ? null : Number(point.totalLag),
      exactLag: point.totalLag,
      timeLagS: point.maxTimeLagMs === null ? null : point.maxTimeLagMs / 1000,
      producedPerSec: point.producedPerSec,
      consumedPerSec: point.consumedPerSec,
      processedPerSec: point.processedPerSec,
      errorsPerSec: sum(point.unparseablePerSec, point.thrownAwayPerSec, point.processedWithErrorPerSec),
      state: point.state,
    });
    previous = t;
  }
  return rows;
}
