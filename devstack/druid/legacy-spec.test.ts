// The seeds' users POST parser-based specs with curl; the engine ingests them as Druid does.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MockCluster } from '@/devstack/kafka/mock-cluster';
import { startEngine, type Engine } from './server';
import { produce, sampleValues, waitFor } from './testing';

let cluster: MockCluster;
let engine: Engine;

beforeAll(async () => {
  cluster = new MockCluster({ brokers: 1 });
  engine = await startEngine({ port: 0, dataPath: ':memory:' });
});

afterAll(async () => {
  await engine?.close();
  cluster?.close();
});

function seedSpecText(prefix: string): string {
  const dir = path.resolve('testdata/seeds');
  const text = readFileSync(path.join(dir, readdirSync(dir).find((f) => f.startsWith(prefix))!), 'utf8');
  const block = text.split('```').find((part) => part.includes('"dataSchema"'));
  if (!block) throw new Error(`no spec in seed ${prefix}`);
  return block.trim();
}

it('ingests seed 000 from its legacy parser spec, posted as the seed posts it', async () => {
  cluster.createTopic({ name: 'mytopic', partitions: 1 });
  const values = sampleValues('seed000-clickstream').slice(0, 3);
  await produce(cluster.bootstrapServers, 'mytopic', values.map((value) => ({ value })));
  const body = seedSpecText('000').replace('{kafka_ip}:9092', cluster.bootstrapServers);
  // The seed relies on Druid's default (latest); its messages are produced before the submit here.
  const spec = JSON.parse(body) as { ioConfig: Record<string, unknown> };
  spec.ioConfig.useEarliestOffset = true;

  const response = await fetch(`${engine.url}/druid/indexer/v1/supervisor`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(spec),
  });
  expect(await response.json()).toEqual({ id: 'mytopic-kafka' });

  const rows = await waitFor('seed rows', async () => {
    const stored = engine.store.datasource('mytopic-kafka') ? await engine.store.readRows('mytopic-kafka') : [];
    return stored.length === 3 ? stored : undefined;
  });
  expect(rows).toContainEqual({ __time: Date.parse('2020-03-19T16:57:59Z'), url: '/', user: 'roni', views: 1, latencyMs: 15 });
});
