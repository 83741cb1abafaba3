// Submits and actions with their audit entries in a real SQLite store, against a small scripted
// Overlord that answers late when told to: what the trail records when Druid is slow, and when
// the same spec is submitted five times at once. The same is tested on real Druid 33 in
// app/api/supervisors/supervisors-faults.real.test.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, startFakeDruid, type FakeDruid, type RecordedRequest, type Reply } from '@/lib/druid/testing/fake-druid';
import { InMemoryKafka, partitionWith } from '@/lib/kafka/testing/in-memory-kafka';
import type { Identity } from '@/lib/http';
import type { AuditEntry } from '@/lib/operate/audit-entry';

const DRUID_TIMEOUT_MS = 400;
const BASE = '/druid/indexer/v1/supervisor';

interface FakeSupervisor {
  spec: Record<string, unknown>;
  suspended: boolean;
  /** Where it reads each partition next, as Druid's committed offsets. */
  offsets?: Record<string, number>;
}

// Each supervisor's topic, "<datasource>-topic", has two partitions of 1,000 messages.
const kafka = new InMemoryKafka(
  Object.fromEntries(['clicks', 'parked'].map((name) => [`${name}-topic`, [partitionWith(Array.from({ length: 1000 }, (_, i) => i)), partitionWith(Array.from({ length: 1000 }, (_, i) => i))]])),
  { honoursTimestamps: true },
);
vi.mock('@/lib/kafka/server', () => ({ appKafka: () => kafka }));

let fake: FakeDruid;
let dir: string;
let supervisors: Map<string, FakeSupervisor>;
/** Paths whose answer comes after the client's timeout; Druid still does what was asked. */
let late: Set<string>;
let actions: typeof import('./operate-actions');
let audit: typeof import('./audit');

const ana: Identity = { user: 'ana', role: 'admin', via: 'session' };
const caller = { identity: ana, clientAddress: '10.1.2.3' };

const spec = (dataSource: string, extra: Record<string, unknown> = {}) => ({
  type: 'kafka',
  spec: {
    dataSchema: { dataSource, timestampSpec: { column: 'time', format: 'iso' }, dimensionsSpec: { dimensions: ['url'] }, granularitySpec: { segmentGranularity: 'hour' } },
    ioConfig: { type: 'kafka', topic: `${dataSource}-topic`, inputFormat: { type: 'json' }, consumerProperties: { 'bootstrap.servers': 'localhost:9092' }, taskCount: 1, ...extra },
    tuningConfig: { type: 'kafka' },
  },
});

function overlord(request: RecordedRequest): Reply {
  const url = new URL(request.url, 'http://fake');
  const reply = (value: unknown, status = 200): Reply => ({ ...json(JSON.stringify(value), status), delayMs: late.has(url.pathname) ? DRUID_TIMEOUT_MS * 3 : 0 });
  if (url.pathname === BASE && request.method === 'POST') {
    const submitted = JSON.parse(request.body);
    supervisors.set(submitted.spec.dataSchema.dataSource, { spec: submitted, suspended: submitted.suspended === true });
    return reply({ id: submitted.spec.dataSchema.dataSource });
  }
  const [, id, view = ''] = /^\/druid\/indexer\/v1\/supervisor\/([^/]+)(?:\/(.+))?$/.exec(url.pathname) ?? [];
  const s = id ? supervisors.get(decodeURIComponent(id)) : undefined;
  if (!s) return reply({ error: `[${id}] does not exist` }, 404);
  if (request.method === 'GET' && view === '') return reply({ ...s.spec, suspended: s.suspended });
  if (request.method === 'GET' && view === 'history') return reply([]);
  if (request.method === 'GET' && view === 'status') {
    const offsets = s.offsets ?? {};
    const state = s.suspended ? 'SUSPENDED' : 'RUNNING';
    const latestOffsets = Object.fromEntries(Object.keys(offsets).map((p) => [p, 1000]));
    const minimumLag = Object.fromEntries(Object.entries(offsets).map(([p, o]) => [p, 1000 - o]));
    return reply({ id, payload: { dataSource: id, stream: `${id}-topic`, partitions: 2, latestOffsets, minimumLag, suspended: s.suspended, healthy: true, state, detailedState: state } });
  }
  if (view === 'resetOffsets') {
    const { partitions } = JSON.parse(request.body) as { partitions: { partitionOffsetMap: Record<string, number> } };
    s.offsets = { ...s.offsets, ...partitions.partitionOffsetMap };
    return reply({ id });
  }
  if (view === 'suspend' && s.suspended) return reply({ error: `[${id}] is already suspended` }, 400);
  if (view === 'suspend' || view === 'resume') {
    s.suspended = view === 'suspend';
    return reply({ ...s.spec, suspended: s.suspended });
  }
  if (view === 'reset') return reply({ id });
  return reply({ error: 'unknown' }, 404);
}

async function entries(supervisorId: string): Promise<AuditEntry[]> {
  return (await audit.auditPage({ supervisor: supervisorId }, 100)).entries.reverse();
}

