// The client end to end against a local HTTP server answering with Druid's documented bodies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DruidConfig } from '@/lib/config';
import { createDruidClient, type DruidClient } from './client';
import { DruidError } from './errors';
import { fixtureText } from './testing/fixtures';
import { json, startFakeDruid, type FakeDruid, type RecordedRequest, type Reply } from './testing/fake-druid';

const S = '/druid/indexer/v1/supervisor';
const ROUTES: Record<string, string> = {
  [`GET ${S}`]: 'overlord.supervisor.list.response.json',
  [`GET ${S}?state=true`]: 'overlord.supervisor.list-state.response.json',
  [`GET ${S}?full`]: 'overlord.supervisor.list-full.response.json',
  [`GET ${S}/social_media`]: 'overlord.supervisor.spec.response.json',
  [`GET ${S}/social_media/status`]: 'overlord.supervisor.status.response.json',
  [`GET ${S}/social_media/stats`]: 'overlord.supervisor.stats.response.json',
  [`GET ${S}/social_media/history`]: 'overlord.supervisor.history.response.json',
  [`GET ${S}/history`]: 'overlord.supervisor.history-all.response.json',
  [`POST ${S}`]: 'overlord.supervisor.post.response.json',
  [`POST ${S}?skipRestartIfUnmodified=true`]: 'overlord.supervisor.post.response.json',
  [`POST ${S}/social_media/suspend`]: 'overlord.supervisor.suspend.response.json',
  [`POST ${S}/social_media/resume`]: 'overlord.supervisor.resume.response.json',
  [`POST ${S}/social_media/reset`]: 'overlord.supervisor.reset.response.json',
  [`POST ${S}/social_media/resetOffsets`]: 'overlord.supervisor.resetOffsets.response.json',
  [`POST ${S}/social_media/terminate`]: 'overlord.supervisor.terminate.response.json',
  [`POST ${S}/suspendAll`]: 'overlord.supervisor.suspendAll.response.json',
  [`POST ${S}/resumeAll`]: 'overlord.supervisor.resumeAll.response.json',
  [`POST ${S}/terminateAll`]: 'overlord.supervisor.terminateAll.response.json',
  'GET /druid/indexer/v1/tasks?datasource=wikipedia_api&state=complete&max=3': 'overlord.tasks.list.response.json',
  'GET /druid/indexer/v1/task/t1/status': 'overlord.task.status.response.json',
  'GET /druid/indexer/v1/task/t1/reports': 'overlord.task.reports.live.tasks-md.response.json',
  'POST /druid/indexer/v1/sampler': 'overlord.sampler.response.web-console-fixture.json',
  'POST /druid/v2': 'broker.native.topN.social_media.response.json',
  'GET /status': 'status.response.json',
  'GET /status/health': 'status.health.response.json',
};

function serve(request: RecordedRequest): Reply {
  const key = `${request.method} ${request.url}`;
  if (ROUTES[key]) return json(fixtureText(ROUTES[key]));
  switch (key) {
    case `GET ${S}/social_media/health`:
      return json(fixtureText('overlord.supervisor.health.unhealthy.response.json'), 503);
    case `POST ${S}/social_media/taskGroups/handoff`:
      return { status: 202 };
    case 'GET /druid/indexer/v1/task/t1/log?offset=-8192':
      return { headers: { 'content-type': 'text/plain' }, body: fixtureText('overlord.task.log.response.excerpt.txt') };
    case 'GET /druid/coordinator/v1/datasources':
      return json('["social_media","wikipedia"]');
    case 'GET /druid/v2/datasources':
      return json('["social_media"]');
    case 'POST /druid/v2/sql': {
      const { resultFormat } = JSON.parse(request.body) as { resultFormat: string };
      if (resultFormat === 'csv') return { headers: { 'content-type': 'text/csv' }, body: fixtureText('broker.sql.response.csv.header-types.txt') };
      if (resultFormat === 'objectLines') return { headers: { 'content-type': 'text/plain' }, body: '{"user":null}\n{"user":"BlueMoon2662"}\n\n' };
      return { ...json(fixtureText('broker.sql.response.array.header-types.json')), headers: { 'x-druid-sql-query-id': 'q-1' } };
    }
    case 'DELETE /druid/v2/sql/q-1':
    case 'DELETE /druid/v2/abc':
      return { status: 202 };
  }
  return json(`{"error":"Cannot find any supervisor with id: [${request.url.split('/')[5]}]"}`, 404);
}

