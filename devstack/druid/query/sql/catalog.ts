// Druid's system tables (docs/querying/sql-metadata-tables.md): INFORMATION_SCHEMA.SCHEMATA,
// TABLES and COLUMNS, sys.supervisors, sys.tasks and sys.segments. A query that reads one gets
// it as a temporary table filled from the engine's current state.

import type { DuckDBConnection } from '@duckdb/node-api';
import type { DatasourceInfo, DruidColumnType, QueryDeps } from '../../contract';
import { quoteIdent, quoteString } from '../duck';
import { listSegments } from '../segments';
import { isoTime } from '../time';
import type { SystemTableRef } from './rewrite';

type SqlType = 'VARCHAR' | 'BIGINT';
type Cell = string | number | null;

interface SystemTable {
  readonly schema: string;
  readonly name: string;
  readonly columns: ReadonlyArray<readonly [string, SqlType]>;
  readonly rows: (deps: QueryDeps, connection: DuckDBConnection) => Promise<Cell[][]> | Cell[][];
}

const V = 'VARCHAR' as const;
const B = 'BIGINT' as const;

/** Druid SQL type and JDBC type code of each stored column type. */
const SQL_TYPE_OF: Record<DruidColumnType, readonly [string, number]> = {
  STRING: ['VARCHAR', 12], LONG: ['BIGINT', -5], FLOAT: ['FLOAT', 6], DOUBLE: ['DOUBLE', 8],
  'COMPLEX<json>': ['COMPLEX<json>', 1111], 'ARRAY<STRING>': ['VARCHAR ARRAY', 2003],
  'ARRAY<LONG>': ['BIGINT ARRAY', 2003], 'ARRAY<DOUBLE>': ['DOUBLE ARRAY', 2003],
};

const TABLES: readonly SystemTable[] = [
  {
    schema: 'INFORMATION_SCHEMA', name: 'SCHEMATA',
    columns: [['CATALOG_NAME', V], ['SCHEMA_NAME', V], ['SCHEMA_OWNER', V], ['DEFAULT_CHARACTER_SET_CATALOG', V], ['DEFAULT_CHARACTER_SET_SCHEMA', V], ['DEFAULT_CHARACTER_SET_NAME', V], ['SQL_PATH', V]],
    rows: () => ['INFORMATION_SCHEMA', 'druid', 'lookup', 'sys', 'view'].map((s) => ['druid', s, null, null, null, null, null]),
  },
  {
    schema: 'INFORMATION_SCHEMA', name: 'TABLES',
    columns: [['TABLE_CATALOG', V], ['TABLE_SCHEMA', V], ['TABLE_NAME', V], ['TABLE_TYPE', V], ['IS_JOINABLE', V], ['IS_BROADCAST', V]],
    rows: (deps) => [
      ...sortedDatasources(deps).map((ds) => ['druid', 'druid', ds.name, 'TABLE', 'NO', 'NO']),
      ...TABLES.map((t) => ['druid', t.schema, t.name, 'SYSTEM_TABLE', 'NO', 'NO']),
    ],
  },
  {
    schema: 'INFORMATION_SCHEMA', name: 'COLUMNS',
    columns: [
      ['TABLE_CATALOG', V], ['TABLE_SCHEMA', V], ['TABLE_NAME', V], ['COLUMN_NAME', V], ['ORDINAL_POSITION', B], ['COLUMN_DEFAULT', V],
      ['IS_NULLABLE', V], ['DATA_TYPE', V], ['CHARACTER_MAXIMUM_LENGTH', B], ['CHARACTER_OCTET_LENGTH', B], ['NUMERIC_PRECISION', B],
      ['NUMERIC_PRECISION_RADIX', B], ['NUMERIC_SCALE', B], ['DATETIME_PRECISION', B], ['CHARACTER_SET_NAME', V], ['COLLATION_NAME', V], ['JDBC_TYPE', B],
    ],
    rows: (deps) => [
      ...sortedDatasources(deps).flatMap((ds) => datasourceColumns(ds).map(([name, type, jdbc, nullable], i) => columnRow('druid', ds.name, name, i + 1, type, jdbc, nullable))),
      ...TABLES.flatMap((t) => t.columns.map(([name, type], i) => columnRow(t.schema, t.name, name, i + 1, type, type === V ? 12 : -5, true))),
    ],
  },
  {
    schema: 'sys', name: 'supervisors',
    columns: [['supervisor_id', V], ['state', V], ['detailed_state', V], ['healthy', B], ['type', V], ['source', V], ['suspended', B], ['spec', V]],
    rows: (deps) => deps.sysSupervisors().map((s) => [s.supervisor_id, s.state, s.detailed_state, s.healthy, s.type, s.source, s.suspended, s.spec]),
  },
  {
    schema: 'sys', name: 'tasks',
    columns: [
      ['task_id', V], ['group_id', V], ['type', V], ['datasource', V], ['created_time', V], ['queue_insertion_time', V], ['status', V],
      ['runner_status', V], ['duration', B], ['location', V], ['host', V], ['plaintext_port', B], ['tls_port', B], ['error_msg', V],
    ],
    rows: (deps) => deps.sysTasks().map((t) => [
      t.task_id, t.group_id, t.type, t.datasource, t.created_time, t.queue_insertion_time, t.status, t.runner_status, t.duration,
      t.location, t.host, t.plaintext_port, t.tls_port, t.error_msg,
    ]),
  },
  {
    schema: 'sys', name: 'segments',
    columns: [
      ['segment_id', V], ['datasource', V], ['start', V], ['end', V], ['size', B], ['version', V], ['partition_num', B], ['num_replicas', B],
      ['num_rows', B], ['is_active', B], ['is_published', B], ['is_available', B], ['is_realtime', B], ['is_overshadowed', B],
      ['shard_spec', V], ['dimensions', V], ['metrics', V], ['last_compaction_state', V], ['replication_factor', B],
    ],
    rows: async (deps, connection) => {
      const rows: Cell[][] = [];
      for (const ds of sortedDatasources(deps)) {
        const dims = JSON.stringify(ds.columns.filter((c) => c.role === 'dimension').map((c) => c.name));
        const metrics = JSON.stringify(ds.columns.filter((c) => c.role === 'metric').map((c) => c.name));
        for (const s of await listSegments(connection, ds)) {
          // Rows are served as soon as they are read from Kafka, like Druid's realtime segments.
          rows.push([s.id, ds.name, isoTime(s.interval.startMs), isoTime(s.interval.endMs), 0, s.version, 0, 1, s.numRows, 1, 0, 1, 1, 0,
            JSON.stringify({ type: 'numbered', partitionNum: 0, partitions: 0 }), dims, metrics, null, 0]);
        }
      }
      return rows;
    },
  },
];

