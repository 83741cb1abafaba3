// Freshness probes against the real stack: a supervisor of this test's own on a topic written every
// 200 ms. A probe of the running supervisor measures a few hundred milliseconds to a few seconds,
// stored and read back through GET /api/supervisors/{id}/freshness; once it is suspended, a probe
// records the message as not seen.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kafkaSupervisorSpec } from '@/devstack/demo-supervisor';
import { createTopicWith, deleteTopics, stackKafka } from '@/testing/app';
import { pollUntil, testStack } from '@/testing/real-stack';
import { FreshnessResponseSchema } from '@/lib/operate/monitoring-schemas';

const ID = `fresh-${Date.now().toString(36)}`;
const WRITE_EVERY_MS = 200;

let dir: string;
let producer: Producer;
let writer: ReturnType<typeof setInterval> | undefined;
let written = 0;
let freshness: typeof import('./freshness');
let route: typeof import('@/app/api/supervisors/[id]/freshness/route');
let druidClient: typeof import('./druid');
let audit: typeof import('./audit');

const readRoute = async () => {
  const response = await route.GET(new Request(`http://app/api/supervisors/${ID}/freshness`), { params: Promise.resolve({ id: ID }) });
  expect(response.status).toBe(200);
  return FreshnessResponseSchema.parse(await response.json());
};

beforeAll(async () => {
  const stack = testStack();
  dir = mkdtempSync(path.join(tmpdir(), 'tributary-freshness-'));
  Object.assign(process.env, { KAFKA_BROKERS: stack.kafka.bootstrapServers, DRUID_URL: stack.druidUrl, TRIBUTARY_DB_FILE: path.join(dir, 'tributary.db') });
  freshness = await import('./freshness');
  route = await import('@/app/api/supervisors/[id]/freshness/route');
  druidClient = await import('./druid');
  audit = await import('./audit');

  await createTopicWith(ID, 2, []);
  producer = stackKafka().producer();
  await producer.connect();
  // Each message its own row: a millisecond time and a dimension no other message has.
  writer = setInterval(() => {
    const n = written++;
    void producer.send({ topic: ID, messages: [{ value: JSON.stringify({ time: Date.now(), probe: `${ID}-${n}`, n }) }] }).catch(() => undefined);
  }, WRITE_EVERY_MS);
  const spec = kafkaSupervisorSpec({ topic: ID, bootstrapServers: stack.kafka.bootstrapServers, timestampSpec: { column: 'time', format: 'millis' }, dimensions: ['probe'] });
  await druidClient.druid().supervisors.submit(spec);
  await pollUntil(
    'its task reads the topic',
    async () => (await druidClient.druid().supervisors.status(ID)).payload,
    (status) => status.state === 'RUNNING' && (status.activeTasks?.length ?? 0) > 0,
    90_000,
    1_000,
  );
});

afterAll(async () => {
  clearInterval(writer);
  await producer?.disconnect().catch(() => undefined);
  const { druidUrl } = testStack();
  await fetch(`${druidUrl}/druid/indexer/v1/supervisor/${ID}/terminate`, { method: 'POST' }).catch(() => undefined);
  // Its task would publish and wait for handoff, holding one of the indexer's few slots: it is shut down instead.
  const tasks = (await (await fetch(`${druidUrl}/druid/indexer/v1/tasks?state=running&datasource=${ID}`)).json().catch(() => [])) as { id: string }[];
  for (const task of tasks) await fetch(`${druidUrl}/druid/indexer/v1/task/${encodeURIComponent(task.id)}/shutdown`, { method: 'POST' }).catch(() => undefined);
  await fetch(`${druidUrl}/druid/coordinator/v1/datasources/${ID}`, { method: 'DELETE' }).catch(() => undefined);
  await deleteTopics(ID);
  await audit?.closeStore();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a freshness probe', () => {
  it('measures the time from a message written to the topic to its row answering a query, and the route reads it back', async () => {
    const spec = await druidClient.druid().supervisors.spec(ID);
    // The task may still be starting to read: the probe waits up to its give-up time for the row.
    const outcome = await freshness.recordFreshnessProbe({ id: ID, spec });
    expect(outcome).toMatchObject({ kind: 'measured', seen: true, detail: { columns: ['probe'] } });
    if (outcome.kind !== 'measured') return;
    expect(outcome.freshnessMs).toBeGreaterThanOrEqual(0);
    expect(outcome.freshnessMs).toBeLessThan(30_000);

    // Once the task reads along, a probe measures well under a few seconds.
    const settled = await freshness.recordFreshnessProbe({ id: ID, spec });
    expect(settled).toMatchObject({ kind: 'measured', seen: true });
    if (settled.kind !== 'measured') return;
    expect(settled.freshnessMs).toBeLessThan(5_000);
    expect(settled.detail.queries).toBeGreaterThanOrEqual(1);

    const read = await readRoute();
    expect(read.samples).toEqual([
      { time: outcome.at, freshnessMs: outcome.freshnessMs, seen: true },
      { time: settled.at, freshnessMs: settled.freshnessMs, seen: true },
    ]);
    expect(read.lastMs).toBe(settled.freshnessMs);
    expect(read.p95Ms).toBe(Math.max(outcome.freshnessMs, settled.freshnessMs));
    expect(read.note).toBeNull();
  });

  it('records a message as not seen when the supervisor is suspended and nothing lands', async () => {
    await druidClient.druid().supervisors.suspend(ID);
    await pollUntil(
      'its tasks stop reading',
      async () => (await druidClient.druid().supervisors.status(ID)).payload,
      // A publishing task still answers queries for what it read, but reads nothing more.
      (status) => status.state === 'SUSPENDED' && (status.activeTasks?.length ?? 0) === 0,
      60_000,
      1_000,
    );
    const outcome = await freshness.recordFreshnessProbe({ id: ID, spec: await druidClient.druid().supervisors.spec(ID) }, { giveUpMs: 3_000 });
    expect(outcome).toMatchObject({ kind: 'measured', seen: false });
    if (outcome.kind !== 'measured') return;
    expect(outcome.freshnessMs).toBeGreaterThanOrEqual(3_000);
    expect(outcome.detail.queries).toBeGreaterThan(5);
    const read = await readRoute();
    expect(read.samples.at(-1)).toEqual({ time: outcome.at, freshnessMs: outcome.freshnessMs, seen: false });
    expect(read.lastMs).toBe(outcome.freshnessMs);
  });
});
