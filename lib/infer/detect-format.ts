// Deciding the input format from the whole sample, tolerating a few malformed messages:
// each usable message votes, and the format most of them agree on wins.
import type { SampleRecord } from './input';
import { textProblem } from './input';
import type { DecodeSettings } from './model';
import { readConnectEnvelope } from './decoders/connect';
import { readDebeziumEvent } from './decoders/debezium';
import { columnNamesFromHeader, defaultColumnNames, detectDelimiter, detectHeader, formatForDelimiter, parseDelimited } from './decoders/delimited';
import { looksLikeJsonObject } from './decoders/json';
import { parseRecordJson } from './decode';
import { detectLogPattern } from './decoders/regex';
import { hasConfluentFraming } from './decoders/confluent';

export interface FormatDecision {
  readonly settings: DecodeSettings;
  readonly why: string;
  /** Set when values carry Confluent Schema Registry framing. */
  readonly confluent?: boolean;
}

/** Messages inspected to decide; enough to be sure, cheap on big samples. */
const VOTERS = 1000;
/** A format needs this share of the usable messages. */
const MAJORITY = 0.5;

export const WHOLE_LINE_PATTERN = '^(.*)$';

export function detectFormat(records: readonly SampleRecord[]): FormatDecision {
  const voters = records.slice(0, VOTERS);
  const framed = voters.filter(hasConfluentFraming).length;
  const usable = voters.filter((r) => !textProblem(r));
  const nonNull = voters.filter((r) => r.text !== null || r.bytes !== undefined).length;
  if (framed > 0 && framed >= nonNull * MAJORITY) {
    return {
      settings: { format: 'json' },
      confluent: true,
      why: `${framed} of ${nonNull} values start with the Schema Registry magic byte and a schema id`,
    };
  }
  const texts = usable.map((r) => r.text as string);
  if (texts.length === 0) {
    return { settings: { format: 'json' }, why: 'no message in the sample is readable text; assuming JSON' };
  }
  const objects: Record<string, unknown>[] = [];
  for (const record of usable) {
    if (!looksLikeJsonObject(record.text as string)) continue;
    const parsed = parseRecordJson(records, record.index);
    if (parsed.ok) objects.push(parsed.value);
  }
  const jsonCandidates = texts.filter(looksLikeJsonObject).length;
  if (jsonCandidates >= texts.length * MAJORITY && objects.length > 0) {
    const debezium = objects.filter((o) => readDebeziumEvent(o) !== null).length;
    if (debezium >= objects.length * 0.8) {
      return { settings: { format: 'debezium-json' }, why: `${debezium} of ${objects.length} JSON messages are Debezium change events (op, source, after)` };
    }
    const connect = objects.filter((o) => readConnectEnvelope(o) !== null).length;
    if (connect >= objects.length * 0.8) {
      return { settings: { format: 'kafka-connect-json' }, why: `${connect} of ${objects.length} JSON messages are Kafka Connect envelopes (schema + payload)` };
    }
    return { settings: { format: 'json' }, why: `${objects.length} of ${texts.length} messages are JSON objects` };
  }
  const log = detectLogPattern(texts);
  if (log) {
    return {
      settings: { format: 'regex', pattern: log.pattern.pattern, columnNames: log.pattern.columns },
      why: `${Math.round(log.share * 100)}% of lines match the ${log.pattern.name} pattern`,
    };
  }
  const delimiter = detectDelimiter(texts);
  if (delimiter && delimiter.consistency >= 0.6) {
    const rows = texts.slice(0, 200).map((t) => {
      const parsed = parseDelimited(t, delimiter.delimiter);
      return parsed.ok && parsed.value.length ? parsed.value[0] : [];
    });
    const headerIndex = detectHeader(rows);
    const format = formatForDelimiter(delimiter.delimiter);
    const shown = delimiter.delimiter === '\t' ? 'tab' : `"${delimiter.delimiter}"`;
    const split = `${Math.round(delimiter.consistency * 100)}% of messages split on ${shown} into ${delimiter.fieldCount} fields`;
    if (headerIndex >= 0) {
      return {
        settings: { format, delimiter: delimiter.delimiter, columnNames: columnNamesFromHeader(rows[headerIndex]), headerLine: texts[headerIndex] },
        why: `${split}; message ${headerIndex + 1} is a header line: its names are declared as columns and the line itself is dropped`,
      };
    }
    return {
      settings: { format, delimiter: delimiter.delimiter, columnNames: defaultColumnNames(delimiter.fieldCount) },
      why: `${split}; no header line, so the columns get generic names`,
    };
  }
  return {
    settings: { format: 'regex', pattern: WHOLE_LINE_PATTERN, columnNames: ['line'] },
    why: 'no structure found (not JSON, not delimited, no known log pattern): each message is one text column',
  };
}
