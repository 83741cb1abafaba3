// The Overlord API as the app uses it: submit, echo, history, list views, actions, tasks,
// sampler, and the Coordinator's datasource list.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MockCluster } from '@/devstack/kafka/mock-cluster';
import { startEngine, type Engine } from './server';
import { call, produce, sampleValues, waitFor } from './testing';

const fixture = (name: string) => JSON.parse(readFileSync(path.resolve(__dirname, '../../testdata/druid-contract', name), 'utf8'));
const keysDeep = (value: unknown): unknown =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, keysDeep(v)])) : typeof value;

let cluster: MockCluster;
let engine: Engine;
let v1: string;

beforeAll(async () => {
  cluster = new MockCluster({ brokers: 1 });
  engine = await startEngine({ port: 0, dataPath: ':memory:' });
  v1 = `${engine.url}/druid/indexer/v1`;
  cluster.createTopic({ name: 'social_media', partitions: 2 });
  await produce(cluster.bootstrapServers, 'social_media', [
    { value: JSON.stringify({ __time: '2024-01-30T21:00:00Z', username: 'roni', post_title: 'hi', views: 3, upvotes: 1, comments: 0, edited: 'false' }) },
    { value: JSON.stringify({ __time: '2024-01-30T21:05:00Z', username: 'brozo', post_title: 'yo', views: 5, upvotes: 2, comments: 1, edited: 'true' }) },
  ]);
});

afterAll(async () => {
  await engine?.close();
  cluster?.close();
});

function socialMediaSpec() {
  const spec = fixture('overlord.supervisor.post.request.json');
  spec.spec.ioConfig.consumerProperties['bootstrap.servers'] = cluster.bootstrapServers;
  return spec;
}

