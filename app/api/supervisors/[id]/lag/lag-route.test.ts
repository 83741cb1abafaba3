// GET /api/supervisors/{id}/lag in-process, against a scripted Overlord and an in-memory Kafka: the
// report in its shared schema, Druid's 404 for an unknown supervisor, and ten viewers at once
// costing Druid one status read.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, startFakeDruid, type FakeDruid, type RecordedRequest, type Reply } from '@/lib/druid/testing/fake-druid';
import { InMemoryKafka, partitionWith } from '@/lib/kafka/testing/in-memory-kafka';
import { LagReportSchema } from '@/lib/operate/monitoring-schemas';

const T0 = Date.now() - 3_600_000;
// One message a second from T0 on each partition of "clicks".
const kafka = new InMemoryKafka({ clicks: [partitionWith(Array.from({ length: 900 }, (_, i) => i), T0), partitionWith(Array.from({ length: 500 }, (_, i) => i), T0)] }, { honoursTimestamps: true });
vi.mock('@/lib/kafka/server', () => ({ appKafka: () => kafka }));

let fake: FakeDruid;
let route: typeof import('./route');

const SUSPENDED = {
  id: 'web clicks',
  payload: {
    dataSource: 'clicks',
    stream: 'clicks',
    partitions: 2,
    activeTasks: [],
    publishingTasks: [],
    latestOffsets: { '0': 700, '1': 500 },
    minimumLag: { '0': 100, '1': 0 },
    aggregateLag: 100,
    suspended: true,
    healthy: true,
    state: 'SUSPENDED',
    detailedState: 'SUSPENDED',
  },
};

function overlord(request: RecordedRequest): Reply {
  if (request.url === '/druid/indexer/v1/supervisor/web%20clicks/status') return { ...json(JSON.stringify(SUSPENDED)), delayMs: 50 };
  return json(JSON.stringify({ error: 'Cannot find any supervisor with id: [nope]' }), 404);
}

const get = (id: string) => route.GET(new Request(`http://localhost/api/supervisors/${encodeURIComponent(id)}/lag`), { params: Promise.resolve({ id }) });

beforeAll(async () => {
  fake = await startFakeDruid(overlord);
  Object.assign(process.env, { KAFKA_BROKERS: 'localhost:9092', DRUID_URL: fake.url });
  route = await import('./route');
});

afterAll(async () => {
  await fake?.close();
});

beforeEach(() => {
  fake.requests.length = 0;
});

describe('GET /api/supervisors/{id}/lag', () => {
  it('gives each partition’s lag from Kafka in messages and in time, for a suspended supervisor', async () => {
    const response = await get('web clicks');
    expect(response.status).toBe(200);
    const report = LagReportSchema.parse(await response.json());
    expect(report).toMatchObject({ supervisorId: 'web clicks', topic: 'clicks', offsetSource: 'committed', totalLag: '300', problems: [] });
    expect(report.partitions.map((p) => [p.partition, p.currentOffset, p.latestOffset, p.lag])).toEqual([
      [0, '600', '900', '300'],
      [1, '500', '500', '0'],
    ]);
    // The oldest unread message, offset 600, was written 600 s after T0.
    expect(report.partitions[0].timeLagMs).toBe(Date.parse(report.measuredAt) - (T0 + 600_000));
  });

  it('answers any number of viewers with one read of Druid per 5 s', async () => {
    const viewers = async () => (await Promise.all(Array.from({ length: 10 }, () => get('web clicks')))).map((a) => a.status);
    const statusReads = () => fake.requests.filter((r) => r.url.endsWith('/status')).length;
    expect(await viewers()).toEqual(Array(10).fill(200));
    // The answer read for the first viewer (the test above) serves these ten.
    expect(statusReads()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 5_100));
    expect(await viewers()).toEqual(Array(10).fill(200));
    expect(statusReads()).toBe(1);
  });

  it('answers 404 with Druid’s words for a supervisor it does not have', async () => {
    const response = await get('nope');
    expect(response.status).toBe(404);
    const body = await response.json();
    expect(body.error.message).toContain('nope');
  });
});
