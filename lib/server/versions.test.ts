// Versions and rollbacks against a small scripted Overlord that keeps a history like Druid's, with
// the audit trail in a real SQLite store. The same flow runs on real Druid 33 in e2e/change-management.spec.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { json, startFakeDruid, type FakeDruid, type RecordedRequest, type Reply } from '@/lib/druid/testing/fake-druid';
import type { ApiError, Identity } from '@/lib/http';

const BASE = '/druid/indexer/v1/supervisor';
const JAAS = 'org.apache.kafka.common.security.plain.PlainLoginModule required username="ana" password="hunter2";';

const spec = (dimensions: string[], suspended = false) => ({
  type: 'kafka',
  spec: {
    dataSchema: { dataSource: 'clicks', timestampSpec: { column: 'time', format: 'iso' }, dimensionsSpec: { dimensions }, granularitySpec: { segmentGranularity: 'hour' } },
    ioConfig: {
      type: 'kafka',
      topic: 'clicks',
      inputFormat: { type: 'json' },
      consumerProperties: { 'bootstrap.servers': 'localhost:9092', 'sasl.jaas.config': JAAS },
      taskCount: 1,
    },
    tuningConfig: { type: 'kafka' },
  },
  suspended,
});
const TOMBSTONE = { type: 'noop', id: null, dataSources: ['clicks'], suspended: false, source: 'noop' };

let fake: FakeDruid;
let dir: string;
/** Newest first, as Druid answers. */
let history: { version: string; spec: Record<string, unknown> }[];
let versions: typeof import('./versions');
let audit: typeof import('./audit');

const ana: Identity = { user: 'ana', role: 'operator', via: 'session' };
const caller = { identity: ana, clientAddress: '10.1.2.3' };

const V1 = '2024-01-01T00:00:00.000Z';
const V2 = '2024-01-02T00:00:00.000Z';
const V3 = '2024-01-03T00:00:00.000Z';

function overlord(request: RecordedRequest): Reply {
  const url = new URL(request.url, 'http://fake');
  if (url.pathname === BASE && request.method === 'POST') {
    const submitted = JSON.parse(request.body);
    history.unshift({ version: new Date(Date.parse(history[0].version) + 86_400_000).toISOString(), spec: submitted });
    return json(JSON.stringify({ id: submitted.spec.dataSchema.dataSource }));
  }
  const [, id, view = ''] = /^\/druid\/indexer\/v1\/supervisor\/([^/]+)(?:\/(.+))?$/.exec(url.pathname) ?? [];
  if (decodeURIComponent(id ?? '') !== 'clicks') return json(JSON.stringify({ error: `No history for [${id}].` }), 404);
  if (view === 'history') return json(JSON.stringify(history));
  if (view === '' && history[0].spec.type !== 'noop') return json(JSON.stringify(history[0].spec));
  return json(JSON.stringify({ error: `[${id}] does not exist` }), 404);
}

beforeAll(async () => {
  fake = await startFakeDruid(overlord);
  dir = mkdtempSync(path.join(tmpdir(), 'tributary-versions-'));
  Object.assign(process.env, { KAFKA_BROKERS: 'localhost:9092', DRUID_URL: fake.url, TRIBUTARY_DB_FILE: path.join(dir, 'tributary.db') });
  versions = await import('./versions');
  audit = await import('./audit');
});

afterAll(async () => {
  await audit?.closeStore();
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  history = [
    { version: V3, spec: spec(['url', 'country'], true) },
    { version: V2, spec: spec(['url', 'country']) },
    { version: V1, spec: spec(['url']) },
  ];
  fake.requests.length = 0;
});

const submitted = () => fake.requests.filter((r) => r.method === 'POST' && r.url.startsWith(BASE)).map((r) => JSON.parse(r.body));

describe('readVersions', () => {
  it('lists the versions with their secrets hidden', async () => {
    const read = await versions.readVersions('clicks');
    expect(read.versions.map((v) => [v.version, v.change, v.current])).toEqual([
      [V3, 'toggle', true],
      [V2, 'spec', false],
      [V1, 'first', false],
    ]);
    expect(JSON.stringify(read)).not.toContain('hunter2');
  });

  it('is a 404 in words for an id Druid has no history of', async () => {
    await expect(versions.readVersions('nothing')).rejects.toMatchObject({ status: 404, message: 'Druid keeps no spec history for a supervisor "nothing": no spec was ever submitted with that id.' });
  });
});

describe('rollback', () => {
  it("submits the stored spec of that version, with Druid's real credentials, keeping the supervisor suspended as it is now, and audits it", async () => {
    const result = await versions.rollback('clicks', { version: V1 }, caller);
    expect(result).toMatchObject({ id: 'clicks', outcome: 'updated', suspended: true, version: V1 });
    const [sent] = submitted();
    expect(sent.spec.dataSchema.dimensionsSpec.dimensions).toEqual(['url']);
    expect(sent.spec.ioConfig.consumerProperties['sasl.jaas.config']).toBe(JAAS);
    expect(sent.suspended).toBe(true);
    const [entry] = (await audit.auditPage({ supervisor: 'clicks' }, 10)).entries;
    expect(entry).toMatchObject({ action: 'submit', user: 'ana', outcome: 'ok', detail: `rollback to ${V1}` });
    expect(entry.changes?.changes.map((c) => c.path)).toEqual(['spec.dataSchema.dimensionsSpec.dimensions[1]']);
  });

  it('is told to resume or suspend when the body says so', async () => {
    await expect(versions.rollback('clicks', { version: V1, suspended: false }, caller)).resolves.toMatchObject({ suspended: false });
    expect(submitted()[0].suspended).toBe(false);
  });

  it('re-creates a terminated supervisor as that version was', async () => {
    history.unshift({ version: '2024-01-04T00:00:00.000Z', spec: TOMBSTONE });
    await expect(versions.rollback('clicks', { version: V2 }, caller)).resolves.toMatchObject({ outcome: 'created', suspended: false });
  });

  it('refuses an unknown version or a terminate with a 400 naming it, and sends Druid nothing', async () => {
    history.unshift({ version: '2024-01-04T00:00:00.000Z', spec: TOMBSTONE });
    const unknown = (await versions.rollback('clicks', { version: '2023-12-31T00:00:00.000Z' }, caller).catch((e) => e)) as ApiError;
    expect([unknown.status, unknown.message]).toEqual([400, 'Supervisor "clicks" has no version "2023-12-31T00:00:00.000Z"; its versions are listed by GET /api/supervisors/clicks/versions.']);
    const tombstone = (await versions.rollback('clicks', { version: '2024-01-04T00:00:00.000Z' }, caller).catch((e) => e)) as ApiError;
    expect([tombstone.status, tombstone.message]).toEqual([400, 'Version "2024-01-04T00:00:00.000Z" of "clicks" is its terminate, not a spec: pick a spec version to roll back to.']);
    expect(submitted()).toEqual([]);
  });
});
