// A native query's results, whatever their queryType's shape, flattened into one
// table (columns + rows) for the grid and the chart. Druid's own answer is kept as is
// beside it; this only decides how to lay it out.
import type { ResultColumn, ResultTable } from './schemas';

type Row = Record<string, unknown>;

const isRecord = (value: unknown): value is Row => typeof value === 'object' && value !== null && !Array.isArray(value);

export function nativeResultTable(queryType: string, results: readonly unknown[]): ResultTable {
  switch (queryType) {
    case 'timeseries':
      return fromRecords(results.filter(isRecord).map((r) => ({ timestamp: r.timestamp, ...(isRecord(r.result) ? r.result : {}) })), ['timestamp']);
    case 'topN':
      return fromRecords(
        results.filter(isRecord).flatMap((r) => (Array.isArray(r.result) ? r.result.filter(isRecord).map((row) => ({ timestamp: r.timestamp, ...row })) : [])),
        ['timestamp'],
      );
    case 'groupBy':
      return groupByTable(results);
    case 'search':
      return fromRecords(
        results.filter(isRecord).flatMap((r) => (Array.isArray(r.result) ? r.result.filter(isRecord).map((hit) => ({ timestamp: r.timestamp, ...hit })) : [])),
        ['timestamp'],
      );
    case 'scan':
      return scanTable(results);
    case 'timeBoundary':
    case 'dataSourceMetadata':
      return fromRecords(results.filter(isRecord).map((r) => ({ timestamp: r.timestamp, ...(isRecord(r.result) ? r.result : {}) })), ['timestamp']);
    case 'segmentMetadata':
      return fromRecords(
        results.filter(isRecord).map((r) => ({
          id: r.id,
          intervals: Array.isArray(r.intervals) ? r.intervals.join(', ') : r.intervals,
          numRows: r.numRows,
          size: r.size,
          columns: isRecord(r.columns) ? Object.keys(r.columns).join(', ') : undefined,
        })),
        [],
      );
    default:
      return results.every(isRecord) ? fromRecords(results as Row[], []) : { columns: [{ name: 'result' }], rows: results.map((r) => [r]) };
  }
}

function groupByTable(results: readonly unknown[]): ResultTable {
  // resultAsArray gives plain arrays whose column names are not in the answer.
  if (results.length > 0 && results.every(Array.isArray)) {
    const width = Math.max(...results.map((r) => (r as unknown[]).length));
    return { columns: Array.from({ length: width }, (_, i) => ({ name: `column${i + 1}` })), rows: results as unknown[][] };
  }
  return fromRecords(
    results.filter(isRecord).map((r) => ({ timestamp: r.timestamp, ...(isRecord(r.event) ? r.event : {}) })),
    ['timestamp'],
  );
}

function scanTable(results: readonly unknown[]): ResultTable {
  const batches = results.filter(isRecord);
  const names: string[] = [];
  const types = new Map<string, string>();
  for (const batch of batches) {
    for (const name of Array.isArray(batch.columns) ? batch.columns : []) if (typeof name === 'string' && !names.includes(name)) names.push(name);
    for (const signature of Array.isArray(batch.rowSignature) ? batch.rowSignature : []) {
      if (isRecord(signature) && typeof signature.name === 'string' && typeof signature.type === 'string') types.set(signature.name, signature.type);
    }
  }
  const rows: unknown[][] = [];
  for (const batch of batches) {
    const columns = Array.isArray(batch.columns) ? (batch.columns as string[]) : names;
    for (const event of Array.isArray(batch.events) ? batch.events : []) {
      if (Array.isArray(event)) rows.push(names.map((name) => event[columns.indexOf(name)] ?? null));
      else if (isRecord(event)) rows.push(names.map((name) => event[name] ?? null));
    }
  }
  return { columns: names.map((name) => ({ name, ...(types.has(name) ? { type: types.get(name) } : {}) })), rows };
}

/** Columns in first-seen order (the `first` ones leading), types guessed from the values. */
function fromRecords(records: readonly Row[], first: readonly string[]): ResultTable {
  const names: string[] = [...first.filter((name) => records.some((r) => name in r))];
  for (const record of records) for (const name of Object.keys(record)) if (!names.includes(name)) names.push(name);
  const rows = records.map((record) => names.map((name) => (record[name] === undefined ? null : record[name])));
  const columns: ResultColumn[] = names.map((name, i) => {
    const type = typeOf(rows.map((row) => row[i]), name);
    return type ? { name, type } : { name };
  });
  return { columns, rows };
}

function typeOf(values: readonly unknown[], name: string): string | undefined {
  const present = values.filter((value) => value !== null);
  if (present.length === 0) return undefined;
  if (name === 'timestamp' && present.every((value) => typeof value === 'string')) return 'TIMESTAMP';
  if (present.every((value) => typeof value === 'number' && Number.isInteger(value))) return 'LONG';
  if (present.every((value) => typeof value === 'number')) return 'DOUBLE';
  if (present.every((value) => typeof value === 'string')) return 'STRING';
  return 'COMPLEX';
}
