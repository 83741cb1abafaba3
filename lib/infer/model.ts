// Shared readonly shapes of the inference model: what a sample decodes to, what a load plan
// says, and what inference answers. Druid pieces are kept as Druid's own JSON.

export type ColumnType =
  | 'string'
  | 'long'
  | 'double'
  | 'json'
  | 'array<string>'
  | 'array<long>'
  | 'array<double>';

export type Role = 'dimension' | 'metric' | 'none';

export type InputFormatName =
  | 'json'
  | 'csv'
  | 'tsv'
  | 'delimited'
  | 'regex'
  | 'kafka-connect-json'
  | 'debezium-json'
  | 'avro'
  | 'protobuf';

/** Druid JSON for one aggregator (`{ type: 'longSum', name, fieldName }`). */
export interface MetricSpec {
  readonly type: string;
  readonly name: string;
  readonly fieldName?: string;
  readonly [other: string]: unknown;
}

export interface TimestampSpec {
  readonly column: string;
  readonly format: string;
  readonly missingValue?: string;
}

export interface TransformSpec {
  readonly transforms: readonly { readonly type: 'expression'; readonly name: string; readonly expression: string }[];
  readonly filter?: Readonly<Record<string, unknown>>;
}

export interface Column {
  readonly name: string;
  /** Where the value sits in the decoded message: a JSONPath (`$.payload.amount`) for JSON-family formats. */
  readonly path?: string;
  readonly type: ColumnType;
  readonly role: Role;
  readonly aggregator?: MetricSpec;
  readonly why: string;
  readonly distinctCount?: number;
  readonly highCardinality?: boolean;
  /** A sketch for distinct counts, offered instead of a high-cardinality dimension. */
  readonly sketch?: MetricSpec;
}

/** How the timestamp is read. `fractionalSeconds` means epoch seconds with a fraction. */
export interface TimestampChoice {
  readonly column: string;
  readonly path?: string;
  readonly format: string;
  readonly fractionalSeconds?: boolean;
}

export interface TimestampCandidate extends TimestampChoice {
  readonly score: number;
  readonly parseRate: number;
  readonly why: string;
  readonly evidence: {
    readonly parsed: number;
    readonly total: number;
    readonly distinct: number;
    readonly minMs: number | null;
    readonly maxMs: number | null;
    /** Median distance to the Kafka record time, ms; null without Kafka times. */
    readonly medianKafkaLagMs: number | null;
    readonly ordered: number;
  };
}

/** How raw values are cut into fields; the same settings drive inference and preview. */
export interface DecodeSettings {
  readonly format: InputFormatName;
  readonly delimiter?: string;
  readonly listDelimiter?: string;
  /** Declared column order for delimited and regex formats. */
  readonly columnNames?: readonly string[];
  /** The header line, when the topic carries one as its own message: it is dropped. */
  readonly headerLine?: string;
  readonly pattern?: string;
  /** Values carry Schema Registry framing and are decoded through the registry. */
  readonly framed?: boolean;
}

export interface LoadPlan {
  readonly decode: DecodeSettings;
  readonly timestamp: TimestampChoice;
  readonly columns: readonly Column[];
  readonly rollup: boolean;
  readonly queryGranularity: Granularity;
  readonly segmentGranularity: Granularity;
  /** Druid's ioConfig.lateMessageRejectionPeriod, when one is set. */
  readonly lateMessageRejectionPeriod?: string;
}

export type Granularity = 'none' | 'second' | 'minute' | 'fifteen_minute' | 'hour' | 'day' | 'week' | 'month' | 'year' | 'all';

export interface Warning {
  readonly code: string;
  readonly message: string;
  readonly column?: string;
}

export interface RecordIssue {
  /** Index of the record in the sample. */
  readonly index: number;
  readonly partition?: number;
  readonly offset?: string;
  readonly reason: string;
}
