// Alerts against the real stack: a supervisor of this test's own, submitted suspended, is seen so
// by a real collector round; its alert reaches a local webhook receiver once, and once the
// supervisor is terminated the next round resolves it, and the receiver hears that once too.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kafkaSupervisorSpec } from '@/devstack/demo-supervisor';
import { createTopicWith, deleteTopics } from '@/testing/app';
import { pollUntil, testStack } from '@/testing/real-stack';
import { startWebhookReceiver, type WebhookReceiver } from '@/testing/webhook-receiver';

const id = `alerts-${Date.now().toString(36)}`;
let dir: string;
let receiver: WebhookReceiver;
let terminated = false;
let server: { alerts: typeof import('./alerts'); collector: typeof import('./collector'); audit: typeof import('./audit'); druid: typeof import('./druid') };
let storeAlerts: typeof import('@/lib/store/alerts');

beforeAll(async () => {
  const stack = testStack();
  dir = mkdtempSync(path.join(tmpdir(), 'tributary-alerts-real-'));
  receiver = await startWebhookReceiver();
  Object.assign(process.env, {
    KAFKA_BROKERS: stack.kafka.bootstrapServers,
    DRUID_URL: stack.druidUrl,
    TRIBUTARY_DB_FILE: path.join(dir, 'tributary.db'),
    TRIBUTARY_WEBHOOK_ORIGINS: receiver.origin,
    TRIBUTARY_PUBLIC_URL: 'http://tributary.test:3000',
  });
  server = { alerts: await import('./alerts'), collector: await import('./collector'), audit: await import('./audit'), druid: await import('./druid') };
  storeAlerts = await import('@/lib/store/alerts');
  await createTopicWith(id, 1, Array.from({ length: 20 }, (_, n) => ({ value: JSON.stringify({ time: new Date(Date.now() - n * 1000).toISOString(), n }) })));
  // Suspended from the start: Druid keeps the spec and runs no task, which is all this test needs.
  const spec = kafkaSupervisorSpec({ topic: id, bootstrapServers: stack.kafka.bootstrapServers, timestampSpec: { column: 'time', format: 'iso' }, dimensions: ['n'] });
  await server.druid.druid().supervisors.submit({ ...spec, suspended: true });
  // Druid says PENDING for a moment after a submit.
  await pollUntil(`${id} reported SUSPENDED`, () => server.druid.druid().supervisors.status(id), (status) => status.payload.state === 'SUSPENDED', 30_000);
});

afterAll(async () => {
  if (!terminated) await server?.druid.druid().supervisors.terminate(id).catch(() => undefined);
  await deleteTopics(id).catch(() => undefined);
  await server?.audit.closeStore();
  await receiver?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('alerts on the real stack', () => {
  it('deliver a suspended supervisor’s alert to a webhook once, and its resolution once after it is gone', async () => {
    const db = (await server.audit.store()).db;
    await storeAlerts.saveAlertRules(db, {
      body: JSON.stringify({
        rules: [{ id: 'not-running', kind: 'not-running', enabled: true, threshold: 0, forMinutes: 0, supervisors: [id] }],
        webhooks: [{ id: 'receiver', url: `${receiver.origin}/alerts`, format: 'json', enabled: true }],
      }),
      updatedAt: new Date().toISOString(),
      updatedBy: null,
    });

    const first = await server.alerts.runAlerts(await server.collector.collectOnce());
    await first.delivered;
    expect(first.fired.map((alert) => [alert.supervisor, alert.message])).toEqual([[id, `${id} has been SUSPENDED`]]);
    expect(receiver.received.map((request) => request.body)).toEqual([
      { status: 'firing', rule: 'not-running', kind: 'not-running', supervisor: id, since: first.fired[0].since, message: `${id} has been SUSPENDED`, url: `http://tributary.test:3000/supervisors/${id}` },
    ]);

    // Another round while it stays suspended sends nothing.
    await (await server.alerts.runAlerts(await server.collector.collectOnce())).delivered;
    expect(receiver.received).toHaveLength(1);

    await server.druid.druid().supervisors.terminate(id);
    terminated = true;
    const after = await server.alerts.runAlerts(await server.collector.collectOnce());
    await after.delivered;
    expect(after.resolved.map((alert) => alert.supervisor)).toEqual([id]);
    expect(receiver.received.map((request) => (request.body as { status: string; message: string }).status)).toEqual(['firing', 'resolved']);
    expect(receiver.received[1].body).toMatchObject({ supervisor: id, message: `${id} no longer exists` });
    expect((await server.alerts.alertsNow()).firing.filter((alert) => alert.supervisor === id)).toEqual([]);
  });
});
