// Contract against the real Apache Druid 33 of the local stack: every call lib/druid makes,
// answered by Druid itself, parses with the schema the client uses. With RECORD_DRUID33=1 the
// answers are written to testdata/druid-contract/druid33/, which the unit contract test reads.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kafka, logLevel } from 'kafkajs';
import { druidSql, pollUntil, testStack } from '@/testing/real-stack';
import { parseDruidJson } from './json';
import { schemaFor } from './testing/contract-schemas';
import { createDruidClient } from './client';
import { parseConfig } from '@/lib/config';
import { kafkaSupervisorSpec } from '@/devstack/demo-supervisor';

const RECORD_DIR = path.resolve(import.meta.dirname, '../../testdata/druid-contract/druid33');
const record = process.env.RECORD_DRUID33 === '1';

const stack = testStack();
const router = stack.druidUrl;
const id = `contract-${Date.now().toString(36)}`;
const MESSAGES = 200;
const BASE_MS = Date.UTC(2026, 10, 19, 15, 0, 0);

interface Answer {
  readonly status: number;
  readonly text: string;
}

async function call(method: 'GET' | 'POST' | 'DELETE', route: string, body?: unknown, base = router): Promise<Answer> {
  const response = await fetch(`${base}${route}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  });
  return { status: response.status, text: await response.text() };
}

/** Parses a recorded answer as the client does, checks it with its schema, and records it. */
function expectContract(name: string, answer: Answer, status = 200): void {
  expect(answer.status, `${name}: ${answer.text.slice(0, 300)}`).toBe(status);
  const schema = schemaFor(name)!;
  expect(schema, `no schema for ${name}`).toBeDefined();
  const parsed = schema.safeParse(parseDruidJson(answer.text, { bigIntegers: 'string' }));
  expect(parsed.error?.issues ?? [], name).toEqual([]);
  if (record) {
    mkdirSync(RECORD_DIR, { recursive: true });
    // As Druid wrote it: re-serialising would merge repeated keys and round big numbers.
    writeFileSync(path.join(RECORD_DIR, name), answer.text);
  }
}

const supervisorSpec = () =>
  kafkaSupervisorSpec({
    topic: id,
    bootstrapServers: stack.kafka.bootstrapServers,
    timestampSpec: { column: 'time', format: 'iso' },
    dimensions: ['url', 'user'],
    metrics: [
      { type: 'count', name: 'views' },
      { type: 'longSum', name: 'latencyMs', fieldName: 'latencyMs' },
    ],
  });

const interval = '2026-11-19T00:00:00.000Z/2026-11-21T00:00:00.000Z';

describe('Apache Druid 33 answers every call lib/druid makes in the shapes it reads', () => {
  const kafka = new Kafka({ brokers: [stack.kafka.bootstrapServers], logLevel: logLevel.NOTHING });
  let taskId = '';

  beforeAll(async () => {
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: id, numPartitions: 2 }], waitForLeaders: true });
    await admin.disconnect();
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: id,
      messages: Array.from({ length: MESSAGES }, (_, i) => ({
        partition: i % 2,
        value: JSON.stringify({ time: new Date(BASE_MS + i * 60_000).toISOString(), url: ['/', '/foo/bar', '/docs'][i % 3], user: i % 3 === 1 ? 'roni' : `u${i % 7}`, latencyMs: 10 + (i % 50) }),
      })),
    });
    await producer.disconnect();
    expectContract('overlord.supervisor.post.response.json', await call('POST', '/druid/indexer/v1/supervisor', supervisorSpec()));
    await pollUntil(`${MESSAGES} rows of ${id} queryable`, () => druidSql<{ c: number }>(router, `SELECT COUNT(*) AS c FROM "${id}"`), (rows) => rows[0]?.c === MESSAGES, 180_000);
    const status = await pollUntil(
      'an active task',
      async () => JSON.parse((await call('GET', `/druid/indexer/v1/supervisor/${id}/status`)).text) as { payload: { activeTasks?: { id: string }[] } },
      (answer) => (answer.payload.activeTasks?.length ?? 0) > 0,
      60_000,
    );
    taskId = status.payload.activeTasks![0].id;
  });

  afterAll(async () => {
    await call('POST', `/druid/indexer/v1/supervisor/${id}/terminate`);
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [id] }).catch(() => undefined);
    await admin.disconnect();
  });

  it('the Overlord: supervisors, their status, stats, health and history', async () => {
    expectContract('overlord.supervisor.list.response.json', await call('GET', '/druid/indexer/v1/supervisor'));
    expectContract('overlord.supervisor.list-state.response.json', await call('GET', '/druid/indexer/v1/supervisor?state=true'));
    expectContract('overlord.supervisor.list-full.response.json', await call('GET', '/druid/indexer/v1/supervisor?full'));
    expectContract('overlord.supervisor.spec.response.json', await call('GET', `/druid/indexer/v1/supervisor/${id}`));
    expectContract('overlord.supervisor.status.response.json', await call('GET', `/druid/indexer/v1/supervisor/${id}/status`));
    expectContract('overlord.supervisor.stats.response.json', await call('GET', `/druid/indexer/v1/supervisor/${id}/stats`));
    expectContract('overlord.supervisor.health.response.json', await call('GET', `/druid/indexer/v1/supervisor/${id}/health`));
    expectContract('overlord.supervisor.history.response.json', await call('GET', `/druid/indexer/v1/supervisor/${id}/history`));
    expectContract('overlord.supervisor.history-all.response.json', await call('GET', '/druid/indexer/v1/supervisor/history'));
    expectContract('overlord.isLeader.response.json', await call('GET', '/druid/indexer/v1/isLeader'));
  });

  it('the Overlord: tasks, their status, payload and reports', async () => {
    expectContract('overlord.tasks.list.response.json', await call('GET', '/druid/indexer/v1/tasks'));
    expectContract('overlord.tasks.running.response.json', await call('GET', '/druid/indexer/v1/runningTasks'));
    expectContract('overlord.tasks.complete.response.json', await call('GET', '/druid/indexer/v1/completeTasks'));
    expectContract('overlord.tasks.pending.response.json', await call('GET', '/druid/indexer/v1/pendingTasks'));
    expectContract('overlord.tasks.waiting.response.json', await call('GET', '/druid/indexer/v1/waitingTasks'));
    expectContract('overlord.task.status.response.json', await call('GET', `/druid/indexer/v1/task/${taskId}/status`));
    expectContract('overlord.task.payload.response.json', await call('GET', `/druid/indexer/v1/task/${taskId}`));
    expectContract('overlord.task.reports.live.response.json', await call('GET', `/druid/indexer/v1/task/${taskId}/reports`));
    expectContract('overlord.taskStatus.post.response.json', await call('POST', '/druid/indexer/v1/taskStatus', [taskId]));
  });

  it('the sampler: rows for a spec, and a 400 naming what is wrong', async () => {
    const spec = supervisorSpec();
    const sample = { type: 'kafka', spec: { ...spec, spec: { ...spec.spec, ioConfig: { ...spec.spec.ioConfig, useEarliestOffset: true } } }, samplerConfig: { numRows: 20, timeoutMs: 10_000 } };
    const answer = await call('POST', '/druid/indexer/v1/sampler', sample);
    expectContract('overlord.sampler.response.json', answer);
    expect((JSON.parse(answer.text) as { numRowsRead: number }).numRowsRead).toBeGreaterThan(0);
    expectContract('overlord.sampler.error.400.json', await call('POST', '/druid/indexer/v1/sampler', { type: 'kafka', spec: { spec: spec.spec } }), 400);
  });

  it('the Broker: SQL in every result format the app asks for, and its errors', async () => {
    const query = `SELECT "user", COUNT(*) AS views FROM "${id}" GROUP BY 1 ORDER BY 2 DESC`;
    expectContract('broker.sql.response.object.json', await call('POST', '/druid/v2/sql', { query }));
    expectContract('broker.sql.response.object.header-types.json', await call('POST', '/druid/v2/sql', { query, header: true, typesHeader: true, sqlTypesHeader: true }));
    expectContract('broker.sql.response.array.header-types.json', await call('POST', '/druid/v2/sql', { query, resultFormat: 'array', header: true, typesHeader: true, sqlTypesHeader: true }));
    expectContract('broker.sql.error.response.json', await call('POST', '/druid/v2/sql', { query: `SELECT nope FROM "${id}"` }), 400);
  });

  it('the Broker: native queries, with zoned buckets labelled in their zone', async () => {
    const timeseries = {
      queryType: 'timeseries',
      dataSource: id,
      intervals: [interval],
      granularity: { type: 'period', period: 'P1D', timeZone: 'Asia/Shanghai' },
      aggregations: [{ type: 'longSum', name: 'views', fieldName: 'views' }],
    };
    const answer = await call('POST', '/druid/v2', timeseries);
    expectContract('broker.native.timeseries.response.json', answer);
    expect((JSON.parse(answer.text) as { timestamp: string }[])[0].timestamp).toMatch(/T00:00:00\.000\+08:00$/);
    expectContract('broker.native.topN.response.json', await call('POST', '/druid/v2', { queryType: 'topN', dataSource: id, intervals: [interval], granularity: 'all', dimension: 'url', metric: 'views', threshold: 3, aggregations: [{ type: 'longSum', name: 'views', fieldName: 'views' }] }));
    expectContract('broker.native.groupBy.response.json', await call('POST', '/druid/v2', { queryType: 'groupBy', dataSource: id, intervals: [interval], granularity: 'hour', dimensions: ['user'], aggregations: [{ type: 'longSum', name: 'views', fieldName: 'views' }] }));
    const search = await call('POST', '/druid/v2', { queryType: 'search', dataSource: id, intervals: [interval], granularity: 'all', searchDimensions: ['user'], query: { type: 'insensitive_contains', value: 'roni' } });
    expectContract('broker.native.search.response.json', search);
    expect(search.text).toContain('"roni"');
    expectContract('broker.native.scan.response.list.json', await call('POST', '/druid/v2', { queryType: 'scan', dataSource: id, intervals: [interval], limit: 3, resultFormat: 'list' }));
    expectContract('broker.native.scan.response.compactedList.json', await call('POST', '/druid/v2', { queryType: 'scan', dataSource: id, intervals: [interval], limit: 3, resultFormat: 'compactedList' }));
    expectContract('broker.native.timeBoundary.response.json', await call('POST', '/druid/v2', { queryType: 'timeBoundary', dataSource: id }));
    expectContract('broker.native.dataSourceMetadata.response.json', await call('POST', '/druid/v2', { queryType: 'dataSourceMetadata', dataSource: id }));
    expectContract('broker.native.segmentMetadata.response.json', await call('POST', '/druid/v2', { queryType: 'segmentMetadata', dataSource: id, intervals: [interval] }));
    expectContract('broker.native.error.response.json', await call('POST', '/druid/v2', { queryType: 'timeseries', dataSource: id, intervals: ['not-an-interval'], granularity: 'all' }), 400);
  });

  it('every service: status, health, self-discovery', async () => {
    expectContract('status.response.json', await call('GET', '/status'));
    expectContract('status.health.response.json', await call('GET', '/status/health'));
    expectContract('status.selfDiscovered-status.response.json', await call('GET', `/status/selfDiscovered/status`));
    // The Router does not proxy the Broker's own routes.
    expectContract('broker.loadstatus.response.json', await call('GET', '/druid/broker/v1/loadstatus', undefined, stack.real.druid.brokerUrl));
  });

  it('the actions: suspend, resume, handoff, reset offsets, reset, terminate, and history after it', async () => {
    expectContract('overlord.supervisor.suspend.response.json', await call('POST', `/druid/indexer/v1/supervisor/${id}/suspend`));
    const lag = await pollUntil(
      'the suspended supervisor reports its lag',
      async () => JSON.parse((await call('GET', `/druid/indexer/v1/supervisor/${id}/status`)).text) as { payload: { state: string } },
      (status) => status.payload.state === 'SUSPENDED',
      60_000,
    );
    expect(lag.payload.state).toBe('SUSPENDED');
    expectContract('overlord.supervisor.resetOffsets.response.json', await call('POST', `/druid/indexer/v1/supervisor/${id}/resetOffsets`, { type: 'kafka', partitions: { type: 'end', stream: id, partitionOffsetMap: { '0': 50 } } }));
    expectContract('overlord.supervisor.resume.response.json', await call('POST', `/druid/indexer/v1/supervisor/${id}/resume`));
    const handoff = await call('POST', `/druid/indexer/v1/supervisor/${id}/taskGroups/handoff`, { taskGroupIds: [0] });
    expect(handoff.status).toBe(200);
    expectContract('overlord.supervisor.reset.response.json', await call('POST', `/druid/indexer/v1/supervisor/${id}/reset`));
    expectContract('overlord.supervisor.terminate.response.json', await call('POST', `/druid/indexer/v1/supervisor/${id}/terminate`));
    // After a terminate Druid keeps the history, its last entry a tombstone whose JSON repeats "type".
    expectContract('overlord.supervisor.history.terminated.response.json', await call('GET', `/druid/indexer/v1/supervisor/${id}/history`));
  });

  it('the client itself reads a terminated supervisor\'s history', async () => {
    const druid = createDruidClient(parseConfig({ KAFKA_BROKERS: stack.kafka.bootstrapServers, DRUID_URL: router }).druid);
    try {
      const history = await druid.supervisors.history(id);
      expect(history.length).toBeGreaterThanOrEqual(2);
    } finally {
      await druid.close();
    }
  });
});
