// The Druid JSON pieces of a load plan: inputFormat (with its flattenSpec), timestampSpec,
// transformSpec, dimensionsSpec, metricsSpec and granularitySpec, ready to drop into a
// Kafka supervisor spec's dataSchema and ioConfig.
import { KAFKA_TIMESTAMP_COLUMN } from './timestamp/candidates';
import type { Column, LoadPlan, MetricSpec, TimestampSpec, TransformSpec } from './model';
import { COUNT_METRIC } from './roles';
import { isJsonFamily } from './decode';

/** Placeholder shown until a Schema Registry URL is configured. */
export const SCHEMA_REGISTRY_URL_PLACEHOLDER = 'http://schema-registry:8081';
/** Druid's web console uses this name for "no timestamp column": Druid falls back to missingValue. */
export const NO_SUCH_COLUMN = '!!!_no_such_column_!!!';

export interface DruidPieces {
  readonly inputFormat: Record<string, unknown>;
  readonly timestampSpec: TimestampSpec;
  readonly transformSpec?: TransformSpec;
  readonly dimensionsSpec: { readonly dimensions: readonly Record<string, unknown>[] };
  readonly metricsSpec: readonly MetricSpec[];
  readonly granularitySpec: {
    readonly type: 'uniform';
    readonly segmentGranularity: string;
    readonly queryGranularity: string;
    readonly rollup: boolean;
  };
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function flattenSpec(plan: LoadPlan): Record<string, unknown> | undefined {
  const { decode } = plan;
  const needsTimestampPath = plan.timestamp.column !== KAFKA_TIMESTAMP_COLUMN && plan.timestamp.path;
  const columns: { name: string; path?: string; type?: string }[] = [...plan.columns];
  if (needsTimestampPath && !columns.some((c) => c.name === plan.timestamp.column)) {
    columns.push({ name: plan.timestamp.column, path: plan.timestamp.path });
  }
  // Field discovery only finds top-level scalars and lists, so nested columns get a path too.
  const withPaths = columns.filter((c) => c.path && (c.path !== `$.${c.name}` || c.type === 'json'));
  const envelope = decode.format === 'kafka-connect-json' || decode.format === 'debezium-json';
  if (!envelope && withPaths.length === 0) return undefined;
  // Envelopes list every field explicitly, so the schema and envelope fields stay out.
  const listed = envelope ? columns.filter((c) => c.path) : withPaths;
  return {
    useFieldDiscovery: !envelope,
    fields: listed.map((c) => ({ type: 'path', name: c.name, expr: c.path })),
  };
}

function valueFormat(plan: LoadPlan, schemaRegistryUrl: string): Record<string, unknown> {
  const { decode } = plan;
  const flatten = isJsonFamily(decode) ? flattenSpec(plan) : undefined;
  const withFlatten = (format: Record<string, unknown>) => (flatten ? { ...format, flattenSpec: flatten } : format);
  switch (decode.format) {
    case 'json':
    case 'kafka-connect-json':
    case 'debezium-json':
      return withFlatten({ type: 'json' });
    case 'avro':
      return withFlatten({ type: 'avro_stream', avroBytesDecoder: { type: 'schema_registry', url: schemaRegistryUrl }, binaryAsString: false });
    case 'protobuf':
      return withFlatten({ type: 'protobuf', protoBytesDecoder: { type: 'schema_registry', url: schemaRegistryUrl } });
    case 'csv':
      return { type: 'csv', columns: decode.columnNames ?? [], findColumnsFromHeader: false, skipHeaderRows: 0 };
    case 'tsv':
    case 'delimited':
      // Druid's "tsv" input format takes any single-character delimiter.
      return { type: 'tsv', delimiter: decode.delimiter ?? '\t', columns: decode.columnNames ?? [], findColumnsFromHeader: false, skipHeaderRows: 0 };
    case 'regex':
      return { type: 'regex', pattern: decode.pattern ?? '^(.*)$', columns: decode.columnNames ?? ['line'] };
  }
}

function dimensionSpec(column: Column): Record<string, unknown> {
  switch (column.type) {
    case 'long':
    case 'double':
    case 'json':
    case 'string':
      return { type: column.type, name: column.name };
    default:
      return { type: 'auto', name: column.name, castToType: column.type.replace('array<', 'ARRAY<').replace(/<(\w+)>/, (_, t: string) => `<${t.toUpperCase()}>`) };
  }
}

function transformSpec(plan: LoadPlan): TransformSpec | undefined {
  const transforms: TransformSpec['transforms'][number][] = [];
  if (plan.timestamp.fractionalSeconds) {
    transforms.push({ type: 'expression', name: '__time', expression: `cast(cast(${quoteIdentifier(plan.timestamp.column)}, 'DOUBLE') * 1000, 'LONG')` });
  }
  const header = plan.decode.headerLine;
  const first = plan.decode.columnNames?.[0];
  const headerValue = header !== undefined && first !== undefined ? header.split(plan.decode.delimiter ?? ',')[0].replace(/^"|"$/g, '').trim() : undefined;
  const filter = headerValue !== undefined ? { type: 'not', field: { type: 'selector', dimension: first, value: headerValue } } : undefined;
  if (transforms.length === 0 && !filter) return undefined;
  return filter ? { transforms, filter } : { transforms };
}

export function toDruidPieces(plan: LoadPlan, schemaRegistryUrl = SCHEMA_REGISTRY_URL_PLACEHOLDER): DruidPieces {
  const inner = valueFormat(plan, schemaRegistryUrl);
  const kafkaTime = plan.timestamp.column === KAFKA_TIMESTAMP_COLUMN;
  const inputFormat = kafkaTime ? { type: 'kafka', valueFormat: inner, timestampColumnName: KAFKA_TIMESTAMP_COLUMN } : inner;
  // Fractional epoch seconds: Druid's timestamp formats would drop or reject the fraction
  // (see timestamp/formats.ts), so __time comes from an expression transform instead and
  // the timestampSpec only supplies a placeholder through missingValue.
  const timestampSpec: TimestampSpec = plan.timestamp.fractionalSeconds
    ? { column: NO_SUCH_COLUMN, format: 'auto', missingValue: '1970-01-01T00:00:00Z' }
    : { column: plan.timestamp.column, format: plan.timestamp.format };
  const metrics = plan.columns.filter((c) => c.role === 'metric' && c.aggregator).map((c) => c.aggregator as MetricSpec);
  const pieces: DruidPieces = {
    inputFormat,
    timestampSpec,
    dimensionsSpec: { dimensions: plan.columns.filter((c) => c.role === 'dimension').map(dimensionSpec) },
    metricsSpec: [COUNT_METRIC, ...metrics],
    granularitySpec: {
      type: 'uniform',
      segmentGranularity: plan.segmentGranularity.toUpperCase(),
      queryGranularity: plan.queryGranularity.toUpperCase(),
      rollup: plan.rollup,
    },
  };
  const transforms = transformSpec(plan);
  return transforms ? { ...pieces, transformSpec: transforms } : pieces;
}
