// Test-only: a small valid spec to vary in table-driven tests.
import { cloneJson } from './json-value';
import type { LoadPlanInput } from './load-plan';
import type { SupervisorSpec } from './supervisor-spec';

export const CLICKS_SPEC: SupervisorSpec = {
  type: 'kafka',
  spec: {
    dataSchema: {
      dataSource: 'clicks',
      timestampSpec: { column: 'ts', format: 'iso' },
      dimensionsSpec: { dimensions: ['url', 'user', { type: 'long', name: 'status' }] },
      metricsSpec: [
        { type: 'count', name: 'count' },
        { type: 'doubleSum', name: 'latency_sum', fieldName: 'latencyMs' },
      ],
      granularitySpec: { segmentGranularity: 'hour', queryGranularity: 'minute', rollup: true },
    },
    ioConfig: {
      type: 'kafka',
      topic: 'clicks',
      inputFormat: { type: 'json' },
      consumerProperties: { 'bootstrap.servers': 'kafka1:9092,kafka2:9092' },
      useEarliestOffset: true,
      taskCount: 2,
      replicas: 1,
      taskDuration: 'PT1H',
    },
    tuningConfig: { type: 'kafka' },
  },
};

/** A copy of CLICKS_SPEC with edits applied to the copy. */
export function clicksSpecWith(edit: (spec: SupervisorSpec) => void): SupervisorSpec {
  const spec = cloneJson(CLICKS_SPEC);
  edit(spec);
  return spec;
}

/** The wizard's plan for CLICKS_SPEC (replicas left to the default). */
export const CLICKS_PLAN: LoadPlanInput = {
  topic: 'clicks',
  datasource: 'clicks',
  bootstrapServers: ['kafka1:9092', 'kafka2:9092'],
  inputFormat: { type: 'json' },
  timestampSpec: { column: 'ts', format: 'iso' },
  dimensionsSpec: { dimensions: ['url', 'user', { type: 'long', name: 'status' }] },
  metricsSpec: [
    { type: 'count', name: 'count' },
    { type: 'doubleSum', name: 'latency_sum', fieldName: 'latencyMs' },
  ],
  granularitySpec: { segmentGranularity: 'hour', queryGranularity: 'minute', rollup: true },
  useEarliestOffset: true,
  taskCount: 2,
};
