// Where Druid's parse of the topic differs from the wizard's preview, column by column. Rows are
// not matched one to one (the two may read different messages); each column's presence, kind of
// value and share of empty values are compared instead.

export interface ColumnDifference {
  readonly column: string;
  readonly preview: string;
  readonly druid: string;
  readonly difference: string;
}

type Kind = 'number' | 'string' | 'boolean' | 'array' | 'object';

interface ColumnProfile {
  readonly present: boolean;
  readonly kind?: Kind;
  readonly filled: number;
  readonly rows: number;
  readonly example?: unknown;
}

function kindOf(value: unknown): Kind {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' || typeof value === 'bigint') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'object') return 'object';
  return 'string';
}

function profile(rows: readonly Record<string, unknown>[], column: string): ColumnProfile {
  const counts = new Map<Kind, number>();
  let filled = 0;
  let present = false;
  let example: unknown;
  for (const row of rows) {
    if (!(column in row)) continue;
    present = true;
    const value = row[column];
    if (value === null || value === undefined || value === '') continue;
    filled++;
    example ??= value;
    const kind = kindOf(value);
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  const kind = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  return { present, kind, filled, rows: rows.length, example };
}

function describe(p: ColumnProfile): string {
  if (!p.present) return 'no such column';
  if (p.filled === 0) return 'always empty';
  const example = typeof p.example === 'string' ? JSON.stringify(p.example) : JSON.stringify(p.example);
  const shown = example && example.length > 40 ? `${example.slice(0, 37)}…` : example;
  return `${p.kind}s, ${Math.round((100 * p.filled) / p.rows)}% filled, e.g. ${shown}`;
}

export function compareRows(preview: readonly Record<string, unknown>[], druid: readonly Record<string, unknown>[]): ColumnDifference[] {
  const columns = new Set<string>();
  for (const row of [...preview, ...druid]) for (const key of Object.keys(row)) columns.add(key);
  const differences: ColumnDifference[] = [];
  for (const column of [...columns].sort()) {
    const p = profile(preview, column);
    const d = profile(druid, column);
    let difference: string | undefined;
    if (p.present && !d.present) difference = 'Druid does not produce this column';
    else if (!p.present && d.present) difference = 'Druid produces this column; the preview does not';
    else if (p.filled > 0 && d.filled === 0) difference = 'Druid finds no values where the preview does: check its path or format';
    else if (p.filled === 0 && d.filled > 0) difference = 'Druid finds values where the preview finds none';
    // __time is a date in the preview and epoch milliseconds in Druid's answer: the same instant.
    else if (column !== '__time' && p.kind && d.kind && p.kind !== d.kind) difference = `Druid reads ${d.kind}s where the preview has ${p.kind}s`;
    if (difference) differences.push({ column, preview: describe(p), druid: describe(d), difference });
  }
  return differences;
}

export interface CellDifference {
  /** The row's place in both lists. */
  readonly row: number;
  readonly column: string;
  readonly preview: unknown;
  readonly druid: unknown;
}

/** A value in one canonical text: object keys sorted, an absent value the same as null. */
function canonical(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Cell by cell, for when both sides read the same messages in the same order: the n-th preview
 * row against Druid's n-th row. __time must be epoch milliseconds on both sides, as Druid gives it.
 * Rows only one side has are left to the caller's row count.
 */
export function differingCells(preview: readonly Record<string, unknown>[], druid: readonly Record<string, unknown>[]): CellDifference[] {
  const differences: CellDifference[] = [];
  for (let row = 0; row < Math.min(preview.length, druid.length); row++) {
    const columns = [...new Set([...Object.keys(preview[row]), ...Object.keys(druid[row])])].sort();
    for (const column of columns) {
      if (canonical(preview[row][column]) !== canonical(druid[row][column])) differences.push({ row, column, preview: preview[row][column], druid: druid[row][column] });
    }
  }
  return differences;
}
