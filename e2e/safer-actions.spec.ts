// Safer actions against the real stack, on three supervisors of our own submitted suspended: a reset
// to a point in time previews per partition what is read again (messages written with known Kafka
// timestamps make the cut exact), asks for the id and moves the offsets, read back from Druid; then
// the dashboard's selection is resumed and suspended in bulk, each result read back.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { Kafka, logLevel } from 'kafkajs';
import { SupervisorsDashboard, SupervisorStatusPage } from './pages/supervisors-page';
import { readStack } from './stack';

const SUFFIX = Date.now().toString(36);
const PREFIX = `e2e-safer-${SUFFIX}`;
const TIMED = `${PREFIX}-timed`;
const IDS = [TIMED, `${PREFIX}-b`, `${PREFIX}-c`];
/** Messages one second apart from an hour ago: partition 0 holds 10, partition 1 holds 6. */
const T0 = Math.floor(Date.now() / 1000) * 1000 - 3_600_000;
const COUNTS = [10, 6];

let kafka: Kafka;

test.describe.configure({ mode: 'serial' });

async function submitSuspended(request: APIRequestContext, id: string): Promise<void> {
  const demo = await request.get('/api/supervisors/web-clickstream');
  expect(demo.status(), await demo.text()).toBe(200);
  const spec = structuredClone((await demo.json()).spec);
  delete spec.id;
  spec.spec.dataSchema.dataSource = id;
  spec.spec.ioConfig = { ...spec.spec.ioConfig, topic: id, useEarliestOffset: true, taskCount: 1, replicas: 1 };
  spec.spec.tuningConfig = { ...spec.spec.tuningConfig, type: 'kafka', offsetFetchPeriod: 'PT5S' };
  const submitted = await request.post('/api/supervisors?suspended=true', { data: spec });
  expect(submitted.status(), await submitted.text()).toBe(200);
}

test.beforeAll(async ({ request }) => {
  test.setTimeout(90_000);
  kafka = new Kafka({ clientId: 'tributary-e2e', brokers: [readStack().kafka.bootstrapServers], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: IDS.map((topic, i) => ({ topic, numPartitions: i === 0 ? 2 : 1 })), waitForLeaders: true });
  await admin.disconnect();
  const producer = kafka.producer();
  await producer.connect();
  const messages = (partition: number, count: number) =>
    Array.from({ length: count }, (_, i) => ({ partition, timestamp: String(T0 + i * 1000), value: JSON.stringify({ time: new Date(T0 + i * 1000).toISOString(), url: `/p/${i}`, user: `u${i}` }) }));
  await producer.send({ topic: TIMED, messages: COUNTS.flatMap((count, partition) => messages(partition, count)) });
  await Promise.all(IDS.slice(1).map((topic) => producer.send({ topic, messages: messages(0, 2) })));
  await producer.disconnect();
  // One after another: the Overlord handles supervisor changes one at a time anyway.
  for (const id of IDS) await submitSuspended(request, id);
  // As if it had read everything: Druid stores the end offsets for it.
  const moved = await request.post(`/api/supervisors/${TIMED}/resetOffsets`, { data: { partitions: { '0': '10', '1': '6' } } });
  expect(moved.status(), await moved.text()).toBe(200);
  // A new supervisor reports its stored offsets from its first offset refresh on (offsetFetchPeriod).
  const offsets = async () => ((await (await request.get(`/api/supervisors/${TIMED}/lag`)).json()).partitions as { currentOffset: string | null }[]).map((p) => p.currentOffset);
  await expect.poll(offsets, { timeout: 40_000, intervals: [1_000] }).toEqual(['10', '6']);
});

test.afterAll(async ({ request }) => {
  await Promise.all(IDS.map((id) => request.post(`/api/supervisors/${id}/terminate`, { data: {} }).catch(() => undefined)));
  const admin = kafka?.admin();
  if (admin) {
    await admin.connect().catch(() => undefined);
    await admin.deleteTopics({ topics: IDS }).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
});

test('reset to a time previews what each partition reads again, asks for the id, then moves the offsets', async ({ page }) => {
  const cut = new Date(T0 + 5_000).toISOString();
  const status = new SupervisorStatusPage(page, TIMED);
  // The diagnosis panel links here with the dialog open and the time filled in.
  await page.goto(`/supervisors/${TIMED}?act=reset-to-time&time=${encodeURIComponent(cut)}`);
  await expect(status.dialog.getByRole('heading', { name: `Reset ${TIMED} to a point in time` })).toBeVisible({ timeout: 30_000 });
  const preview = status.dialog.getByTestId('reset-preview');
  const row = (partition: number) => preview.locator(`tr[data-partition="${partition}"]`);
  // Messages 5..9 of partition 0 and 5 of partition 1 were written at or after the cut.
  await expect(row(0).getByTestId('replayed')).toHaveText('5', { timeout: 30_000 });
  await expect(row(1).getByTestId('replayed')).toHaveText('1');
  await expect(row(0).getByTestId('skipped')).toHaveText('0');
  await expect(preview.getByTestId('total-replayed')).toHaveText('6');

  const send = status.dialog.getByRole('button', { name: 'Reset offsets' });
  await expect(send).toBeDisabled();
  await status.dialog.getByLabel(/Type .* to confirm/).fill(TIMED);
  await send.click();
  await expect(page.getByTestId('action-answer')).toContainText('Druid now reads partition 0 from 5 (was 10), partition 1 from 5 (was 6)', { timeout: 45_000 });
  await expect(status.dialog).toBeHidden();
  await expect(page).not.toHaveURL(/act=/);
});

test('a bulk resume and a bulk suspend act on three supervisors, each read back from Druid', async ({ page }) => {
  const dashboard = new SupervisorsDashboard(page);
  await dashboard.open(`?q=${PREFIX}`);
  for (const id of IDS) await expect(dashboard.state(id)).toHaveText('SUSPENDED');
  const bar = page.getByTestId('bulk-actions');
  const dialog = page.getByRole('dialog');
  const results = bar.getByTestId('bulk-results');

  await page.getByLabel('Select all shown supervisors').check();
  await expect(bar).toContainText('3 selected:');
  await bar.getByRole('button', { name: 'Resume', exact: true }).click();
  await expect(dialog.getByTestId('bulk-summary')).toContainText('3 will start new tasks from their stored offsets');
  await dialog.getByRole('button', { name: 'Resume 3' }).click();
  await expect(results).toContainText('Resume: 3 resumed', { timeout: 30_000 });
  for (const id of IDS) await expect(results.locator(`[data-result="${id}"]`).getByTestId('state-after')).toHaveText(/^(RUNNING|PENDING|RESUMED)$/);
  for (const id of IDS) await expect(dashboard.state(id)).not.toHaveText('SUSPENDED', { timeout: 30_000 });

  await page.getByLabel('Select all shown supervisors').check();
  await bar.getByRole('button', { name: 'Suspend', exact: true }).click();
  await expect(dialog.getByTestId('bulk-summary')).toContainText('3 will stop reading and publish what they have read');
  await dialog.getByRole('button', { name: 'Suspend 3' }).click();
  await expect(results).toContainText('Suspend: 3 suspended', { timeout: 30_000 });
  for (const id of IDS) await expect(results.locator(`[data-result="${id}"]`).getByTestId('state-after')).toHaveText('SUSPENDED');
  // The dashboard shows Druid's state, which follows once the Overlord's supervisor loop has run.
  for (const id of IDS) await expect(dashboard.state(id)).toHaveText('SUSPENDED', { timeout: 30_000 });
});
