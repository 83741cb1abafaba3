// Alerts after collector rounds, in-process with a SQLite store and a local webhook receiver: a
// suspended supervisor's alert reaches the webhook once when it fires and once when it resolves,
// in plain JSON and in Slack's form, and deliveries retry, refuse redirects and re-check origins.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MetricPoint } from '@/lib/operate';
import type { AlertRulesDocument } from '@/lib/operate/alert-rules';
import type { MetricsRow } from '@/lib/store';
import { startWebhookReceiver, type WebhookReceiver } from '@/testing/webhook-receiver';
import type { Collection } from './collected';

const T0 = Date.parse('2026-03-01T10:00:00.000Z');
const MINUTE = 60_000;
const FAST = { retryDelaysMs: [10, 10], timeoutMs: 2_000, baseUrl: 'https://tributary.example.com' };

let dir: string;
let receiver: WebhookReceiver;
let alerts: typeof import('./alerts');
let audit: typeof import('./audit');
let storeAlerts: typeof import('@/lib/store/alerts');
let metrics: typeof import('@/lib/store/metrics');

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tributary-alerts-'));
  receiver = await startWebhookReceiver();
  Object.assign(process.env, {
    KAFKA_BROKERS: 'localhost:9092',
    DRUID_URL: 'http://127.0.0.1:9',
    TRIBUTARY_DB_FILE: path.join(dir, 'tributary.db'),
    TRIBUTARY_WEBHOOK_ORIGINS: receiver.origin,
    TRIBUTARY_COLLECT_INTERVAL_S: '60',
  });
  alerts = await import('./alerts');
  audit = await import('./audit');
  storeAlerts = await import('@/lib/store/alerts');
  metrics = await import('@/lib/store/metrics');
});

afterAll(async () => {
  await audit?.closeStore();
  await receiver?.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  const db = (await audit.store()).db;
  await db.deleteFrom('alertEvents').execute();
  await db.deleteFrom('alertRules').execute();
  await db.deleteFrom('supervisorMetrics').execute();
  receiver.received.length = 0;
});

async function useRules(document: AlertRulesDocument) {
  await storeAlerts.saveAlertRules((await audit.store()).db, { body: JSON.stringify(document), updatedAt: new Date(T0).toISOString(), updatedBy: 'ada' });
}

const notRunning = (webhooks: AlertRulesDocument['webhooks']): AlertRulesDocument => ({
  rules: [{ id: 'not-running', kind: 'not-running', enabled: true, threshold: 0, forMinutes: 5, supervisors: 'all' }],
  webhooks,
});

/** One collector round at `minute`: each supervisor's sample stored, then what the round hands to alerts. */
async function round(minute: number, states: Record<string, string>): Promise<Collection> {
  const at = new Date(T0 + minute * MINUTE).toISOString();
  const rows: MetricsRow[] = Object.entries(states).map(([supervisorId, state]) => ({
    supervisorId, stepS: 0, at, state, healthy: 1, totalLag: '0', maxTimeLagMs: 0, processedPerSec: 10, unparseablePerSec: 0, thrownAwayPerSec: 0,
    withErrorPerSec: 0, producedPerSec: 10, consumedPerSec: 10, tasks: 1, failedTasks: 0, partitions: null,
  }));
  await metrics.insertMetrics((await audit.store()).db, rows);
  const point = (state: string): MetricPoint => ({ time: at, state, healthy: true, totalLag: '0', maxTimeLagMs: 0, processedPerSec: 10, unparseablePerSec: 0, thrownAwayPerSec: 0, processedWithErrorPerSec: 0, producedPerSec: 10, consumedPerSec: 10, tasks: 1, failedTasks: 0 });
  return { at: T0 + minute * MINUTE, supervisors: Object.entries(states).map(([id, state]) => ({ id, datasource: id, topic: id, spec: null, status: null, lag: null, point: point(state) })) };
}

async function run(minute: number, states: Record<string, string>) {
  const result = await alerts.runAlerts(await round(minute, states), FAST);
  await result.delivered;
  return result;
}

