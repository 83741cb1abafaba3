// The supervisor the demo starts with, so the dashboard and the query page have data
// from the first minute: the web clickstream topic, as seed 000 loads it, in the modern form.

export const DEMO_TOPIC = 'web-clickstream';
export const DEMO_DATASOURCE = 'web-clickstream';

export function demoSupervisorSpec(bootstrapServers: string) {
  return {
    type: 'kafka',
    spec: {
      dataSchema: {
        dataSource: DEMO_DATASOURCE,
        timestampSpec: { column: 'time', format: 'iso' },
        dimensionsSpec: { dimensions: ['url', 'user'] },
        metricsSpec: [
          { type: 'count', name: 'views' },
          { type: 'longSum', name: 'latencyMs', fieldName: 'latencyMs' },
        ],
        granularitySpec: { type: 'uniform', segmentGranularity: 'hour', queryGranularity: 'none', rollup: false },
      },
      ioConfig: {
        type: 'kafka',
        topic: DEMO_TOPIC,
        inputFormat: { type: 'json' },
        consumerProperties: { 'bootstrap.servers': bootstrapServers },
        useEarliestOffset: true,
        taskCount: 1,
        replicas: 1,
        taskDuration: 'PT1H',
      },
      tuningConfig: { type: 'kafka' },
    },
  };
}

export async function submitDemoSupervisor(druidUrl: string, bootstrapServers: string): Promise<string> {
  const response = await fetch(`${druidUrl}/druid/indexer/v1/supervisor`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(demoSupervisorSpec(bootstrapServers)),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`the local engine refused the demo supervisor: HTTP ${response.status} ${text}`);
  return (JSON.parse(text) as { id: string }).id;
}
