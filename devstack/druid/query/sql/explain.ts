// EXPLAIN PLAN FOR: Druid answers PLAN, RESOURCES and ATTRIBUTES. The local engine plans with
// DuckDB, not into native queries, so PLAN is its own plan text and says so.

import type { DuckDBConnection } from '@duckdb/node-api';
import type { JsonValue } from '../json';
import type { ResultColumn } from './result-format';
import { isSignificant, isWord, tokenize } from './tokens';

/** The query with a leading "EXPLAIN PLAN FOR" blanked out (keeping error positions), or undefined. */
export function explainTarget(sql: string): string | undefined {
  const sig = tokenize(sql).filter(isSignificant);
  if (!isWord(sig[0], 'EXPLAIN') || !isWord(sig[1], 'PLAN') || !isWord(sig[2], 'FOR')) return undefined;
  const end = sig[2].start + sig[2].text.length;
  return ' '.repeat(end) + sql.slice(end);
}

export const EXPLAIN_COLUMNS: readonly ResultColumn[] = ['PLAN', 'RESOURCES', 'ATTRIBUTES'].map((name) => ({ name, sqlType: 'VARCHAR', type: 'STRING' }));

export async function explainRows(connection: DuckDBConnection, sql: string, datasources: readonly string[]): Promise<JsonValue[][]> {
  const reader = await connection.runAndReadAll(`EXPLAIN ${sql}`);
  const plan = reader.getRows().map((row) => String(row[1] ?? '')).join('\n');
  const resources = JSON.stringify(datasources.map((name) => ({ name, type: 'DATASOURCE' })));
  return [[`Local engine (DuckDB) plan; Druid would show native queries here.\n${plan}`, resources, JSON.stringify({ statementType: 'SELECT' })]];
}
