// Search queries (docs/querying/searchquery.md): dimension values matching a search spec, with
// the number of rows holding each, per time bucket.

import { z } from 'zod';
import { queryRows, quoteString } from '../duck';
import { invalidQuery } from '../errors';
import { parseGranularity } from '../granularity';
import type { JsonValue } from '../json';
import { isoTime } from '../time';
import { searchMatchSql } from './filters';
import { allBucketTime, bucketSelectSql, makeFrame, parseIntervals } from './frame';
import type { NativeRun } from './native-run';
import { comparator, lexicographicComparator } from './ordering';
import { ContextSchema, DataSourceSchema, DimensionSpecSchema, FilterSchema, IntervalsSchema, SearchSpecSchema, VirtualColumnsSchema } from './spec';

/** Druid's default search limit per bucket. */
const DEFAULT_LIMIT = 1000;

export const SearchSchema = z.strictObject({
  queryType: z.literal('search'),
  dataSource: DataSourceSchema,
  intervals: IntervalsSchema,
  granularity: z.unknown().optional(),
  filter: FilterSchema.nullable().optional(),
  searchDimensions: z.array(DimensionSpecSchema).optional(),
  query: SearchSpecSchema,
  sort: z.strictObject({ type: z.string() }).optional(),
  limit: z.number().int().positive().optional(),
  virtualColumns: VirtualColumnsSchema,
  context: ContextSchema,
});

interface Hit {
  readonly dimension: string;
  readonly value: JsonValue;
  readonly count: number;
}

export async function runSearch(run: NativeRun<z.infer<typeof SearchSchema>>): Promise<JsonValue> {
  const { query, ds, connection } = run;
  if (!ds) return [];
  const frame = makeFrame(ds, parseIntervals(query.intervals), parseGranularity(query.granularity, 'granularity'), query.filter ?? undefined);
  const dims = query.searchDimensions ?? ds.columns.filter((c) => c.role === 'dimension' && c.type === 'STRING').map((c) => ({ dimension: c.name, outputName: c.name }));
  const cmp = comparator(query.sort?.type, 'sort.type');
  if (dims.length === 0) return [];
  const matchOf = (dim: string) => searchMatchSql(query.query, `CAST(${frame.col(dim).sql} AS VARCHAR)`);
  const selects = dims.map((d) => {
    if (frame.col(d.dimension).type?.startsWith('ARRAY')) throw invalidQuery(`searchDimensions: "${d.dimension}" is an array column; searching it is not supported by the local engine`);
    const value = `CAST(${frame.col(d.dimension).sql} AS VARCHAR)`;
    return `SELECT ${bucketSelectSql(frame)} AS b, ${quoteString(d.outputName)} AS dimension, ${value} AS value, count(*) AS n ` +
      `FROM ${frame.table} WHERE ${frame.where} AND ${matchOf(d.dimension)} GROUP BY 1, 2, 3`;
  });
  const rows = await queryRows(connection, selects.join(' UNION ALL '));
  const buckets = new Map<number, Hit[]>();
  for (const r of rows) {
    const b = Number(r.b);
    buckets.set(b, [...(buckets.get(b) ?? []), { dimension: String(r.dimension), value: r.value, count: Number(r.n) }]);
  }
  let allTime: number | undefined;
  if (frame.granularity.kind === 'all' && buckets.size > 0) {
    const anyMatch = dims.map((d) => matchOf(d.dimension)).join(' OR ');
    allTime = await allBucketTime(connection, frame, `${frame.where} AND (${anyMatch})`);
  }
  const limit = query.limit ?? DEFAULT_LIMIT;
  return [...buckets.keys()].sort((a, b) => a - b).map((b) => ({
    timestamp: isoTime(allTime ?? b),
    result: (buckets.get(b) ?? [])
      .sort((x, y) => cmp(x.value, y.value) || lexicographicComparator(x.dimension, y.dimension))
      .slice(0, limit)
      .map((h) => ({ dimension: h.dimension, value: h.value, count: h.count })),
  }));
}
