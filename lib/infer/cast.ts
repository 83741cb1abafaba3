// Values converted the way Druid stores them in a column of a given type.
import type { ColumnType } from './model';

const NUMBER_TEXT = /^\s*-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

export function castValue(value: unknown, type: ColumnType): unknown {
  if (value === undefined || value === null) return null;
  switch (type) {
    case 'long':
      if (typeof value === 'bigint') return value;
      if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : null;
      if (typeof value === 'string' && NUMBER_TEXT.test(value)) {
        return /^\s*-?\d+\s*$/.test(value) && !Number.isSafeInteger(Number(value)) ? BigInt(value.trim()) : Math.trunc(Number(value));
      }
      return typeof value === 'boolean' ? (value ? 1 : 0) : null;
    case 'double':
      if (typeof value === 'number') return Number.isFinite(value) ? value : null;
      if (typeof value === 'bigint') return Number(value);
      if (typeof value === 'string' && NUMBER_TEXT.test(value)) return Number(value);
      return null;
    case 'string':
      if (typeof value === 'object') return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
      return String(value);
    case 'json':
      return value;
    default: {
      const element = type.slice(6, -1) as ColumnType;
      const list = Array.isArray(value) ? value : [value];
      return list.map((item) => castValue(item, element));
    }
  }
}

/** JSON-safe form of a stored value: integers beyond 2^53 become their exact digits. */
export function toJsonSafe(value: unknown, depth = 0): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return value;
  // Deep values are cut off for display; the data itself is untouched.
  if (depth > 64) return '[nested deeper than 64 levels]';
  if (Array.isArray(value)) return value.map((item) => toJsonSafe(item, depth + 1));
  const out = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value)) out[key] = toJsonSafe((value as Record<string, unknown>)[key], depth + 1);
  return out;
}
