// GET /api/audit in-process, with users of each role (TRIBUTARY_AUTH=users) and a SQLite store:
// who may read what, the filters and pages, the JSON-lines export, and the refusals of changes
// that the route wrapper records.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '@/lib/http/passwords';
import { writeUsersFile } from '@/lib/http/users-file';
import { AuditEntrySchema, AuditPageSchema } from '@/lib/operate';
import { insertAuditRow } from '@/lib/store';

const PASSWORD = 'a long test password';
let dir: string;
let routes: { audit: typeof import('./route'); supervisors: typeof import('../supervisors/route'); action: typeof import('../supervisors/[id]/[action]/route') };
let audit: typeof import('@/lib/server/audit');

const basic = (user: string) => ({ authorization: `Basic ${btoa(`${user}:${PASSWORD}`)}` });
const read = (query: string, user = 'ada') => routes.audit.GET(new Request(`http://localhost/api/audit${query}`, { headers: basic(user) }));
const page = async (query: string, user = 'ada') => {
  const response = await read(query, user);
  expect(response.status, await response.clone().text()).toBe(200);
  return AuditPageSchema.parse(await response.json());
};
const post = (url: string, body: string, headers: Record<string, string>) =>
  new Request(`http://localhost${url}`, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.10', ...headers } });

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tributary-audit-route-'));
  const password = await hashPassword(PASSWORD, { N: 1024, r: 8, p: 1 });
  const usersFile = path.join(dir, 'users.json');
  writeUsersFile(usersFile, [
    { name: 'ada', role: 'admin', password },
    { name: 'otto', role: 'operator', password },
    { name: 'vera', role: 'viewer', password },
  ]);
  Object.assign(process.env, {
    KAFKA_BROKERS: 'localhost:9092',
    // Nothing here reaches Druid: every request is answered or refused before.
    DRUID_URL: 'http://127.0.0.1:9',
    TRIBUTARY_AUTH: 'users',
    TRIBUTARY_USERS_FILE: usersFile,
    TRIBUTARY_SESSION_SECRET: 'a-session-secret-of-at-least-32-characters',
    TRIBUTARY_DB_FILE: path.join(dir, 'tributary.db'),
  });
  routes = { audit: await import('./route'), supervisors: await import('../supervisors/route'), action: await import('../supervisors/[id]/[action]/route') };
  audit = await import('@/lib/server/audit');
});

afterAll(async () => {
  await audit?.closeStore();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  await (await audit.store()).db.deleteFrom('auditEntries').execute();
});

async function seed(count: number) {
  const db = (await audit.store()).db;
  for (let i = 0; i < count; i++) {
    await insertAuditRow(db, {
      at: `2026-03-0${1 + (i % 3)}T10:00:0${i % 10}.000Z`,
      userName: i % 2 ? 'otto' : 'ada',
      role: i % 2 ? 'operator' : 'admin',
      via: 'session',
      clientAddress: '10.0.0.1',
      action: i % 4 === 0 ? 'submit' : 'suspend',
      supervisorId: i % 3 === 0 ? 'orders' : 'clicks',
      specHash: null,
      changes: i % 4 === 0 ? JSON.stringify({ submit: 'updated', changes: [{ path: 'spec.ioConfig.taskCount', kind: 'changed', from: '1', to: '2' }], omitted: 0, risks: [] }) : null,
      druidStatus: 200,
      druidAnswer: '{"id":"x"}',
      durationMs: 40 + i,
      outcome: 'ok',
      detail: `#${i}`,
      resolvedAt: null,
    });
  }
}

