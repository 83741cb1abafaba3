// A task's row counters (Druid's buildSegments stats): totals, plus 1m/5m/15m moving averages
// as events per second over the last minute(s) of the task's life.

export const ROW_COUNTERS = ['processed', 'processedBytes', 'processedWithError', 'thrownAway', 'unparseable'] as const;
export type RowCounter = (typeof ROW_COUNTERS)[number];
export type RowCounts = Record<RowCounter, number>;

const WINDOWS = { '1m': 60, '5m': 300, '15m': 900 } as const;
const BUCKETS = 900;

export const emptyCounts = (): RowCounts => ({ processed: 0, processedBytes: 0, processedWithError: 0, thrownAway: 0, unparseable: 0 });

export class RowStats {
  readonly totals: RowCounts = emptyCounts();
  /** One bucket of counts per second, for the last 15 minutes. */
  private readonly seconds = new Map<number, RowCounts>();

  constructor(
    private readonly startedAt: number,
    private readonly now: () => number = Date.now,
  ) {}

  add(counter: RowCounter, amount = 1): void {
    this.totals[counter] += amount;
    const second = Math.floor(this.now() / 1000);
    let bucket = this.seconds.get(second);
    if (!bucket) {
      bucket = emptyCounts();
      this.seconds.set(second, bucket);
      for (const key of this.seconds.keys()) if (key <= second - BUCKETS) this.seconds.delete(key);
    }
    bucket[counter] += amount;
  }

  movingAverages(): Record<keyof typeof WINDOWS, RowCounts> {
    const now = this.now();
    const nowSecond = Math.floor(now / 1000);
    const ageSeconds = Math.max(1, (now - this.startedAt) / 1000);
    const result = {} as Record<keyof typeof WINDOWS, RowCounts>;
    for (const [name, seconds] of Object.entries(WINDOWS) as [keyof typeof WINDOWS, number][]) {
      const sums = emptyCounts();
      for (const [second, bucket] of this.seconds) {
        if (second <= nowSecond - seconds) continue;
        for (const counter of ROW_COUNTERS) sums[counter] += bucket[counter];
      }
      const span = Math.min(seconds, ageSeconds);
      for (const counter of ROW_COUNTERS) sums[counter] = sums[counter] / span;
      result[name] = sums;
    }
    return result;
  }

  /** The `{movingAverages, totals}` object of /stats and of a live task report. */
  report(): { movingAverages: { buildSegments: Record<string, RowCounts> }; totals: { buildSegments: RowCounts } } {
    return { movingAverages: { buildSegments: this.movingAverages() }, totals: { buildSegments: { ...this.totals } } };
  }
}
