import { beforeAll, describe, expect, it } from 'vitest';
import { authorize, clearedSessionCookie, clientAddressOf, identify, parseBasicAuth, requestIsHttps, sessionCookie, signIn, type Access, type AccessConfig, type ProxySettings } from './access';
import { ApiError } from './api-error';
import { hashPassword } from './passwords';
import { SignInThrottle } from './sign-in-throttle';
import type { StoredUser } from './users-file';

const SECRET = 'a-session-secret-of-at-least-32-characters';
const FAST = { N: 1024, r: 8, p: 1 };
let users: StoredUser[];

beforeAll(async () => {
  users = [
    { name: 'vi', role: 'viewer', password: await hashPassword('viewer password', FAST) },
    { name: 'op', role: 'operator', password: await hashPassword('operator password', FAST) },
  ];
});

function usersAccess(options: { readOnly?: boolean; now?: () => number; throttle?: SignInThrottle } = {}): Access {
  return {
    config: { mode: 'users', readOnly: options.readOnly ?? false, users: { file: 'users.json', sessionHours: 12 } },
    users: { find: (name) => users.find((u) => u.name === name), count: () => users.length },
    sessionSecret: () => SECRET,
    now: options.now,
    throttle: options.throttle,
  };
}

const basic = (credentials: string) => new Request('http://app.test/api/x', { headers: { authorization: `Basic ${Buffer.from(credentials).toString('base64')}` } });
const withCookie = (token: string) => new Request('http://app.test/api/x', { headers: { cookie: `theme=dark; tributary_session=${token}` } });

async function refusal(promise: Promise<unknown> | (() => unknown)): Promise<ApiError> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected a refusal');
}

describe('open mode', () => {
  it('makes everyone admin, or viewer when read-only', async () => {
    const open = (readOnly: boolean): Access => ({ config: { mode: 'open', readOnly } });
    expect(await identify(new Request('http://app.test/'), open(false), null)).toEqual({ user: null, role: 'admin', via: 'open' });
    expect((await identify(new Request('http://app.test/'), open(true), null))?.role).toBe('viewer');
  });
});

