// TRIBUTARY_AUTH=users on a server of its own: signing in and out, what a viewer, an operator and
// an admin may do on the pages and through the API, Basic credentials for scripts, a removed user
// and an expired session. The users are added with `npm run user`, as an admin would.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { basicAuth, startAppServer, userCommand, type AppServer } from './access-server';
import { LoadReviewPage } from './pages/load-review-page';
import { SignedInAs, SignInPage } from './pages/sign-in-page';
import { SupervisorsDashboard, SupervisorStatusPage } from './pages/supervisors-page';

const DEMO = 'web-clickstream';
const SUPERVISOR = 'e2e-access-users';
const PASSWORD = { vi: 'viewer password 1', op: 'operator password 1', ad: 'admin password 1' } as const;
type Name = keyof typeof PASSWORD;

let server: AppServer;
let dir: string;
let usersFile: string;
let admin: APIRequestContext;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ playwright }) => {
  test.setTimeout(180_000);
  dir = mkdtempSync(path.join(tmpdir(), 'tributary-users-'));
  usersFile = path.join(dir, 'users.json');
  await userCommand(usersFile, ['add', 'vi', '--role', 'viewer'], PASSWORD.vi);
  await userCommand(usersFile, ['add', 'op', '--role', 'operator'], PASSWORD.op);
  await userCommand(usersFile, ['add', 'ad', '--role', 'admin'], PASSWORD.ad);
  server = await startAppServer('app-users', { TRIBUTARY_AUTH: 'users', TRIBUTARY_USERS_FILE: usersFile }, { dir });

  // A supervisor of these tests' own, submitted suspended by the admin through the API as a script would.
  admin = await playwright.request.newContext({ baseURL: server.url, extraHTTPHeaders: { authorization: basicAuth('ad', PASSWORD.ad) } });
  const demo = await admin.get(`/api/supervisors/${DEMO}`);
  expect(demo.status(), await demo.text()).toBe(200);
  const spec = structuredClone((await demo.json()).spec);
  spec.spec.dataSchema.dataSource = SUPERVISOR;
  delete spec.id;
  const created = await admin.post('/api/supervisors?suspended=true', { data: spec });
  expect(created.status(), await created.text()).toBe(200);
});

test.afterAll(async () => {
  await admin?.post(`/api/supervisors/${SUPERVISOR}/terminate`, { data: {} }).catch(() => undefined);
  await admin?.dispose();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function signedIn(browser: Browser, name: Name): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(name, PASSWORD[name]);
  await expect(new SignedInAs(page).user).toHaveText(name);
  return page;
}

test('pages send whoever is not signed in to the sign-in page; the API answers 401 JSON', async ({ browser, playwright }) => {
  const page = await (await browser.newContext({ baseURL: server.url })).newPage();
  await page.goto('/supervisors?state=running');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsupervisors%3Fstate%3Drunning$/);
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);

  const anonymous = await playwright.request.newContext({ baseURL: server.url });
  const list = await anonymous.get('/api/supervisors');
  expect(list.status()).toBe(401);
  expect((await list.json()).error.code).toBe('unauthenticated');
  // A malformed Authorization header is a clear 401, never a server error.
  const garbled = await anonymous.get('/api/supervisors', { headers: { authorization: 'Basic %%%not-base64' } });
  expect(garbled.status()).toBe(401);
  expect((await garbled.json()).error).toMatchObject({ code: 'invalid_authorization', message: expect.stringContaining('not valid base64') });
  await anonymous.dispose();
});