describe('supervisor API', () => {
  it('accepts the documented spec, echoes it with defaults as Druid does, and keeps history', async () => {
    const posted = await call(`${v1}/supervisor`, 'POST', socialMediaSpec());
    expect(posted).toMatchObject({ status: 200, body: { id: 'social_media' } });
    expect((await call(`${v1}/supervisor`, 'POST', socialMediaSpec())).status).toBe(200);
    expect((await call(`${v1}/supervisor`)).body).toEqual(['social_media']);

    const echo = (await call(`${v1}/supervisor/social_media`)).body as Record<string, unknown>;
    const expected = fixture('overlord.supervisor.spec.response.json');
    expect(keysDeep(echo)).toEqual(keysDeep({ ...expected, context: null }));
    expect(echo.spec).toEqual({ dataSchema: echo.dataSchema, ioConfig: echo.ioConfig, tuningConfig: echo.tuningConfig });
    expect(echo.dataSchema).toEqual({ ...expected.dataSchema, granularitySpec: expected.dataSchema.granularitySpec });
    expect(echo.ioConfig).toEqual({ ...expected.ioConfig, consumerProperties: { 'bootstrap.servers': cluster.bootstrapServers } });

    const history = (await call(`${v1}/supervisor/social_media/history`)).body as { spec: unknown; version: string }[];
    expect(history).toHaveLength(1);
    expect(history[0].spec).toEqual(echo);

    // The top-level form (no "spec" wrapper) is accepted too; a changed spec is a new version.
    const { spec } = socialMediaSpec();
    spec.dataSchema.granularitySpec.queryGranularity = 'minute';
    expect((await call(`${v1}/supervisor`, 'POST', { type: 'kafka', ...spec })).status).toBe(200);
    const all = (await call(`${v1}/supervisor/history`)).body as Record<string, { version: string }[]>;
    expect(all.social_media).toHaveLength(2);
    expect((all.social_media[0] as unknown as { spec: { dataSchema: { granularitySpec: { queryGranularity: string } } } }).spec.dataSchema.granularitySpec.queryGranularity).toBe('MINUTE');
  });

  it('reports status, lists, stats, tasks and datasources once rows land', async () => {
    await waitFor('rows from social_media', async () => (engine.store.datasource('social_media') ? (await engine.store.rowCount('social_media')) >= 2 : false));
    const status = await waitFor('the resubmitted supervisor running and caught up', async () => {
      const { body } = await call(`${v1}/supervisor/social_media/status`);
      const payload = (body as { payload: { detailedState: string; aggregateLag: number } }).payload;
      return payload.detailedState === 'RUNNING' && payload.aggregateLag === 0 ? (body as { payload: Record<string, unknown> }) : undefined;
    });
    expect(keysDeep(status)).toMatchObject({ id: 'string', generationTime: 'string' });
    expect(status.payload).toMatchObject({
      dataSource: 'social_media', stream: 'social_media', partitions: 2, replicas: 1, durationSeconds: 3600,
      publishingTasks: [], latestOffsets: { 0: expect.any(Number), 1: expect.any(Number) }, aggregateLag: 0,
      suspended: false, healthy: true, state: 'RUNNING', detailedState: 'RUNNING', recentErrors: [],
    });
    const [active] = status.payload.activeTasks as Record<string, unknown>[];
    expect(Object.keys(active)).toEqual(['id', 'startingOffsets', 'startTime', 'remainingSeconds', 'type', 'currentOffsets', 'lag']);
    expect(active.id).toMatch(/^index_kafka_social_media_[0-9a-f]{15}_[a-z]{8}$/);
    expect(active.lag).toEqual({ 0: 0, 1: 0 });

    expect((await call(`${v1}/supervisor?state=true`)).body).toEqual([{ id: 'social_media', state: 'RUNNING', detailedState: 'RUNNING', healthy: true, suspended: false }]);
    const full = (await call(`${v1}/supervisor?full`)).body as Record<string, unknown>[];
    expect(Object.keys(full[0])).toEqual(['id', 'state', 'detailedState', 'healthy', 'spec', 'suspended']);

    const stats = (await call(`${v1}/supervisor/social_media/stats`)).body as Record<string, Record<string, unknown>>;
    expect(keysDeep(stats['0'][active.id as string])).toEqual(keysDeep(Object.values(fixture('overlord.supervisor.stats.response.json')['0'])[0]));

    const tasks = (await call(`${v1}/tasks?state=running&datasource=social_media`)).body as Record<string, unknown>[];
    expect(tasks.map((t) => t.id)).toEqual([active.id]);
    expect(Object.keys(tasks[0])).toEqual(Object.keys(fixture('overlord.tasks.running.response.json')[0]));
    const taskStatus = (await call(`${v1}/task/${active.id}/status`)).body;
    expect(taskStatus).toMatchObject({ task: active.id, status: { statusCode: 'RUNNING', type: 'index_kafka', dataSource: 'social_media' } });
    // The live report counts what the running task reads.
    type Reports = { ingestionStatsAndErrors: { payload: { ingestionState: string; rowStats: { totals: { buildSegments: { processed: number } } } } } };
    const processed = async () => ((await call(`${v1}/task/${active.id}/reports`)).body as Reports).ingestionStatsAndErrors.payload.rowStats.totals.buildSegments.processed;
    const before = await processed();
    await produce(cluster.bootstrapServers, 'social_media', [{ value: JSON.stringify({ __time: '2024-01-30T21:10:00Z', username: 'roni', post_title: 'again' }) }]);
    await waitFor('the new record in the live task report', async () => (await processed()) === before + 1);
    const reports = (await call(`${v1}/task/${active.id}/reports`)).body as Reports;
    expect(reports.ingestionStatsAndErrors.payload.ingestionState).toBe('BUILD_SEGMENTS');
    expect((await call(`${v1}/task/${active.id}/log`)).text).toContain(`Task ${active.id} started`);
    expect((await call(`${v1}/task/nope/status`)).status).toBe(404);

    expect((await call(`${engine.url}/druid/coordinator/v1/datasources`)).body).toEqual(['social_media']);
    const ds = (await call(`${engine.url}/druid/coordinator/v1/datasources/social_media`)).body;
    expect(ds).toMatchObject({ tiers: { _default_tier: { segmentCount: 1 } }, segments: { minTime: '2024-01-30T21:00:00.000Z', maxTime: '2024-01-30T22:00:00.000Z', count: 1 } });
  });

  it('suspends, resumes (400 when already in that state), resets offsets and terminates', async () => {
    const before = (await call(`${v1}/supervisor/social_media/status`)).body as { payload: { activeTasks: { id: string }[] } };
    const active = before.payload.activeTasks[0];
    const suspended = await call(`${v1}/supervisor/social_media/suspend`, 'POST');
    expect(suspended).toMatchObject({ status: 200, body: { suspended: true, type: 'kafka' } });
    expect((await call(`${v1}/supervisor/social_media/suspend`, 'POST')).status).toBe(400);
    await waitFor('SUSPENDED', async () => ((await call(`${v1}/supervisor/social_media/status`)).body as { payload: { state: string } }).payload.state === 'SUSPENDED');
    expect(((await call(`${v1}/supervisor/social_media/status`)).body as { payload: { activeTasks: unknown[] } }).payload.activeTasks).toEqual([]);
    const complete = (await call(`${v1}/tasks?state=complete&datasource=social_media`)).body as Record<string, unknown>[];
    expect(complete.map((task) => task.id)).toContain(active.id);
    for (const task of complete) expect(task).toMatchObject({ statusCode: 'SUCCESS', runnerStatusCode: 'NONE', location: { host: null } });
    expect((await call(`${v1}/supervisor/social_media/resume`, 'POST')).body).toMatchObject({ suspended: false });
    expect((await call(`${v1}/supervisor/social_media/resume`, 'POST')).status).toBe(400);

    const rowsBefore = await engine.store.rowCount('social_media');
    const reset = await call(`${v1}/supervisor/social_media/resetOffsets`, 'POST', { type: 'kafka', partitions: { type: 'end', stream: 'social_media', partitionOffsetMap: { 0: 0, 1: 0 } } });
    expect(reset).toMatchObject({ status: 200, body: { id: 'social_media' } });
    await waitFor('re-read after resetOffsets', async () => (await engine.store.rowCount('social_media')) >= rowsBefore + 3);
    expect((await call(`${v1}/supervisor/social_media/reset`, 'POST')).body).toEqual({ id: 'social_media' });
    const wrongStream = await call(`${v1}/supervisor/social_media/resetOffsets`, 'POST', { type: 'kafka', partitions: { type: 'end', stream: 'other', partitionOffsetMap: { 0: 1 } } });
    expect(wrongStream).toMatchObject({ status: 400, body: { error: 'druidException', errorCode: 'invalidInput', context: { field: 'partitions.stream' } } });

    expect((await call(`${v1}/supervisor/social_media/terminate`, 'POST')).body).toEqual({ id: 'social_media' });
    expect((await call(`${v1}/supervisor/social_media/status`)).status).toBe(404);
    expect((await call(`${v1}/supervisor/social_media/terminate`, 'POST')).status).toBe(404);
    expect((await call(`${v1}/supervisor`)).body).toEqual([]);
    expect((await call(`${v1}/supervisor/social_media/history`)).status).toBe(200);

    // Once nothing ingests into it, the datasource can be dropped through the Coordinator.
    const coordinator = `${engine.url}/druid/coordinator/v1/datasources`;
    expect(await call(`${coordinator}/social_media`, 'DELETE')).toMatchObject({ status: 200, body: { numChangedSegments: 1 } });
    expect((await call(coordinator)).body).toEqual([]);
    expect((await call(`${coordinator}/social_media`)).status).toBe(404);
  });

  it('rejects what it does not support with a 400 naming the field', async () => {
    const spec = socialMediaSpec();
    spec.spec.dataSchema.metricsSpec = [{ type: 'count', name: 'count' }, { type: 'longSum', name: 'views', fieldName: 'views' }, { type: 'thetaSketch', name: 'users', fieldName: 'username' }];
    const response = await call(`${v1}/supervisor`, 'POST', spec);
    expect(response).toMatchObject({
      status: 400,
      body: {
        error: 'druidException', errorCode: 'invalidInput', persona: 'USER', category: 'INVALID_INPUT',
        errorMessage: 'spec.dataSchema.metricsSpec[2].type: "thetaSketch" is not supported by the local engine',
        context: { field: 'spec.dataSchema.metricsSpec[2].type' },
      },
    });
    expect((await call(`${v1}/supervisor`, 'POST', 'not a spec')).status).toBe(400);
    expect((await call(`${v1}/supervisor`)).body).toEqual([]);
  });

  it('samples a topic as the web console sampler does, flagging unparseable records', async () => {
    cluster.createTopic({ name: 'sampled', partitions: 1 });
    await produce(cluster.bootstrapServers, 'sampled', [...sampleValues('seed000-clickstream').slice(0, 3), '{broken'].map((value) => ({ value })));
    const request = fixture('overlord.sampler.kafka-parser.request.derived.json');
    request.spec.ioConfig.topic = 'sampled';
    request.spec.ioConfig.consumerProperties['bootstrap.servers'] = cluster.bootstrapServers;
    request.spec.dataSchema.timestampSpec = { column: 'time', format: 'iso' };
    request.samplerConfig.numRows = 10;
    const { status, body } = await call(`${v1}/sampler`, 'POST', request);
    expect(status).toBe(200);
    const sample = body as { numRowsRead: number; numRowsIndexed: number; data: Record<string, unknown>[]; logicalSegmentSchema: unknown[] };
    expect(Object.keys(sample)).toEqual(Object.keys(fixture('overlord.sampler.response.web-console-fixture.json')));
    expect(sample).toMatchObject({ numRowsRead: 4, numRowsIndexed: 3 });
    expect(sample.data[0]).toEqual({
      input: { time: '2020-03-19T09:57:58Z', url: '/foo/bar', user: 'brozo', latencyMs: 62 },
      parsed: { __time: Date.parse('2020-03-19T09:57:58Z'), url: '/foo/bar', user: 'brozo', latencyMs: 62 },
    });
    expect(sample.data[3]).toMatchObject({ unparseable: true, error: expect.stringContaining('Unable to parse row [{broken]') });
    expect(sample.logicalSegmentSchema).toEqual([{ name: '__time', type: 'LONG' }, { name: 'url', type: 'STRING' }, { name: 'user', type: 'STRING' }, { name: 'latencyMs', type: 'LONG' }]);
    request.spec.ioConfig.inputFormat = { type: 'avro_stream' };
    expect(await call(`${v1}/sampler`, 'POST', request)).toMatchObject({ status: 400, body: { error: expect.stringContaining('spec.ioConfig.inputFormat.type') } });
  });

  it('names itself on /status as the local engine with DuckDB', async () => {
    const status = (await call(`${engine.url}/status`)).body as { version: string; modules: { artifact: string }[] };
    expect(keysDeep(status)).toMatchObject({ version: 'string', memory: keysDeep(fixture('status.response.json').memory) });
    expect(status.version).toContain('not Apache Druid');
    expect(status.modules.some((module) => module.artifact.includes('duckdb'))).toBe(true);
    expect((await call(`${engine.url}/status/health`)).body).toBe(true);
  });
});

