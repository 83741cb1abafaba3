// Totals of a supervisor's row stats, as Druid's web console shows them: the
// tasks of one task group are replicas reading the same partitions, so a group
// counts once (its busiest replica); groups are then summed. Pure.
import type { RowStats, SupervisorStats, TaskRowStats } from '../schemas/supervisor';

export const ROW_STATS_WINDOWS = ['1m', '5m', '15m'] as const;
export type RowStatsWindow = (typeof ROW_STATS_WINDOWS)[number];

export interface RowStatsTotals {
  readonly processed: number;
  readonly processedBytes: number;
  readonly processedWithError: number;
  readonly unparseable: number;
  readonly thrownAway: number;
}

export interface SupervisorStatsTotals {
  /** Rows (or bytes) per second over each moving-average window. */
  readonly movingAverages: Readonly<Record<RowStatsWindow, RowStatsTotals>>;
  /** Rows (or bytes) since the current tasks started. */
  readonly totals: RowStatsTotals;
}

const COUNTERS = ['processed', 'processedBytes', 'processedWithError', 'unparseable', 'thrownAway'] as const;
const ZERO: RowStatsTotals = { processed: 0, processedBytes: 0, processedWithError: 0, unparseable: 0, thrownAway: 0 };

function combine(a: RowStatsTotals, b: RowStats | RowStatsTotals, how: (x: number, y: number) => number): RowStatsTotals {
  return Object.fromEntries(COUNTERS.map((key) => [key, how(a[key], b[key] ?? 0)])) as unknown as RowStatsTotals;
}

function pick(task: TaskRowStats, window: RowStatsWindow | 'totals'): RowStats | undefined {
  return window === 'totals' ? task.totals?.buildSegments : task.movingAverages?.buildSegments?.[window];
}

/**
 * @param activeTaskIds when given, only these tasks count (publishing tasks from an
 *   earlier generation otherwise double-count what they already read).
 */
export function totalSupervisorStats(stats: SupervisorStats, activeTaskIds?: readonly string[]): SupervisorStatsTotals {
  const total = (window: RowStatsWindow | 'totals'): RowStatsTotals =>
    Object.values(stats).reduce((sum, taskGroup) => {
      const busiest = Object.entries(taskGroup)
        .filter(([taskId]) => !activeTaskIds || activeTaskIds.includes(taskId))
        .map(([, task]) => pick(task, window))
        .reduce<RowStatsTotals>((max, counters) => (counters ? combine(max, counters, Math.max) : max), ZERO);
      return combine(sum, busiest, (x, y) => x + y);
    }, ZERO);
  return {
    movingAverages: { '1m': total('1m'), '5m': total('5m'), '15m': total('15m') },
    totals: total('totals'),
  };
}
