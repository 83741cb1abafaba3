// inferSchema: a sample of Kafka messages in, the Druid schema out, every choice explained.
// The steps are the modules beside this one: detect the format, decode, collect fields,
// rank timestamps, type and role each column, choose granularity, preview, warn.
import { decodeFramedSample, type SchemaResolver } from './decoders/confluent-decode';
import { buildColumns, RENAMED_TIME, RESERVED_TIME } from './columns';
import { CONNECT_TIMESTAMP, readConnectEnvelope, type ConnectField } from './decoders/connect';
import { isPlainObject } from './decoders/json';
import { columnKey, decodeSample, isJsonFamily, rootPathFor, seedColumnValues } from './decode';
import { detectFormat } from './detect-format';
import { toDruidPieces, type DruidPieces } from './druid-spec';
import { collectFields, type DecodedRow } from './fields';
import { rowKeys, suggestGranularity } from './granularity';
import { toSampleRecords, type SampleRecord } from './input';
import type { Column, DecodeSettings, InputFormatName, LoadPlan, RecordIssue, TimestampCandidate, Warning } from './model';
import { parsedTimesFor, previewPrepared, type PreparedSample, type Preview } from './preview';
import { KAFKA_TIMESTAMP_COLUMN, rankTimestampCandidates } from './timestamp/candidates';
import { collectWarnings } from './warnings';

export interface InferOptions {
  /** Epoch ms treated as now (tests pin it); defaults to the clock. */
  readonly now?: number;
  readonly schemaResolver?: SchemaResolver;
  /** The supervisor's ioConfig.useEarliestOffset, for the old-data warning. */
  readonly useEarliestOffset?: boolean;
  readonly schemaRegistryUrl?: string;
  readonly lateMessageRejectionPeriod?: string;
}

export interface InferResult extends DruidPieces {
  readonly format: InputFormatName;
  readonly formatWhy: string;
  readonly timestamp: TimestampCandidate;
  readonly timestampCandidates: readonly TimestampCandidate[];
  readonly columns: readonly Column[];
  readonly rollupWhy: string;
  readonly plan: LoadPlan;
  readonly preview: Omit<Preview, 'eventTimes'>;
  readonly warnings: readonly Warning[];
  /** The decoded sample, for previewPlan; not enumerable, so JSON answers leave it out. */
  readonly sample: PreparedSample;
}

/** Rows used to judge rollup and granularity: plenty to estimate a ratio and a rate. */
const GRANULARITY_ROWS = 5000;

interface Decoded {
  readonly rows: DecodedRow[];
  readonly kafkaTimes: number[];
  readonly issues: RecordIssue[];
  readonly firstMessage?: Record<string, unknown>;
}

function decodeAll(records: readonly SampleRecord[], settings: DecodeSettings, binary?: readonly unknown[]): Decoded {
  const rows: DecodedRow[] = [];
  const kafkaTimes: number[] = [];
  const issues: RecordIssue[] = [];
  let firstMessage: Record<string, unknown> | undefined;
  const results = decodeSample(records, settings, binary);
  for (const record of records) {
    const decoded = results[record.index];
    if (!decoded.ok) {
      issues.push({ index: record.index, partition: record.partition, offset: record.offset, reason: decoded.reason });
      continue;
    }
    firstMessage ??= decoded.value.message;
    for (const row of decoded.value.rows) {
      rows.push(row);
      kafkaTimes.push(record.kafkaTime ?? NaN);
    }
  }
  return { rows, kafkaTimes, issues, firstMessage };
}

function schemaFields(settings: DecodeSettings, first: Record<string, unknown> | undefined): Map<string, ConnectField> {
  const fields = new Map<string, ConnectField>();
  if (!first) return fields;
  if (settings.format === 'kafka-connect-json') {
    for (const field of readConnectEnvelope(first)?.fields ?? []) fields.set(field.field, field);
  }
  if (settings.format === 'debezium-json' && isPlainObject(first.schema) && Array.isArray(first.schema.fields)) {
    const after = first.schema.fields.find((f) => isPlainObject(f) && f.field === 'after');
    if (isPlainObject(after) && Array.isArray(after.fields)) {
      for (const field of after.fields) if (isPlainObject(field) && typeof field.field === 'string') fields.set(field.field, field as unknown as ConnectField);
    }
  }
  return fields;
}

