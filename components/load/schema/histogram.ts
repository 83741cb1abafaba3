// The event-time histogram as drawn: buckets by segment granularity with the empty ones in
// between filled in (a gap in time should look like a gap), and the bucket holding now.
import type { Granularity } from '@/lib/infer';
import { truncateToGranularity } from '@/lib/infer/granularity';

export interface ChartBucket {
  readonly start: number;
  readonly count: number;
  readonly late: boolean;
  readonly future: boolean;
  readonly now: boolean;
}

/** A step that always lands in the next bucket once truncated. */
const STEP_MS: Partial<Record<Granularity, number>> = {
  second: 1000, minute: 60_000, fifteen_minute: 900_000, hour: 3_600_000, day: 86_400_000, week: 7 * 86_400_000, month: 32 * 86_400_000, year: 366 * 86_400_000,
};
const MAX_BARS = 400;

/** Finer steps tried, in order, when the segment granularity would draw too few bars to show a shape. */
const FINER: readonly Granularity[] = ['year', 'month', 'week', 'day', 'hour', 'fifteen_minute', 'minute', 'second'];
const MIN_BARS = 6;

export interface EventTimeHistogram {
  readonly granularity: Granularity;
  readonly buckets: readonly ChartBucket[];
  readonly total: number;
  /** Events before the late-message window: Druid throws them away. */
  readonly late: number;
}

/** Buckets with the empty ones between filled in; null when that would be too many bars. */
function bucketsAt(times: readonly number[], granularity: Granularity, now: number, lateWindowStart: number | null): ChartBucket[] | null {
  const counts = new Map<number, number>();
  for (const t of times) {
    const start = truncateToGranularity(t, granularity);
    counts.set(start, (counts.get(start) ?? 0) + 1);
  }
  const nowStart = truncateToGranularity(now, granularity);
  const starts = [...counts.keys()].sort((a, b) => a - b);
  const step = STEP_MS[granularity];
  let shown = starts;
  if (step && starts.length > 0) {
    const filled: number[] = [];
    const last = Math.max(starts[starts.length - 1], nowStart);
    for (let t = starts[0]; t <= last && filled.length <= MAX_BARS; t = truncateToGranularity(t + step, granularity)) filled.push(t);
    if (filled.length > MAX_BARS) return null;
    shown = filled;
  }
  return shown.map((start) => ({
    start,
    count: counts.get(start) ?? 0,
    // A bucket is late when it ends before the window opens; the one it opens in is partly kept.
    late: lateWindowStart !== null && start < truncateToGranularity(lateWindowStart, granularity),
    future: start > now,
    now: start === nowStart,
  }));
}

/**
 * Event times by segment granularity, or by a finer one when segments would show as one or two
 * bars; gaps in time are drawn as empty bars, and the bucket holding now is marked.
 */
/** Years of data at a fine granularity: only the buckets that have events, the latest ones. */
function sparse(times: readonly number[], granularity: Granularity, now: number, lateWindowStart: number | null): ChartBucket[] {
  const lateStart = lateWindowStart === null ? null : truncateToGranularity(lateWindowStart, granularity);
  const counts = new Map<number, number>();
  for (const t of times) counts.set(truncateToGranularity(t, granularity), (counts.get(truncateToGranularity(t, granularity)) ?? 0) + 1);
  const nowStart = truncateToGranularity(now, granularity);
  return [...counts]
    .sort((a, b) => a[0] - b[0])
    .slice(-MAX_BARS)
    .map(([start, count]) => ({ start, count, late: lateStart !== null && start < lateStart, future: start > now, now: start === nowStart }));
}

export function eventTimeHistogram(times: readonly number[], segmentGranularity: Granularity, now: number, lateWindowStart: number | null): EventTimeHistogram {
  const late = lateWindowStart === null ? 0 : times.filter((t) => t < lateWindowStart).length;
  let granularity = segmentGranularity;
  let buckets = bucketsAt(times, granularity, now, lateWindowStart) ?? sparse(times, granularity, now, lateWindowStart);
  for (const finer of FINER.slice(FINER.indexOf(segmentGranularity) + 1)) {
    if (segmentGranularity === 'all' || segmentGranularity === 'none' || buckets.length >= MIN_BARS) break;
    const next = bucketsAt(times, finer, now, lateWindowStart);
    if (!next) break;
    granularity = finer;
    buckets = next;
  }
  return { granularity, buckets, total: times.length, late };
}

export function bucketLabel(start: number, granularity: Granularity): string {
  const iso = new Date(start).toISOString();
  switch (granularity) {
    case 'year':
      return iso.slice(0, 4);
    case 'month':
      return iso.slice(0, 7);
    case 'week':
    case 'day':
      return iso.slice(0, 10);
    case 'all':
      return 'all';
    case 'second':
    case 'none':
      return `${iso.slice(5, 10)} ${iso.slice(11, 19)}`;
    default:
      return `${iso.slice(5, 10)} ${iso.slice(11, 16)}`;
  }
}
