// dimensionsSpec: which input fields become dimensions and with which types, including Druid's
// rules for an empty dimension list (string dimensions) and useSchemaDiscovery (typed).
// https://druid.apache.org/docs/latest/ingestion/schema-design#schema-auto-discovery-for-dimensions
import { JsonDouble, stringifyJson } from './json';
import type { DimensionSchema, DimensionType, DimensionsSpec, MetricSpec, TimestampSpec } from './types';

export type ColumnType = 'STRING' | 'LONG' | 'FLOAT' | 'DOUBLE' | 'COMPLEX<json>' | 'ARRAY<STRING>' | 'ARRAY<LONG>' | 'ARRAY<DOUBLE>';

export const DIMENSION_TYPES: readonly DimensionType[] = ['string', 'long', 'float', 'double', 'json', 'auto'];

export function declaredDimensions(spec: DimensionsSpec | undefined): DimensionSchema[] {
  return (spec?.dimensions ?? []).map((dimension) =>
    typeof dimension === 'string' ? { name: dimension, type: 'string' } : { name: dimension.name, type: (dimension.type ?? 'string') as DimensionType },
  );
}

export interface DimensionPlan {
  readonly declared: readonly DimensionSchema[];
  /** Whether input fields not declared become dimensions too, and with which type rule. */
  readonly discover: 'none' | 'string' | 'auto';
  readonly excluded: ReadonlySet<string>;
}

export function planDimensions(spec: DimensionsSpec | undefined, timestampSpec: TimestampSpec, metricsSpec: readonly MetricSpec[]): DimensionPlan {
  const declared = declaredDimensions(spec);
  const discovery = spec?.useSchemaDiscovery === true;
  const discover = discovery ? 'auto' : declared.length === 0 || spec?.includeAllDimensions === true ? 'string' : 'none';
  const excluded = new Set<string>(['__time', timestampSpec.column ?? 'timestamp', ...(spec?.dimensionExclusions ?? [])]);
  for (const metric of metricsSpec) if (metric.fieldName) excluded.add(metric.fieldName);
  for (const metric of metricsSpec) excluded.add(metric.name);
  return { declared, discover, excluded };
}

function toNumber(value: unknown, integer: boolean): number | bigint | null {
  if (value === null || value === undefined || value === '') return null;
  // A long beyond 2^53 stays exact; other types take the nearest double.
  if (typeof value === 'bigint') return integer ? value : Number(value);
  if (integer && typeof value === 'string' && /^\s*-?\d{16,}\s*$/.test(value) && !Number.isSafeInteger(Number(value))) return BigInt(value.trim());
  const n = typeof value === 'number' ? value : typeof value === 'boolean' ? Number(value) : typeof value === 'string' ? Number(value.trim()) : NaN;
  if (!Number.isFinite(n)) return null;
  return integer ? Math.trunc(n) : n;
}

function toDimensionString(value: unknown): string | (string | null)[] | null {
  if (value === null || value === undefined) return null;
  // A JSON number written with a fraction or exponent is a Java double: Java's text for it (2.0, 1.0E-4).
  if (value instanceof JsonDouble) return value.toString();
  if (Array.isArray(value)) {
    const items = value.map((item) => (item === null || item === undefined ? null : typeof item !== 'object' || item instanceof JsonDouble ? String(item) : stringifyJson(item)));
    // As Druid 33 stores a list in a string dimension: none is null, one is that value.
    return items.length === 0 ? null : items.length === 1 ? items[0] : items;
  }
  if (typeof value === 'object') return stringifyJson(value);
  return String(value);
}

/** Converts an input value to what a dimension of the given type stores. */
export function dimensionValue(type: DimensionType, value: unknown): unknown {
  switch (type) {
    case 'string':
      return toDimensionString(value);
    case 'long':
      return toNumber(value, true);
    case 'float': {
      const n = toNumber(value, false);
      return n === null ? null : Math.fround(Number(n));
    }
    case 'double':
      return toNumber(value, false);
    case 'json':
      return value === undefined ? null : value;
    case 'auto':
      return typeof value === 'boolean' ? String(value) : value === undefined ? null : value;
  }
}

/** The Druid column type a discovered ('auto') value gets. */
export function discoveredType(value: unknown): ColumnType {
  if (typeof value === 'bigint') return 'LONG';
  if (typeof value === 'number') return Number.isInteger(value) ? 'LONG' : 'DOUBLE';
  if (Array.isArray(value)) {
    if (value.every((item) => typeof item === 'bigint' || (typeof item === 'number' && Number.isInteger(item)))) return value.length ? 'ARRAY<LONG>' : 'ARRAY<STRING>';
    if (value.every((item) => typeof item === 'number')) return 'ARRAY<DOUBLE>';
    if (value.every((item) => item === null || typeof item !== 'object')) return 'ARRAY<STRING>';
    return 'COMPLEX<json>';
  }
  if (value !== null && typeof value === 'object') return 'COMPLEX<json>';
  return 'STRING';
}

export function declaredColumnType(type: DimensionType, value: unknown): ColumnType {
  switch (type) {
    case 'long':
      return 'LONG';
    case 'float':
      return 'FLOAT';
    case 'double':
      return 'DOUBLE';
    case 'json':
      return 'COMPLEX<json>';
    case 'auto':
      return discoveredType(value);
    default:
      return 'STRING';
  }
}
