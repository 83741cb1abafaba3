// The local engine's Broker: every path under /druid/v2. It answers in Druid's shapes but is
// not Druid; its errors name it (host "tributary-local-engine").

import type { Broker, EngineRequest, EngineResponse, QueryDeps } from '../contract';
import { notFound } from './errors';
import { errorResponse, jsonResponse } from './http';
import { handleNative } from './native/native-query';
import { RunningQueries } from './running-queries';
import { handleSql } from './sql/sql-query';

export { ENGINE_HOST } from './errors';

export function createBroker(deps: QueryDeps): Broker {
  const running = new RunningQueries(deps.connection);
  return {
    async handle(request: EngineRequest): Promise<EngineResponse> {
      const path = request.url.pathname.replace(/\/+$/, '');
      const method = request.method.toUpperCase();
      const rest = path.startsWith('/druid/v2') ? path.slice('/druid/v2'.length) : undefined;
      if (rest === undefined) return errorResponse(notFound(`No Broker resource at ${path}`), request);
      if (method === 'POST' && rest === '') return handleNative(request, deps, running);
      if (method === 'POST' && rest === '/sql') return handleSql(request, deps, running);
      if (method === 'DELETE' && rest.startsWith('/sql/')) return cancel(decodeURIComponent(rest.slice('/sql/'.length)), running, request);
      if (method === 'DELETE' && /^\/[^/]+$/.test(rest)) return cancel(decodeURIComponent(rest.slice(1)), running, request);
      if (method === 'GET' && rest.startsWith('/datasources')) return datasources(rest.slice('/datasources'.length), deps, request);
      return errorResponse(notFound(`No Broker resource for ${method} ${path}`), request);
    },
  };
}

function cancel(queryId: string, running: RunningQueries, request: EngineRequest): EngineResponse {
  if (running.cancel(queryId)) return { status: 202 };
  return errorResponse(notFound(`No running query with id [${queryId}]`), request);
}

/** GET /druid/v2/datasources[/{ds}[/dimensions|/metrics]] (docs/api-reference/legacy-metadata-api.md). */
function datasources(rest: string, deps: QueryDeps, request: EngineRequest): EngineResponse {
  const all = deps.datasources();
  if (rest === '') return jsonResponse(200, all.map((d) => d.name).sort(), request);
  const [name, part, ...extra] = rest.slice(1).split('/').map(decodeURIComponent);
  const ds = all.find((d) => d.name === name);
  if (!ds || extra.length > 0) return errorResponse(notFound(`Datasource [${name}] not found`), request);
  const dimensions = ds.columns.filter((c) => c.role === 'dimension').map((c) => c.name);
  const metrics = ds.columns.filter((c) => c.role === 'metric').map((c) => c.name);
  if (part === undefined) return jsonResponse(200, { dimensions, metrics }, request);
  if (part === 'dimensions') return jsonResponse(200, dimensions, request);
  if (part === 'metrics') return jsonResponse(200, metrics, request);
  return errorResponse(notFound(`No Broker resource for datasource part [${part}]`), request);
}
