// The engine's storage: one DuckDB table per datasource in schema "druid", named exactly as the
// datasource, with __time as a UTC TIMESTAMP plus one column per dimension and metric. The
// engine's own bookkeeping (datasource schemas, supervisor specs, offsets) lives in schema
// "engine" so that "druid" holds datasources only.
import { BIGINT, DOUBLE, DuckDBInstance, DuckDBTimestampValue, LIST, VARCHAR, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import { stringifyJson, type RowColumn } from '@/lib/ingest';
import type { DatasourceInfo, DruidColumnType, StoredColumn } from './contract';

export const DUCKDB_TYPES: Readonly<Record<DruidColumnType, string>> = {
  STRING: 'VARCHAR',
  LONG: 'BIGINT',
  FLOAT: 'FLOAT',
  DOUBLE: 'DOUBLE',
  'COMPLEX<json>': 'JSON',
  'ARRAY<STRING>': 'VARCHAR[]',
  'ARRAY<LONG>': 'BIGINT[]',
  'ARRAY<DOUBLE>': 'DOUBLE[]',
};

const CATALOG = 'tributary';

export const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;
const tableOf = (datasource: string) => `druid.${quoteIdentifier(datasource)}`;

export interface DatasourceSettings {
  readonly rollup: boolean;
  readonly queryGranularity: string;
  readonly segmentGranularity: string;
}

export interface StoredRow {
  readonly __time: number;
  readonly [column: string]: unknown;
}

export class DruidStore {
  private readonly infos = new Map<string, DatasourceInfo>();
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly instance: DuckDBInstance,
    /** For the query side. */
    readonly connection: DuckDBConnection,
    /** For appends and schema changes, so long queries never hold up ingestion. */
    private readonly writer: DuckDBConnection,
    private readonly catalog: string | null,
  ) {}

  static async open(path: string): Promise<DruidStore> {
    // A file is attached under a fixed catalog name: DuckDB would otherwise name the catalog
    // after the file, and a file called druid.duckdb would clash with the schema "druid".
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const writer = await instance.connect();
    if (path !== ':memory:') {
      await writer.run(`ATTACH '${path.replace(/'/g, "''")}' AS ${CATALOG}`);
      await writer.run(`USE ${CATALOG}`);
      await connection.run(`USE ${CATALOG}`);
    }
    const store = new DruidStore(instance, connection, writer, path === ':memory:' ? null : CATALOG);
    await store.writer.run('CREATE SCHEMA IF NOT EXISTS druid');
    await store.writer.run('CREATE SCHEMA IF NOT EXISTS engine');
    await store.writer.run('CREATE TABLE IF NOT EXISTS engine.datasources (name VARCHAR PRIMARY KEY, info JSON)');
    await store.writer.run('CREATE TABLE IF NOT EXISTS engine.supervisor_history (id VARCHAR, version VARCHAR, spec JSON, suspended BOOLEAN)');
    await store.writer.run('CREATE TABLE IF NOT EXISTS engine.stream_offsets (id VARCHAR, topic VARCHAR, partition INTEGER, "offset" VARCHAR, PRIMARY KEY (id, partition))');
    const saved = await store.writer.runAndReadAll('SELECT info FROM engine.datasources');
    for (const [info] of saved.getRowsJson()) {
      const parsed = JSON.parse(String(info)) as DatasourceInfo;
      store.infos.set(parsed.name, parsed);
    }
    return store;
  }

  /** Runs schema changes and appends one at a time. */
  private serialize<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  datasources(): readonly DatasourceInfo[] {
    return [...this.infos.values()];
  }

  datasource(name: string): DatasourceInfo | undefined {
    return this.infos.get(name);
  }

  /** Creates the datasource's table if needed and records its granularity settings. */
  ensureDatasource(name: string, settings: DatasourceSettings): Promise<DatasourceInfo> {
    return this.serialize(async () => {
      const existing = this.infos.get(name);
      if (!existing) await this.writer.run(`CREATE TABLE IF NOT EXISTS ${tableOf(name)} ("__time" TIMESTAMP NOT NULL)`);
      const info: DatasourceInfo = { name, columns: existing?.columns ?? [{ name: '__time', type: 'LONG', role: 'time' }], ...settings };
      await this.saveInfo(info);
      return info;
    });
  }

  private async saveInfo(info: DatasourceInfo): Promise<void> {
    this.infos.set(info.name, info);
    await this.writer.run('INSERT OR REPLACE INTO engine.datasources VALUES ($1, $2)', [info.name, JSON.stringify(info)]);
  }

  /** Appends rows, adding any columns seen for the first time (schema discovery). */
  append(name: string, rows: readonly StoredRow[], columns: readonly RowColumn[]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    return this.serialize(async () => {
      const info = this.infos.get(name);
      if (!info) throw new Error(`datasource "${name}" does not exist`);
      const known = new Map(info.columns.map((column) => [column.name, column]));
      const added: StoredColumn[] = [];
      for (const column of columns) {
        if (known.has(column.name)) continue;
        const stored: StoredColumn = { name: column.name, type: column.type, role: column.role, ...(column.aggregator ? { aggregator: { ...column.aggregator } } : {}) };
        await this.writer.run(`ALTER TABLE ${tableOf(name)} ADD COLUMN ${quoteIdentifier(column.name)} ${DUCKDB_TYPES[column.type]}`);
        known.set(column.name, stored);
        added.push(stored);
      }
      if (added.length > 0) await this.saveInfo({ ...info, columns: [...info.columns, ...added] });
      const ordered = this.infos.get(name)!.columns;
      const appender = await this.writer.createAppender(name, 'druid', this.catalog);
      try {
        for (const row of rows) {
          for (const column of ordered) appendValue(appender, column, column.role === 'time' ? row.__time : row[column.name]);
          appender.endRow();
        }
        appender.flushSync();
      } finally {
        appender.closeSync();
      }
    });
  }

  async rowCount(name: string): Promise<number> {
    if (!this.infos.has(name)) return 0;
    const result = await this.writer.runAndReadAll(`SELECT count(*) FROM ${tableOf(name)}`);
    return Number(result.getRows()[0][0]);
  }

  /** Rows as stored, oldest first, with __time in epoch ms: for tests and the Coordinator. */
  async readRows(name: string): Promise<Record<string, unknown>[]> {
    const result = await this.writer.runAndReadAll(`SELECT epoch_ms("__time") AS "__time", * EXCLUDE ("__time") FROM ${tableOf(name)} ORDER BY 1`);
    const longs = (this.infos.get(name)?.columns ?? []).filter((column) => column.type === 'LONG').map((column) => column.name);
    return result.getRowObjectsJson().map((row) => {
      const out: Record<string, unknown> = { ...row };
      for (const column of longs) if (out[column] !== null && out[column] !== undefined) out[column] = Number(out[column]);
      return out;
    });
  }

  /** Time range and size of a datasource, for the Coordinator's view. */
  async summary(name: string): Promise<{ rows: number; minTime: number | null; maxTime: number | null }> {
    const result = await this.writer.runAndReadAll(`SELECT count(*), epoch_ms(min("__time")), epoch_ms(max("__time")) FROM ${tableOf(name)}`);
    const [rows, minTime, maxTime] = result.getRows()[0];
    return { rows: Number(rows), minTime: minTime === null ? null : Number(minTime), maxTime: maxTime === null ? null : Number(maxTime) };
  }

  /** Distinct segment starts (epoch ms) for a segment granularity, with row counts. */
  async segmentStarts(name: string, truncate: (ms: number) => number): Promise<Map<number, number>> {
    const result = await this.writer.runAndReadAll(`SELECT epoch_ms("__time") FROM ${tableOf(name)}`);
    const starts = new Map<number, number>();
    for (const [time] of result.getRows()) {
      const start = truncate(Number(time));
      starts.set(start, (starts.get(start) ?? 0) + 1);
    }
    return starts;
  }

  drop(name: string): Promise<void> {
    return this.serialize(async () => {
      await this.writer.run(`DROP TABLE IF EXISTS ${tableOf(name)}`);
      await this.writer.run('DELETE FROM engine.datasources WHERE name = $1', [name]);
      this.infos.delete(name);
    });
  }

  /** Appends to a supervisor's spec history (Druid keeps every submitted version). */
  recordSpec(id: string, version: string, spec: unknown, suspended: boolean): Promise<void> {
    return this.serialize(() => this.writer.run('INSERT INTO engine.supervisor_history VALUES ($1, $2, $3, $4)', [id, version, JSON.stringify(spec), suspended]).then(() => undefined));
  }

  async specHistory(): Promise<{ id: string; version: string; spec: unknown; suspended: boolean }[]> {
    const result = await this.writer.runAndReadAll('SELECT id, version, spec, suspended FROM engine.supervisor_history ORDER BY rowid');
    return result.getRowsJson().map(([id, version, spec, suspended]) => ({ id: String(id), version: String(version), spec: JSON.parse(String(spec)), suspended: suspended === true }));
  }

  /** Where a supervisor reads next in its topic; offsets of another topic are never reused. */
  saveOffsets(id: string, topic: string, offsets: ReadonlyMap<number, bigint>): Promise<void> {
    if (offsets.size === 0) return Promise.resolve();
    return this.serialize(async () => {
      await this.writer.run('DELETE FROM engine.stream_offsets WHERE id = $1 AND topic <> $2', [id, topic]);
      for (const [partition, offset] of offsets) await this.writer.run('INSERT OR REPLACE INTO engine.stream_offsets VALUES ($1, $2, $3, $4)', [id, topic, partition, offset.toString()]);
    });
  }

  async loadOffsets(id: string, topic: string): Promise<Map<number, bigint>> {
    const result = await this.writer.runAndReadAll('SELECT partition, "offset" FROM engine.stream_offsets WHERE id = $1 AND topic = $2', [id, topic]);
    return new Map(result.getRowsJson().map(([partition, offset]) => [Number(partition), BigInt(String(offset))]));
  }

  clearOffsets(id: string): Promise<void> {
    return this.serialize(() => this.writer.run('DELETE FROM engine.stream_offsets WHERE id = $1', [id]).then(() => undefined));
  }

  /** Waits for pending writes, then closes DuckDB. */
  async close(): Promise<void> {
    await this.queue;
    this.connection.closeSync();
    this.writer.closeSync();
    this.instance.closeSync();
  }
}