test('a wrong password is refused; the right one signs in with a strict, HttpOnly cookie and returns to the page asked for', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  await page.goto(`/supervisors/${SUPERVISOR}`);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  const signIn = new SignInPage(page);
  await signIn.signIn('op', 'not the password');
  await expect(signIn.error).toHaveText('Wrong user name or password.');
  await signIn.signIn('op', PASSWORD.op);
  await expect(page).toHaveURL(new RegExp(`/supervisors/${SUPERVISOR}$`));
  const header = new SignedInAs(page);
  await expect(header.user).toHaveText('op');
  await expect(header.role).toHaveText('operator');

  const cookie = (await context.cookies()).find((c) => c.name === 'tributary_session');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', secure: false, path: '/' });
  const hoursLeft = (cookie!.expires * 1000 - Date.now()) / 3_600_000;
  expect(hoursLeft).toBeGreaterThan(11.9);
  expect(hoursLeft).toBeLessThanOrEqual(12);
  await context.close();
});

test('a viewer sees every action disabled with the reason, and the API refuses them', async ({ browser }) => {
  const page = await signedIn(browser, 'vi');
  const status = new SupervisorStatusPage(page, SUPERVISOR);
  await status.open();
  for (const name of ['Resume', 'Hand off now', 'Move offsets…', 'Reset…', 'Terminate…'] as const) await expect(status.action(name)).toBeDisabled();
  await expect(status.action('Terminate…')).toHaveAttribute('title', 'Terminate needs the admin role; you are a viewer.');
  await expect(page.getByTestId('action-refusal')).toHaveText([
    'Resume and Hand off need the operator role; you are a viewer.',
    'Move offsets, Reset and Terminate need the admin role; you are a viewer.',
  ]);

  const dashboard = new SupervisorsDashboard(page);
  await dashboard.open();
  await expect(page.getByTestId('role-notice')).toContainText('Submitting, Suspend, Resume and Hand off need the operator role; you are a viewer.');
  await expect(dashboard.row(SUPERVISOR)).toBeVisible();

  // The load wizard opens the supervisor's spec for review, but neither submits nor checks it with Druid.
  const review = new LoadReviewPage(page);
  await page.goto(`/load/edit/${SUPERVISOR}`);
  await expect(review.heading).toHaveText(`Edit supervisor ${SUPERVISOR}`);
  await expect(review.submitButton).toBeDisabled();
  await expect(page.getByTestId('submit-refused')).toHaveText(`Updating supervisor ${SUPERVISOR} needs the operator role; you are a viewer.`);
  await expect(page.getByRole('button', { name: 'Check with Druid' })).toBeDisabled();

  // The page's own session, straight to the API: refused with the role needed and the role held.
  const resume = await page.request.post(`/api/supervisors/${SUPERVISOR}/resume`, { data: {} });
  expect(resume.status()).toBe(403);
  expect((await resume.json()).error).toMatchObject({ code: 'forbidden', message: 'Resume needs the operator role; you are a viewer.' });
  const submit = await page.request.post('/api/supervisors?suspended=true', { data: { type: 'kafka' } });
  expect(submit.status()).toBe(403);
  expect((await page.request.get(`/api/supervisors/${SUPERVISOR}`)).status()).toBe(200);
  await page.context().close();
});

test('an operator resumes and suspends, but cannot terminate', async ({ browser }) => {
  const page = await signedIn(browser, 'op');
  const status = new SupervisorStatusPage(page, SUPERVISOR);
  await status.open();
  await expect(status.state).toHaveText('SUSPENDED');
  await status.action('Resume').click();
  await expect(status.state).not.toHaveText('SUSPENDED');
  await status.action('Suspend').click();
  await expect(status.state).toHaveText('SUSPENDED');

  await expect(status.action('Terminate…')).toBeDisabled();
  await expect(status.action('Terminate…')).toHaveAttribute('title', 'Terminate needs the admin role; you are an operator.');
  const terminate = await page.request.post(`/api/supervisors/${SUPERVISOR}/terminate`, { data: {} });
  expect(terminate.status()).toBe(403);
  expect((await terminate.json()).error.message).toBe('Terminate needs the admin role; you are an operator.');
  expect((await page.request.get(`/api/supervisors/${SUPERVISOR}`)).status()).toBe(200);
  await page.context().close();
});

