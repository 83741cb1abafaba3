// The parts of a Kafka supervisor spec that decide what a record becomes as a Druid row,
// and the shapes a record and a row take on their way through the pipeline.

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

export interface KafkaRecordInput {
  readonly value: Uint8Array | string | null;
  readonly key?: Uint8Array | string | null;
  /** The Kafka record timestamp, epoch milliseconds. */
  readonly timestamp: number;
  readonly headers?: Readonly<Record<string, string | Uint8Array>>;
  readonly topic?: string;
  readonly partition?: number;
  /** Kafka offsets are 64-bit: kept as a decimal string. */
  readonly offset?: string;
}

/** A row as Druid would store it: `__time` in epoch ms plus dimension and metric columns. */
export interface IngestRow {
  readonly __time: number;
  readonly [column: string]: unknown;
}

/** The input fields a record decoded to, before timestamp, dimension and metric handling. */
export type InputFields = Readonly<Record<string, unknown>>;

export type ParseResult =
  /** `columnErrors` lists values that could not be read as their column's type (stored as null): Druid's processedWithError. */
  | { readonly kind: 'row'; readonly row: IngestRow; readonly input: InputFields; readonly columnErrors?: readonly string[] }
  | { readonly kind: 'unparseable'; readonly reason: string; readonly input?: InputFields }
  | { readonly kind: 'thrownAway'; readonly reason: string; readonly input?: InputFields };

export type Spec = Readonly<Record<string, unknown>>;

export interface FlattenField {
  readonly type: 'root' | 'path' | 'jq' | 'tree';
  readonly name: string;
  readonly expr?: string;
  readonly nodes?: readonly string[];
}

export interface FlattenSpec {
  readonly useFieldDiscovery?: boolean;
  readonly fields?: readonly FlattenField[];
}

export interface InputFormat {
  readonly type: string;
  readonly flattenSpec?: FlattenSpec | null;
  readonly columns?: readonly string[];
  readonly findColumnsFromHeader?: boolean;
  readonly skipHeaderRows?: number;
  readonly delimiter?: string;
  readonly listDelimiter?: string;
  /** The regex format's Java regular expression; its capture groups become `columns`. */
  readonly pattern?: string;
  readonly valueFormat?: InputFormat;
  readonly keyFormat?: InputFormat | null;
  readonly headerFormat?: { readonly type: string; readonly encoding?: string } | null;
  readonly timestampColumnName?: string;
  readonly topicColumnName?: string;
  readonly keyColumnName?: string;
  readonly headerColumnPrefix?: string;
  readonly [other: string]: unknown;
}

export interface TimestampSpec {
  readonly column?: string;
  readonly format?: string;
  readonly missingValue?: string | number | null;
}

export type DimensionType = 'string' | 'long' | 'float' | 'double' | 'json' | 'auto';

export interface DimensionSchema {
  readonly name: string;
  readonly type: DimensionType;
}

export interface DimensionsSpec {
  readonly dimensions?: readonly (string | { readonly name: string; readonly type?: string; readonly [k: string]: unknown })[];
  readonly dimensionExclusions?: readonly string[];
  readonly useSchemaDiscovery?: boolean;
  readonly includeAllDimensions?: boolean;
  readonly spatialDimensions?: readonly unknown[];
}

export interface MetricSpec {
  readonly type: string;
  readonly name: string;
  readonly fieldName?: string;
  readonly [other: string]: unknown;
}

export type Granularity = string | { readonly type: string; readonly period?: string; readonly duration?: number; readonly timeZone?: string | null; readonly origin?: string | null };

export interface GranularitySpec {
  readonly type?: string;
  readonly segmentGranularity?: Granularity;
  readonly queryGranularity?: Granularity | null;
  readonly rollup?: boolean;
  readonly intervals?: readonly string[] | null;
}

export interface Filter {
  readonly type: string;
  readonly [field: string]: unknown;
}

export interface TransformSpec {
  readonly filter?: Filter | null;
  readonly transforms?: readonly { readonly type: string; readonly name: string; readonly expression?: string }[];
}

export interface IngestSpec {
  readonly inputFormat: InputFormat;
  readonly timestampSpec: TimestampSpec;
  readonly dimensionsSpec?: DimensionsSpec;
  readonly transformSpec?: TransformSpec | null;
  readonly metricsSpec?: readonly MetricSpec[];
  readonly granularitySpec?: GranularitySpec;
}

/** A problem with a spec, located by its JSON path. */
export interface SpecIssue {
  readonly path: string;
  readonly message: string;
}
