// metricsSpec aggregators the engine computes at ingestion time, and how rollup combines them.
// https://druid.apache.org/docs/latest/querying/aggregations
import { stringifyJson } from './json';
import type { MetricSpec } from './types';

export type MetricColumnType = 'LONG' | 'FLOAT' | 'DOUBLE' | 'STRING';

interface Aggregator {
  readonly type: MetricColumnType;
  /** The metric's value for one input row. */
  readonly single: (input: unknown) => unknown;
  /** Combines two stored values of one rollup group; `a` arrived first. */
  readonly combine: (a: unknown, b: unknown) => unknown;
}

function toLong(value: unknown): number | null {
  const n = toDouble(value);
  return n === null ? null : Math.trunc(n);
}

function toDouble(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isNaN(n) ? null : n;
  }
  return null;
}

function toFloat(value: unknown): number | null {
  const n = toDouble(value);
  return n === null ? null : Math.fround(n);
}

function toStringValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'object' ? stringifyJson(value) : String(value);
}

// SQL-compatible null handling: nulls are skipped, and an aggregate of only nulls is null.
const nullSafe = (fn: (a: number, b: number) => number) => (a: unknown, b: unknown) =>
  a === null || a === undefined ? b : b === null || b === undefined ? a : fn(a as number, b as number);

const sum = nullSafe((a, b) => a + b);
const min = nullSafe(Math.min);
const max = nullSafe(Math.max);
const first = (a: unknown, b: unknown) => (a === null || a === undefined ? b : a);
const last = (a: unknown, b: unknown) => (b === null || b === undefined ? a : b);

const numeric = (type: 'LONG' | 'FLOAT' | 'DOUBLE') => (type === 'LONG' ? toLong : type === 'FLOAT' ? toFloat : toDouble);

function family(prefix: 'long' | 'float' | 'double', type: 'LONG' | 'FLOAT' | 'DOUBLE'): Record<string, Aggregator> {
  const single = numeric(type);
  const floatSum = type === 'FLOAT' ? (a: unknown, b: unknown) => { const s = sum(a, b); return s === null ? null : Math.fround(s as number); } : sum;
  return {
    [`${prefix}Sum`]: { type, single, combine: floatSum },
    [`${prefix}Min`]: { type, single, combine: min },
    [`${prefix}Max`]: { type, single, combine: max },
    [`${prefix}First`]: { type, single, combine: first },
    [`${prefix}Last`]: { type, single, combine: last },
  };
}

const AGGREGATORS: Readonly<Record<string, Aggregator>> = {
  count: { type: 'LONG', single: () => 1, combine: sum },
  ...family('long', 'LONG'),
  ...family('float', 'FLOAT'),
  ...family('double', 'DOUBLE'),
  stringFirst: { type: 'STRING', single: toStringValue, combine: first },
  stringLast: { type: 'STRING', single: toStringValue, combine: last },
};

export const METRIC_TYPES: readonly string[] = Object.keys(AGGREGATORS);

export function isSupportedMetric(type: string): boolean {
  return Object.hasOwn(AGGREGATORS, type);
}

function aggregatorOf(metric: MetricSpec): Aggregator {
  const aggregator = AGGREGATORS[metric.type];
  if (!aggregator) throw new Error(`metric type "${metric.type}" is not supported by the preview`);
  return aggregator;
}

/** The column type a metric is stored as. */
export function metricColumnType(metric: MetricSpec): MetricColumnType {
  return aggregatorOf(metric).type;
}

/** A metric's value for one input row, read from its fieldName. */
export function metricValue(metric: MetricSpec, fields: Readonly<Record<string, unknown>>): unknown {
  const input = metric.fieldName === undefined ? undefined : fields[metric.fieldName];
  const value = aggregatorOf(metric).single(input);
  // A stringFirst/Last keeps at most maxStringBytes (Druid default 1024).
  if (typeof value === 'string' && metric.type.startsWith('string')) {
    const limit = typeof metric.maxStringBytes === 'number' ? metric.maxStringBytes : 1024;
    return value.length > limit ? value.slice(0, limit) : value;
  }
  return value;
}

/** Combines two values of the same metric from rows of one rollup group. */
export function combineMetric(metric: MetricSpec, a: unknown, b: unknown): unknown {
  return aggregatorOf(metric).combine(a, b);
}
