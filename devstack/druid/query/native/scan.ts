// Scan queries (docs/querying/scan-query.md): raw rows, in batches per segment, as list
// (objects) or compactedList (arrays), with __time as epoch millis.

import { z } from 'zod';
import { queryRows, quoteIdent } from '../duck';
import { invalidQuery } from '../errors';
import type { JsonValue } from '../json';
import { listSegments, segmentStartSql } from '../segments';
import { makeFrame, parseIntervals } from './frame';
import type { NativeRun } from './native-run';
import { ContextSchema, DataSourceSchema, FilterSchema, IntervalsSchema, LooseBoolean, VirtualColumnsSchema } from './spec';

/** Druid's default rows per result batch. */
const DEFAULT_BATCH_SIZE = 20480;

const Order = z.enum(['none', 'ascending', 'descending']);

export const ScanSchema = z.strictObject({
  queryType: z.literal('scan'),
  dataSource: DataSourceSchema,
  intervals: IntervalsSchema,
  columns: z.array(z.string()).nullable().optional(),
  filter: FilterSchema.nullable().optional(),
  resultFormat: z.enum(['list', 'compactedList']).default('list'),
  batchSize: z.number().int().positive().default(DEFAULT_BATCH_SIZE),
  limit: z.number().int().nonnegative().optional(),
  offset: z.number().int().nonnegative().optional(),
  order: Order.default('none'),
  orderBy: z.array(z.strictObject({ columnName: z.string(), order: Order })).optional(),
  legacy: LooseBoolean.optional(),
  virtualColumns: VirtualColumnsSchema,
  context: ContextSchema,
});

export async function runScan(run: NativeRun<z.infer<typeof ScanSchema>>): Promise<JsonValue> {
  const { query, ds, connection } = run;
  if (!ds) return [];
  if (query.legacy) throw invalidQuery('legacy scan mode is not supported by the local engine');
  const intervals = parseIntervals(query.intervals);
  const frame = makeFrame(ds, intervals, { kind: 'all' }, query.filter ?? undefined);
  const stored = ['__time', ...ds.columns.filter((c) => c.name !== '__time').map((c) => c.name)];
  const columns = query.columns && query.columns.length > 0 ? query.columns : stored;
  const signature = columns.map((name) => ({ name, type: name === '__time' ? 'LONG' : ds.columns.find((c) => c.name === name)?.type ?? null }));
  const select = columns.map((name, i) => `${frame.col(name).sql} AS ${quoteIdent(`c${i}`)}`).join(', ');
  const orderBy = (query.orderBy ?? (query.order === 'none' ? [] : [{ columnName: '__time', order: query.order }]))
    .filter((o) => o.order !== 'none')
    .map((o) => `${frame.col(o.columnName).sql} ${o.order === 'descending' ? 'DESC' : 'ASC'}`);
  // Without an order, rows come segment by segment in time order, as Druid reads them.
  const order = orderBy.length > 0 ? orderBy.join(', ') : '"__time"';
  const limit = query.limit !== undefined ? ` LIMIT ${query.limit}` : '';
  const offset = query.offset ? ` OFFSET ${query.offset}` : '';
  const rows = await queryRows(connection,
    `SELECT epoch_ms(${segmentStartSql(ds)}) AS __segment, ${select} FROM ${frame.table} WHERE ${frame.where} ORDER BY ${order}${limit}${offset}`);
  const segments = new Map((await listSegments(connection, ds)).map((s) => [s.interval.startMs, s]));
  const out: JsonValue[] = [];
  let current: { segment: number; events: JsonValue[] } | undefined;
  const flush = () => {
    if (!current) return;
    out.push({ segmentId: segments.get(current.segment)?.id ?? `${ds.name}_${current.segment}`, columns, events: current.events, rowSignature: signature });
    current = undefined;
  };
  for (const r of rows) {
    const segment = Number(r.__segment);
    if (!current || current.segment !== segment || current.events.length >= query.batchSize) {
      flush();
      current = { segment, events: [] };
    }
    const values = columns.map((name, i) => cell(r[`c${i}`], signature[i].type));
    current.events.push(query.resultFormat === 'list' ? Object.fromEntries(columns.map((name, i) => [name, values[i]])) : values);
  }
  flush();
  return out;
}

function cell(value: JsonValue, type: string | null): JsonValue {
  if (type === 'COMPLEX<json>' && typeof value === 'string') {
    try {
      return JSON.parse(value) as JsonValue;
    } catch {
      return value;
    }
  }
  return value;
}