describe('GET /api/audit', () => {
  it('pages an admin through the whole trail, newest first, with the total', async () => {
    await seed(7);
    const first = await page('?limit=3');
    expect(first.total).toBe(7);
    expect(first.entries.map((e) => e.detail)).toEqual(['#6', '#5', '#4']);
    const second = await page(`?limit=3&before=${first.nextBefore}`);
    expect(second.entries.map((e) => e.detail)).toEqual(['#3', '#2', '#1']);
    const last = await page(`?limit=3&before=${second.nextBefore}`);
    expect(last).toMatchObject({ nextBefore: null, entries: [{ detail: '#0', changes: { submit: 'updated', changes: [{ path: 'spec.ioConfig.taskCount' }] } }] });
  });

  it('filters by user, supervisor, action and time', async () => {
    await seed(7);
    expect((await page('?user=otto')).entries.map((e) => e.detail)).toEqual(['#5', '#3', '#1']);
    expect((await page('?supervisor=orders&action=submit')).entries.map((e) => e.detail)).toEqual(['#0']);
    expect((await page('?from=2026-03-02&to=2026-03-02')).entries.map((e) => e.detail)).toEqual(['#4', '#1']);
  });

  it('exports every matching entry as JSON lines, oldest first', async () => {
    await seed(5);
    const response = await read('?supervisor=clicks&format=jsonl');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="tributary-audit-\d{4}-\d{2}-\d{2}\.jsonl"$/);
    const lines = (await response.text()).trimEnd().split('\n');
    expect(lines.map((line) => AuditEntrySchema.parse(JSON.parse(line)).detail)).toEqual(['#1', '#2', '#4']);
  });

  it('shows an operator one supervisor’s entries, and the whole trail only to admins', async () => {
    await seed(4);
    expect((await page('?supervisor=clicks', 'otto')).total).toBe(2);
    const whole = await read('', 'otto');
    expect(whole.status).toBe(403);
    expect((await whole.json()).error.message).toContain('The whole audit trail is for admins; you are an operator');
    const viewer = await read('?supervisor=clicks', 'vera');
    expect(viewer.status).toBe(403);
    expect((await viewer.json()).error).toMatchObject({ code: 'forbidden' });
  });

  it('names a filter it cannot read', async () => {
    const response = await read('?from=last%20week&limit=0');
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.message).toContain('query.from: must be a day such as 2026-03-01');
    expect(error.message).toContain('query.limit: must be at least 1');
  });
});

describe('refusals in the audit trail', () => {
  const trail = async () => (await page('')).entries;

  it('records a change refused for the caller’s role, with who, from where and why', async () => {
    const response = await routes.action.POST(post('/api/supervisors/clicks/terminate', '{}', basic('otto')), { params: Promise.resolve({ id: 'clicks', action: 'terminate' }) });
    expect(response.status).toBe(403);
    expect(await trail()).toMatchObject([
      { user: 'otto', role: 'operator', via: 'basic', action: 'terminate', supervisorId: 'clicks', outcome: 'refused', druidStatus: null, detail: expect.stringContaining('HTTP 403 forbidden') },
    ]);
  });

  it('records a change sent without signing in, with no user', async () => {
    const response = await routes.action.POST(post('/api/supervisors/clicks/suspend', '{}', {}), { params: Promise.resolve({ id: 'clicks', action: 'suspend' }) });
    expect(response.status).toBe(401);
    expect(await trail()).toMatchObject([{ user: null, role: null, action: 'suspend', supervisorId: 'clicks', outcome: 'refused', detail: expect.stringContaining('HTTP 401') }]);
  });

  it('records a change refused for its input once, whether the wrapper or the submit refused it', async () => {
    const offsets = await routes.action.POST(post('/api/supervisors/clicks/resetOffsets', '{"partitions":{"0":12}}', basic('ada')), { params: Promise.resolve({ id: 'clicks', action: 'resetOffsets' }) });
    expect(offsets.status).toBe(400);
    const submit = await routes.supervisors.POST(post('/api/supervisors', JSON.stringify({ type: 'kafka', spec: { dataSchema: { dataSource: 'broken' } } }), basic('ada')));
    expect(submit.status).toBe(400);
    const entries = await trail();
    expect(entries.map((e) => [e.action, e.supervisorId, e.outcome, e.user])).toEqual([
      ['submit', 'broken', 'refused', 'ada'],
      ['resetOffsets', 'clicks', 'refused', 'ada'],
    ]);
    expect(entries[0].specHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not record reads it turns down', async () => {
    expect((await read('', 'vera')).status).toBe(403);
    expect(await trail()).toEqual([]);
  });
});
