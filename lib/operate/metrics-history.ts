// Stored supervisor history at three resolutions: the collector's own samples, 1-minute and
// 10-minute aggregates. Pure: which resolution a range reads, how samples fold into a bucket,
// and how a stored row reads as a chart point. lib/store keeps the rows; this says what they mean.
import { z } from 'zod';
import type { MetricsRow } from '../store/schema';
import type { MetricPoint } from './monitoring-schemas';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** Each resolution and how long it is kept at most (the configured retention may cut it shorter). */
export const METRIC_RESOLUTIONS = [
  { stepS: 0, keepMs: 6 * HOUR_MS },
  { stepS: 60, keepMs: 2 * DAY_MS },
  { stepS: 600, keepMs: Number.POSITIVE_INFINITY },
] as const;
export type MetricStep = (typeof METRIC_RESOLUTIONS)[number]['stepS'];

/** The longest range read at each resolution, so a chart has at most ~1,500 points. */
const MAX_RANGE_MS: Readonly<Record<MetricStep, number>> = { 0: 3 * HOUR_MS, 60: 36 * HOUR_MS, 600: Number.POSITIVE_INFINITY };

/** How long samples at `stepS` are kept with this retention. */
export function keepMsOf(stepS: MetricStep, retentionDays: number): number {
  const resolution = METRIC_RESOLUTIONS.find((r) => r.stepS === stepS)!;
  return Math.min(resolution.keepMs, retentionDays * DAY_MS);
}

/** The resolution a step is built from: 1-minute buckets from samples, 10-minute ones from 1-minute ones. */
export function finerStepOf(stepS: Exclude<MetricStep, 0>): MetricStep {
  return stepS === 60 ? 0 : 60;
}

/**
 * The resolution a chart of [since, until) reads: the finest whose points stay few enough for the
 * range and whose rows still reach back to `since`.
 */
export function stepForRange(sinceMs: number, untilMs: number, nowMs: number): MetricStep {
  const length = untilMs - sinceMs;
  for (const { stepS, keepMs } of METRIC_RESOLUTIONS) {
    if (length <= MAX_RANGE_MS[stepS] && sinceMs >= nowMs - keepMs) return stepS;
  }
  return 600;
}

/** The start of the bucket of `stepS` seconds that `ms` falls in (aligned to the epoch, so to UTC minutes). */
export function bucketStartMs(ms: number, stepS: number): number {
  if (stepS <= 0) return ms;
  const stepMs = stepS * 1000;
  return Math.floor(ms / stepMs) * stepMs;
}

const maxOf = (values: readonly (number | null)[]): number | null => {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? Math.max(...present) : null;
};

const meanOf = (values: readonly (number | null)[]): number | null => {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? present.reduce((sum, v) => sum + v, 0) / present.length : null;
};

/** Lags are exact decimal strings (they can pass 2^53): compared as bigints. */
const maxLagOf = (values: readonly (string | null)[]): string | null => {
  let max: bigint | null = null;
  for (const value of values) {
    if (value === null) continue;
    const lag = BigInt(value);
    if (max === null || lag > max) max = lag;
  }
  return max === null ? null : String(max);
};

/** The newest value that is known. */
const lastOf = <T>(values: readonly (T | null)[]): T | null => {
  for (let i = values.length - 1; i >= 0; i--) if (values[i] !== null) return values[i];
  return null;
};

/**
 * Folds rows into buckets of `stepS` seconds, one row per supervisor and bucket, stamped with the
 * bucket's start. What a bucket keeps is what an on-call reader wants of that stretch: the worst
 * lag and time lag, the mean rates, the state and health at its end, the most tasks and failures.
 */
export function downsampleRows(rows: readonly MetricsRow[], stepS: Exclude<MetricStep, 0>): MetricsRow[] {
  const buckets = new Map<string, MetricsRow[]>();
  const ordered = [...rows].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  for (const row of ordered) {
    const at = new Date(bucketStartMs(Date.parse(row.at), stepS)).toISOString();
    const key = `${row.supervisorId}\u0000${at}`;
    const bucket = buckets.get(key);
    if (bucket) bucket.push(row);
    else buckets.set(key, [row]);
  }
  return [...buckets.values()].map((bucket) => {
    const pick = <K extends keyof MetricsRow>(key: K) => bucket.map((row) => row[key]);
    return {
      supervisorId: bucket[0].supervisorId,
      stepS,
      at: new Date(bucketStartMs(Date.parse(bucket[0].at), stepS)).toISOString(),
      state: lastOf(pick('state')),
      healthy: lastOf(pick('healthy')),
      totalLag: maxLagOf(pick('totalLag')),
      maxTimeLagMs: maxOf(pick('maxTimeLagMs')),
      processedPerSec: meanOf(pick('processedPerSec')),
      unparseablePerSec: meanOf(pick('unparseablePerSec')),
      thrownAwayPerSec: meanOf(pick('thrownAwayPerSec')),
      withErrorPerSec: meanOf(pick('withErrorPerSec')),
      producedPerSec: meanOf(pick('producedPerSec')),
      consumedPerSec: meanOf(pick('consumedPerSec')),
      tasks: maxOf(pick('tasks')),
      failedTasks: maxOf(pick('failedTasks')),
      // Per-partition detail is kept on the collector's own samples only.
      partitions: null,
    };
  });
}

