// Load, steps 1–2: find a topic, sample it every way with visible progress, cancel, paste instead,
// and the faults a user meets (missing topic, empty topic, a broker down).
import { expect, test } from '@playwright/test';
import { Kafka, logLevel } from 'kafkajs';
import { LoadPage } from './pages/load-page';
import { readStack } from './stack';

const TOPIC = 'web-clickstream';

/** Sets (or with null clears) the fault of the proxy between the app and Kafka. */
async function kafkaFault(fault: { kind: string; ms?: number } | null): Promise<void> {
  const url = `${readStack().real.faults.controlUrl}/faults/kafka`;
  const response = await fetch(url, fault ? { method: 'PUT', body: JSON.stringify(fault) } : { method: 'DELETE' });
  if (!response.ok) throw new Error(`fault control answered ${response.status}: ${await response.text()}`);
}

const kafka = () => new Kafka({ brokers: [readStack().kafka.bootstrapServers], logLevel: logLevel.NOTHING });

async function createTopic(topic: string, numPartitions: number, configEntries: { name: string; value: string }[] = []): Promise<void> {
  const admin = kafka().admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions, configEntries }], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
}

test('finds a topic by typing part of its name and samples it from earliest, latest and a time', async ({ page }) => {
  const load = new LoadPage(page);
  await load.openFromNav();
  await load.findTopic('clicks');
  await expect(load.topicLink(TOPIC)).toBeVisible();
  await expect(load.topicLink('payments')).toHaveCount(0);
  await expect(page).toHaveURL(/q=clicks/);
  const row = load.topicRows.filter({ has: load.topicLink(TOPIC) });
  await expect(row).toContainText(/ago|empty/);

  await load.openTopic(TOPIC);
  await load.waitForSampleEnd();
  await expect(load.progressBar).toHaveAttribute('aria-valuenow', '100');
  await expect(load.sampleSummary).toHaveText('Read 500 messages, the limit.');
  await expect(load.records.first()).toContainText(/^\d+\s*\d+\s*\d{4}-\d\d-\d\d/);

  await load.sampleFrom('Latest messages', { limit: 60 });
  await expect(page).toHaveURL(/from=latest/);
  await load.waitForSampleEnd();
  await expect(load.sampleCounts).toContainText('60 of 60 messages');

  const anHourAgo = new Date(Date.now() - 3_600_000);
  await load.sampleFrom('From a time', { limit: 100, time: anHourAgo });
  await expect(page).toHaveURL(/from=timestamp&at=/);
  await load.waitForSampleEnd();
  await expect(page.getByText(/^Started at \d{4}-/)).toBeVisible();
  await expect(load.sampleCounts).toContainText('100 of 100 messages');

  // Search within the sample, and a record's pretty view.
  await page.getByPlaceholder(/Search within the sample/).fill('latencyMs');
  await expect(page.getByTestId('records-shown')).toContainText('messages');
  await load.records.first().click();
  await expect(page.getByTestId('record-value')).toContainText('"latencyMs":');
});

test('cancels a slow sample, and the page says it was cancelled', async ({ page }) => {
  const load = new LoadPage(page);
  await kafkaFault({ kind: 'latency', ms: 1_500 });
  try {
    await load.open(`?topic=${TOPIC}&limit=10000`);
    await expect(load.sampleStatus).toHaveText('Sampling…');
    await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible();
    await load.cancel();
    await expect(load.sampleStatus).toHaveText('Cancelled');
    await expect(page.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
  } finally {
    await kafkaFault(null);
  }
});

test('pastes messages instead of reading Kafka, and keeps them across a reload', async ({ page }) => {
  const load = new LoadPage(page);
  await load.open();
  await load.paste('{"user":"ana","ms":12}\n{"user":"bo","ms":40}\n\n{"user":"cy","ms":7}\n');
  await expect(page.getByTestId('pasted-count')).toHaveText('3 messages');
  await expect(load.records).toHaveCount(3);
  await page.reload();
  await expect(page.getByTestId('pasted-count')).toHaveText('3 messages');
  await load.records.nth(1).click();
  await expect(page.getByTestId('record-value')).toHaveText('{\n  "user": "bo",\n  "ms": 40\n}');

  await load.upload('events.csv', 'ts,user,ms\n2026-01-01T00:00:00Z,ana,12\n');
  await expect(page.getByTestId('pasted-count')).toHaveText('2 messages');
  await load.upload('photo.png', 'not really a picture', 'image/png');
  await expect(load.alert).toHaveText('photo.png is not text: upload messages as text, one per line (JSON, CSV, TSV or plain lines).');
});

test('names a topic that does not exist and suggests the close one', async ({ page }) => {
  const load = new LoadPage(page);
  await load.open('?topic=web-clicks');
  await expect(load.alert).toContainText(`Topic "web-clicks" does not exist on this Kafka cluster. Did you mean "${TOPIC}"?`);
});

test("shows the topic's retention, cleanup policy and the consumer groups reading it, with their lag", async ({ page }) => {
  const name = `e2e-retention-${Date.now()}`;
  const group = `${name}-readers`;
  await createTopic(name, 2, [
    { name: 'retention.ms', value: String(3 * 86_400_000) },
    { name: 'cleanup.policy', value: 'compact,delete' },
  ]);
  const producer = kafka().producer();
  await producer.connect();
  await producer.send({ topic: name, messages: Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, value: `{"n":${i}}`, partition: i % 2 })) });
  await producer.disconnect();
  const admin = kafka().admin();
  await admin.connect();
  try {
    await admin.setOffsets({ groupId: group, topic: name, partitions: [{ partition: 0, offset: '2' }, { partition: 1, offset: '5' }] });
    const load = new LoadPage(page);
    await load.open(`?topic=${name}&limit=10`);
    await expect(page.getByText('Retention', { exact: true }).locator('..')).toContainText('3 days');
    await expect(page.getByText('Cleanup policy', { exact: true }).locator('..')).toContainText('compact, delete');
    const groups = page.getByRole('region', { name: 'Consumer groups' });
    // 5 messages per partition: 3 left after offset 2, none after offset 5.
    const row = groups.getByRole('row', { name: new RegExp(group) });
    await expect(row.getByRole('cell').nth(3)).toHaveText('3');
  } finally {
    await admin.deleteGroups([group]).catch(() => undefined);
    await admin.deleteTopics({ topics: [name] }).catch(() => undefined);
    await admin.disconnect();
  }
});

test('says an empty topic is empty, at once', async ({ page }) => {
  const name = `e2e-empty-${Date.now()}`;
  await createTopic(name, 2);
  const load = new LoadPage(page);
  await load.open(`?topic=${name}`);
  await expect(load.sampleSummary).toHaveText(`Topic "${name}" is empty: none of its 2 partitions holds a message.`, { timeout: 5_000 });
});

test('says Kafka cannot be reached when its connections are refused, and reads again once it is back', async ({ page }) => {
  const load = new LoadPage(page);
  await load.open(`?topic=${TOPIC}&limit=50`);
  await load.waitForSampleEnd();
  await kafkaFault({ kind: 'refuse' });
  try {
    await load.sampleFrom('From earliest', { limit: 51 });
    await expect(load.alert).toContainText(/Kafka|broker|connect/i, { timeout: 30_000 });
  } finally {
    await kafkaFault(null);
  }
  await load.sampleFrom('From earliest', { limit: 52 });
  await load.waitForSampleEnd();
  await expect(load.sampleCounts).toContainText('52 of 52 messages');
});
