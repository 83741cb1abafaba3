// The Coordinator API subset under /druid/coordinator/v1: datasources and their time ranges.
// Each segmentGranularity bucket with rows counts as one segment.
import { bucketEnd, truncateToGranularity } from '@/lib/ingest';
import type { EngineRequest, EngineResponse } from './contract';
import { invalidInput, json, overlordError } from './http';
import type { DruidStore } from './store';

const PREFIX = '/druid/coordinator/v1';
/** No segment files exist: sizes are estimated at this many bytes per stored value. */
const ESTIMATED_BYTES_PER_VALUE = 8;

/** `isIngesting(datasource)`: whether a running supervisor still writes to it. */
export function createCoordinator(store: DruidStore, isIngesting: (datasource: string) => boolean) {
  async function describe(name: string) {
    const info = store.datasource(name)!;
    const segmentGranularity = info.segmentGranularity.toLowerCase();
    const summary = await store.summary(name);
    const segments = await store.segmentStarts(name, (ms) => truncateToGranularity(ms, segmentGranularity));
    const size = summary.rows * info.columns.length * ESTIMATED_BYTES_PER_VALUE;
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    return {
      summary,
      segments,
      properties: {
        tiers: { _default_tier: { size, segmentCount: segments.size, replicatedSize: size } },
        segments: { maxTime: iso(summary.maxTime === null ? null : bucketEnd(truncateToGranularity(summary.maxTime, segmentGranularity), segmentGranularity)), size, minTime: iso(summary.minTime === null ? null : truncateToGranularity(summary.minTime, segmentGranularity)), count: segments.size },
      },
    };
  }

  return async function handle(request: EngineRequest): Promise<EngineResponse> {
    const path = request.url.pathname.slice(PREFIX.length).replace(/\/+$/, '');
    const drop = /^\/datasources\/([^/]+)$/.exec(path);
    if (request.method === 'DELETE' && drop) {
      const name = decodeURIComponent(drop[1]);
      if (!store.datasource(name)) return overlordError(404, `datasource [${name}] does not exist`);
      if (isIngesting(name)) return invalidInput(`datasource [${name}] is still being ingested: terminate its supervisor first`, { field: 'dataSource' });
      const { segments } = await describe(name);
      await store.drop(name);
      return json(200, { numChangedSegments: segments.size });
    }
    if (request.method !== 'GET') return overlordError(405, `${request.method} is not supported on ${request.url.pathname}`);
    const names = store.datasources().map((info) => info.name).sort();
    if (path === '/datasources') {
      if (request.url.searchParams.has('simple') || request.url.searchParams.has('full')) {
        return json(200, await Promise.all(names.map(async (name) => ({ name, properties: (await describe(name)).properties }))));
      }
      return json(200, names);
    }
    if (path === '/loadstatus') return json(200, Object.fromEntries(names.map((name) => [name, 100.0])));
    const match = /^\/datasources\/([^/]+)(?:\/(intervals))?$/.exec(path);
    if (match) {
      const name = decodeURIComponent(match[1]);
      if (!store.datasource(name)) return overlordError(404, `datasource [${name}] does not exist`);
      const described = await describe(name);
      if (!match[2]) return json(200, described.properties);
      const granularity = store.datasource(name)!.segmentGranularity.toLowerCase();
      const intervals = [...described.segments.keys()].sort((a, b) => b - a).map((start) => `${new Date(start).toISOString()}/${new Date(bucketEnd(start, granularity)).toISOString()}`);
      return json(200, intervals);
    }
    return overlordError(404, `No Coordinator endpoint GET ${request.url.pathname}`);
  };
}
