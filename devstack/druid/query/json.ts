// JSON writing that keeps 64-bit integers exact: DuckDB returns BIGINT and HUGEINT values as
// bigint, and JSON.stringify would either throw or (after a Number cast) round them.

export type JsonValue = null | boolean | number | bigint | string | readonly JsonValue[] | { readonly [key: string]: JsonValue | undefined };

/** Serializes like JSON.stringify, writing bigint values as plain JSON numbers. */
export function toJson(value: JsonValue | undefined, indent = 0): string {
  return write(value ?? null, indent, '');
}

function write(value: JsonValue, indent: number, pad: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'bigint':
      return value.toString();
    case 'number':
      // Druid's Jackson writes non-finite doubles as strings.
      return Number.isFinite(value) ? JSON.stringify(value) : JSON.stringify(String(value));
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
  }
  const inner = indent > 0 ? pad + ' '.repeat(indent) : '';
  const nl = indent > 0 ? '\n' : '';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((item: JsonValue) => inner + write(item ?? null, indent, inner));
    return `[${nl}${items.join(`,${nl}`)}${nl}${indent > 0 ? pad : ''}]`;
  }
  const entries = Object.entries(value as Record<string, JsonValue | undefined>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  const sep = indent > 0 ? ' : ' : ':';
  const items = entries.map(([k, v]) => inner + JSON.stringify(k) + sep + write(v ?? null, indent, inner));
  return `{${nl}${items.join(`,${nl}`)}${nl}${indent > 0 ? pad : ''}}`;
}

/** bigint results that fit a double exactly become numbers, so callers can do arithmetic. */
export function normalizeInteger(value: bigint): number | bigint {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}
