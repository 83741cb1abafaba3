// The engine stores each datasource in one table, but Druid answers in segments: time chunks
// of the datasource's segmentGranularity. Results that Druid reports per segment (scan, segment
// metadata, sys.segments) and the timestamps of "all" buckets are derived from these chunks.

import type { DuckDBConnection } from '@duckdb/node-api';
import type { DatasourceInfo } from '../contract';
import { queryRows, tableRef, timestampSql } from './duck';
import { bucketSql, parseGranularity, type Granularity } from './granularity';
import { isoTime, type Interval } from './time';

export interface Segment {
  readonly id: string;
  readonly datasource: string;
  readonly interval: Interval;
  readonly version: string;
  readonly numRows: number;
}

/** A datasource's segmentGranularity: a granularity name, or an ISO period such as "PT1H". */
function segmentGranularity(ds: DatasourceInfo): Granularity {
  const text = ds.segmentGranularity;
  const where = `${ds.name}.segmentGranularity`;
  return /^P/i.test(text) ? parseGranularity({ type: 'period', period: text.toUpperCase() }, where) : parseGranularity(text, where);
}

/** The SQL bucket expression for a datasource's segment chunks. */
export function segmentStartSql(ds: DatasourceInfo, column = '"__time"'): string {
  const g = segmentGranularity(ds);
  return g.kind === 'all' || g.kind === 'none' ? `TIMESTAMP '1970-01-01'` : bucketSql(g, column);
}

/** Segments holding rows, in time order; `within` keeps only rows inside those intervals. */
export async function listSegments(connection: DuckDBConnection, ds: DatasourceInfo, within?: readonly Interval[]): Promise<Segment[]> {
  const g = segmentGranularity(ds);
  const where = within ? `WHERE ${timeFilterSql(within)}` : '';
  if (g.kind === 'all' || g.kind === 'none') {
    const rows = await queryRows(connection, `SELECT epoch_ms(min("__time")) AS s, epoch_ms(max("__time")) AS e, count(*) AS n FROM ${tableRef(ds.name)} ${where}`);
    const r = rows[0];
    if (!r || Number(r.n) === 0) return [];
    return [segment(ds.name, { startMs: Number(r.s), endMs: Number(r.e) + 1 }, Number(r.n))];
  }
  const start = segmentStartSql(ds);
  // The end of a chunk is the start of the chunk holding a time safely inside the next one.
  const next = bucketSql(g, `(${start} + INTERVAL '${nextOffsetMs(g)} milliseconds')`);
  const rows = await queryRows(connection,
    `SELECT epoch_ms(${start}) AS s, epoch_ms(${next}) AS e, count(*) AS n FROM ${tableRef(ds.name)} ${where} GROUP BY 1, 2 ORDER BY 1`);
  return rows.map((r) => segment(ds.name, { startMs: Number(r.s), endMs: Number(r.e) }, Number(r.n)));
}

function nextOffsetMs(g: Granularity): number {
  if (g.kind === 'duration') return g.durationMs;
  if (g.kind !== 'period') return 1;
  const p = g.period;
  const days = p.years * 365 + p.months * 30 + p.weeks * 7 + p.days;
  const ms = days * 86_400_000 + ((p.hours * 60 + p.minutes) * 60 + p.seconds) * 1000 + p.millis;
  // 1.5 periods lands in the next chunk for calendar periods whose lengths vary (months, DST days).
  return Math.round(ms * 1.5);
}

function segment(datasource: string, interval: Interval, numRows: number): Segment {
  // The engine keeps no segment versions; the chunk start stands in for one, stable across queries.
  const version = isoTime(interval.startMs);
  return { id: `${datasource}_${isoTime(interval.startMs)}_${isoTime(interval.endMs)}_${version}`, datasource, interval, version, numRows };
}

/** SQL keeping rows whose __time falls in any of the intervals. */
export function timeFilterSql(intervals: readonly Interval[], column = '"__time"'): string {
  if (intervals.length === 0) return 'FALSE';
  return `(${intervals.map((i) => `(${column} >= ${timestampSql(i.startMs)} AND ${column} < ${timestampSql(i.endMs)})`).join(' OR ')})`;
}
