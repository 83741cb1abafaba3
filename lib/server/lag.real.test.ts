// Lag from Kafka against the real stack: a supervisor of this test's own, suspended while messages
// arrive, shows lag grown by exactly what was written and a time lag at least the age of the first
// unread message, though Druid's tasks are gone; resumed, its lag drains to zero.
import type { Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kafkaSupervisorSpec } from '@/devstack/demo-supervisor';
import { createTopicWith, deleteTopics, stackKafka } from '@/testing/app';
import { pollUntil, testStack } from '@/testing/real-stack';
import { LagReportSchema, type LagReport } from '@/lib/operate/monitoring-schemas';

const ID = `lag-${Date.now().toString(36)}`;
const FIRST = 40;
const WRITTEN_WHILE_SUSPENDED = 300;
/** The unread messages carry Kafka timestamps this far in the past, so their age is unmistakable. */
const UNREAD_AGE_MS = 10 * 60_000;

let producer: Producer;
let lag: typeof import('./lag');
let route: typeof import('@/app/api/supervisors/[id]/lag/route');
let druidClient: typeof import('./druid');

const status = async () => (await druidClient.druid().supervisors.status(ID)).payload;
const lagOf = async () => (await lag.readLags([{ id: ID, status: await status() }])).get(ID)!;
const message = (n: number, timestamp = Date.now()) => ({ value: JSON.stringify({ time: timestamp, n }), timestamp: String(timestamp) });

beforeAll(async () => {
  const stack = testStack();
  Object.assign(process.env, { KAFKA_BROKERS: stack.kafka.bootstrapServers, DRUID_URL: stack.druidUrl });
  lag = await import('./lag');
  route = await import('@/app/api/supervisors/[id]/lag/route');
  druidClient = await import('./druid');

  await createTopicWith(ID, 2, Array.from({ length: FIRST }, (_, n) => message(n)));
  producer = stackKafka().producer();
  await producer.connect();
  const spec = kafkaSupervisorSpec({ topic: ID, bootstrapServers: stack.kafka.bootstrapServers, timestampSpec: { column: 'time', format: 'millis' }, dimensions: ['n'] });
  // Druid refreshes its tasks' offsets every 5 s instead of 30, so the drained lag shows sooner.
  (spec.spec as { ioConfig: Record<string, unknown> }).ioConfig.offsetFetchPeriod = 'PT5S';
  await druidClient.druid().supervisors.submit(spec);
});

afterAll(async () => {
  await producer?.disconnect().catch(() => undefined);
  const { druidUrl } = testStack();
  await fetch(`${druidUrl}/druid/indexer/v1/supervisor/${ID}/terminate`, { method: 'POST' }).catch(() => undefined);
  // A terminated supervisor's tasks still publish and wait for handoff; with the datasource dropped they
  // would hold their task slots until the handoff times out, so they are stopped here.
  const tasks = await fetch(`${druidUrl}/druid/indexer/v1/tasks?datasource=${ID}`)
    .then((response) => response.json() as Promise<{ id: string; statusCode?: string; status?: string }[]>)
    .catch(() => []);
  for (const task of tasks.filter((t) => (t.statusCode ?? t.status) === 'RUNNING')) {
    await fetch(`${druidUrl}/druid/indexer/v1/task/${encodeURIComponent(task.id)}/shutdown`, { method: 'POST' }).catch(() => undefined);
  }
  await fetch(`${druidUrl}/druid/coordinator/v1/datasources/${ID}`, { method: 'DELETE' }).catch(() => undefined);
  await deleteTopics(ID);
  (await import('@/lib/kafka/client')).closeKafkaClient();
});

describe('lag from Kafka', () => {
  it('is zero once the running tasks have read everything', async () => {
    const caughtUp = await pollUntil('the tasks read every message', lagOf, (r) => r.offsetSource === 'tasks' && r.totalLag === '0', 90_000, 1_000);
    expect(caughtUp.partitions.map((p) => [p.partition, p.lag, p.timeLagMs])).toEqual([
      [0, '0', 0],
      [1, '0', 0],
    ]);
    expect(caughtUp.direction).toBe('caught-up');
  });

  it('grows by exactly what is written while suspended, and in time by at least the first unread message’s age', async () => {
    await druidClient.druid().supervisors.suspend(ID);
    // Suspended, the tasks stop reading and publish; for some 20 s before, Druid's status lists no offsets at all.
    const before = await pollUntil(
      'Druid lists where the suspended supervisor is',
      async () => ({ report: await lagOf(), status: await status() }),
      ({ report, status }) => status.state === 'SUSPENDED' && (status.activeTasks?.length ?? 0) === 0 && report.offsetSource !== 'none',
      90_000,
      1_000,
    ).then(({ report }) => report);
    expect(before.totalLag).toBe('0');

    const writtenAt = Date.now() - UNREAD_AGE_MS;
    await producer.send({ topic: ID, messages: Array.from({ length: WRITTEN_WHILE_SUSPENDED }, (_, i) => ({ partition: i % 2, ...message(FIRST + i, writtenAt + i) })) });
    const lookedAt = Date.now();
    const after = await lagOf();
    expect(['tasks', 'committed']).toContain(after.offsetSource);
    expect(after.measuredAt >= new Date(lookedAt).toISOString()).toBe(true);
    expect(BigInt(after.totalLag!) - BigInt(before.totalLag!)).toBe(BigInt(WRITTEN_WHILE_SUSPENDED));
    expect(after.partitions.map((p) => p.lag)).toEqual([String(WRITTEN_WHILE_SUSPENDED / 2), String(WRITTEN_WHILE_SUSPENDED / 2)]);
    // The first unread message of partition 0 was written at writtenAt, of partition 1 a millisecond later.
    expect(after.partitions[0].timeLagMs).toBeGreaterThanOrEqual(lookedAt - writtenAt);
    expect(after.partitions[1].timeLagMs).toBeGreaterThanOrEqual(lookedAt - writtenAt - 1);
    expect(after.maxTimeLagMs).toBeLessThanOrEqual(Date.now() - writtenAt);
    expect(after.problems).toEqual([]);
  });

  it('answers GET /api/supervisors/{id}/lag with the same figures, and 404 for a supervisor Druid does not have', async () => {
    const response = await route.GET(new Request(`http://app/api/supervisors/${ID}/lag`), { params: Promise.resolve({ id: ID }) });
    expect(response.status).toBe(200);
    const report: LagReport = LagReportSchema.parse(await response.json());
    expect(report).toMatchObject({ supervisorId: ID, topic: ID, totalLag: String(WRITTEN_WHILE_SUSPENDED) });

    const missing = `${ID}-missing`;
    const notFound = await route.GET(new Request(`http://app/api/supervisors/${missing}/lag`), { params: Promise.resolve({ id: missing }) });
    expect(notFound.status).toBe(404);
    expect((await notFound.json()).error.message).toContain(missing);
  });

  it('drains to zero after resume', async () => {
    await druidClient.druid().supervisors.resume(ID);
    const drained = await pollUntil('the lag drains', lagOf, (r) => r.offsetSource === 'tasks' && r.totalLag === '0', 120_000, 2_000);
    expect(drained.maxTimeLagMs).toBe(0);
  });
});