describe('users mode', () => {
  it('recognises nobody without credentials or a session', async () => {
    expect(await identify(new Request('http://app.test/'), usersAccess(), null)).toBeUndefined();
  });

  it('accepts Basic credentials of a user in the file, with their role', async () => {
    expect(await identify(basic('op:operator password'), usersAccess(), null)).toEqual({ user: 'op', role: 'operator', via: 'basic' });
    expect((await identify(basic('op:operator password'), usersAccess({ readOnly: true }), null))?.role).toBe('viewer');
  });

  it('answers wrong credentials with the same 401 whether or not the user exists', async () => {
    const wrong = await refusal(identify(basic('op:not the password'), usersAccess(), null));
    const unknown = await refusal(identify(basic('ghost:operator password'), usersAccess(), null));
    expect([wrong.status, wrong.code, wrong.message]).toEqual([401, 'invalid_credentials', 'Wrong user name or password.']);
    expect([unknown.status, unknown.code, unknown.message]).toEqual([wrong.status, wrong.code, wrong.message]);
  });

  it('answers a malformed Authorization header with a 401 that says what is wrong, never a crash', async () => {
    const cases: [string, RegExp][] = [
      ['Basic !!!not-base64', /not valid base64/],
      ['Basic ', /not valid base64/],
      [`Basic ${btoa('no-colon')}`, /must be NAME:PASSWORD/],
      [`Basic ${btoa(':password-only')}`, /must be NAME:PASSWORD/],
      ['Bearer abc.def', /must be Basic credentials.*Bearer scheme/],
      ['garbage', /must be Basic credentials/],
    ];
    for (const [header, message] of cases) {
      const error = await refusal(() => parseBasicAuth(header));
      expect(error.status).toBe(401);
      expect(error.code).toBe('invalid_authorization');
      expect(error.message).toMatch(message);
    }
  });

  it('opens a session whose cookie identifies the user with their current role', async () => {
    const session = await signIn(new Request('http://app.test/api/session'), usersAccess(), null, 'op', 'operator password');
    expect(session.identity).toEqual({ user: 'op', role: 'operator', via: 'session' });
    expect(await identify(withCookie(session.token), usersAccess(), null)).toEqual({ user: 'op', role: 'operator', via: 'session' });

    // The role is read from the users file on each request: a demotion applies at once.
    users[1] = { ...users[1], role: 'viewer' };
    try {
      expect((await identify(withCookie(session.token), usersAccess(), null))?.role).toBe('viewer');
    } finally {
      users[1] = { ...users[1], role: 'operator' };
    }
  });

  it('ends sessions when they expire, when the user is removed and when their password changes', async () => {
    let now = 1_000_000;
    const access = usersAccess({ now: () => now });
    const { token, expiresAt } = await signIn(new Request('http://app.test/'), access, null, 'vi', 'viewer password');
    expect(expiresAt).toBe(now + 12 * 3_600_000);
    now = expiresAt;
    expect((await refusal(identify(withCookie(token), access, null))).code).toBe('session_expired');
    now = 1_000_000;

    const saved = users;
    try {
      users = saved.filter((u) => u.name !== 'vi');
      expect((await refusal(identify(withCookie(token), access, null))).code).toBe('session_ended');
      users = saved.map((u) => (u.name === 'vi' ? { ...u, password: `${u.password.slice(0, -4)}AAAA` } : u));
      expect((await refusal(identify(withCookie(token), access, null))).code).toBe('session_ended');
    } finally {
      users = saved;
    }
    expect((await refusal(identify(withCookie(`${token}x`), access, null))).code).toBe('invalid_session');
  });

  it('refuses sign-in after too many failures, and says how long to wait', async () => {
    const access = usersAccess({ throttle: new SignInThrottle({ maxFailures: 2 }) });
    const request = new Request('http://app.test/');
    for (let i = 0; i < 2; i++) expect((await refusal(signIn(request, access, '10.0.0.9', 'op', 'guess'))).status).toBe(401);
    const blocked = await refusal(signIn(request, access, '10.0.0.9', 'op', 'operator password'));
    expect(blocked.status).toBe(429);
    expect(blocked.message).toMatch(/try again in 15 min/);
  });

  it('tells the first person that nobody can sign in until a user is added', async () => {
    const empty: Access = { ...usersAccess(), users: { find: () => undefined, count: () => 0 } };
    const error = await refusal(signIn(new Request('http://app.test/'), empty, null, 'ana', 'whatever'));
    expect(error.code).toBe('no_users');
    expect(error.message).toContain('npm run user -- add NAME --role admin');
  });

  it('writes an HttpOnly, SameSite=Strict cookie with an expiry, Secure over https', () => {
    const cookie = sessionCookie('tok', 3_600_000, false, 0);
    expect(cookie).toBe('tributary_session=tok; Path=/; HttpOnly; SameSite=Strict; Max-Age=3600; Expires=Thu, 01 Jan 1970 01:00:00 GMT');
    expect(sessionCookie('tok', 3_600_000, true, 0)).toMatch(/; Secure$/);
    expect(clearedSessionCookie(false)).toMatch(/^tributary_session=; .*Max-Age=0/);
    expect(requestIsHttps(new Request('https://app.test/'))).toBe(true);
    expect(requestIsHttps(new Request('http://app.test/', { headers: { 'x-forwarded-proto': 'https' } }))).toBe(true);
    expect(requestIsHttps(new Request('http://app.test/'))).toBe(false);
  });
});

