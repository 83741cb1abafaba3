// Why nothing lands, against the real stack: a supervisor fed malformed and late messages shows the
// unparseable rows with examples and the rows thrown away with their event times and the setting
// that would keep them; a supervisor whose stored offsets fell below the topic's earliest (records
// deleted as retention would) shows that cause and its link opens the reset that recovers.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { Kafka, logLevel } from 'kafkajs';
import { SupervisorStatusPage } from './pages/supervisors-page';
import { readStack } from './stack';

const SUFFIX = Date.now().toString(36);
const MALFORMED = `e2e-diagnosis-malformed-${SUFFIX}`;
const DELETED = `e2e-diagnosis-deleted-${SUFFIX}`;
const HOUR_MS = 3_600_000;

let kafka: Kafka;
let api: APIRequestContext;
let origin: string;

test.describe.configure({ mode: 'serial' });

function spec(topic: string, bootstrapServers: string, ioConfig: Record<string, unknown> = {}, tuningConfig: Record<string, unknown> = {}) {
  return {
    type: 'kafka',
    spec: {
      dataSchema: {
        dataSource: topic,
        timestampSpec: { column: 'time', format: 'iso' },
        dimensionsSpec: { dimensions: ['url'] },
        granularitySpec: { segmentGranularity: 'hour', queryGranularity: 'none', rollup: false },
      },
      ioConfig: { type: 'kafka', topic, inputFormat: { type: 'json' }, consumerProperties: { 'bootstrap.servers': bootstrapServers }, useEarliestOffset: true, taskCount: 1, replicas: 1, ...ioConfig },
      // Druid reads its tasks' offsets every 5 s instead of every 30 s.
      tuningConfig: { type: 'kafka', offsetFetchPeriod: 'PT5S', ...tuningConfig },
    },
  };
}

async function post(path: string, data: unknown = {}): Promise<void> {
  const response = await api.post(path, { data, headers: { origin } });
  expect(response.status(), await response.text()).toBe(200);
}

async function detail(id: string): Promise<{ totals: { unparseable: number; thrownAway: number } | null; status: { recentErrors?: { message?: string }[] | null } }> {
  return (await api.get(`/api/supervisors/${id}`)).json();
}

test.beforeAll(async ({ playwright, baseURL }) => {
  const stack = readStack();
  origin = baseURL ?? stack.appUrl;
  api = await playwright.request.newContext({ baseURL: origin });
  kafka = new Kafka({ clientId: 'tributary-e2e-diagnosis', brokers: [stack.kafka.bootstrapServers], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [MALFORMED, DELETED].map((topic) => ({ topic, numPartitions: 1 })), waitForLeaders: true });
  const producer = kafka.producer();
  await producer.connect();
  const now = Date.now();
  const event = (time: number, url: string) => ({ value: JSON.stringify({ time: new Date(time).toISOString(), url }) });
  await producer.send({
    topic: MALFORMED,
    messages: [
      ...[0, 1, 2, 3].map((i) => event(now - i * 1000, `/fresh/${i}`)),
      // Three hours old: outside a lateMessageRejectionPeriod of PT1H.
      ...[0, 1, 2].map((i) => event(now - 3 * HOUR_MS - i * 60_000, `/late/${i}`)),
      { value: 'this is not json {' },
      { value: JSON.stringify({ time: 'not a time', url: '/bad' }) },
    ],
  });
  await producer.send({ topic: DELETED, messages: Array.from({ length: 10 }, (_, i) => event(now, `/page/${i}`)) });
  await producer.disconnect();
  // Offsets 0 to 5 are deleted, as retention would delete them.
  await admin.fetchTopicMetadata({ topics: [DELETED] });
  await admin.deleteTopicRecords({ topic: DELETED, partitions: [{ partition: 0, offset: '6' }] });
  await admin.disconnect();

  await post('/api/supervisors', spec(MALFORMED, stack.kafka.bootstrapServers, { lateMessageRejectionPeriod: 'PT1H' }, { maxSavedParseExceptions: 10 }));
  // Druid stored offset 2 before retention deleted it: submitted suspended, moved there, then resumed.
  await post('/api/supervisors?suspended=true', spec(DELETED, stack.kafka.bootstrapServers));
  await post(`/api/supervisors/${DELETED}/resetOffsets`, { partitions: { '0': '2' } });
  await post(`/api/supervisors/${DELETED}/resume`);
});

