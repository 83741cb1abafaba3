// Druid granularities (docs/querying/granularities.md) as DuckDB bucket expressions. Simple
// names are UTC periods; period granularities bucket by the wall clock of their time zone,
// counted from their origin (default: the epoch there, Monday for weeks).

import { invalidQuery, resourceLimitExceeded } from './errors';
import { quoteString, timestampSql } from './duck';
import { isValidTimeZone, nominalPeriodMs, parseInstant, parsePeriod, periodToDuckInterval, type Interval, type Period } from './time';

export type Granularity =
  | { readonly kind: 'all' }
  | { readonly kind: 'none' }
  | { readonly kind: 'period'; readonly text: string; readonly period: Period; readonly timeZone: string; readonly originMs?: number }
  | { readonly kind: 'duration'; readonly durationMs: number; readonly originMs: number };

const SIMPLE: Record<string, string> = {
  second: 'PT1S', minute: 'PT1M', five_minute: 'PT5M', ten_minute: 'PT10M', fifteen_minute: 'PT15M', thirty_minute: 'PT30M',
  hour: 'PT1H', six_hour: 'PT6H', eight_hour: 'PT8H', day: 'P1D', week: 'P1W', month: 'P1M', quarter: 'P3M', year: 'P1Y',
};

/** Upper bound on buckets one query may enumerate, like Druid's own guard against runaway buckets. */
const MAX_BUCKETS = 1_000_000;

export function parseGranularity(value: unknown, where: string): Granularity {
  if (value === undefined || value === null) return { kind: 'all' };
  if (typeof value === 'string') {
    const name = value.toLowerCase();
    if (name === 'all') return { kind: 'all' };
    if (name === 'none') return { kind: 'none' };
    const text = SIMPLE[name];
    if (!text) throw invalidQuery(`${where} "${value}" is not a granularity; use all, none, second, minute, fifteen_minute, thirty_minute, hour, six_hour, day, week, month, quarter or year`);
    return { kind: 'period', text, period: parsePeriod(text, where), timeZone: 'UTC' };
  }
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidQuery(`${where} must be a granularity name or object`);
  const spec = value as Record<string, unknown>;
  const known = new Set(['type', 'period', 'timeZone', 'origin', 'duration']);
  const extra = Object.keys(spec).find((k) => !known.has(k));
  if (extra) throw invalidQuery(`${where}.${extra} is not supported by the local engine`);
  const origin = spec.origin === undefined || spec.origin === null ? undefined : parseOrigin(spec.origin, `${where}.origin`);
  switch (spec.type) {
    case 'all':
    case 'none':
      return { kind: spec.type };
    case 'period': {
      if (typeof spec.period !== 'string') throw invalidQuery(`${where}.period must be an ISO-8601 period such as "P1D"`);
      const timeZone = spec.timeZone === undefined || spec.timeZone === null ? 'UTC' : String(spec.timeZone);
      if (!isValidTimeZone(timeZone)) throw invalidQuery(`${where}.timeZone "${timeZone}" is not a known time zone`);
      const period = parsePeriod(spec.period, `${where}.period`);
      if ((period.years || period.months) && (period.weeks || period.days || period.hours || period.minutes || period.seconds || period.millis)) {
        throw invalidQuery(`${where}.period "${spec.period}" mixes months with days or time; the local engine supports one kind at a time`);
      }
      return { kind: 'period', text: spec.period, period, timeZone, originMs: origin };
    }
    case 'duration': {
      const durationMs = Number(spec.duration);
      if (!Number.isInteger(durationMs) || durationMs <= 0) throw invalidQuery(`${where}.duration must be a positive number of milliseconds`);
      return { kind: 'duration', durationMs, originMs: origin ?? 0 };
    }
    default:
      throw invalidQuery(`${where}.type "${String(spec.type)}" is not supported by the local engine`);
  }
}

function parseOrigin(value: unknown, where: string): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return /^-?\d+$/.test(value) ? Number(value) : parseInstant(value, where);
  throw invalidQuery(`${where} must be an ISO-8601 instant or epoch millis`);
}

function isWeeksOnly(p: Period): boolean {
  return p.weeks > 0 && !p.years && !p.months && !p.days && !p.hours && !p.minutes && !p.seconds && !p.millis;
}

/** A TIMESTAMP expression giving the start of the bucket holding `column`. */
export function bucketSql(g: Granularity, column: string): string {
  switch (g.kind) {
    case 'all':
    case 'none':
      return column;
    case 'duration':
      return `__tr_duration_floor(${column}, ${g.durationMs}, ${g.originMs})`;
    case 'period': {
      const zone = quoteString(g.timeZone);
      const origin = g.originMs !== undefined
        ? `__tr_wall(${timestampSql(g.originMs)}, ${zone})`
        : isWeeksOnly(g.period) ? "TIMESTAMP '1970-01-05'" : "TIMESTAMP '1970-01-01'";
      return `__tr_time_floor(${column}, ${periodToDuckInterval(g.period)}, ${origin}, ${zone})`;
    }
  }
}

/** A step no longer than the shortest bucket, so stepping through a range meets every bucket. */
function stepMs(g: Granularity): number {
  if (g.kind === 'duration') return g.durationMs;
  if (g.kind !== 'period') return 0;
  const p = g.period;
  if (p.years || p.months) return 86_400_000;
  if (p.weeks || p.days) return 3_600_000;
  return nominalPeriodMs(p);
}

/** SQL listing the start (epoch millis, column "b") of every bucket overlapping the ranges. */
export function bucketStartsSql(g: Granularity, ranges: readonly Interval[]): string | undefined {
  const step = stepMs(g);
  if (step <= 0 || ranges.length === 0) return undefined;
  const total = ranges.reduce((n, r) => n + Math.ceil((r.endMs - r.startMs) / step), 0);
  if (total > MAX_BUCKETS) {
    throw resourceLimitExceeded(`The query's intervals span more than ${MAX_BUCKETS} buckets of its granularity; use a coarser granularity or shorter intervals`);
  }
  const samples = ranges.map((r) =>
    `SELECT unnest(generate_series(${timestampSql(r.startMs)}, ${timestampSql(r.endMs - 1)}, INTERVAL '${step} milliseconds')) AS t ` +
    `UNION ALL SELECT ${timestampSql(r.endMs - 1)}`);
  return `SELECT DISTINCT epoch_ms(${bucketSql(g, 't')}) AS b FROM (${samples.join(' UNION ALL ')}) ORDER BY b`;
}

/** Druid's JSON for a granularity, as segmentMetadata reports queryGranularity. */
export function granularityJson(g: Granularity): Record<string, unknown> {
  switch (g.kind) {
    case 'all':
    case 'none':
      return { type: g.kind };
    case 'duration':
      return { type: 'duration', duration: g.durationMs, origin: new Date(g.originMs).toISOString() };
    case 'period':
      return { type: 'period', period: g.text, timeZone: g.timeZone, origin: g.originMs === undefined ? null : new Date(g.originMs).toISOString() };
  }
}
