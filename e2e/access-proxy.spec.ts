// TRIBUTARY_AUTH=proxy on a server of its own: the test plays the sign-in proxy from 127.0.0.1,
// the address Tributary trusts. The same headers from 127.0.0.2 — another machine, as far as the
// server can tell — are refused, whatever X-Forwarded-For claims.
import { request as httpRequest } from 'node:http';
import { expect, test } from '@playwright/test';
import { startAppServer, type AppServer } from './access-server';
import { SignedInAs } from './pages/sign-in-page';
import { SupervisorStatusPage } from './pages/supervisors-page';

const DEMO = 'web-clickstream';
let server: AppServer;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startAppServer('app-proxy', {
    TRIBUTARY_AUTH: 'proxy',
    TRIBUTARY_PROXY_ADDRESSES: '127.0.0.1',
    TRIBUTARY_PROXY_ROLES: 'druid-admins=admin,druid-ops=operator',
  });
});
test.afterAll(async () => {
  await server?.stop();
});

/** GET from a chosen local address with chosen headers; Node's client, as a machine elsewhere would call. */
function getFrom(localAddress: string, route: string, headers: Record<string, string>): Promise<{ status: number; body: { error?: { code: string; message: string } } }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${server.url}${route}`, { localAddress, headers }, (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }));
    });
    request.on('error', reject);
    request.end();
  });
}

test('the proxy names the user and their groups: the header shows them, the role applies on the page', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: server.url, extraHTTPHeaders: { 'X-Forwarded-User': 'ana', 'X-Forwarded-Groups': 'staff,druid-ops' } });
  const page = await context.newPage();
  const status = new SupervisorStatusPage(page, DEMO);
  await status.open();
  const header = new SignedInAs(page);
  await expect(header.user).toHaveText('ana');
  await expect(header.role).toHaveText('operator');
  // Signing out is the proxy's business, not Tributary's.
  await expect(header.signOut).toHaveCount(0);
  await expect(status.action('Suspend')).toBeEnabled();
  await expect(status.action('Terminate…')).toBeDisabled();
  await expect(status.action('Terminate…')).toHaveAttribute('title', 'Terminate needs the admin role; you are an operator.');
  const terminate = await page.request.post(`/api/supervisors/${DEMO}/terminate`, { data: {} });
  expect(terminate.status()).toBe(403);
  await context.close();
});

test('a user in no mapped group is a viewer; a proxy request without a user is refused', async ({ playwright }) => {
  const api = await playwright.request.newContext({ baseURL: server.url });
  const viewer = await api.get('/api/me', { headers: { 'X-Forwarded-Email': 'bo@example.com', 'X-Forwarded-Groups': 'staff' } });
  expect(await viewer.json()).toEqual({ mode: 'proxy', user: 'bo@example.com', role: 'viewer', via: 'proxy', readOnly: false });
  const nobody = await api.get('/api/me');
  expect(nobody.status()).toBe(401);
  expect((await nobody.json()).error.message).toContain('The sign-in proxy sent no user');
  await api.dispose();
});

test('identity headers from any other address are refused, whatever X-Forwarded-For says', async () => {
  const headers = { 'x-forwarded-user': 'mallory', 'x-forwarded-groups': 'druid-admins', 'x-forwarded-for': '127.0.0.1', 'x-tributary-peer': 'guess 127.0.0.1' };
  const spoofed = await getFrom('127.0.0.2', '/api/me', headers);
  expect(spoofed.status).toBe(401);
  expect(spoofed.body.error?.code).toBe('not_from_proxy');
  expect(spoofed.body.error?.message).toContain('this request came from 127.0.0.2');
  // The same headers from the proxy's own address are believed.
  expect((await getFrom('127.0.0.1', '/api/me', headers)).status).toBe(200);
});

test('a page shows why the proxy\'s identity was refused', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  await page.goto('/supervisors');
  await expect(page.getByTestId('access-problem')).toContainText('The sign-in proxy sent no user');
  // Tributary's own sign-in page cannot help here: there is no link to it.
  await expect(page.getByTestId('access-problem').getByRole('link')).toHaveCount(0);
  await context.close();
});
