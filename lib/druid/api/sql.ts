// Druid SQL through the Broker (docs/api-reference/sql-api.md).
import { stringifyDruidJson } from '../json';
import { normalizeSqlResult, SqlResultError, type SqlResult } from '../models/sql-result';
import { SqlQueryRequestSchema, type SqlQueryRequest, type SqlResultFormat } from '../schemas/sql';
import { invalidResponseError } from '../classify';
import { parseRequest } from '../request';
import type { CallOptions, DruidTransport } from '../transport';
import { streamSql, type SqlRowStream, type SqlStreamRequest } from './sql-stream';

export interface SqlQueryResult extends SqlResult {
  /** The id to cancel the query with; Druid returns it even when the caller set none. */
  readonly sqlQueryId?: string;
  readonly resultFormat: SqlResultFormat;
}

export interface SqlApi {
  /**
   * Runs a query and returns its columns and rows. Unless told otherwise, asks for
   * `array` results with every header, so columns come back with both types.
   */
  query(request: SqlQueryRequest, options?: CallOptions): Promise<SqlQueryResult>;
  /** Runs a query and hands its rows over as they arrive (arrayLines, with a header). */
  stream(request: SqlStreamRequest, options?: CallOptions): Promise<SqlRowStream>;
  /** DELETE /druid/v2/sql/{sqlQueryId}: 202 when cancelled, 404 when unknown or already done. */
  cancel(sqlQueryId: string, options?: CallOptions): Promise<void>;
}

export function sqlApi(http: DruidTransport): SqlApi {
  return {
    query: async (request, options) => {
      const parsed = parseRequest(SqlQueryRequestSchema, request, 'Druid SQL request');
      const body = {
        ...parsed,
        resultFormat: parsed.resultFormat ?? 'array',
        header: parsed.header ?? true,
        typesHeader: parsed.typesHeader ?? parsed.header ?? true,
        sqlTypesHeader: parsed.sqlTypesHeader ?? parsed.header ?? true,
      };
      const answer = await http.send({
        ...options,
        target: 'broker',
        method: 'POST',
        path: '/druid/v2/sql',
        body: stringifyDruidJson(body),
      });
      try {
        const result = normalizeSqlResult(answer.text, body.resultFormat, body);
        const sqlQueryId = answer.headers.get('x-druid-sql-query-id') ?? undefined;
        return { ...result, sqlQueryId, resultFormat: body.resultFormat };
      } catch (error) {
        if (error instanceof SqlResultError) throw invalidResponseError(answer.site, answer.status, error.message, error);
        throw error;
      }
    },
    stream: (request, options) => streamSql(http, request, options),
    cancel: async (sqlQueryId, options) => {
      await http.send({
        ...options,
        target: 'broker',
        method: 'DELETE',
        path: `/druid/v2/sql/${encodeURIComponent(sqlQueryId)}`,
        notFoundMessage: `No SQL query "${sqlQueryId}" is running on Druid (it may have finished already)`,
      });
    },
  };
}
