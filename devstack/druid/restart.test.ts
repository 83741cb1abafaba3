// An engine restarted on the same DuckDB file resumes its supervisors where they stopped.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MockCluster } from '@/devstack/kafka/mock-cluster';
import { startEngine } from './server';
import { call, kafkaSpec, produce, waitFor } from './testing';

const dir = mkdtempSync(path.join(tmpdir(), 'druid-restart-'));
const cluster = new MockCluster({ brokers: 1 });
afterAll(() => {
  cluster.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('engine restart', () => {
  it('keeps specs, history, data and offsets, so no record is read twice', async () => {
    const dataPath = path.join(dir, 'druid.duckdb');
    cluster.createTopic({ name: 'durable', partitions: 1 });
    await produce(cluster.bootstrapServers, 'durable', [{ value: '{"t":1,"v":"a"}' }, { value: '{"t":2,"v":"b"}' }]);

    const first = await startEngine({ port: 0, dataPath });
    await call(`${first.url}/druid/indexer/v1/supervisor`, 'POST', kafkaSpec({ dataSource: 'durable', topic: 'durable', bootstrapServers: cluster.bootstrapServers, timestampSpec: { column: 't', format: 'millis' } }));
    await waitFor('first rows', async () => (first.store.datasource('durable') ? (await first.store.rowCount('durable')) === 2 : false));
    await first.close();

    await produce(cluster.bootstrapServers, 'durable', [{ value: '{"t":3,"v":"c"}' }]);
    const second = await startEngine({ port: 0, dataPath });
    try {
      expect((await call(`${second.url}/druid/indexer/v1/supervisor`)).body).toEqual(['durable']);
      expect((await call(`${second.url}/druid/indexer/v1/supervisor/durable/history`)).body).toHaveLength(1);
      await waitFor('the record produced while stopped', async () => (await second.store.rowCount('durable')) === 3);
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect((await second.store.readRows('durable')).map((row) => row.v)).toEqual(['a', 'b', 'c']);
    } finally {
      await second.close();
    }
  });
});
