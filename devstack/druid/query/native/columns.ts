// Column references in native queries. Druid treats a column a datasource lacks as all nulls,
// so such references become NULL rather than errors; __time reads as epoch millis (LONG).

import type { DatasourceInfo, DruidColumnType } from '../../contract';
import { quoteIdent } from '../duck';

export interface ColumnRef {
  readonly sql: string;
  readonly type: DruidColumnType | null;
}

export type ColumnLookup = (name: string) => ColumnRef;

export function columnLookup(ds: DatasourceInfo): ColumnLookup {
  const byName = new Map(ds.columns.map((c) => [c.name, c]));
  return (name) => {
    if (name === '__time') return { sql: 'epoch_ms("__time")', type: 'LONG' };
    const c = byName.get(name);
    return c ? { sql: quoteIdent(c.name), type: c.type } : { sql: 'NULL', type: null };
  };
}

export function isNumeric(type: DruidColumnType | null): boolean {
  return type === 'LONG' || type === 'DOUBLE' || type === 'FLOAT';
}
