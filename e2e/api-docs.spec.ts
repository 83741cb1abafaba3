// The HTTP API page: reached from the footer, it shows every operation of /api/openapi.json with
// its role, and the document itself is served for scripts and tools.
import { expect, test } from '@playwright/test';

test('the HTTP API page lists every operation of the OpenAPI document, with the role each needs', async ({ page, request }) => {
  const answer = await request.get('/api/openapi.json');
  expect(answer.ok()).toBe(true);
  const document = await answer.json();
  expect(document.openapi).toBe('3.1.0');
  const operations = Object.values(document.paths as Record<string, Record<string, unknown>>).reduce((sum, methods) => sum + Object.keys(methods).length, 0);
  expect(document.paths).toHaveProperty(['/api/audit']);

  await page.goto('/');
  await page.getByRole('link', { name: 'HTTP API', exact: true }).click();
  await expect(page).toHaveURL(/\/api-docs$/);
  await expect(page.getByRole('heading', { level: 3 })).toHaveCount(operations);
  const action = page.getByRole('article').filter({ has: page.getByRole('heading', { level: 3, name: /post\s*\/api\/supervisors\/\{id\}\/\{action\}/i }) });
  await expect(action).toContainText('terminate');
  await expect(action).toContainText('admin');
});
