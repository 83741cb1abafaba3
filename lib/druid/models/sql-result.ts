// Any Druid SQL response body -> one table: columns (with types when Druid sent
// them) and rows as arrays in column order. Pure; no I/O.
import { parseDruidJson } from '../json';
import type { SqlResultFormat } from '../schemas/sql';

export interface SqlColumn {
  readonly name: string;
  /** Druid's native type (STRING, LONG...), with typesHeader. */
  readonly type?: string;
  /** The SQL type (VARCHAR, BIGINT, TIMESTAMP...), with sqlTypesHeader. */
  readonly sqlType?: string;
}

export interface SqlResult {
  readonly columns: readonly SqlColumn[];
  readonly rows: readonly (readonly unknown[])[];
}

export interface SqlHeaderFlags {
  readonly header?: boolean;
  readonly typesHeader?: boolean;
  readonly sqlTypesHeader?: boolean;
}

/** The body is not what the asked-for format looks like, or was cut off. */
export class SqlResultError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SqlResultError';
  }
}

/**
 * Druid writes type rows only under a header (typesHeader and sqlTypesHeader
 * need header=true). Integers beyond 2^53 come back as exact decimal strings.
 */
export function normalizeSqlResult(body: string, format: SqlResultFormat, flags: SqlHeaderFlags = {}): SqlResult {
  const header = flags.header === true;
  const types = header && flags.typesHeader === true;
  const sqlTypes = header && flags.sqlTypesHeader === true;
  switch (format) {
    case 'object':
      return fromObjects(asArray(parseJson(body, 'an object result')), header);
    case 'array':
      return fromArrays(asArray(parseJson(body, 'an array result')), header, types, sqlTypes);
    case 'objectLines':
      return fromObjects(lines(body).map((line, i) => parseJson(line, `line ${i + 1}`)), header);
    case 'arrayLines':
      return fromArrays(lines(body).map((line, i) => parseJson(line, `line ${i + 1}`)), header, types, sqlTypes);
    case 'csv':
      return fromArrays(parseCsv(withTrailer(body)), header, types, sqlTypes);
  }
}

function parseJson(text: string, what: string): unknown {
  try {
    return parseDruidJson(text, { bigIntegers: 'string' });
  } catch (error) {
    // A query that fails after results started streaming just stops: the JSON is left unfinished.
    const cutOff = /end of (json|input)/i.test((error as Error).message);
    throw new SqlResultError(
      cutOff
        ? `${what} that ends before it is complete: the query probably failed after it started returning rows`
        : `${what} that is not valid JSON (${(error as Error).message})`,
    );
  }
}

function asArray(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new SqlResultError('a result that is not a JSON array');
  return value;
}

/** Line formats end with a newline; without it the stream was cut off mid-query. */
function withTrailer(body: string): string {
  if (!body.endsWith('\n')) {
    throw new SqlResultError('a result that ends without its final newline: the query probably failed after it started returning rows');
  }
  return body;
}

function lines(body: string): string[] {
  return withTrailer(body)
    .split('\n')
    .filter((line) => line.trim() !== '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fromObjects(items: unknown[], header: boolean): SqlResult {
  items.forEach((item, i) => {
    if (!isRecord(item)) throw new SqlResultError(`a row ${i + 1} that is not a JSON object`);
  });
  const records = items as Record<string, unknown>[];
  let columns: SqlColumn[];
  let data = records;
  if (header && records.length > 0) {
    columns = Object.entries(records[0]).map(([name, types]) => columnOf(name, types));
    data = records.slice(1);
  } else {
    const names = new Set<string>();
    for (const record of records) for (const name of Object.keys(record)) names.add(name);
    columns = [...names].map((name) => ({ name }));
  }
  return { columns, rows: data.map((record) => columns.map((column) => record[column.name] ?? null)) };
}

function columnOf(name: string, types: unknown): SqlColumn {
  if (!isRecord(types)) return { name };
  return {
    name,
    ...(typeof types.type === 'string' ? { type: types.type } : {}),
    ...(typeof types.sqlType === 'string' ? { sqlType: types.sqlType } : {}),
  };
}

function fromArrays(items: unknown[], header: boolean, types: boolean, sqlTypes: boolean): SqlResult {
  items.forEach((item, i) => {
    if (!Array.isArray(item)) throw new SqlResultError(`a row ${i + 1} that is not a JSON array`);
  });
  const arrays = items as unknown[][];
  if (!header) {
    const width = Math.max(0, ...arrays.map((row) => row.length));
    return { columns: Array.from({ length: width }, (_, i) => ({ name: `column${i + 1}` })), rows: arrays };
  }
  const headerRows = sqlHeaderRowCount({ header, typesHeader: types, sqlTypesHeader: sqlTypes });
  if (arrays.length < headerRows) throw new SqlResultError(`a result with fewer than its ${headerRows} header rows`);
  return { columns: columnsFromHeaderRows(arrays.slice(0, headerRows), types, sqlTypes), rows: arrays.slice(headerRows) };
}

/** How many rows of an array-shaped result are header: names, then native types, then SQL types. */
export function sqlHeaderRowCount(flags: SqlHeaderFlags): number {
  if (flags.header !== true) return 0;
  return 1 + (flags.typesHeader === true ? 1 : 0) + (flags.sqlTypesHeader === true ? 1 : 0);
}

/** Columns from the header rows of an array-shaped result (array, arrayLines, csv). */
export function columnsFromHeaderRows(headerRows: readonly (readonly unknown[])[], types: boolean, sqlTypes: boolean): SqlColumn[] {
  const [names, ...typeRows] = headerRows;
  const nativeTypes = types ? typeRows.shift() : undefined;
  const sqlTypeRow = sqlTypes ? typeRows.shift() : undefined;
  return names.map((name, i) => ({
    name: String(name),
    ...(nativeTypes ? { type: String(nativeTypes[i]) } : {}),
    ...(sqlTypeRow ? { sqlType: String(sqlTypeRow[i]) } : {}),
  }));
}

/**
 * RFC 4180 CSV as Druid writes it: quoted fields may hold commas, quotes ("")
 * and newlines. Every value is a string; Druid writes nulls as empty fields.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      rows.push(row);
      row = [];
    } else field += char;
  }
  if (quoted) throw new SqlResultError('a CSV result that ends inside a quoted value: it was cut off');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  // Druid ends the body with a blank trailer line, which is not a row.
  while (rows.length > 0 && rows[rows.length - 1].length === 1 && rows[rows.length - 1][0] === '') rows.pop();
  return rows;
}