beforeAll(async () => {
  fake = await startFakeDruid(overlord);
  dir = mkdtempSync(path.join(tmpdir(), 'tributary-actions-'));
  Object.assign(process.env, {
    KAFKA_BROKERS: 'localhost:9092',
    DRUID_URL: fake.url,
    DRUID_TIMEOUT_MS: String(DRUID_TIMEOUT_MS),
    TRIBUTARY_DB_FILE: path.join(dir, 'tributary.db'),
  });
  actions = await import('./operate-actions');
  audit = await import('./audit');
});

afterAll(async () => {
  await audit?.closeStore();
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  supervisors = new Map();
  late = new Set();
  fake.requests.length = 0;
});

describe('submits in the audit trail', () => {
  it('records who submitted what from where: the spec hash, what changed, Druid’s answer and how long it took', async () => {
    await actions.submitSpec(spec('clicks'), undefined, caller);
    await actions.submitSpec(spec('clicks', { taskCount: 3 }), undefined, caller);
    const [created, updated] = await entries('clicks');
    expect(created).toMatchObject({
      user: 'ana',
      role: 'admin',
      via: 'session',
      clientAddress: '10.1.2.3',
      action: 'submit',
      outcome: 'ok',
      specHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      changes: { submit: 'created', changes: [] },
      druidStatus: 200,
      druidAnswer: '{"id":"clicks"}',
      durationMs: expect.any(Number),
    });
    expect(updated).toMatchObject({ outcome: 'ok', changes: { submit: 'updated', changes: [{ path: 'spec.ioConfig.taskCount', kind: 'changed', from: '1', to: '3' }] } });
    expect(updated.specHash).not.toBe(created.specHash);
  });

  it('records five identical submits sent at once as one creation and four unchanged', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => actions.submitSpec(spec('orders'), undefined, caller)));
    expect(results.map((r) => r.outcome).sort()).toEqual(['created', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
    const trail = await entries('orders');
    expect(trail.map((e) => [e.outcome, e.changes?.submit])).toEqual(
      expect.arrayContaining([
        ['ok', 'created'],
        ['unchanged', 'unchanged'],
      ]),
    );
    expect(trail.filter((e) => e.changes?.submit === 'created')).toHaveLength(1);
    expect(trail.filter((e) => e.outcome === 'unchanged')).toHaveLength(4);
    expect(new Set(trail.map((e) => e.specHash)).size).toBe(1);
    // Druid was asked to create it once; the others were told to leave its tasks alone.
    expect(fake.requests.filter((r) => r.method === 'POST' && r.url === BASE)).toHaveLength(1);
    expect(fake.requests.filter((r) => r.method === 'POST' && r.url === `${BASE}?skipRestartIfUnmodified=true`)).toHaveLength(4);
  });

  it('records a spec refused before Druid saw it, with its problem', async () => {
    const broken = spec('broken');
    delete (broken.spec.dataSchema as Record<string, unknown>).timestampSpec;
    (broken.spec.ioConfig as Record<string, unknown>).topic = '';
    await expect(actions.submitSpec(broken, undefined, caller)).rejects.toMatchObject({ status: 400, code: 'invalid_spec' });
    const [refused] = await entries('broken');
    expect(refused).toMatchObject({ outcome: 'refused', druidStatus: null, detail: expect.stringContaining('The spec was not submitted') });
    expect(audit.isAudited(await actions.submitSpec(broken, undefined, caller).catch((e) => e))).toBe(true);
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });
});