describe('task lifecycle', () => {
  it('rolls tasks over every taskDuration and on taskGroups/handoff', async () => {
    cluster.createTopic({ name: 'rolling', partitions: 1 });
    const spec = socialMediaSpec();
    spec.spec.dataSchema.dataSource = 'rolling';
    spec.spec.ioConfig.topic = 'rolling';
    spec.spec.ioConfig.taskDuration = 'PT1S';
    expect((await call(`${v1}/supervisor`, 'POST', spec)).status).toBe(200);
    const activeId = async () => (((await call(`${v1}/supervisor/rolling/status`)).body as { payload: { activeTasks: { id: string }[] } }).payload.activeTasks[0]?.id);
    const first = await waitFor('a first task', activeId);
    const second = await waitFor('the next task after taskDuration', async () => {
      const id = await activeId();
      return id && id !== first ? id : undefined;
    });
    const finished = (await call(`${v1}/task/${first}/status`)).body as { status: { statusCode: string; duration: number } };
    expect(finished.status.statusCode).toBe('SUCCESS');
    expect(finished.status.duration).toBeGreaterThanOrEqual(1000);
    expect((await call(`${v1}/task/${first}/log`)).text).toContain('Task completed with status: SUCCESS');
    expect((await call(`${v1}/task/${first}/log?offset=-8`)).text).toBe('SUCCESS\n');
    const day = new Date().toISOString().slice(0, 10);
    expect((await call(`${v1}/tasks?datasource=rolling&createdTimeInterval=2000-01-01_2000-01-02`)).body).toEqual([]);
    expect(((await call(`${v1}/tasks?datasource=rolling&createdTimeInterval=${day}_2100-01-01`)).body as unknown[]).length).toBeGreaterThanOrEqual(2);

    const handoff = await call(`${v1}/supervisor/rolling/taskGroups/handoff`, 'POST', { taskGroupIds: [0] });
    expect(handoff.status).toBe(200);
    expect((await call(`${v1}/supervisor/rolling/taskGroups/handoff`, 'POST', { taskGroupIds: ['x'] })).status).toBe(400);
    await waitFor('a task after handoff', async () => {
      const id = await activeId();
      return id && id !== first && id !== second ? id : undefined;
    });
    expect((await call(`${v1}/supervisor/rolling/terminate`, 'POST')).status).toBe(200);
  });
});

describe('request validation', () => {
  it('answers malformed action bodies with a 400 naming the field, and unknown ids with 404', async () => {
    const spec = socialMediaSpec();
    spec.spec.dataSchema.dataSource = 'validated';
    expect((await call(`${v1}/supervisor`, 'POST', spec)).status).toBe(200);
    const bad = await call(`${v1}/supervisor/validated/resetOffsets`, 'POST', { type: 'kafka', partitions: { type: 'end', stream: 'social_media', partitionOffsetMap: { 0: -5 } } });
    expect(bad).toMatchObject({ status: 400, body: { errorCode: 'invalidInput', context: { field: 'partitions.partitionOffsetMap.0' } } });
    expect((await call(`${v1}/supervisor/validated/resetOffsets`, 'POST')).status).toBe(400);
    expect((await call(`${v1}/supervisor/missing/suspend`, 'POST')).status).toBe(404);
    const notJson = await fetch(`${v1}/supervisor`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' });
    expect(notJson.status).toBe(415);
    expect((await call(`${v1}/supervisor/terminateAll`, 'POST')).body).toEqual({ status: 'success' });
  });
});