test('scripts send Basic credentials: the user\'s role applies, a wrong password is a 401', async ({ playwright }) => {
  const script = await playwright.request.newContext({ baseURL: server.url });
  const me = await script.get('/api/me', { headers: { authorization: basicAuth('op', PASSWORD.op) } });
  expect(await me.json()).toEqual({ mode: 'users', user: 'op', role: 'operator', via: 'basic', readOnly: false });
  const wrong = await script.get('/api/me', { headers: { authorization: basicAuth('op', 'nope') } });
  expect(wrong.status()).toBe(401);
  expect((await wrong.json()).error.code).toBe('invalid_credentials');
  await script.dispose();
});

test('sign-out ends the session in this browser', async ({ browser }) => {
  const page = await signedIn(browser, 'op');
  await new SignedInAs(page).signOut.click();
  await expect(page).toHaveURL(/\/sign-in$/);
  // The browser applies the answer's Set-Cookie on its own time: the cookie is gone soon after.
  await expect.poll(async () => (await page.context().cookies()).find((c) => c.name === 'tributary_session')).toBeUndefined();
  await page.goto('/supervisors');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsupervisors$/);
  expect((await page.request.get('/api/me')).status()).toBe(401);
  await page.context().close();
});

test('an admin terminates', async ({ browser }) => {
  const page = await signedIn(browser, 'ad');
  const status = new SupervisorStatusPage(page, SUPERVISOR);
  await status.open();
  await expect(page.getByTestId('action-refusal')).toHaveCount(0);
  await status.action('Terminate…').click();
  await status.dialog.getByLabel(/Type .* to confirm/).fill(SUPERVISOR);
  await status.dialog.getByRole('button', { name: 'Terminate' }).click();
  await expect(page).toHaveURL(/\/supervisors\?terminated=/);
  expect((await admin.get(`/api/supervisors/${SUPERVISOR}`)).status()).toBe(404);
  await page.context().close();
});

test('removing a user ends their sessions at their next request', async ({ browser }) => {
  const page = await signedIn(browser, 'vi');
  await userCommand(usersFile, ['remove', 'vi']);
  try {
    const me = await page.request.get('/api/me');
    expect(me.status()).toBe(401);
    expect((await me.json()).error.code).toBe('session_ended');
    await page.goto('/supervisors');
    await expect(page).toHaveURL(/\/sign-in\?next=/);
  } finally {
    await userCommand(usersFile, ['add', 'vi', '--role', 'viewer'], PASSWORD.vi);
    await page.context().close();
  }
});

test.describe('a short session', () => {
  const SESSION_SECONDS = 6;
  let shortLived: AppServer;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    shortLived = await startAppServer('app-short-session', { TRIBUTARY_AUTH: 'users', TRIBUTARY_USERS_FILE: usersFile, TRIBUTARY_SESSION_HOURS: String(SESSION_SECONDS / 3600) });
  });
  test.afterAll(async () => {
    await shortLived?.stop();
  });

  test('ends when it expires: the API says so and pages go back to sign-in', async ({ browser }) => {
    const context = await browser.newContext({ baseURL: shortLived.url });
    const page = await context.newPage();
    const signIn = new SignInPage(page);
    await signIn.open();
    await signIn.signIn('op', PASSWORD.op);
    await expect(new SignedInAs(page).user).toHaveText('op');
    expect((await page.request.get('/api/me')).status()).toBe(200);

    // The browser drops the cookie at Max-Age; the server refuses the token after its expiry anyway.
    const token = (await context.cookies()).find((c) => c.name === 'tributary_session')!.value;
    await page.waitForTimeout(SESSION_SECONDS * 1000 + 1000);
    const late = await page.request.get('/api/me', { headers: { cookie: `tributary_session=${token}` } });
    expect(late.status()).toBe(401);
    expect((await late.json()).error.code).toBe('session_expired');
    await page.goto('/supervisors');
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fsupervisors$/);
    await context.close();
  });
});
