// GroupBy queries (docs/querying/groupbyquery.md): rows per time bucket and dimension values,
// with having, limitSpec ordering and offset; answered as {version: "v1", timestamp, event}.

import { z } from 'zod';
import { queryRows, quoteIdent } from '../duck';
import { invalidQuery } from '../errors';
import { parseGranularity } from '../granularity';
import type { JsonValue } from '../json';
import { isoTime } from '../time';
import { aggregatorSelect, aggregatorsSql } from './aggregators';
import { dimensionSql } from './dimensions';
import { bucketSelectSql, makeFrame, parseIntervals } from './frame';
import { havingPredicate, HavingSchema } from './having';
import type { NativeRun } from './native-run';
import { comparator, numericComparator, type Comparator } from './ordering';
import { applyPostAggregators, compilePostAggregators, type Row } from './post-aggregators';
import { AggregatorSchema, ContextSchema, DataSourceSchema, DimensionSpecSchema, FilterSchema, IntervalsSchema, PostAggregatorSchema, VirtualColumnsSchema } from './spec';
import { contextFlag, resultOf } from './timeseries';

const OrderByColumn = z.union([
  z.string(),
  z.strictObject({
    dimension: z.string(),
    direction: z.enum(['ascending', 'descending', 'asc', 'desc', 'ASCENDING', 'DESCENDING']).optional(),
    dimensionOrder: z.union([z.string(), z.strictObject({ type: z.string() })]).optional(),
  }),
]).transform((c) => (typeof c === 'string' ? { dimension: c, direction: 'ascending', dimensionOrder: undefined } : c));

const LimitSpecSchema = z.strictObject({
  type: z.literal('default'),
  limit: z.number().int().positive().optional(),
  offset: z.number().int().nonnegative().optional(),
  columns: z.array(OrderByColumn).default([]),
});

export const GroupBySchema = z.strictObject({
  queryType: z.literal('groupBy'),
  dataSource: DataSourceSchema,
  intervals: IntervalsSchema,
  granularity: z.unknown().optional(),
  dimensions: z.array(DimensionSpecSchema).default([]),
  filter: FilterSchema.nullable().optional(),
  aggregations: z.array(AggregatorSchema).default([]),
  postAggregations: z.array(PostAggregatorSchema).default([]),
  having: HavingSchema.nullable().optional(),
  limitSpec: LimitSpecSchema.nullable().optional(),
  virtualColumns: VirtualColumnsSchema,
  context: ContextSchema,
});

export async function runGroupBy(run: NativeRun<z.infer<typeof GroupBySchema>>): Promise<JsonValue> {
  const { query, ds, connection } = run;
  if (!ds) return [];
  const intervals = parseIntervals(query.intervals);
  const frame = makeFrame(ds, intervals, parseGranularity(query.granularity, 'granularity'), query.filter ?? undefined);
  const aggs = aggregatorsSql(query.aggregations, frame.col);
  const posts = compilePostAggregators(query.postAggregations, aggs.map((a) => a.name));
  const dims = query.dimensions;
  const outputNames = [...dims.map((d) => d.outputName), ...aggs.map((a) => a.name), ...posts.map((p) => p.name)];
  const dimSelect = dims.map((d, i) => `, ${dimensionSql(d, frame.col)} AS ${quoteIdent(`d${i}`)}`).join('');
  const groupBy = ['1', ...dims.map((_, i) => `${i + 2}`)].join(', ');
  const rows = await queryRows(connection,
    `SELECT ${bucketSelectSql(frame)} AS __bucket${dimSelect}${aggregatorSelect(aggs)} FROM ${frame.table} WHERE ${frame.where} GROUP BY ${groupBy}`);
  // Granularity "all" stamps every row with the start of the first interval.
  const universal = frame.granularity.kind === 'all' ? intervals[0]?.startMs ?? 0 : undefined;
  const having = query.having ? havingPredicate(query.having, outputNames) : () => true;
  let events = rows.map((r) => ({
    time: universal ?? Number(r.__bucket),
    event: applyPostAggregators({ ...Object.fromEntries(dims.map((d, i) => [d.outputName, r[`d${i}`]])), ...resultOf(r, aggs) }, posts),
  })).filter((e) => having(e.event));
  const limitSpec = query.limitSpec ?? { columns: [], limit: undefined, offset: undefined };
  const order = ordering(limitSpec.columns, dims.map((d) => d.outputName), outputNames);
  const dimsFirst = contextFlag(query.context, 'sortByDimsFirst');
  events.sort((a, b) => (dimsFirst ? order(a.event, b.event) || a.time - b.time : a.time - b.time || order(a.event, b.event)));
  const offset = limitSpec.offset ?? 0;
  events = events.slice(offset, limitSpec.limit === undefined ? undefined : offset + limitSpec.limit);
  // resultAsArray rows are [time millis, dimensions..., aggregators..., post-aggregators...].
  if (contextFlag(query.context, 'resultAsArray')) return events.map((e) => [e.time, ...outputNames.map((n) => e.event[n] ?? null)]);
  return events.map((e) => ({ version: 'v1', timestamp: isoTime(e.time), event: e.event }));
}

type OrderBy = z.infer<typeof OrderByColumn>;

function ordering(columns: readonly OrderBy[], dimNames: readonly string[], outputNames: readonly string[]): (a: Row, b: Row) => number {
  // Without explicit columns Druid orders by the dimensions, lexicographically.
  const specs = columns.length > 0 ? columns : dimNames.map((d) => ({ dimension: d, direction: 'ascending', dimensionOrder: undefined }));
  const compiled = specs.map((c, i): ((a: Row, b: Row) => number) => {
    if (!outputNames.includes(c.dimension)) throw invalidQuery(`limitSpec.columns[${i}].dimension "${c.dimension}" is not a dimension, aggregator or post-aggregator of this query`);
    const isDim = dimNames.includes(c.dimension);
    const cmp: Comparator = isDim ? comparator(c.dimensionOrder, `limitSpec.columns[${i}].dimensionOrder`) : c.dimensionOrder ? comparator(c.dimensionOrder, `limitSpec.columns[${i}].dimensionOrder`) : numericComparator;
    const sign = (c.direction ?? 'ascending').toLowerCase().startsWith('desc') ? -1 : 1;
    return (a, b) => sign * cmp(a[c.dimension], b[c.dimension]);
  });
  return (a, b) => {
    for (const cmp of compiled) {
      const r = cmp(a, b);
      if (r !== 0) return r;
    }
    return 0;
  };
}
