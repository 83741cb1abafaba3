// The supervisors the demo starts with, so the dashboard and the query page have data from the
// first minute: the web clickstream as seed 000 loads it, and coin prices with epoch seconds as
// seed 004 loads them, both in the inputFormat form. Submitted through lib/druid, as the app does.
import { parseConfig } from '@/lib/config';
import { createDruidClient } from '@/lib/druid';

export const DEMO_TOPIC = 'web-clickstream';
export const DEMO_DATASOURCE = 'web-clickstream';

function kafkaSupervisor(options: { topic: string; bootstrapServers: string; timestampSpec: object; dimensions: string[]; metrics: object[] }) {
  return {
    type: 'kafka',
    spec: {
      dataSchema: {
        dataSource: options.topic,
        timestampSpec: options.timestampSpec,
        dimensionsSpec: { dimensions: options.dimensions },
        metricsSpec: options.metrics,
        granularitySpec: { type: 'uniform', segmentGranularity: 'hour', queryGranularity: 'none', rollup: false },
      },
      ioConfig: {
        type: 'kafka',
        topic: options.topic,
        inputFormat: { type: 'json' },
        consumerProperties: { 'bootstrap.servers': options.bootstrapServers },
        useEarliestOffset: true,
        taskCount: 1,
        replicas: 1,
        taskDuration: 'PT1H',
      },
      tuningConfig: { type: 'kafka' },
    },
  };
}

export function demoSupervisorSpecs(bootstrapServers: string) {
  return [
    kafkaSupervisor({
      topic: DEMO_TOPIC,
      bootstrapServers,
      timestampSpec: { column: 'time', format: 'iso' },
      dimensions: ['url', 'user'],
      metrics: [
        { type: 'count', name: 'views' },
        { type: 'longSum', name: 'latencyMs', fieldName: 'latencyMs' },
      ],
    }),
    kafkaSupervisor({
      topic: 'crypto-prices',
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
