// Real Druid processes stop and come back while the pages are open: the Overlord (with the
// Coordinator it shares a process with) and the Broker. What was read stays on screen, marked
// with its time; the pages recover by themselves when Druid answers again. These tests stop
// processes every other test needs, so they run last (playwright.config.ts).
import { expect, test } from '@playwright/test';
import { readStack } from './stack';
import { SupervisorsDashboard, SupervisorStatusPage } from './pages/supervisors-page';
import { QueryPage } from './pages/query-page';

const DEMO = 'web-clickstream';
// Starting a Druid JVM on two busy cores takes up to a minute.
const RESTART_MS = 180_000;

async function control(process: 'coordinator-overlord' | 'broker', action: 'stop' | 'start'): Promise<void> {
  const response = await fetch(`${readStack().real.faults.controlUrl}/processes/${process}/${action}`, { method: 'POST', signal: AbortSignal.timeout(RESTART_MS) });
  expect(response.status, await response.text()).toBe(200);
}

test.describe.configure({ mode: 'serial' });

test('with the Overlord stopped, the dashboard and the status page keep what they read, marked, and recover when it is back', async ({ page, context }) => {
  test.setTimeout(RESTART_MS * 2);
  const dashboard = new SupervisorsDashboard(page);
  await dashboard.open();
  await expect(dashboard.state(DEMO)).toHaveText('RUNNING');
  const statusTab = await context.newPage();
  const status = new SupervisorStatusPage(statusTab, DEMO);
  await status.open();
  await expect(status.state).toHaveText('RUNNING');

  await control('coordinator-overlord', 'stop');
  try {
    const failed = page.getByRole('alert').filter({ hasText: "Druid's supervisors could not be read." });
    await expect(failed).toBeVisible({ timeout: 60_000 });
    await expect(failed).toContainText(/The table below is as of \d/);
    await expect(dashboard.state(DEMO)).toHaveText('RUNNING');

    const stale = statusTab.getByRole('alert').filter({ hasText: 'The latest refresh failed' });
    await expect(stale).toBeVisible({ timeout: 60_000 });
    await expect(stale).toContainText(/showing what was read at \d/);
    await expect(status.partitions).toHaveCount(6);
  } finally {
    await control('coordinator-overlord', 'start');
  }
  await expect(page.getByRole('alert').filter({ hasText: "Druid's supervisors could not be read." })).toBeHidden({ timeout: 60_000 });
  await expect(dashboard.state(DEMO)).toHaveText('RUNNING');
  await expect(statusTab.getByRole('alert').filter({ hasText: 'The latest refresh failed' })).toBeHidden({ timeout: 60_000 });
});

test('with the Broker stopped, a query fails with a clear message in time, and runs again once it is back', async ({ page }) => {
  test.setTimeout(RESTART_MS * 2);
  const query = new QueryPage(page);
  await query.open();
  await query.write(`SELECT COUNT(*) AS "rows" FROM "${DEMO}"`);
  await query.run();
  await query.waitForResult();

  await control('broker', 'stop');
  try {
    const started = Date.now();
    await query.run();
    await expect(query.error).toBeVisible({ timeout: 30_000 });
    expect(Date.now() - started).toBeLessThan(30_000);
    await expect(query.error).not.toContainText(/at \w+ \(|node_modules|Error: /);
    await expect(query.error).toContainText(/Druid|Broker/);
  } finally {
    await control('broker', 'start');
  }
  await query.run();
  await query.waitForResult();
  await expect(query.status).toHaveText(/^1 row in /);
});
