import { expect, test } from '@playwright/test';
import { readStack } from './stack';

test('the header shows Kafka with its brokers and Apache Druid with its version', async ({ page }) => {
  const stack = readStack();
  await page.goto('/');
  const kafka = page.getByTestId('health-kafka');
  await expect(kafka).toHaveText(/Kafka connected/);
  await expect(kafka).toHaveAttribute('title', new RegExp(stack.appKafkaBootstrapServers!.split(',')[0].replace(/\./g, '\\.')));
  const druid = page.getByTestId('health-druid');
  await expect(druid).toHaveAttribute('data-ok', 'true');
  await expect(druid).toHaveText(/Apache Druid 33\.0\.0/);
  await expect(kafka).toHaveText(/1 broker/);
});

test('navigation reaches Load, Supervisors and Query', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const name of ['Supervisors', 'Query', 'Load']) {
    await nav.getByRole('link', { name, exact: true }).click();
    await expect(nav.getByRole('link', { name, exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  }
});

test('GET /api/health answers in its documented shape', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.ok()).toBe(true);
  const health = await response.json();
  expect(health.kafka.reachable).toBe(true);
  expect(health.druid).toMatchObject({ reachable: true, version: '33.0.0' });
});
