// The audit trail in the browser, against the local stack: a submit, an update and an action Druid
// refuses appear on the Audit page with what changed and how each ended, filtered through the URL
// and exported as JSON lines, and on the supervisor's status page as its recent actions.
import { expect, test } from '@playwright/test';
import { AuditPage, recentActions } from './pages/audit-page';
import { SupervisorStatusPage } from './pages/supervisors-page';

const DEMO = 'web-clickstream';
// A new supervisor per run: the trail keeps every earlier run's entries.
const ID = `e2e-audit-${Date.now().toString(36)}`;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ request }) => {
  const demo = await (await request.get(`/api/supervisors/${DEMO}`)).json();
  const copy = structuredClone(demo.spec);
  copy.spec.dataSchema.dataSource = ID;
  delete copy.id;
  // Suspended: the copy runs no tasks on the stack's few slots.
  const created = await request.post('/api/supervisors?suspended=true', { data: copy });
  expect(created.status(), await created.text()).toBe(200);
  copy.spec.ioConfig.taskCount = (copy.spec.ioConfig.taskCount ?? 1) + 1;
  expect(await (await request.post('/api/supervisors?suspended=true', { data: copy })).json()).toMatchObject({ outcome: 'updated' });
  // Druid refuses to suspend what is already suspended.
  expect((await request.post(`/api/supervisors/${ID}/suspend`, { data: {} })).status()).toBe(400);
});

test.afterAll(async ({ request }) => {
  await request.post(`/api/supervisors/${ID}/terminate`, { data: {} });
});

test('the Audit page shows each change with how it ended, and what a submit changed', async ({ page }) => {
  const audit = new AuditPage(page);
  await audit.open(`?supervisor=${ID}`);
  await expect(audit.total).toHaveText('3 entries match; newest first.');
  await expect(audit.rows.nth(0)).toContainText('suspend');
  await expect(audit.outcome(0)).toHaveAttribute('data-outcome', 'refused');
  await expect(audit.rows.nth(1)).toContainText('1 change');
  await expect(audit.rows.nth(2)).toContainText('created the supervisor');
  await expect(audit.outcome(2)).toHaveAttribute('data-outcome', 'ok');

  await audit.details(1).click();
  await expect(page.getByRole('list', { name: 'Changes' })).toContainText('spec.ioConfig.taskCount');
  await expect(page.getByText(/^[0-9a-f]{64}$/)).toBeVisible();
  await audit.details(0).click();
  await expect(page.getByText(/^HTTP 400/)).toBeVisible();
});

test('its filters live in the URL, and the export holds what they match, oldest first', async ({ page, request }) => {
  const audit = new AuditPage(page);
  await audit.open(`?supervisor=${ID}`);
  await audit.filter('Action').selectOption('submit');
  await expect(page).toHaveURL(/action=submit/);
  await expect(audit.rows).toHaveCount(2);
  await page.reload();
  await expect(audit.filter('Action')).toHaveValue('submit');
  await expect(audit.filter('Supervisor')).toHaveValue(ID);

  const href = await audit.exportLink.getAttribute('href');
  expect(href).toContain('format=jsonl');
  const exported = await request.get(href!);
  expect(exported.headers()['content-type']).toBe('application/x-ndjson; charset=utf-8');
  const lines = (await exported.text()).trimEnd().split('\n').map((line) => JSON.parse(line));
  expect(lines.map((entry) => entry.changes.submit)).toEqual(['created', 'updated']);

  await audit.filter('Outcome').selectOption('failed');
  await expect(audit.total).toHaveText('No entry matches these filters.');
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(page).toHaveURL(/\/audit$/);
});

test("the supervisor's status page lists its recent actions", async ({ page }) => {
  const status = new SupervisorStatusPage(page, ID);
  await status.open();
  const recent = recentActions(page);
  await expect(recent.locator('tbody tr[data-audit-entry]')).toHaveCount(3);
  await expect(recent.getByTestId('audit-outcome').first()).toHaveAttribute('data-outcome', 'refused');
});
