// Test support: an in-memory DuckDB in the engine's storage layout, filled from the repo's
// testdata samples, and a Broker over it. Rows are ingested here the way Druid would store
// them (timestamps parsed, counters summed at rollup), independently of the query code.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { DatasourceInfo, EngineResponse, QueryDeps, StoredColumn, SysSupervisorRow, SysTaskRow } from '../../contract';
import { createBroker } from '../index';

const SAMPLES = path.resolve(__dirname, '../../../../testdata/samples');

export function sampleMessages<T>(folder: string): T[] {
  return readFileSync(path.join(SAMPLES, folder, 'messages.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as T);
}

export interface ClickMessage { time: string; url: string; user: string; latencyMs: number }
export interface AdClickMessage { timestamp: string; city: string; platform: string; click: string }

const DUCK_TYPE: Record<StoredColumn['type'], string> = {
  STRING: 'VARCHAR', LONG: 'BIGINT', FLOAT: 'FLOAT', DOUBLE: 'DOUBLE', 'COMPLEX<json>': 'JSON',
  'ARRAY<STRING>': 'VARCHAR[]', 'ARRAY<LONG>': 'BIGINT[]', 'ARRAY<DOUBLE>': 'DOUBLE[]',
};

type Cell = string | number | bigint | null | string[];

function literal(v: Cell): string {
  if (v === null) return 'NULL';
  if (Array.isArray(v)) return `[${v.map((s) => `'${s.replace(/'/g, "''")}'`).join(', ')}]`;
  return typeof v === 'string' ? `'${v.replace(/'/g, "''")}'` : String(v);
}

async function createDatasource(connection: DuckDBConnection, info: DatasourceInfo, rows: Array<{ time: number } & Record<string, Cell>>): Promise<void> {
  const cols = info.columns.filter((c) => c.name !== '__time');
  const table = `druid."${info.name}"`;
  await connection.run(`CREATE TABLE ${table} ("__time" TIMESTAMP, ${cols.map((c) => `"${c.name}" ${DUCK_TYPE[c.type]}`).join(', ')})`);
  if (rows.length === 0) return;
  const values = rows.map((r) => `(epoch_ms(${r.time}::BIGINT), ${cols.map((c) => literal(r[c.name] ?? null)).join(', ')})`);
  await connection.run(`INSERT INTO ${table} VALUES ${values.join(', ')}`);
}

const dim = (name: string, type: StoredColumn['type'] = 'STRING'): StoredColumn => ({ name, type, role: 'dimension' });
const metric = (name: string, type: StoredColumn['type'], aggregator: Record<string, unknown>): StoredColumn => ({ name, type, role: 'metric', aggregator });

/** seed 000: hourly segments, queryGranularity none, a count and a latency sum per row. */
export const CLICKSTREAM: DatasourceInfo = {
  name: 'mytopic-kafka',
  columns: [{ name: '__time', type: 'LONG', role: 'time' }, dim('url'), dim('user'),
    metric('views', 'LONG', { type: 'count', name: 'views' }), metric('latencyMs', 'DOUBLE', { type: 'doubleSum', name: 'latencyMs', fieldName: 'latencyMs' })],
  rollup: true, queryGranularity: 'none', segmentGranularity: 'hour',
};

/** seed 001 with rollup to the hour: one stored row per (hour, city, platform). */
export const ADCLICKS: DatasourceInfo = {
  name: 'kafkatest',
  columns: [{ name: '__time', type: 'LONG', role: 'time' }, dim('city'), dim('platform'),
    metric('count', 'LONG', { type: 'count', name: 'count' }), metric('click', 'LONG', { type: 'longSum', name: 'click', fieldName: 'click' })],
  rollup: true, queryGranularity: 'hour', segmentGranularity: 'day',
};

/** Edge cases: 64-bit integers, JSON, arrays, nulls and quotes. */
export const ODDITIES: DatasourceInfo = {
  name: 'oddities',
  columns: [{ name: '__time', type: 'LONG', role: 'time' }, dim('name'), dim('tags', 'ARRAY<STRING>'), dim('payload', 'COMPLEX<json>'),
    metric('big', 'LONG', { type: 'longSum', name: 'big', fieldName: 'big' }), metric('ratio', 'DOUBLE', { type: 'doubleSum', name: 'ratio', fieldName: 'ratio' })],
  rollup: false, queryGranularity: 'none', segmentGranularity: 'day',
};