describe('alerts after each collector round', () => {
  it('notify a webhook once when a suspended supervisor has been so for the rule period, and once when it runs again', async () => {
    await useRules(notRunning([{ id: 'ops', url: `${receiver.origin}/hooks/ops`, format: 'json', enabled: true }, { id: 'chat', url: `${receiver.origin}/hooks/slack`, format: 'slack', enabled: true }]));
    for (let minute = 0; minute < 5; minute++) expect((await run(minute, { clicks: 'SUSPENDED', prices: 'RUNNING' })).fired).toEqual([]);
    expect(receiver.received).toEqual([]);

    const fired = await run(5, { clicks: 'SUSPENDED', prices: 'RUNNING' });
    expect(fired.fired.map((alert) => [alert.rule, alert.supervisor, alert.since])).toEqual([['not-running', 'clicks', '2026-03-01T10:00:00.000Z']]);
    const firing = Object.fromEntries(receiver.received.map((request) => [request.path, request.body]));
    expect(firing['/hooks/ops']).toEqual({
      status: 'firing',
      rule: 'not-running',
      kind: 'not-running',
      supervisor: 'clicks',
      since: '2026-03-01T10:00:00.000Z',
      message: 'clicks has been SUSPENDED for 5 min',
      url: 'https://tributary.example.com/supervisors/clicks',
    });
    expect(firing['/hooks/slack']).toEqual({
      text: ':rotating_light: *Firing* — clicks has been SUSPENDED for 5 min (Supervisor unhealthy or not RUNNING). <https://tributary.example.com/supervisors/clicks|Open clicks in Tributary>',
    });

    // Still suspended: nothing new is sent.
    await run(6, { clicks: 'SUSPENDED', prices: 'RUNNING' });
    expect(receiver.received).toHaveLength(2);
    expect((await alerts.alertsNow()).firing.map((alert) => [alert.supervisor, alert.message, alert.deliveryError])).toEqual([['clicks', 'clicks has been SUSPENDED for 5 min', null]]);

    const resolved = await run(7, { clicks: 'RUNNING', prices: 'RUNNING' });
    expect(resolved.resolved.map((alert) => alert.supervisor)).toEqual(['clicks']);
    expect(receiver.received.slice(2).find((request) => request.path === '/hooks/ops')?.body).toMatchObject({
      status: 'resolved',
      supervisor: 'clicks',
      resolvedAt: '2026-03-01T10:07:00.000Z',
      message: 'clicks is RUNNING and healthy again',
    });
    await run(8, { clicks: 'RUNNING', prices: 'RUNNING' });
    expect(receiver.received).toHaveLength(4);

    const now = await alerts.alertsNow();
    expect(now.firing).toEqual([]);
    expect(now.recent).toMatchObject([{ rule: 'not-running', supervisor: 'clicks', since: '2026-03-01T10:00:00.000Z', firedAt: '2026-03-01T10:05:00.000Z', resolvedAt: '2026-03-01T10:07:00.000Z', resolvedMessage: 'clicks is RUNNING and healthy again', deliveryError: null }]);
  });

  it("resolve a supervisor's alerts when it no longer exists", async () => {
    await useRules(notRunning([{ id: 'ops', url: `${receiver.origin}/ops`, format: 'json', enabled: true }]));
    for (let minute = 0; minute <= 5; minute++) await run(minute, { clicks: 'SUSPENDED' });
    const gone = await run(6, { other: 'RUNNING' });
    expect(gone.resolved.map((alert) => [alert.supervisor, alert.resolvedMessage])).toEqual([['clicks', 'clicks no longer exists']]);
    expect(receiver.received.map((request) => (request.body as { status: string }).status)).toEqual(['firing', 'resolved']);
  });

  it('retry a failing webhook, and record why a delivery failed: an error after every attempt, a redirect, an origin no longer allowed', async () => {
    await useRules(
      notRunning([
        { id: 'flaky', url: `${receiver.origin}/flaky`, format: 'json', enabled: true },
        { id: 'off', url: `${receiver.origin}/off`, format: 'json', enabled: false },
        { id: 'elsewhere', url: 'https://hooks.example.net/x', format: 'json', enabled: true },
      ]),
    );
    receiver.answerWith(500, 503);
    for (let minute = 0; minute <= 5; minute++) await run(minute, { clicks: 'SUSPENDED' });
    // The third attempt arrived; the disabled webhook was never called.
    expect(receiver.received.map((request) => request.path)).toEqual(['/flaky', '/flaky', '/flaky']);
    const [alert] = (await alerts.alertsNow()).firing;
    expect(alert.deliveryError).toBe(
      'Webhook "elsewhere" was not called: its URL posts to https://hooks.example.net, which is not among the origins TRIBUTARY_WEBHOOK_ORIGINS allows (it allows ' +
        `${receiver.origin}); add the origin to TRIBUTARY_WEBHOOK_ORIGINS on the server.`,
    );

    receiver.received.length = 0;
    receiver.answerWith(302);
    await run(6, { clicks: 'RUNNING' });
    expect(receiver.received).toHaveLength(1);
    expect((await alerts.alertsNow()).recent[0].deliveryError).toContain('Webhook "flaky" failed: HTTP 302, a redirect to http://127.0.0.1:1/elsewhere, which Tributary does not follow.');
  });

  it('fire nothing and change nothing when run twice on the same round, as a second instance would', async () => {
    await useRules(notRunning([{ id: 'ops', url: `${receiver.origin}/ops`, format: 'json', enabled: true }]));
    for (let minute = 0; minute < 5; minute++) await run(minute, { clicks: 'SUSPENDED' });
    const collection = await round(5, { clicks: 'SUSPENDED' });
    const [first, second] = await Promise.all([alerts.runAlerts(collection, FAST), alerts.runAlerts(collection, FAST)]);
    await Promise.all([first.delivered, second.delivered]);
    expect(first.fired.length + second.fired.length).toBe(1);
    expect(receiver.received).toHaveLength(1);
  });
});
