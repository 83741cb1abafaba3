// inputFormat: turns a Kafka record into input fields. Supports json, csv, tsv (any delimiter),
// regex and kafka (valueFormat + keyFormat + headerFormat and the kafka.* metadata columns).
// https://druid.apache.org/docs/latest/ingestion/data-formats
import { flatten } from './flatten';
import { parseJson } from './json';
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
  switch (format.type) {
    case 'json':
      return decodeJson(text, format);
    case 'csv':
      return decodeDelimited(splitCsvLine(firstLine(text)), format);
    case 'tsv':
      return decodeDelimited(firstLine(text).split(format.delimiter ?? '\t').map((value) => (value === '' ? null : value)), format);
    case 'regex':
      return decodeRegex(firstLine(text), format);
    default:
      throw new ParseError(`inputFormat type "${format.type}" is not supported`);
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
  if (lines.length > 1) throw new ParseError(`Record holds ${lines.length} lines; the local engine reads one row per Kafka record`);
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
  return flatten(parsed as Record<string, unknown>, format.flattenSpec);
}

function decodeDelimited(values: readonly (string | null)[], format: InputFormat): Record<string, unknown> {
  const columns = format.columns ?? [];
  if (columns.length === 0) throw new ParseError('inputFormat needs "columns" to read delimited values');
  const listDelimiter = format.listDelimiter ?? '\u0001';
  const out: Record<string, unknown> = {};
  columns.forEach((column, i) => {
    const value = values[i];
    // Missing and empty values are null; only a quoted empty one ("") stays '' (what Druid 33's sampler shows).
    if (value === undefined || value === null) out[column] = null;
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
  if (quoted) throw new ParseError(`Unable to parse row [${clip(line)}]: unterminated quote`);
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
