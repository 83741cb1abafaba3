// The seams between the local engine's parts: the HTTP server (server.ts), the ingestion
// side (supervisors, storage) and the query side (query/). Both sides are written against
// these types; neither imports the other's internals.

import type { IncomingHttpHeaders } from 'node:http';

export interface EngineRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export interface EngineResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
}

/** Druid's native column types as the engine stores and reports them. */
export type DruidColumnType = 'STRING' | 'LONG' | 'FLOAT' | 'DOUBLE' | 'COMPLEX<json>' | 'ARRAY<STRING>' | 'ARRAY<LONG>' | 'ARRAY<DOUBLE>';

export interface StoredColumn {
  readonly name: string;
  readonly type: DruidColumnType;
  readonly role: 'time' | 'dimension' | 'metric';
  /** For metrics: the ingestion-time aggregator (Druid metricsSpec entry). */
  readonly aggregator?: Readonly<Record<string, unknown>>;
}

export interface DatasourceInfo {
  readonly name: string;
  readonly columns: readonly StoredColumn[];
  readonly rollup: boolean;
  readonly queryGranularity: string;
  readonly segmentGranularity: string;
}

/** A row of Druid's sys.supervisors table. */
export interface SysSupervisorRow {
  readonly supervisor_id: string;
  readonly state: string;
  readonly detailed_state: string;
  readonly healthy: 0 | 1;
  readonly type: string;
  readonly source: string;
  readonly suspended: 0 | 1;
  readonly spec: string;
}

/** A row of Druid's sys.tasks table. */
export interface SysTaskRow {
  readonly task_id: string;
  readonly group_id: string;
  readonly type: string;
  readonly datasource: string;
  readonly created_time: string;
  readonly queue_insertion_time: string;
  readonly status: string;
  readonly runner_status: string;
  readonly duration: number;
  readonly location: string | null;
  readonly host: string | null;
  readonly plaintext_port: number;
  readonly tls_port: number;
  readonly error_msg: string | null;
}

/** What the query side needs from the rest of the engine. */
export interface QueryDeps {
  /** An open DuckDB connection holding one table per datasource in schema "druid". */
  readonly connection: import('@duckdb/node-api').DuckDBConnection;
  readonly datasources: () => readonly DatasourceInfo[];
  readonly sysSupervisors: () => readonly SysSupervisorRow[];
  readonly sysTasks: () => readonly SysTaskRow[];
}

/** The Broker side of the engine: /druid/v2 and /druid/v2/sql. */
export interface Broker {
  handle(request: EngineRequest): Promise<EngineResponse>;
}
