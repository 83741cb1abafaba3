// Load, the last step: review the spec, submit it and see the topic's rows in Druid; edit a running
// supervisor and see what would change; reload mid-wizard and continue where it was.
import { expect, test } from '@playwright/test';
import { LoadPage } from './pages/load-page';
import { LoadReviewPage } from './pages/load-review-page';
import { readStack } from './stack';

async function countRows(datasource: string): Promise<number> {
  const response = await fetch(`${readStack().appUrl}/api/query/sql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `SELECT COUNT(*) FROM "${datasource}"` }),
  });
  if (!response.ok) return 0;
  const rows = (await response.text()).split('\n').filter((line) => line.includes('"rows"'));
  return rows.length ? Number(JSON.parse(rows[0]).rows[0][0]) : 0;
}

async function terminate(id: string): Promise<void> {
  await fetch(`${readStack().appUrl}/api/supervisors/${encodeURIComponent(id)}/terminate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
}

test('samples a topic, accepts the inferred schema, submits once on a double click, and the rows arrive', async ({ page }) => {
  const datasource = `e2e-payments-${Date.now()}`;
  const load = new LoadPage(page);
  const review = new LoadReviewPage(page);
  await load.open('?topic=payments&limit=200');
  await load.waitForSampleEnd();
  await review.acceptInferredSchema();

  await review.datasource.fill(datasource);
  // Where reading starts is a question the user must answer: until then, submit says why it cannot.
  await expect(review.submitBlocked).toContainText('useEarliestOffset is not set');
  await expect(review.submitButton).toBeDisabled();
  await expect(review.problems).toContainText('spec.ioConfig');
  await review.startFromEarliestOffset.check();
  await expect(review.submitBlocked).toHaveCount(0);

  // Druid's own sampler reads the topic with the spec and agrees with the preview.
  await page.getByRole('button', { name: 'Check with Druid' }).click();
  await expect(review.druidAnswer).toContainText(/^Druid read \d+ messages and would store \d+ rows/, { timeout: 30_000 });
  await expect(review.druidAnswer).toContainText('Druid parses every column the way the preview does');

  const submits: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/supervisors') submits.push(request.url());
  });
  try {
    await review.submitButton.dblclick();
    await expect(page).toHaveURL(new RegExp(`/supervisors/${datasource}$`), { timeout: 30_000 });
    await expect(page.getByRole('heading', { level: 1, name: datasource })).toBeVisible();
    expect(submits).toHaveLength(1);
    await expect.poll(() => countRows(datasource), { timeout: 60_000, intervals: [1_000, 2_000, 5_000] }).toBeGreaterThan(0);
  } finally {
    await terminate(datasource);
  }
});

test('opens the running supervisor in the wizard, and shows what an edit would change', async ({ page }) => {
  const review = new LoadReviewPage(page);
  await page.goto('/load/edit/web-clickstream');
  await expect(review.heading).toHaveText('Edit supervisor web-clickstream');
  await expect(page).toHaveURL(/step=review/);
  await expect(review.datasource).toHaveValue('web-clickstream');
  await expect(page.getByTestId('spec-diff-none')).toBeVisible();

  // A change in the form shows in the diff, with Druid's words for what it means.
  await review.taskDuration.fill('PT30M');
  await expect(review.specChanges).toContainText('spec.ioConfig.taskDuration');
  await expect(review.specChanges).toContainText('PT30M');
  await expect(review.submitButton).toHaveText('Update supervisor web-clickstream');

  // A hand edit to the JSON flows back into the form; a wrong one is marked where it is.
  const running = (await (await fetch(`${readStack().appUrl}/api/supervisors/web-clickstream`)).json()) as { spec: { spec: { ioConfig: Record<string, unknown> } } };
  running.spec.spec.ioConfig.taskCount = 2;
  await review.replaceSpecText(JSON.stringify(running.spec, null, 2));
  await expect(review.taskCount).toHaveValue('2');
  await expect(review.specChanges).toContainText('spec.ioConfig.taskCount');
  running.spec.spec.ioConfig.taskCount = 'two' as unknown as number;
  await review.replaceSpecText(JSON.stringify(running.spec, null, 2));
  await expect(review.problems).toContainText('spec.ioConfig.taskCount');
  await expect(page.locator('.cm-lintRange-error').first()).toBeVisible();
  await expect(review.submitButton).toBeDisabled();

  // The broken text is kept as typed across a reload.
  await page.reload();
  await expect(review.problems).toContainText('spec.ioConfig.taskCount');

  // Opening the supervisor again offers the draft, or a fresh start from what runs.
  await page.goto('/load/edit/web-clickstream');
  await page.getByRole('button', { name: 'Start over from the running spec' }).click();
  await expect(page.getByTestId('spec-diff-none')).toBeVisible();
  await expect(review.problems).toContainText('No problems found');

  // The spec leaves as the curl command the Overlord takes, or as a JSON file.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy as curl' }).click();
  await expect(page.getByText('Copied the curl command.')).toBeVisible();
  const curl = await page.evaluate(() => navigator.clipboard.readText());
  expect(curl).toMatch(/^curl -X POST -H 'Content-Type: application\/json' --data-binary @- 'http:\/\/[^']+\/druid\/indexer\/v1\/supervisor' <<'TRIBUTARY_SPEC'\n\{/);
  expect(curl).toContain('"dataSource": "web-clickstream"');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download JSON' }).click();
  expect((await download).suggestedFilename()).toBe('web-clickstream-spec.json');
});

test('keeps the wizard across a reload, and lists the draft to resume, rename and delete', async ({ page }) => {
  const load = new LoadPage(page);
  const review = new LoadReviewPage(page);
  await load.open('?topic=ad-clicks&limit=100');
  await load.waitForSampleEnd();
  await review.acceptInferredSchema();
  await review.datasource.fill('ad-clicks-hourly');
  await review.startFromEarliestOffset.check();

  await page.reload();
  await expect(review.heading).toBeVisible();
  await expect(review.datasource).toHaveValue('ad-clicks-hourly');
  await expect(review.startFromEarliestOffset).toBeChecked();
  await expect(review.submitButton).toBeEnabled();

  await load.open();
  const draft = review.draft('ad-clicks');
  await expect(draft).toContainText('100 messages');
  await draft.getByRole('button', { name: 'Rename' }).click();
  await draft.getByLabel('Draft name').fill('Ad clicks, hourly');
  await draft.getByRole('button', { name: 'Save name' }).click();
  const renamed = review.draft('Ad clicks, hourly');
  await renamed.getByRole('link', { name: 'Resume' }).click();
  await expect(review.datasource).toHaveValue('ad-clicks-hourly');

  await load.open();
  await renamed.getByRole('button', { name: 'Delete' }).click();
  await renamed.getByRole('button', { name: 'Delete for good' }).click();
  await expect(renamed).toHaveCount(0);
});
