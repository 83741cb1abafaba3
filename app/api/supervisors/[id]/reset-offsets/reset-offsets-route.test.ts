// POST /api/supervisors/{id}/reset-offsets/preview and …/reset-offsets in-process, against a scripted
// Overlord and an in-memory Kafka whose messages have known timestamps: the counts per partition,
// clear refusals of a malformed time and of a wrong confirmation, and the reset read back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, startFakeDruid, type FakeDruid, type RecordedRequest, type Reply } from '@/lib/druid/testing/fake-druid';
import { InMemoryKafka, partitionWith } from '@/lib/kafka/testing/in-memory-kafka';
import { ResetPreviewSchema, ResetToTimeResultSchema } from '@/lib/operate/reset-preview';

// Partition 0 has messages 0..899 and partition 1 messages 0..499, one a second from T0.
const T0 = Date.parse('2026-12-07T08:00:00Z');
const kafka = new InMemoryKafka({ clicks: [partitionWith(Array.from({ length: 900 }, (_, i) => i), T0), partitionWith(Array.from({ length: 500 }, (_, i) => i), T0)] }, { honoursTimestamps: true });
vi.mock('@/lib/kafka/server', () => ({ appKafka: () => kafka }));

let fake: FakeDruid;
let dir: string;
let committed: Record<string, number>;
let preview: typeof import('./preview/route');
let reset: typeof import('./route');

function overlord(request: RecordedRequest): Reply {
  if (request.url === '/druid/indexer/v1/supervisor/clicks/status') {
    const latestOffsets = { '0': 900, '1': 500 };
    const minimumLag = Object.fromEntries(Object.entries(committed).map(([p, o]) => [p, latestOffsets[p as '0' | '1'] - o]));
    const payload = { dataSource: 'clicks', stream: 'clicks', partitions: 2, activeTasks: [], publishingTasks: [], latestOffsets, minimumLag, suspended: true, healthy: true, state: 'SUSPENDED', detailedState: 'SUSPENDED' };
    return json(JSON.stringify({ id: 'clicks', payload }));
  }
  if (request.url === '/druid/indexer/v1/supervisor/clicks/resetOffsets' && request.method === 'POST') {
    committed = { ...committed, ...JSON.parse(request.body).partitions.partitionOffsetMap };
    return json(JSON.stringify({ id: 'clicks' }));
  }
  return json(JSON.stringify({ error: 'Cannot find any supervisor with id: [nope]' }), 404);
}

const post = (module: { POST: (r: Request, c: { params: Promise<{ id: string }> }) => Promise<Response> }, id: string, suffix: string, body: unknown) =>
  module.POST(new Request(`http://localhost/api/supervisors/${id}/reset-offsets${suffix}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }), {
    params: Promise.resolve({ id }),
  });

beforeAll(async () => {
  fake = await startFakeDruid(overlord);
  dir = mkdtempSync(path.join(tmpdir(), 'tributary-reset-'));
  Object.assign(process.env, { KAFKA_BROKERS: 'localhost:9092', DRUID_URL: fake.url, TRIBUTARY_DB_FILE: path.join(dir, 'tributary.db') });
  preview = await import('./preview/route');
  reset = await import('./route');
});

afterAll(async () => {
  await (await import('@/lib/server/audit')).closeStore();
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  committed = { '0': 900, '1': 500 };
  fake.requests.length = 0;
});

describe('POST /api/supervisors/{id}/reset-offsets/preview', () => {
  it('counts per partition what going back to a time reads again', async () => {
    const response = await post(preview, 'clicks', '/preview', { time: new Date(T0 + 300_000).toISOString() });
    expect(response.status).toBe(200);
    const answer = ResetPreviewSchema.parse(await response.json());
    expect(answer.partitions.map((p) => [p.partition, p.currentOffset, p.targetOffset, p.skipped, p.replayed, p.targetTime])).toEqual([
      [0, '900', '300', '0', '600', new Date(T0 + 300_000).toISOString()],
      [1, '500', '300', '0', '200', new Date(T0 + 300_000).toISOString()],
    ]);
    expect(answer.totals).toEqual({ skipped: '0', replayed: '800', messages: '1400' });
  });

  it('moves to the earliest offsets, and to the end for a time after the last message', async () => {
    const earliest = ResetPreviewSchema.parse(await (await post(preview, 'clicks', '/preview', { time: 'earliest' })).json());
    expect(earliest.partitions.map((p) => p.targetOffset)).toEqual(['0', '0']);
    const after = ResetPreviewSchema.parse(await (await post(preview, 'clicks', '/preview', { time: new Date(T0 + 700_000).toISOString() })).json());
    expect(after.partitions.map((p) => [p.targetOffset, p.replayed])).toEqual([
      ['700', '200'],
      ['500', '0'],
    ]);
    expect(after.notes).toEqual([`Partition 1 has no message at or after ${new Date(T0 + 700_000).toISOString()}: it moves to the end offset.`]);
  });

  it('refuses a malformed time saying what was sent and what is expected', async () => {
    const response = await post(preview, 'clicks', '/preview', { time: '2024-13-01' });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toBe(`Invalid request body.time: '2024-13-01' is not an ISO-8601 instant, e.g. 2026-12-07T10:00:00Z (or "earliest" or "latest")`);
  });

  it('answers 404 in Druid’s words for an unknown supervisor', async () => {
    const response = await post(preview, 'nope', '/preview', { time: 'latest' });
    expect(response.status).toBe(404);
  });
});

describe('POST /api/supervisors/{id}/reset-offsets', () => {
  it('refuses a confirmation that is not the supervisor’s id, sending nothing', async () => {
    const response = await post(reset, 'clicks', '', { time: 'earliest', confirm: 'click' });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: 'confirmation_mismatch', message: expect.stringContaining(`type the supervisor's id "clicks"`) });
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('moves each partition to its offset at the time and answers with where Druid reads now', async () => {
    const response = await post(reset, 'clicks', '', { time: new Date(T0 + 300_000).toISOString(), confirm: 'clicks' });
    expect(response.status).toBe(200);
    const answer = ResetToTimeResultSchema.parse(await response.json());
    expect(answer.partitions).toEqual([
      { partition: 0, from: '900', to: '300', seen: '300' },
      { partition: 1, from: '500', to: '300', seen: '300' },
    ]);
    expect(answer.confirmed).toBe(true);
    expect(answer.message).toContain('Druid now reads partition 0 from 300 (was 900), partition 1 from 300 (was 500)');
    const sent = fake.requests.filter((r) => r.url.endsWith('/resetOffsets')).map((r) => JSON.parse(r.body));
    expect(sent).toEqual([{ type: 'kafka', partitions: { type: 'end', stream: 'clicks', partitionOffsetMap: { '0': 300, '1': 300 } } }]);
    const { auditPage } = await import('@/lib/server/audit');
    expect((await auditPage({ supervisor: 'clicks' }, 10)).entries[0]).toMatchObject({ action: 'resetOffsets', outcome: 'ok', detail: `offsets 0→300, 1→300, the offsets at ${new Date(T0 + 300_000).toISOString()}` });
  });
});
