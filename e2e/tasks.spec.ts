// Tasks on the status page against the real stack: a supervisor whose task runs on the
// MiddleManager (a peon JVM, which keeps a log per task) reads a small topic with malformed
// messages; its running task's report shows row counts and parse exceptions, and its log follows
// live: a message written after the log is opened shows up in it.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { createTopicWith, deleteTopics, stackKafka } from '../testing/app';
import { runTasksOnMiddleManager } from '../testing/peon-tasks';
import { TasksSection } from './pages/tasks-page';
import { readStack } from './stack';

const TOPIC = `e2e-tasks-${Date.now().toString(36)}`;
const SUPERVISOR = TOPIC;

let api: APIRequestContext;
let origin: string;

const clicks = (count: number) => Array.from({ length: count }, (_, n) => ({ value: JSON.stringify({ time: new Date().toISOString(), url: `/page/${n % 5}`, user: `user-${n}`, latencyMs: n }) }));

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ playwright }) => {
  const stack = readStack();
  origin = stack.appUrl;
  api = await playwright.request.newContext({ baseURL: stack.appUrl });
  await createTopicWith(TOPIC, 1, [...clicks(12), { value: 'not json at all' }, { value: '{"time": "yesterday-ish", "url": "/bad"}' }]);

  // Before the supervisor exists: the Overlord places its tasks by the strategy it has then.
  await runTasksOnMiddleManager(stack.real.druid.overlordUrl, SUPERVISOR);
  const demo = await api.get('/api/supervisors/web-clickstream');
  expect(demo.status(), await demo.text()).toBe(200);
  const spec = structuredClone((await demo.json()).spec);
  delete spec.id;
  spec.spec.dataSchema.dataSource = SUPERVISOR;
  Object.assign(spec.spec.ioConfig, { topic: TOPIC, useEarliestOffset: true });
  // Druid keeps the parse exceptions for the report and logs each one, so new messages make new log lines.
  spec.spec.tuningConfig = { ...spec.spec.tuningConfig, type: 'kafka', offsetFetchPeriod: 'PT5S', maxSavedParseExceptions: 10, logParseExceptions: true };
  const submitted = await api.post('/api/supervisors', { data: spec, headers: { origin } });
  expect(submitted.status(), await submitted.text()).toBe(200);
});

test.afterAll(async () => {
  await api?.post(`/api/supervisors/${SUPERVISOR}/terminate`, { data: {}, headers: { origin } }).catch(() => undefined);
  await deleteTopics(TOPIC);
  await api?.dispose();
});

test("the running task's report shows its row counts and parse exceptions, and its log follows", async ({ page }) => {
  test.setTimeout(180_000);
  const tasks = new TasksSection(page);
  // A peon JVM takes a while to start: its task serves a report once it has.
  await expect
    .poll(async () => ((await (await api.get(`/api/supervisors/${SUPERVISOR}`)).json()) as { tasks?: Array<{ status: string }> }).tasks?.some((task) => task.status === 'RUNNING'), { timeout: 90_000 })
    .toBe(true);
  await page.goto(`/supervisors/${SUPERVISOR}`);
  const running = tasks.row('RUNNING');
  await expect(running).toBeVisible({ timeout: 30_000 });

  await tasks.open(running, 'Report');
  // Processed: the 12 clicks; unparseable: the 2 malformed messages.
  const buildSegments = tasks.rowCounts.getByRole('row', { name: /buildSegments/ }).getByRole('cell');
  await expect(buildSegments.nth(1)).toHaveText('12', { timeout: 60_000 });
  await expect(buildSegments.nth(3)).toHaveText('2');
  await expect(tasks.parseExceptions).toContainText('not json at all');
  await expect(tasks.parseExceptions).toContainText('Timestamp[yesterday-ish] is unparseable');

  await tasks.tab('Log').click();
  await expect(tasks.following).toBeVisible();
  await expect(tasks.log).toContainText('not json at all', { timeout: 45_000 });
  const marker = `written-after-the-log-opened-${Date.now()}`;
  const producer = stackKafka().producer();
  await producer.connect();
  await producer.send({ topic: TOPIC, messages: [{ value: marker }] });
  await producer.disconnect();
  await expect(tasks.log).toContainText(marker, { timeout: 30_000 });
  await expect(tasks.following).toBeVisible();

  await tasks.panel.getByRole('button', { name: 'Pause' }).click();
  await expect(tasks.panel).toContainText('paused: new lines are not shown');
  await expect(tasks.panel.getByRole('button', { name: 'Follow' })).toBeVisible();
});