export async function inferSchema(input: unknown, options: InferOptions = {}): Promise<InferResult> {
  const now = options.now ?? Date.now();
  const records = toSampleRecords(input);
  const decision = detectFormat(records);
  let settings = decision.settings;
  let formatWhy = decision.why;
  const extraWarnings: Warning[] = [];
  let binary: unknown[] | undefined;
  if (decision.confluent) {
    const framed = await decodeFramedSample(records, options.schemaResolver);
    settings = { format: framed.format, framed: true };
    formatWhy = `${decision.why}; ${framed.why}`;
    binary = framed.values;
    extraWarnings.push(...framed.warnings);
  }

  const decoded = decodeAll(records, settings, binary);
  const base = decoded.firstMessage && 'schema' in decoded.firstMessage && isPlainObject(decoded.firstMessage.payload) ? '$.payload' : '$';
  const collected = collectFields(decoded.rows, rootPathFor(settings, base));
  const results = decodeSample(records, settings, binary);
  for (const stat of collected.fields) seedColumnValues(results, columnKey(isJsonFamily(settings), stat.name, stat.path || undefined), stat.values);
  const hasKafkaTimes = records.length > 0 && records.every((r) => r.kafkaTime !== undefined);
  const connectFields = schemaFields(settings, decoded.firstMessage);

  const timeHints = new Map<string, string>();
  for (const [name, field] of connectFields) if (field.name === CONNECT_TIMESTAMP) timeHints.set(name, 'the Connect schema marks it a Timestamp');
  if (settings.format === 'debezium-json') timeHints.set('source_ts_ms', 'Debezium source.ts_ms, when the change happened in the database');
  const candidates = rankTimestampCandidates(
    collected.fields.map((f) => ({ name: f.name, path: f.path, values: f.values })),
    hasKafkaTimes ? decoded.kafkaTimes : undefined,
    now,
    timeHints,
  );
  const chosen = candidates[0];
  const { columns, timeStat, renamedTimeColumn } = buildColumns({ fields: collected.fields, candidates, connectFields, now });
  if (renamedTimeColumn && settings.columnNames) {
    settings = { ...settings, columnNames: settings.columnNames.map((c) => (c === RESERVED_TIME ? RENAMED_TIME : c)) };
  }

  const dimensionStats = collected.fields.filter((_, i) => columns[i].role === 'dimension');
  const judged = Math.min(decoded.rows.length, GRANULARITY_ROWS);
  const allKeys = rowKeys(dimensionStats.map((stat) => stat.values), judged);
  const parsedTimes = timeStat
    ? parsedTimesFor(results, columnKey(isJsonFamily(settings), timeStat.name, timeStat.path || undefined), timeStat.values, chosen)
    : null;
  const times: number[] = [];
  const keys: number[] = [];
  for (let i = 0; i < judged; i++) {
    const t = parsedTimes ? parsedTimes[i] : decoded.kafkaTimes[i];
    if (!Number.isFinite(t)) continue;
    times.push(t);
    keys.push(allKeys[i]);
  }
  const granularity = suggestGranularity(times, keys, hasKafkaTimes ? decoded.kafkaTimes : times);

  const plan: LoadPlan = {
    decode: settings,
    timestamp: { column: chosen.column, path: chosen.path, format: chosen.format, fractionalSeconds: chosen.fractionalSeconds },
    columns,
    rollup: granularity.rollup,
    queryGranularity: granularity.queryGranularity,
    segmentGranularity: granularity.segmentGranularity,
    lateMessageRejectionPeriod: options.lateMessageRejectionPeriod,
  };
  const sample: PreparedSample = { records, binary };
  const preview = previewPrepared(sample, plan, { now });
  const warnings = [
    ...extraWarnings,
    ...collectWarnings({ plan, preview, now, useEarliestOffset: options.useEarliestOffset, hasKafkaTimes, renamedTimeColumn }),
  ];
  if (collected.truncated) {
    warnings.push({ code: 'too-many-fields', message: `the messages have more fields than inference considers (${collected.fields.length}); the rest are left out of the schema` });
  }
  const { eventTimes: _eventTimes, ...shownPreview } = preview;
  const result: Omit<InferResult, 'sample'> = {
    format: settings.format,
    formatWhy,
    ...toDruidPieces(plan, options.schemaRegistryUrl),
    timestamp: chosen,
    timestampCandidates: candidates,
    columns,
    rollupWhy: granularity.why,
    plan,
    preview: shownPreview,
    warnings,
  };
  // The decoded sample stays out of JSON answers and spreads: it is for previewPlan in the same process.
  return Object.defineProperty(result, 'sample', { value: sample, enumerable: false }) as typeof result & Pick<InferResult, 'sample'>;
}

export { KAFKA_TIMESTAMP_COLUMN };
