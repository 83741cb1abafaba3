// Kafka outages as a supervisor reports them: unhealthy while the brokers are down, back to
// RUNNING (and reading) when they return.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKey, KafkaErrorCode, MockCluster } from '@/devstack/kafka/mock-cluster';
import { startEngine, type Engine } from './server';
import { call, kafkaSpec, produce, waitFor } from './testing';

let cluster: MockCluster;
let engine: Engine;

beforeAll(async () => {
  cluster = new MockCluster({ brokers: 2 });
  engine = await startEngine({ port: 0, dataPath: ':memory:' });
});

afterAll(async () => {
  await engine?.close();
  cluster?.close();
});

const statusOf = async (id: string) => ((await call(`${engine.url}/druid/indexer/v1/supervisor/${id}/status`)).body as { payload: Record<string, unknown> }).payload;
const detailed = (id: string, expected: string) =>
  waitFor(`${id} ${expected}`, async () => {
    const payload = await statusOf(id);
    return payload.detailedState === expected ? payload : undefined;
  }, 15_000);

describe('Kafka outages', () => {
  it('reports LOST_CONTACT_WITH_STREAM while every broker is down, and recovers', async () => {
    cluster.createTopic({ name: 'outage', partitions: 2 });
    await produce(cluster.bootstrapServers, 'outage', [{ value: '{"t":1,"v":"a"}' }]);
    const spec = kafkaSpec({ dataSource: 'outage', topic: 'outage', bootstrapServers: cluster.bootstrapServers, timestampSpec: { column: 't', format: 'millis' } });
    expect((await call(`${engine.url}/druid/indexer/v1/supervisor`, 'POST', spec)).status).toBe(200);
    await detailed('outage', 'RUNNING');

    for (const id of cluster.brokerIds()) cluster.setBrokerDown(id);
    const down = await detailed('outage', 'LOST_CONTACT_WITH_STREAM');
    expect(down).toMatchObject({ state: 'UNHEALTHY_SUPERVISOR', healthy: false });
    expect(down.recentErrors).toContainEqual(expect.objectContaining({ streamException: true, exceptionClass: expect.any(String), message: expect.any(String), timestamp: expect.any(String) }));
    expect(await call(`${engine.url}/druid/indexer/v1/supervisor/outage/health`)).toMatchObject({ status: 503, body: { healthy: false } });
    expect((await call(`${engine.url}/druid/indexer/v1/supervisor?state=true`)).body).toEqual([{ id: 'outage', state: 'UNHEALTHY_SUPERVISOR', detailedState: 'LOST_CONTACT_WITH_STREAM', healthy: false, suspended: false }]);

    for (const id of cluster.brokerIds()) cluster.setBrokerUp(id);
    await detailed('outage', 'RUNNING');
    expect(await call(`${engine.url}/druid/indexer/v1/supervisor/outage/health`)).toMatchObject({ status: 200, body: { healthy: true } });
    await produce(cluster.bootstrapServers, 'outage', [{ value: '{"t":2,"v":"b"}' }]);
    await waitFor('rows after recovery', async () => (await engine.store.rowCount('outage')) === 2);
  });

  it('reports UNABLE_TO_CONNECT_TO_STREAM when Kafka was never reachable', async () => {
    const spec = kafkaSpec({ dataSource: 'nowhere', topic: 'nowhere', bootstrapServers: '127.0.0.1:1', timestampSpec: { column: 't', format: 'millis' } });
    expect((await call(`${engine.url}/druid/indexer/v1/supervisor`, 'POST', spec)).status).toBe(200);
    const payload = await detailed('nowhere', 'UNABLE_TO_CONNECT_TO_STREAM');
    expect(payload).toMatchObject({ state: 'UNHEALTHY_SUPERVISOR', healthy: false, activeTasks: [] });
  });

  it('rides out transient fetch errors without losing or repeating records', async () => {
    cluster.createTopic({ name: 'flaky', partitions: 1 });
    const spec = kafkaSpec({ dataSource: 'flaky', topic: 'flaky', bootstrapServers: cluster.bootstrapServers, timestampSpec: { column: 't', format: 'millis' } });
    expect((await call(`${engine.url}/druid/indexer/v1/supervisor`, 'POST', spec)).status).toBe(200);
    await detailed('flaky', 'RUNNING');
    cluster.pushRequestErrors(ApiKey.Fetch, [KafkaErrorCode.NOT_LEADER_OR_FOLLOWER, KafkaErrorCode.REQUEST_TIMED_OUT]);
    await produce(cluster.bootstrapServers, 'flaky', [1, 2, 3].map((t) => ({ value: JSON.stringify({ t, v: `r${t}` }) })));
    await waitFor('all flaky rows', async () => (engine.store.datasource('flaky') ? (await engine.store.rowCount('flaky')) === 3 : false));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await engine.store.readRows('flaky')).map((row) => row.v)).toEqual(['r1', 'r2', 'r3']);
    expect(await statusOf('flaky')).toMatchObject({ state: 'RUNNING', healthy: true, aggregateLag: 0 });
  });
});
