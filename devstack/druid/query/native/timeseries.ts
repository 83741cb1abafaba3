// Timeseries queries (docs/querying/timeseriesquery.md): one row per time bucket, with empty
// buckets inside the data's segments filled unless context.skipEmptyBuckets is set.

import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { queryRows } from '../duck';
import { parseGranularity } from '../granularity';
import type { JsonValue } from '../json';
import { isoTime } from '../time';
import { aggregatorSelect, aggregatorsSql, type AggregatorSql } from './aggregators';
import { allBucketTime, bucketSelectSql, bucketsToFill, makeFrame, parseIntervals } from './frame';
import { applyPostAggregators, compilePostAggregators, type Row } from './post-aggregators';
import { AggregatorSchema, DISTINCT_SKETCHES, type Aggregator, ContextSchema, DataSourceSchema, FilterSchema, IntervalsSchema, LooseBoolean, PostAggregatorSchema, VirtualColumnsSchema } from './spec';
import type { NativeRun } from './native-run';

export const TimeseriesSchema = z.strictObject({
  queryType: z.literal('timeseries'),
  dataSource: DataSourceSchema,
  intervals: IntervalsSchema,
  granularity: z.unknown().optional(),
  filter: FilterSchema.nullable().optional(),
  aggregations: z.array(AggregatorSchema).default([]),
  postAggregations: z.array(PostAggregatorSchema).default([]),
  descending: LooseBoolean.default(false),
  limit: z.number().int().positive().optional(),
  virtualColumns: VirtualColumnsSchema,
  context: ContextSchema,
});

export async function runTimeseries(run: NativeRun<z.infer<typeof TimeseriesSchema>>): Promise<JsonValue> {
  const { query, ds, connection } = run;
  const intervals = parseIntervals(query.intervals);
  const granularity = parseGranularity(query.granularity, 'granularity');
  const skipEmpty = contextFlag(query.context, 'skipEmptyBuckets');
  const all = granularity.kind === 'all';
  if (!ds) return all && !skipEmpty ? emptyAllAnswer(query, intervals[0]?.startMs ?? 0) : [];
  const frame = makeFrame(ds, intervals, granularity, query.filter ?? undefined);
  const aggs = aggregatorsSql(query.aggregations, frame.col);
  const posts = compilePostAggregators(query.postAggregations, aggs.map((a) => a.name));
  const rows = await queryRows(connection,
    `SELECT ${bucketSelectSql(frame)} AS __bucket${aggregatorSelect(aggs)} FROM ${frame.table} WHERE ${frame.where}${all ? '' : ' GROUP BY 1'}`);
  const byBucket = new Map<number, Row>();
  for (const r of rows) byBucket.set(Number(r.__bucket), resultOf(r, aggs));
  let buckets: number[];
  if (all) {
    // With no rows at all Druid still answers one empty bucket, stamped at the first interval's start.
    const t = (await allBucketTime(connection, frame, frame.timeWhere)) ?? intervals[0]?.startMs ?? 0;
    const empty = skipEmpty && !(await hasRows(connection, frame.table, frame.where));
    buckets = empty ? [] : [t];
    byBucket.set(t, byBucket.get(0) ?? emptyResult(aggs));
  } else {
    const fill = skipEmpty ? [] : await bucketsToFill(connection, frame);
    buckets = [...new Set([...fill, ...byBucket.keys()])].sort((a, b) => a - b);
  }
  if (query.descending) buckets.reverse();
  if (query.limit !== undefined) buckets = buckets.slice(0, query.limit);
  const out: JsonValue[] = buckets.map((b) => ({
    timestamp: isoTime(b),
    result: applyPostAggregators({ ...(byBucket.get(b) ?? emptyResult(aggs)) }, posts),
  }));
  if (contextFlag(query.context, 'grandTotal')) {
    const total = await queryRows(connection, `SELECT 0 AS __bucket${aggregatorSelect(aggs)} FROM ${frame.table} WHERE ${frame.where}`);
    out.push({ timestamp: null, result: applyPostAggregators(resultOf(total[0], aggs), posts) });
  }
  return out;
}

export function resultOf(r: Record<string, JsonValue>, aggs: readonly AggregatorSql[]): Row {
  return Object.fromEntries(aggs.map((a, i) => [a.name, r[`a${i}`] ?? a.emptyValue]));
}

/** The empty bucket answered for a datasource that has no table at all. */
function emptyAllAnswer(query: z.infer<typeof TimeseriesSchema>, startMs: number): JsonValue {
  const aggs = query.aggregations.map((a, i) => ({ name: a.name ?? `a${i}`, emptyValue: emptyValueOf(a) }));
  const posts = compilePostAggregators(query.postAggregations, aggs.map((a) => a.name));
  return [{ timestamp: isoTime(startMs), result: applyPostAggregators(Object.fromEntries(aggs.map((a) => [a.name, a.emptyValue])), posts) }];
}

function emptyValueOf(agg: Aggregator): JsonValue {
  if (agg.type === 'filtered') return emptyValueOf(agg.aggregator);
  return ['count', 'cardinality', ...DISTINCT_SKETCHES].includes(agg.type) ? 0 : null;
}

function emptyResult(aggs: readonly AggregatorSql[]): Row {
  return Object.fromEntries(aggs.map((a) => [a.name, a.emptyValue]));
}

async function hasRows(connection: DuckDBConnection, table: string, where: string): Promise<boolean> {
  const rows = await queryRows(connection, `SELECT 1 AS one FROM ${table} WHERE ${where} LIMIT 1`);
  return rows.length > 0;
}

/** Context flags arrive as booleans or, in Druid's own examples, as strings. */
export function contextFlag(context: Record<string, unknown> | undefined, key: string): boolean {
  const v = context?.[key];
  return v === true || v === 'true';
}

