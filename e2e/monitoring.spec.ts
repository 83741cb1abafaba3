// Monitoring against the real stack, on two app instances sharing a throwaway PostgreSQL: a
// suspended supervisor's lag and time lag grow while messages arrive, an alert reaches a local
// webhook receiver; after resume the drain estimate appears, the lag drains on the chart and the
// alert resolves; the history reads the same from both instances and survives a restart;
// freshness is drawn beside lag.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../lib/store/testing/postgres';
import { startWebhookReceiver, type WebhookReceiver } from '../testing/webhook-receiver';
import { startAppServer, type AppServer } from './access-server';
import { SupervisorStatusPage } from './pages/supervisors-page';
import { readStack } from './stack';

const SUFFIX = Date.now().toString(36);
const TOPIC = `e2e-monitoring-${SUFFIX}`;
const SUPERVISOR = TOPIC;
/** Messages a second the test writes while it runs; Druid's throttled consumer reads about 10. */
const PRODUCE_PER_SEC = 4;

let pg: ThrowawayPostgres;
let receiver: WebhookReceiver;
let appEnv: Record<string, string>;
let first: AppServer;
let second: AppServer;
let api: APIRequestContext;
let kafka: Kafka;
let producer: Producer;
let producing: NodeJS.Timeout | undefined;

test.describe.configure({ mode: 'serial' });

interface Point {
  time: string;
  totalLag: string | null;
  state: string | null;
}

async function metricsOf(context: APIRequestContext, since: string): Promise<Point[]> {
  const response = await context.get(`/api/supervisors/${SUPERVISOR}/metrics?since=${encodeURIComponent(since)}`);
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()).points as Point[];
}

const notices = (status: 'firing' | 'resolved') =>
  receiver.received.filter((r) => {
    const body = r.body as { status?: string; supervisor?: string };
    return body.status === status && body.supervisor === SUPERVISOR;
  });

test.beforeAll(async ({ playwright }) => {
  test.setTimeout(240_000);
  const stack = readStack();
  [pg, receiver] = await Promise.all([startThrowawayPostgres(), startWebhookReceiver()]);
  appEnv = {
    DATABASE_URL: pg.url,
    TRIBUTARY_COLLECT_INTERVAL_S: '2',
    TRIBUTARY_FRESHNESS_INTERVAL_S: '5',
    TRIBUTARY_WEBHOOK_ORIGINS: receiver.origin,
  };
  [first, second] = await Promise.all([startAppServer('app-monitoring-1', appEnv), startAppServer('app-monitoring-2', appEnv)]);
  api = await playwright.request.newContext({ baseURL: first.url });

  // One partition written to one message per request, so each fetch by Druid's throttled
  // consumer returns one message: the drain after resume takes long enough to watch.
  kafka = new Kafka({ clientId: 'tributary-e2e', brokers: [stack.kafka.bootstrapServers], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: 1 }], waitForLeaders: true });
  await admin.disconnect();
  producer = kafka.producer();
  await producer.connect();
  let n = 0;
  producing = setInterval(() => {
    n += 1;
    void producer
      .send({ topic: TOPIC, messages: [{ value: JSON.stringify({ time: new Date().toISOString(), url: `/page/${n % 7}`, user: `user-${n}` }) }] })
      .catch(() => undefined);
  }, 1000 / PRODUCE_PER_SEC);

  // The demo's clickstream spec, pointed at this topic.
  const demo = await api.get('/api/supervisors/web-clickstream');
  expect(demo.status(), await demo.text()).toBe(200);
  const spec = structuredClone((await demo.json()).spec);
  delete spec.id;
  spec.spec.dataSchema.dataSource = SUPERVISOR;
  const ioConfig = spec.spec.ioConfig as Record<string, unknown>;
  ioConfig.topic = TOPIC;
  ioConfig.useEarliestOffset = true;
  // At most one fetch every 100 ms, of one message (batch) each: Druid reads about 10 messages a second.
  ioConfig.consumerProperties = { ...(ioConfig.consumerProperties as object), 'fetch.min.bytes': '1000000', 'fetch.max.wait.ms': '100', 'max.partition.fetch.bytes': '64' };
  // Druid reads its tasks' offsets every 5 s instead of every 30 s.
  spec.spec.tuningConfig = { ...spec.spec.tuningConfig, type: 'kafka', offsetFetchPeriod: 'PT5S' };
  const submitted = await api.post('/api/supervisors', { data: spec, headers: { origin: first.url } });
  expect(submitted.status(), await submitted.text()).toBe(200);

  const rules = await api.put('/api/alerts/rules', {
    headers: { origin: first.url },
    data: {
      rules: [{ id: 'e2e-time-lag', kind: 'time-lag', enabled: true, threshold: 0.25, forMinutes: 0, supervisors: [SUPERVISOR] }],
      webhooks: [{ id: 'e2e-receiver', url: `${receiver.origin}/hooks/tributary`, format: 'json', enabled: true }],
    },
  });
  expect(rules.status(), await rules.text()).toBe(200);
});