describe('actions in the audit trail', () => {
  beforeEach(() => {
    supervisors.set('clicks', { spec: spec('clicks'), suspended: false });
  });

  it('records an action with Druid’s answer, and answers with the state read back', async () => {
    const result = await actions.runAction('clicks', { action: 'suspend' }, caller);
    expect((await entries('clicks')).at(-1)).toMatchObject({ action: 'suspend', outcome: 'ok', druidStatus: 200, druidAnswer: "the supervisor's spec, suspended: true", resolvedAt: null });
    expect(result.message).toMatch(/Druid reports it SUSPENDED \(read at \d\d:\d\d:\d\d UTC\)\.$/);
    expect(result.readBack).toEqual({ gone: false, state: 'SUSPENDED', detailedState: 'SUSPENDED', suspended: true });
  });

  it('moves offsets and answers with where Druid reads now, read back', async () => {
    supervisors.get('clicks')!.offsets = { '0': 900, '1': 1000 };
    const result = await actions.runAction('clicks', { action: 'resetOffsets', partitions: { '0': '400' } }, caller);
    expect(result.message).toContain('Druid now reads partition 0 from 400 (was 900)');
    expect(result.offsets?.confirmed).toBe(true);
    expect((await entries('clicks')).at(-1)).toMatchObject({ action: 'resetOffsets', outcome: 'ok', detail: 'offsets 0→400' });
  });

  it('refuses offsets for partitions the topic does not have, naming them, and sends nothing', async () => {
    const error = await actions.runAction('clicks', { action: 'resetOffsets', partitions: { '0': '10', '2': '10', '7': '10' } }, caller).catch((e) => e);
    expect(error).toMatchObject({ status: 400, code: 'invalid_partitions' });
    expect(error.message).toBe('Topic "clicks-topic" has 2 partitions (0 to 1) according to Kafka; it has no partitions 2, 7. Nothing was sent to Druid.');
    expect(fake.requests.filter((r) => r.url.endsWith('/resetOffsets'))).toHaveLength(0);
    expect((await entries('clicks')).at(-1)).toMatchObject({ action: 'resetOffsets', outcome: 'refused', detail: expect.stringContaining('it has no partitions 2, 7') });
  });

  it('records an action Druid refuses once, through the route as a user calls it', async () => {
    supervisors.set('parked', { spec: spec('parked'), suspended: true });
    const { POST } = await import('@/app/api/supervisors/[id]/[action]/route');
    const request = new Request('http://app/api/supervisors/parked/suspend', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const response = await POST(request, { params: Promise.resolve({ id: 'parked', action: 'suspend' }) });
    expect(response.status).toBe(400);
    expect(await entries('parked')).toEqual([expect.objectContaining({ action: 'suspend', outcome: 'refused', druidStatus: 400 })]);
  });

  it('records a failure with Druid’s status and message', async () => {
    await expect(actions.runAction('ghost', { action: 'suspend' }, caller)).rejects.toMatchObject({ kind: 'not-found' });
    expect((await entries('ghost')).at(-1)).toMatchObject({ outcome: 'failed', druidStatus: 404, druidAnswer: expect.stringContaining('does not exist'), detail: expect.stringContaining('"ghost"') });
  });

  it('records Druid out of reach as failed, with nothing from Druid as its answer', async () => {
    fake.handle(() => ({ destroy: true }));
    try {
      await expect(actions.runAction('clicks', { action: 'resume' }, caller)).rejects.toMatchObject({ kind: 'unreachable' });
    } finally {
      fake.handle(overlord);
    }
    expect((await entries('clicks')).at(-1)).toMatchObject({ action: 'resume', outcome: 'failed', druidStatus: null, druidAnswer: null, detail: expect.stringContaining('closed the connection before answering') });
  });

  it('records a suspend Druid answered too late as unknown, then as done once reading it back shows it suspended', async () => {
    late.add(`${BASE}/clicks/suspend`);
    const result = await actions.runAction('clicks', { action: 'suspend' }, caller);
    expect(result.message).toContain('but reading it back shows it done');
    expect((await entries('clicks')).at(-1)).toMatchObject({ outcome: 'ok', druidStatus: null, druidAnswer: `no answer within ${DRUID_TIMEOUT_MS} ms`, resolvedAt: expect.any(String), detail: expect.stringContaining('reading it back shows it done') });
  });

  it('keeps unknown what reading back cannot show, and settles it later when it can', async () => {
    late.add(`${BASE}/clicks/reset`);
    await expect(actions.runAction('clicks', { action: 'reset' }, caller)).rejects.toMatchObject({ status: 504, code: 'outcome_unknown' });
    expect((await entries('clicks')).at(-1)).toMatchObject({ action: 'reset', outcome: 'unknown', durationMs: expect.any(Number), resolvedAt: null });

    // A suspend whose read-backs fail while the request waits: answered as unknown, settled after.
    late.add(`${BASE}/clicks/suspend`);
    late.add(`${BASE}/clicks`);
    const answer = actions.runAction('clicks', { action: 'suspend' }, { ...caller, signal: AbortSignal.timeout(DRUID_TIMEOUT_MS * 2) });
    await expect(answer).rejects.toMatchObject({ status: 504, code: 'outcome_unknown' });
    expect((await entries('clicks')).at(-1)).toMatchObject({ action: 'suspend', outcome: 'unknown' });
    late.delete(`${BASE}/clicks`);
    await expect.poll(async () => (await entries('clicks')).at(-1), { timeout: 10_000, interval: 200 }).toMatchObject({ outcome: 'ok', resolvedAt: expect.any(String) });
  });

  it('refuses the action, and sends nothing to Druid, when the audit trail cannot record it', async () => {
    const file = process.env.TRIBUTARY_DB_FILE;
    await audit.closeStore();
    process.env.TRIBUTARY_DB_FILE = path.join(dir, 'not-a-folder.db', 'x', 'tributary.db');
    rmSync(path.join(dir, 'not-a-folder.db'), { force: true, recursive: true });
    await import('node:fs').then((fs) => fs.writeFileSync(path.join(dir, 'not-a-folder.db'), ''));
    try {
      const { getConfig } = await import('@/lib/config');
      (getConfig() as { store: unknown }).store = { kind: 'sqlite', file: process.env.TRIBUTARY_DB_FILE };
      await expect(actions.runAction('clicks', { action: 'suspend' }, caller)).rejects.toMatchObject({ name: 'StoreError', message: expect.stringContaining('Nothing was sent to Druid') });
      expect(fake.requests).toHaveLength(0);
    } finally {
      process.env.TRIBUTARY_DB_FILE = file;
      const { getConfig } = await import('@/lib/config');
      (getConfig() as { store: unknown }).store = { kind: 'sqlite', file };
      await audit.closeStore();
    }
  });
});
