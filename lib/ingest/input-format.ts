// inputFormat: turns a Kafka record into input fields. Supports json, csv, tsv (any delimiter),
// regex and kafka (valueFormat + keyFormat + headerFormat and the kafka.* metadata columns).
// https://druid.apache.org/docs/latest/ingestion/data-formats
import { flatten } from './flatten';
import { JsonDouble, mayHoldDoubles, parseJson, parseJsonMarkingDoubles } from './json';
import { matchRegexLine } from './regex';
import type { InputFields, InputFormat, KafkaRecordInput } from './types';

export const INPUT_FORMATS = ['json', 'csv', 'tsv', 'regex', 'kafka'] as const;

const decoder = new TextDecoder('utf-8');

export function asText(value: Uint8Array | string): string {
  return typeof value === 'string' ? value : decoder.decode(value);
}

/** A record that cannot be read: the message says why, as Druid's parse exceptions do. */
export class ParseError extends Error {}

/** Decodes one record's bytes with a value format (json, csv, tsv, regex). */
export function decodeValue(bytes: Uint8Array | string, format: InputFormat): Record<string, unknown> {
  const text = asText(bytes);
  return format.type === 'json' ? decodeJson(text, format) : decodeLine(firstLine(text), format);
}

/** One line of a line-read format (csv, tsv, regex) as fields. */
function decodeLine(line: string, format: InputFormat): Record<string, unknown> {
  switch (format.type) {
    case 'csv':
      return decodeDelimited(splitCsvLine(line), format);
    case 'tsv':
      return decodeDelimited(line.split(format.delimiter ?? '\t').map((value) => (value === '' ? null : value)), format);
    case 'regex':
      return decodeRegex(line, format);
    default:
      throw new ParseError(`inputFormat type "${format.type}" is not supported`);
  }
}

/**
 * The lines Druid's text readers (csv, tsv, regex) cut a record into, each read as a row of its own.
 * Druid 33 splits on "\n" alone: a "\r" goes with it, a lone "\r" stays in the line; a final
 * newline ends the last line rather than starting an empty one, and an empty record has no lines.
 */
export function druidLines(text: string): string[] {
  const lines = text.split('\n');
  const last = lines.pop() as string;
  const terminated = lines.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  return last === '' ? terminated : [...terminated, last];
}

/** Decodes one record's bytes into every row Druid reads from it: one per line for line-read formats. */
export function decodeValueRows(bytes: Uint8Array | string, format: InputFormat): (Record<string, unknown> | ParseError)[] {
  const text = asText(bytes);
  if (format.type === 'json') return [attempt(() => decodeJson(text, format))];
  if (!(INPUT_FORMATS as readonly string[]).includes(format.type)) return [new ParseError(`inputFormat type "${format.type}" is not supported`)];
  return druidLines(text).map((line) => attempt(() => decodeLine(line, format)));
}

