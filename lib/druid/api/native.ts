// Native JSON queries through the Broker (docs/api-reference/json-querying-api.md).
import { stringifyDruidJson } from '../json';
import { parseRequest } from '../request';
import { NativeQuerySchema, nativeResultSchemaFor, type NativeQuery } from '../schemas/native';
import { parseAnswer, type CallOptions, type DruidTransport } from '../transport';

export interface NativeQueryResult {
  /** Druid's query id (X-Druid-Query-Id), to cancel it with. */
  readonly queryId?: string;
  readonly queryType: string;
  /** Rows in the queryType's own result shape; integers beyond 2^53 arrive as exact decimal strings. */
  readonly results: unknown[];
}

export interface NativeApi {
  query(query: NativeQuery, options?: CallOptions): Promise<NativeQueryResult>;
  /** DELETE /druid/v2/{queryId} */
  cancel(queryId: string, options?: CallOptions): Promise<void>;
}

export function nativeApi(http: DruidTransport): NativeApi {
  return {
    query: async (query, options) => {
      const parsed = parseRequest(NativeQuerySchema, query, 'native Druid query');
      const answer = await http.send({ ...options, target: 'broker', method: 'POST', path: '/druid/v2', body: stringifyDruidJson(parsed) });
      const results = parseAnswer(answer, nativeResultSchemaFor(parsed.queryType));
      const queryId = answer.headers.get('x-druid-query-id') ?? undefined;
      return { queryId, queryType: parsed.queryType, results };
    },
    cancel: async (queryId, options) => {
      await http.send({
        ...options,
        target: 'broker',
        method: 'DELETE',
        path: `/druid/v2/${encodeURIComponent(queryId)}`,
        notFoundMessage: `No native query "${queryId}" is running on Druid (it may have finished already)`,
      });
    },
  };
}