/** A stored row as the charts and the metrics route read it. */
export function metricPointOf(row: MetricsRow): MetricPoint {
  return {
    time: row.at,
    state: row.state,
    healthy: row.healthy === null ? null : Boolean(row.healthy),
    totalLag: row.totalLag,
    maxTimeLagMs: row.maxTimeLagMs,
    processedPerSec: row.processedPerSec,
    unparseablePerSec: row.unparseablePerSec,
    thrownAwayPerSec: row.thrownAwayPerSec,
    processedWithErrorPerSec: row.withErrorPerSec,
    producedPerSec: row.producedPerSec,
    consumedPerSec: row.consumedPerSec,
    tasks: row.tasks,
    failedTasks: row.failedTasks,
  };
}

const RELATIVE = /^-(\d+(?:\.\d+)?)(s|m|h|d|w)$/;
const UNIT_MS: Readonly<Record<string, number>> = { s: 1000, m: MINUTE_MS, h: HOUR_MS, d: DAY_MS, w: 7 * DAY_MS };
const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/;

/**
 * A range's edge as a URL carries it: `now`, a time before now (`-90m`, `-1h`, `-7d`, `-2w`), or an
 * ISO-8601 time with its zone (a bare day means its start in UTC). Undefined when it is none of these.
 */
export function parseTimeBound(text: string, nowMs: number): number | undefined {
  const trimmed = text.trim();
  if (trimmed === 'now') return nowMs;
  const relative = RELATIVE.exec(trimmed);
  if (relative) return nowMs - Number(relative[1]) * UNIT_MS[relative[2]];
  if (!INSTANT.test(trimmed)) return undefined;
  const ms = Date.parse(trimmed.length === 10 ? `${trimmed}T00:00:00Z` : trimmed);
  return Number.isNaN(ms) ? undefined : ms;
}

export const TIME_BOUND_HINT = 'must be now, a time before now such as -15m, -1h, -7d, or an ISO-8601 time such as 2026-03-01T12:00:00Z';

/** Rows Druid counted, or rows per second: the four figures a sample keeps. */
export interface RowCounts {
  readonly processed: number;
  readonly processedWithError: number;
  readonly unparseable: number;
  readonly thrownAway: number;
}

/** A supervisor's row totals as read at one moment, with the tasks they are the totals of. */
export interface RowTotalsReading {
  readonly atMs: number;
  /** The active tasks' ids: totals count from each task's start, so other tasks mean other totals. */
  readonly taskIds: readonly string[];
  readonly totals: RowCounts;
}

const COUNT_KEYS = ['processed', 'processedWithError', 'unparseable', 'thrownAway'] as const;

/**
 * Rows per second since the previous reading, from Druid's totals: exact over the whole interval.
 * When there is no previous reading, or the tasks changed (totals start again at 0), Druid's own
 * 1-minute moving averages stand in.
 */
export function rowRates(current: RowTotalsReading, previous: RowTotalsReading | undefined, minuteAverages: RowCounts): RowCounts {
  const sameTasks = previous !== undefined && previous.taskIds.length === current.taskIds.length && previous.taskIds.every((id) => current.taskIds.includes(id));
  const seconds = previous ? (current.atMs - previous.atMs) / 1000 : 0;
  if (!previous || !sameTasks || seconds <= 0 || COUNT_KEYS.some((key) => current.totals[key] < previous.totals[key])) return minuteAverages;
  return Object.fromEntries(COUNT_KEYS.map((key) => [key, (current.totals[key] - previous.totals[key]) / seconds])) as unknown as RowCounts;
}

const timeBound = z
  .string()
  .transform((text, ctx) => {
    const ms = parseTimeBound(text, Date.now());
    if (ms === undefined) {
      ctx.addIssue({ code: 'custom', message: TIME_BOUND_HINT });
      return z.NEVER;
    }
    return ms;
  })
  .optional();

/** GET /api/supervisors/{id}/metrics?since=&until= — the last hour unless asked otherwise. */
export const MetricsQuerySchema = z
  .object({
    since: timeBound.describe('Start of the range (inclusive): now, -15m, -1h, -7d, -2w, or an ISO-8601 time. Default: an hour before until.'),
    until: timeBound.describe('End of the range (exclusive), in the same forms. Default: now.'),
  })
  .refine((query) => query.since === undefined || query.until === undefined || query.since < query.until, { path: ['since'], message: 'must be before until' });
export type MetricsQuery = z.infer<typeof MetricsQuerySchema>;
