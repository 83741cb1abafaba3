// Datasource lists, service status and the ingestion sampler.
import { stringifyDruidJson } from '../json';
import { parseRequest } from '../request';
import { DatasourceListSchema } from '../schemas/datasource';
import { SampleResponseSchema, SamplerRequestSchema, type SampleResponse, type SamplerRequest } from '../schemas/sampler';
import { StatusHealthSchema, StatusSchema, type DruidStatus } from '../schemas/status';
import type { CallOptions, DruidTarget, DruidTransport } from '../transport';

export interface DatasourcesApi {
  /** Every datasource with used segments, from the Coordinator. */
  list(options?: CallOptions): Promise<string[]>;
  /** Datasources the Broker can query now. */
  queryable(options?: CallOptions): Promise<string[]>;
}

export interface StatusApi {
  /** GET /status of one service (the Router when there is one): version and extensions. */
  status(target?: DruidTarget, options?: CallOptions): Promise<DruidStatus>;
  /** GET /status/health: true when the service is up. */
  health(target?: DruidTarget, options?: CallOptions): Promise<boolean>;
}

export interface SamplerApi {
  /** POST /druid/indexer/v1/sampler: what Druid would read and index from a spec. */
  sample(request: SamplerRequest, options?: CallOptions): Promise<SampleResponse>;
}

export function datasourcesApi(http: DruidTransport): DatasourcesApi {
  return {
    list: async (options) =>
      (await http.json({ ...options, target: 'coordinator', method: 'GET', path: '/druid/coordinator/v1/datasources' }, DatasourceListSchema)).value,
    queryable: async (options) =>
      (await http.json({ ...options, target: 'broker', method: 'GET', path: '/druid/v2/datasources' }, DatasourceListSchema)).value,
  };
}

export function statusApi(http: DruidTransport): StatusApi {
  return {
    status: async (target = 'broker', options) =>
      (await http.json({ ...options, target, method: 'GET', path: '/status' }, StatusSchema)).value,
    health: async (target = 'broker', options) =>
      (await http.json({ ...options, target, method: 'GET', path: '/status/health' }, StatusHealthSchema)).value,
  };
}

/** The sampler's body: the inner spec carries the supervisor type too, as Druid requires. */
export function samplerRequestBody(request: SamplerRequest): string {
  const spec = request.spec as Record<string, unknown>;
  const withType = typeof spec.type === 'string' && spec.type !== '' ? request : { ...request, spec: { type: request.type, ...spec } };
  return stringifyDruidJson(parseRequest(SamplerRequestSchema, withType, 'sampler request'));
}

export function samplerApi(http: DruidTransport): SamplerApi {
  return {
    sample: async (request, options) => {
      const body = samplerRequestBody(request);
      return (await http.json({ ...options, target: 'overlord', method: 'POST', path: '/druid/indexer/v1/sampler', body }, SampleResponseSchema)).value;
    },
  };
}
