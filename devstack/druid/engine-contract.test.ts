// Contract: the local engine's responses parse with the same lib/druid schemas the app uses
// against a real Druid (ARCHITECTURE.md, Testing).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as s from '@/lib/druid/schemas';
import { MockCluster } from '@/devstack/kafka/mock-cluster';
import { startEngine, type Engine } from './server';
import { call, kafkaSpec, produce, sampleValues, waitFor } from './testing';

let cluster: MockCluster;
let engine: Engine;

beforeAll(async () => {
  cluster = new MockCluster({ brokers: 1 });
  engine = await startEngine({ port: 0, dataPath: ':memory:' });
  cluster.createTopic({ name: 'clicks', partitions: 2 });
  await produce(cluster.bootstrapServers, 'clicks', [...sampleValues('seed000-clickstream').slice(0, 5), 'not json'].map((value) => ({ value })));
});

afterAll(async () => {
  await engine?.close();
  cluster?.close();
});

async function expectParses(schema: z.ZodType, path: string, method = 'GET', body?: unknown, status = 200) {
  const response = await call(`${engine.url}${path}`, method, body);
  expect(response.status, `${method} ${path}: ${response.text}`).toBe(status);
  const parsed = schema.safeParse(response.body);
  expect(parsed.success, `${method} ${path}: ${parsed.error?.message}`).toBe(true);
  return response.body;
}

const v1 = '/druid/indexer/v1';

describe('engine responses parse with lib/druid schemas', () => {
  it('covers status, supervisors, tasks, sampler, datasources and errors', async () => {
    const spec = kafkaSpec({
      dataSource: 'clicks', topic: 'clicks', bootstrapServers: cluster.bootstrapServers,
      timestampSpec: { column: 'time', format: 'iso' }, dimensionsSpec: { dimensions: ['url', 'user'] },
      metricsSpec: [{ type: 'count', name: 'count' }, { type: 'longSum', name: 'latencyMs', fieldName: 'latencyMs' }],
      granularitySpec: { segmentGranularity: 'day', queryGranularity: 'minute', rollup: true },
    });
    await expectParses(s.StatusSchema, '/status');
    await expectParses(s.StatusHealthSchema, '/status/health');
    await expectParses(s.SupervisorIdResponseSchema, `${v1}/supervisor`, 'POST', spec);
    await waitFor('rows', async () => (engine.store.datasource('clicks') ? (await engine.store.rowCount('clicks')) > 0 : false));
    await waitFor('a parse error reported', async () => {
      const { body } = await call(`${engine.url}${v1}/supervisor/clicks/status`);
      return ((body as { payload: { recentErrors: unknown[] } }).payload.recentErrors.length > 0) || undefined;
    });

    await expectParses(s.SupervisorListSchema, `${v1}/supervisor`);
    await expectParses(s.SupervisorFullListSchema, `${v1}/supervisor?full`);
    await expectParses(s.SupervisorStateListSchema, `${v1}/supervisor?state=true`);
    await expectParses(s.SupervisorSpecSchema, `${v1}/supervisor/clicks`);
    const status = (await expectParses(s.SupervisorStatusSchema, `${v1}/supervisor/clicks/status`)) as { payload: { activeTasks: { id: string }[] } };
    await expectParses(s.SupervisorStatsSchema, `${v1}/supervisor/clicks/stats`);
    await expectParses(s.SupervisorHealthSchema, `${v1}/supervisor/clicks/health`);
    await expectParses(s.SupervisorHistorySchema, `${v1}/supervisor/clicks/history`);
    await expectParses(s.SupervisorHistoryAllSchema, `${v1}/supervisor/history`);

    const taskId = status.payload.activeTasks[0].id;
    await expectParses(s.TaskListSchema, `${v1}/tasks?state=running`);
    await expectParses(s.TaskStatusResponseSchema, `${v1}/task/${taskId}/status`);
    await expectParses(s.TaskPayloadResponseSchema, `${v1}/task/${taskId}`);
    await expectParses(s.TaskReportsSchema, `${v1}/task/${taskId}/reports`);
    await expectParses(s.DatasourceListSchema, '/druid/coordinator/v1/datasources');

    const sampler = { type: 'kafka', spec: spec.spec, samplerConfig: { numRows: 10, timeoutMs: 5000 } };
    await expectParses(s.SampleResponseSchema, `${v1}/sampler`, 'POST', sampler);

    await expectParses(s.SupervisorSpecSchema, `${v1}/supervisor/clicks/suspend`, 'POST');
    await expectParses(s.SimpleErrorSchema, `${v1}/supervisor/clicks/suspend`, 'POST', undefined, 400);
    await expectParses(s.SupervisorSpecSchema, `${v1}/supervisor/clicks/resume`, 'POST');
    await expectParses(s.SupervisorIdResponseSchema, `${v1}/supervisor/clicks/resetOffsets`, 'POST', { type: 'kafka', partitions: { type: 'end', stream: 'clicks', partitionOffsetMap: { 0: 0 } } });
    await expectParses(s.SupervisorIdResponseSchema, `${v1}/supervisor/clicks/reset`, 'POST');
    await expectParses(s.SupervisorBulkResponseSchema, `${v1}/supervisor/suspendAll`, 'POST');
    await expectParses(s.SupervisorBulkResponseSchema, `${v1}/supervisor/resumeAll`, 'POST');
    await expectParses(s.SupervisorIdResponseSchema, `${v1}/supervisor/clicks/terminate`, 'POST');
    await expectParses(s.SimpleErrorSchema, `${v1}/supervisor/clicks/status`, 'GET', undefined, 404);
    await expectParses(s.SupervisorBulkResponseSchema, `${v1}/supervisor/terminateAll`, 'POST');

    const unsupported = { ...spec, spec: { ...(spec.spec as object), dataSchema: { ...(spec.spec as { dataSchema: object }).dataSchema, metricsSpec: [{ type: 'HLLSketchBuild', name: 'u', fieldName: 'user' }] } } };
    await expectParses(s.DruidExceptionErrorSchema, `${v1}/supervisor`, 'POST', unsupported, 400);
  });
});
