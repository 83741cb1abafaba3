'use client';
// The datasources and their columns, read with Druid SQL from INFORMATION_SCHEMA.COLUMNS
// through the same route as the user's queries.
import { useQuery } from '@tanstack/react-query';
import { runSqlQuery } from './query-client';

export interface DatasourceColumn {
  readonly name: string;
  readonly sqlType: string;
}

export type DatasourceColumns = ReadonlyMap<string, readonly DatasourceColumn[]>;

export const COLUMNS_SQL = `SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE
FROM INFORMATION_SCHEMA.COLUMNS
WHERE TABLE_SCHEMA = 'druid'
ORDER BY TABLE_NAME, ORDINAL_POSITION`;

export const queryKeys = {
  all: ['query'] as const,
  datasourceColumns: () => [...queryKeys.all, 'datasource-columns'] as const,
};

async function fetchColumns(signal: AbortSignal): Promise<DatasourceColumns> {
  const rows: unknown[][] = [];
  await runSqlQuery({ query: COLUMNS_SQL, rowLimit: 100_000 }, { onHeader: () => undefined, onRows: (batch) => rows.push(...batch) }, signal);
  const byDatasource = new Map<string, DatasourceColumn[]>();
  for (const [table, column, type] of rows) {
    const list = byDatasource.get(String(table)) ?? [];
    list.push({ name: String(column), sqlType: String(type) });
    byDatasource.set(String(table), list);
  }
  return byDatasource;
}

export function useDatasourceColumns() {
  return useQuery({ queryKey: queryKeys.datasourceColumns(), queryFn: ({ signal }) => fetchColumns(signal), staleTime: 30_000 });
}
