// TRIBUTARY_AUTH=open, the stack app's mode: everyone is admin, every page says that anyone who
// reaches it can act, and `npm start` listens on loopback only unless told otherwise.
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { listeningAddresses, startAppServer } from './access-server';

test('every page says that anyone who reaches it can act, and nobody signs in', async ({ page }) => {
  for (const path of ['/', '/supervisors', '/load', '/query']) {
    await page.goto(path);
    await expect(page.getByTestId('open-access-banner')).toContainText('Open access: anyone who can reach this page can submit, suspend, reset and terminate supervisors.');
  }
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  expect(await (await page.request.get('/api/me')).json()).toEqual({ mode: 'open', user: null, role: 'admin', via: 'open', readOnly: false });
  await page.goto('/sign-in');
  await expect(page.getByText('This Tributary instance has no sign-in')).toBeVisible();
  const signIn = await page.request.post('/api/session', { data: { user: 'ana', password: 'whatever' } });
  expect(signIn.status()).toBe(409);
});

test('npm start listens on 127.0.0.1 in open mode, on every interface with users, and where TRIBUTARY_HOST says', async () => {
  test.setTimeout(240_000);
  const open = await startAppServer('app-open-start', { TRIBUTARY_AUTH: 'open' }, { launcher: 'npm-start' });
  try {
    expect(listeningAddresses(open.port)).toEqual(['127.0.0.1']);
  } finally {
    await open.stop();
  }
  const users = await startAppServer('app-users-start', { TRIBUTARY_AUTH: 'users', TRIBUTARY_USERS_FILE: path.join(tmpdir(), 'tributary-e2e-no-users.json') }, { launcher: 'npm-start' });
  try {
    expect(listeningAddresses(users.port)).not.toContain('127.0.0.1');
    expect(listeningAddresses(users.port).some((address) => address === '0.0.0.0' || address === '::')).toBe(true);
  } finally {
    await users.stop();
  }
  const told = await startAppServer('app-open-host', { TRIBUTARY_AUTH: 'open', TRIBUTARY_HOST: '0.0.0.0' }, { launcher: 'npm-start' });
  try {
    expect(listeningAddresses(told.port)).toEqual(['0.0.0.0']);
  } finally {
    await told.stop();
  }
});
