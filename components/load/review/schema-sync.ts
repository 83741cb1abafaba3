// Keeps hand-edited JSON and the schema steps in step. Schema changes made in the earlier steps
// reach the JSON piece by piece (a piece the steps changed replaces the JSON's; every other hand
// edit stays), and JSON edits to granularity, rollup, the timestamp, and which columns are
// dimensions or metrics reach the schema steps.
import { applyEdits, modify } from 'jsonc-parser';
import type { Column, ColumnType, Granularity, LoadPlan as SchemaPlan, MetricSpec } from '@/lib/infer/model';
import { getAt, normalizeGranularity, type JsonPath, type SupervisorSpec } from '@/lib/spec';

/** The spec's parts that the schema steps decide. */
const SCHEMA_PIECES: Readonly<Record<string, JsonPath>> = {
  inputFormat: ['spec', 'ioConfig', 'inputFormat'],
  timestampSpec: ['spec', 'dataSchema', 'timestampSpec'],
  dimensionsSpec: ['spec', 'dataSchema', 'dimensionsSpec'],
  metricsSpec: ['spec', 'dataSchema', 'metricsSpec'],
  granularitySpec: ['spec', 'dataSchema', 'granularitySpec'],
  transformSpec: ['spec', 'dataSchema', 'transformSpec'],
};

export type SchemaPieces = Readonly<Record<string, string | undefined>>;

/** The schema pieces of a spec, each as JSON text, to tell later which of them changed. */
export function schemaPiecesOf(spec: SupervisorSpec): SchemaPieces {
  return Object.fromEntries(Object.entries(SCHEMA_PIECES).map(([name, path]) => [name, JSON.stringify(getAt(spec, path))]));
}

/**
 * Writes into `text` the pieces that differ between `basis` (what the steps said when the JSON
 * was last in step with them) and `now` (what they say now). Undefined when nothing changed.
 */
export function carrySchemaChanges(text: string, basis: SchemaPieces, now: SchemaPieces): string | undefined {
  let next = text;
  let changed = false;
  for (const [name, path] of Object.entries(SCHEMA_PIECES)) {
    if (basis[name] === now[name]) continue;
    const value = now[name] === undefined ? undefined : JSON.parse(now[name]);
    next = applyEdits(next, modify(next, [...path], value, { formattingOptions: { insertSpaces: true, tabSize: 2 } }));
    changed = true;
  }
  return changed ? next : undefined;
}

const GRANULARITIES: readonly Granularity[] = ['none', 'second', 'minute', 'fifteen_minute', 'hour', 'day', 'week', 'month', 'year', 'all'];

function granularityOf(value: unknown): Granularity | undefined {
  const g = normalizeGranularity(value);
  return GRANULARITIES.find((known) => known === g);
}

const DIMENSION_TYPES: Readonly<Record<string, ColumnType>> = { long: 'long', float: 'double', double: 'double', json: 'json' };

/**
 * The columns with the roles the JSON gives them: listed in dimensionsSpec → dimension (with its
 * type), read by a metric's fieldName → metric (with that aggregator), neither → not stored.
 * Names the schema steps do not know stay in the JSON only. An empty dimension list or schema
 * discovery lets Druid pick the dimensions itself, so roles are not read back then.
 */
function columnsFromSpec(columns: readonly Column[], spec: SupervisorSpec): readonly Column[] | undefined {
  const { dimensionsSpec, metricsSpec } = spec.spec.dataSchema;
  const listed = dimensionsSpec?.dimensions ?? [];
  if (listed.length === 0 || dimensionsSpec?.useSchemaDiscovery === true) return undefined;
  const dimensionTypes = new Map<string, string>();
  for (const entry of listed) {
    if (typeof entry === 'string') dimensionTypes.set(entry, 'string');
    else if (entry && typeof entry.name === 'string') dimensionTypes.set(entry.name, typeof entry.type === 'string' ? entry.type : 'string');
  }
  const metricByField = new Map<string, MetricSpec>();
  for (const metric of metricsSpec ?? []) {
    const field = (metric as { fieldName?: unknown }).fieldName;
    if (typeof field === 'string' && !metricByField.has(field)) metricByField.set(field, metric as MetricSpec);
  }
  let changed = false;
  const next = columns.map((column): Column => {
    const dimensionType = dimensionTypes.get(column.name);
    if (dimensionType !== undefined) {
      // A multi-value string dimension is a "string" dimension in Druid: keep the array type.
      const type = DIMENSION_TYPES[dimensionType] ?? (column.type.startsWith('array<') ? column.type : 'string');
      if (column.role === 'dimension' && column.type === type) return column;
      changed = true;
      return { ...column, role: 'dimension', type, aggregator: undefined, why: 'listed in dimensionsSpec in the JSON' };
    }
    const metric = metricByField.get(column.name);
    if (metric) {
      if (column.role === 'metric' && sameJson(column.aggregator, metric)) return column;
      changed = true;
      return { ...column, role: 'metric', aggregator: metric, why: `read by the ${metric.type} metric "${metric.name}" in the JSON` };
    }
    if (column.role === 'none') return column;
    changed = true;
    return { ...column, role: 'none', aggregator: undefined, why: 'neither a dimension nor a metric in the JSON' };
  });
  return changed ? next : undefined;
}

function sameJson(a: unknown, b: unknown): boolean {
  const sorted = (value: unknown): unknown =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([x], [y]) => (x < y ? -1 : 1)).map(([k, v]) => [k, sorted(v)]))
      : value;
  return JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
}

/** The schema plan with the JSON's granularity, rollup, timestamp and column roles, or undefined when they agree. */
export function schemaFromSpec(plan: SchemaPlan, spec: SupervisorSpec): SchemaPlan | undefined {
  const { granularitySpec, timestampSpec } = spec.spec.dataSchema;
  const segmentGranularity = granularityOf(granularitySpec?.segmentGranularity) ?? plan.segmentGranularity;
  const queryGranularity = granularityOf(granularitySpec?.queryGranularity) ?? plan.queryGranularity;
  const rollup = typeof granularitySpec?.rollup === 'boolean' ? granularitySpec.rollup : plan.rollup;
  // Fractional epoch seconds are read by a transform, not the timestampSpec: nothing there maps back.
  const column = !plan.timestamp.fractionalSeconds && typeof timestampSpec?.column === 'string' ? timestampSpec.column : plan.timestamp.column;
  const format = !plan.timestamp.fractionalSeconds && typeof timestampSpec?.format === 'string' ? timestampSpec.format : plan.timestamp.format;
  const columns = columnsFromSpec(plan.columns, spec);
  const same =
    !columns &&
    segmentGranularity === plan.segmentGranularity && queryGranularity === plan.queryGranularity && rollup === plan.rollup && column === plan.timestamp.column && format === plan.timestamp.format;
  if (same) return undefined;
  const path = plan.columns.find((c) => c.name === column)?.path;
  const timestamp = column === plan.timestamp.column ? { ...plan.timestamp, format } : { column, format, ...(path ? { path } : {}) };
  return { ...plan, segmentGranularity, queryGranularity, rollup, timestamp, columns: columns ?? plan.columns };
}
