// POST /api/supervisors/bulk in-process against a scripted Overlord: one result per supervisor read
// back from Druid, supervisors already in the asked state left alone, a failure that does not stop
// the others, one audit entry per supervisor acted on, and bad input refused with where it is wrong.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { json, startFakeDruid, type FakeDruid, type RecordedRequest, type Reply } from '@/lib/druid/testing/fake-druid';
import { BulkResultSchema } from '@/lib/operate/bulk';

let fake: FakeDruid;
let dir: string;
let suspended: Map<string, boolean>;
let route: typeof import('./route');
let audit: typeof import('@/lib/server/audit');

function overlord(request: RecordedRequest): Reply {
  const [, id, view = ''] = /^\/druid\/indexer\/v1\/supervisor\/([^/]+)(?:\/(.+))?$/.exec(request.url) ?? [];
  const isSuspended = suspended.get(decodeURIComponent(id ?? ''));
  if (isSuspended === undefined) return json(JSON.stringify({ error: `[${id}] does not exist` }), 404);
  if (view === 'status') {
    const state = isSuspended ? 'SUSPENDED' : 'RUNNING';
    return json(JSON.stringify({ id, payload: { dataSource: id, stream: id, partitions: 1, activeTasks: isSuspended ? [] : [{ id: `task-${id}` }], suspended: isSuspended, healthy: true, state, detailedState: state } }));
  }
  if (view === 'stats') return json(JSON.stringify(isSuspended ? {} : { '0': {}, '2': {} }));
  if (view === 'taskGroups/handoff') return json('');
  if (view === 'suspend' || view === 'resume') {
    suspended.set(id, view === 'suspend');
    return json(JSON.stringify({ type: 'kafka', suspended: view === 'suspend' }));
  }
  return json(JSON.stringify({ error: 'unknown' }), 404);
}

const post = (body: unknown) => route.POST(new Request('http://localhost/api/supervisors/bulk', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));

beforeAll(async () => {
  fake = await startFakeDruid(overlord);
  dir = mkdtempSync(path.join(tmpdir(), 'tributary-bulk-'));
  Object.assign(process.env, { KAFKA_BROKERS: 'localhost:9092', DRUID_URL: fake.url, TRIBUTARY_DB_FILE: path.join(dir, 'tributary.db') });
  route = await import('./route');
  audit = await import('@/lib/server/audit');
});

afterAll(async () => {
  await audit?.closeStore();
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  suspended = new Map([
    ['a', false],
    ['b', false],
    ['c', true],
  ]);
  fake.requests.length = 0;
});

describe('POST /api/supervisors/bulk', () => {
  it('suspends each supervisor, leaves one already suspended alone, and reports one unknown without stopping the others', async () => {
    const response = await post({ action: 'suspend', ids: ['a', 'b', 'c', 'ghost'] });
    expect(response.status).toBe(200);
    const answer = BulkResultSchema.parse(await response.json());
    expect(answer.results.map((r) => [r.id, r.ok, r.acted, r.state])).toEqual([
      ['a', true, true, 'SUSPENDED'],
      ['b', true, true, 'SUSPENDED'],
      ['c', true, false, 'SUSPENDED'],
      ['ghost', false, false, null],
    ]);
    expect(answer.results[0].message).toContain('Druid reports it SUSPENDED');
    expect(answer.results[2].message).toBe('"c": already suspended, left as it is.');
    expect(answer.results[3].message).toBe('Druid has no supervisor named "ghost"');
    expect(answer.summary).toBe('2 suspended; 1 left as it was; 1 failed');
    expect(fake.requests.filter((r) => r.method === 'POST').map((r) => r.url).sort()).toEqual(['/druid/indexer/v1/supervisor/a/suspend', '/druid/indexer/v1/supervisor/b/suspend']);
    const trail = (await audit.auditPage({}, 100)).entries.filter((e) => e.action === 'suspend');
    expect(trail.map((e) => [e.supervisorId, e.outcome]).sort()).toEqual([
      ['a', 'ok'],
      ['b', 'ok'],
    ]);
  });

  it('resumes them again, read back as running', async () => {
    suspended = new Map([
      ['a', true],
      ['b', true],
    ]);
    const answer = BulkResultSchema.parse(await (await post({ action: 'resume', ids: ['a', 'b'] })).json());
    expect(answer.results.map((r) => [r.id, r.ok, r.state])).toEqual([
      ['a', true, 'RUNNING'],
      ['b', true, 'RUNNING'],
    ]);
    expect(answer.summary).toBe('2 resumed');
  });

  it('hands off the task groups reading now, and says when a supervisor has none', async () => {
    const answer = BulkResultSchema.parse(await (await post({ action: 'handoff', ids: ['a', 'c'] })).json());
    expect(answer.results.map((r) => [r.id, r.ok, r.acted, r.message])).toEqual([
      ['a', true, true, 'Task groups 0, 2 of "a" were asked to publish their segments now.'],
      ['c', true, false, '"c": no task reading, nothing to hand off.'],
    ]);
    expect(fake.requests.filter((r) => r.method === 'POST').map((r) => [r.url, r.body])).toEqual([['/druid/indexer/v1/supervisor/a/taskGroups/handoff', '{"taskGroupIds":[0,2]}']]);
  });

  it('refuses an empty, repeated or unknown selection, saying where', async () => {
    const refusal = async (body: unknown) => {
      const response = await post(body);
      return [response.status, (await response.json()).error.message];
    };
    expect(await refusal({ action: 'suspend', ids: [] })).toEqual([400, 'Invalid request body.ids: name at least one supervisor']);
    expect(await refusal({ action: 'suspend', ids: ['a', 'a'] })).toEqual([400, 'Invalid request body.ids: "a" is named more than once']);
    expect(await refusal({ action: 'reset', ids: ['a'] })).toEqual([400, 'Invalid request body.action: must be one of suspend, resume, handoff, terminate']);
    expect(fake.requests).toHaveLength(0);
  });
});
