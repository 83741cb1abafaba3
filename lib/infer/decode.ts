// Cutting one record's value into rows of fields under given decode settings. Inference and
// preview share it, so the preview reads a message exactly as inference judged it.
import type { SampleRecord } from './input';
import { textProblem } from './input';
import type { DecodeSettings } from './model';
import { readConnectEnvelope } from './decoders/connect';
import { readDebeziumEvent } from './decoders/debezium';
import { parseDelimited } from './decoders/delimited';
import { isPlainObject, parseJsonObject, type DecodeResult } from './decoders/json';
import { matchLine } from './decoders/regex';
import type { DecodedRow } from './fields';

export interface DecodedMessage {
  /** The parsed message for JSON-family formats: column paths are read from it. */
  readonly message?: Record<string, unknown>;
  readonly rows: readonly DecodedRow[];
  /** Set when the message is the topic's header line, which Druid must not store. */
  readonly isHeader?: boolean;
  /** The header line's fields on the declared columns: what Druid reads from it. */
  readonly headerFields?: Readonly<Record<string, unknown>>;
}

/** Root path of the row object for each JSON-family format. */
export function rootPathFor(settings: DecodeSettings, sampleBase?: string): string | null {
  switch (settings.format) {
    case 'json':
    case 'avro':
    case 'protobuf':
      return '$';
    case 'kafka-connect-json':
      return '$.payload';
    case 'debezium-json':
      return `${sampleBase ?? '$.payload'}.after`;
    default:
      return null;
  }
}

export function isJsonFamily(settings: DecodeSettings): boolean {
  return rootPathFor(settings) !== null;
}

function jsonRows(message: Record<string, unknown>, settings: DecodeSettings): DecodeResult<DecodedMessage> {
  if (settings.format === 'kafka-connect-json') {
    const envelope = readConnectEnvelope(message);
    if (!envelope) return { ok: false, reason: 'not a Kafka Connect envelope ({ schema, payload })' };
    return { ok: true, value: { message, rows: [{ root: envelope.payload }] } };
  }
  if (settings.format === 'debezium-json') {
    const event = readDebeziumEvent(message);
    if (!event) return { ok: false, reason: 'not a Debezium change event (no op, source and after)' };
    const root = Object.create(null) as Record<string, unknown>;
    if (event.image) for (const key of Object.keys(event.image)) root[key] = event.image[key];
    root.op = event.op;
    root.source_ts_ms = event.sourceTsMs;
    const paths = new Map([
      ['op', `${event.base}.op`],
      ['source_ts_ms', `${event.base}.source.ts_ms`],
    ]);
    return { ok: true, value: { message, rows: [{ root, paths }] } };
  }
  return { ok: true, value: { message, rows: [{ root: message }] } };
}

const parsedSamples = new WeakMap<readonly SampleRecord[], (DecodeResult<Record<string, unknown>> | undefined)[]>();

/** A sample record's value parsed as a JSON object, once: format detection and decoding share it. */
export function parseRecordJson(records: readonly SampleRecord[], index: number): DecodeResult<Record<string, unknown>> {
  let parsed = parsedSamples.get(records);
  if (!parsed) {
    parsed = new Array(records.length);
    parsedSamples.set(records, parsed);
  }
  return (parsed[index] ??= parseJsonObject(records[index].text ?? ''));
}

/**
 * Decodes one record; `binary` is the registry-decoded value for Avro and Protobuf, and
 * `sample` (the array holding the record) lets JSON parsing be shared across calls.
 */
