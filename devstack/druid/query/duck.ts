// The query side's use of its DuckDB connection: Druid's session semantics, the time macros
// Druid's functions and granularities are built on, and DuckDB values as plain JS values.

import {
  DuckDBArrayValue, DuckDBDateValue, DuckDBDecimalValue, DuckDBIntervalValue, DuckDBListValue, DuckDBStructValue,
  DuckDBTimestampMillisecondsValue, DuckDBTimestampNanosecondsValue, DuckDBTimestampSecondsValue, DuckDBTimestampTZValue,
  DuckDBTimestampValue, type DuckDBConnection, type DuckDBValue,
} from '@duckdb/node-api';
import { normalizeInteger, type JsonValue } from './json';

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function quoteString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A datasource's table in the engine's storage layout. */
export function tableRef(datasource: string): string {
  return `druid.${quoteIdent(datasource)}`;
}

/** A TIMESTAMP literal for epoch millis, safe for any clamped instant. */
export function timestampSql(ms: number): string {
  return `epoch_ms(${Math.trunc(ms)}::BIGINT)`;
}

const SETUP = [
  // Druid SQL divides integers as integers (Calcite's BIGINT / BIGINT is BIGINT); this is a
  // session setting, so it stays on the query side's own connection.
  'SET integer_division = true',
  // Wall-clock arithmetic through ICU: timezone('UTC', ts) reads a stored UTC TIMESTAMP as an
  // instant, timezone(tz, instant) gives the wall clock there. The session TimeZone is never used.
  `CREATE OR REPLACE TEMP MACRO __tr_wall(t, tz) AS timezone(tz, timezone('UTC', t))`,
  `CREATE OR REPLACE TEMP MACRO __tr_unwall(w, tz) AS timezone('UTC', timezone(tz, w))`,
  `CREATE OR REPLACE TEMP MACRO __tr_time_floor(t, iv, origin_wall, tz) AS
     __tr_unwall(time_bucket(iv, __tr_wall(t, tz), origin_wall), tz)`,
  `CREATE OR REPLACE TEMP MACRO __tr_time_ceil(t, iv, origin_wall, tz) AS
     CASE WHEN __tr_time_floor(t, iv, origin_wall, tz) = t THEN t
          ELSE __tr_unwall(time_bucket(iv, __tr_wall(t, tz), origin_wall) + iv, tz) END`,
  `CREATE OR REPLACE TEMP MACRO __tr_time_shift(t, iv, step, tz) AS __tr_unwall(__tr_wall(t, tz) + iv * step, tz)`,
  `CREATE OR REPLACE TEMP MACRO __tr_time_parse(s) AS
     CASE WHEN regexp_matches(s, '(Z|[+-]\\d\\d(:?\\d\\d)?)$') THEN timezone('UTC', TRY_CAST(s AS TIMESTAMPTZ))
          ELSE TRY_CAST(s AS TIMESTAMP) END`,
  `CREATE OR REPLACE TEMP MACRO __tr_duration_floor(t, duration_ms, origin_ms) AS
     epoch_ms((origin_ms + floor((epoch_ms(t) - origin_ms) / CAST(duration_ms AS DOUBLE)) * duration_ms)::BIGINT)`,
];

const prepared = new WeakSet<DuckDBConnection>();

/** Prepares the connection for Druid semantics: session settings and the time macros. */
export async function prepareConnection(connection: DuckDBConnection): Promise<void> {
  if (prepared.has(connection)) return;
  for (const sql of SETUP) await connection.run(sql);
  prepared.add(connection);
}

/** Epoch millis of any DuckDB timestamp or date value, or undefined for other values. */
export function timeValueMs(value: DuckDBValue): number | undefined {
  if (value instanceof DuckDBTimestampValue || value instanceof DuckDBTimestampTZValue) return Number(value.micros / 1000n);
  if (value instanceof DuckDBTimestampMillisecondsValue) return Number(value.millis);
  if (value instanceof DuckDBTimestampSecondsValue) return Number(value.seconds) * 1000;
  if (value instanceof DuckDBTimestampNanosecondsValue) return Number(value.nanos / 1_000_000n);
  if (value instanceof DuckDBDateValue) return value.days * 86_400_000;
  return undefined;
}

/**
 * A DuckDB value as JSON-ready JS: integers as number (or bigint when beyond 2^53), times as
 * epoch millis, decimals as doubles, lists as arrays.
 */
export function toJsValue(value: DuckDBValue): JsonValue {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return normalizeInteger(value);
  const ms = timeValueMs(value);
  if (ms !== undefined) return ms;
  if (value instanceof DuckDBDecimalValue) return value.toDouble();
  if (value instanceof DuckDBListValue || value instanceof DuckDBArrayValue) return value.items.map(toJsValue);
  if (value instanceof DuckDBStructValue) {
    return Object.fromEntries(Object.entries(value.entries).map(([k, v]) => [k, toJsValue(v)]));
  }
  if (value instanceof DuckDBIntervalValue) return Number(value.micros / 1000n) + (value.days + value.months * 30) * 86_400_000;
  return String(value);
}

export function toNumber(value: JsonValue): number | null {
  if (value === null) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  const n = Number(value);
  return Number.isNaN(n) ? null : n;
}

/** Runs a statement and returns rows of JS values, keyed by column name. */
export async function queryRows(connection: DuckDBConnection, sql: string): Promise<Record<string, JsonValue>[]> {
  const reader = await connection.runAndReadAll(sql);
  const names = reader.columnNames();
  return reader.getRows().map((row) => Object.fromEntries(names.map((n, i) => [n, toJsValue(row[i])])));
}
