// The supervisors the demo starts with, so the dashboard and the query page have data from the
// first minute: the web clickstream as seed 000 loads it, and coin prices with epoch seconds as
// seed 004 loads them, both in the inputFormat form. Submitted through lib/druid, as the app does.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseConfig } from '@/lib/config';
import { createDruidClient } from '@/lib/druid';
import { buildSpec, loadPlanSchema, type SupervisorSpec } from '@/lib/spec';

/** A JSON Kafka supervisor spec that reads from the earliest offsets, as the demo and the tests submit them. */
export function kafkaSupervisorSpec(options: {
  topic: string;
  dataSource?: string;
  bootstrapServers: string;
  timestampSpec: object;
  dimensions: readonly unknown[];
  metrics?: readonly object[];
}): SupervisorSpec {
  const plan = loadPlanSchema.parse({
    topic: options.topic,
    datasource: options.dataSource ?? options.topic,
    bootstrapServers: [options.bootstrapServers],
    inputFormat: { type: 'json' },
    timestampSpec: options.timestampSpec,
    dimensionsSpec: { dimensions: options.dimensions },
    metricsSpec: options.metrics,
    granularitySpec: { type: 'uniform', segmentGranularity: 'hour', queryGranularity: 'none', rollup: false },
    useEarliestOffset: true,
  });
  return buildSpec(plan);
}

export const DEMO_DATASOURCES = ['web-clickstream', 'crypto-prices'] as const; // named after their topics; tasks on the MiddleManager

export function demoSupervisorSpecs(bootstrapServers: string) {
  return [
    kafkaSupervisorSpec({
      topic: DEMO_DATASOURCES[0],
      bootstrapServers,
      timestampSpec: { column: 'time', format: 'iso' },
      dimensions: ['url', 'user'],
      metrics: [
        { type: 'count', name: 'views' },
        { type: 'longSum', name: 'latencyMs', fieldName: 'latencyMs' },
      ],
    }),
    kafkaSupervisorSpec({
      topic: DEMO_DATASOURCES[1],
      bootstrapServers,
      timestampSpec: { column: 'timestamp', format: 'posix' },
      dimensions: ['name'],
      metrics: [
        { type: 'count', name: 'count' },
        { type: 'longSum', name: 'data_id', fieldName: 'data_id' },
      ],
    }),
  ];
}

/** Submits the demo supervisors to Druid at `druidUrl` (a Router); returns their ids. */
export async function submitDemoSupervisors(druidUrl: string, bootstrapServers: string): Promise<string[]> {
  const druid = createDruidClient(parseConfig({ KAFKA_BROKERS: bootstrapServers, DRUID_URL: druidUrl }).druid);
  try {
    const ids: string[] = [];
    for (const spec of demoSupervisorSpecs(bootstrapServers)) ids.push((await druid.supervisors.submit(spec)).id);
    return ids;
  } finally {
    await druid.close();
  }
}

/** Waits for Druid's Overlord to answer, then submits; for docker-compose.yml's one-shot service. */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { druid: { type: 'string' }, bootstrap: { type: 'string' }, 'timeout-s': { type: 'string', default: '300' } } });
  if (!values.druid || !values.bootstrap) throw new Error('usage: demo-supervisor.ts --druid http://router:8888 --bootstrap kafka:19092');
  const deadline = Date.now() + Number(values['timeout-s']) * 1000;
  for (;;) {
    try {
      console.log(`submitted ${(await submitDemoSupervisors(values.druid, values.bootstrap)).join(', ')}`);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      console.log(`Druid is not ready yet (${(error as Error).message}); retrying`);
      await new Promise((resolve) => setTimeout(resolve, 5_000));
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: Error) => {
    console.error(`could not submit the demo supervisors: ${error.message}`);
    process.exit(1);
  });
}
