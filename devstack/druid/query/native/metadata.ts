// Metadata queries: timeBoundary (docs/querying/timeboundaryquery.md), dataSourceMetadata
// (datasourcemetadataquery.md) and segmentMetadata (segmentmetadataquery.md).

import { z } from 'zod';
import { queryRows, quoteIdent } from '../duck';
import { granularityJson, parseGranularity } from '../granularity';
import type { JsonValue } from '../json';
import { listSegments, timeFilterSql, type Segment } from '../segments';
import { condenseIntervals, isoInterval, isoTime } from '../time';
import { makeFrame, parseIntervals } from './frame';
import type { NativeRun } from './native-run';
import { ContextSchema, DataSourceSchema, FilterSchema, IntervalsSchema, LooseBoolean } from './spec';

const ETERNITY = ['-146136543-09-08T08:23:32.096Z/146140482-04-24T15:36:27.903Z'];

export const TimeBoundarySchema = z.strictObject({
  queryType: z.literal('timeBoundary'),
  dataSource: DataSourceSchema,
  intervals: IntervalsSchema.optional(),
  bound: z.enum(['minTime', 'maxTime']).nullable().optional(),
  filter: FilterSchema.nullable().optional(),
  context: ContextSchema,
});

export async function runTimeBoundary(run: NativeRun<z.infer<typeof TimeBoundarySchema>>): Promise<JsonValue> {
  const { query, ds, connection } = run;
  if (!ds) return [];
  const frame = makeFrame(ds, parseIntervals(query.intervals ?? ETERNITY), { kind: 'all' }, query.filter ?? undefined);
  const [r] = await queryRows(connection, `SELECT epoch_ms(min("__time")) AS lo, epoch_ms(max("__time")) AS hi FROM ${frame.table} WHERE ${frame.where}`);
  if (!r || r.lo === null) return [];
  const minTime = isoTime(Number(r.lo));
  const maxTime = isoTime(Number(r.hi));
  if (query.bound === 'minTime') return [{ timestamp: minTime, result: { minTime } }];
  if (query.bound === 'maxTime') return [{ timestamp: maxTime, result: { maxTime } }];
  return [{ timestamp: minTime, result: { minTime, maxTime } }];
}

export const DataSourceMetadataSchema = z.strictObject({
  queryType: z.literal('dataSourceMetadata'),
  dataSource: DataSourceSchema,
  context: ContextSchema,
});

export async function runDataSourceMetadata(run: NativeRun<z.infer<typeof DataSourceMetadataSchema>>): Promise<JsonValue> {
  const { ds, connection } = run;
  if (!ds) return [];
  const segments = await listSegments(connection, ds);
  const last = segments[segments.length - 1];
  if (!last) return [];
  const [r] = await queryRows(connection, `SELECT epoch_ms(max("__time")) AS hi FROM druid.${quoteIdent(ds.name)}`);
  // Druid stamps the answer with the start of the segment that holds the newest event.
  return [{ timestamp: isoTime(last.interval.startMs), result: { maxIngestedEventTime: isoTime(Number(r.hi)) } }];
}

const ANALYSIS_TYPES = ['cardinality', 'interval', 'minmax', 'size', 'aggregators', 'queryGranularity', 'rollup', 'timestampSpec'] as const;

export const SegmentMetadataSchema = z.strictObject({
  queryType: z.literal('segmentMetadata'),
  dataSource: DataSourceSchema,
  intervals: IntervalsSchema.optional(),
  toInclude: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('all') }),
    z.strictObject({ type: z.literal('none') }),
    z.strictObject({ type: z.literal('list'), columns: z.array(z.string()) }),
  ]).optional(),
  merge: LooseBoolean.default(false),
  analysisTypes: z.array(z.enum(ANALYSIS_TYPES)).default(['cardinality', 'interval', 'minmax']),
  lenientAggregatorMerge: z.boolean().optional(),
  aggregatorMergeStrategy: z.enum(['strict', 'lenient', 'earliest', 'latest']).optional(),
  usingDefaultInterval: z.boolean().optional(),
  context: ContextSchema,
});

export async function runSegmentMetadata(run: NativeRun<z.infer<typeof SegmentMetadataSchema>>): Promise<JsonValue> {
  const { query, ds, connection } = run;
  if (!ds) return [];
  const intervals = parseIntervals(query.intervals ?? ETERNITY);
  const analysis = new Set(query.analysisTypes);
  const include = query.toInclude ?? { type: 'all' as const };
  const columns = [{ name: '__time', type: 'LONG' as const }, ...ds.columns.filter((c) => c.name !== '__time')]
    .filter((c) => include.type === 'all' || (include.type === 'list' && include.columns.includes(c.name)));
  const segments = (await listSegments(connection, ds, intervals));
  const groups: Array<{ id: string; segments: Segment[] }> = query.merge
    ? (segments.length > 0 ? [{ id: 'merged', segments }] : [])
    : segments.map((s) => ({ id: s.id, segments: [s] }));
  const frame = makeFrame(ds, intervals, { kind: 'all' });
  const out: JsonValue[] = [];
  for (const g of groups) {
    const where = `${frame.timeWhere} AND ${timeFilterSql(g.segments.map((s) => s.interval))}`;
    const stats = columns.flatMap((c, i) => {
      const ref = frame.col(c.name).sql;
      const parts = [`count(*) - count(${ref}) AS ${quoteIdent(`n${i}`)}`, `sum(strlen(CAST(${ref} AS VARCHAR))) AS ${quoteIdent(`s${i}`)}`];
      if (c.type === 'STRING') parts.push(`count(DISTINCT ${ref}) AS ${quoteIdent(`c${i}`)}`, `min(${ref}) AS ${quoteIdent(`lo${i}`)}`, `max(${ref}) AS ${quoteIdent(`hi${i}`)}`);
      return parts;
    });
    const [r] = await queryRows(connection, `SELECT count(*) AS __rows, ${stats.join(', ')} FROM ${frame.table} WHERE ${where}`);
    const size = (i: number) => (analysis.has('size') ? Number(r[`s${i}`] ?? 0) : 0);
    const columnInfo = Object.fromEntries(columns.map((c, i) => [c.name, {
      typeSignature: c.type,
      type: c.type,
      hasMultipleValues: false,
      hasNulls: Number(r[`n${i}`]) > 0,
      size: size(i),
      cardinality: c.type === 'STRING' && analysis.has('cardinality') ? Number(r[`c${i}`]) : null,
      minValue: c.type === 'STRING' && analysis.has('minmax') ? r[`lo${i}`] ?? null : null,
      maxValue: c.type === 'STRING' && analysis.has('minmax') ? r[`hi${i}`] ?? null : null,
      errorMessage: null,
    }]));
    const metrics = ds.columns.filter((c) => c.role === 'metric');
    out.push({
      id: g.id,
      intervals: analysis.has('interval') ? condenseIntervals(g.segments.map((s) => s.interval)).map(isoInterval) : null,
      columns: columnInfo,
      size: columns.reduce((n, _, i) => n + size(i), 0),
      numRows: Number(r.__rows),
      aggregators: analysis.has('aggregators') ? Object.fromEntries(metrics.map((m) => [m.name, (m.aggregator ?? null) as JsonValue])) : null,
      timestampSpec: analysis.has('timestampSpec') ? { column: '__time', format: 'millis', missingValue: null } : null,
      queryGranularity: analysis.has('queryGranularity') ? granularityJson(parseGranularity(ds.queryGranularity, 'queryGranularity')) as JsonValue : null,
      rollup: analysis.has('rollup') ? ds.rollup : null,
    });
  }
  return out;
}