export function decodeRecord(record: SampleRecord, settings: DecodeSettings, binary?: unknown, sample?: readonly SampleRecord[]): DecodeResult<DecodedMessage> {
  if (settings.format === 'avro' || settings.format === 'protobuf' || settings.framed) {
    if (binary instanceof Error) return { ok: false, reason: binary.message };
    if (!isPlainObject(binary)) return { ok: false, reason: `the ${settings.format} value was not decoded through the schema registry` };
    return { ok: true, value: { message: binary, rows: [{ root: binary }] } };
  }
  const problem = textProblem(record);
  if (problem) return { ok: false, reason: problem };
  const text = record.text as string;
  switch (settings.format) {
    case 'json':
    case 'kafka-connect-json':
    case 'debezium-json': {
      const parsed = sample && sample[record.index] === record ? parseRecordJson(sample, record.index) : parseJsonObject(text);
      return parsed.ok ? jsonRows(parsed.value, settings) : parsed;
    }
    case 'csv':
    case 'tsv':
    case 'delimited': {
      const parsed = parseDelimited(text, settings.delimiter ?? ',');
      const names = settings.columnNames ?? [];
      if (settings.headerLine !== undefined && text.trim() === settings.headerLine.trim()) {
        const headerFields = parsed.ok && parsed.value.length ? zipColumns(names, parsed.value[0]) : undefined;
        return { ok: true, value: { rows: [], isHeader: true, headerFields } };
      }
      if (!parsed.ok) return parsed;
      return { ok: true, value: { rows: parsed.value.map((fields) => ({ root: zipColumns(names, fields) })) } };
    }
    case 'regex': {
      const matched = matchLine(text, settings.pattern ?? '^(.*)$', settings.columnNames ?? ['line']);
      return matched.ok ? { ok: true, value: { rows: [{ root: matched.value }] } } : matched;
    }
  }
}

/** Like Druid, fields zipped onto columns as far as both go: extra fields are ignored, missing ones are absent. */
function zipColumns(names: readonly string[], fields: readonly string[]): Record<string, unknown> {
  const root = Object.create(null) as Record<string, unknown>;
  const count = Math.min(fields.length, names.length);
  for (let i = 0; i < count; i++) root[names[i]] = fields[i] === '' ? null : fields[i];
  return root;
}

const decodedSamples = new WeakMap<readonly SampleRecord[], Map<string, readonly DecodeResult<DecodedMessage>[]>>();

/**
 * Decodes every record once per decode settings and remembers the result for this sample,
 * so re-previewing an edited plan (roles, types, timestamp) does not parse again.
 */
export function decodeSample(
  records: readonly SampleRecord[],
  settings: DecodeSettings,
  binary?: readonly unknown[],
): readonly DecodeResult<DecodedMessage>[] {
  let bySettings = decodedSamples.get(records);
  if (!bySettings) {
    bySettings = new Map();
    decodedSamples.set(records, bySettings);
  }
  const key = JSON.stringify(settings);
  let results = bySettings.get(key);
  if (!results) {
    results = records.map((record) => decodeRecord(record, settings, binary?.[record.index], records));
    bySettings.set(key, results);
  }
  return results;
}

const columnCaches = new WeakMap<readonly DecodeResult<DecodedMessage>[], Map<string, readonly unknown[]>>();

/** The values of one column for every decoded row, in row order, extracted once per sample. */
export function columnValues(
  results: readonly DecodeResult<DecodedMessage>[],
  key: string,
  read: (message: Record<string, unknown> | undefined, root: Readonly<Record<string, unknown>>) => unknown,
): readonly unknown[] {
  let cache = columnCaches.get(results);
  if (!cache) {
    cache = new Map();
    columnCaches.set(results, cache);
  }
  let values = cache.get(key);
  if (!values) {
    const extracted: unknown[] = [];
    for (const result of results) {
      if (!result.ok) continue;
      for (const row of result.value.rows) extracted.push(read(result.value.message, row.root));
    }
    values = extracted;
    cache.set(key, values);
  }
  return values;
}

/** Seeds the column cache with values inference already collected (same row order). */
export function seedColumnValues(results: readonly DecodeResult<DecodedMessage>[], key: string, values: readonly unknown[]): void {
  let cache = columnCaches.get(results);
  if (!cache) {
    cache = new Map();
    columnCaches.set(results, cache);
  }
  if (!cache.has(key)) cache.set(key, values);
}

/** Cache key of a column: its path for JSON-family formats, else its name. */
export function columnKey(jsonFamily: boolean, name: string, path: string | undefined): string {
  return jsonFamily && path ? path : `name:${name}`;
}

const derivedCaches = new WeakMap<readonly DecodeResult<DecodedMessage>[], Map<string, unknown>>();

/** Something computed from a sample's decoded rows (interned ids, parsed times), once per key. */
export function derived<T>(results: readonly DecodeResult<DecodedMessage>[], key: string, compute: () => T): T {
  let cache = derivedCaches.get(results);
  if (!cache) {
    cache = new Map();
    derivedCaches.set(results, cache);
  }
  if (!cache.has(key)) cache.set(key, compute());
  return cache.get(key) as T;
}
