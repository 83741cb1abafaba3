// POST /druid/v2: native JSON queries, dispatched on queryType.

import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { EngineRequest, EngineResponse, QueryDeps } from '../../contract';
import { prepareConnection } from '../duck';
import { invalidQuery } from '../errors';
import { errorResponse, jsonResponse, readJsonBody } from '../http';
import type { JsonValue } from '../json';
import type { RunningQueries } from '../running-queries';
import { translateDuckError } from '../sql/duck-errors';
import { GroupBySchema, runGroupBy } from './group-by';
import { DataSourceMetadataSchema, runDataSourceMetadata, runSegmentMetadata, runTimeBoundary, SegmentMetadataSchema, TimeBoundarySchema } from './metadata';
import type { NativeRun } from './native-run';
import { runScan, ScanSchema } from './scan';
import { runSearch, SearchSchema } from './search';
import { parseSpec } from './spec';
import { runTimeseries, TimeseriesSchema } from './timeseries';
import { runTopN, TopNSchema } from './topn';

interface QueryType<S extends z.ZodType> {
  readonly schema: S;
  readonly run: (run: NativeRun<z.infer<S>>) => Promise<JsonValue>;
}

const queryType = <S extends z.ZodType>(schema: S, run: (r: NativeRun<z.infer<S>>) => Promise<JsonValue>): QueryType<z.ZodType> =>
  ({ schema, run }) as unknown as QueryType<z.ZodType>;

const QUERY_TYPES: Record<string, QueryType<z.ZodType>> = {
  timeseries: queryType(TimeseriesSchema, runTimeseries),
  topN: queryType(TopNSchema, runTopN),
  groupBy: queryType(GroupBySchema, runGroupBy),
  search: queryType(SearchSchema, runSearch),
  scan: queryType(ScanSchema, runScan),
  timeBoundary: queryType(TimeBoundarySchema, runTimeBoundary),
  dataSourceMetadata: queryType(DataSourceMetadataSchema, runDataSourceMetadata),
  segmentMetadata: queryType(SegmentMetadataSchema, runSegmentMetadata),
};

export async function handleNative(request: EngineRequest, deps: QueryDeps, running: RunningQueries): Promise<EngineResponse> {
  let queryId: string = randomUUID();
  try {
    const body = readJsonBody(request, 'Native query');
    if (body === null || typeof body !== 'object' || Array.isArray(body)) throw invalidQuery('A native query must be a JSON object');
    const raw = body as Record<string, unknown>;
    const context = (raw.context ?? {}) as Record<string, unknown>;
    if (typeof context.queryId === 'string' && context.queryId) queryId = context.queryId;
    const type = QUERY_TYPES[String(raw.queryType)];
    if (!type) {
      throw invalidQuery(`queryType ${JSON.stringify(raw.queryType ?? null)} is not supported by the local engine; it runs ${Object.keys(QUERY_TYPES).join(', ')}`);
    }
    const query = parseSpec(type.schema, raw) as { dataSource: string };
    const ds = deps.datasources().find((d) => d.name === query.dataSource);
    const timeoutMs = Number(context.timeout) || undefined;
    const result = await running.run(queryId, timeoutMs, async (connection) => {
      await prepareConnection(connection);
      try {
        return await type.run({ query, ds, connection });
      } catch (error) {
        throw translateDuckError(error, '');
      }
    });
    return jsonResponse(200, result, request, { 'X-Druid-Query-Id': queryId });
  } catch (error) {
    return errorResponse(error, request, { 'X-Druid-Query-Id': queryId });
  }
}
