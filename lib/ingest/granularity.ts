// Druid granularities: the simple names, and period/duration objects in UTC.
// https://druid.apache.org/docs/latest/querying/granularities
import type { Granularity } from './types';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const FIXED_MS: Readonly<Record<string, number>> = {
  second: 1000,
  minute: MINUTE,
  five_minute: 5 * MINUTE,
  ten_minute: 10 * MINUTE,
  fifteen_minute: 15 * MINUTE,
  thirty_minute: 30 * MINUTE,
  hour: HOUR,
  six_hour: 6 * HOUR,
  eight_hour: 8 * HOUR,
  day: DAY,
};

/** Granularities by period: how they truncate a time, and how to step to the next bucket. */
type Calendar = { readonly unit: 'week' | 'month' | 'year'; readonly count: number };

const CALENDAR: Readonly<Record<string, Calendar>> = {
  week: { unit: 'week', count: 1 },
  month: { unit: 'month', count: 1 },
  quarter: { unit: 'month', count: 3 },
  year: { unit: 'year', count: 1 },
};

type Bucket = { readonly kind: 'none' } | { readonly kind: 'all' } | { readonly kind: 'fixed'; readonly ms: number; readonly origin: number } | ({ readonly kind: 'calendar' } & Calendar);

/** Reads a granularity; throws an Error saying what is wrong with it. */
export function granularityBucket(granularity: Granularity | null | undefined): Bucket {
  if (granularity === null || granularity === undefined) return { kind: 'none' };
  if (typeof granularity === 'string') return namedBucket(granularity);
  switch (granularity.type.toLowerCase()) {
    case 'period': {
      if (granularity.timeZone && !/^(UTC|Etc\/UTC|Z|GMT)$/i.test(granularity.timeZone)) {
        throw new Error(`timeZone "${granularity.timeZone}" is not supported by the preview (UTC only)`);
      }
      return periodBucket(granularity.period ?? '');
    }
    case 'duration': {
      const ms = Number(granularity.duration);
      if (!Number.isFinite(ms) || ms <= 0) throw new Error('duration granularity needs a positive "duration" in milliseconds');
      const origin = granularity.origin ? Date.parse(granularity.origin) : 0;
      return { kind: 'fixed', ms, origin: Number.isNaN(origin) ? 0 : origin };
    }
    default:
      return namedBucket(granularity.type);
  }
}

function namedBucket(name: string): Bucket {
  const key = name.toLowerCase();
  if (key === 'none') return { kind: 'none' };
  if (key === 'all') return { kind: 'all' };
  if (FIXED_MS[key]) return { kind: 'fixed', ms: FIXED_MS[key], origin: 0 };
  if (CALENDAR[key]) return { kind: 'calendar', ...CALENDAR[key] };
  throw new Error(`"${name}" is not a Druid granularity`);
}

const PERIOD = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** Reads an ISO-8601 period made of one unit (P1D, PT15M, P1M, P3M, P1Y, P1W). */
export function periodBucket(period: string): Bucket {
  const match = PERIOD.exec(period);
  if (!match || period === 'P' || period.endsWith('T')) throw new Error(`"${period}" is not an ISO-8601 period`);
  const [, years, months, weeks, days, hours, minutes, seconds] = match.map((part) => (part === undefined ? 0 : Number(part)));
  if (years && !months && !weeks && !days && !hours && !minutes && !seconds) return { kind: 'calendar', unit: 'year', count: years };
  if (months && !years && !weeks && !days && !hours && !minutes && !seconds) return { kind: 'calendar', unit: 'month', count: months };
  if (years || months) throw new Error(`period "${period}" mixes months or years with other units, which the preview does not support`);
  const ms = weeks * 7 * DAY + days * DAY + hours * HOUR + minutes * MINUTE + seconds * 1000;
  if (ms <= 0) throw new Error(`period "${period}" is empty`);
  if (weeks && ms === weeks * 7 * DAY) return { kind: 'calendar', unit: 'week', count: weeks };
  return { kind: 'fixed', ms, origin: 0 };
}

/** Milliseconds of an ISO-8601 duration such as PT1H or PT3600S (taskDuration, rejection periods). */
export function periodToMs(period: string): number {
  const bucket = periodBucket(period);
  if (bucket.kind === 'fixed') return bucket.ms;
  if (bucket.kind === 'calendar' && bucket.unit === 'week') return bucket.count * 7 * DAY;
  throw new Error(`period "${period}" has no fixed length`);
}

/** Truncates epoch ms to the start of its bucket (UTC; weeks start on Monday, as in Druid). */
export function truncateToGranularity(ms: number, granularity: Granularity | null | undefined): number {
  const bucket = granularityBucket(granularity);
  switch (bucket.kind) {
    case 'none':
      return ms;
    case 'all':
      return Number.MIN_SAFE_INTEGER;
    case 'fixed':
      return bucket.origin + Math.floor((ms - bucket.origin) / bucket.ms) * bucket.ms;
    case 'calendar': {
      const date = new Date(ms);
      if (bucket.unit === 'week') {
        const dayStart = Math.floor(ms / DAY) * DAY;
        // 1970-01-05 was a Monday.
        const mondays = Math.floor((dayStart - 4 * DAY) / (7 * DAY * bucket.count));
        return 4 * DAY + mondays * 7 * DAY * bucket.count;
      }
      if (bucket.unit === 'month') {
        const months = date.getUTCFullYear() * 12 + date.getUTCMonth();
        const start = months - (((months % bucket.count) + bucket.count) % bucket.count);
        return Date.UTC(Math.floor(start / 12), start % 12, 1);
      }
      const year = date.getUTCFullYear();
      return Date.UTC(year - (((year % bucket.count) + bucket.count) % bucket.count), 0, 1);
    }
  }
}

/** The end of the bucket that starts at `start` (exclusive): a segment interval's end. */
export function bucketEnd(start: number, granularity: Granularity | null | undefined): number {
  const bucket = granularityBucket(granularity);
  switch (bucket.kind) {
    case 'none':
      return start + 1;
    case 'all':
      return Number.MAX_SAFE_INTEGER;
    case 'fixed':
      return start + bucket.ms;
    case 'calendar': {
      if (bucket.unit === 'week') return start + bucket.count * 7 * DAY;
      const date = new Date(start);
      const months = bucket.unit === 'month' ? bucket.count : 12 * bucket.count;
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1);
    }
  }
}

/** The name Druid echoes for a granularity (`HOUR`, `{type: none}`...), for DatasourceInfo. */
export function granularityName(granularity: Granularity | null | undefined): string {
  if (granularity === null || granularity === undefined) return 'NONE';
  if (typeof granularity === 'string') return granularity.toUpperCase();
  if (granularity.type === 'period') return granularity.period ?? 'NONE';
  return granularity.type.toUpperCase();
}