describe('proxy mode', () => {
  const proxy: ProxySettings = {
    addresses: ['10.0.0.5', '192.168.0.0/16'],
    userHeader: 'x-forwarded-user',
    emailHeader: 'x-forwarded-email',
    groupsHeader: 'x-forwarded-groups',
    roles: { 'druid-admins': 'admin', 'druid-ops': 'operator' },
    defaultRole: 'viewer',
  };
  const access = (overrides: Partial<ProxySettings> = {}, readOnly = false): Access => ({ config: { mode: 'proxy', readOnly, proxy: { ...proxy, ...overrides } } });
  const fromProxy = (headers: Record<string, string>) => new Request('http://app.test/', { headers });

  it('takes the user and the highest role of their groups from a trusted proxy', async () => {
    expect(await identify(fromProxy({ 'x-forwarded-user': 'ana', 'x-forwarded-groups': 'staff,druid-ops, druid-admins' }), access(), '10.0.0.5')).toEqual({ user: 'ana', role: 'admin', via: 'proxy' });
    expect(await identify(fromProxy({ 'x-forwarded-email': 'bo@example.com', 'x-forwarded-groups': 'druid-ops' }), access(), '::ffff:192.168.3.4')).toEqual({ user: 'bo@example.com', role: 'operator', via: 'proxy' });
    expect((await identify(fromProxy({ 'x-forwarded-user': 'cy' }), access(), '10.0.0.5'))?.role).toBe('viewer');
    expect((await identify(fromProxy({ 'x-forwarded-user': 'ana', 'x-forwarded-groups': 'druid-admins' }), access({}, true), '10.0.0.5'))?.role).toBe('viewer');
  });

  it('ignores identity headers from anywhere but the proxy, whatever X-Forwarded-For claims', async () => {
    const spoofed = fromProxy({ 'x-forwarded-user': 'ana', 'x-forwarded-groups': 'druid-admins', 'x-forwarded-for': '10.0.0.5' });
    const error = await refusal(identify(spoofed, access(), '172.16.0.9'));
    expect([error.status, error.code]).toEqual([401, 'not_from_proxy']);
    expect(error.message).toContain('came from 172.16.0.9');
    expect((await refusal(identify(spoofed, access(), null))).code).toBe('not_from_proxy');
  });

  it('refuses a proxy request without a user, and users without a role when the default is none', async () => {
    expect((await refusal(identify(fromProxy({}), access(), '10.0.0.5'))).code).toBe('no_proxy_user');
    const none = await refusal(identify(fromProxy({ 'x-forwarded-user': 'cy', 'x-forwarded-groups': 'staff' }), access({ defaultRole: 'none' }), '10.0.0.5'));
    expect([none.status, none.code]).toEqual([403, 'no_role']);
    expect(none.message).toContain('groups: staff');
  });

  it('reads other header names when configured', async () => {
    const custom = access({ userHeader: 'x-auth-request-user', groupsHeader: 'x-auth-request-groups' });
    expect(await identify(fromProxy({ 'x-auth-request-user': 'ana', 'x-auth-request-groups': 'druid-ops' }), custom, '10.0.0.5')).toEqual({ user: 'ana', role: 'operator', via: 'proxy' });
  });

  it('records the client the proxy names, but never an address a client wrote itself', () => {
    const config: AccessConfig = { mode: 'proxy', readOnly: false, proxy };
    const request = new Request('http://app.test/', { headers: { 'x-forwarded-for': '203.0.113.7, 198.51.100.2' } });
    expect(clientAddressOf(request, '10.0.0.5', config)).toBe('198.51.100.2');
    expect(clientAddressOf(request, '172.16.0.9', config)).toBe('172.16.0.9');
    expect(clientAddressOf(request, '::ffff:172.16.0.9', { mode: 'open', readOnly: false })).toBe('172.16.0.9');
  });
});

describe('authorize', () => {
  it('names the role needed and the user\'s own', async () => {
    const error = await refusal(() => authorize({ user: 'op', role: 'operator', via: 'session' }, 'admin', false, 'Terminate'));
    expect([error.status, error.code]).toEqual([403, 'forbidden']);
    expect(error.message).toBe('Terminate needs the admin role; you are an operator.');
    expect(error.details).toEqual({ need: 'admin', role: 'operator', user: 'op' });
    expect(() => authorize({ user: 'op', role: 'operator', via: 'session' }, 'operator', false)).not.toThrow();
  });

  it('says the instance is read-only when that is the reason', async () => {
    const error = await refusal(() => authorize({ user: null, role: 'viewer', via: 'open' }, 'operator', true));
    expect([error.status, error.code]).toEqual([403, 'read_only']);
  });
});
