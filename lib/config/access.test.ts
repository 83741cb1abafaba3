import { describe, expect, it } from 'vitest';
import { listenHost } from './access';
import { parseConfig } from './config';
import { MINIMAL_ENV, problemsOf } from './testing';

const base = MINIMAL_ENV;

describe('access configuration', () => {
  it('is open by default, and read-only caps it', () => {
    expect(parseConfig(base).access).toEqual({ mode: 'open', readOnly: false });
    expect(parseConfig({ ...base, TRIBUTARY_READ_ONLY: 'true' }).access).toEqual({ mode: 'open', readOnly: true });
  });

  it('reads the users file, session length and secret in users mode', () => {
    expect(parseConfig({ ...base, TRIBUTARY_AUTH: 'users' }).access).toEqual({ mode: 'users', readOnly: false, users: { file: '.tributary/users.json', sessionHours: 12, sessionSecret: undefined } });
    const secret = 'x'.repeat(40);
    expect(parseConfig({ ...base, TRIBUTARY_AUTH: 'users', TRIBUTARY_USERS_FILE: '/etc/tributary/users.json', TRIBUTARY_SESSION_HOURS: '8', TRIBUTARY_SESSION_SECRET: secret }).access).toMatchObject({
      users: { file: '/etc/tributary/users.json', sessionHours: 8, sessionSecret: secret },
    });
  });

  it('reads the proxy addresses, header names and group roles in proxy mode', () => {
    const access = parseConfig({
      ...base,
      TRIBUTARY_AUTH: 'proxy',
      TRIBUTARY_PROXY_ADDRESSES: '10.0.0.5, 10.1.0.0/16',
      TRIBUTARY_PROXY_USER_HEADER: 'X-Auth-Request-User',
      TRIBUTARY_PROXY_ROLES: 'druid-admins=admin, druid-ops=operator, cn=viewers=viewer',
      TRIBUTARY_PROXY_DEFAULT_ROLE: 'none',
    }).access;
    expect(access).toEqual({
      mode: 'proxy',
      readOnly: false,
      proxy: {
        addresses: ['10.0.0.5', '10.1.0.0/16'],
        userHeader: 'x-auth-request-user',
        emailHeader: 'x-forwarded-email',
        groupsHeader: 'x-forwarded-groups',
        roles: { 'druid-admins': 'admin', 'druid-ops': 'operator', 'cn=viewers': 'viewer' },
        defaultRole: 'none',
      },
    });
  });

  it('names what is wrong, and which mode needs what', () => {
    expect(problemsOf({ ...base, TRIBUTARY_AUTH: 'ldap' })).toContain('TRIBUTARY_AUTH must be one of open, users, proxy (got "ldap")');
    expect(problemsOf({ ...base, TRIBUTARY_AUTH: 'proxy' })).toContain('TRIBUTARY_PROXY_ADDRESSES is required with TRIBUTARY_AUTH=proxy');
    expect(problemsOf({ ...base, TRIBUTARY_AUTH: 'proxy', TRIBUTARY_PROXY_ADDRESSES: 'proxy.internal' })).toContain('"proxy.internal" is not an IP address or a CIDR range');
    expect(problemsOf({ ...base, TRIBUTARY_PROXY_ROLES: 'druid-admins=root' })).toContain('TRIBUTARY_PROXY_ROLES must be group=role pairs');
    expect(problemsOf({ ...base, TRIBUTARY_SESSION_HOURS: '0' })).toContain('TRIBUTARY_SESSION_HOURS must be more than 0');
    expect(problemsOf({ ...base, TRIBUTARY_PROXY_USER_HEADER: 'X User' })).toContain('must be an HTTP header name');
  });

  it('tells those who used TRIBUTARY_BASIC_AUTH what replaces it, without repeating a secret', () => {
    const message = problemsOf({ ...base, TRIBUTARY_BASIC_AUTH: 'ops:hunter2-secret' });
    expect(message).toContain('TRIBUTARY_BASIC_AUTH is no longer read: set TRIBUTARY_AUTH=users');
    expect(message).not.toContain('hunter2-secret');
    const short = problemsOf({ ...base, TRIBUTARY_SESSION_SECRET: 'too-short-secret' });
    expect(short).toContain('TRIBUTARY_SESSION_SECRET must be at least 32 characters');
    expect(short).not.toContain('too-short-secret');
  });
});

describe('where npm start listens', () => {
  it('is loopback in open mode, every interface otherwise, TRIBUTARY_HOST when set', () => {
    expect(listenHost({})).toBe('127.0.0.1');
    expect(listenHost({ TRIBUTARY_AUTH: 'open' })).toBe('127.0.0.1');
    expect(listenHost({ TRIBUTARY_AUTH: 'users' })).toBeUndefined();
    expect(listenHost({ TRIBUTARY_AUTH: 'proxy' })).toBeUndefined();
    expect(listenHost({ TRIBUTARY_HOST: '0.0.0.0' })).toBe('0.0.0.0');
    expect(listenHost({ TRIBUTARY_AUTH: 'users', TRIBUTARY_HOST: '10.0.0.2' })).toBe('10.0.0.2');
  });
});