function sortedDatasources(deps: QueryDeps): DatasourceInfo[] {
  return [...deps.datasources()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Columns as Druid lists them: __time first, then the stored columns in order. */
function datasourceColumns(ds: DatasourceInfo): Array<readonly [string, string, number, boolean]> {
  const rest = ds.columns.filter((c) => c.name !== '__time');
  return [['__time', 'TIMESTAMP', 93, false], ...rest.map((c) => {
    const [type, jdbc] = SQL_TYPE_OF[c.type];
    return [c.name, type, jdbc, true] as const;
  })];
}

function columnRow(schema: string, table: string, column: string, position: number, type: string, jdbc: number, nullable: boolean): Cell[] {
  return ['druid', schema, table, column, position, null, nullable ? 'YES' : 'NO', type, null, null, null, null, null, null, null, null, jdbc];
}

export function findSystemTable(schema: string, name: string): SystemTableRef | undefined {
  // Calcite matches these case-sensitively; the local engine is lenient, as users type both.
  const t = TABLES.find((x) => x.schema.toLowerCase() === schema.toLowerCase() && x.name.toLowerCase() === name.toLowerCase());
  return t ? { key: `${t.schema}.${t.name}`, sqlName: `__druid_${t.schema}.${t.name}` } : undefined;
}

export async function materializeSystemTables(keys: readonly string[], deps: QueryDeps, connection: DuckDBConnection): Promise<void> {
  for (const key of keys) {
    const t = TABLES.find((x) => `${x.schema}.${x.name}` === key);
    if (!t) continue;
    const name = quoteIdent(`__druid_${key}`);
    const columns = t.columns.map(([c, type]) => `${quoteIdent(c)} ${type}`).join(', ');
    await connection.run(`CREATE OR REPLACE TEMP TABLE ${name} (${columns})`);
    const rows = await t.rows(deps, connection);
    for (let i = 0; i < rows.length; i += 500) {
      const values = rows.slice(i, i + 500).map((r) => `(${r.map(cellSql).join(', ')})`).join(', ');
      await connection.run(`INSERT INTO ${name} VALUES ${values}`);
    }
  }
}

function cellSql(value: Cell): string {
  if (value === null) return 'NULL';
  return typeof value === 'number' ? String(Math.trunc(value)) : quoteString(value);
}