export const BIG = 9007199254740993n; // 2^53 + 1: a double would round it

export const SUPERVISORS: SysSupervisorRow[] = [
  { supervisor_id: 'kafkatest', state: 'RUNNING', detailed_state: 'RUNNING', healthy: 1, type: 'kafka', source: 'adtest', suspended: 0, spec: '{"type":"kafka"}' },
];

export const TASKS: SysTaskRow[] = [{
  task_id: 'index_kafka_kafkatest_0', group_id: 'index_kafka_kafkatest', type: 'index_kafka', datasource: 'kafkatest',
  created_time: '2019-06-05T12:00:00.000Z', queue_insertion_time: '2019-06-05T12:00:00.000Z', status: 'RUNNING', runner_status: 'RUNNING',
  duration: -1, location: 'localhost:8100', host: 'localhost', plaintext_port: 8100, tls_port: -1, error_msg: null,
}];

export interface TestEngine {
  readonly deps: QueryDeps;
  readonly call: (method: string, urlPath: string, body?: unknown, headers?: Record<string, string>) => Promise<TestResponse>;
  readonly close: () => void;
}

export interface TestResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string;
  readonly json: () => unknown;
}

export async function startTestEngine(options: { clickMessages?: number } = {}): Promise<TestEngine> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run('CREATE SCHEMA druid');
  const clicks = sampleMessages<ClickMessage>('seed000-clickstream').slice(0, options.clickMessages);
  await createDatasource(connection, CLICKSTREAM, clicks.map((m) => ({ time: Date.parse(m.time), url: m.url, user: m.user, views: 1, latencyMs: m.latencyMs })));
  await createDatasource(connection, ADCLICKS, rollUpAdClicks(sampleMessages<AdClickMessage>('seed001-adclicks')));
  await createDatasource(connection, ODDITIES, [
    { time: Date.UTC(2021, 0, 1, 10), name: "o'brien", tags: ['a', 'b'], payload: '{"k":{"n":1}}', big: BIG, ratio: 0.5 },
    { time: Date.UTC(2021, 0, 1, 11), name: null, tags: ['b'], payload: null, big: 2n ** 62n, ratio: 1.25 },
    { time: Date.UTC(2021, 0, 3, 9), name: 'x,"y"', tags: [], payload: '[1,2]', big: -5n, ratio: null },
  ]);
  const deps: QueryDeps = {
    connection,
    datasources: () => [CLICKSTREAM, ADCLICKS, ODDITIES],
    sysSupervisors: () => SUPERVISORS,
    sysTasks: () => TASKS,
  };
  const broker = createBroker(deps);
  const call = async (method: string, urlPath: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestResponse> => {
    const raw = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
    const response: EngineResponse = await broker.handle({
      method, url: new URL(urlPath, 'http://localhost:8082'), headers: { 'content-type': 'application/json', ...headers }, body: Buffer.from(raw),
    });
    const text = response.body === undefined ? '' : response.body.toString();
    return { status: response.status, headers: response.headers ?? {}, text, json: () => JSON.parse(text) };
  };
  return { deps, call, close: () => connection.closeSync() };
}

/** Rollup as Druid does it at queryGranularity hour: rows with equal hour and dimensions merge. */
function rollUpAdClicks(messages: readonly AdClickMessage[]): Array<{ time: number } & Record<string, Cell>> {
  const rows = new Map<string, { time: number; city: string; platform: string; count: number; click: number }>();
  for (const m of messages) {
    const time = Math.floor(Number(m.timestamp) / 3_600_000) * 3_600_000;
    const key = `${time}|${m.city}|${m.platform}`;
    const row = rows.get(key) ?? { time, city: m.city, platform: m.platform, count: 0, click: 0 };
    row.count += 1;
    row.click += Number(m.click);
    rows.set(key, row);
  }
  return [...rows.values()];
}
