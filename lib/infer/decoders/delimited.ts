// CSV, TSV and other delimited messages. Every Kafka record is parsed on its own, so a header
// is never carried from one record to the next: inference declares the columns and, when
// the topic carries its header as a message of its own, drops that message.
import Papa from 'papaparse';
import type { DecodeResult } from './json';

export const DELIMITERS = [',', '\t', '|', ';'] as const;

/**
 * Splits one message into rows of fields. Quoted fields may hold delimiters; Druid reads a
 * record line by line, though, so a quoted field cannot span lines: such a line is reported
 * as the parse error Druid would hit.
 */
export function parseDelimited(text: string, delimiter: string): DecodeResult<string[][]> {
  if (text.trim() === '') return { ok: false, reason: 'the value is empty' };
  const rows: string[][] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    // Lines end at a line feed only, as Druid reads them: a carriage return before it goes with
    // it, one that ends the message stays in the last value.
    const result = Papa.parse<string[]>(lines[i], { delimiter, quoteChar: '"', newline: '\n' });
    if (result.errors.some((e) => e.type === 'Quotes')) {
      const where = lines.length > 1 ? `line ${i + 1} of ${lines.length}` : 'the line';
      const spans = lines.length > 1 ? ' (Druid reads delimited values line by line, so a quoted field cannot span lines)' : '';
      return { ok: false, reason: `unbalanced quotes in ${where}${spans}` };
    }
    rows.push(...result.data);
  }
  return { ok: true, value: rows };
}

export interface DelimiterChoice {
  readonly delimiter: string;
  readonly fieldCount: number;
  /** Share of messages with exactly fieldCount fields. */
  readonly consistency: number;
}

/** The delimiter that splits most messages into the same number (>1) of fields. */
export function detectDelimiter(texts: readonly string[]): DelimiterChoice | null {
  let best: DelimiterChoice | null = null;
  const sample = texts.slice(0, 200);
  for (const delimiter of DELIMITERS) {
    if (!sample.some((text) => text.includes(delimiter))) continue;
    const counts = new Map<number, number>();
    for (const text of sample) {
      const parsed = parseDelimited(text, delimiter);
      const n = parsed.ok && parsed.value.length > 0 ? parsed.value[0].length : 0;
      counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    const [fieldCount, hits] = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
    if (fieldCount < 2) continue;
    const consistency = hits / sample.length;
    if (!best || consistency > best.consistency + 0.05 || (Math.abs(consistency - best.consistency) <= 0.05 && fieldCount > best.fieldCount)) {
      best = { delimiter, fieldCount, consistency };
    }
  }
  return best;
}

const HEADER_FIELD = /^\s*[A-Za-z_@][\w .@:/-]*\s*$/;
const NUMBER_LIKE = /^\s*-?\d+([.,:/ -]\d+)*\s*$/;

/**
 * The header line, if the sample has one: a row of name-like fields whose columns hold
 * different kinds of values (numbers, times) in the other rows. It is looked for among the
 * first messages, since a producer writes it once when it starts (once per partition, maybe).
 */
export function detectHeader(rows: readonly (readonly string[])[]): number {
  const limit = Math.min(rows.length, 20);
  for (let candidate = 0; candidate < limit; candidate++) {
    const header = rows[candidate];
    if (header.length < 2 || !header.every((field) => HEADER_FIELD.test(field))) continue;
    if (new Set(header).size !== header.length) continue;
    // A producer per partition writes the header once each: its repeats are the header too.
    const others = rows.filter((row, i) => i !== candidate && row.length === header.length && !sameFields(row, header)).slice(0, 200);
    if (others.length === 0) continue;
    const numericColumn = header.some((_, c) => others.filter((row) => NUMBER_LIKE.test(row[c])).length >= others.length * 0.8);
    const neverRepeated = header.every((field, c) => !others.some((row) => row[c] === field));
    if (numericColumn && neverRepeated) return candidate;
  }
  return -1;
}

function sameFields(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((field, i) => field.trim() === b[i].trim());
}

/** Column names from a header: trimmed and made unique. */
export function columnNamesFromHeader(header: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((raw) => {
    const name = raw.trim() || 'column';
    const count = seen.get(name) ?? 0;
    seen.set(name, count + 1);
    return count ? `${name}_${count + 1}` : name;
  });
}

export function defaultColumnNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `column_${i + 1}`);
}

export function formatForDelimiter(delimiter: string): 'csv' | 'tsv' | 'delimited' {
  return delimiter === ',' ? 'csv' : delimiter === '\t' ? 'tsv' : 'delimited';
}
