// POST /druid/v2/sql: a Druid SQL request, run over DuckDB and answered in Druid's formats.

import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { DuckDBResultReader } from '@duckdb/node-api';
import type { EngineRequest, EngineResponse, QueryDeps } from '../../contract';
import { prepareConnection, timeValueMs, toJsValue } from '../duck';
import { invalidQuery, planValidationFailed } from '../errors';
import { errorResponse, issuePath, readJsonBody } from '../http';
import { toJson, type JsonValue } from '../json';
import type { RunningQueries } from '../running-queries';
import { isoTimeInZone, isValidTimeZone } from '../time';
import { findSystemTable, materializeSystemTables } from './catalog';
import { translateDuckError } from './duck-errors';
import { EXPLAIN_COLUMNS, explainRows, explainTarget } from './explain';
import { formatResult, RESULT_FORMATS, type ResultColumn } from './result-format';
import { rewriteSql } from './rewrite';
import { identName, isSignificant, tokenize } from './tokens';
import { druidTypesOf } from './types';

const SqlRequest = z.strictObject({
  query: z.string(),
  resultFormat: z.enum(RESULT_FORMATS).default('object'),
  header: z.boolean().default(false),
  typesHeader: z.boolean().default(false),
  sqlTypesHeader: z.boolean().default(false),
  context: z.record(z.string(), z.unknown()).default({}),
  parameters: z.array(z.strictObject({ type: z.string(), value: z.unknown() })).default([]),
});

type SqlRequest = z.infer<typeof SqlRequest>;

function parseRequest(request: EngineRequest): SqlRequest {
  const contentType = String(request.headers['content-type'] ?? '');
  // Newer Brokers also take the bare query as text/plain.
  const raw = contentType.startsWith('text/plain') ? { query: request.body.toString('utf8') } : readJsonBody(request, 'SQL request');
  const parsed = SqlRequest.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issuePath(issue.path);
    const field = issue.code === 'unrecognized_keys' ? `${path ? `${path}.` : ''}${issue.keys[0]}` : path;
    const detail = issue.code === 'unrecognized_keys' ? 'is not a SQL request field the local engine knows' : issue.message;
    throw invalidQuery(`Malformed SQL request: ${field || 'body'} ${detail}`);
  }
  const r = parsed.data;
  if ((r.typesHeader || r.sqlTypesHeader) && !r.header) {
    throw invalidQuery('Malformed SQL request: typesHeader and sqlTypesHeader can only be set when header is also set');
  }
  if (r.query.trim() === '') throw invalidQuery('Malformed SQL request: query is empty');
  return r;
}

export async function handleSql(request: EngineRequest, deps: QueryDeps, running: RunningQueries): Promise<EngineResponse> {
  let queryId: string = randomUUID();
  try {
    const sqlRequest = parseRequest(request);
    const context = sqlRequest.context;
    if (typeof context.sqlQueryId === 'string' && context.sqlQueryId) queryId = context.sqlQueryId;
    const timeZone = typeof context.sqlTimeZone === 'string' ? context.sqlTimeZone : 'UTC';
    if (!isValidTimeZone(timeZone)) throw planValidationFailed(`Unknown time zone '${timeZone}' in context.sqlTimeZone`);
    const explained = explainTarget(sqlRequest.query);
    const rewritten = rewriteSql(explained ?? sqlRequest.query, {
      datasources: new Set(deps.datasources().map((d) => d.name)),
      systemTable: findSystemTable,
      timeZone,
      parameters: sqlRequest.parameters,
    });
    const outerLimit = Number(context.sqlOuterLimit);
    const sql = Number.isInteger(outerLimit) && outerLimit > 0 ? `SELECT * FROM (\n${rewritten.sql}\n) LIMIT ${outerLimit}` : rewritten.sql;
    const timeoutMs = Number(context.timeout) || undefined;
    const answer = await running.run(queryId, timeoutMs, async (connection) => {
      await prepareConnection(connection);
      await materializeSystemTables(rewritten.systemTables, deps, connection);
      try {
        if (explained) return { kind: 'explain' as const, rows: await explainRows(connection, sql, rewritten.datasources) };
        return { kind: 'rows' as const, reader: await connection.runAndReadAll(sql) };
      } catch (error) {
        throw translateDuckError(error, sqlRequest.query);
      }
    });
    if (answer.kind === 'explain') return respond(sqlRequest, queryId, EXPLAIN_COLUMNS, answer.rows);
    const reader = answer.reader;
    const columns = resultColumns(reader, sqlRequest.query);
    // Druid writes arrays as JSON text unless the client sets sqlStringifyArrays to false.
    const stringifyArrays = context.sqlStringifyArrays !== false && context.sqlStringifyArrays !== 'false';
    const rows = reader.getRows().map((row) => row.map((value, i) => {
      const v = resultValue(value, columns[i], timeZone);
      return stringifyArrays && Array.isArray(v) && columns[i].sqlType.endsWith('ARRAY') ? toJson(v) : v;
    }));
    return respond(sqlRequest, queryId, columns, rows);
  } catch (error) {
    return errorResponse(error, request, { 'X-Druid-SQL-Query-Id': queryId });
  }
}

function respond(sqlRequest: SqlRequest, queryId: string, columns: readonly ResultColumn[], rows: JsonValue[][]): EngineResponse {
  const formatted = formatResult(sqlRequest.resultFormat, columns, rows, sqlRequest);
  const headers: Record<string, string> = { 'Content-Type': formatted.contentType, 'X-Druid-SQL-Query-Id': queryId };
  if (sqlRequest.header) headers['X-Druid-SQL-Header-Included'] = 'yes';
  return { status: 200, headers, body: formatted.body };
}

function resultColumns(reader: DuckDBResultReader, query: string): ResultColumn[] {
  const written = new Set(tokenize(query).filter(isSignificant).map(identName));
  const seen = new Set<string>();
  return reader.columnNames().map((name, i) => {
    // Calcite names unaliased expressions EXPR$n; DuckDB names them after their text.
    const plainName = /^[A-Za-z_$][\w$]*$/.test(name) && !/^(true|false|null)$/i.test(name);
    let out = written.has(name) || plainName ? name : `EXPR$${i}`;
    for (let n = 0; seen.has(out); n++) out = `${name}${n}`;
    seen.add(out);
    return { name: out, ...druidTypesOf(reader.columnType(i)) };
  });
}

function resultValue(value: Parameters<typeof toJsValue>[0], column: ResultColumn, timeZone: string): JsonValue {
  if (value === null) return null;
  if (column.sqlType === 'TIMESTAMP' || column.sqlType === 'DATE') {
    const ms = timeValueMs(value);
    return ms === undefined ? toJsValue(value) : isoTimeInZone(ms, timeZone);
  }
  if (column.sqlType === 'COMPLEX<json>' && typeof value === 'string') {
    try {
      return JSON.parse(value) as JsonValue;
    } catch {
      return value;
    }
  }
  return toJsValue(value);
}
