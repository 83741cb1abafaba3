// Change management against the local stack: a supervisor of our own (suspended, so no task runs)
// gets a second spec version and a suspend/resume toggle; its history folds the toggle away,
// compares the two versions, and rolls back to the first after showing the diff; the datasource
// page lists it, and once terminated its history is still there to submit again.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { SupervisorStatusPage } from './pages/supervisors-page';

const DEMO = 'web-clickstream';
const ID = `e2e-versions-${Date.now().toString(36)}`;

async function versionsOf(request: APIRequestContext): Promise<{ version: string; change: string }[]> {
  const answer = await request.get(`/api/supervisors/${ID}/versions`);
  expect(answer.status(), await answer.text()).toBe(200);
  return (await answer.json()).versions;
}

test.afterAll(async ({ request }) => {
  await request.post(`/api/supervisors/${ID}/terminate`, { data: {} });
});

test('a rollback restores an earlier spec after showing its diff', async ({ page, request }) => {
  const demo = await (await request.get(`/api/supervisors/${DEMO}`)).json();
  const first = structuredClone(demo.spec);
  first.spec.dataSchema.dataSource = ID;
  delete first.id;
  const firstDimensions = structuredClone(first.spec.dataSchema.dimensionsSpec.dimensions);
  const second = structuredClone(first);
  second.spec.dataSchema.dimensionsSpec.dimensions = [...firstDimensions, 'e2e_extra'];
  for (const spec of [first, second]) {
    const submitted = await request.post('/api/supervisors?suspended=true', { data: spec });
    expect(submitted.status(), await submitted.text()).toBe(200);
  }
  // A toggle: resumed and suspended again before Druid's start delay (5 s) lets it start a task.
  expect((await request.post(`/api/supervisors/${ID}/resume`, { data: {} })).status()).toBe(200);
  expect((await request.post(`/api/supervisors/${ID}/suspend`, { data: {} })).status()).toBe(200);
  const versions = await versionsOf(request);
  expect(versions.map((v) => v.change)).toEqual(['toggle', 'toggle', 'spec', 'first']);
  const firstVersion = versions[3].version;

  const status = new SupervisorStatusPage(page, ID);
  await status.open();
  const history = page.getByRole('list', { name: 'Spec versions' });
  // The resume is folded away; the suspend is the current version and shows.
  await expect(page.getByText('1 suspend/resume toggle hidden')).toBeVisible();
  await expect(history.getByRole('listitem')).toHaveCount(3);

  const firstRow = history.locator(`li[data-version="${firstVersion}"]`);
  await firstRow.getByRole('button', { name: 'Compare with current' }).click();
  const compare = page.getByRole('region', { name: 'Compare versions' });
  await expect(compare.getByRole('list', { name: 'Changes between the versions' })).toContainText('dimensions[2] added e2e_extra');

  // A version downloads as Druid stored it, named after the supervisor and the version's time.
  const [download] = await Promise.all([page.waitForEvent('download'), firstRow.getByRole('button', { name: 'Download' }).click()]);
  expect(download.suggestedFilename()).toBe(`${ID}-${firstVersion.replaceAll(':', '-')}.json`);

  await firstRow.getByRole('button', { name: 'Roll back to this version…' }).click();
  await expect(status.dialog.getByRole('note')).toContainText('Dimension "e2e_extra" is removed');
  await expect(status.dialog).toContainText('The supervisor stays suspended');
  await status.dialog.getByRole('button', { name: 'Roll back' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Supervisor "${ID}" was updated` })).toBeVisible();

  const current = await (await request.get(`/api/supervisors/${ID}`)).json();
  expect(current.spec.spec.dataSchema.dimensionsSpec.dimensions).toEqual(firstDimensions);
  expect(current.status.suspended).toBe(true);
  await expect(history.getByRole('listitem').first()).toContainText('current');
  await expect(history.getByRole('listitem').first()).toContainText('1 change');

  // The datasource name in the header leads to the supervisors that write to it.
  await expect(page.getByRole('main').locator('header').getByRole('link', { name: ID, exact: true })).toHaveAttribute('href', `/datasources/${ID}`);
  await page.goto(`/datasources/${ID}`);
  await expect(page.getByRole('table', { name: `Supervisors writing to ${ID}` }).locator(`tr[data-supervisor="${ID}"]`)).toContainText('SUSPENDED');

  // Terminated, its history stays reachable from its status page.
  expect((await request.post(`/api/supervisors/${ID}/terminate`, { data: {} })).status()).toBe(200);
  await page.goto(`/supervisors/${ID}`);
  await expect(page.getByText('TERMINATED', { exact: true })).toBeVisible();
  await expect(history.getByRole('listitem').first()).toContainText('terminated');
  await expect(history.getByRole('button', { name: 'Submit this version again…' }).first()).toBeVisible();
});
