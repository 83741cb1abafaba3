// Load, steps 3–5: parse, event time and schema inferred from real topics, edited, and kept.
import { expect, test } from '@playwright/test';
import { LoadPage } from './pages/load-page';
import { LoadSchemaPage } from './pages/load-schema-page';

async function sampleTopic(load: LoadPage, topic: string): Promise<void> {
  await load.open(`?topic=${topic}`);
  await expect(load.page.getByRole('heading', { name: `Topic ${topic}` })).toBeVisible();
  await load.waitForSampleEnd();
}

test('ad-clicks: JSON, epoch-millis timestamp first, click summed, rollup re-previewed, edits kept over a reload', async ({ page }) => {
  const load = new LoadPage(page);
  const schema = new LoadSchemaPage(page);
  await sampleTopic(load, 'ad-clicks');
  await schema.continueToParse();
  await expect(schema.detectedFormat).toContainText('Detected JSON');
  await expect(schema.parseSummary).toContainText(/As JSON: 500 of 500 messages parse/);
  await expect(page.getByRole('table', { name: 'Parsed rows' })).toContainText('platform');

  await schema.continueToTime();
  await expect(schema.candidates.first()).toContainText('timestamp as epoch millis');
  await expect(schema.pickedCandidate()).toContainText('timestamp as epoch millis');
  await expect(page.getByTestId('format-check')).toContainText('500 of 500 values parse');
  await expect(schema.histogram).toBeVisible();
  await expect(schema.histogram.locator('.recharts-bar-rectangle').first()).toBeVisible();
  // The sample reaches hours back: a one-minute late-message window would throw most of it away.
  await schema.setLateWindow('PT1M');
  await expect(schema.histogram).toContainText(/fall before the late-message window \(PT1M\) and would be thrown away/);
  await expect(page.getByRole('list', { name: 'Warnings' })).toContainText('sampled rows fall before the late-message window (PT1M)');
  await schema.setLateWindow('');
  await expect(page.getByRole('list', { name: 'Warnings' }).filter({ hasText: 'late-message window' })).toHaveCount(0);

  await schema.continueToSchema();
  await expect(schema.role('click')).toHaveValue('metric');
  await expect(schema.aggregator('click')).toHaveValue('longSum');
  await expect(schema.role('city')).toHaveValue('dimension');
  await expect(schema.role('platform')).toHaveValue('dimension');

  const before = await schema.rollupSummary.textContent();
  await schema.rollup.click();
  await expect(schema.rollupSummary).not.toHaveText(before ?? '');
  const rolledUp = (await schema.rollup.isChecked()) ? await schema.rollupSummary.textContent() : before;
  expect(rolledUp).not.toContain('rollup ratio 1 (nothing merged)');

  await schema.role('platform').selectOption('none');
  await expect(page.getByRole('table', { name: 'Rows as Druid would store them' })).not.toContainText('platform');
  await page.reload();
  await expect(schema.role('platform')).toHaveValue('none', { timeout: 30_000 });
  await expect(schema.role('click')).toHaveValue('metric');
});

test('payments: the Kafka record timestamp is the event time', async ({ page }) => {
  const load = new LoadPage(page);
  const schema = new LoadSchemaPage(page);
  await sampleTopic(load, 'payments');
  await schema.continueToParse();
  await schema.continueToTime();
  await expect(schema.pickedCandidate()).toContainText('Kafka record timestamp');
  await expect(page.getByText('The Kafka record timestamp is epoch millis on every record')).toBeVisible();
  await expect(schema.histogram).toBeVisible();
});

test('sensor-readings-csv: read as CSV with the header line dropped', async ({ page }) => {
  const load = new LoadPage(page);
  const schema = new LoadSchemaPage(page);
  await sampleTopic(load, 'sensor-readings-csv');
  await schema.continueToParse();
  await expect(schema.detectedFormat).toContainText('Detected CSV');
  await expect(page.getByLabel('Input format')).toHaveValue('csv');
  await expect(schema.headerLine).toBeVisible();
  await expect(schema.parseSummary).toContainText(/header lines? dropped/);
  await expect(page.getByRole('table', { name: 'Parsed rows' })).toBeVisible();
});
