// DuckDB result types as Druid reports column types: the SQL type (sqlTypesHeader) and the
// native type (typesHeader), e.g. TIMESTAMP/LONG, VARCHAR/STRING, BIGINT/LONG.

import { DuckDBTypeId, type DuckDBType } from '@duckdb/node-api';

const INTEGERS = new Set<number>([
  DuckDBTypeId.TINYINT, DuckDBTypeId.SMALLINT, DuckDBTypeId.INTEGER, DuckDBTypeId.BIGINT, DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UTINYINT, DuckDBTypeId.USMALLINT, DuckDBTypeId.UINTEGER, DuckDBTypeId.UBIGINT, DuckDBTypeId.UHUGEINT,
]);

const TIMESTAMPS = new Set<number>([
  DuckDBTypeId.TIMESTAMP, DuckDBTypeId.TIMESTAMP_TZ, DuckDBTypeId.TIMESTAMP_MS, DuckDBTypeId.TIMESTAMP_S, DuckDBTypeId.TIMESTAMP_NS,
]);

export function druidTypesOf(type: DuckDBType): { sqlType: string; type: string } {
  if (type.alias === 'JSON') return { sqlType: 'COMPLEX<json>', type: 'COMPLEX<json>' };
  const id = type.typeId;
  if (TIMESTAMPS.has(id)) return { sqlType: 'TIMESTAMP', type: 'LONG' };
  if (id === DuckDBTypeId.DATE) return { sqlType: 'DATE', type: 'LONG' };
  if (id === DuckDBTypeId.BOOLEAN) return { sqlType: 'BOOLEAN', type: 'LONG' };
  if (INTEGERS.has(id)) return { sqlType: 'BIGINT', type: 'LONG' };
  if (id === DuckDBTypeId.FLOAT) return { sqlType: 'FLOAT', type: 'FLOAT' };
  if (id === DuckDBTypeId.DOUBLE || id === DuckDBTypeId.DECIMAL) return { sqlType: 'DOUBLE', type: 'DOUBLE' };
  if (id === DuckDBTypeId.LIST || id === DuckDBTypeId.ARRAY) {
    const inner = druidTypesOf((type as unknown as { valueType: DuckDBType }).valueType);
    return { sqlType: `${inner.sqlType} ARRAY`, type: `ARRAY<${inner.type}>` };
  }
  if (id === DuckDBTypeId.VARCHAR || id === DuckDBTypeId.SQLNULL) return { sqlType: 'VARCHAR', type: 'STRING' };
  return { sqlType: 'OTHER', type: 'COMPLEX' };
}
