// Only our own pages: every main page runs under its Content-Security-Policy without a single
// violation, answers carry the security headers, another site's page can neither act nor frame
// Tributary, and a Host Tributary is not known by gets 421.
import { request as httpRequest } from 'node:http';
import { expect, test, type Page, type Response } from '@playwright/test';
import { readStack } from './stack';

const DEMO = 'web-clickstream';
const PAGES = [
  { path: '/', heading: 'Stream Kafka into Druid' },
  { path: '/load', heading: 'Load' },
  { path: '/query', heading: 'Query' },
  { path: '/supervisors', heading: 'Supervisors' },
  { path: `/supervisors/${DEMO}`, heading: DEMO },
];

/** Collects CSP violations as the page reports them (event) and as Chromium logs them (console). */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const logged: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) logged.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`));
  });
  return async () => [...logged, ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations))];
}

function expectPageHeaders(response: Response | null): string {
  expect(response, 'the page answered').not.toBeNull();
  const headers = response!.headers();
  const policy = headers['content-security-policy'];
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('same-origin');
  expect(headers['cache-control']).toContain('no-store');
  expect(headers['cache-control']).toContain('private');
  expect(headers['cache-control']).not.toContain('s-maxage');
  return /'nonce-([^']+)'/.exec(policy)![1];
}

for (const { path, heading } of PAGES) {
  test(`${path} runs under its Content-Security-Policy without a violation`, async ({ page }) => {
    const violations = await watchViolations(page);
    const nonce = expectPageHeaders(await page.goto(path));
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    // Hydrated: React's scripts ran (they carry the nonce), so the header's health badge filled in.
    await expect(page.getByTestId('health-druid')).toHaveAttribute('data-ok', /true|false/);
    expect(await page.evaluate(() => [...document.scripts].filter((s) => s.nonce).length)).toBeGreaterThan(0);
    if (path === '/query') await expect(page.locator('.cm-editor').first()).toBeVisible();
    await page.waitForTimeout(1_000);
    expect(await violations()).toEqual([]);

    // A new nonce every time the page is served.
    expect(expectPageHeaders(await page.reload())).not.toBe(nonce);
  });
}

test('API answers and static files carry the security headers too', async ({ page, request }) => {
  const api = await request.get('/api/health');
  expect(api.headers()['x-content-type-options']).toBe('nosniff');
  expect(api.headers()['cache-control']).toBe('private, no-store');
  expect(api.headers()['content-security-policy']).toContain("frame-ancestors 'none'");

  await page.goto('/');
  const script = await page.evaluate(() => [...document.scripts].map((s) => s.src).find((src) => src.includes('/_next/static/')));
  const asset = await request.get(script!);
  expect(asset.ok()).toBe(true);
  expect(asset.headers()['x-content-type-options']).toBe('nosniff');
  expect(asset.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
});

test('a script that posts text/plain is told to send JSON', async ({ request }) => {
  const response = await request.post('/api/query/sql', { headers: { 'content-type': 'text/plain' }, data: '{"query":"SELECT 1"}' });
  expect(response.status()).toBe(415);
  expect((await response.json()).error.message).toContain('this request sent text/plain');
});

test('a Host Tributary is not known by gets 421, for pages and the API alike', async () => {
  const app = new URL(readStack().appUrl);
  const get = (path: string, host: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest({ hostname: app.hostname, port: app.port, path, headers: { host } }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });
  for (const path of ['/', '/api/health']) {
    const rebound = await get(path, `rebound.example:${app.port}`);
    expect(rebound.status).toBe(421);
    expect(JSON.parse(rebound.body).error.message).toContain('"rebound.example:');
    expect((await get(path, `localhost:${app.port}`)).status).toBe(200);
  }
});
