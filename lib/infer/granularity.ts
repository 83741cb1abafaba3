// Rollup on or off, and the query and segment granularity, chosen from the sample's time
// spread and rate: the finest query granularity at which rollup at least halves the rows,
// and segments sized by how many rows an hour brings.
import type { Granularity } from './model';
import { describeDuration } from './timestamp/describe';

const PERIOD_MS: Readonly<Record<string, number>> = {
  second: 1000,
  minute: 60_000,
  fifteen_minute: 900_000,
  hour: 3_600_000,
  day: 86_400_000,
};

export const QUERY_GRANULARITY_CHOICES: readonly Granularity[] = ['second', 'minute', 'fifteen_minute', 'hour'];
/** Rollup is worth it when it keeps at most this share of the rows. */
const USEFUL_ROLLUP_RATIO = 0.5;
/** Above this many rows an hour, hourly segments stay near Druid's recommended ~5M rows. */
const HOURLY_SEGMENT_ROWS_PER_HOUR = 100_000;

/** Start of the bucket holding `ms` (UTC), as Druid's standard granularities truncate. */
export function truncateToGranularity(ms: number, granularity: Granularity): number {
  switch (granularity) {
    case 'none':
      return ms;
    case 'all':
      return 0;
    case 'week': {
      const day = Math.floor(ms / 86_400_000) * 86_400_000;
      const weekday = (new Date(day).getUTCDay() + 6) % 7; // ISO weeks start on Monday
      return day - weekday * 86_400_000;
    }
    case 'month': {
      const d = new Date(ms);
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    }
    case 'year':
      return Date.UTC(new Date(ms).getUTCFullYear(), 0, 1);
    default: {
      const period = PERIOD_MS[granularity];
      return Math.floor(ms / period) * period;
    }
  }
}

/**
 * One number per row standing for its dimension values: values are interned per column and
 * the ids hashed together (53 bits), so wide rows are compared without building long keys.
 */
export function rowKeys(columns: readonly (readonly unknown[])[], rows: number): number[] {
  const h1 = new Int32Array(rows);
  const h2 = new Int32Array(rows).fill(0x9e3779b9 | 0);
  for (const values of columns) {
    const ids = new Map<unknown, number>();
    for (let i = 0; i < rows; i++) {
      const raw = values[i];
      const value = raw !== null && typeof raw === 'object' ? JSON.stringify(raw, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) : raw;
      let id = ids.get(value);
      if (id === undefined) {
        id = ids.size + 1;
        ids.set(value, id);
      }
      h1[i] = (Math.imul(h1[i], 1_000_003) + id) | 0;
      h2[i] = (Math.imul(h2[i] ^ id, 0x01000193) + 0x7f4a7c15) | 0;
    }
  }
  return Array.from(h1, (a, i) => (a >>> 0) * 2 ** 21 + ((h2[i] >>> 0) & 0x1fffff));
}

export interface GranularityChoice {
  readonly rollup: boolean;
  readonly queryGranularity: Granularity;
  readonly segmentGranularity: Granularity;
  readonly rollupRatio: number;
  readonly why: string;
}

/**
 * times: event time per parsed row; dimensionKeys: the row's dimension values joined;
 * rateTimes: the times to measure the arrival rate by (Kafka record times when known).
 */
export function suggestGranularity(
  times: readonly number[],
  dimensionKeys: readonly (string | number)[],
  rateTimes: readonly number[],
): GranularityChoice {
  const n = times.length;
  const segment = suggestSegmentGranularity(rateTimes.length ? rateTimes : times);
  if (n === 0) {
    return { rollup: false, queryGranularity: 'none', segmentGranularity: segment.granularity, rollupRatio: 1, why: 'no rows parsed: nothing to roll up' };
  }
  const ratioAt = (granularity: Granularity) => {
    const keys = new Set<string>();
    for (let i = 0; i < n; i++) keys.add(`${truncateToGranularity(times[i], granularity)}|${dimensionKeys[i]}`);
    return keys.size / n;
  };
  // The coarsest choice first: when even hourly rollup is not worth it, no finer one is.
  const coarsest = ratioAt('hour');
  const last = coarsest;
  for (const granularity of coarsest <= USEFUL_ROLLUP_RATIO ? QUERY_GRANULARITY_CHOICES : []) {
    const ratio = granularity === 'hour' ? coarsest : ratioAt(granularity);
    if (ratio <= USEFUL_ROLLUP_RATIO) {
      return {
        rollup: true,
        queryGranularity: granularity,
        segmentGranularity: segment.granularity,
        rollupRatio: ratio,
        why: `rollup at ${granularity} keeps ${Math.round(ratio * 100)}% of the sample's rows; ${segment.why}`,
      };
    }
  }
  return {
    rollup: false,
    queryGranularity: 'none',
    segmentGranularity: segment.granularity,
    rollupRatio: 1,
    why: `rollup would still keep ${Math.round(last * 100)}% of the rows even at hour granularity: store raw rows; ${segment.why}`,
  };
}

function suggestSegmentGranularity(times: readonly number[]): { granularity: Granularity; why: string } {
  if (times.length < 2) return { granularity: 'hour', why: 'hourly segments, the streaming default' };
  let min = Infinity, max = -Infinity;
  for (const t of times) {
    if (t < min) min = t;
    if (t > max) max = t;
  }
  const spread = Math.max(max - min, 1000);
  const perHour = (times.length / spread) * 3_600_000;
  const rate = `about ${formatRate(perHour)} rows an hour over ${describeDuration(spread)}`;
  if (perHour >= HOURLY_SEGMENT_ROWS_PER_HOUR) return { granularity: 'hour', why: `${rate}: hourly segments` };
  return { granularity: 'day', why: `${rate}: daily segments keep segments from being tiny` };
}

function formatRate(perHour: number): string {
  if (perHour >= 1e6) return `${(perHour / 1e6).toFixed(1)}M`;
  if (perHour >= 1e3) return `${Math.round(perHour / 1e3)}K`;
  return `${Math.max(1, Math.round(perHour))}`;
}
