// GET /api/supervisors/{id}/versions and POST /api/supervisors/{id}/rollback in-process, with
// users of each role, a SQLite store and a scripted Overlord: who may roll back, from where, with
// what body, and what Druid is sent.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { json, startFakeDruid, type FakeDruid } from '@/lib/druid/testing/fake-druid';
import { hashPassword } from '@/lib/http/passwords';
import { writeUsersFile } from '@/lib/http/users-file';
import { SupervisorVersionsSchema } from '@/lib/operate';

const PASSWORD = 'a long test password';
const V1 = '2024-01-01T00:00:00.000Z';
const V2 = '2024-01-02T00:00:00.000Z';
const spec = (dimensions: string[]) => ({
  type: 'kafka',
  spec: {
    dataSchema: { dataSource: 'clicks', timestampSpec: { column: 'time', format: 'iso' }, dimensionsSpec: { dimensions }, granularitySpec: { segmentGranularity: 'hour' } },
    ioConfig: { type: 'kafka', topic: 'clicks', inputFormat: { type: 'json' }, consumerProperties: { 'bootstrap.servers': 'localhost:9092' } },
    tuningConfig: { type: 'kafka' },
  },
});
const HISTORY = [
  { version: V2, spec: spec(['url', 'country']) },
  { version: V1, spec: spec(['url']) },
];

let fake: FakeDruid;
let dir: string;
let routes: { versions: typeof import('../versions/route'); rollback: typeof import('./route') };
let audit: typeof import('@/lib/server/audit');

const params = { params: Promise.resolve({ id: 'clicks' }) };
const basic = (user: string) => ({ authorization: `Basic ${btoa(`${user}:${PASSWORD}`)}` });
const rollback = (user: string, body: string, headers: Record<string, string> = {}) =>
  routes.rollback.POST(new Request('http://localhost/api/supervisors/clicks/rollback', { method: 'POST', body, headers: { 'content-type': 'application/json', ...basic(user), ...headers } }), params);
const submits = () => fake.requests.filter((r) => r.method === 'POST');

beforeAll(async () => {
  fake = await startFakeDruid((request) => {
    if (request.method === 'POST') return json('{"id":"clicks"}');
    if (request.url.endsWith('/clicks/history')) return json(JSON.stringify(HISTORY));
    if (request.url.endsWith('/clicks')) return json(JSON.stringify(HISTORY[0].spec));
    return json('{"error":"No history for [x]."}', 404);
  });
  dir = mkdtempSync(path.join(tmpdir(), 'tributary-rollback-route-'));
  const password = await hashPassword(PASSWORD, { N: 1024, r: 8, p: 1 });
  const usersFile = path.join(dir, 'users.json');
  writeUsersFile(usersFile, [
    { name: 'otto', role: 'operator', password },
    { name: 'vera', role: 'viewer', password },
  ]);
  Object.assign(process.env, {
    KAFKA_BROKERS: 'localhost:9092',
    DRUID_URL: fake.url,
    TRIBUTARY_AUTH: 'users',
    TRIBUTARY_USERS_FILE: usersFile,
    TRIBUTARY_SESSION_SECRET: 'a-session-secret-of-at-least-32-characters',
    TRIBUTARY_DB_FILE: path.join(dir, 'tributary.db'),
  });
  routes = { versions: await import('../versions/route'), rollback: await import('./route') };
  audit = await import('@/lib/server/audit');
});

afterAll(async () => {
  await audit?.closeStore();
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  fake.requests.length = 0;
});

describe('GET /api/supervisors/{id}/versions', () => {
  it('answers a viewer with the versions, newest first', async () => {
    const response = await routes.versions.GET(new Request('http://localhost/api/supervisors/clicks/versions', { headers: basic('vera') }), params);
    expect(response.status).toBe(200);
    expect(SupervisorVersionsSchema.parse(await response.json()).versions.map((v) => [v.version, v.change])).toEqual([
      [V2, 'spec'],
      [V1, 'first'],
    ]);
  });
});

describe('POST /api/supervisors/{id}/rollback', () => {
  it('rolls an operator back, as a submit of the stored version', async () => {
    const response = await rollback('otto', JSON.stringify({ version: V1 }));
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await response.json()).toMatchObject({ id: 'clicks', outcome: 'updated', version: V1 });
    expect(JSON.parse(submits()[0].body).spec.dataSchema.dimensionsSpec.dimensions).toEqual(['url']);
  });

  it('refuses a viewer, in the audit trail too, and sends Druid nothing', async () => {
    const response = await rollback('vera', JSON.stringify({ version: V1 }));
    expect(response.status).toBe(403);
    expect((await response.json()).error.message).toContain('Rolling back a supervisor spec');
    const [entry] = (await audit.auditPage({ user: 'vera' }, 10)).entries;
    expect(entry).toMatchObject({ outcome: 'refused', user: 'vera' });
    expect(submits()).toEqual([]);
  });

  it('refuses another site, and a body that is not JSON, before reading the history', async () => {
    expect((await rollback('otto', JSON.stringify({ version: V1 }), { origin: 'https://elsewhere.example' })).status).toBe(403);
    expect((await rollback('otto', `version=${V1}`, { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect(fake.requests).toEqual([]);
  });

  it('says which field is missing, and which version is unknown', async () => {
    const missing = await rollback('otto', '{}');
    expect([missing.status, (await missing.json()).error.message]).toEqual([400, 'Invalid request body.version: name the version to roll back to (its time, as GET /api/supervisors/{id}/versions lists it)']);
    const unknown = await rollback('otto', JSON.stringify({ version: 'yesterday' }));
    expect([unknown.status, (await unknown.json()).error.message]).toEqual([400, 'Supervisor "clicks" has no version "yesterday"; its versions are listed by GET /api/supervisors/clicks/versions.']);
    expect(submits()).toEqual([]);
  });
});
