// Dimension specs (docs/querying/dimensionspecs.md): default specs with an optional outputType.

import { invalidQuery } from '../errors';
import type { ColumnLookup } from './columns';
import type { DimensionSpec } from './spec';

const OUTPUT_CAST = { STRING: 'VARCHAR', LONG: 'BIGINT', DOUBLE: 'DOUBLE', FLOAT: 'DOUBLE' } as const;

export function dimensionSql(d: DimensionSpec, col: ColumnLookup): string {
  const c = col(d.dimension);
  if (c.type?.startsWith('ARRAY') || c.type === 'COMPLEX<json>') {
    throw invalidQuery(`dimension "${d.dimension}" is of type ${c.type}; grouping on it is not supported by the local engine`);
  }
  if (d.outputType) return `TRY_CAST(${c.sql} AS ${OUTPUT_CAST[d.outputType]})`;
  // Druid reports dimensions as strings unless they are stored as numbers.
  return c.type === null ? 'CAST(NULL AS VARCHAR)' : c.sql;
}
