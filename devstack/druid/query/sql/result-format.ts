// Druid SQL result formats (docs/api-reference/sql-api.md "Responses"): object, array,
// objectLines, arrayLines and csv, with the optional header, typesHeader and sqlTypesHeader rows.

import { toJson, type JsonValue } from '../json';

export const RESULT_FORMATS = ['object', 'array', 'objectLines', 'arrayLines', 'csv'] as const;
export type ResultFormat = (typeof RESULT_FORMATS)[number];

export interface ResultColumn {
  readonly name: string;
  /** Druid's SQL type, e.g. TIMESTAMP, VARCHAR, BIGINT. */
  readonly sqlType: string;
  /** Druid's native type, e.g. LONG, STRING. */
  readonly type: string;
}

export interface HeaderFlags {
  readonly header: boolean;
  readonly typesHeader: boolean;
  readonly sqlTypesHeader: boolean;
}

export interface FormattedResult {
  readonly body: string;
  readonly contentType: string;
}

export function formatResult(format: ResultFormat, columns: readonly ResultColumn[], rows: readonly JsonValue[][], flags: HeaderFlags): FormattedResult {
  switch (format) {
    case 'object':
      return json(`[${objects(columns, rows, flags).map((o) => toJson(o)).join(',')}]`);
    case 'array':
      return json(`[${arrays(columns, rows, flags).map((a) => toJson(a)).join(',')}]`);
    // Line formats end with a blank line so a client can tell a complete answer from a cut one.
    case 'objectLines':
      return text(objects(columns, rows, flags).map((o) => `${toJson(o)}\n`).join('') + '\n');
    case 'arrayLines':
      return text(arrays(columns, rows, flags).map((a) => `${toJson(a)}\n`).join('') + '\n');
    case 'csv':
      return text(csvLines(columns, rows, flags).join('') + '\n');
  }
}

function json(body: string): FormattedResult {
  return { body, contentType: 'application/json' };
}

function text(body: string): FormattedResult {
  return { body, contentType: 'text/plain' };
}

function objects(columns: readonly ResultColumn[], rows: readonly JsonValue[][], flags: HeaderFlags): JsonValue[] {
  const out: JsonValue[] = [];
  if (flags.header) {
    out.push(Object.fromEntries(columns.map((c) => {
      if (!flags.typesHeader && !flags.sqlTypesHeader) return [c.name, null];
      const types: Record<string, string> = {};
      if (flags.typesHeader) types.type = c.type;
      if (flags.sqlTypesHeader) types.sqlType = c.sqlType;
      return [c.name, types];
    })));
  }
  for (const row of rows) out.push(Object.fromEntries(columns.map((c, i) => [c.name, row[i]])));
  return out;
}

function headerRows(columns: readonly ResultColumn[], flags: HeaderFlags): string[][] {
  if (!flags.header) return [];
  const out = [columns.map((c) => c.name)];
  if (flags.typesHeader) out.push(columns.map((c) => c.type));
  if (flags.sqlTypesHeader) out.push(columns.map((c) => c.sqlType));
  return out;
}

function arrays(columns: readonly ResultColumn[], rows: readonly JsonValue[][], flags: HeaderFlags): JsonValue[][] {
  return [...headerRows(columns, flags), ...rows];
}

function csvLines(columns: readonly ResultColumn[], rows: readonly JsonValue[][], flags: HeaderFlags): string[] {
  const line = (cells: readonly JsonValue[]) => `${cells.map(csvCell).join(',')}\n`;
  return [...headerRows(columns, flags).map(line), ...rows.map(line)];
}

function csvCell(value: JsonValue): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? toJson(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
