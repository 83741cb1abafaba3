// GET /api/datasources/{name} in-process against a scripted Overlord and Coordinator: the
// supervisors writing to a datasource, one with segments but no supervisor, and names that are wrong.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startFakeDruid, type FakeDruid } from '@/lib/druid/testing/fake-druid';
import { fixtureText } from '@/lib/druid/testing/fixtures';
import { DatasourceViewSchema } from '@/lib/operate';

const SUPERVISOR = 'contract-mxd928qa';
let fake: FakeDruid;
let dir: string;
let route: typeof import('./route');

const get = async (name: string) => {
  const response = await route.GET(new Request(`http://localhost/api/datasources/${encodeURIComponent(name)}`), { params: Promise.resolve({ name }) });
  return { status: response.status, body: await response.json() };
};

beforeAll(async () => {
  fake = await startFakeDruid((request) => {
    const url = new URL(request.url, 'http://fake');
    if (url.pathname === '/druid/indexer/v1/supervisor') return json(JSON.stringify([{ id: SUPERVISOR, state: 'RUNNING', detailedState: 'RUNNING', healthy: true, suspended: false }]));
    if (url.pathname.endsWith('/status')) return json(fixtureText('druid33/overlord.supervisor.status.response.json'));
    if (url.pathname.endsWith('/stats')) return json('{}');
    if (url.pathname === '/druid/coordinator/v1/datasources') return json('["archived-clicks"]');
    return json('{"error":"not found"}', 404);
  });
  dir = mkdtempSync(path.join(tmpdir(), 'tributary-datasource-route-'));
  Object.assign(process.env, { KAFKA_BROKERS: 'localhost:9092', DRUID_URL: fake.url, TRIBUTARY_DB_FILE: path.join(dir, 'tributary.db') });
  route = await import('./route');
});

afterAll(async () => {
  await (await import('@/lib/server/audit')).closeStore();
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('GET /api/datasources/{name}', () => {
  it('lists the supervisors writing to the datasource with their state and topic', async () => {
    const { status, body } = await get(SUPERVISOR);
    expect(status).toBe(200);
    const view = DatasourceViewSchema.parse(body);
    expect(view.supervisors.map((s) => [s.id, s.state, s.topic])).toEqual([[SUPERVISOR, 'RUNNING', SUPERVISOR]]);
    expect(view.note).toBeNull();
  });

  it('says when Druid has the datasource but no supervisor writes to it', async () => {
    const { status, body } = await get('archived-clicks');
    expect(status).toBe(200);
    expect(body).toMatchObject({ supervisors: [], note: 'No supervisor writes to "archived-clicks" now; Druid still has its segments, which stay queryable.' });
  });

  it('is a 404 in words for a datasource Druid does not know, and a 400 for a name Druid would refuse', async () => {
    expect(await get('nothing')).toEqual({ status: 404, body: { error: { code: 'not_found', message: 'No supervisor writes to a datasource "nothing", and Druid has no segments of it.' } } });
    const bad = await get('.hidden');
    expect([bad.status, bad.body.error.message]).toEqual([400, 'Invalid request path.name: a datasource name cannot start with "."']);
  });
});