test.afterAll(async () => {
  // Cleanup goes to the Overlord itself, so it happens even when the app is what failed.
  const overlord = readStack().real.druid.overlordUrl;
  const call = (path: string) => fetch(`${overlord}${path}`, { method: 'POST', signal: AbortSignal.timeout(20_000) }).catch(() => undefined);
  await Promise.all(
    [MALFORMED, DELETED].map(async (id) => {
      await call(`/druid/indexer/v1/supervisor/${id}/terminate`);
      // A terminated supervisor's task still publishes and waits for handoff; it is stopped so it holds no task slot.
      const tasks = await fetch(`${overlord}/druid/indexer/v1/tasks?datasource=${id}&state=running`, { signal: AbortSignal.timeout(10_000) })
        .then((response) => response.json() as Promise<{ id: string }[]>)
        .catch(() => []);
      await Promise.all(tasks.map((task) => call(`/druid/indexer/v1/task/${encodeURIComponent(task.id)}/shutdown`)));
    }),
  );
  const admin = kafka?.admin();
  if (admin) {
    await admin.connect().catch(() => undefined);
    await admin.deleteTopics({ topics: [MALFORMED, DELETED], timeout: 10_000 }).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
  await api?.dispose();
});

test('malformed and late messages show as unparseable rows with examples and as thrown-away rows with the setting that would keep them', async ({ page }) => {
  // Druid's task has read and counted them before the page first asks for the diagnosis.
  await expect.poll(async () => (await detail(MALFORMED)).totals, { timeout: 40_000 }).toMatchObject({ unparseable: 2, thrownAway: 3 });
  const status = new SupervisorStatusPage(page, MALFORMED);
  await status.open();
  const diagnosis = page.getByRole('region', { name: 'Diagnosis' });

  const unparseable = diagnosis.getByRole('listitem', { name: 'Unparseable rows' });
  await expect(unparseable).toContainText('Druid could not parse 2 rows');
  const examples = unparseable.getByRole('table', { name: 'Example rows' });
  await expect(examples).toContainText('this is not json {');
  await expect(examples).toContainText('Timestamp[not a time] is unparseable!');
  await expect(unparseable.getByRole('link', { name: 'Edit the inputFormat and timestampSpec' })).toHaveAttribute('href', `/load/edit/${MALFORMED}`);

  const thrownAway = diagnosis.getByRole('listitem', { name: 'Rows thrown away' });
  await expect(thrownAway).toContainText('Druid threw away 3 rows');
  await expect(thrownAway.getByRole('list', { name: 'Settings that would keep the rows' })).toContainText('lateMessageRejectionPeriod: PT4H would keep 100% of the sampled rows; now PT1H keeps 57.1%.');
  await expect(thrownAway.getByRole('figure', { name: 'Event times of the sampled rows' })).toContainText('3 fall outside it');
  await expect(thrownAway.getByRole('table', { name: 'Example rows' }).getByRole('row')).toHaveCount(4);
  await expect(thrownAway.getByRole('link', { name: 'Set lateMessageRejectionPeriod to PT4H' })).toHaveAttribute('href', `/load/edit/${MALFORMED}`);
});

test('offsets below the earliest Kafka keeps show that cause and link to the reset that recovers', async ({ page }) => {
  await expect
    .poll(async () => (await detail(DELETED)).status.recentErrors?.some((e) => e.message?.includes('is no longer available')), { timeout: 40_000 })
    .toBe(true);
  const status = new SupervisorStatusPage(page, DELETED);
  await status.open();
  const finding = page.getByRole('region', { name: 'Diagnosis' }).getByRole('listitem', { name: 'Offsets deleted by retention' });
  await expect(finding).toContainText("Kafka's retention deleted 4 messages Druid had not read yet");
  await expect(finding.getByRole('table', { name: 'Stored offsets against Kafka' }).getByRole('row').nth(1).getByRole('cell')).toHaveText(['0', '2', '6', '10', '4']);
  await finding.getByRole('link', { name: 'Reset to the earliest offsets' }).click();
  // The link opens the status page's reset to a point in time, with the earliest offsets chosen.
  await expect(status.dialog).toContainText(`Reset ${DELETED} to a point in time`);
  await expect(status.dialog.getByRole('button', { name: 'Earliest' })).toHaveAttribute('aria-pressed', 'true');
});
