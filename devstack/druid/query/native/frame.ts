// What every native query over a datasource shares: the datasource, its intervals and
// granularity, the row predicate, and how Druid stamps result buckets with times.

import type { DuckDBConnection } from '@duckdb/node-api';
import type { DatasourceInfo } from '../../contract';
import { queryRows, tableRef } from '../duck';
import { bucketSql, bucketStartsSql, type Granularity } from '../granularity';
import { listSegments, segmentStartSql, timeFilterSql } from '../segments';
import { condenseIntervals, parseInterval, type Interval } from '../time';
import { columnLookup, type ColumnLookup } from './columns';
import { filterSql } from './filters';
import type { Filter } from './spec';

export interface Frame {
  readonly ds: DatasourceInfo;
  readonly table: string;
  readonly col: ColumnLookup;
  readonly intervals: readonly Interval[];
  readonly granularity: Granularity;
  /** Rows inside the intervals that pass the filter. */
  readonly where: string;
  /** Rows inside the intervals, whatever the filter says. */
  readonly timeWhere: string;
}

export function parseIntervals(texts: readonly string[]): Interval[] {
  return condenseIntervals(texts.map((t, i) => parseInterval(t, `intervals[${i}]`)));
}

export function makeFrame(ds: DatasourceInfo, intervals: readonly Interval[], granularity: Granularity, filter?: Filter): Frame {
  const col = columnLookup(ds);
  const timeWhere = timeFilterSql(intervals);
  return { ds, table: tableRef(ds.name), col, intervals, granularity, timeWhere, where: `${timeWhere} AND ${filterSql(filter, col)}` };
}

/** Epoch-millis bucket start of each row, as SQL; granularity "all" has a single bucket (0). */
export function bucketSelectSql(frame: Frame): string {
  return frame.granularity.kind === 'all' ? '0' : `epoch_ms(${bucketSql(frame.granularity, '"__time"')})`;
}

/**
 * The time Druid gives a granularity-"all" result: each segment answers with the start of its
 * slice of the query interval (segment start, or interval start when later), and merging keeps
 * the earliest. So three hourly-segmented rows from 16:57 on answer at 16:00.
 */
export async function allBucketTime(connection: DuckDBConnection, frame: Frame, where: string): Promise<number | undefined> {
  const rows = await queryRows(connection,
    `SELECT epoch_ms(min("__time")) AS t, epoch_ms(${segmentStartSql(frame.ds, 'min("__time")')}) AS s FROM ${frame.table} WHERE ${where}`);
  const first = rows[0];
  if (!first || first.t === null) return undefined;
  const t = Number(first.t);
  const interval = frame.intervals.find((i) => t >= i.startMs && t < i.endMs);
  return Math.max(Number(first.s), interval?.startMs ?? Number.MIN_SAFE_INTEGER);
}

/** Bucket starts Druid zero-fills: those overlapping both the query intervals and a segment. */
export async function bucketsToFill(connection: DuckDBConnection, frame: Frame): Promise<number[]> {
  if (frame.granularity.kind === 'all' || frame.granularity.kind === 'none') return [];
  const segments = await listSegments(connection, frame.ds);
  const ranges: Interval[] = [];
  for (const s of segments) {
    for (const i of frame.intervals) {
      const startMs = Math.max(s.interval.startMs, i.startMs);
      const endMs = Math.min(s.interval.endMs, i.endMs);
      if (startMs < endMs) ranges.push({ startMs, endMs });
    }
  }
  const sql = bucketStartsSql(frame.granularity, condenseIntervals(ranges));
  if (!sql) return [];
  return (await queryRows(connection, sql)).map((r) => Number(r.b));
}
