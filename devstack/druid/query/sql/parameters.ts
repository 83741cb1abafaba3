// Dynamic parameters ({type, value} per "?", docs/api-reference/sql-api.md), inlined as typed
// SQL literals so DuckDB sees the same query a Druid planner would.

import { planValidationFailed } from '../errors';
import { quoteString } from '../duck';

export interface SqlParameter {
  readonly type: string;
  readonly value?: unknown;
}

export function parameterSql(p: SqlParameter, index: number): string {
  const where = `parameters[${index}]`;
  if (p.value === null || p.value === undefined) return 'NULL';
  const type = p.type.toUpperCase();
  const bad = (): never => {
    throw planValidationFailed(`${where}: value ${JSON.stringify(p.value)} is not a valid ${type}`);
  };
  switch (type) {
    case 'VARCHAR':
    case 'CHAR':
      return quoteString(String(p.value));
    case 'BIGINT':
    case 'INTEGER':
    case 'SMALLINT':
    case 'TINYINT': {
      const text = String(p.value);
      if (!/^-?\d+$/.test(text)) bad();
      return `CAST(${text} AS BIGINT)`;
    }
    case 'DOUBLE':
    case 'FLOAT':
    case 'REAL':
    case 'DECIMAL': {
      const n = Number(p.value);
      if (!Number.isFinite(n)) bad();
      return `CAST(${n} AS ${type === 'FLOAT' || type === 'REAL' ? 'FLOAT' : 'DOUBLE'})`;
    }
    case 'BOOLEAN':
      if (typeof p.value !== 'boolean') bad();
      return p.value ? 'TRUE' : 'FALSE';
    case 'TIMESTAMP':
      if (typeof p.value === 'number') return `epoch_ms(CAST(${Math.trunc(p.value)} AS BIGINT))`;
      if (typeof p.value !== 'string') bad();
      return `CAST(${quoteString(String(p.value))} AS TIMESTAMP)`;
    case 'DATE':
      if (typeof p.value !== 'string') bad();
      return `CAST(${quoteString(String(p.value))} AS DATE)`;
    case 'ARRAY':
      if (!Array.isArray(p.value)) bad();
      return `[${(p.value as unknown[]).map((v) => arrayElement(v, bad)).join(', ')}]`;
    default:
      throw planValidationFailed(`${where}: type "${p.type}" is not supported by the local engine`);
  }
}

function arrayElement(v: unknown, bad: () => never): string {
  if (v === null) return 'NULL';
  if (typeof v === 'string') return quoteString(v);
  if (typeof v === 'number' && Number.isFinite(v)) return Number.isInteger(v) ? `${v}` : `CAST(${v} AS DOUBLE)`;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return bad();
}
