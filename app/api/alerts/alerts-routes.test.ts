// /api/alerts and /api/alerts/rules in-process, with users of each role and a SQLite store: the
// defaults, who may read and change the rules, what a refused webhook says, and the audit entry.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '@/lib/http/passwords';
import { writeUsersFile } from '@/lib/http/users-file';
import { AlertRulesResponseSchema, AlertsResponseSchema, DEFAULT_ALERT_RULES, type AlertRulesDocument } from '@/lib/operate/alert-rules';
import { findAuditRows } from '@/lib/store';

const PASSWORD = 'a long test password';
const HOOK = 'https://hooks.slack.com/services/T000/B000/secret-token';
let dir: string;
let routes: { alerts: typeof import('./route'); rules: typeof import('./rules/route') };
let audit: typeof import('@/lib/server/audit');

const basic = (user: string) => ({ authorization: `Basic ${btoa(`${user}:${PASSWORD}`)}` });
const getRules = async (user: string) => {
  const response = await routes.rules.GET(new Request('http://localhost/api/alerts/rules', { headers: basic(user) }));
  expect(response.status, await response.clone().text()).toBe(200);
  return AlertRulesResponseSchema.parse(await response.json());
};
const putRules = (user: string, body: unknown) =>
  routes.rules.PUT(new Request('http://localhost/api/alerts/rules', { method: 'PUT', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...basic(user) } }));

const withHook = (url: string): AlertRulesDocument => ({
  rules: DEFAULT_ALERT_RULES.rules.map((rule) => (rule.id === 'time-lag' ? { ...rule, threshold: 10 } : rule)),
  webhooks: [{ id: 'chat', url, format: 'slack', enabled: true }],
});

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tributary-alerts-routes-'));
  const password = await hashPassword(PASSWORD, { N: 1024, r: 8, p: 1 });
  const usersFile = path.join(dir, 'users.json');
  writeUsersFile(usersFile, [
    { name: 'ada', role: 'admin', password },
    { name: 'otto', role: 'operator', password },
    { name: 'vera', role: 'viewer', password },
  ]);
  Object.assign(process.env, {
    KAFKA_BROKERS: 'localhost:9092',
    DRUID_URL: 'http://127.0.0.1:9',
    TRIBUTARY_AUTH: 'users',
    TRIBUTARY_USERS_FILE: usersFile,
    TRIBUTARY_SESSION_SECRET: 'a-session-secret-of-at-least-32-characters',
    TRIBUTARY_DB_FILE: path.join(dir, 'tributary.db'),
    TRIBUTARY_WEBHOOK_ORIGINS: 'https://hooks.slack.com',
  });
  routes = { alerts: await import('./route'), rules: await import('./rules/route') };
  audit = await import('@/lib/server/audit');
});

afterAll(async () => {
  await audit?.closeStore();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  const db = (await audit.store()).db;
  await db.deleteFrom('alertRules').execute();
  await db.deleteFrom('auditEntries').execute();
});

describe('GET /api/alerts', () => {
  it('answers viewers with what fires now and what fired before', async () => {
    const response = await routes.alerts.GET(new Request('http://localhost/api/alerts', { headers: basic('vera') }));
    expect(response.status).toBe(200);
    expect(AlertsResponseSchema.parse(await response.json())).toEqual({ firing: [], recent: [] });
  });
});

describe('/api/alerts/rules', () => {
  it('answers the defaults until an admin saves rules, with the origins webhooks may use', async () => {
    expect(await getRules('vera')).toEqual({ ...DEFAULT_ALERT_RULES, updatedAt: null, updatedBy: null, webhookOrigins: ['https://hooks.slack.com'], webhookUrlsShown: false });
  });

  it('saves an admin’s rules, records it in the audit trail, and shows webhook URLs whole to admins only', async () => {
    const response = await putRules('ada', withHook(HOOK));
    expect(response.status, await response.clone().text()).toBe(200);
    const saved = await getRules('ada');
    expect(saved).toMatchObject({ ...withHook(HOOK), updatedBy: 'ada', webhookUrlsShown: true });
    expect((await getRules('otto')).webhooks).toEqual([{ id: 'chat', url: 'https://hooks.slack.com/…', format: 'slack', enabled: true }]);
    const trail = await findAuditRows((await audit.store()).db, {}, { limit: 5 });
    expect(trail.rows).toMatchObject([{ action: 'alert-rules', userName: 'ada', outcome: 'ok', detail: 'Alert rules saved: 6 rules (6 enabled), 1 webhooks (1 enabled).' }]);
  });

  it('refuses an operator, and records the refusal', async () => {
    const response = await putRules('otto', withHook(HOOK));
    expect(response.status).toBe(403);
    expect((await response.json()).error.message).toBe('Editing alert rules needs the admin role; you are an operator.');
    expect((await getRules('vera')).updatedAt).toBeNull();
    const trail = await findAuditRows((await audit.store()).db, {}, { limit: 5 });
    expect(trail.rows).toMatchObject([{ action: 'alert-rules', userName: 'otto', outcome: 'refused' }]);
  });

  it('refuses a webhook to an origin the server does not allow, naming the webhook and TRIBUTARY_WEBHOOK_ORIGINS', async () => {
    const response = await putRules('ada', withHook('http://169.254.169.254/latest/meta-data'));
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe('webhook_not_allowed');
    expect(error.message).toBe(
      'Webhook "chat" posts to http://169.254.169.254, which is not among the origins TRIBUTARY_WEBHOOK_ORIGINS allows (it allows https://hooks.slack.com); add the origin to TRIBUTARY_WEBHOOK_ORIGINS on the server.',
    );
    expect(error.details.issues).toEqual([{ path: 'body.webhooks.0.url', message: error.message }]);
    expect((await getRules('ada')).updatedAt).toBeNull();
  });

  it('says where a rules document is malformed', async () => {
    const response = await putRules('ada', { rules: [{ ...DEFAULT_ALERT_RULES.rules[0], forMinutes: 'five' }], webhooks: [] });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.details.issues).toEqual([{ path: 'body.rules.0.forMinutes', message: 'Invalid input: expected number, received string' }]);
  });
});