let druid: FakeDruid;
let client: DruidClient;
const config = (url: string): DruidConfig => ({
  overlordUrl: url,
  brokerUrl: url,
  coordinatorUrl: url,
  layout: 'split',
  tls: { rejectUnauthorized: true },
  timeoutMs: 2000,
});
const lastRequest = () => druid.requests[druid.requests.length - 1];

beforeAll(async () => {
  druid = await startFakeDruid(serve);
  client = createDruidClient(config(druid.url));
});
afterAll(async () => {
  await client.close();
  await druid.close();
});

describe('supervisors', () => {
  it('lists supervisors by id, with state, and in full', async () => {
    expect(await client.supervisors.list()).toEqual(['wikipedia_stream', 'social_media']);
    const states = await client.supervisors.listWithState();
    expect(states.map((s) => [s.id, s.detailedState, s.healthy])).toEqual([
      ['wikipedia_stream', 'UNABLE_TO_CONNECT_TO_STREAM', false],
      ['social_media', 'RUNNING', true],
    ]);
    const full = await client.supervisors.listFull();
    expect(full[0].spec.type).toBe('kafka');
  });

  it('reads spec, status, stats, health and history of one supervisor', async () => {
    expect((await client.supervisors.spec('social_media')).type).toBe('kafka');
    const status = await client.supervisors.status('social_media');
    expect(status.payload.latestOffsets).toEqual({ '0': '3296635' });
    expect(status.payload.activeTasks?.[0].lag).toEqual({ '0': '3' });
    expect(Object.keys(await client.supervisors.stats('social_media'))).toEqual(['0']);
    expect(await client.supervisors.health('social_media')).toEqual({ healthy: false });
    expect((await client.supervisors.history('social_media'))[0].version).toBeTypeOf('string');
    expect(Object.keys(await client.supervisors.historyAll())).toEqual(['social_media']);
  });

  it('submits a spec as JSON, and can ask Druid to keep unchanged tasks', async () => {
    const spec = JSON.parse(fixtureText('overlord.supervisor.post.request.json')) as Record<string, unknown>;
    expect(await client.supervisors.submit(spec)).toEqual({ id: 'social_media' });
    expect(lastRequest().headers['content-type']).toBe('application/json');
    expect(JSON.parse(lastRequest().body)).toEqual(spec);
    await client.supervisors.submit(spec, { skipRestartIfUnmodified: true });
    expect(lastRequest().url).toBe(`${S}?skipRestartIfUnmodified=true`);
  });

  it('suspends, resumes, resets, hands off and terminates', async () => {
    expect((await client.supervisors.suspend('social_media')).suspended).toBe(true);
    expect((await client.supervisors.resume('social_media')).suspended).toBe(false);
    expect(await client.supervisors.reset('social_media')).toEqual({ id: 'social_media' });
    await client.supervisors.handoff('social_media', [1, 2, 3]);
    expect(JSON.parse(lastRequest().body)).toEqual({ taskGroupIds: [1, 2, 3] });
    expect(await client.supervisors.terminate('social_media')).toEqual({ id: 'social_media' });
    for (const all of [client.supervisors.suspendAll, client.supervisors.resumeAll, client.supervisors.terminateAll]) {
      expect(await all()).toEqual({ status: 'success' });
    }
  });

  it('sends reset offsets beyond 2^53 as exact JSON numbers', async () => {
    await client.supervisors.resetOffsets('social_media', 'social_media', { '0': '9223372036854775806', '1': 3n });
    expect(lastRequest().body).toBe(
      '{"type":"kafka","partitions":{"type":"end","stream":"social_media","partitionOffsetMap":{"0":9223372036854775806,"1":3}}}',
    );
  });

  it('says which supervisor does not exist', async () => {
    const error = await client.supervisors.status('nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DruidError);
    expect(error).toMatchObject({ kind: 'not-found', status: 404, message: 'Druid has no supervisor named "nope"' });
  });
});

describe('tasks', () => {
  it('lists tasks by datasource and state, and reads status, reports and log', async () => {
    const tasks = await client.tasks.list({ datasource: 'wikipedia_api', state: 'complete', max: 3 });
    expect(tasks.map((t) => t.status)).toEqual(['SUCCESS', 'SUCCESS', 'SUCCESS']);
    expect((await client.tasks.status('t1')).status?.runnerStatusCode).toBe('RUNNING');
    expect((await client.tasks.reports('t1')).ingestionStatsAndErrors?.payload.ingestionState).toBe('RUNNING');
    expect(await client.tasks.log('t1', { offset: -8192 })).toContain('Task completed with status');
  });
});

describe('queries', () => {
  it('runs SQL with array results and every header by default, and can cancel it', async () => {
    const result = await client.sql.query({ query: 'SELECT "user" FROM wikipedia', context: { sqlQueryId: 'q-1' } });
    expect(JSON.parse(lastRequest().body)).toEqual({
      query: 'SELECT "user" FROM wikipedia',
      context: { sqlQueryId: 'q-1' },
      resultFormat: 'array',
      header: true,
      typesHeader: true,
      sqlTypesHeader: true,
    });
    expect(result).toEqual({
      columns: [{ name: 'user', type: 'STRING', sqlType: 'VARCHAR' }],
      rows: [['BlueMoon2662']],
      sqlQueryId: 'q-1',
      resultFormat: 'array',
    });
    await client.sql.cancel('q-1');
    expect(lastRequest().method).toBe('DELETE');
  });

  it('sends dynamic parameters and reads CSV and objectLines results', async () => {
    const request = JSON.parse(fixtureText('broker.sql.request.parameters.json')) as { query: string };
    const csv = await client.sql.query({ ...request, resultFormat: 'csv' });
    expect(JSON.parse(lastRequest().body).parameters).toEqual([
      { type: 'ARRAY', value: [999.0, null, 5.5] },
      { type: 'VARCHAR', value: 'bar' },
    ]);
    expect(csv).toMatchObject({ columns: [{ name: 'user', type: 'STRING', sqlType: 'VARCHAR' }], rows: [['BlueMoon2662']], resultFormat: 'csv' });
    const lines = await client.sql.query({ query: 'SELECT "user" FROM w', resultFormat: 'objectLines', typesHeader: false, sqlTypesHeader: false });
    expect(lines).toMatchObject({ columns: [{ name: 'user' }], rows: [['BlueMoon2662']] });
  });

  it('rejects an empty SQL query before calling Druid', async () => {
    const before = druid.requests.length;
    await expect(client.sql.query({ query: '  ' })).rejects.toThrow(/must not be empty/);
    expect(druid.requests.length).toBe(before);
  });

  it('runs a native query and cancels one', async () => {
    const query = JSON.parse(fixtureText('broker.native.topN.social_media.request.json')) as { queryType: string; dataSource: string };
    const result = await client.native.query(query);
    expect(result.queryType).toBe('topN');
    expect(result.results).toHaveLength(1);
    await client.native.cancel('abc');
    expect(lastRequest()).toMatchObject({ method: 'DELETE', url: '/druid/v2/abc' });
  });

  it('lists datasources from the Coordinator and the Broker', async () => {
    expect(await client.datasources.list()).toEqual(['social_media', 'wikipedia']);
    expect(await client.datasources.queryable()).toEqual(['social_media']);
  });
});

describe('status and sampler', () => {
  it("reads a service's version and health", async () => {
    expect((await client.status.status()).version).toBe('26.0.0');
    expect(await client.status.health('overlord')).toBe(true);
  });

  it('samples a spec', async () => {
    const request = JSON.parse(fixtureText('overlord.sampler.kafka-connect.request.derived.json')) as { type: string; spec: Record<string, unknown> };
    const sample = await client.sampler.sample(request);
    expect(sample.numRowsRead).toBe(20);
    expect(sample.data[0].parsed?.channel).toBe('#sv.wikipedia');
  });
});
