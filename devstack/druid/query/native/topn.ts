// TopN queries (docs/querying/topnquery.md): per time bucket, the top `threshold` values of one
// dimension by a metric. The engine ranks exactly where Druid approximates across segments.

import { z } from 'zod';
import { queryRows } from '../duck';
import { invalidQuery } from '../errors';
import { parseGranularity } from '../granularity';
import type { JsonValue } from '../json';
import { isoTime } from '../time';
import { aggregatorSelect, aggregatorsSql } from './aggregators';
import { dimensionSql } from './dimensions';
import { allBucketTime, bucketSelectSql, makeFrame, parseIntervals } from './frame';
import type { NativeRun } from './native-run';
import { comparator, numericComparator, type Comparator } from './ordering';
import { applyPostAggregators, compilePostAggregators, type Row } from './post-aggregators';
import { AggregatorSchema, ContextSchema, DataSourceSchema, DimensionSpecSchema, FilterSchema, IntervalsSchema, PostAggregatorSchema, VirtualColumnsSchema } from './spec';
import { resultOf } from './timeseries';

type MetricSpec =
  | string
  | { type: 'numeric'; metric: string }
  | { type: 'inverted'; metric: MetricSpec }
  | { type: 'dimension' | 'lexicographic' | 'alphaNumeric'; ordering?: string; previousStop?: string | null };

const MetricSpecSchema: z.ZodType<MetricSpec> = z.lazy(() => z.union([
  z.string(),
  z.strictObject({ type: z.literal('numeric'), metric: z.string() }),
  z.strictObject({ type: z.literal('inverted'), metric: MetricSpecSchema }),
  z.strictObject({ type: z.enum(['dimension', 'lexicographic', 'alphaNumeric']), ordering: z.string().optional(), previousStop: z.string().nullable().optional() }),
]) as z.ZodType<MetricSpec>);

export const TopNSchema = z.strictObject({
  queryType: z.literal('topN'),
  dataSource: DataSourceSchema,
  intervals: IntervalsSchema,
  granularity: z.unknown().optional(),
  dimension: DimensionSpecSchema,
  threshold: z.number().int().positive(),
  metric: MetricSpecSchema,
  filter: FilterSchema.nullable().optional(),
  aggregations: z.array(AggregatorSchema).default([]),
  postAggregations: z.array(PostAggregatorSchema).default([]),
  virtualColumns: VirtualColumnsSchema,
  context: ContextSchema,
});

export async function runTopN(run: NativeRun<z.infer<typeof TopNSchema>>): Promise<JsonValue> {
  const { query, ds, connection } = run;
  if (!ds) return [];
  const frame = makeFrame(ds, parseIntervals(query.intervals), parseGranularity(query.granularity, 'granularity'), query.filter ?? undefined);
  const aggs = aggregatorsSql(query.aggregations, frame.col);
  const posts = compilePostAggregators(query.postAggregations, aggs.map((a) => a.name));
  const names = [...aggs.map((a) => a.name), ...posts.map((p) => p.name)];
  const dim = query.dimension;
  const { order, keep } = ranking(query.metric, names, dim.outputName);
  const rows = await queryRows(connection,
    `SELECT ${bucketSelectSql(frame)} AS __bucket, ${dimensionSql(dim, frame.col)} AS __dim${aggregatorSelect(aggs)} FROM ${frame.table} WHERE ${frame.where} GROUP BY 1, 2`);
  const buckets = new Map<number, Row[]>();
  for (const r of rows) {
    const row = applyPostAggregators({ [dim.outputName]: r.__dim, ...resultOf(r, aggs) }, posts);
    const b = Number(r.__bucket);
    buckets.set(b, [...(buckets.get(b) ?? []), row]);
  }
  let allTime: number | undefined;
  if (frame.granularity.kind === 'all' && buckets.size > 0) allTime = await allBucketTime(connection, frame, frame.where);
  return [...buckets.keys()].sort((a, b) => a - b).map((b) => ({
    timestamp: isoTime(allTime ?? b),
    result: (buckets.get(b) ?? []).filter(keep).sort(order).slice(0, query.threshold),
  }));
}

function ranking(metric: MetricSpec, names: readonly string[], dimName: string): { order: (a: Row, b: Row) => number; keep: (r: Row) => boolean } {
  if (typeof metric === 'string' || metric.type === 'numeric') {
    const name = typeof metric === 'string' ? metric : metric.metric;
    if (!names.includes(name)) throw invalidQuery(`metric "${name}" is not an aggregator or post-aggregator of this query`);
    // Highest first; nulls rank last.
    return { order: (a, b) => -numericComparator(a[name], b[name]), keep: () => true };
  }
  if (metric.type === 'inverted') {
    const inner = ranking(metric.metric, names, dimName);
    return { order: (a, b) => -inner.order(a, b), keep: inner.keep };
  }
  const cmp: Comparator = comparator(metric.type === 'dimension' ? metric.ordering : metric.type, 'metric.ordering');
  const stop = metric.previousStop;
  return {
    order: (a, b) => cmp(a[dimName], b[dimName]),
    keep: (r) => stop === undefined || stop === null || cmp(r[dimName], stop) > 0,
  };
}
