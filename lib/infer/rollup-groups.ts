// Rollup grouping for the preview: rows with the same time bucket and the same stored
// dimension values become one row. Each dimension column is interned once to small ids
// (raw value -> id of its stored, cast value); rows are then grouped by a numeric hash of
// (bucket, ids) with an exact check, which keeps big samples fast.
import { castValue, toJsonSafe } from './cast';
import type { ColumnType } from './model';

/** Ids of a column's stored values, one per row, and the stored values by id. */
export interface InternedColumn {
  readonly ids: Int32Array;
  readonly stored: readonly unknown[];
}

function contentKey(value: unknown): unknown {
  // Objects are compared by content, never by identity.
  return value !== null && typeof value === 'object' ? `\u0000${JSON.stringify(toJsonSafe(value))}` : value;
}

export function internColumn(values: readonly unknown[], type: ColumnType): InternedColumn {
  const rawToId = new Map<unknown, number>();
  const storedToId = new Map<unknown, number>();
  const stored: unknown[] = [];
  const ids = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const raw = values[i];
    const rawKey = contentKey(raw);
    let id = rawToId.get(rawKey);
    if (id === undefined) {
      const value = castValue(raw, type);
      const storedKey = contentKey(value);
      id = storedToId.get(storedKey);
      if (id === undefined) {
        id = stored.length;
        stored.push(value);
        storedToId.set(storedKey, id);
      }
      rawToId.set(rawKey, id);
    }
    ids[i] = id;
  }
  return { ids, stored };
}

export interface Group {
  readonly time: number;
  /** A row of the group, to read its dimension values from the interned columns. */
  readonly row: number;
  readonly metrics: unknown[];
  count: number;
}

export class RollupGroups {
  private readonly byHash = new Map<number, Group | Group[]>();
  size = 0;

  constructor(
    private readonly columns: readonly InternedColumn[],
    private readonly metricCount: number,
  ) {}

  /** The group of a row, and whether it was just created. */
  find(bucket: number, row: number): { group: Group; created: boolean } {
    let hash = Math.imul((bucket / 1000) | 0, 0x9e3779b1) | 0;
    for (const column of this.columns) hash = (Math.imul(hash ^ column.ids[row], 0x01000193) + 0x7f4a7c15) | 0;
    const found = this.byHash.get(hash);
    const list = found === undefined ? [] : Array.isArray(found) ? found : [found];
    for (const group of list) if (group.time === bucket && this.sameRow(group.row, row)) return { group, created: false };
    const group: Group = { time: bucket, row, metrics: new Array(this.metricCount), count: 0 };
    this.byHash.set(hash, found === undefined ? group : [...list, group]);
    this.size++;
    return { group, created: true };
  }

  dimensionsOf(group: Group): unknown[] {
    return this.columns.map((column) => column.stored[column.ids[group.row]]);
  }

  private sameRow(a: number, b: number): boolean {
    for (const column of this.columns) if (column.ids[a] !== column.ids[b]) return false;
    return true;
  }
}
