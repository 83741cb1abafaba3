// How a result column behaves in the grid and the chart, from Druid's types and,
// when Druid sent none (native results), from its values.
import type { ResultColumn } from './schemas';

export type ColumnKind = 'time' | 'number' | 'text' | 'other';

const NUMBER_TYPES = new Set(['LONG', 'FLOAT', 'DOUBLE', 'BIGINT', 'INTEGER', 'SMALLINT', 'TINYINT', 'DECIMAL', 'REAL']);
const TEXT_TYPES = new Set(['STRING', 'VARCHAR', 'CHAR']);
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const ZONE = /(Z|[+-]\d{2}:?\d{2})$/;
const INTEGER = /^-?\d+$/;

export function columnKind(column: ResultColumn, values: readonly unknown[] = []): ColumnKind {
  const sqlType = column.sqlType?.toUpperCase();
  const type = column.type?.toUpperCase();
  if (sqlType === 'TIMESTAMP' || sqlType === 'DATE' || type === 'TIMESTAMP') return 'time';
  // __time is a LONG of epoch millis in native results, and a TIMESTAMP in SQL.
  if (column.name === '__time') return 'time';
  if ((sqlType && NUMBER_TYPES.has(sqlType)) || (type && NUMBER_TYPES.has(type))) return 'number';
  if ((sqlType && TEXT_TYPES.has(sqlType)) || (type && TEXT_TYPES.has(type))) return 'text';
  if (sqlType || type) return 'other';
  const present = values.filter((value) => value !== null && value !== undefined).slice(0, 100);
  if (present.length === 0) return 'other';
  if (present.every((value) => typeof value === 'number')) return 'number';
  if (present.every((value) => typeof value === 'string' && ISO_TIME.test(value))) return 'time';
  if (present.every((value) => typeof value === 'string')) return 'text';
  return 'other';
}

/** Epoch millis of a time cell (ISO string or epoch millis), or undefined. */
export function timeMillis(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string') {
    if (INTEGER.test(value)) return Number(value);
    const millis = Date.parse(value);
    return Number.isNaN(millis) ? undefined : millis;
  }
  return undefined;
}

/**
 * A time cell on the clock Druid wrote it in: `millis` is its wall-clock time read as if it were UTC, and
 * `offset` the UTC offset Druid wrote ("+08:00"; "Z" for UTC, epoch millis and times without one).
 * A query in a time zone answers "2026-11-19T00:00:00.000+08:00": that bucket is the 19th there.
 */
export function wallClock(value: unknown): { millis: number; offset: string } | undefined {
  if (typeof value === 'string' && ISO_TIME.test(value)) {
    const zone = ZONE.exec(value)?.[0];
    const millis = Date.parse(`${zone ? value.slice(0, -zone.length) : value}Z`);
    if (Number.isNaN(millis)) return undefined;
    const offset = !zone || zone === 'Z' || /^[+-]00:?00$/.test(zone) ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
    return { millis, offset };
  }
  const millis = timeMillis(value);
  return millis === undefined ? undefined : { millis, offset: 'Z' };
}

/** A number cell as a JS number for charts; exact big integers (strings) lose precision here only. */
export function numberValue(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  return undefined;
}

/** How a cell reads in the grid: times as UTC "2026-01-02 03:04:05.678", big integers exactly as Druid sent them. */
export function formatCell(value: unknown, kind: ColumnKind): string {
  if (value === null || value === undefined) return 'null';
  if (kind === 'time') {
    const millis = timeMillis(value);
    if (millis !== undefined && (typeof value === 'number' || /Z$|[+-]00:?00$/.test(String(value)) || INTEGER.test(String(value)))) {
      return new Date(millis).toISOString().replace('T', ' ').replace(/Z$/, '');
    }
    // A time with its own offset (a query in Asia/Shanghai) reads best as Druid wrote it.
    return String(value);
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Orders two cells of one column: numbers by value (big integers exactly), nulls last. */
export function compareCells(a: unknown, b: unknown, kind: ColumnKind): number {
  const aNull = a === null || a === undefined;
  const bNull = b === null || b === undefined;
  if (aNull || bNull) return aNull === bNull ? 0 : aNull ? 1 : -1;
  if (kind === 'number') {
    const exact = exactInteger(a) !== undefined && exactInteger(b) !== undefined;
    if (exact) {
      const x = exactInteger(a)!;
      const y = exactInteger(b)!;
      return x < y ? -1 : x > y ? 1 : 0;
    }
    return (numberValue(a) ?? 0) - (numberValue(b) ?? 0);
  }
  if (kind === 'time') return (timeMillis(a) ?? 0) - (timeMillis(b) ?? 0);
  return formatCell(a, kind).localeCompare(formatCell(b, kind));
}

function exactInteger(value: unknown): bigint | undefined {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  if (typeof value === 'string' && INTEGER.test(value)) return BigInt(value);
  return undefined;
}