function attempt<T>(decode: () => T): T | ParseError {
  try {
    return decode();
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
}

function decodeRegex(line: string, format: InputFormat): Record<string, unknown> {
  const pattern = format.pattern ?? '';
  const listDelimiter = typeof format.listDelimiter === 'string' ? format.listDelimiter : undefined;
  const fields = matchRegexLine(line, pattern, format.columns, listDelimiter);
  // Druid's words for a line the pattern does not match.
  if (fields === null) throw new ParseError(`Unable to parse row [${clip(line)}]: Incorrect Regex: ${pattern} . No match found.`);
  return fields;
}

/** One text row per record: a record of several lines is refused rather than cut short. */
function firstLine(text: string): string {
  const lines = text.replace(/\r?\n$/, '').split(/\r?\n/);
  if (lines.length > 1) throw new ParseError(`Record holds ${lines.length} lines; the preview reads one row per Kafka record`);
  return lines[0] ?? '';
}

function decodeJson(text: string, format: InputFormat): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = parseJson(text);
  } catch (error) {
    throw new ParseError(`Unable to parse row [${clip(text)}]: ${(error as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ParseError(`Unable to parse row [${clip(text)}]: expected a JSON object`);
  }
  const fields = flatten(parsed as Record<string, unknown>, format.flattenSpec);
  if (mayHoldDoubles(text)) jsonSources.set(fields, { text, format });
  return fields;
}

/** The JSON text decoded fields came from, kept to read its numbers as written when asked. */
const jsonSources = new WeakMap<object, { readonly text: string; readonly format: InputFormat }>();
const writtenFields = new WeakMap<object, Record<string, unknown>>();

/**
 * A decoded JSON field with its numbers as the record wrote them: JsonDouble where the number had
 * a fraction or an exponent (2.0, 1e3), for the string forms Druid gives them. Undefined when the
 * record wrote no such number or the fields did not come from JSON.
 */
export function fieldAsWritten(fields: Readonly<Record<string, unknown>>, name: string): unknown {
  const source = jsonSources.get(fields);
  if (!source) return undefined;
  let written = writtenFields.get(fields);
  if (!written) {
    written = flatten(parseJsonMarkingDoubles(source.text) as Record<string, unknown>, source.format.flattenSpec);
    writtenFields.set(fields, written);
  }
  const value = written[name];
  const marked = value instanceof JsonDouble || (Array.isArray(value) && value.some((item) => item instanceof JsonDouble));
  return marked ? value : undefined;
}

function decodeDelimited(values: readonly (string | null)[], format: InputFormat): Record<string, unknown> {
  const columns = format.columns ?? [];
  if (columns.length === 0) throw new ParseError('inputFormat needs "columns" to read delimited values');
  const listDelimiter = format.listDelimiter ?? '\u0001';
  const out: Record<string, unknown> = {};
  columns.forEach((column, i) => {
    const value = values[i];
    // Columns past the line's last value are absent, as in Druid's event ({ts=null} for an empty line).
    if (value === undefined) return;
    // Empty values are null; only a quoted empty one ("") stays '' (what Druid 33's sampler shows).
    if (value === null) out[column] = null;
    else out[column] = value.includes(listDelimiter) ? value.split(listDelimiter) : value;
  });
  return out;
}

/** Splits one CSV line (RFC 4180 quoting); an empty field is null unless quoted (""). */
export function splitCsvLine(line: string): (string | null)[] {
  const values: (string | null)[] = [];
  let current = '';
  let quoted = false;
  let wasQuoted = false;
  const push = () => values.push(current === '' && !wasQuoted ? null : current);
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        current += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else current += char;
    } else if (char === '"' && current === '') quoted = wasQuoted = true;
    else if (char === ',') {
      push();
      current = '';
      wasQuoted = false;
    } else current += char;
  }
  // Druid keeps a quote that is never closed as text: "multi becomes the value "multi (the rest of a
  // quoted field that spans lines is on the next line, which Druid reads as a row of its own).
  if (quoted) current = `"${current}`;
  push();
  return values;
}

function clip(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}...` : text;
}

/** Reads a record with the spec's inputFormat: the fields Druid would see before the dataSchema. */
export function decodeRecord(record: KafkaRecordInput, format: InputFormat): InputFields {
  if (format.type !== 'kafka') {
    if (record.value === null || record.value === undefined) throw new ParseError('Record has no value');
    return decodeValue(record.value, format);
  }
  const valueFormat = format.valueFormat;
  if (!valueFormat) throw new ParseError('kafka inputFormat needs a valueFormat');
  const fields: Record<string, unknown> =
    record.value === null || record.value === undefined ? {} : decodeValue(record.value, valueFormat);
  return withKafkaColumns(fields, record, format);
}

/**
 * Reads a record into every row Druid reads from it: a record of several lines in a line-read
 * format (csv, tsv, regex) is several rows, as in Druid's sampler and tasks. Each row is its
 * fields or why it cannot be read.
 */
export function decodeRecordRows(record: KafkaRecordInput, format: InputFormat): (InputFields | ParseError)[] {
  if (format.type !== 'kafka') {
    if (record.value === null || record.value === undefined) return [new ParseError('Record has no value')];
    return decodeValueRows(record.value, format);
  }
  const valueFormat = format.valueFormat;
  if (!valueFormat) return [new ParseError('kafka inputFormat needs a valueFormat')];
  const rows = record.value === null || record.value === undefined ? [{}] : decodeValueRows(record.value, valueFormat);
  return rows.map((fields) => (fields instanceof ParseError ? fields : attempt(() => withKafkaColumns(fields, record, format))));
}

/** The kafka inputFormat's columns beside the value's fields: headers, key, record time, topic. */
function withKafkaColumns(fields: Record<string, unknown>, record: KafkaRecordInput, format: InputFormat): InputFields {
  // Headers and key become columns only when their format is given, as in Druid.
  if (format.headerFormat) {
    const prefix = format.headerColumnPrefix ?? (typeof format.headerLabelPrefix === 'string' ? format.headerLabelPrefix : 'kafka.header.');
    for (const [name, value] of Object.entries(record.headers ?? {})) fields[`${prefix}${name}`] = asText(value);
  }
  if (format.keyFormat && record.key !== null && record.key !== undefined) {
    // Druid keeps the first column of the parsed key under keyColumnName.
    const keyFields = decodeValue(record.key, format.keyFormat);
    const first = Object.keys(keyFields)[0];
    fields[format.keyColumnName ?? 'kafka.key'] = first === undefined ? null : keyFields[first];
  }
  fields[format.timestampColumnName ?? 'kafka.timestamp'] = record.timestamp;
  if (record.topic !== undefined) fields[format.topicColumnName ?? 'kafka.topic'] = record.topic;
  return fields;
}
