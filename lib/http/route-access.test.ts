// Access through the one route wrapper: who gets 401, who gets 403, and what each says.
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Access, AccessConfig } from './access';
import type { Role } from './identity';
import { hashPassword } from './passwords';
import { route } from './route';
import type { StoredUser } from './users-file';

const JSON_TYPE = { 'content-type': 'application/json' };
const SECRET = 'a-session-secret-of-at-least-32-characters';
const PASSWORD = 'a long password';
let users: StoredUser[];

beforeAll(async () => {
  const password = await hashPassword(PASSWORD, { N: 1024, r: 8, p: 1 });
  users = (['viewer', 'operator', 'admin'] as const).map((role) => ({ name: role.slice(0, 2), role, password }));
});

const usersMode = (readOnly = false): Access => ({
  config: { mode: 'users', readOnly, users: { file: 'users.json', sessionHours: 1 } },
  users: { find: (name) => users.find((u) => u.name === name), count: () => users.length },
  sessionSecret: () => SECRET,
});

const as = (name: string, init: RequestInit = {}) =>
  new Request('http://app.test/api/supervisors/clicks/terminate', { method: 'POST', ...init, headers: { authorization: `Basic ${btoa(`${name}:${PASSWORD}`)}`, 'content-type': 'application/json', ...init.headers } });

const ACTION_ROLES: Record<string, Role> = { suspend: 'operator', terminate: 'admin' };
const action = (access: () => Access, peer?: string) =>
  route(
    {
      params: z.object({ action: z.enum(['suspend', 'terminate']) }),
      role: ({ action }) => ACTION_ROLES[action],
      what: ({ action }) => (action === 'terminate' ? 'Terminate' : 'Suspend'),
      access,
      peer: () => peer ?? null,
    },
    async ({ identity, params }) => ({ done: params.action, by: identity.user }),
  );
const params = (name: string) => ({ params: Promise.resolve({ action: name }) });

describe('route access in users mode', () => {
  it('answers 401 JSON when nobody is signed in, before reading anything else', async () => {
    const response = await action(usersMode)(new Request('http://app.test/api/x', { method: 'POST', headers: JSON_TYPE }), params('not-an-action'));
    expect(response.status).toBe(401);
    expect((await response.json()).error).toMatchObject({ code: 'unauthenticated', message: expect.stringContaining('Sign in to Tributary') });
  });

  it('answers 401, not 500, for a malformed Authorization header', async () => {
    const response = await action(usersMode)(new Request('http://app.test/api/x', { method: 'POST', headers: { ...JSON_TYPE, authorization: 'Basic %%%' } }), params('suspend'));
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe('invalid_authorization');
  });

  it('lets each role do what it may and refuses the rest with 403 naming both roles', async () => {
    const outcomes: Record<string, Record<string, number>> = {};
    for (const user of ['vi', 'op', 'ad']) {
      outcomes[user] = {};
      for (const name of ['suspend', 'terminate']) outcomes[user][name] = (await action(usersMode)(as(user), params(name))).status;
    }
    expect(outcomes).toEqual({ vi: { suspend: 403, terminate: 403 }, op: { suspend: 200, terminate: 403 }, ad: { suspend: 200, terminate: 200 } });

    const refused = await action(usersMode)(as('op'), params('terminate'));
    expect((await refused.json()).error).toMatchObject({ code: 'forbidden', message: 'Terminate needs the admin role; you are an operator.' });
    expect(await (await action(usersMode)(as('ad'), params('terminate'))).json()).toEqual({ done: 'terminate', by: 'ad' });
  });

  it('caps every role at viewer when read-only', async () => {
    const response = await action(() => usersMode(true))(as('ad'), params('suspend'));
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe('read_only');
  });

  it('lets anyone reach a route open to anyone, as nobody in particular', async () => {
    const signInRoute = route({ role: 'anyone', access: usersMode }, async ({ identity }) => identity);
    expect(await (await signInRoute(new Request('http://app.test/', { headers: { cookie: 'tributary_session=stale' } }))).json()).toEqual({ user: null, role: 'viewer', via: 'none' });
  });

  it('lets a viewer read', async () => {
    const read = route({ access: usersMode }, async ({ identity }) => ({ role: identity.role }));
    expect(await (await read(as('vi', { method: 'GET', headers: {} }))).json()).toEqual({ role: 'viewer' });
  });
});

describe('route access in open and proxy modes', () => {
  it('lets everyone act as admin in open mode', async () => {
    const open: AccessConfig = { mode: 'open', readOnly: false };
    const response = await action(() => ({ config: open }))(new Request('http://app.test/', { method: 'POST', headers: JSON_TYPE }), params('terminate'));
    expect(response.status).toBe(200);
  });

  it('trusts identity headers only from the proxy address the server saw connect', async () => {
    const proxy: Access = {
      config: { mode: 'proxy', readOnly: false, proxy: { addresses: ['10.0.0.5'], userHeader: 'x-forwarded-user', emailHeader: 'x-forwarded-email', groupsHeader: 'x-forwarded-groups', roles: { ops: 'operator' }, defaultRole: 'viewer' } },
    };
    const request = () => new Request('http://app.test/', { method: 'POST', headers: { ...JSON_TYPE, 'x-forwarded-user': 'ana', 'x-forwarded-groups': 'ops', 'x-forwarded-for': '10.0.0.5' } });
    expect((await action(() => proxy, '10.0.0.5')(request(), params('suspend'))).status).toBe(200);
    expect((await action(() => proxy, '10.0.0.5')(request(), params('terminate'))).status).toBe(403);
    const spoofed = await action(() => proxy, '192.0.2.1')(request(), params('suspend'));
    expect(spoofed.status).toBe(401);
    expect((await spoofed.json()).error.code).toBe('not_from_proxy');
  });

  it('gives the handler the client address the server saw', async () => {
    const seen = route({ access: () => ({ config: { mode: 'open', readOnly: false } }), peer: () => '::ffff:127.0.0.1' }, async ({ clientAddress }) => ({ clientAddress }));
    const response = await seen(new Request('http://app.test/', { headers: { 'x-forwarded-for': '6.6.6.6' } }));
    expect(await response.json()).toEqual({ clientAddress: '127.0.0.1' });
  });
});