test.afterAll(async () => {
  clearInterval(producing);
  await api?.post(`/api/supervisors/${SUPERVISOR}/terminate`, { headers: { origin: first.url } }).catch(() => undefined);
  await producer?.disconnect().catch(() => undefined);
  const admin = kafka?.admin();
  if (admin) {
    await admin.connect().catch(() => undefined);
    await admin.deleteTopics({ topics: [TOPIC] }).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
  await Promise.all([first?.stop(), second?.stop()]);
  await Promise.all([pg?.stop(), receiver?.close()]);
});

test('freshness is measured and drawn beside lag while the supervisor runs', async ({ page }) => {
  test.setTimeout(120_000);
  const status = new SupervisorStatusPage(page, SUPERVISOR);
  await page.goto(`${first.url}/supervisors/${SUPERVISOR}`);
  await expect(status.state).toHaveText('RUNNING', { timeout: 60_000 });
  const freshness = page.getByRole('region', { name: 'Freshness' });
  await expect(freshness).toContainText(/last [\d.]+ (ms|s) · p50 [\d.]+ (ms|s) · p95/, { timeout: 90_000 });
  await expect(freshness.locator('.recharts-scatter-symbol').first()).toBeVisible();
  await expect(status.lagChart.getByRole('application')).toBeVisible();
});

test("a suspended supervisor's lag and time lag grow while messages arrive, and an alert reaches the webhook", async ({ page }) => {
  test.setTimeout(150_000);
  const status = new SupervisorStatusPage(page, SUPERVISOR);
  await page.goto(`${first.url}/supervisors/${SUPERVISOR}`);
  await status.action('Suspend').click();
  await expect(status.state).toHaveText('SUSPENDED');
  // Druid's last task may publish for a while after the suspend; lag is measured against Kafka either way.
  const lag = page.getByTestId('kafka-total-lag');
  const count = async () => Number((await lag.textContent())?.replace(/,/g, ''));
  await expect.poll(count, { timeout: 60_000 }).toBeGreaterThan(20);
  const before = await count();
  await expect.poll(count, { timeout: 30_000 }).toBeGreaterThanOrEqual(before + 2 * PRODUCE_PER_SEC);
  // Rates compare measurements 30 s apart.
  await expect(page.getByTestId('lag-direction')).toHaveText(/^Falling behind: [\d.]+\/s written, 0\/s read/, { timeout: 60_000 });
  await expect(page.getByTestId('max-time-lag')).not.toHaveText('0 s');

  // The rule fires at a time lag above 15 s: once, to the receiver, with the supervisor's link.
  await expect.poll(() => notices('firing').length, { timeout: 60_000 }).toBe(1);
  expect(notices('firing')[0].body).toMatchObject({ status: 'firing', rule: 'e2e-time-lag', url: expect.stringMatching(new RegExp(`^http://[^/]+/supervisors/${SUPERVISOR}$`)) });
  // The Alerts page lists it as firing now, with a link to the supervisor.
  await page.goto(`${first.url}/alerts`);
  await expect(page.getByRole('list', { name: 'Firing alerts' }).getByRole('link', { name: SUPERVISOR })).toBeVisible({ timeout: 30_000 });
  await page.goto(`${first.url}/supervisors/${SUPERVISOR}`);
  // Let the backlog grow to a few hundred messages, which the throttled consumer drains over tens of seconds.
  await expect.poll(count, { timeout: 90_000 }).toBeGreaterThan(250);
});

test('after resume the drain estimate appears, the lag drains on the chart, and the alert resolves once', async ({ page }) => {
  test.setTimeout(240_000);
  const resumedAt = new Date().toISOString();
  const status = new SupervisorStatusPage(page, SUPERVISOR);
  await page.goto(`${first.url}/supervisors/${SUPERVISOR}`);
  await status.action('Resume').click();
  await expect(status.state).toHaveText('RUNNING');
  await expect(page.getByTestId('lag-direction')).toHaveText(/^Draining: caught up in ~\d+ (s|min)/, { timeout: 120_000 });

  // Drained: the stored samples since the resume fall from the backlog to a few messages.
  const lags = async () => (await metricsOf(api, resumedAt)).filter((p) => p.totalLag !== null).map((p) => Number(p.totalLag));
  await expect.poll(async () => Math.min(...(await lags())), { timeout: 150_000, intervals: [2_000] }).toBeLessThan(2 * PRODUCE_PER_SEC);
  const drained = await lags();
  expect(Math.max(...drained.slice(0, drained.findIndex((lag) => lag < 2 * PRODUCE_PER_SEC)))).toBeGreaterThan(100);
  await expect(status.lagChart.locator('.recharts-area-area')).toBeVisible();

  await expect.poll(() => notices('resolved').length, { timeout: 60_000 }).toBe(1);
  expect(notices('firing')).toHaveLength(1);
  const alerts = await (await api.get('/api/alerts')).json();
  expect(alerts.firing.filter((a: { supervisor: string }) => a.supervisor === SUPERVISOR)).toEqual([]);
  expect(alerts.recent.some((a: { supervisor: string; rule: string }) => a.supervisor === SUPERVISOR && a.rule === 'e2e-time-lag')).toBe(true);
  // The Alerts page moves it from firing now to what fired before.
  await page.goto(`${first.url}/alerts`);
  await expect(page.getByRole('table', { name: 'Alerts that fired before' }).getByRole('link', { name: SUPERVISOR })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('list', { name: 'Firing alerts' }).getByRole('link', { name: SUPERVISOR })).toHaveCount(0);
});

test('the history reads the same from both instances and survives a restart of one', async ({ page, playwright }) => {
  test.setTimeout(180_000);
  const since = new Date(Date.now() - 3_600_000).toISOString();
  const fromFirst = await metricsOf(api, since);
  const other = await playwright.request.newContext({ baseURL: second.url });
  const fromSecond = await metricsOf(other, since);
  expect(fromFirst.length).toBeGreaterThan(20);
  // The newest sample may have landed between the two reads.
  const common = fromFirst.filter((p) => p.time <= fromSecond.at(-1)!.time);
  expect(fromSecond.slice(0, common.length)).toEqual(common);

  await first.stop();
  first = await startAppServer('app-monitoring-1', appEnv);
  const restarted = await playwright.request.newContext({ baseURL: first.url });
  const afterRestart = await metricsOf(restarted, since);
  expect(afterRestart.slice(0, fromFirst.length)).toEqual(fromFirst);

  // A fresh page on the restarted instance draws the past at once.
  const status = new SupervisorStatusPage(page, SUPERVISOR);
  await page.goto(`${first.url}/supervisors/${SUPERVISOR}`);
  await expect(status.lagChart.locator('.recharts-area-area')).toBeVisible({ timeout: 15_000 });
  await other.dispose();
  await restarted.dispose();
});