function appendValue(appender: DuckDBAppender, column: StoredColumn, value: unknown): void {
  if (value === null || value === undefined) {
    appender.appendNull();
    return;
  }
  switch (column.type) {
    case 'LONG': {
      if (column.role === 'time') {
        appender.appendTimestamp(new DuckDBTimestampValue(BigInt(Math.trunc(value as number)) * 1000n));
        return;
      }
      if (typeof value === 'bigint') {
        appender.appendBigInt(value);
        return;
      }
      const n = Number(value);
      if (Number.isFinite(n)) appender.appendBigInt(BigInt(Math.trunc(n)));
      else appender.appendNull();
      return;
    }
    case 'FLOAT':
    case 'DOUBLE': {
      const n = Number(value);
      if (!Number.isFinite(n)) appender.appendNull();
      else if (column.type === 'FLOAT') appender.appendFloat(n);
      else appender.appendDouble(n);
      return;
    }
    case 'COMPLEX<json>':
      appender.appendVarchar(stringifyJson(value));
      return;
    case 'ARRAY<STRING>':
    case 'ARRAY<LONG>':
    case 'ARRAY<DOUBLE>': {
      const items = Array.isArray(value) ? value : [value];
      if (column.type === 'ARRAY<STRING>') appender.appendList(items.map((item) => (item === null ? null : String(item))), LIST(VARCHAR));
      else if (column.type === 'ARRAY<LONG>') appender.appendList(items.map((item) => (typeof item === 'bigint' ? item : typeof item === 'number' ? BigInt(Math.trunc(item)) : null)), LIST(BIGINT));
      else appender.appendList(items.map((item) => (typeof item === 'number' || typeof item === 'bigint' ? Number(item) : null)), LIST(DOUBLE));
      return;
    }
    default:
      // Druid's SQL layer shows a multi-value string dimension as a JSON array: stored the same way.
      appender.appendVarchar(typeof value === 'object' ? stringifyJson(value) : String(value));
  }
}
