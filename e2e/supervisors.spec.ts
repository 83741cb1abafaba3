// Operate against the local stack: the demo supervisor on the dashboard and its status page,
// suspend and resume, and terminate's typed confirmation on a supervisor of our own.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { SupervisorsDashboard, SupervisorStatusPage } from './pages/supervisors-page';

const DEMO = 'web-clickstream';
const COPY = 'e2e-operate-copy';

async function ensureRunning(request: APIRequestContext, id: string): Promise<void> {
  const detail = await request.get(`/api/supervisors/${id}`);
  if (detail.ok() && (await detail.json()).status.suspended) await request.post(`/api/supervisors/${id}/resume`, { data: {} });
}

test.describe.configure({ mode: 'serial' });

// Whatever happens in a test, the demo supervisor stays RUNNING for everyone else's tests.
test.afterAll(async ({ request }) => {
  await ensureRunning(request, DEMO);
});

test('the dashboard lists the demo supervisor as RUNNING with its lag', async ({ page }) => {
  const dashboard = new SupervisorsDashboard(page);
  await dashboard.open();
  await expect(dashboard.state(DEMO)).toHaveText('RUNNING');
  await expect(dashboard.lag(DEMO)).toHaveText(/^[\d,]+/);
  await expect(dashboard.row(DEMO)).toContainText('6 partitions');
  await expect(page.getByTestId('total-supervisors')).not.toHaveText('0');

  // The filter lives in the URL, so the view survives a reload.
  await dashboard.filter.fill('no-such-supervisor');
  await expect(page).toHaveURL(/q=no-such-supervisor/);
  await expect(page.getByText('No supervisor matches this filter.')).toBeVisible();
  await page.reload();
  await expect(dashboard.filter).toHaveValue('no-such-supervisor');
  await dashboard.filter.fill('');
  await dashboard.stateFilter.selectOption('running');
  await expect(dashboard.row(DEMO)).toBeVisible();
});

test('its status page shows partitions and lag over time', async ({ page }) => {
  const dashboard = new SupervisorsDashboard(page);
  await dashboard.open();
  const status = await dashboard.openSupervisor(DEMO);
  await expect(status.state).toHaveText('RUNNING');
  await expect(status.partitions).toHaveCount(6);
  await expect(status.partitions.first()).toContainText(/^0/);
  // The chart draws the collector's stored samples, there since the stack started.
  await expect(status.lagChart.getByRole('application')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('table', { name: 'Tasks' })).toContainText('RUNNING');
  await expect(page.getByRole('link', { name: 'Edit in the load wizard' })).toHaveAttribute('href', `/load/edit/${DEMO}`);
});

test('suspend shows SUSPENDED on the page and the dashboard, resume brings back RUNNING', async ({ page }) => {
  const status = new SupervisorStatusPage(page, DEMO);
  await status.open();
  await status.action('Suspend').click();
  await expect(status.state).toHaveText('SUSPENDED');
  await expect(page.getByRole('status').filter({ hasText: 'is suspended' })).toBeVisible();

  const dashboard = new SupervisorsDashboard(page);
  await dashboard.open();
  await expect(dashboard.state(DEMO)).toHaveText('SUSPENDED');
  const suspendedStatus = await dashboard.openSupervisor(DEMO);

  await suspendedStatus.action('Resume').click();
  await expect(suspendedStatus.state).toHaveText('RUNNING');
  await dashboard.open();
  await expect(dashboard.state(DEMO)).toHaveText('RUNNING');
});

test('terminate acts only after the supervisor id is typed', async ({ page, request }) => {
  const demo = await (await request.get(`/api/supervisors/${DEMO}`)).json();
  const copy = structuredClone(demo.spec);
  copy.spec.dataSchema.dataSource = COPY;
  delete copy.id;
  const created = await request.post('/api/supervisors?suspended=true', { data: copy });
  expect(created.status(), await created.text()).toBe(200);
  expect(await created.json()).toMatchObject({ id: COPY, suspended: true });
  // Submitting the same spec again by accident changes nothing.
  expect(await (await request.post('/api/supervisors?suspended=true', { data: copy })).json()).toMatchObject({ outcome: 'unchanged' });

  const status = new SupervisorStatusPage(page, COPY);
  await status.open();
  await expect(status.state).toHaveText('SUSPENDED');
  await status.action('Terminate…').click();
  const confirm = status.dialog.getByRole('button', { name: 'Terminate' });
  await expect(confirm).toBeDisabled();
  await status.dialog.getByLabel(/Type .* to confirm/).fill(DEMO);
  await expect(confirm).toBeDisabled();
  await status.dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(status.dialog).toBeHidden();
  expect((await request.get(`/api/supervisors/${COPY}`)).status()).toBe(200);

  await status.action('Terminate…').click();
  await status.dialog.getByLabel(/Type .* to confirm/).fill(COPY);
  await status.dialog.getByRole('button', { name: 'Terminate' }).click();
  await expect(page).toHaveURL(/\/supervisors\?terminated=/);
  await expect(page.getByRole('status').filter({ hasText: `Supervisor ${COPY} was terminated` })).toBeVisible();
  await expect(new SupervisorsDashboard(page).row(COPY)).toHaveCount(0);
  expect((await request.get(`/api/supervisors/${COPY}`)).status()).toBe(404);
});
